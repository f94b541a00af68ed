//go:build linux

package daemon

import (
	"bufio"
	"bytes"
	"os"
	"runtime/debug"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// trimMemory hands back the memory the daemon needed only to start or to
// reload, so that it rests small. Loading the schedule and the built-in
// texts, the command line and the package inits leave garbage on the heap
// and touch pages of program text and read-only data that the daemon at
// rest never runs again; all stay in its resident set until the kernel
// needs the memory. The garbage is collected and returned (debug.FreeOSMemory), and
// the mapped pages of the program and its libraries that hold only what
// is in their files are unmapped (madvise MADV_DONTNEED). They stay in the
// page cache: a page needed again comes back with a minor fault. Pages a
// process wrote, or the dynamic linker relocated, are never touched.
func trimMemory() {
	debug.FreeOSMemory()
	smaps, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		return
	}
	for _, m := range fileMappings(smaps) {
		unix.Syscall(unix.SYS_MADVISE, m.start, m.end-m.start, unix.MADV_DONTNEED)
	}
}

type mapping struct{ start, end uintptr }

// fileMappings returns the mappings in /proc/self/smaps that are private,
// not writable, backed by a file and hold no anonymous (written) pages.
func fileMappings(smaps []byte) []mapping {
	var out []mapping
	var cur mapping
	ok := false
	sc := bufio.NewScanner(bytes.NewReader(smaps))
	for sc.Scan() {
		line := sc.Text()
		f := strings.Fields(line)
		if len(f) >= 5 && strings.Contains(f[0], "-") && !strings.HasSuffix(f[0], ":") {
			// A mapping's header: start-end perms offset dev inode [path]
			lo, hi, _ := strings.Cut(f[0], "-")
			a, errA := strconv.ParseUint(lo, 16, 64)
			b, errB := strconv.ParseUint(hi, 16, 64)
			cur = mapping{uintptr(a), uintptr(b)}
			ok = errA == nil && errB == nil && len(f) >= 6 && strings.HasPrefix(f[5], "/") &&
				len(f[1]) == 4 && f[1][1] == '-' && f[1][3] == 'p' && f[4] != "0"
			continue
		}
		if ok && len(f) >= 2 && f[0] == "Anonymous:" {
			if f[1] == "0" {
				out = append(out, cur)
			}
			ok = false
		}
	}
	return out
}
