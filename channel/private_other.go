//go:build !unix

package channel

import "os"

// checkPrivateFile refuses a file that is not a regular file; outside Unix
// mode bits do not say who can read it.
func checkPrivateFile(path string) error {
	fi, err := os.Lstat(path)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return &FileError{Format: "%s is not a regular file; make it a plain file", Args: []any{path}}
	}
	return nil
}
