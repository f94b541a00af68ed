#!/bin/bash
# sync-idle.sh: what sharing through a sync folder costs a daemon at rest.
# Runs `bedtime run` twice on the same schedule (one reminder hours away),
# each on a session bus of its own: once alone, once with sync: on (a key
# made, a folder of its own watched, its history and presence published). Reports each run's
# resident memory and its threads' wakeups (context switches) per minute
# while it waited, and the difference.
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${SECS:-60}
scripts/need dbus-daemon:dbus
go build -o bin/bedtime ./cmd/bedtime
dir=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$dir"' EXIT
at=$(date -u -d '+3 hours' +%H:%M)
run() { # name sync(yes|no) → "rss_kib switches_per_min"
	local d=$dir/$1
	mkdir -p "$d/config" "$d/state" "$d/Sync"
	chmod 700 "$d/Sync"
	{
		echo "timezone: UTC"
		[ "$2" = yes ] && printf 'sync:\n  folder: %s\n  name: bench\n' "$d/Sync"
		printf 'reminders:\n  magnesium: {at: "%s"}\n' "$at"
	} >"$d/schedule.yaml"
	if [ "$2" = yes ]; then
		XDG_STATE_HOME=$d/state ./bin/bedtime --config "$d/schedule.yaml" sync init >/dev/null
	fi
	dbus-daemon --session --fork --print-address=3 --print-pid=4 3>"$d/addr" 4>"$d/buspid"
	pids+=("$(cat "$d/buspid")")
	XDG_STATE_HOME=$d/state XDG_CONFIG_HOME=$d/config XDG_RUNTIME_DIR=$d DBUS_SESSION_BUS_ADDRESS=$(cat "$d/addr") \
		./bin/bedtime --config "$d/schedule.yaml" run 2>"$d/log" &
	local pid=$!
	pids+=("$pid")
	sleep 3
	if [ "$2" = yes ] && ! grep -q 'sync: sharing the record' "$d/log"; then
		echo "sync-idle.sh: the daemon is not sharing:" >&2
		cat "$d/log" >&2
		exit 1
	fi
	local before after
	before=$(awk '/ctxt_switches/ {s += $2} END {print s}' /proc/$pid/task/*/status)
	sleep "$SECS"
	after=$(awk '/ctxt_switches/ {s += $2} END {print s}' /proc/$pid/task/*/status)
	echo "$(awk '/^VmRSS/ {print $2}' /proc/$pid/status) $(((after - before) * 60 / SECS))"
	kill "$pid"
}
read -r rss0 w0 < <(run alone no)
read -r rss1 w1 < <(run sync yes)
echo "alone:     RSS $rss0 KiB, $w0 wakeups per minute idle"
echo "with sync: RSS $rss1 KiB, $w1 wakeups per minute idle"
echo "sync costs $((rss1 - rss0)) KiB of RSS and $((w1 - w0)) wakeups per minute"
