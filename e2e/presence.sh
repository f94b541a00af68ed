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
# Needs the Debian packages mutter dbus xvfb xdotool; scripts/need installs
# the missing ones (as root or with sudo -n) or says what to run.
set -euo pipefail

cd "$(dirname "$0")/.."

scripts/need mutter:mutter dbus-daemon:dbus Xvfb:xvfb xdotool:xdotool

exec ${GO:-go} test -race -count=1 -tags e2e ./presence/
