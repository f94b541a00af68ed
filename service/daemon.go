package service

import (
	"debug/buildinfo"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
)

// OtherBuildError is why DaemonBeside leaves out a bedtime-daemon that is
// there: it was built from another version than the bedtime beside it.
type OtherBuildError struct {
	Daemon, DaemonVersion string // the bedtime-daemon, and its version as a person tells it
	Exe, ExeVersion       string // the bedtime beside it, and its version
}

func (e *OtherBuildError) Error() string {
	return fmt.Sprintf("%s is %s, %s is %s: another build", e.Daemon, e.DaemonVersion, e.Exe, e.ExeVersion)
}

// DaemonBeside returns the bedtime-daemon in the directory of exe, a
// bedtime binary ("bedtime-daemon.exe" beside "bedtime.exe"), or "" when
// there is none there that can run: not a regular file, or on Unix not
// executable. The service runs it when there is one, and exe itself
// ("bedtime run") when there is not: a "go install" of cmd/bedtime alone,
// or an older layout.
//
// A bedtime-daemon of another build than exe is left out too, with an
// *OtherBuildError that names both: a "go install" of a newer
// cmd/bedtime alone leaves the older daemon beside it, which would run the
// old version's schedule rules and hand over to a bedtime it does not
// know. The build is what the Go tool records in each binary (the module's
// version, the commit and whether its tree was modified, and the version
// and commit that make and make dist stamp). When either binary's record
// cannot be read, nothing is known against the daemon and it is taken.
func DaemonBeside(exe string) (string, error) {
	name := DaemonName
	if ext := filepath.Ext(exe); strings.EqualFold(ext, ".exe") {
		name += ext
	}
	p := filepath.Join(filepath.Dir(exe), name)
	fi, err := os.Stat(p)
	if err != nil || !fi.Mode().IsRegular() {
		return "", nil
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm()&0o111 == 0 {
		return "", nil
	}
	mine, err := buildinfo.ReadFile(exe)
	if err != nil {
		return p, nil
	}
	its, err := buildinfo.ReadFile(p)
	if err != nil {
		return p, nil
	}
	if a, b := buildOf(mine), buildOf(its); a != b {
		return "", &OtherBuildError{Daemon: p, DaemonVersion: b.String(), Exe: exe, ExeVersion: a.String()}
	}
	return p, nil
}

// build is what tells two builds of bedtime apart.
type build struct {
	module, version string // the main module and its version: v1.2.3 from go install ...@v1.2.3
	revision        string // the commit of a checkout's build (vcs.revision)
	modified        bool   // its tree had changes (vcs.modified)
	stamped         string // -X main.version=... and -X main.commit=..., as make and make dist stamp them
}

func buildOf(bi *debug.BuildInfo) build {
	b := build{module: bi.Main.Path, version: bi.Main.Version}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			b.revision = s.Value
		case "vcs.modified":
			b.modified = s.Value == "true"
		case "-ldflags":
			b.stamped = stamped(s.Value)
		}
	}
	return b
}

// stamped returns the values that ldflags sets with -X for main.version
// and main.commit, in that order, or "" when it sets neither.
func stamped(ldflags string) string {
	var version, commit string
	fields := strings.Fields(ldflags)
	for i, f := range fields {
		var x string
		switch {
		case f == "-X" && i+1 < len(fields):
			x = fields[i+1]
		case strings.HasPrefix(f, "-X="):
			x = strings.TrimPrefix(f, "-X=")
		default:
			continue
		}
		x = strings.Trim(x, `'"`)
		if v, ok := strings.CutPrefix(x, "main.version="); ok {
			version = v
		} else if v, ok := strings.CutPrefix(x, "main.commit="); ok {
			commit = v
		}
	}
	if version == "" && commit == "" {
		return ""
	}
	return version + " " + commit
}

// String is the build as a person tells it: the stamped version, the
// module's version, or the commit.
func (b build) String() string {
	v, _, _ := strings.Cut(b.stamped, " ")
	switch {
	case v != "":
		return v
	case b.version != "" && b.version != "(devel)":
		return b.version
	case b.revision != "":
		c := "commit " + b.revision[:min(12, len(b.revision))]
		if b.modified {
			c += " (modified)"
		}
		return c
	}
	return "an unknown version"
}

// besideDaemon returns the bedtime beside program when program is a
// bedtime-daemon (what a service installed beside one runs), and false
// when it is not. The directory is kept as program writes it.
func besideDaemon(program string) (exe string, ok bool) {
	base := filepath.Base(program)
	ext := filepath.Ext(base)
	if !strings.EqualFold(ext, ".exe") {
		ext = ""
	}
	if strings.TrimSuffix(base, ext) != DaemonName || !strings.HasSuffix(program, base) {
		return "", false
	}
	return strings.TrimSuffix(program, base) + Name + ext, true
}
