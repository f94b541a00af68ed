package devices

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/bedtime-app/bedtime/state"
)

// Place is where the schedule's sync: section says to share: the folder
// (its absolute path) and this computer's name there (empty: the host
// name). The zero Place is no sync.
type Place struct {
	Folder, Name string
}

// ShareOptions configure Share.
type ShareOptions struct {
	// StateDir is this computer's state directory: its key, id, history
	// and state.
	StateDir string
	// Now is the wall clock; nil means time.Now.
	Now    func() time.Time
	Logger *slog.Logger
	// StopWait bounds how long a change of Place waits for the old folder
	// to take this computer's last presence; zero means 5 seconds.
	StopWait time.Duration
}

// Sharing is a running daemon's part in the sync folder: it keeps this
// computer and the folder in step (Keep), follows into the state what the
// other computers' person did (Follow), and is the daemon's elector (the
// Peers of the folder shared, alone while none is).
type Sharing struct {
	Live
	o       ShareOptions
	log     *slog.Logger
	mu      sync.Mutex
	changes chan change
	done    chan struct{}
	// look asks a wait for the folder to look again (see Elect).
	look chan struct{}
}

// change is what Follow and Rekey ask of the sharing goroutine: share at
// p (set), or share again where it shares, with the key as it is now
// (again).
type change struct {
	p          Place
	set, again bool
}

// Share starts sharing at p (the zero Place: alone until Follow names a
// folder) while ctx lasts. The folder p names is joined before Share
// returns, so the daemon's first firing already has the election; a
// folder not there yet is shared once it comes, and one that goes away is
// shared again once it is back, without a restart.
func Share(ctx context.Context, p Place, o ShareOptions) *Sharing {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.StopWait <= 0 {
		o.StopWait = 5 * time.Second
	}
	log := o.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Sharing{o: o, log: log, changes: make(chan change, 1), done: make(chan struct{}), look: make(chan struct{}, 1)}
	kctx, cancel := context.WithCancel(ctx)
	kept := s.keep(kctx, p)
	go func() {
		defer close(s.done)
		for {
			next, ok := s.next(ctx, p, kept)
			s.Set(nil)
			cancel()
			if !ok {
				<-kept // the caller bounds this wait (Done)
				return
			}
			select {
			case <-kept:
			case <-time.After(o.StopWait):
				log.Warn("sync: the folder did not take the last word in time", "waited", o.StopWait)
			}
			switch {
			case next != p:
				log.Info("sync: the schedule's sync section changed", "folder", next.Folder)
			case next.Folder != "":
				log.Info("sync: sharing again with the key as it is now", "folder", next.Folder)
			}
			p = next
			kctx, cancel = context.WithCancel(ctx)
			kept = s.keep(kctx, p)
		}
	}()
	return s
}

// Follow is given the sync: section of each schedule the daemon loads.
// When it names another place (added, taken out, another folder or name),
// the old folder is told this computer stopped there and the new one is
// shared. The same place is tried again when this computer could not
// share it (no key yet).
func (s *Sharing) Follow(p Place) { s.ask(change{p: p, set: true}) }

// Rekey is called when the key file changed (`bedtime sync join --force`,
// `sync init --force`): the place shared is shared again, with the new
// key, without a restart.
func (s *Sharing) Rekey() { s.ask(change{again: true}) }

// ask hands c to the sharing goroutine, merged with a change it has not
// taken yet: the latest place counts, and a rekey is not lost.
func (s *Sharing) ask(c change) {
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case old := <-s.changes:
		if !c.set {
			c.p, c.set = old.p, old.set
		}
		c.again = c.again || old.again
	default:
	}
	s.changes <- c
}

// Elect is Live.Elect. Being asked (a reminder is due) is also when a
// folder that is not there is looked for again: a network share mounted
// makes no file event, so without this it would be seen only at the
// daemon's next start.
func (s *Sharing) Elect(here string, input time.Time) string {
	select {
	case s.look <- struct{}{}:
	default:
	}
	return s.Live.Elect(here, input)
}

// Done is closed once the context of Share has ended and this computer's
// last presence was written to the folder.
func (s *Sharing) Done() <-chan struct{} { return s.done }

// next waits for a Place other than cur, or any once kept is closed (this
// computer could not share: try again), or cur again after a Rekey; ok is
// false when ctx ends first.
func (s *Sharing) next(ctx context.Context, cur Place, kept <-chan struct{}) (next Place, ok bool) {
	for {
		var c change
		select {
		case <-ctx.Done():
			return Place{}, false
		case c = <-s.changes:
		}
		next = cur
		if c.set {
			next = c.p
		}
		select {
		case <-kept:
			return next, true
		default:
		}
		if next != cur || c.again {
			return next, true
		}
	}
}

// keep shares at p while ctx lasts, giving the elector the folder's Peers;
// without a key it says once why this computer works alone. The channel
// it returns is closed once it stopped (after ctx ends, or at once when it
// cannot share).
func (s *Sharing) keep(ctx context.Context, p Place) <-chan struct{} {
	done := make(chan struct{})
	if p.Folder == "" {
		close(done)
		return done
	}
	log, now := s.log, s.o.Now
	since := now().AddDate(0, 0, -2)
	link := Connect(s.o.StateDir, p.Folder, p.Name, Options{Now: now, Since: since})
	if link.Folder == nil {
		log.Warn("sync: this computer works alone", "why", link.Alone)
		if link.Self == "" {
			close(done)
			return done // no key (or no id): tried again at the next reload
		}
	}
	store, err := state.OpenWith(s.o.StateDir, state.Options{})
	if err != nil {
		log.Warn("sync: this computer works alone", "why", err.Error())
		close(done)
		return done
	}
	store.SetLogger(log)
	peers := NewPeers(link.Self, now)
	s.Set(peers)
	keep := func(link *Link) error {
		label := func(id string) string {
			for _, d := range link.Folder.Devices() {
				if d.ID == id {
					return Label(d)
				}
			}
			return id[:6]
		}
		// What another computer's person did is followed here through the
		// state, as a command line's change is: the daemon closes the
		// notification, stops repeating, pauses.
		follow := func(recs []Record) {
			n, err := Follow(store, recs, now(), label)
			if err != nil {
				log.Warn("sync: cannot follow another computer", "err", err.Error())
			} else if n > 0 {
				log.Info("sync: followed another computer", "changes", n)
			}
		}
		log.Info("sync: sharing the record", "folder", link.Folder.Root(), "device", link.Self, "name", link.Name, "key", link.Fingerprint)
		err := Keep(ctx, link.Folder, KeepOptions{StateDir: s.o.StateDir, Name: link.Name, Logger: log, OnRecords: follow, Peers: peers})
		if err != nil && !errors.Is(err, ErrFolderGone) {
			log.Warn("sync: stopped sharing", "err", err.Error())
		}
		return err
	}
	go func() {
		defer close(done)
		gone := false
		for {
			if link.Folder == nil {
				// The folder is not there (not synced or mounted yet, or
				// gone while running): alone until it comes, then shared
				// without a restart.
				wait := WaitFolderOr
				if gone {
					wait = WaitBackOr
				}
				if err := wait(ctx, p.Folder, s.look); err != nil {
					if ctx.Err() == nil {
						log.Warn("sync: cannot watch for the folder; restart bedtime once it is there", "err", err.Error())
					}
					return
				}
				if link = Connect(s.o.StateDir, p.Folder, p.Name, Options{Now: now, Since: since}); link.Folder == nil {
					log.Warn("sync: this computer works alone", "why", link.Alone)
					return
				}
			}
			if !errors.Is(keep(link), ErrFolderGone) {
				return
			}
			log.Warn("sync: the folder is gone; this computer works alone until it is back", "folder", link.Folder.Root())
			link.Folder, gone = nil, true
		}
	}()
	return done
}
