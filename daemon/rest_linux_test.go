//go:build linux

package daemon

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/scheduler"
)

func TestFileMappings(t *testing.T) {
	smaps := `00400000-00a2b000 r-xp 00000000 fe:00 10109255                           /usr/bin/bedtime
Size:               6316 kB
Anonymous:             0 kB
00a2b000-00a52000 rw-p 0062b000 fe:00 10109255                           /usr/bin/bedtime
Anonymous:            48 kB
00b00000-00b10000 r--p 00700000 fe:00 10109255                           /usr/bin/bedtime
Anonymous:             0 kB
00c00000-00c10000 r--p 00800000 fe:00 10109255                           /usr/bin/bedtime
Anonymous:             8 kB
7f3f38015000-7f3f380d9000 rw-p 00000000 00:00 0
Anonymous:           352 kB
7f3f38200000-7f3f38210000 r--s 00000000 fe:00 42                           /usr/lib/shared.cache
Anonymous:             0 kB
7f3f38300000-7f3f38310000 r--p 00000000 00:00 0
Anonymous:             0 kB
7fff08bd4000-7fff08bd6000 r-xp 00000000 00:00 0                          [vdso]
Anonymous:             0 kB
7f3f38400000-7f3f38500000 r-xp 00000000 fe:00 77                           /usr/lib/x86_64-linux-gnu/libc.so.6
Anonymous:             0 kB
`
	got := fmt.Sprintf("%x", fileMappings([]byte(smaps)))
	want := "[{400000 a2b000} {b00000 b10000} {7f3f38400000 7f3f38500000}]"
	if got != want {
		t.Fatalf("fileMappings = %s, want %s", got, want)
	}
}

// TestTrimMemory checks that trimMemory shrinks the file-backed part of
// the resident set and that the program runs on unharmed: the default
// schedule loads and computes the same firings as before.
func TestTrimMemory(t *testing.T) {
	upcoming := func() string {
		s := config.DefaultIn(time.UTC)
		return fmt.Sprint(scheduler.Upcoming(s.Jobs(), time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC), 50))
	}
	before := upcoming()
	rss := rssFile(t)
	trimMemory()
	after := rssFile(t)
	if after >= rss {
		t.Errorf("file-backed RSS %d KiB before trimMemory, %d KiB after; want less", rss, after)
	}
	if got := upcoming(); got != before {
		t.Fatalf("after trimMemory: %s\nbefore: %s", got, before)
	}
}

func rssFile(t *testing.T) int {
	t.Helper()
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "RssFile:" {
			n, err := strconv.Atoi(f[1])
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
	}
	t.Fatal("no RssFile in /proc/self/status")
	return 0
}
