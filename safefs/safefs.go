package safefs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"time"
)

// NotRegularError is the error for a path that holds something other than
// a regular file: a named pipe, a device, a directory, or (for
// OpenPrivate) a symbolic link.
type NotRegularError struct {
	Path string
	Mode fs.FileMode
}

// Error names the path and what is there.
func (e *NotRegularError) Error() string {
	if e.Mode&fs.ModeSymlink != 0 {
		target, _ := os.Readlink(e.Path)
		return fmt.Sprintf("%s is a symbolic link (to %q); bedtime does not follow links among its own files: remove the link", e.Path, target)
	}
	return fmt.Sprintf("%s is %s, not a regular file; bedtime reads and writes only regular files: remove or rename it", e.Path, Describe(e.Mode))
}

// IsNotRegular reports whether err says a path is not a regular file.
func IsNotRegular(err error) bool {
	var e *NotRegularError
	return errors.As(err, &e)
}

// Describe names the kind of file m is, such as "a named pipe (FIFO)".
func Describe(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return "a regular file"
	case m.IsDir():
		return "a directory"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	default:
		return "an irregular file"
	}
}

// Open opens the regular file at path for reading, following symbolic
// links (a schedule file may be a link into the user's dotfiles). It
// never blocks on a named pipe or a device: those give a
// *NotRegularError.
func Open(path string) (*os.File, error) {
	return open(path, os.O_RDONLY, 0, true)
}

// OpenPrivate opens the regular file at path with flag and perm (as
// os.OpenFile does) without following a symbolic link and without
// blocking: a link, a named pipe or a device there gives a
// *NotRegularError.
func OpenPrivate(path string, flag int, perm fs.FileMode) (*os.File, error) {
	return open(path, flag, perm, false)
}

func open(path string, flag int, perm fs.FileMode, follow bool) (*os.File, error) {
	stat := os.Stat
	extra := nonBlock
	if !follow {
		stat, extra = os.Lstat, extra|noFollow
	}
	f, err := os.OpenFile(path, flag|extra, perm)
	if err != nil {
		// ELOOP (a link under O_NOFOLLOW), ENXIO (a pipe without a
		// reader), EISDIR: say what is there.
		if fi, serr := stat(path); serr == nil && !fi.Mode().IsRegular() {
			return nil, &NotRegularError{Path: path, Mode: fi.Mode()}
		}
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, &NotRegularError{Path: path, Mode: fi.Mode()}
	}
	return f, nil
}

// ReadPrivate reads the regular file at path, never through a symbolic
// link and never blocking on a pipe.
func ReadPrivate(path string) ([]byte, error) {
	f, err := OpenPrivate(path, os.O_RDONLY, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// WriteAtomic writes data to path atomically: readers see the old file or
// the new one, never a part, even after a crash. It writes a new private
// (0600) temporary file beside path, named ".<name>.tmp<random>" and
// created with O_EXCL and O_NOFOLLOW, flushes it to disk, renames it over
// path and flushes the directory. A symbolic link at path is replaced, not
// followed. The directory must exist.
//
// Its errors name path, not the temporary file (a person asked for path:
// "open /x/.r.html.tmp3k…: no such file or directory" says nothing to
// them).
func WriteAtomic(path string, data []byte) error {
	return namePath(path, writeAtomic(path, data))
}

// namePath returns err with path in place of the temporary file's name a
// *fs.PathError or *os.LinkError of WriteAtomic carries.
func namePath(path string, err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return &fs.PathError{Op: pe.Op, Path: path, Err: pe.Err}
	case errors.As(err, &le):
		return &fs.PathError{Op: "replace", Path: path, Err: le.Err}
	}
	return err
}

func writeAtomic(path string, data []byte) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	var f *os.File
	for range 100 {
		name := filepath.Join(dir, "."+base+".tmp"+strconv.FormatUint(rand.Uint64(), 36))
		f, err = os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL|noFollow, 0o600)
		if !errors.Is(err, fs.ErrExist) {
			break
		}
	}
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := f.Chmod(0o600); err != nil && runtime.GOOS != "windows" {
		return err
	}
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return err
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // not supported everywhere; the rename is done either way
		d.Close()
	}
	return nil
}

// Links returns the chain of symbolic links that starts at path: path
// itself, then each link's target in turn, ending with a path that is not
// a link (which may not exist). A path that is not a link gives just
// itself. A relative target is taken relative to its link's directory.
func Links(path string) ([]string, error) {
	chain := []string{filepath.Clean(path)}
	for range 40 {
		p := chain[len(chain)-1]
		fi, err := os.Lstat(p)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return chain, nil
		}
		target, err := os.Readlink(p)
		if err != nil {
			return chain, err
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(p), target)
		}
		chain = append(chain, filepath.Clean(target))
	}
	return chain, fmt.Errorf("%s: too many levels of symbolic links", path)
}

// MoveAside renames path to path+suffix+<time>, such as
// state.json.corrupt-20261125T203000, adding -2, -3... to keep an earlier
// one, and returns the new name. A link or a pipe is moved itself, never
// what it points to.
func MoveAside(path, suffix string) (string, error) {
	base := path + suffix + time.Now().Format("20060102T150405")
	dst := base
	for i := 2; ; i++ {
		if _, err := os.Lstat(dst); errors.Is(err, fs.ErrNotExist) {
			break
		}
		dst = fmt.Sprintf("%s-%d", base, i)
	}
	return dst, os.Rename(path, dst)
}

// DirError is the error for a directory bedtime will not keep private
// files in.
type DirError struct {
	Path string
	// Problem says what is wrong, such as "is owned by mallory (uid
	// 1001)".
	Problem string
}

// Error names the directory and the problem.
func (e *DirError) Error() string {
	return fmt.Sprintf("%s %s; bedtime keeps its files only in a directory that is yours alone (mode 0700): remove it or move it aside", e.Path, e.Problem)
}
