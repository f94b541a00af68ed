package main

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/devices"
	"github.com/bedtime-app/bedtime/state"
)

// syncStopWait is how long a stopping daemon waits for the sync folder to
// take its last presence, and how long a change of the schedule's sync:
// section waits for the old folder to take it.
const syncStopWait = 5 * time.Second

// closedChan is a channel closed already: nothing to wait for.
var closedChan = func() <-chan struct{} { c := make(chan struct{}); close(c); return c }()

// shareWhileRunning keeps this computer sharing the folder the schedule
// names (keepSync) while ctx lasts, and follows the schedule: resync is
// given the sync: section of each schedule the daemon loads, and when it
// differs from the one shared (added, taken out, another folder or name)
// the old folder is told this computer stopped there and the new one is
// shared, without a restart. A reload with the same section tries again
// when this computer could not share (no key yet). live is given the
// Peers of the folder shared, nil alone. done is closed once ctx ended
// and the last keeping stopped.
func (app *App) shareWhileRunning(ctx context.Context, stateDir string, log *slog.Logger, live *devices.Live) (resync func(*config.Sync), done <-chan struct{}) {
	changes := make(chan *config.Sync, 1)
	var mu sync.Mutex
	resync = func(s *config.Sync) {
		mu.Lock()
		defer mu.Unlock()
		select { // the latest schedule counts
		case <-changes:
		default:
		}
		changes <- s
	}
	out := make(chan struct{})
	// The first folder is joined before the daemon starts, as it fires.
	cur := app.syncSettings()
	kctx, cancel := context.WithCancel(ctx)
	peers, kept := app.keepSync(kctx, stateDir, log, cur)
	live.Set(peers)
	go func() {
		defer close(out)
		for {
			next, ok := nextSync(ctx, changes, cur, kept)
			live.Set(nil)
			cancel()
			if !ok {
				<-kept // runDaemon bounds this wait
				return
			}
			select {
			case <-kept:
			case <-time.After(syncStopWait):
				log.Warn("sync: the folder did not take the last word in time", "waited", syncStopWait)
			}
			if !sameSync(next, cur) {
				log.Info("sync: the schedule's sync section changed", "folder", syncFolder(next))
			}
			cur = next
			kctx, cancel = context.WithCancel(ctx)
			peers, kept = app.keepSync(kctx, stateDir, log, cur)
			live.Set(peers)
		}
	}()
	return resync, out
}

// nextSync waits for a schedule whose sync: section is not cur, or any
// schedule once kept is closed (this computer could not share: try
// again); ok is false when ctx ends first.
func nextSync(ctx context.Context, changes <-chan *config.Sync, cur *config.Sync, kept <-chan struct{}) (next *config.Sync, ok bool) {
	for {
		select {
		case <-ctx.Done():
			return nil, false
		case next = <-changes:
		}
		select {
		case <-kept:
			return next, true
		default:
		}
		if !sameSync(next, cur) {
			return next, true
		}
	}
}

// sameSync reports whether a and b name the same folder and name, or are
// both no sync.
func sameSync(a, b *config.Sync) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// syncFolder is s's folder, "" without sync.
func syncFolder(s *config.Sync) string {
	if s == nil {
		return ""
	}
	return s.Folder
}

// keepSync, given the schedule's sync: section (folder), keeps the sync
// folder and this computer in step while ctx lasts (devices.Keep), and
// shares once the folder comes when it is not there yet; without a key it
// says once why this computer works alone. It returns what the daemon
// decides between the computers by, nil when it works alone, and a
// channel closed once it has stopped keeping (after ctx ends, or at once
// when it cannot share).
func (app *App) keepSync(ctx context.Context, stateDir string, log *slog.Logger, folder *config.Sync) (*devices.Peers, <-chan struct{}) {
	done := make(chan struct{})
	since := app.now().AddDate(0, 0, -2)
	link := app.joinSync(folder, since)
	if link == nil {
		close(done)
		return nil, done
	}
	if link.Folder == nil {
		log.Warn("sync: this computer works alone", "why", link.Alone)
		if link.Self == "" {
			close(done)
			return nil, done // no key (or no id): joining needs a restart
		}
	}
	store, err := state.OpenWith(stateDir, state.Options{})
	if err != nil {
		log.Warn("sync: this computer works alone", "why", err.Error())
		close(done)
		return nil, done
	}
	store.SetLogger(log)
	peers := devices.NewPeers(link.Self, app.now)
	keep := func(link *devices.Link) error {
		label := func(id string) string {
			for _, d := range link.Folder.Devices() {
				if d.ID == id {
					return devices.Label(d)
				}
			}
			return id[:6]
		}
		// What another computer's person did is followed here through the
		// state, as a command line's change is: the daemon closes the
		// notification, stops repeating, pauses.
		follow := func(recs []devices.Record) {
			n, err := devices.Follow(store, recs, app.now(), label)
			if err != nil {
				log.Warn("sync: cannot follow another computer", "err", err.Error())
			} else if n > 0 {
				log.Info("sync: followed another computer", "changes", n)
			}
		}
		log.Info("sync: sharing the record", "folder", link.Folder.Root(), "device", link.Self, "name", link.Name, "key", link.Fingerprint)
		err := devices.Keep(ctx, link.Folder, devices.KeepOptions{StateDir: stateDir, Name: link.Name, Logger: log, OnRecords: follow, Peers: peers})
		if err != nil && !errors.Is(err, devices.ErrFolderGone) {
			log.Warn("sync: stopped sharing", "err", err.Error())
		}
		return err
	}
	go func() {
		defer close(done)
		gone := false
		for {
			if link.Folder == nil {
				if folder == nil {
					return
				}
				// The folder is not there (not synced or mounted yet, or
				// gone while running): alone until it comes, then shared
				// without a restart.
				wait := devices.WaitFolder
				if gone {
					wait = devices.WaitBack
				}
				if err := wait(ctx, folder.Folder); err != nil {
					if ctx.Err() == nil {
						log.Warn("sync: cannot watch for the folder; restart bedtime once it is there", "err", err.Error())
					}
					return
				}
				if link = app.joinSync(folder, since); link == nil || link.Folder == nil {
					if link != nil {
						log.Warn("sync: this computer works alone", "why", link.Alone)
					}
					return
				}
			}
			if !errors.Is(keep(link), devices.ErrFolderGone) {
				return
			}
			log.Warn("sync: the folder is gone; this computer works alone until it is back", "folder", link.Folder.Root())
			link.Folder, gone = nil, true
		}
	}()
	return peers, done
}
