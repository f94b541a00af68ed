//go:build unix

package channel

import (
	"os"
	"syscall"

	"github.com/bedtime-app/bedtime/locale"
)

// CheckPrivateFile refuses a file that is not a regular file, not 0600
// (or stricter) or not owned by the user, with a *FileError (or the error
// of looking at it): the channel secret, and an ntfy channel's token_file.
func CheckPrivateFile(path string) error {
	fi, err := os.Lstat(path)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return &FileError{Format: "%s is not a regular file (a symlink, a directory or a device); make it a plain file", Args: []any{path}}
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok && int(st.Uid) != os.Geteuid() {
		return &FileError{Format: "%s is owned by uid %d, not by you (uid %d); fix: chown %d %s", Args: []any{path, locale.Plain(st.Uid), locale.Plain(os.Geteuid()), locale.Plain(os.Geteuid()), path}}
	}
	if perm := fi.Mode().Perm(); perm&0o077 != 0 {
		return &FileError{Format: "%s can be read or changed by others (mode %04o); fix: chmod 600 %s", Args: []any{path, perm, path}}
	}
	return nil
}
