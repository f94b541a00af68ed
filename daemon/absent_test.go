package daemon

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/state"
)

// TestStartsBeforeTheFileExists: a daemon started on a schedule path that
// does not exist yet, nor its directories (a service installed before
// `bedtime init`), runs the built-in default and takes the file as soon as
// it is written, directories and all, as init writes it.
func TestStartsBeforeTheFileExists(t *testing.T) {
	h := newHarness(t, berlinSchedule, berlin(t, "2026-11-25 20:10"), "")
	path := filepath.Join(t.TempDir(), "config", "bedtime", "schedule.yaml")
	h.opts.SchedulePath = path
	h.opts.Debounce = productionDebounce
	h.reportShownFirst()
	h.controls = make(chan state.State, 64)
	h.opts.OnControl = func(st state.State) { h.controls <- st }
	h.start() // waits for the first load
	h.applied()
	if log := h.log.String(); !strings.Contains(log, `from="built-in default (no file at `+path+`)"`) {
		t.Fatalf("the start did not run the built-in default:\n%s", log)
	}
	// The file watch is set up after the first load; "bedtime started"
	// is logged once it is. (A file written in between is only seen at
	// the next change of the directory.)
	// (On the real watcher: the kernel's file events cannot be in a
	// bubble, so the test looks again.)
	waitLog(t, h.log, `msg="bedtime started"`)

	mustDo(t, config.WriteFile(path, []byte(editValid)))
	// Making the directories may be seen first, with no file yet in them.
	var s *config.Schedule
	for s == nil || s.Path == "" {
		s = liveAfter(t, h)
	}
	if got := magnesiumAt(s); got != "21:15" || s.Path != path {
		t.Fatalf("after init: %s from %q, want 21:15 from the file", got, s.Path)
	}
	h.idleUntil(berlin(t, "2026-11-25 21:15"))
	h.nothingShown() // no "schedule file is gone" or any other notice
}
