#!/bin/bash
# tray-idle.sh: how small and how quiet `bedtime tray` is at rest, beside
# the daemon (bench/idle.sh measures the daemon alone). Runs a session bus
# of its own, `bedtime run --builtin` and `bedtime tray` on it, lets both
# sit for SECS seconds (default 120, so that the tray's countdown, which
# changes once a minute, is counted), and reports each one's resident
# memory and how often its threads woke up (context switches).
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${SECS:-120}
command -v dbus-daemon >/dev/null || { echo "tray-idle.sh needs dbus-daemon (Debian package dbus)" >&2; exit 1; }
go build -o bin/bedtime ./cmd/bedtime
dir=$(mktemp -d)
pid= tpid= buspid=
trap 'kill $tpid $pid $buspid 2>/dev/null || true; rm -rf "$dir"' EXIT
dbus-daemon --session --fork --print-address=3 --print-pid=4 3>"$dir/addr" 4>"$dir/buspid"
buspid=$(cat "$dir/buspid")
export XDG_STATE_HOME=$dir XDG_CONFIG_HOME=$dir XDG_RUNTIME_DIR=$dir DBUS_SESSION_BUS_ADDRESS=$(cat "$dir/addr")
./bin/bedtime run --builtin 2>"$dir/log" &
pid=$!
./bin/bedtime tray 2>"$dir/tray.log" &
tpid=$!
sleep 3
switches() { awk '/ctxt_switches/ {s += $2} END {print s}' /proc/$1/task/*/status; }
rss() { awk '/^(VmRSS|RssAnon|RssFile)/ {v[$1] = $2} END {printf "RSS %d KiB (anonymous %d, file-backed %d)", v["VmRSS:"], v["RssAnon:"], v["RssFile:"]}' /proc/$1/status; }
d0=$(switches $pid) t0=$(switches $tpid)
sleep "$SECS"
d1=$(switches $pid) t1=$(switches $tpid)
echo "idle for ${SECS}s:"
echo "  daemon: $(rss $pid), $((d1 - d0)) context switches across all threads"
echo "  tray:   $(rss $tpid), $((t1 - t0)) context switches across all threads"
# A change made by a command, for comparison: one pause and one resume.
t2=$(switches $tpid)
./bin/bedtime pause 1h >/dev/null
./bin/bedtime resume >/dev/null
sleep 1
echo "  tray after a pause and a resume: $(rss $tpid), $(( $(switches $tpid) - t2 )) context switches for the two changes"
