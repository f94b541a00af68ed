package diary

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

var berlin = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		panic(err)
	}
	return loc
}()

func TestNightOf(t *testing.T) {
	for _, tc := range []struct {
		at   string
		want string
	}{
		{"2026-03-07T03:00:00+01:00", "2026-03-06"}, // the small hours: the night before
		{"2026-03-07T11:59:00+01:00", "2026-03-06"},
		{"2026-03-07T12:00:00+01:00", "2026-03-07"},
		{"2026-03-07T22:30:00+01:00", "2026-03-07"},
		{"2026-03-29T03:30:00+02:00", "2026-03-28"}, // the night the clocks go forward
		{"2026-10-25T02:30:00+01:00", "2026-10-24"}, // the second 02:30 of the night they go back
		{"2026-03-01T00:10:00+01:00", "2026-02-28"}, // across a month
	} {
		at, err := time.Parse(time.RFC3339, tc.at)
		if err != nil {
			t.Fatal(err)
		}
		if got := NightOf(at, berlin); got != tc.want {
			t.Errorf("NightOf(%s) = %s, want %s", tc.at, got, tc.want)
		}
	}
}

func TestLastNight(t *testing.T) {
	for _, tc := range []struct{ at, want string }{
		{"2026-03-07T08:00:00+01:00", "2026-03-06"},
		{"2026-03-07T03:00:00+01:00", "2026-03-06"},
		{"2026-03-07T21:00:00+01:00", "2026-03-06"},
		{"2026-01-01T07:00:00+01:00", "2025-12-31"},
	} {
		at, _ := time.Parse(time.RFC3339, tc.at)
		if got := LastNight(at, berlin); got != tc.want {
			t.Errorf("LastNight(%s) = %s, want %s", tc.at, got, tc.want)
		}
	}
}

func TestValidate(t *testing.T) {
	now := time.Date(2026, 3, 7, 8, 0, 0, 0, berlin)
	ok := Entry{Night: "2026-03-06", At: now, Via: ViaCLI, Count: Int(2)}
	with := func(f func(*Entry)) Entry { e := ok; f(&e); return e }
	for _, tc := range []struct {
		name string
		e    Entry
		want string // "" for accepted
	}{
		{"last night", ok, ""},
		{"a year back", with(func(e *Entry) { e.Night = "2025-03-06" }), ""},
		{"a year and a day back", with(func(e *Entry) { e.Night = "2025-03-05" }), "night 2025-03-05: is more than a year back (the earliest night is 2025-03-06)"},
		{"years back", with(func(e *Entry) { e.Night = "2019-01-01" }), "night 2019-01-01: is more than a year back (the earliest night is 2025-03-06)"},
		{"tonight, not begun", with(func(e *Entry) { e.Night = "2026-03-07" }), "night 2026-03-07: is in the future (the latest night is 2026-03-06)"},
		{"next year", with(func(e *Entry) { e.Night = "2027-03-07" }), "night 2027-03-07: is in the future (the latest night is 2026-03-06)"},
		{"not a date", with(func(e *Entry) { e.Night = "2026-02-30" }), `night "2026-02-30": want a date such as 2026-03-14 (YYYY-MM-DD)`},
		{"severity 11", with(func(e *Entry) { e.Severity = Int(11) }), "severity 11: want 0 (no pain) to 10 (the worst)"},
		{"severity -1", with(func(e *Entry) { e.Severity = Int(-1) }), "severity -1: want 0 (no pain) to 10 (the worst)"},
		{"sleep 11", with(func(e *Entry) { e.Sleep = Int(11) }), "sleep 11: want 0 (slept well) to 10 (hardly slept)"},
		{"severity 10", with(func(e *Entry) { e.Severity = Int(10) }), ""},
		{"count 51", with(func(e *Entry) { e.Count = Int(51) }), "cramps 51: want 0 to 50"},
		{"leg", with(func(e *Entry) { e.Leg = "middle" }), `leg "middle": want left, right or both`},
		{"1 MB note", with(func(e *Entry) { e.Note = strings.Repeat("x", 1<<20) }), "note: is 1048576 characters long; at most 1000"},
		{"note with escape", with(func(e *Entry) { e.Note = "a\x1b[31mred" }), "note: holds a control character (U+001B) at byte 1; write it on one line"},
		{"note not UTF-8", with(func(e *Entry) { e.Note = "\xff" }), "note: is not valid UTF-8 text"},
		{"HTML in a note is text", with(func(e *Entry) { e.Note = "<script>alert(1)</script>" }), ""},
		{"none with severity", with(func(e *Entry) { e.Count = Int(0); e.Severity = Int(4) }), "severity 4: is for a night with cramps; this one says none"},
		{"none and bad", with(func(e *Entry) { e.Count = Int(0); e.Answer = AnswerBad }), "cramps 0: contradicts the other answers (cramps were said too)"},
		{"nothing", Entry{Night: "2026-03-06", At: now, Via: ViaCLI}, "answer: nothing to record (give --cramps, --severity, --sleep, --leg or --note)"},
		{"bad via", with(func(e *Entry) { e.Via = "mail" }), `via "mail": unknown`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Validate(tc.e, now, berlin)
			got := ""
			if err != nil {
				got = err.Error()
				var de *Error
				if !errors.As(err, &de) {
					t.Errorf("error %T is no *Error", err)
				}
			}
			if got != tc.want {
				t.Fatalf("Validate = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestFold(t *testing.T) {
	t0 := time.Date(2026, 3, 7, 7, 0, 0, 0, berlin)
	at := func(m int) time.Time { return t0.Add(time.Duration(m) * time.Minute) }
	for _, tc := range []struct {
		name    string
		entries []Entry
		want    NightRecord
	}{
		{"button none", []Entry{{Night: "n", At: at(0), Via: ViaDesktop, Answer: AnswerNone}},
			NightRecord{Night: "n", Status: StatusNone, Count: 0, Severity: Unknown, Sleep: Unknown, Said: at(0), Entries: 1}},
		{"bad, then a severity corrects it", []Entry{
			{Night: "n", At: at(0), Via: ViaDesktop, Answer: AnswerBad},
			{Night: "n", At: at(5), Via: ViaCLI, Severity: Int(4), Leg: LegLeft, Sleep: Int(3)},
		}, NightRecord{Night: "n", Status: StatusCramps, Count: Unknown, Severity: 4, Sleep: 3, Leg: LegLeft, Said: at(5), Entries: 2}},
		{"the later answer wins whatever the file order", []Entry{
			{Night: "n", At: at(10), Via: ViaCLI, Count: Int(0)},
			{Night: "n", At: at(0), Via: ViaPhone, Answer: AnswerSome},
		}, NightRecord{Night: "n", Status: StatusNone, Count: 0, Severity: Unknown, Sleep: Unknown, Said: at(10), Entries: 2}},
		{"two cramps as they happened, then the morning's Some", []Entry{
			{Night: "n", At: at(-240), Via: ViaNow, Cramp: at(-240)},
			{Night: "n", At: at(-120), Via: ViaNow, Cramp: at(-120)},
			{Night: "n", At: at(0), Via: ViaDesktop, Answer: AnswerSome},
		}, NightRecord{Night: "n", Status: StatusCramps, Count: 2, Severity: Unknown, Sleep: Unknown, Cramps: []time.Time{at(-240), at(-120)}, Said: at(0), Entries: 3}},
		{"a note alone leaves the night unknown", []Entry{{Night: "n", At: at(0), Via: ViaCLI, Note: "new shoes"}},
			NightRecord{Night: "n", Status: StatusUnknown, Count: Unknown, Severity: Unknown, Sleep: Unknown, Note: "new shoes", Said: at(0), Entries: 1}},
		{"severity 8 is bad", []Entry{{Night: "n", At: at(0), Via: ViaCLI, Count: Int(1), Severity: Int(8)}},
			NightRecord{Night: "n", Status: StatusCramps, Bad: true, Count: 1, Severity: 8, Sleep: Unknown, Said: at(0), Entries: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Fold(tc.entries)
			if len(got) != 1 {
				t.Fatalf("Fold = %d nights, want 1", len(got))
			}
			if g, w := describe(got[0]), describe(tc.want); g != w {
				t.Fatalf("Fold =\n%s\nwant\n%s", g, w)
			}
		})
	}
}

func describe(r NightRecord) string {
	var b strings.Builder
	b.WriteString(r.Night + " " + string(r.Status))
	for _, c := range r.Cramps {
		b.WriteString(" " + c.Format(time.RFC3339))
	}
	r.Cramps = nil
	return b.String() + " " + strings.ReplaceAll(strings.TrimSpace(strings.Join(strings.Fields(fmtRecord(r)), " ")), "\n", " ")
}

func fmtRecord(r NightRecord) string {
	return strings.Join([]string{
		"bad=" + boolStr(r.Bad), "count=" + itoa(r.Count), "severity=" + itoa(r.Severity), "sleep=" + itoa(r.Sleep),
		"leg=" + string(r.Leg), "note=" + r.Note, "said=" + r.Said.Format(time.RFC3339), "entries=" + itoa(r.Entries),
	}, " ")
}

func boolStr(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestStoreAppendRead(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state")
	s := Open(dir, nil)
	if got, err := s.Read(); err != nil || len(got) != 0 {
		t.Fatalf("Read of no diary = %v, %v; want nothing", got, err)
	}
	at := time.Date(2026, 3, 7, 7, 0, 0, 0, berlin)
	for _, e := range []Entry{
		{Night: "2026-03-06", At: at, Via: ViaDesktop, Answer: AnswerSome},
		{Night: "2026-03-06", At: at.Add(time.Minute), Via: ViaCLI, Severity: Int(5), Note: "<b>after a long walk</b>"},
	} {
		if err := s.Append(e); err != nil {
			t.Fatal(err)
		}
	}
	fi, err := os.Stat(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := fi.Mode().Perm(), os.FileMode(0o600); got != want {
		t.Errorf("diary mode = %v, want %v", got, want)
	}
	if di, _ := os.Stat(dir); di.Mode().Perm() != 0o700 {
		t.Errorf("state directory mode = %v, want 0700", di.Mode().Perm())
	}
	// A writer killed mid-line, a hostile line, a line far too long: all skipped.
	f, _ := os.OpenFile(s.Path(), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(`{"night":"2026-03-05","at":"2026-03-06T07:00:00Z","via":"cli","severity":99}` + "\n")
	f.WriteString(`{"night":"2026-03-05","at":"2026-03-06T07:00:00Z","via":"cli","note":"` + strings.Repeat("y", 100<<10) + `"}` + "\n")
	f.WriteString(`{"night":"2026-03-05","at":"2026-`)
	f.Close()
	if err := s.Append(Entry{Night: "2026-03-06", At: at.Add(2 * time.Minute), Via: ViaCLI, Sleep: Int(2)}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Read()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("Read = %d entries, want 3: %+v", len(got), got)
	}
	n := Fold(got)[0]
	if n.Status != StatusCramps || n.Severity != 5 || n.Sleep != 2 || n.Note != "<b>after a long walk</b>" {
		t.Fatalf("folded = %+v", n)
	}
	if err := s.Append(Entry{Night: "2026-03-06", At: at, Via: ViaCLI, Severity: Int(11)}); err == nil {
		t.Fatal("Append took severity 11")
	}
}

func TestStoreRefusesALink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "elsewhere")
	os.WriteFile(target, nil, 0o600)
	if err := os.Symlink(target, filepath.Join(dir, FileName)); err != nil {
		t.Fatal(err)
	}
	err := Open(dir, nil).Append(Entry{Night: "2026-03-06", At: time.Date(2026, 3, 7, 7, 0, 0, 0, berlin), Via: ViaCLI, Count: Int(1)})
	if err == nil {
		t.Fatal("Append wrote through a symbolic link")
	}
	if b, _ := os.ReadFile(target); len(b) != 0 {
		t.Fatalf("the link's target was written: %q", b)
	}
}
