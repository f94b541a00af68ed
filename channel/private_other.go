//go:build !unix

package channel

import (
	"fmt"
	"os"
)

// checkPrivateFile refuses a file that is not a regular file; outside Unix
// mode bits do not say who can read it.
func checkPrivateFile(path string) error {
	fi, err := os.Lstat(path)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file; make it a plain file", path)
	}
	return nil
}
