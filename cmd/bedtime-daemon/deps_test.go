package main

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestLinksOnlyTheDaemon: bedtime-daemon links none of what only the
// command line, the report, the tray or the phone channel need, on any
// platform. Go runs each linked package's initialisation at start, and
// the kernel then maps the pages around it: each of these costs the
// service resident memory at rest though it never runs there.
func TestLinksOnlyTheDaemon(t *testing.T) {
	t.Parallel()
	forbidden := []string{
		"net/http", "crypto/tls", // the phone channel (channel/ntfy): bedtime run's
		"github.com/spf13/cobra", "github.com/spf13/pflag", "text/template", "html/template",
		"github.com/kardianos/service", "github.com/bedtime-app/bedtime/service",
		"github.com/bedtime-app/bedtime/report", "github.com/bedtime-app/bedtime/tray", "fyne.io/systray",
		"github.com/bedtime-app/bedtime/calendar", "github.com/arran4/golang-ical",
		"github.com/bedtime-app/bedtime/channel/ntfy",
	}
	for _, platform := range []string{"linux/amd64", "darwin/arm64", "windows/amd64"} {
		t.Run(platform, func(t *testing.T) {
			t.Parallel()
			goos, goarch, _ := strings.Cut(platform, "/")
			// go test puts its own go first on PATH.
			cmd := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}{{range .Imports}} {{.}}{{end}}", ".")
			cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH="+goarch)
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("go list -deps: %v", err)
			}
			imported := map[string][]string{} // a package -> those that import it
			n := 0
			for line := range strings.Lines(string(out)) {
				fields := strings.Fields(line)
				if len(fields) == 0 {
					continue
				}
				n++
				for _, imp := range fields[1:] {
					imported[imp] = append(imported[imp], fields[0])
				}
			}
			if len(imported["github.com/bedtime-app/bedtime/daemon"]) == 0 {
				t.Fatalf("go list -deps listed %d packages, and not the daemon:\n%s", n, out)
			}
			for _, f := range forbidden {
				if f == "text/template" && goos == "windows" {
					continue // Windows' notifications (beeep's toasts) are written with it
				}
				if by := imported[f]; len(by) > 0 {
					slices.Sort(by)
					t.Errorf("bedtime-daemon on %s links %s, imported by %s", platform, f, strings.Join(by, ", "))
				}
			}
		})
	}
}
