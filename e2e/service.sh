#!/bin/bash
# e2e/service.sh: bedtime as a per-user service, for real.
#
# bedtime and bedtime-daemon are built side by side into one directory, as
# make build, the archives and the packages put them: the service runs
# bedtime-daemon.
#
# First without a systemd user manager (on this host, with systemctl --user
# kept from reaching one): install writes the XDG autostart entry, which
# runs bedtime-daemon, and starts the daemon detached ("bedtime install |
# cat" must return), status names the manager, stop, start, uninstall; and
# "bedtime stop" stops a bedtime run started by hand.
#
# Then against a real systemd user manager (e2e/systemd-user-sandbox: Debian
# with systemd as PID 1 in systemd-nspawn, one ordinary user with linger).
# Needs root.
#
#   install before any init (no schedule file): active, on the built-in
#   default, a built-in reminder fires (in a zone made for the test, where
#   the default's 14:00 water reminder is due 25 s after install) -> init:
#   the running daemon takes the file -> uninstall
#   install -> is-enabled, is-active, the unit runs bedtime-daemon, whose
#   process is the service's -> a reminder fires (journalctl --user)
#   -> install again (idempotent) -> install from a bedtime with no
#   bedtime-daemon beside it (a go install of cmd/bedtime alone): the unit
#   runs "bedtime run" -> install from the pair again: bedtime-daemon
#   -> stop/start (clean SIGTERM) -> status
#   -> a bedtime run by hand beside the stopped unit: start refuses,
#   status and doctor say which runs, bedtime stop ends it -> start
#   -> the schedule moved away, restart: exit 78, failed, not restarted
#   -> the file back, start: active again
#   -> install again while another bedtime holds the lock of the state
#   directory the user manager gives the service: install exits 1 saying
#   the new bedtime exited at once (Type=notify), the journal to read, and
#   that the previous one did not start either; the unit put back, failed
#   and not retried -> that bedtime stopped, start: active again
#   -> reboot the sandbox: the service is back by itself and fires again
#   -> uninstall: no unit, no process, nothing left but the schedule and state.
#
# The schedule lives at a path with a space, "%" and "$" in it, so a firing
# also proves the unit's ExecStart escaping. Exits non-zero, saying what
# failed, on the first failure. Environment: SANDBOX (the tool), BINDIR,
# KEEP=1 to leave the sandbox up afterwards, SKIP_SANDBOX=1 to run the
# autostart part only.
set -uo pipefail

TOP=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
SANDBOX=${SANDBOX:-$TOP/e2e/systemd-user-sandbox}
own_bindir=
[ -n "${BINDIR:-}" ] || own_bindir=1
export BINDIR=${BINDIR:-$(mktemp -d /tmp/bedtime-e2e-bin.XXXXXX)}
chmod 755 "$BINDIR" # the sandbox user runs the binary from it
SCHED_REL='My Plans/100% $night.yaml' # relative to the user's home (the cwd of "user")
FIRED='msg=fired reminder=ping'

fail() {
	echo "e2e-service: FAIL: $*" >&2
	echo "--- journal of bedtime.service:" >&2
	"$SANDBOX" user journalctl --user -u bedtime.service --no-pager -n 30 -o cat >&2 || true
	exit 1
}
step() { echo "e2e-service: $*"; }
u() { "$SANDBOX" user "$@"; }
cleanup() {
	[ "${KEEP:-}" = 1 ] && return
	"$SANDBOX" down >/dev/null 2>&1 || true
	[ -n "$own_bindir" ] && rm -rf "$BINDIR"
}
trap cleanup EXIT

# want NAME EXPECTED CMD...: CMD's stdout (trimmed) must be EXPECTED.
want() {
	local name=$1 expected=$2 got
	shift 2
	got=$("$@" 2>/dev/null) || true
	[ "$got" = "$expected" ] || fail "$name: got \"$got\", want \"$expected\""
}

# wait_for NAME SECONDS CMD...: retry CMD until it succeeds.
wait_for() {
	local name=$1 secs=$2 i
	shift 2
	for ((i = 0; i < secs * 2; i++)); do
		"$@" >/dev/null 2>&1 && return 0
		sleep 0.5
	done
	fail "$name: not true after ${secs}s: $*"
}

journal_has_firing() { # in the current boot, after the cursor $1 if given
	u journalctl --user -u bedtime.service -b --no-pager -o cat ${1:+--after-cursor="$1"} | grep -qF "$FIRED"
}
journal_cursor() { u journalctl --user -u bedtime.service -n 0 --show-cursor --no-pager | sed -n 's/^-- cursor: //p'; }
bedtime_pids() { u sh -c 'for p in /proc/[0-9]*; do case "$(cat $p/comm 2>/dev/null)" in bedtime | bedtime-daemon) echo ${p#/proc/} ;; esac; done; true'; }
# runs_program PROGRAM: the unit runs PROGRAM, and the process systemd
# started from it is the service's main process (Type=notify, NotifyAccess=main).
runs_program() {
	local exec pid main
	exec=$(u systemctl --user show -p ExecStart --value bedtime.service)
	case "$exec" in "{ path=$1 ; argv[]=$1 run --config "*) ;; *) fail "the unit runs $exec, want $1 run --config ..." ;; esac
	pid=$(sed -n 's/.* pid=\([0-9]*\) .*/\1/p' <<<"$exec")
	main=$(u systemctl --user show -p MainPID --value bedtime.service)
	[ -n "$pid" ] && [ "$pid" = "$main" ] || fail "the process started from $1 (pid $pid) is not the service's main process ($main)"
	running_in "$1"
}

# running_in: the service's main process runs the program $1 now.
running_in() {
	local main prog
	main=$(u systemctl --user show -p MainPID --value bedtime.service)
	prog=$(u readlink "/proc/$main/exe") || fail "cannot read what process $main runs"
	[ "$prog" = "$1" ] || fail "the service's process $main runs $prog, want $1"
}

# autostart_phase: the XDG autostart fallback, on this host, in a scratch
# home. systemctl --user cannot reach a user manager there (no
# XDG_RUNTIME_DIR, no session bus), as under OpenRC or in a container.
autostart_phase() {
	local home out pid i
	home=$(mktemp -d /tmp/bedtime-e2e-home.XXXXXX)
	local hcmd=(env -i PATH="$PATH" HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_STATE_HOME="$home/.local/state"
		XDG_RUNTIME_DIR="$home/no-runtime" DBUS_SESSION_BUS_ADDRESS="unix:path=$home/no-bus" "$BINDIR/bedtime")
	h() { "${hcmd[@]}" "$@"; }
	afail() { echo "--- $home/.local/state/bedtime/bedtime.log:" >&2; cat "$home/.local/state/bedtime/bedtime.log" >&2 2>/dev/null; fail "$@"; }
	step "autostart: install | cat returns (no systemd user manager here)"
	mkdir -p "$home/plans"
	printf '%s\n' "reminders:" "  ping:" "    every: 5s" "    title: Ping" >"$home/plans/s.yaml"
	out=$(timeout 30 bash -c 'set -o pipefail; "$@" | cat' sh "${hcmd[@]}" install --config "$home/plans/s.yaml" 2>&1) ||
		afail "bedtime install | cat did not return in 30 s or failed: $out"
	echo "$out"
	case "$out" in *"installed XDG autostart entry $home/.config/autostart/bedtime.desktop"*) ;; *) afail "install output: $out" ;; esac
	case "$out" in *"chosen because no systemd user manager answers: systemctl --user "*) ;; *) afail "install does not say why it chose the autostart entry: $out" ;; esac
	[ "$(stat -c %a "$home/.config/autostart/bedtime.desktop")" = 600 ] || afail "the autostart entry is not 0600"
	grep -qxF "Exec=\"$BINDIR/bedtime-daemon\" \"run\" \"--config\" \"$home/plans/s.yaml\"" "$home/.config/autostart/bedtime.desktop" ||
		afail "the autostart entry's Exec: $(grep ^Exec= "$home/.config/autostart/bedtime.desktop")"
	case "$out" in *"it runs $BINDIR/bedtime-daemon run --config $home/plans/s.yaml, now"*) ;; *) afail "install does not say it runs bedtime-daemon: $out" ;; esac
	out=$(h status 2>&1) || afail "status exited non-zero after install: $out"
	echo "$out"
	case "$out" in *"installed, running (pid "*"(XDG autostart entry, starts at login)"*) ;; *) afail "status after install: $out" ;; esac
	for ((i = 0; i < 40; i++)); do grep -qF "$FIRED" "$home/.local/state/bedtime/bedtime.log" 2>/dev/null && break; sleep 0.5; done
	grep -qF "$FIRED" "$home/.local/state/bedtime/bedtime.log" || afail "no firing in the daemon's log"

	step "autostart: stop, start, uninstall"
	h stop || afail "bedtime stop"
	out=$(h status 2>&1) && afail "status exited 0 after stop: $out"
	case "$out" in *"installed, not running"*) ;; *) afail "status after stop: $out" ;; esac
	timeout 30 bash -c 'set -o pipefail; "$@" | cat' sh "${hcmd[@]}" start >/dev/null || afail "bedtime start | cat did not return"
	h status >/dev/null || afail "not running after start"
	out=$(h uninstall 2>&1) || afail "bedtime uninstall: $out"
	[ -e "$home/.config/autostart/bedtime.desktop" ] && afail "the entry is still there after uninstall"
	out=$(h status 2>&1) && afail "status exited 0 after uninstall: $out"
	case "$out" in *'not installed as a service (run "bedtime install")'*"service:  XDG autostart entry; install writes"*) ;;
	*) afail "status after uninstall: $out" ;; esac

	step "autostart: bedtime stop stops a bedtime run started by hand"
	"${hcmd[@]}" run --config "$home/plans/s.yaml" >/dev/null 2>&1 </dev/null &
	pid=$!
	for ((i = 0; i < 40; i++)); do h status >/dev/null 2>&1 && break; sleep 0.25; done
	out=$(h status 2>&1) || afail "status does not see the bedtime run started by hand: $out"
	case "$out" in *"running (pid $pid since "*"but not installed as a service"*) ;; *) afail "status of a run by hand: $out" ;; esac
	h stop || afail "bedtime stop of a run by hand"
	kill -0 "$pid" 2>/dev/null && afail "bedtime run (pid $pid) still runs after bedtime stop"
	wait "$pid" || afail "bedtime run did not exit cleanly on bedtime stop (status $?)"
	rm -rf "$home"
}

[ "$(id -u)" = 0 ] || fail "needs root (systemd-nspawn)"
[ -x "$SANDBOX" ] || fail "no sandbox tool at $SANDBOX"

step "build bedtime and bedtime-daemon into $BINDIR"
(cd "$TOP" && CGO_ENABLED=0 go build -o "$BINDIR/bedtime" ./cmd/bedtime &&
	CGO_ENABLED=0 go build -o "$BINDIR/bedtime-daemon" ./cmd/bedtime-daemon) || fail "go build"

autostart_phase
[ "${SKIP_SANDBOX:-}" = 1 ] && { step "PASS (without the systemd sandbox: SKIP_SANDBOX=1)"; exit 0; }

step "sandbox setup and boot"
"$SANDBOX" setup >/dev/null || fail "sandbox setup"
"$SANDBOX" down >/dev/null 2>&1 || true
"$SANDBOX" up || fail "sandbox up"

# soon_zone SECONDS: writes $BINDIR/zone/Bedtime/Soon (with the host's
# zic), a zone whose clock reads 14:00:00 SECONDS from now: the built-in
# default's water reminder (every 2 h from 08:00 to 20:00) is due then.
soon_zone() {
	local now off abs sign=+
	now=$(date -u +%s)
	off=$(((14 * 3600 - (now + $1) % 86400 + 86400) % 86400))
	((off > 43200)) && off=$((off - 86400))
	abs=$off
	((off < 0)) && { sign=-; abs=$((-off)); }
	printf 'Zone Bedtime/Soon %s%d:%02d:%02d - SOON\n' "$sign" $((abs / 3600)) $((abs % 3600 / 60)) $((abs % 60)) >"$BINDIR/soon.zic"
	rm -rf "$BINDIR/zone" && zic -d "$BINDIR/zone" "$BINDIR/soon.zic" && chmod -R a+rX "$BINDIR/zone"
}
journal_since() { u journalctl --user -u bedtime.service -b --no-pager -o cat ${1:+--after-cursor="$1"}; }

step "install before any init: no schedule file, the service runs the built-in default"
# The sandbox's root is kept between runs: start the user afresh.
# A run stopped half way can also leave its schedule, or the schedule moved
# away, in "My Plans".
u rm -rf .config/bedtime .local/state/bedtime .other-state "${SCHED_REL%/*}" || fail "cannot clear the user's bedtime files"
command -v zic >/dev/null || fail "zic (Debian package libc-bin) is needed to make the test's zone"
soon_zone 25 || fail "cannot make the test's zone"
u systemctl --user set-environment TZ=/opt/testbin/zone/Bedtime/Soon || fail "systemctl --user set-environment"
cursor=$(journal_cursor)
out=$(u bedtime install 2>&1) || fail "bedtime install without a schedule: $out"
echo "$out"
case "$out" in *"it runs /opt/testbin/bedtime-daemon run --config /home/tester/.config/bedtime/schedule.yaml --or-builtin, now and at every login"*"there is no schedule file at /home/tester/.config/bedtime/schedule.yaml yet"*) ;;
*) fail "install without a schedule said: $out" ;; esac
wait_for "is-active after install without a schedule" 10 u systemctl --user is-active --quiet bedtime.service
on_default() { journal_since "$cursor" | grep -F 'msg="schedule loaded" why=start' | grep -qF 'from="built-in default (no file at /home/tester/.config/bedtime/schedule.yaml)"'; }
wait_for "the daemon started on the built-in default" 10 on_default
pid=$(u systemctl --user show -p MainPID --value bedtime.service)
step "a built-in reminder fires (hydration at 14:00 in the test's zone)"
hydration() { journal_since "$cursor" | grep -qF 'msg=fired reminder=hydration'; }
wait_for "the built-in hydration reminder in the journal" 60 hydration
want "restarts of the service" 0 u systemctl --user show -p NRestarts --value bedtime.service
step "init: the running daemon takes the new file"
u bedtime init >/dev/null || fail "bedtime init"
took() { journal_since "$cursor" | grep -F 'msg="schedule loaded" why="file changed"' | grep -qF 'from=/home/tester/.config/bedtime/schedule.yaml'; }
wait_for "the daemon loaded the file init wrote" 10 took
want "the daemon's pid after init (no restart)" "$pid" u systemctl --user show -p MainPID --value bedtime.service
out=$(u bedtime uninstall 2>&1) || fail "bedtime uninstall: $out"
u systemctl --user unset-environment TZ || fail "systemctl --user unset-environment"

step "the user's schedule: a reminder every 5 s, at \$HOME/$SCHED_REL"
u sh -c 'mkdir -p "$(dirname "$1")" && printf "%s\n" "reminders:" "  ping:" "    every: 5s" "    title: Ping" > "$1"' sh "$SCHED_REL" ||
	fail "cannot write the schedule"
u sh -c 'find "$HOME" \( -type f -o -type l \) | sort' >"$BINDIR/before.txt" || fail "cannot list the home"

step "install"
out=$(u bedtime install --config "$SCHED_REL" 2>&1) || fail "bedtime install: $out"
echo "$out"
want "is-enabled after install" enabled u systemctl --user is-enabled bedtime.service
wait_for "is-active after install" 10 u systemctl --user is-active --quiet bedtime.service
runs_program /opt/testbin/bedtime-daemon
# The daemon logs the --config it got: the unit's escaping of " ", "%" and "$" must give it back unchanged.
started() { u journalctl --user -u bedtime.service -b --no-pager -o cat | grep -F 'msg="bedtime started"' | grep -qF "config=\"/home/tester/$SCHED_REL\""; }
wait_for "the daemon started with --config \"/home/tester/$SCHED_REL\"" 10 started

step "a reminder fires (journalctl --user -u bedtime)"
wait_for "a firing in the journal" 30 journal_has_firing

step "a phone channel: bedtime-daemon hands over to bedtime run in the same process, and back at a restart"
main=$(u systemctl --user show -p MainPID --value bedtime.service)
# An ntfy server nobody answers at: bedtime run retries it, and runs on.
u sh -c 'printf "%s\n" "channels:" "  phone:" "    ntfy: {server: \"http://127.0.0.1:9\", topic: bedtime-e2e-topic}" "reminders:" "  ping:" "    every: 5s" "    title: Ping" "    channels: [desktop, phone]" > "$1"' sh "$SCHED_REL" ||
	fail "cannot write the schedule with a phone channel"
handed() { u journalctl --user -u bedtime.service -b --no-pager -o cat | grep -qF 'msg="schedule handed over to another program"'; }
wait_for "the daemon handing its schedule over" 10 handed
in_bedtime() { [ "$(u readlink "/proc/$main/exe")" = /opt/testbin/bedtime ]; }
wait_for "process $main running bedtime" 10 in_bedtime
want "is-active with the phone channel" active u systemctl --user is-active bedtime.service
want "the service's main process, the same" "$main" u systemctl --user show -p MainPID --value bedtime.service
want "restarts by systemd" 0 u systemctl --user show -p NRestarts --value bedtime.service
u sh -c 'printf "%s\n" "reminders:" "  ping:" "    every: 5s" "    title: Ping" > "$1"' sh "$SCHED_REL" || fail "cannot write the schedule back"
u bedtime restart || fail "bedtime restart"
wait_for "is-active after the restart" 10 u systemctl --user is-active --quiet bedtime.service
running_in /opt/testbin/bedtime-daemon

step "install again updates in place"
out=$(u bedtime install --config "$SCHED_REL" 2>&1) || fail "second bedtime install: $out"
want "is-enabled after re-install" enabled u systemctl --user is-enabled bedtime.service
wait_for "is-active after re-install" 10 u systemctl --user is-active --quiet bedtime.service

step "install from a bedtime with no bedtime-daemon beside it runs bedtime run; from the pair again, bedtime-daemon"
u sh -c 'mkdir -p .local/lone && cp /opt/testbin/bedtime .local/lone/' || fail "cannot copy bedtime alone"
out=$(u .local/lone/bedtime install --config "$SCHED_REL" 2>&1) || fail "install from bedtime alone: $out"
case "$out" in *"it runs /home/tester/.local/lone/bedtime run --config "*) ;; *) fail "install from bedtime alone said: $out" ;; esac
wait_for "is-active after the install from bedtime alone" 10 u systemctl --user is-active --quiet bedtime.service
runs_program /home/tester/.local/lone/bedtime
out=$(u bedtime install --config "$SCHED_REL" 2>&1) || fail "install over the unit that runs bedtime run: $out"
wait_for "is-active after installing the pair again" 10 u systemctl --user is-active --quiet bedtime.service
runs_program /opt/testbin/bedtime-daemon
u rm -rf .local/lone || fail "cannot remove the copy of bedtime"

step "stop: SIGTERM and a clean exit; start"
u bedtime stop || fail "bedtime stop"
want "is-active after stop" inactive u systemctl --user is-active bedtime.service
want "result of the stop (SIGTERM, clean exit)" success u systemctl --user show -p Result --value bedtime.service
u bedtime start || fail "bedtime start"
wait_for "is-active after start" 10 u systemctl --user is-active --quiet bedtime.service

step "status"
out=$(u bedtime status 2>&1) || fail "bedtime status exited non-zero: $out"
echo "$out"
pid=$(u systemctl --user show -p MainPID --value bedtime.service)
case "$out" in *"running (pid $pid since "*"/home/tester/$SCHED_REL"*) ;; *) fail "status does not show pid $pid and the schedule" ;; esac

step "a bedtime run by hand beside the stopped unit: start refuses, status and doctor say so, stop ends it"
u bedtime stop || fail "bedtime stop before the run by hand"
u sh -c 'nohup bedtime run --config "$1" >/dev/null 2>&1 </dev/null &' sh "$SCHED_REL" || fail "cannot start bedtime run by hand"
wait_for "the run by hand holds the lock" 10 u bedtime status
out=$(u bedtime start 2>&1) && fail "bedtime start succeeded beside a bedtime run by hand: $out"
case "$out" in *"already running outside the service (pid "*"stop it (bedtime stop), then run bedtime start again"*) ;; *) fail "start beside a run by hand said: $out" ;; esac
out=$(u bedtime status 2>&1)
case "$out" in *"started by hand; the installed service does not run ("*) ;; *) fail "status beside a run by hand: $out" ;; esac
out=$(u bedtime doctor 2>&1)
case "$out" in *"a bedtime started by hand runs instead (pid "*"stop that one with \`bedtime stop\`"*) ;; *) fail "doctor beside a run by hand: $out" ;; esac
u bedtime stop || fail "bedtime stop of the run by hand"
want "bedtime processes after stop" "" bedtime_pids
u bedtime start || fail "bedtime start after the run by hand stopped"
wait_for "is-active after the run by hand" 10 u systemctl --user is-active --quiet bedtime.service

step "a start that cannot succeed is not retried: the schedule moved away, restart"
u mv "$SCHED_REL" "$SCHED_REL.away" || fail "cannot move the schedule away"
u systemctl --user restart bedtime.service >/dev/null 2>&1
failed() { [ "$(u systemctl --user show -p ActiveState --value bedtime.service)" = failed ]; }
wait_for "the unit failed" 10 failed
want "the exit status" 78 u systemctl --user show -p ExecMainStatus --value bedtime.service
sleep 7 # longer than RestartSec
want "the state 7 s later (RestartPreventExitStatus=78)" failed u systemctl --user show -p ActiveState --value bedtime.service
want "restarts after exit status 78" 0 u systemctl --user show -p NRestarts --value bedtime.service
u mv "$SCHED_REL.away" "$SCHED_REL" || fail "cannot move the schedule back"
u bedtime start || fail "bedtime start after the schedule came back"
wait_for "is-active once the schedule is back" 10 u systemctl --user is-active --quiet bedtime.service

step "an install whose daemon exits at once says so: another bedtime holds the lock in the user manager's state directory"
# The manager's XDG_STATE_HOME is not the shell's, so install's own check
# for a bedtime already running does not see that one, as with an
# XDG_STATE_HOME set in ~/.config/environment.d.
other=/home/tester/.other-state
u systemctl --user set-environment XDG_STATE_HOME="$other" || fail "systemctl --user set-environment"
u env XDG_STATE_HOME="$other" sh -c 'nohup bedtime run --config "$1" >/dev/null 2>&1 </dev/null &' sh "$SCHED_REL" || fail "cannot start the other bedtime"
wait_for "the other bedtime holds its lock" 10 u env XDG_STATE_HOME="$other" bedtime status
out=$(u bedtime install --config "$SCHED_REL" 2>&1) && fail "install said done while its bedtime exited at once: $out"
echo "$out"
case "$out" in *"cannot install the bedtime service: bedtime exited as soon as it was started (exit status 78)"*"see why with \`journalctl --user -u bedtime.service -n 20\`"*"bedtime is stopped now: the one that ran before the install did not start again either"*) ;;
*) fail "install whose bedtime exited at once said: $out" ;; esac
# (the unit escapes "%" and "$" of the schedule's path)
u systemctl --user cat bedtime.service 2>/dev/null | grep -qF '"/home/tester/My Plans/100%% $$night.yaml"' || fail "the previous unit was not put back"
want "the state after the failed install" failed u systemctl --user show -p ActiveState --value bedtime.service
want "restarts after the failed install" 0 u systemctl --user show -p NRestarts --value bedtime.service
u env XDG_STATE_HOME="$other" bedtime stop || fail "bedtime stop of the other bedtime"
u systemctl --user unset-environment XDG_STATE_HOME || fail "systemctl --user unset-environment"
u rm -rf "$other"
out=$(u bedtime start 2>&1) || fail "bedtime start once the other bedtime stopped: $out"
want "is-active once the other bedtime stopped" active u systemctl --user is-active bedtime.service

step "reboot the sandbox: the service must come back by itself"
cursor=$(journal_cursor)
"$SANDBOX" down || fail "sandbox down"
"$SANDBOX" up || fail "sandbox up again"
wait_for "is-active after reboot" 20 u systemctl --user is-active --quiet bedtime.service
wait_for "a firing after reboot" 30 journal_has_firing "$cursor"

step "uninstall"
out=$(u bedtime uninstall 2>&1) || fail "bedtime uninstall: $out"
echo "$out"
# After uninstall returned: a reminder may fire while the service stops.
cursor=$(journal_cursor)
u systemctl --user is-enabled --quiet bedtime.service 2>/dev/null && fail "still enabled after uninstall"
u systemctl --user cat bedtime.service >/dev/null 2>&1 && fail "systemd still has a bedtime.service unit after uninstall"
want "is-active after uninstall" inactive u systemctl --user is-active bedtime.service
want "bedtime processes after uninstall" "" bedtime_pids
sleep 6 # longer than the reminder's period: nothing may fire any more
journal_has_firing "$cursor" && fail "a reminder fired after uninstall"
out=$(u bedtime status 2>&1) && fail "status exited 0 after uninstall: $out"
case "$out" in *"not installed"*) ;; *) fail "status after uninstall: $out" ;; esac

step "nothing left but the schedule, the state dir and the notification icon in the cache"
u sh -c 'find "$HOME" \( -type f -o -type l \) | sort' >"$BINDIR/after.txt" || fail "cannot list the home"
left=$(comm -13 "$BINDIR/before.txt" "$BINDIR/after.txt" | grep -v -e '^/home/tester/\.local/state/bedtime/' -e '^/home/tester/\.cache/bedtime/')
[ -z "$left" ] || fail "left behind after uninstall: $left"
gone=$(comm -23 "$BINDIR/before.txt" "$BINDIR/after.txt")
[ -z "$gone" ] || fail "uninstall removed user files: $gone"
u test -s "$SCHED_REL" || fail "the schedule is gone or empty"

step "PASS"
