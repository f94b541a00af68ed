package main

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/devices"
	"github.com/bedtime-app/bedtime/diary"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/safefs"
	"github.com/bedtime-app/bedtime/state"
)

// newSyncCmd returns `bedtime sync`: sharing one record between the
// person's computers through a synced folder.
func newSyncCmd(app *App) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "sync",
		Short: "Share one record between your computers through a synced folder",
		Long: `sync sets up sharing between your computers. Each computer writes what
happens to its reminders, sealed with a key your computers share, into a
folder that a sync tool you already use (Syncthing, Nextcloud, Dropbox...)
keeps the same on each; status and stats then show one record for you.

  bedtime sync init          on the first computer: makes the key
  bedtime sync join KEY      on each other computer

and on each, the schedule names the folder:

  sync:
    folder: ~/Sync/bedtime

See docs/several-computers.md.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newSyncInitCmd(app), newSyncJoinCmd(app))
	return cmd
}

func newSyncInitCmd(app *App) *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Make the key your computers share, and say what to run on the next one",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			dir, err := app.stateDir()
			if err != nil {
				return err
			}
			l := app.locale(nil)
			if old, err := devices.LoadKey(dir); err == nil && !force {
				return errorIn(l, "this computer has a sync key already (fingerprint %s); `bedtime sync init --force` makes a new one, and then every other computer must join again", old.Fingerprint())
			} else if err != nil && !errors.Is(err, devices.ErrNoKey) && !force {
				return err
			}
			key, err := devices.NewKey()
			if err != nil {
				return err
			}
			if err := devices.SaveKey(dir, key); err != nil {
				return err
			}
			id, err := devices.LoadID(dir, true)
			if err != nil {
				return err
			}
			w := app.Stdout
			fmt.Fprintln(w, l.Sprintf("Made a sync key (fingerprint %s), kept in %s, readable by you alone.", key.Fingerprint(), filepath.Join(dir, devices.KeyFile)))
			fmt.Fprint(w, l.Sprintf("This computer is device %s.", id)+"\n\n")
			app.sayFolder(w)
			fmt.Fprintf(w, "%s\n\n  bedtime sync join %s\n\n", l.Sprintf("On each other computer, run:"), key)
			fmt.Fprintln(w, l.Sprintf("The key is the one secret: whoever has it and the folder can read your record."))
			fmt.Fprintln(w, l.Sprintf("Never put it in the synced folder; copy it by hand, or in a file you delete after."))
			app.sayWhenShared(w)
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "make a new key even if this computer has one")
	return cmd
}

func newSyncJoinCmd(app *App) *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "join KEY|FILE|-",
		Short: "Join this computer with the key `bedtime sync init` printed on another",
		Long: `join keeps the key that "bedtime sync init" printed on your first computer, so
this one can read and write the shared record. Give the key itself, a file
holding it, or - to read it from standard input (so it stays out of your
shell's history).`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir, err := app.stateDir()
			if err != nil {
				return err
			}
			l := app.locale(nil)
			key, err := readKeyArg(l, args[0], app.Stdin)
			if err != nil {
				return err
			}
			old, err := devices.LoadKey(dir)
			switch {
			case err == nil && old == key:
				fmt.Fprintln(app.Stdout, l.Sprintf("This computer has this key already (fingerprint %s).", key.Fingerprint()))
				return nil
			case err == nil && !force:
				return errorIn(l, "this computer has another sync key (fingerprint %s, the new one is %s); `bedtime sync join --force` replaces it, and then it no longer reads what the old key sealed", old.Fingerprint(), key.Fingerprint())
			}
			if err := devices.SaveKey(dir, key); err != nil {
				return err
			}
			id, err := devices.LoadID(dir, true)
			if err != nil {
				return err
			}
			fmt.Fprintln(app.Stdout, l.Sprintf("Joined with key %s; this computer is device %s.", key.Fingerprint(), id))
			app.sayFolder(app.Stdout)
			app.sayWhenShared(app.Stdout)
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "replace this computer's key")
	return cmd
}

// readKeyArg reads a key given as text, as a file holding it, or as "-"
// (standard input); l is the language of its errors.
func readKeyArg(l *locale.Locale, arg string, stdin io.Reader) (devices.Key, error) {
	if strings.HasPrefix(strings.TrimSpace(arg), "bedtime-key-") {
		k, err := devices.ParseKey(arg)
		return k, keyErrorIn(l, err)
	}
	var r io.Reader
	if arg == "-" {
		r = stdin
	} else {
		f, err := safefs.Open(arg)
		if err != nil {
			return devices.Key{}, errorIn(l, "%q is neither a key nor a file holding one: %v", arg, err)
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, 1024))
	if err != nil {
		return devices.Key{}, err
	}
	k, err := devices.ParseKey(string(b))
	if err != nil {
		return k, errorIn(l, "%s: %s", arg, keyErrorIn(l, err))
	}
	return k, nil
}

// keyErrorIn is err, from devices.ParseKey, in l's language.
func keyErrorIn(l *locale.Locale, err error) error {
	var ke *devices.KeyError
	if errors.As(err, &ke) {
		return errorIn(l, ke.Format, ke.Prefix())
	}
	return err
}

// sayFolder tells whether the schedule names a sync folder, and how to
// name one.
func (app *App) sayFolder(w io.Writer) {
	l := app.locale(nil)
	if s := app.syncSettings(); s != nil {
		fmt.Fprint(w, l.Sprintf("The schedule names the folder %s.", s.Folder)+"\n\n")
		return
	}
	fmt.Fprint(w, l.Sprintf("Name the synced folder in the schedule on each computer (`bedtime edit`):")+"\n\n  sync:\n    folder: ~/Sync/bedtime\n\n")
}

// sayWhenShared tells when the daemon starts sharing with a new key: a
// running daemon takes a new key at once (it watches the key file), and a
// sync: section added to the schedule as it reloads.
func (app *App) sayWhenShared(w io.Writer) {
	l := app.locale(nil)
	if app.syncSettings() != nil {
		fmt.Fprintln(w, l.Sprintf("The running bedtime takes the key at once and shares, without a restart; `bedtime doctor` shows the devices it sees."))
		return
	}
	fmt.Fprintln(w, l.Sprintf("Once the schedule names the folder, the running bedtime starts sharing, without a restart; `bedtime doctor` shows the devices it sees."))
}

// syncSettings returns the schedule's sync: section, nil without one (or
// without a readable schedule).
func (app *App) syncSettings() *config.Sync {
	path, err := app.schedulePath()
	if err != nil {
		return nil
	}
	s, err := config.LoadOrDefault(path, time.Local)
	if err != nil {
		return nil
	}
	return s.Sync
}

// syncLink connects this computer to its sync folder to read it, months
// from since on; nil when the schedule has no sync: section. It writes
// nothing there: a folder that has no devices directory (an empty mount
// point, a share not mounted) is not the sync folder yet.
func (app *App) syncLink(since time.Time) *devices.Link {
	s := app.syncSettings()
	if s == nil {
		return nil
	}
	dir, err := app.stateDir()
	if err != nil {
		return &devices.Link{Alone: err.Error()}
	}
	return devices.Connect(dir, s.Folder, s.Name, devices.Options{Now: app.now, Since: since, ReadOnly: true})
}

// seen is when a device was last heard from, by the times it wrote (never
// later than now).
func seen(d devices.Device, now time.Time) time.Time {
	t := d.Presence.Written
	if d.Last.After(t) {
		t = d.Last
	}
	if t.After(now) {
		t = now
	}
	return t
}

// mergedHistory returns the person's record from since on: this
// computer's history (events, read from since) merged with what the other
// devices wrote, and, byDevice asking, the same split by device. Without
// sync it is events alone. Why this computer works alone, and the folder's problems, go to
// stderr once.
func (app *App) mergedHistory(events []state.Event, since time.Time, byDevice bool) (all []state.Event, split []deviceHistory, link *devices.Link) {
	link, recs := app.syncRecords(since)
	all, split = mergeHistory(link, recs, events, since, byDevice)
	return all, split, link
}

// syncRecords reads what the other devices wrote from since on; link is
// nil without sync, and recs empty when this computer works alone. Why it
// does, and the folder's problems, go to stderr once.
func (app *App) syncRecords(since time.Time) (link *devices.Link, recs []devices.Record) {
	link, recs, _ = app.readSync(since)
	return link, recs
}

// readSync is syncRecords that also returns why the folder could not be
// read (said on stderr already), for a caller that must not take what it
// read for all there is.
func (app *App) readSync(since time.Time) (link *devices.Link, recs []devices.Record, scanErr error) {
	link = app.syncLink(since)
	if link == nil {
		return nil, nil, nil
	}
	l := app.locale(nil)
	if link.Folder == nil {
		fmt.Fprintf(app.Stderr, "bedtime: sync: %s\n", aloneIn(l, link))
		return link, nil, nil
	}
	recs, scanErr = link.Folder.Scan()
	if scanErr != nil {
		fmt.Fprintf(app.Stderr, "bedtime: sync: %s\n", l.Sprintf("%v; showing this computer's record alone", scanErr))
	}
	for _, p := range link.Folder.Problems() {
		fmt.Fprintf(app.Stderr, "bedtime: sync folder: %s\n", p)
	}
	return link, recs, scanErr
}

// aloneIn says why this computer works alone (link.Alone) in l's
// language; an error of the key or the id stays as devices says it.
func aloneIn(l *locale.Locale, link *devices.Link) string {
	switch {
	case link.NoKey:
		return l.Sprintf("no sync key on this computer: run `bedtime sync join KEY` with the key `bedtime sync init` printed on your first computer (or `bedtime sync init` here if this is the first)")
	case link.FolderError != "":
		return l.Sprintf("%s (not synced or not mounted yet?); this computer works alone until it is there", link.FolderError)
	}
	return link.Alone
}

// mergedDiary is the person's cramp diary: this computer's entries
// (local) with the answers the other devices wrote (recs, from
// syncRecords); local alone without sync. (The daemon copies this
// computer's answers to the folder, as it does the history.)
func mergedDiary(link *devices.Link, recs []devices.Record, local []diary.Entry) []diary.Entry {
	if link == nil || link.Folder == nil {
		return local
	}
	return devices.MergeDiary(link.Self, local, recs)
}

// mergeHistory merges events with the other devices' records (see
// mergedHistory); split is made only when byDevice asks for it, since it
// holds every event a second time and most readers need the record alone.
func mergeHistory(link *devices.Link, recs []devices.Record, events []state.Event, since time.Time, byDevice bool) (all []state.Event, split []deviceHistory) {
	if link == nil || link.Folder == nil {
		return events, nil
	}
	all, byDev := devices.MergeWith(link.Self, events, recs, since, devices.MergeOptions{ByDevice: byDevice})
	if !byDevice {
		return all, nil
	}
	names := map[string]string{link.Self: selfLabel(link)}
	for _, d := range link.Folder.Devices() {
		if d.ID != link.Self {
			names[d.ID] = devices.Label(d)
		}
	}
	split = append(split, deviceHistory{ID: link.Self, Name: names[link.Self], Events: byDev[link.Self]})
	for _, id := range slices.Sorted(maps.Keys(byDev)) {
		if id != link.Self {
			split = append(split, deviceHistory{ID: id, Name: names[id], Events: byDev[id]})
		}
	}
	return all, split
}

// selfLabel is how --by-device names this computer.
func selfLabel(link *devices.Link) string {
	return link.Name + " (" + link.Self[:6] + "), this computer"
}

// deviceHistory is one device's part of the merged record.
type deviceHistory struct {
	ID, Name string
	Events   []state.Event
}
