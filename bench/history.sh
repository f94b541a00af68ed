#!/bin/bash
# history.sh: what `bedtime status` and `bedtime stats` cost with ten years
# of history (about 500,000 lines, bench/genhistory) against an empty one,
# and stats with sync on, two computers of ten years each (bench/gensynced):
# the fastest of RUNS runs as whole processes, wall and CPU time, the
# largest peak resident memory (getrusage's maxrss), as a user meets them,
# and the Go heap's peak as the runtime's collection trace gives it.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-7}
scripts/need python3:python3
go build -o bin/bedtime ./cmd/bedtime
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p -m 700 "$dir/empty" "$dir/full" "$dir/config" "$dir/empty/bedtime" "$dir/full/bedtime" "$dir/config/bedtime"
./bin/bedtime init --config "$dir/config/bedtime/schedule.yaml" >/dev/null 2>&1 || true
go run ./bench/genhistory -days "${DAYS:-3652}" "$dir/full/bedtime"
measure() { # name, state home, args...
	local name=$1 home=$2
	shift 2
	# Once unmeasured: the first stats makes the streak checkpoint (measured
	# on its own below, FRESH naming it: removed before each run).
	"$@" >/dev/null 2>&1 || true
	python3 - "$RUNS" "$name" "$@" <<'PY'
import os, re, resource, subprocess, sys, time
runs, name, args = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
best_wall = best_cpu = float("inf")
peak = 0
fresh = os.environ.get("FRESH", "")
def clear():
    if fresh and os.path.exists(fresh):
        os.remove(fresh)
for _ in range(runs):
    clear()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.monotonic()
    subprocess.run(args, stdout=subprocess.DEVNULL)  # status exits 3 when no daemon runs
    wall = time.monotonic() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    best_wall, best_cpu = min(best_wall, wall), min(best_cpu, cpu)
    peak = max(peak, after.ru_maxrss)
# Once more with the runtime's trace of each collection ("A->B->C MB": the
# heap at its start, at its end, and live): the Go heap's peak is about
# the largest B; without any collection the heap never reached the
# runtime's first goal (4 MB).
clear()
trace = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                       env={**os.environ, "GODEBUG": "gctrace=1"}).stderr
gcs = [int(m.group(1)) for m in re.finditer(r"\d+->(\d+)->\d+ MB", trace)]
heap = f"{max(gcs)} MB ({len(gcs)} GC)" if gcs else "< 4 MB (no GC)"
print(f"{name:32s} wall {best_wall*1000:7.1f} ms  cpu {best_cpu*1000:7.1f} ms  peak RSS {peak/1024:5.1f} MiB  Go heap {heap}")
PY
}
for h in empty full; do
	export XDG_STATE_HOME=$dir/$h XDG_CONFIG_HOME=$dir/config
	measure "status ($h)" "$h" ./bin/bedtime status
	measure "stats --days 7 ($h)" "$h" ./bin/bedtime stats --days 7
	measure "stats --days 365 ($h)" "$h" ./bin/bedtime stats --days 365
	# The first stats after the streak checkpoint went missing (or stopped
	# fitting the history) reads the whole history once to make it again.
	if [ "$h" = full ]; then
		FRESH=$dir/$h/bedtime/streaks.json RUNS=3 measure "stats --days 365, first ($h)" "$h" ./bin/bedtime stats --days 365
	fi
done
# With sync on: two computers, ten years each, shared through a folder
# (bench/gensynced); stats reads this computer's history and the other's
# sealed monthly files and merges them.
mkdir -p -m 700 "$dir/synced"
go run ./bench/gensynced -days "${DAYS:-3652}" "$dir/synced"
{
	printf 'sync:\n  folder: %s\n  name: laptop\n' "$dir/synced/Sync"
	cat "$dir/config/bedtime/schedule.yaml"
} >"$dir/synced/schedule.yaml"
export XDG_STATE_HOME=$dir/synced/laptop XDG_CONFIG_HOME=$dir/config
for days in 7 365; do
	RUNS=${SYNC_RUNS:-3} measure "stats --days $days (synced)" synced ./bin/bedtime --config "$dir/synced/schedule.yaml" stats --days "$days"
done
# The first stats with sync on (or after the synced checkpoint stopped
# fitting the folder: a computer wrote late into an old month) reads the
# whole record once to make it again.
FRESH=$dir/synced/laptop/bedtime/synced-streaks.json RUNS=${SYNC_RUNS:-3} measure "stats --days 7, first (synced)" synced ./bin/bedtime --config "$dir/synced/schedule.yaml" stats --days 7
