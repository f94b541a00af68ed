#!/usr/bin/env bash
# e2e/sync.sh: one person, two computers, one reminder shown once, answered
# once, counted once, through a folder two real Syncthing instances keep the
# same.
#
# On 127.0.0.1: two Syncthing instances with homes of their own (discovery,
# relays, NAT traversal, usage reporting and upgrades off; GUI/API on random
# ports) sharing one folder; two bedtime daemons, each with its own session
# bus, X server, dunst and state, joined with one key; a fake ntfy server.
# A reminder fires: it must be shown on exactly one computer. Done on the
# other one's command line must close the first one's notification (the time
# from Done to the close is printed), a second Done changes nothing, both
# `stats --json` must say due 1, done 1, and the ntfy server must have got
# exactly one message.
#
# Needs syncthing, dbus, xvfb, dunst, curl and python3; scripts/need
# installs the missing ones.
set -euo pipefail

cd "$(dirname "$0")/.."
. e2e/lib.sh
scripts/need syncthing:syncthing Xvfb:xvfb dbus-daemon:dbus dbus-monitor:dbus dbus-send:dbus dunst:dunst curl:curl python3:python3

tmp=$(mktemp -d /tmp/bedtime-e2e-sync.XXXXXX)
pids=()
trap 'e2e_cleanup $? e2e-sync "$tmp" "$tmp"/*/daemon.log "$tmp"/*/monitor.log "$tmp"/ntfy.log "$tmp"/*/st.log' EXIT

fail() { echo "e2e-sync: $*" >&2; exit 1; }
say() { echo "e2e-sync: $*"; }

# wait_for SECONDS DESCRIPTION COMMAND...: retry COMMAND every 0.1 s.
wait_for() {
	local secs=$1 what=$2
	shift 2
	for _ in $(seq $((secs * 10))); do
		if "$@" >/dev/null 2>&1; then return 0; fi
		sleep 0.1
	done
	fail "timed out after ${secs}s waiting for $what"
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

go build -o "$tmp/bedtime" ./cmd/bedtime

# --- the fake ntfy server: counts what is published --------------------------
ntfy_port=$(free_port)
cat >"$tmp/ntfy.py" <<'PY'
import http.server, json, sys, time
count_file = sys.argv[2]
class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with open(count_file, "a") as f:
            f.write(self.path + " " + body.decode("utf-8", "replace").replace("\n", " ") + "\n")
        out = json.dumps({"id": "m%d" % time.time_ns(), "time": int(time.time()), "event": "message"}).encode()
        self.send_response(200); self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(out))); self.end_headers(); self.wfile.write(out)
    do_PUT = do_POST
    def do_GET(self):
        self.send_response(200); self.send_header("Content-Length", "0"); self.end_headers()
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PY
: >"$tmp/ntfy.log"
python3 "$tmp/ntfy.py" "$ntfy_port" "$tmp/ntfy.log" 2>"$tmp/ntfy.err" &
pids+=($!)
wait_for 10 "the fake ntfy server" curl -fsS "http://127.0.0.1:$ntfy_port/v1/health"

# --- two Syncthing instances sharing one folder ------------------------------
apikey=bedtime-e2e-$RANDOM$RANDOM
for c in a b; do
	mkdir -p "$tmp/$c/st" "$tmp/$c/Sync/bedtime"
	touch "$tmp/$c/Sync/bedtime/.stfolder"
	chmod 700 "$tmp/$c/Sync/bedtime"
	syncthing generate --home="$tmp/$c/st" --no-default-folder --skip-port-probing >"$tmp/$c/st.log" 2>&1
	eval "id_$c=\$(syncthing serve --home=\"\$tmp/\$c/st\" --device-id 2>/dev/null)"
	eval "port_$c=\$(free_port) gui_$c=\$(free_port)"
done
for c in a b; do
	eval "port=\$port_$c gui=\$gui_$c"
	version=$(sed -n 's/.*<configuration version="\([0-9]*\)".*/\1/p' "$tmp/$c/st/config.xml")
	cat >"$tmp/$c/st/config.xml" <<XML
<configuration version="$version">
    <folder id="bedtime" label="bedtime" path="$tmp/$c/Sync/bedtime" type="sendreceive" rescanIntervalS="3600" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false" autoNormalize="true">
        <device id="$id_a"></device>
        <device id="$id_b"></device>
    </folder>
    <device id="$id_a" name="a" compression="metadata" introducer="false" skipIntroductionRemovals="false" introducedBy="">
        <address>tcp://127.0.0.1:$port_a</address>
        <paused>false</paused>
        <autoAcceptFolders>false</autoAcceptFolders>
    </device>
    <device id="$id_b" name="b" compression="metadata" introducer="false" skipIntroductionRemovals="false" introducedBy="">
        <address>tcp://127.0.0.1:$port_b</address>
        <paused>false</paused>
        <autoAcceptFolders>false</autoAcceptFolders>
    </device>
    <gui enabled="true" tls="false" debugging="false">
        <address>127.0.0.1:$gui</address>
        <apikey>$apikey</apikey>
        <theme>default</theme>
    </gui>
    <options>
        <listenAddress>tcp://127.0.0.1:$port</listenAddress>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <urAccepted>-1</urAccepted>
        <urSeen>3</urSeen>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <startBrowser>false</startBrowser>
        <crashReportingEnabled>false</crashReportingEnabled>
        <announceLANAddresses>false</announceLANAddresses>
        <setLowPriority>false</setLowPriority>
    </options>
</configuration>
XML
	STNOUPGRADE=1 syncthing serve --home="$tmp/$c/st" --no-browser --no-restart --no-upgrade >>"$tmp/$c/st.log" 2>&1 &
	pids+=($!)
done
api() { curl -fsS -H "X-API-Key: $apikey" "http://127.0.0.1:$1$2"; }
connected() { api "$1" /rest/system/connections | python3 -c 'import json,sys; c=json.load(sys.stdin)["connections"]; sys.exit(0 if any(v["connected"] for v in c.values()) else 1)'; }
wait_for 60 "Syncthing a's API" api "$gui_a" /rest/system/ping
wait_for 60 "Syncthing b's API" api "$gui_b" /rest/system/ping
wait_for 60 "the two Syncthing instances to connect" connected "$gui_a"
say "Syncthing $(syncthing --version | cut -d' ' -f2): a and b connected on 127.0.0.1"

# --- two computers: X server, session bus, dunst, bedtime --------------------
start_desktop() { # c
	local c=$1 d=$tmp/$1
	e2e_xvfb "$d" 800x300x24 || fail "Xvfb $c did not start"
	e2e_bus "$d" || fail "dbus-daemon $c did not start"
	printf '[global]\n    font = DejaVu Sans 10\n[urgency_normal]\n    timeout = 0\n' >"$d/dunstrc"
	DISPLAY=":$(head -n1 "$d/display")" DBUS_SESSION_BUS_ADDRESS=$(head -n1 "$d/bus") dunst -config "$d/dunstrc" 2>"$d/dunst.log" &
	pids+=($!)
	wait_for 10 "dunst $c" env DBUS_SESSION_BUS_ADDRESS="$(head -n1 "$d/bus")" dbus-send --session --print-reply \
		--dest=org.freedesktop.Notifications /org/freedesktop/Notifications org.freedesktop.Notifications.GetServerInformation
	DBUS_SESSION_BUS_ADDRESS=$(head -n1 "$d/bus") dbus-monitor --session \
		"type='method_call',interface='org.freedesktop.Notifications'" \
		"type='signal',interface='org.freedesktop.Notifications'" >"$d/monitor.log" 2>&1 &
	pids+=($!)
}
# on c CMD...: run bedtime as computer c. (env execs bedtime, so a command
# started with & has the process id $! names, and the cleanup stops it.)
on() {
	local c=$1 d=$tmp/$1
	shift
	env HOME="$d" XDG_CONFIG_HOME="$d/config" XDG_STATE_HOME="$d/state" XDG_CACHE_HOME="$d/cache" \
		DISPLAY=":$(head -n1 "$d/display")" DBUS_SESSION_BUS_ADDRESS="$(head -n1 "$d/bus")" \
		"$tmp/bedtime" --config "$d/schedule.yaml" "$@"
}
# daemon c: start computer c's bedtime daemon in the background.
daemon() {
	local c=$1 d=$tmp/$1
	env HOME="$d" XDG_CONFIG_HOME="$d/config" XDG_STATE_HOME="$d/state" XDG_CACHE_HOME="$d/cache" \
		DISPLAY=":$(head -n1 "$d/display")" DBUS_SESSION_BUS_ADDRESS="$(head -n1 "$d/bus")" \
		"$tmp/bedtime" --config "$d/schedule.yaml" run >"$d/daemon.log" 2>&1 &
	pids+=($!)
	dpid[$c]=$!
}
declare -A dpid
schedule() { # c at [nosync]
	local sync=("sync:" "  folder: $tmp/$1/Sync/bedtime" "  name: computer-$1")
	[ "${3:-}" = nosync ] && sync=()
	printf '%s\n' "timezone: UTC" "${sync[@]}" \
		"channels:" "  phone:" "    ntfy: {server: \"http://127.0.0.1:$ntfy_port\", topic: bedtime-e2e-sync}" \
		"reminders:" "  magnesium: {at: \"$2\", channels: [desktop, phone]}" >"$tmp/$1/schedule.yaml.new"
	mv "$tmp/$1/schedule.yaml.new" "$tmp/$1/schedule.yaml"
}
# b starts without sync: in its schedule; the section is added while its
# daemon runs, as a person does after `sync join`, and shared without a
# restart.
later=$(date -u -d '+3 hours' +%H:%M)
for c in a b; do start_desktop $c; done
schedule a "$later"
schedule b "$later" nosync
key=$(on a sync init | sed -n 's/^ *bedtime sync join //p')
[ -n "$key" ] || fail "sync init printed no join command"
joined=$(printf '%s\n' "$key" | on b sync join -)
case $joined in *"without a restart"*) ;; *) fail "sync join with no folder in the schedule does not say it needs no restart: $joined" ;; esac
for c in a b; do daemon $c; done
wait_for 30 "b's daemon to start alone" grep -q 'schedule loaded' "$tmp/b/daemon.log"
schedule b "$later"
wait_for 30 "b to share once sync: was added" grep -q 'sync: sharing the record' "$tmp/b/daemon.log"
say "sync: added to b's schedule while it ran: b shares without a restart"
sees_other() { on "$1" status --json 2>/dev/null | python3 -c 'import json,sys; d=json.load(sys.stdin).get("devices") or []; sys.exit(0 if len(d)==2 and d[1].get("heard") else 1)'; }
wait_for 60 "computer a to hear from b" sees_other a
wait_for 60 "computer b to hear from a" sees_other b
say "two bedtime daemons joined with one key, each hears from the other"

# --- the reminder fires -------------------------------------------------------
# The next minute at least 15 s away.
fire=$(date -u -d "+75 seconds" +%s)
fire=$((fire - fire % 60))
at=$(date -u -d "@$fire" +%H:%M)
for c in a b; do schedule $c "$at"; done
say "magnesium is due at $at UTC; waiting"
notified() { grep -c 'member=Notify$' "$tmp/$1/monitor.log" || true; }
wait_for 120 "the reminder shown on a computer" sh -c "grep -q 'member=Notify\$' '$tmp/a/monitor.log' '$tmp/b/monitor.log'"
sleep 5 # would the other one show it too? (it must hold it, why: elsewhere)
na=$(notified a) nb=$(notified b)
[ $((na + nb)) -eq 1 ] || fail "shown $na time(s) on a and $nb on b, want once in all"
if [ "$na" -eq 1 ]; then shown=a other=b; else shown=b other=a; fi
say "shown once, on computer $shown; $other holds it ($(grep -o 'held: shown on another computer.*' "$tmp/$other/daemon.log" | head -n1))"

# --- Done on the other computer's command line closes it here -----------------
t0=$(date +%s.%N)
on $other done magnesium >/dev/null
wait_for 60 "the notification on $shown to close" grep -q 'member=CloseNotification$' "$tmp/$shown/monitor.log"
closed=$(grep -m1 'member=CloseNotification$' "$tmp/$shown/monitor.log" | sed -n 's/.*time=\([0-9.]*\).*/\1/p')
latency=$(python3 -c "print('%.1f' % ($closed - $t0))")
say "Done on $other's command line closed the notification on $shown after ${latency}s"
out=$(on $shown done magnesium 2>&1 || true)
case $out in *already*) ;; *) fail "a second Done on $shown: $out" ;; esac
sleep 3
[ "$(grep -c 'member=CloseNotification$' "$tmp/$shown/monitor.log")" -eq 1 ] || fail "closed more than once on $shown"
[ "$(grep -c 'member=Notify$' "$tmp/$other/monitor.log" || true)" -eq 0 ] || fail "$other showed it after all"

# --- counted once, the phone once ----------------------------------------------
for c in a b; do
	on $c stats --json --days 1 | python3 -c '
import json, sys
s = json.load(sys.stdin)
m = [r for r in s if r["reminder"] == "magnesium"]
if len(m) != 1 or m[0]["due"] != 1 or m[0]["done"] != 1:
    sys.exit("stats on %s: %s" % (sys.argv[1], s))
' $c || fail "stats on $c is not due 1, done 1"
done
say "both computers' stats say: magnesium due 1, done 1"
sent=$(grep -c . "$tmp/ntfy.log" || true)
[ "$sent" -eq 1 ] || fail "the ntfy server got $sent messages, want 1: $(cat "$tmp/ntfy.log")"
say "the ntfy server got exactly one message"
doctor=$(on a doctor 2>&1 || true)
for want in "OK   sync folder: $tmp/a/Sync/bedtime" "OK   sync key: fingerprint" "OK   device computer-b ("; do
	case $doctor in *"$want"*) ;; *) fail "doctor on a does not say \"$want\": $doctor" ;; esac
done
say "doctor on a: $(printf '%s\n' "$doctor" | grep -m1 'device computer-b')"

# --- a computer stopped on purpose says so ----------------------------------------
# (so the other holds nothing for it, rather than for up to 12 hours)
kill -TERM "${dpid[b]}"
wait "${dpid[b]}" 2>/dev/null || true
grep -q 'sync: the folder did not take the last word' "$tmp/b/daemon.log" && fail "b stopped before its last word was written: $(tail -n3 "$tmp/b/daemon.log")"
b_stopped() { on a status --json 2>/dev/null | python3 -c 'import json,sys; d=json.load(sys.stdin).get("devices") or []; sys.exit(0 if len(d)==2 and d[1].get("presence")=="stopped" else 1)'; }
wait_for 60 "computer a to read that b stopped" b_stopped
say "b's daemon stopped; a reads it as stopped, and holds nothing for it"
say "PASS (Done on one to close on the other: ${latency}s)"
