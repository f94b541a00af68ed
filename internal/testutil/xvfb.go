package testutil

import (
	"bufio"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// StartXvfb starts a real X server (Debian package xvfb) on a free
// display, with one 640x480 screen, and returns its DISPLAY; the test's
// cleanup stops it. It fails the test when Xvfb is missing or prints no
// display number within wait.
//
// -noreset: an X server resets itself when its last client leaves, and a
// client that connects during the reset is cut off. A desktop always has
// clients (its window manager), so its server never resets; a test whose
// probes connect one after another would meet the reset.
func StartXvfb(t testing.TB, wait time.Duration) string {
	t.Helper()
	if _, err := exec.LookPath("Xvfb"); err != nil {
		t.Fatal("Xvfb not found: install the Debian package xvfb")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-nolisten", "tcp", "-noreset", "-screen", "0", "640x480x24")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		t.Fatalf("cannot start Xvfb: %v", err)
	}
	w.Close()
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-done
	})
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(r).ReadString('\n')
		line <- strings.TrimSpace(s)
	}()
	select {
	case n := <-line:
		if n == "" {
			t.Fatal("Xvfb exited without printing its display number")
		}
		return ":" + n
	case <-time.After(wait):
		t.Fatalf("Xvfb printed no display number within %v", wait)
	}
	return ""
}
