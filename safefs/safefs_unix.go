//go:build unix

package safefs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"syscall"
)

const (
	nonBlock = syscall.O_NONBLOCK
	noFollow = syscall.O_NOFOLLOW
)

// PrivateDir makes sure path is a directory only the user can use,
// creating it (0700) when missing. A directory that is the user's but open
// to the group or others is made 0700, and its mode before is returned so
// that the caller can say so; a symbolic link, a file, or a directory of
// another user is refused with a *DirError. Before creating a directory it
// checks the nearest existing parent: one that others may write to (other
// than a sticky directory such as /tmp) or that belongs to another user is
// refused, since whoever can write there can swap the directory.
func PrivateDir(path string) (was fs.FileMode, err error) {
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		if err := checkParent(filepath.Dir(path)); err != nil {
			return 0, err
		}
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
	if uid, ok := owner(fi); ok && uid != os.Geteuid() {
		return 0, &DirError{Path: path, Problem: fmt.Sprintf("is owned by %s with mode %s, not by you", userName(uid), fi.Mode())}
	}
	if fi.Mode().Perm()&0o077 == 0 {
		return 0, nil
	}
	if err := os.Chmod(path, 0o700); err != nil {
		return 0, fmt.Errorf("%s is open to others (mode %s) and cannot be made private: %w", path, fi.Mode(), err)
	}
	if after, err := os.Lstat(path); err == nil && after.Mode().Perm()&0o077 != 0 {
		// A file system without Unix modes (FAT, some mounts) where the
		// mount decides who may enter; saying so at every write would
		// only fill the log.
		return 0, nil
	}
	return fi.Mode(), nil
}

// checkParent refuses a nearest existing ancestor of a directory to be
// created that another user owns or may write to.
func checkParent(dir string) error {
	for {
		fi, err := os.Stat(dir)
		if errors.Is(err, fs.ErrNotExist) && filepath.Dir(dir) != dir {
			dir = filepath.Dir(dir)
			continue
		}
		if err != nil {
			return err
		}
		uid, ok := owner(fi)
		if !ok {
			return nil
		}
		sticky := fi.Mode()&fs.ModeSticky != 0
		switch {
		case uid != os.Geteuid() && uid != 0:
			return &DirError{Path: dir, Problem: fmt.Sprintf("is owned by %s (mode %s), so bedtime will not create its directory there", userName(uid), fi.Mode())}
		case fi.Mode().Perm()&0o002 != 0 && !sticky:
			return &DirError{Path: dir, Problem: fmt.Sprintf("may be written by anyone (mode %s), so bedtime will not create its directory there", fi.Mode())}
		case fi.Mode().Perm()&0o020 != 0 && !sticky && group(fi) != os.Getegid():
			return &DirError{Path: dir, Problem: fmt.Sprintf("may be written by the group %s (mode %s), so bedtime will not create its directory there", groupName(group(fi)), fi.Mode())}
		}
		return nil
	}
}

func owner(fi fs.FileInfo) (int, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	return int(st.Uid), true
}

func group(fi fs.FileInfo) int {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return int(st.Gid)
	}
	return -1
}

// userName is "name (uid N)", or "uid N" for an unknown user.
func userName(uid int) string {
	if u, err := user.LookupId(strconv.Itoa(uid)); err == nil {
		return fmt.Sprintf("%s (uid %d)", u.Username, uid)
	}
	return fmt.Sprintf("uid %d", uid)
}

func groupName(gid int) string {
	if g, err := user.LookupGroupId(strconv.Itoa(gid)); err == nil {
		return fmt.Sprintf("%s (gid %d)", g.Name, gid)
	}
	return fmt.Sprintf("gid %d", gid)
}
