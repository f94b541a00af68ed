//go:build unix

package busy

import (
	"os"
	"syscall"
)

// ownedBy reports whether the process directory belongs to uid.
func ownedBy(dir string, uid int) bool {
	fi, err := os.Stat(dir)
	if err != nil {
		return false
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) == uid
}
