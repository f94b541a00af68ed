#!/bin/bash
# idle.sh: how small and how quiet the daemon is at rest. Runs the release
# build (make release: stripped) of bedtime-daemon, the program the
# service runs, on the built-in default schedule and on the one `bedtime
# init` writes, connected to a session bus of its own; and, to compare,
# `bedtime run`, the whole program, which also runs the daemon of a
# schedule with a phone channel (bedtime-daemon hands those over to it).
# For each it reports its memory from /proc/PID/smaps_rollup: the
# resident set (RSS), the part of it that is anonymous (the heap and
# stacks, which only this process pays for) and its proportional share
# (PSS: shared file pages divided among the processes that map them); and
# how often its threads woke up (context switches) and how many pages it
# touched (smaps Referenced, after clear_refs) while it waited for the
# next reminder; then reloads it (SIGHUP) and reports its memory again.
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${SECS:-30}
command -v dbus-daemon >/dev/null || { echo "idle.sh needs dbus-daemon (Debian package dbus)" >&2; exit 1; }
make --no-print-directory release BIN=bin/bedtime DAEMON_BIN=bin/bedtime-daemon
dir=$(mktemp -d)
pid= buspid=
trap 'kill $pid $buspid 2>/dev/null || true; rm -rf "$dir"' EXIT
dbus-daemon --session --fork --print-address=3 --print-pid=4 3>"$dir/addr" 4>"$dir/buspid"
buspid=$(cat "$dir/buspid")
switches() { awk '/ctxt_switches/ {s += $2} END {print s}' /proc/$pid/task/*/status; }
rss() { awk '/^(Rss|Pss|Anonymous|Pss_Anon|Pss_File):/ {v[$1] = $2} END {printf "RSS %d KiB, anonymous %d KiB, PSS %d KiB (anonymous %d, file %d)", v["Rss:"], v["Anonymous:"], v["Pss:"], v["Pss_Anon:"], v["Pss_File:"]}' /proc/$pid/smaps_rollup; }

# measure LABEL PROGRAM ARGS...: the program at rest, then after a reload,
# in a home of its own.
measure() {
	local label=$1 home
	shift
	home=$(mktemp -d "$dir/home.XXXXXX")
	env XDG_STATE_HOME="$home" XDG_CONFIG_HOME="$home" XDG_RUNTIME_DIR="$home" DBUS_SESSION_BUS_ADDRESS="$(cat "$dir/addr")" \
		./bin/bedtime init >/dev/null
	env XDG_STATE_HOME="$home" XDG_CONFIG_HOME="$home" XDG_RUNTIME_DIR="$home" DBUS_SESSION_BUS_ADDRESS="$(cat "$dir/addr")" \
		"$@" 2>"$home/log" &
	pid=$!
	sleep 2
	# clear_refs: from here on, smaps_rollup's Referenced counts only the
	# pages the process touches while it waits (its working set at rest).
	echo 1 >/proc/$pid/clear_refs
	local before after touched
	before=$(switches)
	sleep "$SECS"
	after=$(switches)
	touched=$(awk '/^Referenced:/ {print $2}' /proc/$pid/smaps_rollup)
	echo "$label, idle for ${SECS}s: $(rss), $((after - before)) context switches across all threads, ${touched} KiB of pages touched meanwhile"
	kill -HUP $pid
	sleep 2
	echo "$label, after a reload: $(rss)"
	kill $pid
	wait $pid || true
	pid=
}

ls -l bin/bedtime-daemon bin/bedtime | awk '{printf "%s: %.1f MB\n", $NF, $5 / 1e6}'
measure "bedtime-daemon run --builtin" ./bin/bedtime-daemon run --builtin
measure "bedtime-daemon run (the schedule bedtime init writes)" ./bin/bedtime-daemon run
measure "bedtime run --builtin (the whole program)" ./bin/bedtime run --builtin
