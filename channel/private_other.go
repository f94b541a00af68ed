//go:build !unix

package channel

import "os"

// CheckPrivateFile refuses a file that is not a regular file, with a
// *FileError (or the error of looking at it); outside Unix mode bits do
// not say who can read it.
func CheckPrivateFile(path string) error {
	fi, err := os.Lstat(path)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return &FileError{Format: "%s is not a regular file; make it a plain file", Args: []any{path}}
	}
	return nil
}
