package diary

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Answer is a one-tap answer of the morning question.
type Answer string

// The answers of the morning question's buttons.
const (
	AnswerNone Answer = "none" // no cramps
	AnswerSome Answer = "some" // cramps
	AnswerBad  Answer = "bad"  // bad cramps
)

// Leg says which leg cramped.
type Leg string

// The legs.
const (
	LegLeft  Leg = "left"
	LegRight Leg = "right"
	LegBoth  Leg = "both"
)

// The ways an answer arrives, for Entry.Via.
const (
	ViaCLI     = "cli"     // bedtime diary
	ViaNow     = "now"     // bedtime diary --now, at the moment of a cramp
	ViaDesktop = "desktop" // a button of the morning question
	ViaPhone   = "phone"   // the phone channel's buttons
)

// Limits of an entry.
const (
	MaxScale   = 10   // severity and sleep are 0 to 10
	MaxCount   = 50   // cramps in one night
	MaxNoteLen = 1000 // characters of a note
	// MaxBack is how far back a night may be answered for, in years.
	MaxBack = 1
)

// Unknown is the value of a Night's Count, Severity or Sleep that nobody
// gave.
const Unknown = -1

// Entry is one answer about one night, one line of diary.jsonl. Only the
// fields that were said are set; the others are left to earlier answers.
type Entry struct {
	// Night is the date the night began, as 2006-01-02.
	Night string `json:"night"`
	// At is when it was said.
	At time.Time `json:"at"`
	// Via says how: ViaCLI, ViaNow, ViaDesktop or ViaPhone.
	Via string `json:"via"`
	// Answer is the morning question's button, if it was one.
	Answer Answer `json:"answer,omitempty"`
	// Count is how many cramps; 0 is a night without.
	Count *int `json:"count,omitempty"`
	// Severity is how bad, 0 (no pain) to 10 (the worst).
	Severity *int `json:"severity,omitempty"`
	// Sleep is how much they disturbed sleep, 0 (not at all) to 10.
	Sleep *int `json:"sleep,omitempty"`
	// Leg is which leg.
	Leg Leg `json:"leg,omitempty"`
	// Note is free text.
	Note string `json:"note,omitempty"`
	// Cramp is set when a cramp is recorded as it happens (ViaNow): when
	// it happened.
	Cramp time.Time `json:"cramp,omitzero"`
}

// Int returns a pointer to n, for the optional fields of an Entry.
func Int(n int) *int { return &n }

// Error is an entry refused by Validate.
type Error struct {
	Field string // the field, as the command line names it: night, severity...
	Value string // the value given, as given
	Why   string
	// Format and Args are Why before it was formatted (Why is
	// fmt.Sprintf(Format, Args...)), for the command line to say it in
	// the person's language; Args are strings.
	Format string
	Args   []any
}

// refuse returns the Error for field and value, why being
// fmt.Sprintf(format, args...).
func refuse(field, value, format string, args ...any) *Error {
	return &Error{Field: field, Value: value, Why: fmt.Sprintf(format, args...), Format: format, Args: args}
}

func (e *Error) Error() string {
	if e.Value == "" {
		return fmt.Sprintf("%s: %s", e.Field, e.Why)
	}
	return fmt.Sprintf("%s %s: %s", e.Field, e.Value, e.Why)
}

// Night returns the date of the night that began on t's day, as 2006-01-02.
func Night(t time.Time) string { return t.Format(time.DateOnly) }

// NightOf returns the night t falls in, in loc: from noon to noon the
// hours belong to one night, named by the date it began, so 03:00 on the
// 7th is the night of the 6th and 22:00 on the 7th the night of the 7th.
func NightOf(t time.Time, loc *time.Location) string {
	t = t.In(loc)
	if t.Hour() < 12 {
		t = time.Date(t.Year(), t.Month(), t.Day()-1, 12, 0, 0, 0, loc)
	}
	return Night(t)
}

// LastNight returns the night that ended this morning, or that is going
// on if now is in the small hours: the night of yesterday's date in loc.
func LastNight(now time.Time, loc *time.Location) string {
	now = now.In(loc)
	return Night(time.Date(now.Year(), now.Month(), now.Day()-1, 12, 0, 0, 0, loc))
}

// ParseNight parses a night's date, 2006-01-02.
func ParseNight(s string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil || t.Format(time.DateOnly) != s {
		return time.Time{}, refuse("night", fmt.Sprintf("%q", s), "want a date such as 2026-03-14 (YYYY-MM-DD)")
	}
	return t, nil
}

// Validate checks e as an answer given at now in loc: see the package
// documentation for what it refuses.
func Validate(e Entry, now time.Time, loc *time.Location) error {
	if err := check(e); err != nil {
		return err
	}
	night, _ := ParseNight(e.Night)
	latest, _ := ParseNight(NightOf(now, loc))
	if night.After(latest) {
		return refuse("night", e.Night, "is in the future (the latest night is %s)", latest.Format(time.DateOnly))
	}
	if night.Before(latest.AddDate(-MaxBack, 0, 0)) {
		return refuse("night", e.Night, "is more than a year back (the earliest night is %s)", latest.AddDate(-MaxBack, 0, 0).Format(time.DateOnly))
	}
	return nil
}

// Check is what Validate checks that does not depend on the clock: what
// Read demands of every line, and what an entry from another device must
// pass.
func Check(e Entry) error { return check(e) }

// check is Check.
func check(e Entry) error {
	if _, err := ParseNight(e.Night); err != nil {
		return err
	}
	if e.At.IsZero() {
		return refuse("at", "", "missing")
	}
	switch e.Via {
	case ViaCLI, ViaNow, ViaDesktop, ViaPhone:
	default:
		return refuse("via", fmt.Sprintf("%q", e.Via), "unknown")
	}
	switch e.Answer {
	case "", AnswerNone, AnswerSome, AnswerBad:
	default:
		return refuse("answer", fmt.Sprintf("%q", e.Answer), "want none, some or bad")
	}
	if e.Count != nil && (*e.Count < 0 || *e.Count > MaxCount) {
		return refuse("cramps", fmt.Sprint(*e.Count), "want 0 to %s", strconv.Itoa(MaxCount))
	}
	if e.Severity != nil && (*e.Severity < 0 || *e.Severity > MaxScale) {
		return refuse("severity", fmt.Sprint(*e.Severity), "want 0 (no pain) to 10 (the worst)")
	}
	if e.Sleep != nil && (*e.Sleep < 0 || *e.Sleep > MaxScale) {
		return refuse("sleep", fmt.Sprint(*e.Sleep), "want 0 (slept well) to 10 (hardly slept)")
	}
	switch e.Leg {
	case "", LegLeft, LegRight, LegBoth:
	default:
		return refuse("leg", fmt.Sprintf("%q", e.Leg), "want left, right or both")
	}
	if err := checkNote(e.Note); err != nil {
		return err
	}
	none := e.Answer == AnswerNone || (e.Count != nil && *e.Count == 0)
	some := e.Answer == AnswerSome || e.Answer == AnswerBad || (e.Count != nil && *e.Count > 0) || !e.Cramp.IsZero()
	if none && some {
		return refuse("cramps", "0", "contradicts the other answers (cramps were said too)")
	}
	if none && e.Severity != nil {
		return refuse("severity", fmt.Sprint(*e.Severity), "is for a night with cramps; this one says none")
	}
	if none && e.Leg != "" {
		return refuse("leg", string(e.Leg), "is for a night with cramps; this one says none")
	}
	if e.Answer == "" && e.Count == nil && e.Severity == nil && e.Sleep == nil && e.Leg == "" && e.Note == "" && e.Cramp.IsZero() {
		return refuse("answer", "", "nothing to record (give --cramps, --severity, --sleep, --leg or --note)")
	}
	return nil
}

// checkNote refuses a note that is too long, not UTF-8, or holds control
// characters (a terminal's escape sequences among them).
func checkNote(note string) error {
	if !utf8.ValidString(note) {
		return refuse("note", "", "is not valid UTF-8 text")
	}
	if n := utf8.RuneCountInString(note); n > MaxNoteLen {
		return refuse("note", "", "is %s characters long; at most %s", strconv.Itoa(n), strconv.Itoa(MaxNoteLen))
	}
	if i := strings.IndexFunc(note, unicode.IsControl); i >= 0 {
		return refuse("note", "", "holds a control character (%s) at byte %s; write it on one line", fmt.Sprintf("%U", []rune(note[i:])[0]), strconv.Itoa(i))
	}
	return nil
}

// Status says whether a night had cramps.
type Status string

// The statuses of a night.
const (
	StatusUnknown Status = "unknown" // nobody said
	StatusNone    Status = "none"    // no cramps
	StatusCramps  Status = "cramps"
)

// NightRecord is what the diary says about one night, all its entries
// merged.
type NightRecord struct {
	// Night is the date the night began, as 2006-01-02.
	Night  string
	Status Status
	// Bad is true when the night's cramps were bad: the Bad button, or a
	// severity of 7 or more, whichever was said last.
	Bad bool
	// Count, Severity and Sleep are Unknown unless said. Count is the
	// number of cramps recorded as they happened when no count was given.
	Count, Severity, Sleep int
	Leg                    Leg
	Note                   string
	// Cramps are the instants of cramps recorded as they happened.
	Cramps []time.Time
	// Said is when the last answer was given; Entries how many there are.
	Said    time.Time
	Entries int
}

// BadSeverity is the severity from which a night counts as bad.
const BadSeverity = 7

// Fold merges the entries of each night, in the order they were said
// (file order for ties), field by field: the latest answer for each field
// wins. It returns one record per night that has entries, oldest night
// first.
func Fold(entries []Entry) []NightRecord {
	byNight := map[string][]Entry{}
	for _, e := range entries {
		byNight[e.Night] = append(byNight[e.Night], e)
	}
	out := make([]NightRecord, 0, len(byNight))
	for night, es := range byNight {
		slices.SortStableFunc(es, func(a, b Entry) int { return a.At.Compare(b.At) })
		out = append(out, fold(night, es))
	}
	slices.SortFunc(out, func(a, b NightRecord) int { return strings.Compare(a.Night, b.Night) })
	return out
}

func fold(night string, es []Entry) NightRecord {
	r := NightRecord{Night: night, Status: StatusUnknown, Count: Unknown, Severity: Unknown, Sleep: Unknown}
	none := func() {
		r.Status, r.Bad, r.Count, r.Severity, r.Leg, r.Cramps = StatusNone, false, 0, Unknown, "", nil
	}
	cramps := func() {
		if r.Status != StatusCramps {
			r.Status = StatusCramps
			if r.Count == 0 {
				r.Count = Unknown
			}
		}
	}
	for _, e := range es {
		switch e.Answer {
		case AnswerNone:
			none()
		case AnswerSome, AnswerBad:
			cramps()
			r.Bad = e.Answer == AnswerBad
		}
		if e.Count != nil {
			if *e.Count == 0 {
				none()
			} else {
				cramps()
				r.Count = *e.Count
			}
		}
		if !e.Cramp.IsZero() {
			cramps()
			r.Cramps = append(r.Cramps, e.Cramp)
		}
		if e.Severity != nil {
			cramps()
			r.Severity = *e.Severity
			r.Bad = *e.Severity >= BadSeverity
		}
		if e.Sleep != nil {
			r.Sleep = *e.Sleep
		}
		if e.Leg != "" {
			cramps()
			r.Leg = e.Leg
		}
		if e.Note != "" {
			r.Note = e.Note
		}
		r.Said = e.At
		r.Entries++
	}
	if r.Status == StatusCramps && r.Count == Unknown && len(r.Cramps) > 0 {
		r.Count = len(r.Cramps)
	}
	return r
}
