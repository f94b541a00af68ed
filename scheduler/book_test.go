package scheduler

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
	"time"
)

// ownerBook is a Book its owner keeps, as the daemon keeps its state: the
// engine only reads it, and the owner records what Due hands over.
type ownerBook struct {
	last   map[string]time.Time
	again  map[string]time.Time
	skip   map[string]time.Time
	paused time.Time
}

func newOwnerBook() *ownerBook {
	return &ownerBook{last: map[string]time.Time{}, again: map[string]time.Time{}, skip: map[string]time.Time{}}
}

func (b *ownerBook) Last(job string) (time.Time, bool) { t, ok := b.last[job]; return t, ok }
func (b *ownerBook) Skip(job string) time.Time         { return b.skip[job] }
func (b *ownerBook) PausedUntil() time.Time            { return b.paused }
func (b *ownerBook) Again(job string) []time.Time {
	if t, ok := b.again[job]; ok {
		return []time.Time{t}
	}
	return nil
}

// record is what the daemon does with each event: the instant handled,
// a snooze taken off, a skip that passed.
func (b *ownerBook) record(evs []Event) {
	for _, ev := range evs {
		if ev.Once {
			delete(b.again, ev.Job)
			continue
		}
		b.last[ev.Job] = ev.Scheduled
		if !ev.Scheduled.Before(b.skip[ev.Job]) {
			delete(b.skip, ev.Job)
		}
	}
}

func TestEngineAsksItsOwnersBook(t *testing.T) {
	utc := time.UTC
	day := func(h, m int) time.Time { return time.Date(2026, 11, 25, h, m, 0, 0, utc) }
	water := Job{Name: "water", Schedule: &Daily{Times: []TimeOfDay{{20, 0}, {21, 0}, {22, 0}}, Location: utc}, CatchUp: 10 * time.Minute}
	book := newOwnerBook()
	book.last["water"] = day(19, 0) // as the state says after a restart
	e := NewEngineWith([]Job{water}, book)

	// Due reads the book and changes nothing in it.
	evs, next := e.Due(day(20, 5))
	if got := kinds(evs); got != "[water:fire]" || !next.Equal(day(21, 0)) {
		t.Fatalf("Due at 20:05 = %s, next %s", got, wall(next))
	}
	if !book.last["water"].Equal(day(19, 0)) {
		t.Fatalf("Due changed the owner's book: last %s", wall(book.last["water"]))
	}
	book.record(evs)
	if evs, _ := e.Due(day(20, 6)); len(evs) != 0 {
		t.Fatalf("fired twice: %s", kinds(evs))
	}

	// A snooze, a skip and a pause are what the book says.
	book.again["water"] = day(20, 15)
	book.skip["water"] = day(21, 0)
	if evs, _ := e.Due(day(20, 15)); kinds(evs) != "[water:fire]" || !evs[0].Once {
		t.Fatalf("snooze: %s", kinds(evs))
	} else {
		book.record(evs)
	}
	evs, _ = e.Due(day(21, 0))
	if kinds(evs) != "[water:skipped]" {
		t.Fatalf("skip: %s", kinds(evs))
	}
	book.record(evs)
	if _, ok := book.skip["water"]; ok {
		t.Fatal("the owner kept a skip that passed")
	}
	book.paused = day(23, 0)
	evs, _ = e.Due(day(22, 0))
	if kinds(evs) != "[water:skipped]" || !evs[0].Paused {
		t.Fatalf("pause: %s", kinds(evs))
	}
	book.record(evs)

	// A reload that drops the job and brings it back: the book's last is
	// from before, and the instants in between are not caught up on.
	e.SetJobs(nil)
	e.SetJobs([]Job{water})
	if evs, _ := e.Due(day(23, 59).AddDate(0, 0, 1)); len(evs) != 0 {
		t.Fatalf("a job brought back caught up on the past: %s", kinds(evs))
	}
}

func TestEngineSuspectBookLoggedOnce(t *testing.T) {
	utc := time.UTC
	day := func(h, m int) time.Time { return time.Date(2026, 11, 25, h, m, 0, 0, utc) }
	water := Job{Name: "water", Schedule: &Daily{Times: []TimeOfDay{{20, 0}}, Location: utc}}
	book := newOwnerBook()
	book.last["water"] = day(20, 0).AddDate(1, 0, 0) // the clock ran a year ahead
	e := NewEngineWith([]Job{water}, book)
	var logs bytes.Buffer
	e.SetLogger(slog.New(slog.NewTextHandler(&logs, nil)))
	for _, now := range []time.Time{day(19, 0), day(19, 30)} {
		if evs, next := e.Due(now); len(evs) != 0 || !next.Equal(day(20, 0)) {
			t.Fatalf("Due at %s = %s, next %s", wall(now), kinds(evs), wall(next))
		}
	}
	if n := strings.Count(logs.String(), "still to come"); n != 1 {
		t.Fatalf("%d warnings, want 1:\n%s", n, logs.String())
	}
	evs, _ := e.Due(day(20, 0))
	if kinds(evs) != "[water:fire]" {
		t.Fatalf("at 20:00: %s", kinds(evs))
	}
	book.record(evs)
	if last, _ := e.Last("water"); !last.Equal(day(20, 0)) {
		t.Fatalf("Last = %s", wall(last))
	}
}

// kinds lists events as job:kind.
func kinds(evs []Event) string {
	var s []string
	for _, ev := range evs {
		s = append(s, ev.Job+":"+ev.Kind.String())
	}
	return "[" + strings.Join(s, " ") + "]"
}
