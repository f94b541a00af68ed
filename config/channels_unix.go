//go:build unix

package config

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// checkRunsCommands refuses a schedule that runs programs (a command
// channel) when someone else could change it: the file f at path, or its
// directory, is writable by group or others, or owned by someone other
// than the user (or root). This is what OpenSSH does with authorized_keys
// and cron with crontabs.
func checkRunsCommands(path string, f *os.File, s *Schedule) error {
	first := firstCommand(s)
	if first == nil {
		return nil
	}
	fail := func(msg string) error {
		return Errors{{File: path, Line: first.Line, Column: first.Column, Field: "channels." + first.Name + ".command",
			Msg: "runs a program, so no one else may be able to change the schedule: " + msg}}
	}
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	if msg := unsafeMode(path, fi); msg != "" {
		return fail(msg)
	}
	dirs := []string{filepath.Dir(path)}
	if real, err := filepath.EvalSymlinks(path); err == nil && filepath.Dir(real) != dirs[0] {
		dirs = append(dirs, filepath.Dir(real))
	}
	for _, d := range dirs {
		di, err := os.Stat(d)
		if err != nil {
			return fmt.Errorf("config: %w", err)
		}
		if msg := unsafeMode(d, di); msg != "" {
			return fail(msg)
		}
	}
	return nil
}

// unsafeMode says what is wrong with fi, the file or directory at path, or
// returns "".
func unsafeMode(path string, fi os.FileInfo) string {
	kind := "file"
	if fi.IsDir() {
		kind = "directory"
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		if uid := int(st.Uid); uid != os.Geteuid() && uid != 0 {
			return fmt.Sprintf("the %s %s is owned by uid %d, not by you (uid %d); fix: chown %d %s",
				kind, path, uid, os.Geteuid(), os.Geteuid(), path)
		}
	}
	perm := fi.Mode().Perm()
	if perm&0o022 == 0 {
		return ""
	}
	who := "group"
	switch {
	case perm&0o022 == 0o022:
		who = "group and others"
	case perm&0o002 != 0:
		who = "others"
	}
	if fi.IsDir() && fi.Mode()&os.ModeSticky != 0 && perm&0o002 != 0 {
		who += " (a shared directory such as /tmp)"
	}
	return fmt.Sprintf("the %s %s is writable by %s (mode %04o); fix: chmod go-w %s", kind, path, who, perm, path)
}
