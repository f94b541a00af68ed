#!/bin/bash
# idle.sh: how small and how quiet the daemon is at rest. Runs `bedtime run
# --builtin` for a while and reports its resident memory and how often its
# threads woke up (context switches) while it waited for the next reminder.
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${SECS:-30}
go build -o bin/bedtime ./cmd/bedtime
dir=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
XDG_STATE_HOME=$dir DBUS_SESSION_BUS_ADDRESS= XDG_RUNTIME_DIR=$dir ./bin/bedtime run --builtin 2>"$dir/log" &
pid=$!
sleep 2
switches() { awk '/ctxt_switches/ {s += $2} END {print s}' /proc/$pid/task/*/status; }
before=$(switches)
sleep "$SECS"
after=$(switches)
rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
echo "idle for ${SECS}s: RSS ${rss} KiB, $((after - before)) context switches across all threads"
