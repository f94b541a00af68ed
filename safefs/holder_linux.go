package safefs

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"
)

// LockHolder returns the process id and command name of a process that
// holds a lock on the file at path, from /proc/locks; zero and "" when it
// cannot tell.
func LockHolder(path string) (pid int, command string) {
	fi, err := os.Stat(path)
	if err != nil {
		return 0, ""
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, ""
	}
	// A line reads "1: FLOCK  ADVISORY  WRITE 1234 08:01:5678 0 EOF"; the
	// device is major:minor in hex.
	id := fmt.Sprintf("%02x:%02x:%d", unix.Major(uint64(st.Dev)), unix.Minor(uint64(st.Dev)), st.Ino)
	f, err := os.Open("/proc/locks")
	if err != nil {
		return 0, ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 6 || fields[1] == "->" {
			continue // a waiter, not the holder
		}
		if fields[5] != id {
			continue
		}
		if pid, err = strconv.Atoi(fields[4]); err != nil || pid <= 0 {
			return 0, ""
		}
		if b, err := os.ReadFile("/proc/" + fields[4] + "/comm"); err == nil {
			command = strings.TrimSpace(string(b))
		}
		return pid, command
	}
	return 0, ""
}
