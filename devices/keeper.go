package devices

import (
	"context"
	"log/slog"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/bedtime-app/bedtime/diary"
	"github.com/bedtime-app/bedtime/state"
)

// KeepOptions configure Keep.
type KeepOptions struct {
	// StateDir is the device's state directory (its history and state).
	StateDir string
	// Name is the device's name, written in its presence file.
	Name   string
	Logger *slog.Logger
	// OnRecords, when set, gets the other devices' new events as they
	// arrive (the daemon answers, pauses and holds by them).
	OnRecords func([]Record)
	// Peers, when set, is kept up to date with each Scan.
	Peers *Peers
}

// Keep keeps the folder and this device in step until ctx ends: what the
// device's history and cramp diary gain is published (Publish,
// PublishDiary), its presence file is
// rewritten when the person's presence changes, and the other devices'
// new events are read (Scan) and passed to OnRecords. It waits on file
// events only (the state directory and the folder), so an idle device
// costs no wakeup. Problems are logged once each. When the folder goes
// away (deleted or moved, as its file events say, or not there when a
// write to it or a read fails: a share unmounted makes no file event), it
// returns
// ErrFolderGone, with Peers emptied, so the device works alone.
func Keep(ctx context.Context, f *Folder, o KeepOptions) error {
	log := o.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	if err := w.Add(o.StateDir); err != nil {
		return err
	}
	// The folder's watch ends with Keep, however it returns: a folder gone
	// without a file event (a share unmounted) is watched no longer.
	wctx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	changed, gone, err := f.watch(wctx)
	if err != nil {
		return err
	}
	store, err := state.OpenWith(o.StateDir, state.Options{})
	if err != nil {
		return err
	}
	store.SetLogger(log)
	var last state.Presence
	var sent sentState
	failed := false // a write or read of the folder failed: is it gone?
	var lastWritten time.Time
	writePresence := func(force bool) {
		st, err := store.Load()
		if err != nil {
			return
		}
		if err := sent.publish(f, st); err != nil {
			log.Warn("cannot write to the sync folder", "err", err.Error())
			failed = true
		}
		var p state.Presence
		if st.Presence != nil {
			p = *st.Presence
		}
		if !force && p.State == last.State && p.Since.Equal(last.Since) && f.o.Now().Sub(lastWritten) < heartbeat {
			return
		}
		last, lastWritten = p, f.o.Now()
		if p.Source == "none" {
			p.State = "" // no presence source: it cannot tell
		}
		out := Presence{Name: o.Name, State: p.State, Since: p.Since}
		if p.State == "here" {
			out.Input = p.Since
		}
		if err := f.WritePresence(out); err != nil {
			log.Warn("cannot write to the sync folder", "err", err.Error())
			failed = true
		}
	}
	publish := func() {
		if _, err := Publish(f, o.StateDir); err != nil {
			log.Warn("cannot copy the history to the sync folder", "err", err.Error())
			failed = true
		}
	}
	publishDiary := func() {
		if _, err := PublishDiary(f, o.StateDir); err != nil {
			log.Warn("cannot copy the diary to the sync folder", "err", err.Error())
			failed = true
		}
	}
	scan := func() {
		recs, err := f.Scan()
		if err != nil {
			log.Warn("cannot read the sync folder", "err", err.Error())
			failed = true
		}
		for _, p := range f.Problems() {
			log.Warn("sync folder: "+p.What, "path", p.Path)
		}
		if o.Peers != nil {
			o.Peers.update(f.Devices(), recs)
		}
		if len(recs) > 0 && o.OnRecords != nil {
			o.OnRecords(recs)
		}
	}
	for _, p := range f.Problems() {
		log.Warn("sync folder: "+p.What, "path", p.Path)
	}
	writePresence(true)
	publish()
	publishDiary()
	scan()
	history := filepath.Join(o.StateDir, "history.jsonl")
	diaryPath := filepath.Join(o.StateDir, diary.FileName)
	statePath := filepath.Join(o.StateDir, "state.json")
	// goneNow: this device works alone from now on (nothing is held for
	// another, nothing followed) until the folder is back.
	goneNow := func() error {
		if o.Peers != nil {
			o.Peers.update(nil, nil)
		}
		return ErrFolderGone
	}
	for {
		if failed {
			failed = false
			if !f.present() {
				return goneNow()
			}
		}
		select {
		case <-ctx.Done():
			// bedtime stops here on purpose: the others hold nothing
			// for this computer from now on, rather than until it has
			// not been heard from for HeardWithin. (Killed, it cannot
			// say so, and they wait as for one asleep.)
			if err := f.WritePresence(Presence{Name: o.Name, State: Stopped, Since: f.o.Now()}); err != nil {
				log.Warn("cannot write to the sync folder", "err", err.Error())
			}
			return nil
		case <-gone:
			return goneNow()

		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			switch ev.Name {
			case history:
				publish()
			case diaryPath:
				publishDiary()
			case statePath:
				writePresence(false)
			}
		case <-w.Errors:
		case <-changed:
			scan()
		}
	}
}

// sentState is what of this device's state it published: its skips and
// snoozes, by reminder.
type sentState struct{ skips, snoozes map[string]time.Time }

// publish appends to the folder the skips and snoozes of st not published
// yet, so the others follow them (Follow). A repeat (repeat_until_done)
// is each device's own: only an instant snoozed is published.
func (s *sentState) publish(f *Folder, st state.State) error {
	if s.skips == nil {
		s.skips, s.snoozes = map[string]time.Time{}, map[string]time.Time{}
	}
	for name, at := range st.Skips {
		if at.IsZero() || s.skips[name].Equal(at) {
			continue
		}
		if err := f.AppendSkip(state.Mark{Reminder: name, At: at}, f.o.Now()); err != nil {
			return err
		}
		s.skips[name] = at
	}
	for name, until := range st.Snoozes {
		in, open := st.Open[name]
		if !open || in.Status != state.Snoozed || until.IsZero() || s.snoozes[name].Equal(until) {
			continue
		}
		if err := f.AppendSnooze(Snooze{Reminder: name, Scheduled: in.Scheduled, Until: until}, f.o.Now()); err != nil {
			return err
		}
		s.snoozes[name] = until
	}
	return nil
}
