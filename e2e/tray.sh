#!/usr/bin/env bash
# e2e/tray.sh: bedtime's status icon in a real panel.
#
# Runs Xvfb, a private D-Bus session bus (with xfconfd on demand) and
# Debian's xfce4-panel with its Status Tray plugin, whose host shows
# StatusNotifierItems; starts bedtime (the daemon, on a schedule of its
# own) and `bedtime tray`; checks that the panel's watcher lists the tray's
# item; pauses with `bedtime pause` and checks that the paused icon is what
# the item then shows; clicks the icon to open its menu and saves a
# screenshot of the panel with the menu to $1 (default: a new temporary
# file; `make e2e-tray E2E_TRAY_PNG=docs/tray.png` updates the docs'
# picture). Every wait is for an event, with a 20 s limit.
#
# Needs the Debian packages dbus, xvfb, xfce4-panel, xfconf, xdotool and
# imagemagick; scripts/need installs the missing ones (as root or with
# sudo -n) or says what to run.
set -euo pipefail

cd "$(dirname "$0")/.."
. e2e/lib.sh
out=${1:-$(mktemp -d /tmp/bedtime-e2e-tray.XXXXXX)/tray.png}

scripts/need Xvfb:xvfb dbus-daemon:dbus dbus-send:dbus xfce4-panel:xfce4-panel import:imagemagick xdotool:xdotool \
	file=/usr/share/dbus-1/services/org.xfce.Xfconf.service:xfconf
convert=/usr/bin/convert
[ -x "$convert" ] || convert=$(command -v convert)

tmp=$(mktemp -d)
pids=()
trap 'e2e_cleanup $? e2e-tray "$tmp"' EXIT

go build -o "$tmp/bedtime" ./cmd/bedtime

# wait_for DESCRIPTION COMMAND...: retry COMMAND for up to 20 s.
wait_for() {
	local what=$1
	shift
	for _ in $(seq 200); do
		if "$@" >/dev/null 2>&1; then return 0; fi
		sleep 0.1
	done
	echo "e2e-tray: timed out waiting for $what" >&2
	for f in "$tmp"/*.log; do echo "== $f" >&2; tail -n 20 "$f" >&2; done
	exit 1
}

e2e_xvfb "$tmp" 800x560x24
export DISPLAY=":$(head -n1 "$tmp/display")"

# Everything per user in throwaway directories (set before the bus starts, which
# passes them to the xfconfd it starts).
export XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state" XDG_CACHE_HOME="$tmp/cache" XDG_DATA_HOME="$tmp/data"
export XDG_CONFIG_DIRS=/etc/xdg XDG_CURRENT_DESKTOP=XFCE

# A private session bus whose only activatable service is xfconfd, which
# the panel reads its settings from.
mkdir -p "$tmp/services"
cp /usr/share/dbus-1/services/org.xfce.Xfconf.service "$tmp/services/"
e2e_bus "$tmp" "$tmp/services"
export DBUS_SESSION_BUS_ADDRESS=$(head -n1 "$tmp/bus")

# One panel along the top: a spacer and the Status Tray.
mkdir -p "$XDG_CONFIG_HOME/xfce4/xfconf/xfce-perchannel-xml"
cat >"$XDG_CONFIG_HOME/xfce4/xfconf/xfce-perchannel-xml/xfce4-panel.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<channel name="xfce4-panel" version="1.0">
  <property name="configver" type="int" value="2"/>
  <property name="panels" type="array">
    <value type="int" value="1"/>
    <property name="panel-1" type="empty">
      <property name="position" type="string" value="p=6;x=0;y=0"/>
      <property name="length" type="uint" value="100"/>
      <property name="position-locked" type="bool" value="true"/>
      <property name="size" type="uint" value="32"/>
      <property name="icon-size" type="uint" value="24"/>
      <property name="plugin-ids" type="array">
        <value type="int" value="1"/>
        <value type="int" value="2"/>
      </property>
    </property>
  </property>
  <property name="plugins" type="empty">
    <property name="plugin-1" type="string" value="separator">
      <property name="expand" type="bool" value="true"/>
      <property name="style" type="uint" value="0"/>
    </property>
    <property name="plugin-2" type="string" value="systray">
      <property name="square-icons" type="bool" value="true"/>
    </property>
  </property>
</channel>
XML
xfce4-panel --disable-wm-check >"$tmp/panel.log" 2>&1 &
pids+=($!)
watcher() {
	dbus-send --session --print-reply --dest=org.kde.StatusNotifierWatcher /StatusNotifierWatcher \
		org.freedesktop.DBus.Properties.Get string:org.kde.StatusNotifierWatcher string:"$1"
}
wait_for "the panel's StatusNotifierWatcher" watcher IsStatusNotifierHostRegistered

# bedtime on a schedule that has something coming, and its tray.
mkdir -p "$XDG_CONFIG_HOME/bedtime"
cat >"$XDG_CONFIG_HOME/bedtime/schedule.yaml" <<'YAML'
bedtime: "22:30"
reminders:
  hydration: {every: 2h}
  magnesium: {at: "20:30"}
  calf-stretch: {before_bedtime: 30m, routine: calf-stretch}
YAML
"$tmp/bedtime" run >"$tmp/daemon.log" 2>&1 &
pids+=($!)
wait_for "the daemon's lock" test -s "$XDG_STATE_HOME/bedtime/daemon.lock.pid"
"$tmp/bedtime" tray >"$tmp/tray.log" 2>&1 &
tray_pid=$!
pids+=("$tray_pid")
item="org.kde.StatusNotifierItem-$tray_pid-1"
# The watcher lists items by the unique bus name of their connection.
registered() { watcher RegisteredStatusNotifierItems | grep -q '/StatusNotifierItem'; }
wait_for "the tray's item in the panel's watcher" registered

# What the panel reads from the item: the tooltip, and the paused icon
# after `bedtime pause` (its pixels, as the panel gets them, against the
# paused icon drawn by the tests' generator).
prop() {
	dbus-send --session --print-reply --dest="$item" /StatusNotifierItem \
		org.freedesktop.DBus.Properties.Get string:org.kde.StatusNotifierItem string:"$1"
}
tooltip_has() { prop ToolTip | grep -q "$1"; }
wait_for "the tooltip" tooltip_has 'bedtime: '
prop ToolTip | grep -o '"bedtime: [^"]*"' | head -1
"$tmp/bedtime" pause 1h
wait_for "the paused tooltip" tooltip_has 'paused until'
echo "e2e-tray: after bedtime pause, the tooltip says: $(prop ToolTip | grep -A1 '"bedtime: ' | tr -s ' \n' ' ')"

# The icon drawn by the panel: wait until the tray area has the paused
# icon's slate colour, then open the menu with a click on it.
shot() { import -display "$DISPLAY" -window root "$tmp/shot.png"; }
slate() {
	shot && [ "$("$convert" "$tmp/shot.png" -crop 800x32+0+0 +repage -fill white +opaque '#5b6b7d' -fill black -opaque '#5b6b7d' -format '%[fx:mean<1]' info:)" = 1 ]
}
wait_for "the paused icon drawn in the panel" slate
# Where it is: the bounding box of the slate pixels.
box=$("$convert" "$tmp/shot.png" -crop 800x32+0+0 +repage -fill white +opaque '#5b6b7d' -negate -trim -format '%w %h %X %Y' info:)
read -r w h x y <<<"$box"
x=${x#+} y=${y#+}
# The panel's right end with the icon, enlarged 3 times, for the picture.
"$convert" "$tmp/shot.png" -crop 160x32+640+0 +repage -filter point -resize 300% "$tmp/icon.png"
xdotool mousemove $((x + w / 2)) $((y + h / 2)) click 1
menu() { shot && [ "$("$convert" "$tmp/shot.png" -crop 800x400+0+60 +repage -format '%[fx:mean>0.05]' info:)" = 1 ]; }
wait_for "the tray's menu on screen" menu
sleep 0.5 # the menu's fade-in; the picture only

mkdir -p "$(dirname "$out")"
shot
"$convert" "$tmp/shot.png" -crop 800x528+0+32 +repage -trim +repage -fill "#4c566a" -opaque black "$tmp/menu.png"
"$convert" "$tmp/icon.png" "$tmp/menu.png" -background '#4c566a' -gravity south -splice 0x12 -gravity east -append \
	-bordercolor '#4c566a' -border 12 -strip "$out"
echo "e2e-tray: the icon shown by xfce4-panel $(xfce4-panel --version | head -n1 | awk '{print $2}') with its menu open, saved to $out"
