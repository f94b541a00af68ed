package state

import (
	"os"
	"strings"
	"testing"
	"time"
)

func TestHistoryAppendAndSince(t *testing.T) {
	s, logs := open(t)
	if evs, err := s.History(time.Time{}); err != nil || len(evs) != 0 {
		t.Fatalf("History of a missing file = %v, %v; want nothing", evs, err)
	}
	base := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	want := []Event{
		{At: base, Reminder: "magnesium", Kind: Fired, Scheduled: base},
		{At: base.Add(time.Minute), Reminder: "magnesium", Kind: Done, Scheduled: base},
		{At: base.Add(time.Hour), Kind: Paused, Detail: "until 22:00"},
		{At: base.Add(2 * time.Hour), Kind: Resumed},
	}
	for _, ev := range want {
		if err := s.Append(ev); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.History(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("History = %+v, want %+v", got, want)
	}
	for i := range want {
		if !got[i].At.Equal(want[i].At) || got[i].Kind != want[i].Kind || got[i].Reminder != want[i].Reminder ||
			!got[i].Scheduled.Equal(want[i].Scheduled) || got[i].Detail != want[i].Detail {
			t.Errorf("event %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	got, _ = s.History(base.Add(time.Hour))
	if len(got) != 2 || got[0].Kind != Paused {
		t.Errorf("History(since the pause) = %+v, want the pause and the resume", got)
	}
	raw, _ := os.ReadFile(s.HistoryPath())
	if lines := strings.Split(strings.TrimSuffix(string(raw), "\n"), "\n"); len(lines) != 4 ||
		lines[2] != `{"at":"2026-11-25T21:00:00Z","kind":"paused","detail":"until 22:00"}` {
		t.Errorf("history file:\n%s", raw)
	}
	if logs.Len() != 0 {
		t.Errorf("logs: %s", logs)
	}
}

func TestHistorySkipsTornAndGarbledLines(t *testing.T) {
	whole := `{"at":"2026-11-25T20:00:00Z","reminder":"magnesium","kind":"fired","scheduled":"2026-11-25T20:00:00Z"}`
	tests := []struct {
		name        string
		file        string
		wantEvents  int
		wantSkipped string // "" for no warning
	}{
		{"torn last line", whole + "\n" + whole[:40], 1, "lines=1 first_line=2"},
		{"garbled middle line", whole + "\n\x00\x00\x00\x00\n" + whole + "\n", 2, "lines=1 first_line=2"},
		{"json but no event", `{"hello":"world"}` + "\n" + whole + "\n", 1, "lines=1 first_line=1"},
		{"two bad lines, one warning", "nope\n" + whole + "\n{\"at\":\n", 1, "lines=2 first_line=1"},
		{"blank lines are fine", "\n" + whole + "\n\n", 1, ""},
		{"no final newline", whole, 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, logs := open(t)
			os.WriteFile(s.HistoryPath(), []byte(tt.file), 0o600)
			evs, err := s.History(time.Time{})
			if err != nil {
				t.Fatalf("History = %v, want no error", err)
			}
			if len(evs) != tt.wantEvents {
				t.Errorf("%d events, want %d", len(evs), tt.wantEvents)
			}
			if tt.wantSkipped == "" {
				if logs.Len() != 0 {
					t.Errorf("unexpected warning: %s", logs)
				}
				return
			}
			if c := strings.Count(logs.String(), "\n"); c != 1 || !strings.Contains(logs.String(), tt.wantSkipped) {
				t.Errorf("want one warning with %q, got:\n%s", tt.wantSkipped, logs)
			}
		})
	}
}

func TestAppendAfterTornLineStartsANewLine(t *testing.T) {
	s, logs := open(t)
	os.WriteFile(s.HistoryPath(), []byte(`{"at":"2026-11-25T20:00:00Z","remin`), 0o600)
	at := time.Date(2026, 11, 25, 21, 0, 0, 0, time.UTC)
	if err := s.Append(Event{At: at, Reminder: "calf-stretch", Kind: Fired}); err != nil {
		t.Fatal(err)
	}
	evs, err := s.History(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || evs[0].Reminder != "calf-stretch" {
		t.Errorf("History = %+v, want the new event kept whole", evs)
	}
	if !strings.Contains(logs.String(), "lines=1") {
		t.Errorf("want one skipped line, logs: %s", logs)
	}
}
