package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/bedtime-app/bedtime/diary"
)

// CSVColumns are the CSV's first columns, in order; one column per
// reminder follows, named "habit:NAME". docs/diary.md documents them.
var CSVColumns = []string{"night", "weekday", "cramps", "bad", "count", "severity", "sleep", "leg", "note", "answered_at"}

// WriteCSV writes one row per night of r, oldest first, with a header row:
//
//	night        the date the night began, 2006-01-02
//	weekday      its day of the week, Mon to Sun
//	cramps       yes, no, or unknown (no answer)
//	bad          yes or no for a night with cramps, else empty
//	count        how many cramps, empty when not said
//	severity     0-10, empty when not said
//	sleep        how much sleep was disturbed, 0-10, empty when not said
//	leg          left, right, both, or empty
//	note         the note, as written
//	answered_at  when the last answer was given (RFC 3339), or empty
//	habit:NAME   that reminder on the day the night began: done, not done
//	             (shown, not done), missed (never shown), skipped, or empty
//	             (nothing due)
//
// A cell that a spreadsheet would take for a formula (it begins with =,
// +, -, @, a tab or a carriage return) is written with a ' before it.
func WriteCSV(w io.Writer, r Report) error {
	cw := csv.NewWriter(w)
	head := append([]string(nil), CSVColumns...)
	for _, name := range r.Reminders {
		head = append(head, "habit:"+name)
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, n := range r.Nights {
		d := n.Diary
		cramps, bad := "unknown", ""
		switch d.Status {
		case diary.StatusNone:
			cramps = "no"
		case diary.StatusCramps:
			cramps, bad = "yes", "no"
			if d.Bad {
				bad = "yes"
			}
		}
		said := ""
		if !d.Said.IsZero() {
			said = d.Said.In(r.Loc).Format(time.RFC3339)
		}
		row := []string{n.Date.Format(time.DateOnly), n.Date.Format("Mon"), cramps, bad,
			num(d.Count), num(d.Severity), num(d.Sleep), string(d.Leg), d.Note, said}
		for _, m := range n.Habits {
			row = append(row, markWord(m))
		}
		for i := range row {
			row[i] = defuse(row[i])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func num(n int) string {
	if n == diary.Unknown {
		return ""
	}
	return fmt.Sprint(n)
}

func markWord(m Mark) string {
	switch m {
	case MarkDone:
		return "done"
	case MarkNotDone:
		return "not done"
	case MarkMissed:
		return "missed"
	case MarkSkipped:
		return "skipped"
	}
	return ""
}

// defuse keeps a spreadsheet from running a cell as a formula.
func defuse(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
