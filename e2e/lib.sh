# e2e/lib.sh: what the end-to-end scripts that need a desktop share: an X
# server on a free display, a private session bus and the cleanup at exit.
# Source it; each function that starts a process appends it to the caller's
# pids array (which e2e_cleanup stops) and returns non-zero, saying why,
# when the process did not come up within 10 s.

# e2e_until WHAT FILE: wait until FILE has something in it.
e2e_until() {
	local what=$1 file=$2 i
	for ((i = 0; i < 100; i++)); do
		[ -s "$file" ] && return 0
		sleep 0.1
	done
	echo "e2e: $what did not start (see ${file%/*})" >&2
	return 1
}

# e2e_xvfb DIR SIZE: Xvfb (-noreset: it does not reset when its last client
# leaves, as a desktop's never does) with one screen of SIZE (e.g. 900x400x24) on a
# free display, which -displayfd writes to DIR/display; the display's name
# is then ":$(head -n1 DIR/display)". Its log is DIR/xvfb.log.
e2e_xvfb() {
	local dir=$1 size=$2
	Xvfb -displayfd 3 -screen 0 "$size" -nolisten tcp -noreset 3>"$dir/display" 2>"$dir/xvfb.log" &
	pids+=($!)
	e2e_until "Xvfb" "$dir/display"
}

# e2e_bus DIR [SERVICEDIR]: a private session bus listening in DIR, its
# address written to DIR/bus. Without SERVICEDIR nothing is activated on
# demand, so only the servers the script starts answer; with it, the
# services described there are. Its log is DIR/bus.log.
e2e_bus() {
	local dir=$1 services=
	[ -n "${2:-}" ] && services="<servicedir>$2</servicedir>"
	cat >"$dir/bus.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=$dir</listen>
  <auth>EXTERNAL</auth>
  $services
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF
	dbus-daemon --config-file="$dir/bus.conf" --nofork --nopidfile --print-address=3 3>"$dir/bus" 2>"$dir/bus.log" &
	pids+=($!)
	e2e_until "dbus-daemon" "$dir/bus"
}

# e2e_cleanup RC NAME DIR [LOG...]: what a script's EXIT trap does: stop
# the processes in its pids array, and, when it failed (RC, the script's
# status, non-zero), print the last lines of each LOG there is; then
# remove DIR. Call it as trap 'e2e_cleanup $? name "$tmp" "$tmp"/*.log' EXIT,
# so that the logs are listed when the script ends.
e2e_cleanup() {
	local rc=$1 name=$2 dir=$3 pid f
	shift 3
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
	if [ "$rc" -ne 0 ] && [ $# -gt 0 ]; then
		echo "$name: FAILED; logs:" >&2
		for f in "$@"; do
			[ -f "$f" ] && { echo "== $f" >&2; tail -n 40 "$f" >&2; }
		done
	fi
	rm -rf "$dir"
}
