package service

import (
	"errors"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/bedtime-app/bedtime/internal/testutil"
)

// TestDaemonOfAnotherBuild: a bedtime-daemon beside bedtime is run only
// when both are one build; one of another version (a go install of a newer
// cmd/bedtime alone) is left out, with an error naming both versions.
// Real binaries, built here with what make stamps into them.
func TestDaemonOfAnotherBuild(t *testing.T) {
	ext := ""
	if runtime.GOOS == "windows" {
		ext = ".exe"
	}
	tests := []struct {
		name            string
		bedtime, daemon string // versions
		run             bool
	}{
		{"one build", "v1.4.0", "v1.4.0", true},
		{"a newer bedtime beside an older daemon", "v1.5.0", "v1.4.0", false},
		{"an older bedtime beside a newer daemon", "v1.3.0", "v1.4.0", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			exe := filepath.Join(dir, "bedtime"+ext)
			daemon := filepath.Join(dir, DaemonName+ext)
			testutil.StampedProgram(t, exe, tt.bedtime, "c0ffee")
			testutil.StampedProgram(t, daemon, tt.daemon, "c0ffee")
			got, err := DaemonBeside(exe)
			if tt.run {
				if got != daemon || err != nil {
					t.Fatalf("DaemonBeside = %q, %v; want %q", got, err, daemon)
				}
				return
			}
			var other *OtherBuildError
			if got != "" || !errors.As(err, &other) {
				t.Fatalf("DaemonBeside = %q, %v; want none, another build", got, err)
			}
			want := OtherBuildError{Daemon: daemon, DaemonVersion: tt.daemon, Exe: exe, ExeVersion: tt.bedtime}
			if *other != want {
				t.Errorf("DaemonBeside: %+v, want %+v", *other, want)
			}
		})
	}
}

// TestBuildOf: what tells builds apart, read from the Go tool's record.
func TestBuildOf(t *testing.T) {
	const mod = "github.com/bedtime-app/bedtime"
	info := func(version string, settings ...string) *debug.BuildInfo {
		bi := &debug.BuildInfo{Main: debug.Module{Path: mod, Version: version}}
		for i := 0; i+1 < len(settings); i += 2 {
			bi.Settings = append(bi.Settings, debug.BuildSetting{Key: settings[i], Value: settings[i+1]})
		}
		return bi
	}
	rev := "0123456789abcdef0123456789abcdef01234567"
	tests := []struct {
		name  string
		a, b  *debug.BuildInfo
		same  bool
		tellA string // how a is told
	}{
		{"go install of one version", info("v1.2.3"), info("v1.2.3"), true, "v1.2.3"},
		{"go install of two versions", info("v1.2.3"), info("v1.2.4"), false, "v1.2.3"},
		{"one checkout", info("(devel)", "vcs.revision", rev, "vcs.modified", "false"), info("(devel)", "vcs.revision", rev, "vcs.modified", "false"), true, "commit 0123456789ab"},
		{"a changed checkout", info("(devel)", "vcs.revision", rev, "vcs.modified", "true"), info("(devel)", "vcs.revision", rev, "vcs.modified", "false"), false, "commit 0123456789ab (modified)"},
		{"make: one stamp, other flags", info("(devel)", "-ldflags", "-s -w -X main.version=v2.0.0 -X main.commit=abc -H=windowsgui", "-gcflags", "all=-l"), info("(devel)", "-ldflags", "-X main.version=v2.0.0 -X main.commit=abc"), true, "v2.0.0"},
		{"make: two stamps", info("(devel)", "-ldflags", "-X main.version=v2.0.0 -X main.commit=abc"), info("(devel)", "-ldflags", "-X=main.version=v2.0.1 -X=main.commit=abd"), false, "v2.0.0"},
		{"make: one version, two commits", info("(devel)", "-ldflags", "-X main.version=v2.0.0 -X main.commit=abc"), info("(devel)", "-ldflags", "-X main.version=v2.0.0 -X main.commit=abd"), false, "v2.0.0"},
		{"nothing recorded", info("(devel)"), info("(devel)"), true, "an unknown version"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := buildOf(tt.a), buildOf(tt.b)
			if (a == b) != tt.same {
				t.Errorf("%+v == %+v is %v, want %v", a, b, a == b, tt.same)
			}
			if got := a.String(); got != tt.tellA {
				t.Errorf("told as %q, want %q", got, tt.tellA)
			}
		})
	}
}
