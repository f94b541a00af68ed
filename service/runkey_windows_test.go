//go:build windows

package service

import (
	"strings"
	"testing"

	"golang.org/x/sys/windows"
)

// TestRunValueCommandLine: the Run value Windows starts at logon is split
// back by Windows' own CommandLineToArgvW into exactly the program
// (bedtime.exe, or bedtime-daemon.exe beside it) and the arguments install
// meant, and status reads the schedule back from it. make e2e-windows runs
// it under Wine.
func TestRunValueCommandLine(t *testing.T) {
	tests := []Spec{
		{Executable: `C:\Program Files\bedtime\bedtime.exe`, ConfigPath: `C:\Users\alice\AppData\Roaming\bedtime\schedule.yaml`, OrBuiltin: true},
		{Executable: `C:\bedtime\bedtime.exe`, ConfigPath: `C:\Users\bob\My "night" plans\50% $x\`},
		{Executable: `C:\a b\bedtime.exe`, ConfigPath: `D:\trailing\\`},
		{Executable: `C:\Program Files\bedtime\bedtime.exe`, Daemon: `C:\Program Files\bedtime\bedtime-daemon.exe`,
			ConfigPath: `C:\Users\alice\AppData\Roaming\bedtime\schedule.yaml`, OrBuiltin: true},
	}
	for _, spec := range tests {
		v := commandLine(spec)
		args, err := windows.DecomposeCommandLine(v)
		want := append([]string{spec.Program()}, spec.Args()...)
		if err != nil || strings.Join(args, "|") != strings.Join(want, "|") {
			t.Errorf("commandLine(%+v) = %s, which Windows splits into %q (%v); want %q", spec, v, args, err, want)
		}
		if got, ok := specFromArgs(args); !ok || got != spec {
			t.Errorf("the Run value %s reads back as %+v (%v), want %+v", v, got, ok, spec)
		}
	}
}
