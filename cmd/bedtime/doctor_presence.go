package main

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/bedtime-app/bedtime/busy"
	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/presence"
)

// checkPresence says how bedtime tells whether the person is at the
// computer: the sources in use and why the others are not. Having none is
// not a failure: reminders then come as before presence existed.
func checkPresence(ctx context.Context, app *App) []checkResult {
	away := config.DefaultAwayAfter
	var s *config.Schedule
	if path, err := app.schedulePath(); err == nil {
		if s, err = config.LoadOrDefault(path, time.Local); err == nil {
			away = s.AwayAfter
		}
	}
	l := app.locale(s)
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	m, report := presence.Open(ctx, presence.Options{AwayAfter: away})
	st := m.Current(ctx)
	m.Close()
	return []checkResult{{Name: "presence", OK: true, Detail: l.Sprintf("now %s; %s", l.Sprintf(st.State.String()), presenceReportIn(l, report))}}
}

// presenceReportIn is presence.Report.String in l's language: the names
// of the sources are names, and why one is not used is what the system
// said, so both stay as they are.
func presenceReportIn(l *locale.Locale, r presence.Report) string {
	var b strings.Builder
	if r.Idle == presence.SourceNone || r.Idle == "" {
		b.WriteString(l.Sprintf("none: no idle source, so reminders come as if you were always here"))
	} else {
		b.WriteString(l.Sprintf("%s (away after %s of no input)", r.Idle, humanDurationIn(l, r.AwayAfter)))
	}
	if len(r.Locks) > 0 {
		b.WriteString(l.Sprintf("; locks from %s", strings.Join(r.Locks, l.Sprintf(" and "))))
	} else {
		b.WriteString(l.Sprintf("; no lock source: a locked screen is not detected"))
	}
	var not []string
	for _, a := range r.Tried {
		// A source tried for idleness and locks fails once, said once.
		if line := a.Source + ": " + a.Why; !a.Used && !slices.Contains(not, line) {
			not = append(not, line)
		}
	}
	if len(not) > 0 {
		b.WriteString(l.Sprintf("; not used: %s", strings.Join(not, "; ")))
	}
	return b.String()
}

// checkBusy says how bedtime tells whether the person is busy (in a call,
// or with a fullscreen window), and whether they are now. Having no
// source is not a failure: reminders then never wait for a call.
func checkBusy(ctx context.Context, app *App) []checkResult {
	l := app.locale(nil)
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	d, report := busy.Open(ctx, busy.Options{})
	defer d.Close()
	now := l.Sprintf("not busy")
	if why, ok := d.Busy(ctx); ok {
		now = l.Sprintf("busy (%s)", l.Sprintf(why))
	}
	return []checkResult{{Name: "busy", OK: true, Detail: l.Sprintf("now %s; %s", now, busyReportIn(l, report))}}
}

// busyReportIn is busy.Report.String in l's language; why a source is not
// used is what the system said, and stays as it is.
func busyReportIn(l *locale.Locale, r busy.Report) string {
	var b strings.Builder
	if len(r.Used) == 0 {
		b.WriteString(l.Sprintf("none: reminders never wait for a call to end"))
		if r.None != "" {
			b.WriteString(" (" + r.None + ")")
		}
	} else {
		used := make([]string, len(r.Used))
		for i, name := range r.Used {
			used[i] = l.Sprintf(name)
		}
		b.WriteString(strings.Join(used, ", "))
	}
	for _, name := range []string{busy.SourceMicrophone, busy.SourceCamera, busy.SourceFullscreen} {
		if why, ok := r.NotUsed[name]; ok {
			b.WriteString(l.Sprintf("; %s not used: %s", l.Sprintf(name), why))
		}
	}
	return b.String()
}
