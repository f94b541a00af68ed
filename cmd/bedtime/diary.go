package main

import (
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/diary"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/state"
)

// diaryListNights is how many nights `bedtime diary` alone lists, unless
// --days says; maxDiaryDays is the most it lists (a year, as far back as
// a night may be said).
const (
	diaryListNights = 14
	maxDiaryDays    = 366
)

func newDiaryCmd(app *App) *cobra.Command {
	var (
		night, leg, note       string
		count, severity, sleep int
		days                   int
		now                    bool
	)
	cmd := &cobra.Command{
		Use:   "diary",
		Short: "Keep the cramp diary: how last night went, or a cramp now",
		Long: `diary records how a night went: whether there were leg cramps, how many,
how bad (0 no pain to 10 the worst), how much they disturbed sleep (0 not at
all to 10), which leg, and a note. A night belongs to the date it began: a
cramp at 3 a.m. on the 7th is the night of the 6th. --night defaults to last
night; a night in the future or more than a year back is refused.

Without flags it lists the last 14 nights (--days N for more); a night
nobody answered for is "no answer", never "no cramps". Say it again to correct it: the latest
answer wins, and the diary keeps what was said and when.

--now records a cramp as it happens and prints what to do about it.

  bedtime diary --cramps 0                      last night: no cramps
  bedtime diary --cramps 2 --severity 6 --sleep 4 --leg left
  bedtime diary --night 2026-03-14 --note "long walk that day"
  bedtime diary --now                           a cramp, right now`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			f := cmd.Flags()
			loc := app.scheduleLocation()
			at := app.now()
			log := slog.New(slog.NewTextHandler(app.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
			dir, err := app.stateDir()
			if err != nil {
				return app.errorf("cannot find the state directory: %v", err)
			}
			store := diary.Open(dir, log)
			said := f.Changed("cramps") || f.Changed("severity") || f.Changed("sleep") || f.Changed("leg") || f.Changed("note")
			if f.Changed("days") && (said || now || f.Changed("night")) {
				return app.errorf("--days lists the nights; leave it out when you record one")
			}
			if days < 1 || days > maxDiaryDays {
				return app.errorf("--days %s: want 1 to %s", strconv.Itoa(days), strconv.Itoa(maxDiaryDays))
			}
			if !said && !now {
				if f.Changed("night") {
					return app.errorf("--night: say what to record about it (--cramps, --severity, --sleep, --leg or --note)")
				}
				entries, err := store.Read()
				if err != nil {
					return err
				}
				link, recs := app.syncRecords(time.Time{}) // with sync on, every computer's answers
				return listNights(app.Stdout, app.locale(nil), mergedDiary(link, recs, entries), at, loc, days)
			}
			e := diary.Entry{At: at, Via: diary.ViaCLI, Night: diary.LastNight(at, loc), Leg: diary.Leg(strings.ToLower(strings.TrimSpace(leg))), Note: note}
			if now {
				if f.Changed("night") {
					return app.errorf("--now records the night going on now; leave out --night")
				}
				e.Via, e.Night, e.Cramp = diary.ViaNow, diary.NightOf(at, loc), at
			}
			if f.Changed("night") {
				if _, err := diary.ParseNight(night); err != nil {
					return flagError(app.locale(nil), err)
				}
				e.Night = night
			}
			if f.Changed("cramps") {
				e.Count = diary.Int(count)
			}
			if f.Changed("severity") {
				e.Severity = diary.Int(severity)
			}
			if f.Changed("sleep") {
				e.Sleep = diary.Int(sleep)
			}
			if err := diary.Validate(e, at, loc); err != nil {
				return flagError(app.locale(nil), err)
			}
			if err := store.Append(e); err != nil {
				return err
			}
			if e.Count != nil {
				app.questionAnswered(e.Night, at)
			}
			l := app.locale(nil)
			if now {
				b := content.In(l.Lang)
				_, err := fmt.Fprintf(app.Stdout, "%s\n\n%s\n%s\n",
					l.Sprintf("Recorded a cramp at %s (the night of %s).", l.Clock(at.In(loc)), nightLabelIn(l, e.Night)), b.CrampHelp(), b.Disclaimer())
				return err
			}
			entries, err := store.Read()
			if err != nil {
				return err
			}
			link, recs := app.syncRecords(time.Time{})
			for _, r := range diary.Fold(mergedDiary(link, recs, entries)) {
				if r.Night == e.Night {
					fmt.Fprintln(app.Stdout, l.Sprintf("Recorded for the night of %s: %s.", nightLabelIn(l, e.Night), describeNightIn(l, r)))
				}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&night, "night", "", "the night, by the date it began (YYYY-MM-DD; default: last night)")
	f.IntVar(&count, "cramps", 0, "how many cramps (0: a night without)")
	f.IntVar(&severity, "severity", 0, "how bad, 0 (no pain) to 10 (the worst)")
	f.IntVar(&sleep, "sleep", 0, "how much they disturbed sleep, 0 (not at all) to 10")
	f.StringVar(&leg, "leg", "", "which leg: left, right or both")
	f.StringVar(&note, "note", "", "a note (one line, at most 1000 characters)")
	f.BoolVar(&now, "now", false, "record a cramp happening now, and show what to do")
	f.IntVar(&days, "days", diaryListNights, "how many nights to list, up to last night")
	cmd.RegisterFlagCompletionFunc("leg", cobra.FixedCompletions([]string{"left", "right", "both"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// questionAnswered marks the morning question about night done when the
// diary was told how that night went from the command line: its
// notification closes, and no later tap on it (None, on a popup still
// open) says otherwise. A question about another night, or none open or
// within its grace, is left as it is.
func (app *App) questionAnswered(night string, now time.Time) {
	s, err := app.loadSchedule()
	if err != nil {
		return
	}
	for _, r := range s.Reminders {
		if r.Ask == "" || !r.Enabled || r.Schedule == nil {
			continue
		}
		if latest := r.Schedule.Prev(now); latest.IsZero() || diary.LastNight(latest, s.Location) != night {
			continue
		}
		app.answer(r, state.Done, "diary", now, time.Time{}) // nothing open, or answered: nothing to do
	}
}

// flagError names a refused diary field as the flag that gave it, in
// l's language.
func flagError(l *locale.Locale, err error) error {
	if de, ok := err.(*diary.Error); ok {
		why := de.Why
		if de.Format != "" {
			why = l.Sprintf(de.Format, de.Args...)
		}
		switch {
		case de.Field == "answer":
			return wrapIn(l, err, "%s", why)
		case de.Value == "":
			return wrapIn(l, err, "--%s: %s", de.Field, why)
		}
		return wrapIn(l, err, "--%s %s: %s", de.Field, de.Value, why)
	}
	return err
}

// nightLabelIn names a night by the date it began, in l's language:
// "Mon 2 Jan", "Mo 2. Jan.".
func nightLabelIn(l *locale.Locale, night string) string {
	t, err := time.Parse(time.DateOnly, night)
	if err != nil {
		return night
	}
	return l.ShortDateUnpadded(t)
}

// describeNightIn says in a few words, in l's language, what the diary
// says about one night.
func describeNightIn(l *locale.Locale, r diary.NightRecord) string {
	var parts []string
	switch r.Status {
	case diary.StatusNone:
		parts = append(parts, l.Sprintf("no cramps"))
	case diary.StatusCramps:
		s := l.Sprintf("cramps")
		if r.Count != diary.Unknown {
			s = l.Sprintf("%d cramps", r.Count)
		}
		if r.Bad {
			s = l.Sprintf("%s, bad", s)
		}
		parts = append(parts, s)
	default:
		parts = append(parts, l.Sprintf("cramps not said"))
	}
	if r.Severity != diary.Unknown {
		parts = append(parts, l.Sprintf("severity %s/10", strconv.Itoa(r.Severity)))
	}
	if r.Sleep != diary.Unknown {
		parts = append(parts, l.Sprintf("sleep disturbed %s/10", strconv.Itoa(r.Sleep)))
	}
	switch r.Leg {
	case "":
	case diary.LegBoth: // not "both leg"
		parts = append(parts, l.Sprintf("both legs"))
	default:
		parts = append(parts, l.Sprintf("%s leg", l.Sprintf(string(r.Leg))))
	}
	if r.Note != "" {
		parts = append(parts, l.Sprintf("note %s", strconv.Quote(cutRunes(r.Note, 40))))
	}
	return strings.Join(parts, ", ")
}

// listNights prints the last nights, newest first, in l's language.
func listNights(w io.Writer, l *locale.Locale, entries []diary.Entry, now time.Time, loc *time.Location, nights int) error {
	byNight := map[string]diary.NightRecord{}
	for _, r := range diary.Fold(entries) {
		byNight[r.Night] = r
	}
	last, _ := diary.ParseNight(diary.LastNight(now, loc))
	if r, ok := byNight[diary.NightOf(now, loc)]; ok && r.Night != last.Format(time.DateOnly) {
		last = last.AddDate(0, 0, 1) // tonight has an answer already (--now)
	}
	label := func(night string) string { return nightLabelIn(l, night) }
	fmt.Fprintln(w, l.Sprintf("The last %d nights, by the date each began:", nights))
	fmt.Fprintln(w)
	tw := newTable(w, 2)
	var head []string
	for _, k := range []string{"NIGHT", "CRAMPS", "COUNT", "SEVERITY", "SLEEP", "LEG", "NOTE"} {
		head = append(head, l.Sprintf(k))
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	dash := func(n int) string {
		if n == diary.Unknown {
			return "-"
		}
		return strconv.Itoa(n)
	}
	for d := 0; d < nights; d++ {
		key := last.AddDate(0, 0, -d).Format(time.DateOnly)
		r, ok := byNight[key]
		if !ok {
			fmt.Fprintf(tw, "%s\t%s\t\t\t\t\t\n", label(key), l.Sprintf("no answer"))
			continue
		}
		cramps := map[diary.Status]string{diary.StatusNone: "none", diary.StatusCramps: "yes", diary.StatusUnknown: "no answer"}[r.Status]
		if r.Bad {
			cramps = "bad"
		}
		cramps = l.Sprintf(cramps)
		if r.Entries > 1 {
			cramps = l.Sprintf("%s (%d answers)", cramps, r.Entries)
		}
		leg := string(r.Leg)
		if leg != "" {
			leg = l.Sprintf(leg)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", label(key), cramps, dash(r.Count), dash(r.Severity), dash(r.Sleep), leg, cutRunes(r.Note, 40))
	}
	tw.Flush()
	fmt.Fprintln(w)
	_, err := fmt.Fprintln(w, l.Sprintf("Add or correct a night: bedtime diary --cramps N [--severity 0-10] [--sleep 0-10] [--night YYYY-MM-DD]."))
	return err
}

// cutRunes shortens s to n characters with an ellipsis.
func cutRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
