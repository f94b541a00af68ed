#!/bin/bash
# e2e/fresh.sh: the README's promise, tested: on a fresh Debian with Go, git
# and make, as root, `make test` and `make run` are all it takes.
#
# Once, and cached: a minimal Debian root (debootstrap --variant=minbase,
# bookworm, from the host's mirror, as e2e/systemd-user-sandbox builds its
# own) at $FRESH_ROOT (/var/lib/machines/bedtime-fresh), with git and make
# installed and the host's Go (/usr/local/go, or GOROOT) copied in; the copy
# of Go is renewed when the host's Go version changes.
#
# Every run: a throw-away copy of that root (an overlay on it, or where
# overlayfs cannot be mounted cp --reflink=auto -a), the
# repository cloned into it at the HEAD commit of the checkout this script
# is in (uncommitted changes are not part of it), and inside, as root under
# systemd-nspawn (no boot, the host's network), with empty Go caches (build
# and module cache: modules come from the Go proxy over HTTPS, as a
# newcomer's would, which also proves the CA certificates get installed):
#
#   make test        exactly as the README says; it installs what it needs
#   make run         the daemon must start on the built-in default and say
#                    that there is no session bus; it is stopped with Ctrl+C
#                    (SIGINT) after that and must stop cleanly
#
# It stops at the first failing step and shows its output. Needs root.
# Environment: FRESH_ROOT, FRESH_MACHINE (the container's name,
# bedtime-fresh), KEEP=1 keeps the copy, FRESH_SUITE (bookworm).
set -uo pipefail

TOP=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
machine=${FRESH_MACHINE:-bedtime-fresh}
root=${FRESH_ROOT:-/var/lib/machines/$machine}
suite=${FRESH_SUITE:-bookworm}
goroot=$(go env GOROOT 2>/dev/null || echo /usr/local/go)
start=$SECONDS

step() { echo "e2e-fresh: [$((SECONDS - start))s] $*"; }
fail() { echo "e2e-fresh: FAIL: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "needs root (debootstrap, systemd-nspawn)"

# The tools on the host; the sandbox script's mirror() is reused, not copied.
need=()
command -v debootstrap >/dev/null || need+=(debootstrap)
command -v systemd-nspawn >/dev/null || need+=(systemd-container)
if [ ${#need[@]} -gt 0 ]; then
	step "installing ${need[*]} on the host"
	export DEBIAN_FRONTEND=noninteractive
	apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null ||
		{ apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; } ||
		fail "apt-get install ${need[*]}"
fi
mirror() {
	local m=""
	[ -r /etc/apt/sources.list.d/debian.sources ] &&
		m=$(sed -n 's/^URIs:[[:space:]]*\([^[:space:]]*\).*/\1/p' /etc/apt/sources.list.d/debian.sources | head -n1)
	[ -z "$m" ] && [ -r /etc/apt/sources.list ] &&
		m=$(awk '$1 == "deb" { print $2; exit }' /etc/apt/sources.list)
	echo "${m:-http://deb.debian.org/debian}"
}

# inside DIR CMD...: run CMD as root inside the root DIR, without booting it.
inside() {
	local dir=$1
	shift
	systemd-nspawn --quiet --directory="$dir" --machine="$machine-$$" --register=no --keep-unit \
		--console=pipe --resolv-conf=copy-host --timezone=copy \
		--setenv=HOME=/root --setenv=PATH=/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		--setenv=LANG=C.UTF-8 "$@"
	local rc=$?
	rm -rf "/run/systemd/nspawn/propagate/$machine-$$"
	return $rc
}

# The cached root: minbase, then git and make (the README's "Go, git and
# make"); nothing else.
if [ ! -x "$root/usr/bin/make" ]; then
	step "building the cached root $root (debootstrap minbase $suite from $(mirror))"
	rm -rf "$root.partial"
	mkdir -p "$(dirname "$root")"
	debootstrap --variant=minbase "$suite" "$root.partial" "$(mirror)" >"/tmp/$machine-debootstrap.log" 2>&1 ||
		{ tail -n 20 "/tmp/$machine-debootstrap.log" >&2; fail "debootstrap"; }
	inside "$root.partial" sh -c 'apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends git make >/dev/null' ||
		fail "apt-get install git make in the root"
	inside "$root.partial" apt-get clean
	mv "$root.partial" "$root"
fi
want=$("$goroot/bin/go" version)
if [ "$(cat "$root/usr/local/go/.fresh-stamp" 2>/dev/null)" != "$want" ]; then
	step "copying the host's Go into the cached root ($want)"
	rm -rf "$root/usr/local/go"
	cp -a "$goroot" "$root/usr/local/go" || fail "copying $goroot"
	echo "$want" >"$root/usr/local/go/.fresh-stamp"
fi

step "a throw-away copy of the root"
# An overlay on the cached root costs nothing; where overlayfs cannot be
# mounted, a copy (reflinked where the file system can).
run=$(mktemp -d "$(dirname "$root")/$machine-run.XXXXXX")
copy=$run/root
mkdir -p "$copy" "$run/upper" "$run/work"
cleanup() {
	if [ "${KEEP:-}" = 1 ]; then echo "e2e-fresh: kept $run (the overlay is unmounted: the changes are in $run/upper)"; fi
	mountpoint -q "$copy" && umount "$copy"
	[ "${KEEP:-}" = 1 ] || rm -rf "$run"
}
trap cleanup EXIT
if ! mount -t overlay overlay -o "lowerdir=$root,upperdir=$run/upper,workdir=$run/work" "$copy" 2>/dev/null; then
	cp -a --reflink=auto "$root/." "$copy/" || fail "copying the root"
fi
# Nothing of the host's Go caches: a newcomer has none.
rm -rf "$copy/root/.cache" "$copy/root/go"
# The site's own CAs (a network that inspects TLS, as CI's may), where
# Debian's ca-certificates takes them in when it is installed: part of this
# network, not of the machine. Without the package there is still no
# bundle at all, as on a bare Debian.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
	mkdir -p "$copy/usr/local/share/ca-certificates"
	cp /usr/local/share/ca-certificates/*.crt "$copy/usr/local/share/ca-certificates/"
fi

commit=$(git -C "$TOP" rev-parse HEAD)
step "clone $TOP at $commit"
git clone --quiet --no-checkout "$TOP" "$copy/root/bedtime" &&
	git -C "$copy/root/bedtime" checkout --quiet --detach "$commit" || fail "git clone"

step "make test (as the README says, as root)"
t0=$SECONDS
inside "$copy" --chdir=/root/bedtime make test >"$run/test.log" 2>&1
rc=$?
if [ $rc -ne 0 ]; then
	# What failed, wherever it is in the log (a test's own lines come long
	# before the package's FAIL), then the end of the log.
	grep -n -B 2 -A 30 -E '^(--- FAIL|panic:|WARNING: DATA RACE)' "$run/test.log" | head -n 200 >&2
	tail -n 40 "$run/test.log" >&2
	fail "make test on a fresh Debian exited $rc (the whole log: KEEP=1, then $run/test.log)"
fi
grep -E '^(Installing missing|ok |FAIL|---)' "$run/test.log" | grep -v '^ok ' | head -n 20
step "make test passed in $((SECONDS - t0))s"

step "make run (no desktop session here)"
# Inside, the shell is PID 1: once the daemon has said what it runs and
# that there is no session bus, Ctrl+C (SIGINT) goes to every other
# process (kill -1), make and bedtime, as a terminal's Ctrl+C would.
inside "$copy" --chdir=/root/bedtime sh -c '
	make run >/root/run.log 2>&1 </dev/null &
	pid=$!
	i=0
	while [ $i -lt 600 ]; do
		grep -q "no session bus" /root/run.log && break
		kill -0 $pid 2>/dev/null || break
		sleep 0.5
		i=$((i + 1))
	done
	sleep 1
	kill -INT -1
	wait $pid
	echo "make run exited $?" >>/root/run.log
'
log=$copy/root/run.log
cat "$log"
grep -q 'msg="bedtime started"' "$log" || fail "make run: the daemon did not start"
grep -q 'msg="schedule loaded" why=start from="built-in default (--builtin)"' "$log" ||
	fail "make run: not on the built-in default"
grep -q 'level=WARN msg="no session bus: ' "$log" || fail "make run: it did not say that there is no session bus"
grep -q 'msg="bedtime stopped"' "$log" || fail "make run: the daemon did not stop cleanly on Ctrl+C"
step "PASS in $((SECONDS - start))s"
