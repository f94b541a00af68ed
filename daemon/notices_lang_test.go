package daemon

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/synctest"

	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/notify"
)

// TestNoticesInGerman: with language: de, the daemon's notices about its
// schedule file (fixed again, gone) are German, as a golden file.
func TestNoticesInGerman(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		de := "language: de\n" + berlinSchedule
		h := startBubbleRun(t, de, berlin(t, "2026-11-25 20:10"), "")
		h.idleUntil(berlin(t, "2026-11-25 20:30"))

		saveByRename(t, h.opts.SchedulePath, []byte("language: de\n"+editInvalid))
		if s := h.savedLive(); s != nil {
			t.Fatal("an invalid file was accepted")
		}
		h.settled()
		h.nextShown() // the errors' notice (messages_schedule.go)
		saveByRename(t, h.opts.SchedulePath, []byte(de))
		if s := h.savedLive(); s == nil {
			t.Fatal("the fixed file was rejected")
		}
		fixed := h.nextShown()
		mustDo(t, os.Remove(h.opts.SchedulePath))
		if s := h.savedLive(); s == nil || s.Path != "" {
			t.Fatalf("after delete: %+v, want the built-in default", s)
		}
		gone := h.nextShown()
		var b strings.Builder
		for _, m := range []notify.Message{fixed, gone} {
			fmt.Fprintf(&b, "title: %s\nbody: %s\n\n", m.Title, strings.ReplaceAll(m.Body, h.opts.SchedulePath, "/home/alice/.config/bedtime/schedule.yaml"))
		}
		testutil.Golden(t, "notices-de.golden", []byte(b.String()))
	})
}
