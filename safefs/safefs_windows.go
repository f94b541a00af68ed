package safefs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// On Windows there is no O_NONBLOCK or O_NOFOLLOW; CreateFile does not
// block on a named pipe path the way open(2) does on a FIFO.
const (
	nonBlock = 0
	noFollow = 0
)

// PrivateDir makes sure path is a directory, creating it when missing. On
// Windows access is decided by ACLs, which the user's profile directories
// already restrict; a symbolic link or a file is refused with a *DirError.
func PrivateDir(path string) (was fs.FileMode, err error) {
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(path, 0o700); err != nil {
			return 0, err
		}
		fi, err = os.Lstat(path)
	}
	if err != nil {
		return 0, err
	}
	switch {
	case fi.Mode()&fs.ModeSymlink != 0:
		target, _ := os.Readlink(path)
		return 0, &DirError{Path: path, Problem: fmt.Sprintf("is a symbolic link (to %q)", target)}
	case !fi.IsDir():
		return 0, &DirError{Path: path, Problem: "is " + Describe(fi.Mode()) + ", not a directory"}
	}
	return 0, nil
}
