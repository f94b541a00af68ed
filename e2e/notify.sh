#!/usr/bin/env bash
# e2e/notify.sh: show one real bedtime reminder on a real notification server
# and save a screenshot of it.
#
# Runs Xvfb, a private D-Bus session bus and dunst on it, sends a calf-stretch
# reminder with `bedtime notify` (the same Desktop notifier the daemon uses),
# waits until dunst has drawn it, and
# saves the cropped screenshot to $1 (default: a new temporary file, so a
# plain run changes nothing in the repository; `make e2e-notify
# E2E_PNG=docs/reminder.png` updates the README's picture).
#
# Needs the Debian packages dbus, xvfb, dunst and imagemagick; scripts/need
# installs the missing ones (as root or with sudo -n) or says what to run.
set -euo pipefail

cd "$(dirname "$0")/.."
. e2e/lib.sh
out=${1:-$(mktemp -d /tmp/bedtime-e2e-notify.XXXXXX)/reminder.png}

scripts/need Xvfb:xvfb dbus-daemon:dbus dbus-send:dbus dunst:dunst import:imagemagick \
	file=/usr/lib/notification-daemon/notification-daemon:notification-daemon
# ImageMagick's own convert, in case a stand-in comes first on PATH.
convert=/usr/bin/convert
[ -x "$convert" ] || convert=$(command -v convert)

tmp=$(mktemp -d)
pids=()
trap 'e2e_cleanup $? e2e-notify "$tmp"' EXIT

go build -o "$tmp/bedtime" ./cmd/bedtime

# wait_for DESCRIPTION COMMAND...: retry COMMAND for up to 10 s.
wait_for() {
	local what=$1
	shift
	for _ in $(seq 100); do
		if "$@" >/dev/null 2>&1; then return 0; fi
		sleep 0.1
	done
	echo "e2e-notify: timed out waiting for $what" >&2
	exit 1
}

# X server on a free display; -displayfd tells us which.
e2e_xvfb "$tmp" 900x400x24
export DISPLAY=":$(head -n1 "$tmp/display")"

# A private session bus without service activation, so only our dunst serves.
e2e_bus "$tmp"
export DBUS_SESSION_BUS_ADDRESS=$(head -n1 "$tmp/bus")

cat >"$tmp/dunstrc" <<'CONF'
[global]
    width = 420
    height = 200
    origin = top-right
    offset = 24x24
    padding = 14
    horizontal_padding = 14
    frame_width = 2
    frame_color = "#8fa1d9"
    corner_radius = 8
    font = DejaVu Sans 11
    format = "<b>%s</b>\n%b"
    markup = full
    icon_position = left
    min_icon_size = 48
    max_icon_size = 48
    word_wrap = yes
    show_indicators = no
[urgency_normal]
    background = "#22263f"
    foreground = "#eceff4"
    timeout = 0
CONF
dunst -config "$tmp/dunstrc" 2>"$tmp/dunst.log" &
pids+=($!)
wait_for "dunst on the bus" dbus-send --session --print-reply --dest=org.freedesktop.Notifications \
	/org/freedesktop/Notifications org.freedesktop.Notifications.GetServerInformation

# The icon goes to a throwaway cache dir; with no schedule file in the
# throwaway config dir, the built-in default is used.
XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" "$tmp/bedtime" notify calf-stretch --variant 1 --wait 0

# Wait until dunst has drawn something on the black screen.
drawn() {
	import -display "$DISPLAY" -window root "$tmp/shot.png" &&
		[ "$("$convert" "$tmp/shot.png" -format '%[fx:mean>0.01]' info:)" = 1 ]
}
wait_for "the notification on screen" drawn

mkdir -p "$(dirname "$out")"
"$convert" "$tmp/shot.png" -trim +repage -fuzz 2% -fill "#4c566a" -opaque black -bordercolor '#4c566a' -border 20 -strip "$out"
echo "e2e-notify: reminder shown by $(dunst --version | head -n1 | cut -d- -f1)and saved to $out"

# The same reminder under GNOME's reference server, notification-daemon,
# with its buttons (Start, Done, Snooze): bedtime notify waits for an
# answer while the screenshot is taken, and nobody answers.
kill "${pids[-1]}"
wait "${pids[-1]}" 2>/dev/null || true
wait_for "dunst gone" sh -c '! dbus-send --session --print-reply --dest=org.freedesktop.Notifications /org/freedesktop/Notifications org.freedesktop.Notifications.GetServerInformation'
/usr/lib/notification-daemon/notification-daemon 2>"$tmp/nd.log" &
pids+=($!)
wait_for "notification-daemon on the bus" dbus-send --session --print-reply --dest=org.freedesktop.Notifications \
	/org/freedesktop/Notifications org.freedesktop.Notifications.GetServerInformation
rm -f "$tmp/shot.png"
XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" "$tmp/bedtime" notify calf-stretch --variant 1 --wait 5s >"$tmp/notify2.txt" &
pids+=($!)
wait_for "the notification with its buttons on screen" drawn
out2=${out%.png}-gnome.png
"$convert" "$tmp/shot.png" -trim +repage -fuzz 2% -fill "#4c566a" -opaque black -bordercolor '#4c566a' -border 20 -strip "$out2"
echo "e2e-notify: reminder with buttons shown by notification-daemon and saved to $out2"
