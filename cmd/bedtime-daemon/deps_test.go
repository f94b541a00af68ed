package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/bedtime-app/bedtime/internal/testutil"
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
			imported := testutil.ImportedBy(t, ".", goos, goarch)
			if len(imported["github.com/bedtime-app/bedtime/daemon"]) == 0 {
				t.Fatal("go list -deps does not list the daemon")
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
