//go:build linux

package service

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// showStartCall is how start asks what became of a daemon systemctl
// says did not start.
const showStartCall = "--user show " + startProps + " bedtime.service"

// TestStartFailure checks what the unit's properties after a failed
// systemctl start say happened to the daemon, as systemd 252 reports
// them (e2e/service.sh checks the same against it).
func TestStartFailure(t *testing.T) {
	cause := errors.New("systemctl --user restart bedtime.service: Job for bedtime.service failed")
	tests := []struct {
		name  string
		props string
		want  *StartError // nil: cause as it is
	}{
		{
			name:  "exit 78, not retried",
			props: "Result=exit-code\nExecMainCode=1\nExecMainStatus=78\nSubState=failed\nTimeoutStartUSec=30s\n",
			want:  &StartError{How: Exited, Status: 78},
		},
		{
			name:  "exit 1, retried",
			props: "Result=exit-code\nExecMainCode=1\nExecMainStatus=1\nSubState=auto-restart\nTimeoutStartUSec=30s\n",
			want:  &StartError{How: Exited, Status: 1, Retrying: true},
		},
		{
			name:  "exit 0 before READY=1",
			props: "Result=protocol\nExecMainCode=1\nExecMainStatus=0\nSubState=auto-restart\n",
			want:  &StartError{How: Exited, Status: 0, Retrying: true},
		},
		{
			name:  "crash",
			props: "Result=core-dump\nExecMainCode=3\nExecMainStatus=11\nSubState=auto-restart\n",
			want:  &StartError{How: Killed, Signal: "SIGSEGV", Retrying: true},
		},
		{
			name:  "killed",
			props: "Result=signal\nExecMainCode=2\nExecMainStatus=9\nSubState=failed\n",
			want:  &StartError{How: Killed, Signal: "SIGKILL"},
		},
		{
			name:  "no READY=1 in time",
			props: "Result=timeout\nExecMainCode=2\nExecMainStatus=15\nSubState=auto-restart\nTimeoutStartUSec=30s\n",
			want:  &StartError{How: TimedOut, Within: "30s", Retrying: true},
		},
		{
			name:  "start limit: systemd did not run it",
			props: "Result=start-limit-hit\nExecMainCode=1\nExecMainStatus=1\nSubState=failed\n",
		},
		{
			name:  "the previous run's success: not this start",
			props: "Result=success\nExecMainCode=1\nExecMainStatus=0\nSubState=dead\n",
		},
		{name: "nothing to read", props: ""},
		{
			name:  "an exit without its status",
			props: "Result=exit-code\nExecMainCode=0\nExecMainStatus=0\nSubState=failed\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := startFailure(parseProps(tt.props), cause)
			var se *StartError
			if !errors.As(err, &se) {
				if tt.want != nil {
					t.Fatalf("startFailure = %v, want a StartError", err)
				}
				if err != cause {
					t.Errorf("startFailure = %v, want systemctl's error as it is", err)
				}
				return
			}
			if tt.want == nil {
				t.Fatalf("startFailure = %+v, want systemctl's error as it is", se)
			}
			if se.Err != cause || !errors.Is(err, cause) || se.Log != journalCommand {
				t.Errorf("the StartError does not wrap systemctl's error or name the journal: %+v", se)
			}
			se.Err, se.Log = nil, ""
			if *se != *tt.want {
				t.Errorf("startFailure = %+v, want %+v", *se, *tt.want)
			}
		})
	}
}

// exitedProps are the unit's properties after the daemon exited with
// status 78 at start.
const exitedProps = "Result=exit-code\nExecMainCode=1\nExecMainStatus=78\nSubState=failed\nTimeoutStartUSec=30s\n"

// TestSystemdInstallDaemonExits checks that an install whose daemon exits
// at once fails with a StartError, stops the unit (no retries) and puts
// back what was there before.
func TestSystemdInstallDaemonExits(t *testing.T) {
	ctx := context.Background()
	for _, reinstall := range []bool{false, true} {
		name := map[bool]string{false: "fresh", true: "reinstall"}[reinstall]
		t.Run(name, func(t *testing.T) {
			f := newFakeSystemd(t)
			var before string
			if reinstall {
				if err := f.m.Install(ctx, oddSpec); err != nil {
					t.Fatal(err)
				}
				before, _ = f.unit()
				f.calls()
			}
			f.fail("restart")
			f.show(exitedProps)
			err := f.m.Install(ctx, plainSpec)
			var se *StartError
			if !errors.As(err, &se) || se.How != Exited || se.Status != 78 || se.Retrying {
				t.Fatalf("Install = %v, want a StartError with exit status 78, not retried", err)
			}
			if se.Err == nil || !strings.Contains(se.Err.Error(), "Failed to restart bedtime.service: injected by the test") {
				t.Errorf("Install's error does not carry systemctl's: %v", err)
			}
			want := append(append([]string{}, installCalls...),
				showStartCall, "--user stop bedtime.service", "--user reset-failed bedtime.service")
			if reinstall {
				want = append(want, "--user daemon-reload")
			} else {
				want = append(want, "--user disable bedtime.service", "--user daemon-reload")
			}
			sameCalls(t, f.calls(), want)
			after, ok := f.unit()
			if reinstall && (!ok || after != before) {
				t.Errorf("the previous unit was not put back:\n%s", after)
			}
			if !reinstall && ok {
				t.Errorf("a failed install left its unit:\n%s", after)
			}
		})
	}
}

// TestSystemdControlDaemonExits checks that start and restart report a
// daemon that exits at once, and leave systemd's retries alone.
func TestSystemdControlDaemonExits(t *testing.T) {
	ctx := context.Background()
	f := newFakeSystemd(t)
	if err := f.m.Install(ctx, plainSpec); err != nil {
		t.Fatal(err)
	}
	f.show("Result=exit-code\nExecMainCode=1\nExecMainStatus=1\nSubState=auto-restart\n")
	for _, verb := range []string{"start", "restart"} {
		t.Run(verb, func(t *testing.T) {
			f.calls()
			f.fail(verb)
			do := map[string]func(context.Context) error{"start": f.m.Start, "restart": f.m.Restart}[verb]
			err := do(ctx)
			var se *StartError
			if !errors.As(err, &se) || se.How != Exited || se.Status != 1 || !se.Retrying {
				t.Fatalf("%s = %v, want a StartError with exit status 1, retried by systemd", verb, err)
			}
			sameCalls(t, f.calls(), []string{"--user reset-failed bedtime.service", "--user " + verb + " bedtime.service", showStartCall})
		})
	}
}
