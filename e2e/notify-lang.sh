#!/usr/bin/env bash
# e2e/notify-lang.sh: a bedtime reminder in German on a real notification
# server: Xvfb, a private D-Bus session bus and dunst on it; `bedtime notify`
# with LANG=de_DE.UTF-8 and no language: in the schedule, so the language
# comes from the environment as in a real session. Passes when dunst's own
# record of the notification (dunstctl history) holds the German title and
# body that content/lang/de/texts.yaml has, and saves a screenshot to $1
# (default: a new temporary file).
#
# Needs the Debian packages dbus, xvfb, dunst and imagemagick; scripts/need
# installs the missing ones (as root or with sudo -n) or says what to run.
set -euo pipefail

cd "$(dirname "$0")/.."
. e2e/lib.sh
out=${1:-$(mktemp -d /tmp/bedtime-e2e-notify-lang.XXXXXX)/reminder-de.png}

scripts/need Xvfb:xvfb dbus-daemon:dbus dbus-send:dbus dunst:dunst dunstctl:dunst import:imagemagick
convert=/usr/bin/convert
[ -x "$convert" ] || convert=$(command -v convert)

tmp=$(mktemp -d)
pids=()
trap 'e2e_cleanup $? e2e-notify-lang "$tmp"' EXIT

go build -o "$tmp/bedtime" ./cmd/bedtime

wait_for() {
	local what=$1
	shift
	for _ in $(seq 100); do
		if "$@" >/dev/null 2>&1; then return 0; fi
		sleep 0.1
	done
	echo "e2e-notify-lang: timed out waiting for $what" >&2
	exit 1
}

e2e_xvfb "$tmp" 900x400x24
export DISPLAY=":$(head -n1 "$tmp/display")"

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
    font = DejaVu Sans 11
    format = "<b>%s</b>\n%b"
    markup = full
    word_wrap = yes
[urgency_normal]
    background = "#22263f"
    foreground = "#eceff4"
    timeout = 0
CONF
dunst -config "$tmp/dunstrc" 2>"$tmp/dunst.log" &
pids+=($!)
wait_for "dunst on the bus" dbus-send --session --print-reply --dest=org.freedesktop.Notifications \
	/org/freedesktop/Notifications org.freedesktop.Notifications.GetServerInformation

# No schedule file: the built-in default, and the language from LANG alone.
env -u LC_ALL -u LC_MESSAGES LANG=de_DE.UTF-8 XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" \
	"$tmp/bedtime" notify calf-stretch --variant 1 --wait 0

drawn() {
	import -display "$DISPLAY" -window root "$tmp/shot.png" &&
		[ "$("$convert" "$tmp/shot.png" -format '%[fx:mean>0.01]' info:)" = 1 ]
}
wait_for "the notification on screen" drawn
mkdir -p "$(dirname "$out")"
"$convert" "$tmp/shot.png" -trim +repage -fuzz 2% -fill "#4c566a" -opaque black -bordercolor '#4c566a' -border 20 -strip "$out"

# What dunst showed, from dunst itself: close it, then read its history.
dunstctl close-all
wait_for "dunst's history" sh -c 'dunstctl history | grep -q Wadendehnung'
dunstctl history >"$tmp/history.json"
for want in "Wadendehnung vor dem Schlafen" "Zur Wand, Hände daran"; do
	if ! grep -qF "$want" "$tmp/history.json"; then
		echo "e2e-notify-lang: dunst did not show \"$want\"; its history:" >&2
		cat "$tmp/history.json" >&2
		exit 1
	fi
done
echo "e2e-notify-lang: German reminder shown by $(dunst --version | head -n1 | cut -d- -f1)and saved to $out"
