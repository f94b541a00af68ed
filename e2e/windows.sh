#!/bin/bash
# e2e/windows.sh: the Windows build of bedtime, really run, under Wine
# (Debian's wine64) in a private, throw-away WINEPREFIX.
#
#   bedtime.exe --version, next
#   bedtime-daemon.exe beside bedtime.exe, as the release's zip has it: the
#     Run value runs it (and it hands over to bedtime.exe run, a child
#     process that holds the daemon's lock)
#   install before any init (no schedule file): a daemon runs, on the
#     built-in default (the Run value has --or-builtin); uninstall
#   install: the HKCU ...\CurrentVersion\Run value "bedtime" is there (read
#     with Wine's reg.exe), runs bedtime-daemon.exe, and a daemon runs
#     (status: pid; it fires into its log)
#   status, stop (nothing runs), start, uninstall (the value is gone, nothing runs)
#   the log, already past its cap when install starts the daemon (which has
#     it as its stderr too), is set aside to bedtime.log.1 and stays capped
#   doctor names none of Linux's commands or files
#   the state package's tests, the per-user lock's tests, the Run value's
#   command line test and the log file's capping tests, built for Windows
#
# Go 1.24+ binaries call ProcessPrng from bcryptprimitives.dll, which Wine 8
# lacks: a tiny stand-in DLL is built here with mingw-w64 (ProcessPrng filling
# the buffer from RtlGenRandom) and put in the prefix's system32, where Go
# loads it from.
#
# Needs the Debian packages wine64 and gcc-mingw-w64-x86-64-win32: installed
# here when run as root (or with sudo -n), else it stops with the command to
# run. No display is needed. Exits non-zero, saying what failed, on the first
# failure. KEEP=1 keeps the temporary directory.
set -uo pipefail

TOP=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d /tmp/bedtime-e2e-windows.XXXXXX)
export WINEPREFIX=$tmp/prefix WINEARCH=win64 WINEDEBUG=-all
# No Mono or Gecko install prompts; our ProcessPrng stand-in, not Wine's.
export WINEDLLOVERRIDES="mscoree,mshtml=;bcryptprimitives=n"

step() { echo "e2e-windows: $*"; }
fail() {
	echo "e2e-windows: FAIL: $*" >&2
	local log=$WINEPREFIX/drive_c/users/$USER/AppData/Local/bedtime/bedtime.log
	[ -f "$log" ] && { echo "--- $log:" >&2; tail -n 20 "$log" >&2; }
	[ -s "$tmp/wine.log" ] && { echo "--- Wine's messages:" >&2; tail -n 20 "$tmp/wine.log" >&2; }
	exit 1
}
cleanup() {
	[ -n "${WINE:-}" ] && "${WINESERVER:-wineserver}" -k >/dev/null 2>&1
	if [ "${KEEP:-}" = 1 ]; then echo "e2e-windows: kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
export USER=${USER:-$(id -un)}

# Tools: install them, or say how.
find_wine() {
	WINE=$(command -v wine64 || true)
	[ -z "$WINE" ] && [ -x /usr/lib/wine/wine64 ] && WINE=/usr/lib/wine/wine64
	WINESERVER=$(command -v wineserver || true)
	[ -z "$WINESERVER" ] && [ -x /usr/lib/wine/wineserver64 ] && WINESERVER=/usr/lib/wine/wineserver64
	[ -n "$WINE" ] && [ -n "$WINESERVER" ]
}
missing=()
find_wine || missing+=(wine64)
command -v x86_64-w64-mingw32-gcc >/dev/null || missing+=(gcc-mingw-w64-x86-64-win32)
if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" = 0 ]; then
		sudo=()
	elif sudo -n true 2>/dev/null; then
		sudo=(sudo -n)
	else
		echo "e2e-windows: missing ${missing[*]}; run:  sudo apt-get install -y ${missing[*]}" >&2
		exit 1
	fi
	step "installing ${missing[*]}"
	apt_get() { "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -y -q "$@"; }
	apt_get install --no-install-recommends "${missing[@]}" ||
		{ apt_get update && apt_get install --no-install-recommends "${missing[@]}"; } ||
		fail "apt-get install ${missing[*]} failed"
	find_wine || fail "wine64 is installed but neither wine64 nor /usr/lib/wine/wine64 is found"
fi
export WINESERVER

# w runs a Windows program under Wine; Wine's own chatter goes to $tmp/wine.log.
w() { timeout 60 "$WINE" "$@" 2>>"$tmp/wine.log"; }
bt() { w 'C:\bedtime\bedtime.exe' "$@"; }

step "Wine prefix in $WINEPREFIX ($("$WINE" --version 2>/dev/null))"
timeout 180 "$WINE" wineboot --init >>"$tmp/wine.log" 2>&1 || fail "wineboot --init failed: $(tail -n 5 "$tmp/wine.log")"

step "bcryptprimitives.dll stand-in (ProcessPrng) with mingw-w64"
cat >"$tmp/bcryptprimitives.c" <<'EOF'
/* ProcessPrng, as Go 1.24+ calls it: fill buf with len random bytes. */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE buf, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!RtlGenRandom(buf, n))
			return FALSE;
		buf += n;
		len -= n;
	}
	return TRUE;
}
EOF
printf 'LIBRARY bcryptprimitives\nEXPORTS\n    ProcessPrng\n' >"$tmp/bcryptprimitives.def"
x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
	"$tmp/bcryptprimitives.c" "$tmp/bcryptprimitives.def" -ladvapi32 || fail "building the DLL"

# The test binaries clean up with os.RemoveAll, which deletes through
# NtSetInformationFile(FileDispositionInformationEx); Wine 8 answers
# STATUS_NOT_IMPLEMENTED, which Go does not take as "use the older way"
# (it does for STATUS_INVALID_INFO_CLASS). For the tests only, an overlay of
# that one Go source file adds it to the fallback cases; bedtime.exe is built
# from the unchanged toolchain.
at=$(go env GOROOT)/src/internal/syscall/windows/at_windows.go
grep -q '	case STATUS_INVALID_INFO_CLASS, ' "$at" || fail "$at has changed: check the RemoveAll workaround"
sed 's/	case STATUS_INVALID_INFO_CLASS, /	case NTStatus(0xC0000002), STATUS_INVALID_INFO_CLASS, /' "$at" >"$tmp/at_windows.go"
printf '{"Replace": {"%s": "%s"}}\n' "$at" "$tmp/at_windows.go" >"$tmp/overlay.json"

step "build bedtime.exe, bedtime-daemon.exe beside it, and the test binaries for windows/amd64"
mkdir -p "$WINEPREFIX/drive_c/bedtime"
(cd "$TOP" &&
	GOOS=windows GOARCH=amd64 go build -o "$WINEPREFIX/drive_c/bedtime/bedtime.exe" ./cmd/bedtime &&
	GOOS=windows GOARCH=amd64 go build -ldflags=-H=windowsgui -o "$WINEPREFIX/drive_c/bedtime/bedtime-daemon.exe" ./cmd/bedtime-daemon &&
	GOOS=windows GOARCH=amd64 go test -c -overlay "$tmp/overlay.json" -o "$WINEPREFIX/drive_c/bedtime/state.test.exe" ./state &&
	GOOS=windows GOARCH=amd64 go test -c -overlay "$tmp/overlay.json" -o "$WINEPREFIX/drive_c/bedtime/userlock.test.exe" ./userlock &&
	GOOS=windows GOARCH=amd64 go test -c -overlay "$tmp/overlay.json" -o "$WINEPREFIX/drive_c/bedtime/service.test.exe" ./service &&
	GOOS=windows GOARCH=amd64 go test -c -overlay "$tmp/overlay.json" -o "$WINEPREFIX/drive_c/bedtime/logfile.test.exe" ./logfile) || fail "go build"

step "version and next"
out=$(bt --version) || fail "bedtime --version: $out"
case "$out" in "bedtime version "*) echo "$out" ;; *) fail "bedtime --version said: $out" ;; esac
printf '%s\r\n' "reminders:" "  ping:" "    every: 5s" "    title: Ping" >"$WINEPREFIX/drive_c/bedtime/schedule.yaml"
out=$(bt next -n 2 --config 'C:\bedtime\schedule.yaml') || fail "bedtime next: $out"
echo "$out"
case "$out" in *ping*ping*) ;; *) fail "next does not list ping twice: $out" ;; esac

file -b "$WINEPREFIX/drive_c/bedtime/bedtime-daemon.exe" | grep -qF '(GUI)' ||
	fail "bedtime-daemon.exe is a console program, which would open a window at logon"
runkey='HKCU\Software\Microsoft\Windows\CurrentVersion\Run'
run_value() { w reg query "$runkey" /v bedtime 2>/dev/null | tr -d '\r' | grep -F REG_SZ; }
daemon_pids() { pgrep -f 'bedtime(-daemon)?\.exe.* run ' || true; }
# none_left WHEN: no bedtime-daemon.exe or bedtime.exe run is left, within
# 5 s (bedtime-daemon.exe exits once its bedtime.exe run, which stop ends, has).
none_left() {
	local i
	for ((i = 0; i < 20; i++)); do [ -z "$(daemon_pids)" ] && return 0; sleep 0.25; done
	fail "bedtime still runs $1: $(daemon_pids)"
}

step "install before any init: no schedule file, a running daemon on the built-in default"
out=$(timeout 60 bash -c 'set -o pipefail; "$@" | cat' sh "$WINE" 'C:\bedtime\bedtime.exe' install 2>>"$tmp/wine.log") ||
	fail "bedtime install without a schedule failed (or did not return within 60 s): $out"
echo "$out"
case "$out" in *"--or-builtin, now and at every login"*"there is no schedule file at "*) ;; *) fail "install without a schedule said: $out" ;; esac
run_value | grep -F -- ' --or-builtin' >/dev/null || fail "the Run value lacks --or-builtin: $(run_value)"
out=$(bt status) || fail "status exited non-zero after install without a schedule: $out"
case "$out" in *"installed, running (pid "*) ;; *) fail "status after install without a schedule: $out" ;; esac
log=$WINEPREFIX/drive_c/users/$USER/AppData/Local/bedtime/bedtime.log
on_default() { grep -F 'msg="schedule loaded" why=start' "$log" 2>/dev/null | grep -qF 'from="built-in default (no file at '; }
for ((i = 0; i < 20; i++)); do on_default && break; sleep 0.5; done
on_default || fail "the daemon did not start on the built-in default (log $log)"
out=$(bt uninstall) || fail "bedtime uninstall: $out"
none_left "after uninstall"

step "install"
# A log past its 1 MiB cap: the daemon has it as its stderr, and the file
# must still be set aside (Windows refuses to rename a file held open so).
printf 'time=0 level=INFO msg=filler n=%06d\n' $(seq 30000) >>"$log"
# Output to a pipe: install must return although the daemon it starts runs on.
out=$(timeout 60 bash -c 'set -o pipefail; "$@" | cat' sh "$WINE" 'C:\bedtime\bedtime.exe' install --config 'C:\bedtime\schedule.yaml' 2>>"$tmp/wine.log") ||
	fail "bedtime install | cat did not return within 60 s, or failed: $out"
echo "$out"
case "$out" in *'installed logon autostart HKCU\Software\Microsoft\Windows\CurrentVersion\Run\bedtime'*) ;; *) fail "install said: $out" ;; esac
val=$(run_value)
echo "$val" | grep -F 'bedtime    REG_SZ    C:\bedtime\bedtime-daemon.exe run --config C:\bedtime\schedule.yaml' >/dev/null ||
	fail "the Run value is not there or does not run bedtime-daemon.exe: $val"
case "$out" in *'it runs C:\bedtime\bedtime-daemon.exe run --config C:\bedtime\schedule.yaml, now'*) ;; *) fail "install does not say it runs bedtime-daemon.exe: $out" ;; esac
out=$(bt status --config 'C:\bedtime\schedule.yaml') || fail "status exited non-zero after install: $out"
echo "$out" | head -n 4
case "$out" in *"installed, running (pid "*"(logon autostart, starts at logon)"*) ;; *) fail "status after install: $out" ;; esac
[ -n "$(daemon_pids)" ] || fail "no bedtime.exe run process after install"
for ((i = 0; i < 40; i++)); do grep -qF 'msg=fired reminder=ping' "$log" 2>/dev/null && break; sleep 0.5; done
grep -qF 'msg=fired reminder=ping' "$log" 2>/dev/null || fail "the daemon did not fire ping within 20 s (log $log)"
size=$(stat -c %s "$log")
[ "$size" -le $((1 << 20)) ] || fail "the log is $size bytes, past its cap of 1 MiB: not set aside"
[ -s "$log.1" ] && [ "$(stat -c %s "$log.1")" -le $((1 << 20)) ] || fail "$log.1 is missing or past the cap"

step "doctor says nothing of Linux"
out=$(bt doctor 2>&1)
echo "$out" | grep -E 'notification|busy'
bad=$(echo "$out" | grep -E 'journalctl|systemctl|proc.asound|ALSA|DISPLAY|`kill ') && fail "doctor tells a Windows user of Linux: $bad"

step "stop, start"
out=$(bt stop) || fail "bedtime stop: $out"
out=$(bt status) && fail "status exited 0 after stop: $out"
case "$out" in *"installed, not running"*) ;; *) fail "status after stop: $out" ;; esac
none_left "after stop"
out=$(timeout 60 bash -c 'set -o pipefail; "$@" | cat' sh "$WINE" 'C:\bedtime\bedtime.exe' start 2>>"$tmp/wine.log") || fail "bedtime start | cat: $out"
bt status >/dev/null || fail "not running after start"

step "uninstall"
out=$(bt uninstall) || fail "bedtime uninstall: $out"
echo "$out"
[ -z "$(run_value)" ] || fail "the Run value is still there after uninstall: $(run_value)"
w reg query "$runkey" /v bedtime >/dev/null 2>&1 && fail "reg query still finds the Run value (exit status 0)"
none_left "after uninstall"
out=$(bt status) && fail "status exited 0 after uninstall: $out"
case "$out" in *'not installed as a service (run "bedtime install")'*"logon autostart; install writes"*) ;; *) fail "status after uninstall: $out" ;; esac

step "state package tests, the per-user lock's tests, the Run value test and the log file's, on Windows"
(cd "$WINEPREFIX/drive_c/bedtime" && timeout 240 "$WINE" 'C:\bedtime\state.test.exe' -test.v 2>>"$tmp/wine.log") >"$tmp/state.txt" ||
	{ cat "$tmp/state.txt"; fail "state tests"; }
grep -E '^(--- |ok|PASS|FAIL)' "$tmp/state.txt" | grep -v '^    ' | tail -n 30
(cd "$WINEPREFIX/drive_c/bedtime" && timeout 120 "$WINE" 'C:\bedtime\userlock.test.exe' -test.v -test.run '^TestLock' 2>>"$tmp/wine.log") >"$tmp/userlock.txt" ||
	{ cat "$tmp/userlock.txt"; fail "per-user lock test"; }
for t in TestLockAndRunning TestLockWhileProbed; do
	grep -q -- "--- PASS: $t " "$tmp/userlock.txt" || { cat "$tmp/userlock.txt"; fail "the lock test $t did not pass"; }
done
grep -E '^(--- |PASS|FAIL)' "$tmp/userlock.txt"
(cd "$WINEPREFIX/drive_c/bedtime" && timeout 120 "$WINE" 'C:\bedtime\service.test.exe' -test.v -test.run '^(TestRunValueCommandLine|TestSpecFromArgs|TestDaemonBeside)$' 2>>"$tmp/wine.log") >"$tmp/service.txt" ||
	{ cat "$tmp/service.txt"; fail "the Run value tests"; }
for t in TestRunValueCommandLine TestSpecFromArgs TestDaemonBeside; do
	grep -q -- "--- PASS: $t " "$tmp/service.txt" || { cat "$tmp/service.txt"; fail "the Run value test $t did not pass"; }
done
grep -E '^(--- |PASS|FAIL)' "$tmp/service.txt"
(cd "$WINEPREFIX/drive_c/bedtime" && timeout 120 "$WINE" 'C:\bedtime\logfile.test.exe' -test.v -test.run '^(TestCappedWhileHeldOpen|TestSetAsideFromALineStart|TestRotationThatFailsKeepsLogging)$' 2>>"$tmp/wine.log") >"$tmp/logfile.txt" ||
	{ cat "$tmp/logfile.txt"; fail "the log file's tests"; }
for t in TestCappedWhileHeldOpen TestSetAsideFromALineStart TestRotationThatFailsKeepsLogging; do
	grep -q -- "--- PASS: $t " "$tmp/logfile.txt" || { cat "$tmp/logfile.txt"; fail "the log file's test $t did not pass"; }
done
grep -E '^(--- |PASS|FAIL)' "$tmp/logfile.txt"

step "PASS"
