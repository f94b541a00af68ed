package main

import (
	"context"
	"fmt"
	"time"

	"github.com/bedtime-app/bedtime/busy"
	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/presence"
)

// checkPresence says how bedtime tells whether the person is at the
// computer: the sources in use and why the others are not. Having none is
// not a failure: reminders then come as before presence existed.
func checkPresence(ctx context.Context, app *App) []checkResult {
	away := config.DefaultAwayAfter
	if path, err := app.schedulePath(); err == nil {
		if s, err := config.LoadOrDefault(path, time.Local); err == nil {
			away = s.AwayAfter
		}
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	m, report := presence.Open(ctx, presence.Options{AwayAfter: away})
	st := m.Current(ctx)
	m.Close()
	return []checkResult{{Name: "presence", OK: true, Detail: fmt.Sprintf("now %s; %s", st.State, report)}}
}

// checkBusy says how bedtime tells whether the person is busy (in a call,
// or with a fullscreen window), and whether they are now. Having no
// source is not a failure: reminders then never wait for a call.
func checkBusy(ctx context.Context, app *App) []checkResult {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	d, report := busy.Open(ctx, busy.Options{})
	defer d.Close()
	now := "not busy"
	if why, ok := d.Busy(ctx); ok {
		now = "busy (" + why + ")"
	}
	return []checkResult{{Name: "busy", OK: true, Detail: fmt.Sprintf("now %s; %s", now, report)}}
}
