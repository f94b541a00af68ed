#!/usr/bin/env bash
# presence.sh: the presence tests against a real GNOME compositor.
#
# Runs the presence package's tests with the e2e build tag: besides the
# normal ones (Xvfb with xdotool, fake logind and screen savers on private
# dbus-daemon buses, an in-test Wayland compositor), a real
# `mutter --headless --virtual-monitor 1024x768` on a private session bus,
# whose idle monitor bedtime watches (MUTTER_DEBUG_RESET_IDLETIME=1 lets the
# test stand in for the person's input).
#
# Needs the Debian packages mutter dbus xvfb xdotool; installs the missing
# ones when run as root.
set -euo pipefail

cd "$(dirname "$0")/.."

need=()
for pair in mutter:mutter dbus-daemon:dbus Xvfb:xvfb xdotool:xdotool; do
	command -v "${pair%%:*}" >/dev/null || need+=("${pair##*:}")
done
if [ ${#need[@]} -gt 0 ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "e2e-presence: install the Debian packages: ${need[*]}" >&2
		exit 1
	fi
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}"
fi

exec ${GO:-go} test -race -count=1 -tags e2e ./presence/
