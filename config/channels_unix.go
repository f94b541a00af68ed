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
	fail := func(why Message) error {
		e := newError(path, first.Line, first.Column, "runs a program, so no one else may be able to change the schedule: %s", why)
		e.Field = "channels." + first.Name + ".command"
		e.lang = s.Language
		return Errors{e}
	}
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	if why, bad := unsafeMode(path, fi); bad {
		return fail(why)
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
		if why, bad := unsafeMode(d, di); bad {
			return fail(why)
		}
	}
	return nil
}

// unsafeMode says what is wrong with fi, the file or directory at path;
// bad is false when nothing is.
func unsafeMode(path string, fi os.FileInfo) (why Message, bad bool) {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		if uid := int(st.Uid); uid != os.Geteuid() && uid != 0 {
			if fi.IsDir() {
				return msg("the directory %s is owned by uid %d, not by you (uid %d); fix: chown %d %s",
					path, uid, os.Geteuid(), os.Geteuid(), path), true
			}
			return msg("the file %s is owned by uid %d, not by you (uid %d); fix: chown %d %s",
				path, uid, os.Geteuid(), os.Geteuid(), path), true
		}
	}
	perm := fi.Mode().Perm()
	if perm&0o022 == 0 {
		return Message{}, false
	}
	who := msg("group")
	switch {
	case perm&0o022 == 0o022:
		who = msg("group and others")
	case perm&0o002 != 0:
		who = msg("others")
	}
	if fi.IsDir() && fi.Mode()&os.ModeSticky != 0 && perm&0o002 != 0 {
		who = msg("%s (a shared directory such as /tmp)", who)
	}
	if fi.IsDir() {
		return msg("the directory %s is writable by %s (mode %04o); fix: chmod go-w %s", path, who, int(perm), path), true
	}
	return msg("the file %s is writable by %s (mode %04o); fix: chmod go-w %s", path, who, int(perm), path), true
}
