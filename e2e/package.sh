#!/bin/bash
# e2e/package.sh: the release as people get it (make e2e-package). Needs root.
#
# 1. The packages read back on this host: lintian on the .debs (no errors),
#    rpm -qlp / -qp --requires / --recommends on the .rpms, the Arch
#    packages' .PKGINFO; every tarball and the zip opened, their programs'
#    (bedtime, and bedtime-daemon beside it) architecture checked and,
#    where this machine can run it, "bedtime version" run (linux/amd64
#    here, windows/amd64 under Wine).
# 2. The .deb on a fresh Debian booted with systemd-nspawn
#    (e2e/systemd-user-sandbox, machine bedtime-package: a fresh copy of a
#    root built once): apt-get install ./bedtime_*.deb, with its Recommends,
#    which bring GNOME's notification-daemon; as the ordinary user, that
#    server on Xvfb, bedtime init, bedtime install (which must enable the
#    package's unit, not write one; the unit runs /usr/bin/bedtime-daemon,
#    and the process started from it is the service's), a reminder shown by
#    that server on the user's session bus; uninstall and install again;
#    apt-get remove, after which the user's schedule and history are still
#    there.
#
# Environment: DIST (a make dist directory to test; default: make dist into
# a temporary one), SANDBOX_MACHINE (the sandbox's name, default
# bedtime-package), KEEP=1 leaves the sandbox up. Exits non-zero, saying
# what failed, at the first failure.
set -uo pipefail

TOP=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cd "$TOP"
SANDBOX=$TOP/e2e/systemd-user-sandbox
export SANDBOX_MACHINE=${SANDBOX_MACHINE:-bedtime-package}
BASE=/var/lib/machines/bedtime-package-base
start=$(date +%s)
tmp=$(mktemp -d /tmp/bedtime-e2e-package.XXXXXX)
chmod 755 "$tmp"
export BINDIR=$tmp/bin
mkdir -p "$BINDIR"
chmod 755 "$BINDIR"

step() { echo "e2e-package: [$(($(date +%s) - start))s] $*"; }
fail() {
	echo "e2e-package: FAIL: $*" >&2
	if [ -n "${booted:-}" ]; then
		echo "--- journal of bedtime.service:" >&2
		"$SANDBOX" user journalctl --user -u bedtime.service --no-pager -n 30 -o cat >&2 || true
	fi
	exit 1
}
cleanup() {
	[ -n "${WINESERVER:-}" ] && "$WINESERVER" -k >/dev/null 2>&1
	if [ "${KEEP:-}" != 1 ]; then
		[ -n "${booted:-}" ] && "$SANDBOX" down >/dev/null 2>&1
		rm -rf "/var/lib/machines/$SANDBOX_MACHINE"
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
u() { "$SANDBOX" user "$@"; }
r() { "$SANDBOX" root "$@"; }
wait_for() { # NAME SECONDS CMD...
	local name=$1 secs=$2 i
	shift 2
	for ((i = 0; i < secs * 2; i++)); do
		"$@" >/dev/null 2>&1 && return 0
		sleep 0.5
	done
	fail "$name: not true after ${secs}s"
}

[ "$(id -u)" = 0 ] || fail "needs root (systemd-nspawn, apt-get in the sandbox)"
scripts/need lintian:lintian rpm:rpm zstd:zstd file:file unzip:unzip \
	file=/usr/lib/wine/wine64:wine64 x86_64-w64-mingw32-gcc:gcc-mingw-w64-x86-64-win32 || fail "scripts/need"

if [ -z "${DIST:-}" ]; then
	step "make dist"
	DIST=$tmp/dist
	go run ./internal/cmd/dist -o "$DIST" >/dev/null || fail "make dist"
fi
version=$(sed -n 's/^  version "\(.*\)"$/\1/p' "$DIST/bedtime.rb")
[ -n "$version" ] || fail "no version in $DIST/bedtime.rb"
step "release $version in $DIST"
(cd "$DIST" && sha256sum --quiet --check SHA256SUMS) || fail "SHA256SUMS does not match the files"

# --- 1. the packages and archives, read back -------------------------------
step "lintian $(cd "$DIST" && echo bedtime_*.deb)"
out=$(lintian --tag-display-limit 0 "$DIST"/bedtime_*.deb 2>&1)
grep -v 'running with root privileges' <<<"$out" | sed 's/^/  /'
grep -q '^E: ' <<<"$out" && fail "lintian reports errors"
for deb in "$DIST"/bedtime_*.deb; do
	[ "$(dpkg-deb --field "$deb" Version)" = "$version-1" ] || fail "$(basename "$deb") has not version $version-1"
done
for rpm in "$DIST"/bedtime-*.rpm; do
	step "rpm -qlp / --requires / --recommends $(basename "$rpm")"
	files=$(rpm -qlp "$rpm" 2>/dev/null) || fail "rpm -qlp $rpm"
	for f in /usr/bin/bedtime /usr/bin/bedtime-daemon /usr/lib/systemd/user/bedtime.service \
		/usr/share/man/man1/bedtime.1.gz /usr/share/man/man1/bedtime-daemon.1.gz \
		/usr/share/bash-completion/completions/bedtime /usr/share/zsh/site-functions/_bedtime \
		/usr/share/fish/vendor_completions.d/bedtime.fish /usr/share/applications/bedtime.desktop \
		/usr/share/icons/hicolor/scalable/apps/bedtime.svg /usr/share/doc/bedtime/LICENSE /usr/share/doc/bedtime/README.md; do
		grep -qx "$f" <<<"$files" || fail "$(basename "$rpm") lacks $f"
	done
	req=$(rpm -qp --requires "$rpm" 2>/dev/null)
	echo "$req" | sed 's/^/  requires: /'
	grep -v '^rpmlib(' <<<"$req" | grep -q . && fail "$(basename "$rpm") requires more than rpmlib features: $req"
	rec=$(rpm -qp --recommends "$rpm" 2>/dev/null)
	echo "  recommends: $rec"
	[ "$rec" = desktop-notification-daemon ] || fail "$(basename "$rpm") recommends $rec"
	[ "$(rpm -qp --qf '%{VERSION}-%{RELEASE} %{LICENSE}' "$rpm" 2>/dev/null)" = "$version-1 MIT" ] || fail "$(basename "$rpm") version or license"
done
for pkg in "$DIST"/bedtime-*.pkg.tar.zst; do
	step ".PKGINFO of $(basename "$pkg")"
	info=$(tar --zstd -xOf "$pkg" .PKGINFO) || fail "cannot read .PKGINFO from $pkg"
	echo "$info" | grep -E '^(pkgname|pkgver|arch|license|optdepend|depend) ' | sed 's/^/  /'
	grep -qx "pkgver = $version-1" <<<"$info" || fail "$(basename "$pkg") pkgver"
	grep -qx "license = MIT" <<<"$info" || fail "$(basename "$pkg") license"
	grep -q '^depend ' <<<"$info" && fail "$(basename "$pkg") has hard dependencies"
	grep -q '^optdepend = notification-daemon' <<<"$info" || fail "$(basename "$pkg") lacks the optdepend"
	list=$(tar --zstd -tf "$pkg") || fail "cannot list $pkg"
	grep -qx usr/lib/systemd/user/bedtime.service <<<"$list" || fail "$(basename "$pkg") lacks the unit"
	grep -qx usr/bin/bedtime-daemon <<<"$list" || fail "$(basename "$pkg") lacks bedtime-daemon"
done

mkdir -p "$tmp/x"
for a in "$DIST"/bedtime_*.tar.gz "$DIST"/bedtime_*.zip; do
	name=$(basename "$a")
	top=${name%.tar.gz}
	top=${top%.zip}
	case $name in
	*.zip) unzip -q -d "$tmp/x" "$a" || fail "unzip $name" ;;
	*) tar -xzf "$a" -C "$tmp/x" || fail "tar -x $name" ;;
	esac
	for f in README.md LICENSE completions/bedtime.bash man/man1/bedtime.1 man/man1/bedtime-daemon.1; do
		[ -s "$tmp/x/$top/$f" ] || fail "$name lacks $f"
	done
	ext=
	case $top in
	*windows_amd64) ext=.exe want="PE32\\+ executable.*x86-64" ;;
	*linux_amd64) want="ELF 64-bit LSB executable, x86-64.*statically linked" ;;
	*linux_arm64) want="ELF 64-bit LSB executable, ARM aarch64.*statically linked" ;;
	*darwin_amd64) want="Mach-O 64-bit x86_64 executable" ;;
	*darwin_arm64) want="Mach-O 64-bit arm64 executable" ;;
	esac
	# bedtime, and beside it the bedtime-daemon its service runs.
	for prog in bedtime bedtime-daemon; do
		bin=$tmp/x/$top/$prog$ext
		[ -x "$bin" ] || fail "$name lacks $prog$ext, or it is not executable"
		file -b "$bin" | grep -Eq "$want" || fail "$name: $prog$ext is $(file -b "$bin"), want $want"
		step "$name: $prog$ext: $(file -b "$bin" | cut -d, -f1-2)"
	done
	# bedtime-daemon.exe has no console: logging on opens no window.
	if [ -n "$ext" ]; then
		file -b "$tmp/x/$top/bedtime-daemon$ext" | grep -qF '(GUI)' ||
			fail "$name: bedtime-daemon$ext is a console program: $(file -b "$tmp/x/$top/bedtime-daemon$ext")"
	fi
	# bedtime-daemon is built without inlining (internal/release's gcFlags).
	go version -m "$tmp/x/$top/bedtime-daemon$ext" | grep -qE '^\s+build\s+-gcflags=all=-l$' ||
		fail "$name: bedtime-daemon$ext was not built with -gcflags=all=-l"
done
out=$("$tmp/x/bedtime_${version}_linux_amd64/bedtime" version) || fail "bedtime version (linux/amd64): $out"
echo "$out" | sed 's/^/  /'
grep -qx "bedtime $version" <<<"$out" || fail "linux/amd64 bedtime version does not say $version"

step "windows/amd64 bedtime.exe version under Wine"
WINE=$(command -v wine64 || echo /usr/lib/wine/wine64)
WINESERVER=$(command -v wineserver || echo /usr/lib/wine/wineserver64)
export WINESERVER WINEPREFIX=$tmp/wine WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;bcryptprimitives=n"
timeout 180 "$WINE" wineboot --init >"$tmp/wine.log" 2>&1 || fail "wineboot: $(tail -n 5 "$tmp/wine.log")"
# Go 1.24+ needs ProcessPrng, which Wine 8 lacks: the stand-in e2e/windows.sh explains.
cat >"$tmp/prng.c" <<'EOF'
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
printf 'LIBRARY bcryptprimitives\nEXPORTS\n    ProcessPrng\n' >"$tmp/prng.def"
x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
	"$tmp/prng.c" "$tmp/prng.def" -ladvapi32 || fail "building the ProcessPrng stand-in"
out=$(timeout 60 "$WINE" "$tmp/x/bedtime_${version}_windows_amd64/bedtime.exe" version 2>>"$tmp/wine.log" | tr -d '\r') ||
	fail "bedtime.exe version: $out $(tail -n 5 "$tmp/wine.log")"
echo "$out" | sed 's/^/  /'
grep -qx "bedtime $version" <<<"$out" || fail "windows bedtime.exe version does not say $version"
"$WINESERVER" -k >/dev/null 2>&1
unset WINESERVER

# --- 2. the .deb on a fresh Debian -----------------------------------------
if [ ! -x "$BASE/lib/systemd/systemd" ]; then
	step "build the sandbox's root once ($BASE, debootstrap)"
	SANDBOX_ROOT=$BASE "$SANDBOX" setup || fail "sandbox setup"
fi
step "a fresh copy of the root, boot it"
rm -rf "/var/lib/machines/$SANDBOX_MACHINE"
cp -a --reflink=auto "$BASE" "/var/lib/machines/$SANDBOX_MACHINE" || fail "copying the root"
deb=$(basename "$DIST"/bedtime_*_amd64.deb)
cp "$DIST/$deb" "$BINDIR/"
chmod 644 "$BINDIR/$deb"
"$SANDBOX" up || fail "the sandbox did not boot"
booted=1
r test ! -e /usr/bin/bedtime || fail "the fresh root already has bedtime"

step "apt-get install ./$deb (with its Recommends), and Xvfb to show the notifications on"
r sh -c 'cp /opt/testbin/*.deb /root/ && cd /root && export DEBIAN_FRONTEND=noninteractive &&
	apt-get update -q >/dev/null && apt-get install -y -q ./'"$deb"' xvfb man-db >/tmp/apt.log 2>&1' ||
	fail "apt-get install: $(r tail -n 20 /tmp/apt.log)"
r dpkg-query -W -f '${Status}\n' notification-daemon | grep -q 'install ok installed' ||
	fail "apt-get did not install the recommended notification-daemon"
out=$(u bedtime version) || fail "bedtime version in the sandbox"
grep -qx "bedtime $version" <<<"$out" || fail "the installed bedtime says: $out"
r test -f /usr/lib/systemd/user/bedtime.service || fail "no /usr/lib/systemd/user/bedtime.service"
r test -f /usr/share/man/man1/bedtime.1.gz || fail "no man page"
r test -x /usr/bin/bedtime-daemon || fail "no /usr/bin/bedtime-daemon"
u man -w bedtime-next >/dev/null || fail "man bedtime-next finds no page"
u man -w bedtime-daemon >/dev/null || fail "man bedtime-daemon finds no page"

step "as the user: a notification server (notification-daemon on Xvfb) on the session bus"
u systemd-run --user --quiet --unit=xvfb Xvfb :5 -screen 0 1024x600x24 -nolisten tcp || fail "Xvfb"
u systemctl --user set-environment DISPLAY=:5 || fail "set-environment"
u systemd-run --user --quiet --unit=notifyd --setenv=DISPLAY=:5 \
	sh -c 'while [ ! -e /tmp/.X11-unix/X5 ]; do sleep 0.1; done; exec /usr/lib/notification-daemon/notification-daemon' ||
	fail "notification-daemon"
wait_for "notification-daemon on the user's bus" 30 u busctl --user status org.freedesktop.Notifications

step "the README's first five minutes: bedtime init, bedtime next; then a schedule with a reminder every 15 s; bedtime install"
u bedtime init >/dev/null || fail "bedtime init"
out=$(u bedtime next -n 3) || fail "bedtime next: $out"
echo "$out" | sed 's/^/  /'
u sh -c 'cat > .config/bedtime/schedule.yaml' <<'EOF' || fail "writing the schedule"
reminders:
  ping:
    every: 15s
    title: "bedtime package test"
    message: "A reminder from the installed package."
EOF
out=$(u bedtime install 2>&1) || fail "bedtime install: $out"
echo "$out" | sed 's/^/  /'
grep -q 'systemd user unit from the package /usr/lib/systemd/user/bedtime.service' <<<"$out" ||
	fail "install did not use the package's unit"
grep -q 'it runs /usr/bin/bedtime-daemon run, now and at every login' <<<"$out" || fail "install does not say it runs /usr/bin/bedtime-daemon"
u test ! -e .config/systemd/user/bedtime.service || fail "install wrote a unit of its own beside the package's"
[ "$(u systemctl --user is-enabled bedtime.service)" = enabled ] || fail "bedtime.service is not enabled"
wait_for "bedtime.service active" 20 u systemctl --user is-active bedtime.service

step "the package's unit runs /usr/bin/bedtime-daemon, and the service's process was started from it"
exec=$(u systemctl --user show -p ExecStart --value bedtime.service)
echo "  ExecStart: $exec"
case "$exec" in "{ path=/usr/bin/bedtime-daemon ; argv[]=/usr/bin/bedtime-daemon run ;"*) ;; *) fail "the package's unit runs $exec" ;; esac
pid=$(sed -n 's/.* pid=\([0-9]*\) .*/\1/p' <<<"$exec")
main=$(u systemctl --user show -p MainPID --value bedtime.service)
[ -n "$pid" ] && [ "$pid" = "$main" ] || fail "the process started from /usr/bin/bedtime-daemon (pid $pid) is not the service's main process ($main)"
# What that process runs now: bedtime-daemon itself (it hands over to
# bedtime run only for a phone channel, which this schedule has not).
prog=$(r readlink "/proc/$main/exe")
echo "  pid $main runs $prog"
[ "$prog" = /usr/bin/bedtime-daemon ] || fail "the service's process runs $prog, want /usr/bin/bedtime-daemon"
step "a reminder reaches notification-daemon (history: shown via d-bus)"
shown() { u grep -q '"reminder":"ping","kind":"shown".*"via":"d-bus"' .local/state/bedtime/history.jsonl; }
wait_for "a ping shown" 60 shown
u grep '"kind":"shown"' .local/state/bedtime/history.jsonl | head -n 1 | sed 's/^/  /'
out=$(u bedtime doctor 2>&1)
echo "$out" | grep -E '^(OK|FAIL) +(notification server|service):' | sed 's/^/  /'
grep -Eiq '^OK +notification server: .*notification.daemon' <<<"$out" || fail "doctor does not see notification-daemon: $out"
grep -Eq '^OK +service: running.*systemd user unit from the package /usr/lib/systemd/user/bedtime.service' <<<"$out" ||
	fail "doctor does not say the package's unit runs: $out"

step "uninstall disables the package's unit and leaves its file; install enables it again"
u bedtime uninstall >/dev/null || fail "bedtime uninstall"
[ "$(u systemctl --user is-enabled bedtime.service)" = disabled ] || fail "still enabled after uninstall"
u systemctl --user is-active bedtime.service >/dev/null && fail "still running after uninstall"
r test -f /usr/lib/systemd/user/bedtime.service || fail "uninstall removed the package's unit"
u bedtime install >/dev/null || fail "bedtime install again"
wait_for "bedtime.service active again" 20 u systemctl --user is-active bedtime.service

step "apt-get remove bedtime: the program goes, the user's schedule and history stay"
before=$(u sha256sum .config/bedtime/schedule.yaml .local/state/bedtime/history.jsonl) || fail "reading the user's files"
r sh -c 'DEBIAN_FRONTEND=noninteractive apt-get remove -y -q bedtime >/tmp/apt.log 2>&1' || fail "apt-get remove: $(r tail -n 20 /tmp/apt.log)"
r test ! -e /usr/bin/bedtime || fail "/usr/bin/bedtime still there"
r test ! -e /usr/bin/bedtime-daemon || fail "/usr/bin/bedtime-daemon still there"
r test ! -e /usr/lib/systemd/user/bedtime.service || fail "the unit is still there"
u systemctl --user stop bedtime.service >/dev/null 2>&1
after=$(u sha256sum .config/bedtime/schedule.yaml .local/state/bedtime/history.jsonl) || fail "the user's files are gone"
# The daemon may have written more history before it stopped; what was there must still be.
[ "$(head -n1 <<<"$before")" = "$(head -n1 <<<"$after")" ] || fail "apt-get remove changed the schedule"
u test -s .local/state/bedtime/history.jsonl || fail "the history is gone"

step "PASS in $(($(date +%s) - start))s"
