#!/usr/bin/env bash
# e2e/answer.sh: a reminder answered on the notification itself, as a person
# does, through a real notification server's own way of pressing a button.
#
# Runs Xvfb, a private D-Bus session bus, dunst and the bedtime daemon on
# it. A reminder fires at the next whole minute; its Snooze is chosen in
# dunst's context menu (`dunstctl context`, which hands the notification's
# actions to the program dunst's `dmenu` setting names, here a script that
# picks one), so dunst itself sends ActionInvoked. The reminder must come
# back a minute later, and Done chosen the same way must close it: the
# history then says shown, snoozed, shown again, done, and `stats` due 1,
# done 1, counted once.
#
# Needs the Debian packages dbus, xvfb, dunst and python3; scripts/need
# installs the missing ones (as root or with sudo -n) or says what to run.
set -euo pipefail

cd "$(dirname "$0")/.."
. e2e/lib.sh
scripts/need Xvfb:xvfb dbus-daemon:dbus dbus-monitor:dbus dbus-send:dbus dunst:dunst dunstctl:dunst python3:python3

tmp=$(mktemp -d /tmp/bedtime-e2e-answer.XXXXXX)
pids=()
trap 'e2e_cleanup $? e2e-answer "$tmp" "$tmp"/daemon.log "$tmp"/monitor.log "$tmp"/menu.txt "$tmp"/dunst.log "$tmp"/state/bedtime/history.jsonl' EXIT

say() { echo "e2e-answer: $*"; }
fail() { echo "e2e-answer: $*" >&2; exit 1; }
# wait_for SECONDS DESCRIPTION COMMAND...: retry COMMAND every 0.2 s.
wait_for() {
	local secs=$1 what=$2 i
	shift 2
	for ((i = 0; i < secs * 5; i++)); do
		if "$@" >/dev/null 2>&1; then return 0; fi
		sleep 0.2
	done
	fail "timed out after ${secs}s waiting for $what"
}

go build -o "$tmp/bedtime" ./cmd/bedtime

e2e_xvfb "$tmp" 900x400x24
export DISPLAY=":$(head -n1 "$tmp/display")"
e2e_bus "$tmp"
export DBUS_SESSION_BUS_ADDRESS=$(head -n1 "$tmp/bus")
export HOME=$tmp XDG_CONFIG_HOME=$tmp/config XDG_STATE_HOME=$tmp/state XDG_CACHE_HOME=$tmp/cache

# dunst's context menu runs its dmenu program with one line per action on
# stdin, such as "#Done (Magnesium on your plate) [1,done]", and invokes
# the action of the line printed back. This one prints the first line
# with the label in $tmp/choose, and keeps what it was offered.
cat >"$tmp/pick" <<SH
#!/bin/sh
tee "$tmp/menu.txt" | grep -m1 "^#\$(cat "$tmp/choose") "
SH
chmod +x "$tmp/pick"
cat >"$tmp/dunstrc" <<CONF
[global]
    dmenu = $tmp/pick
[urgency_normal]
    timeout = 0
CONF
dunst -config "$tmp/dunstrc" 2>"$tmp/dunst.log" &
pids+=($!)
wait_for 10 "dunst on the bus" dbus-send --session --print-reply --dest=org.freedesktop.Notifications \
	/org/freedesktop/Notifications org.freedesktop.Notifications.GetServerInformation
dbus-monitor --session "type='method_call',interface='org.freedesktop.Notifications'" \
	"type='signal',interface='org.freedesktop.Notifications'" >"$tmp/monitor.log" 2>&1 &
pids+=($!)

# The next whole minute at least 15 s away, in UTC, so that the daemon is
# up and waiting when it comes.
fire=$(date -u -d "+75 seconds" +%s)
fire=$((fire - fire % 60))
at=$(date -u -d "@$fire" +%H:%M)
mkdir -p "$tmp/config/bedtime"
printf '%s\n' "timezone: UTC" "reminders:" "  magnesium: {at: \"$at\", snooze: 1m}" >"$tmp/config/bedtime/schedule.yaml"
"$tmp/bedtime" validate >/dev/null
"$tmp/bedtime" run >"$tmp/daemon.log" 2>&1 &
pids+=($!)
say "magnesium is due at $at UTC; waiting"

shown() { [ "$(grep -c 'member=Notify$' "$tmp/monitor.log" || true)" -ge "$1" ]; }
# press LABEL: choose LABEL in dunst's context menu of the notification.
press() {
	printf '%s' "$1" >"$tmp/choose"
	rm -f "$tmp/menu.txt"
	dunstctl context
	wait_for 10 "dunst's context menu" test -s "$tmp/menu.txt"
}
invoked() { [ "$(grep -c 'member=ActionInvoked$' "$tmp/monitor.log" || true)" -ge "$1" ]; }

wait_for 100 "the reminder on screen" shown 1
wait_for 10 "the reminder in dunst" sh -c '[ "$(dunstctl count displayed)" -ge 1 ]'
press Snooze
grep -q '^#Done ' "$tmp/menu.txt" || fail "dunst's menu does not offer Done: $(cat "$tmp/menu.txt")"
wait_for 10 "dunst to invoke Snooze" invoked 1
t0=$(date +%s)
say "Snooze chosen in dunst's menu (offered: $(sed 's/ (.*//' "$tmp/menu.txt" | tr '\n' ' '))"

wait_for 90 "the snoozed reminder back on screen" shown 2
say "back after $(($(date +%s) - t0)) s (snooze: 1m)"
wait_for 10 "the reminder in dunst" sh -c '[ "$(dunstctl count displayed)" -ge 1 ]'
press Done
wait_for 10 "dunst to invoke Done" invoked 2
wait_for 10 "the Done in the history" grep -q '"kind":"done"' "$tmp/state/bedtime/history.jsonl"
say "Done chosen in dunst's menu"

python3 - "$tmp/state/bedtime/history.jsonl" <<'PY' || fail "the history is not shown, snoozed, shown, done"
import json, sys
kinds = [e["kind"] for e in map(json.loads, open(sys.argv[1])) if e.get("reminder") == "magnesium"]
want = ["shown", "snoozed", "shown", "done"]
got = [k for k in kinds if k in want]
if got != want:
    sys.exit("history of magnesium: %s" % kinds)
print("e2e-answer: history:", " ".join(kinds))
PY
"$tmp/bedtime" stats --json --days 1 | python3 -c '
import json, sys
m = [r for r in json.load(sys.stdin) if r["reminder"] == "magnesium"]
if len(m) != 1 or m[0]["due"] != 1 or m[0]["done"] != 1:
    sys.exit("stats: %s" % m)
' || fail "stats is not due 1, done 1"
sleep 2
[ "$(grep -c 'member=Notify$' "$tmp/monitor.log")" -eq 2 ] || fail "shown more than twice"
say "PASS (stats: magnesium due 1, done 1)"
