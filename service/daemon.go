package service

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// DaemonBeside returns the bedtime-daemon in the directory of exe, a
// bedtime binary ("bedtime-daemon.exe" beside "bedtime.exe"), or "" when
// there is none there that can run: not a regular file, or on Unix not
// executable. The service runs it when there is one, and exe itself
// ("bedtime run") when there is not: a "go install" of cmd/bedtime alone,
// or an older layout.
func DaemonBeside(exe string) string {
	name := DaemonName
	if ext := filepath.Ext(exe); strings.EqualFold(ext, ".exe") {
		name += ext
	}
	p := filepath.Join(filepath.Dir(exe), name)
	fi, err := os.Stat(p)
	if err != nil || !fi.Mode().IsRegular() {
		return ""
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm()&0o111 == 0 {
		return ""
	}
	return p
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
