package main

import (
	"context"
	"time"

	"github.com/bedtime-app/bedtime/devices"
)

// checkSync is doctor's sync lines: the folder, the key, each device seen
// (when last heard from, how far behind) and each problem of the folder.
// It says nothing when the schedule has no sync: section.
func checkSync(ctx context.Context, app *App) []checkResult {
	now := app.now()
	l := app.syncLink(now.AddDate(0, -1, 0))
	if l == nil {
		return nil
	}
	tr := app.locale(nil)
	folder := checkResult{Name: "sync folder"}
	if l.Folder == nil {
		folder.Detail = aloneIn(tr, l)
		folder.Fix = tr.Sprintf("see docs/several-computers.md")
		if l.Fingerprint == "" {
			folder.Fix = tr.Sprintf("run `bedtime sync init` on your first computer and `bedtime sync join KEY` on the others")
		}
		return []checkResult{folder}
	}
	if _, err := l.Folder.Scan(); err != nil {
		folder.Detail, folder.Fix = err.Error(), tr.Sprintf("check that the sync tool has made the folder and that it is yours")
		return []checkResult{folder}
	}
	devs := l.Folder.Devices()
	others := 0
	for _, d := range devs {
		if d.ID != l.Self {
			others++
		}
	}
	folder.OK = true
	folder.Detail = tr.Sprintf("%s; this computer is %s (%s), %d other devices seen", l.Folder.Root(), l.Name, l.Self[:6], others)
	out := []checkResult{folder, {Name: "sync key", OK: true, Detail: tr.Sprintf("fingerprint %s (the same on each computer, or they cannot read each other)", l.Fingerprint)}}
	// Which computer has the odd key: the one whose key the others do not
	// share. Told to rejoin the wrong one, a person would part the two that
	// agree.
	readable, foreign := 0, 0
	for _, d := range devs {
		switch {
		case d.ID == l.Self:
		case !seen(d, now).IsZero():
			readable++
		case d.OtherKey > 0:
			foreign++
		}
	}
	rejoin := tr.Sprintf("run `bedtime sync join KEY` there with this computer's key (compare `bedtime doctor` on both)")
	switch {
	case readable == 0 && foreign > 1:
		rejoin = tr.Sprintf("the other computers share a key this one does not have: run `bedtime sync join KEY` here with their key (compare `bedtime doctor` on both)")
	case readable == 0:
		rejoin = tr.Sprintf("the two computers have different keys: run `bedtime sync join KEY` on one of them with the other's key (compare `bedtime doctor` on both)")
	}
	for _, d := range devs {
		if d.ID == l.Self {
			continue
		}
		r := checkResult{Name: "device " + devices.Label(d), OK: true}
		last := seen(d, now)
		switch {
		case last.IsZero() && d.OtherKey > 0:
			r.OK, r.Detail = false, tr.Sprintf("writes with another key (%d lines cannot be read)", d.OtherKey)
			r.Fix = rejoin
		case last.IsZero():
			r.Detail = tr.Sprintf("seen, nothing read yet")
		default:
			r.Detail = tr.Sprintf("last heard from %s ago (%s), %d events read", humanDurationIn(tr, now.Sub(last)), tr.WeekdayClock(last.In(time.Local)), d.Events)
			if p := d.Presence.State; p != "" {
				r.Detail = tr.Sprintf("%s, person %s", r.Detail, tr.Sprintf(p))
			}
		}
		out = append(out, r)
	}
	for _, p := range l.Folder.Problems() {
		out = append(out, checkResult{Name: "sync folder", Detail: p.In(tr), Fix: tr.Sprintf("see docs/several-computers.md")})
	}
	return out
}
