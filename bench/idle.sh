#!/bin/bash
# idle.sh: how small and how quiet the daemon is at rest. Runs the release
# build (make release: stripped) of `bedtime run --builtin` connected to a
# session bus of its own, and reports its memory from
# /proc/PID/smaps_rollup: the resident set (RSS), the part of it that is
# anonymous (the heap and stacks, which only this process pays for) and
# its proportional share (PSS: shared file pages divided among the
# processes that map them); and how often its threads woke up (context
# switches) and how many pages it touched (smaps Referenced, after
# clear_refs) while it waited for the next reminder; then reloads it
# (SIGHUP) and reports its memory again.
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${SECS:-30}
command -v dbus-daemon >/dev/null || { echo "idle.sh needs dbus-daemon (Debian package dbus)" >&2; exit 1; }
make --no-print-directory release BIN=bin/bedtime
dir=$(mktemp -d)
pid= buspid=
trap 'kill $pid $buspid 2>/dev/null || true; rm -rf "$dir"' EXIT
dbus-daemon --session --fork --print-address=3 --print-pid=4 3>"$dir/addr" 4>"$dir/buspid"
buspid=$(cat "$dir/buspid")
XDG_STATE_HOME=$dir XDG_CONFIG_HOME=$dir XDG_RUNTIME_DIR=$dir DBUS_SESSION_BUS_ADDRESS=$(cat "$dir/addr") \
	./bin/bedtime run --builtin 2>"$dir/log" &
pid=$!
sleep 2
switches() { awk '/ctxt_switches/ {s += $2} END {print s}' /proc/$pid/task/*/status; }
rss() { awk '/^(Rss|Pss|Anonymous|Pss_Anon|Pss_File):/ {v[$1] = $2} END {printf "RSS %d KiB, anonymous %d KiB, PSS %d KiB (anonymous %d, file %d)", v["Rss:"], v["Anonymous:"], v["Pss:"], v["Pss_Anon:"], v["Pss_File:"]}' /proc/$pid/smaps_rollup; }
# clear_refs: from here on, smaps_rollup's Referenced counts only the
# pages the process touches while it waits (its working set at rest).
echo 1 >/proc/$pid/clear_refs
before=$(switches)
sleep "$SECS"
after=$(switches)
touched=$(awk '/^Referenced:/ {print $2}' /proc/$pid/smaps_rollup)
echo "idle for ${SECS}s: $(rss), $((after - before)) context switches across all threads, ${touched} KiB of pages touched meanwhile"
kill -HUP $pid
sleep 2
echo "after a reload: $(rss)"
