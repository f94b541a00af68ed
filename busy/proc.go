package busy

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// Limits on what is read of files other programs (the kernel, any
// process) decide.
const (
	maxStatus    = 4 << 10 // bytes of one capture status file
	maxProcesses = 1 << 15
	maxFDs       = 1 << 12 // per process
)

// captureRunning reports whether an ALSA capture substream is running:
// proc/asound/card*/pcm*c/sub*/status has "state: RUNNING".
func captureRunning(root string) bool {
	files, _ := filepath.Glob(filepath.Join(root, "proc", "asound", "card*", "pcm*c", "sub*", "status"))
	for _, f := range files {
		if statusRunning(f) {
			return true
		}
	}
	return false
}

func statusRunning(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(io.LimitReader(f, maxStatus))
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == "state" {
			return strings.TrimSpace(v) == "RUNNING"
		}
	}
	return false
}

var videoRE = regexp.MustCompile(`^/dev/video[0-9]+$`)

// cameraOpen reports whether a process of uid has a /dev/video* device
// open, as proc/PID/fd says.
func cameraOpen(root string, uid int) bool {
	procDir := filepath.Join(root, "proc")
	d, err := os.Open(procDir)
	if err != nil {
		return false
	}
	names, _ := d.Readdirnames(maxProcesses)
	d.Close()
	for _, pid := range names {
		if _, err := strconv.Atoi(pid); err != nil {
			continue
		}
		dir := filepath.Join(procDir, pid)
		if !ownedBy(dir, uid) {
			continue
		}
		fdDir := filepath.Join(dir, "fd")
		fd, err := os.Open(fdDir)
		if err != nil {
			continue // gone, or not ours to read
		}
		fds, _ := fd.Readdirnames(maxFDs)
		fd.Close()
		for _, n := range fds {
			if target, err := os.Readlink(filepath.Join(fdDir, n)); err == nil && videoRE.MatchString(target) {
				return true
			}
		}
	}
	return false
}
