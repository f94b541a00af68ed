package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/bedtime-app/bedtime/devices"
	"github.com/bedtime-app/bedtime/state"
)

// deviceStats is one device's part of the merged record, summed up.
type deviceStats struct {
	Device string                `json:"device"`
	Name   string                `json:"name"`
	Stats  []state.ReminderStats `json:"stats"`
}

// errFolderChanged says that the folder could not be read as it was
// listed (gone, unreadable, or another folder or key by then): what was
// read is not the record the synced checkpoint would name.
var errFolderChanged = errors.New("the sync folder changed while it was read")

// mergedStats sums up the person's record with sync on (and, byDevice,
// each computer's part of it, this one first): state's MergedStats reads
// the days asked for and those since its checkpoint, from this
// computer's history and the folder, and makes the checkpoint from the
// whole record when it is missing or no longer fits the folder. When the
// computer works alone (no key, no folder, a folder it cannot read), it
// says why and sums up its own history, as without sync; --by-device then
// needs sync (split nil) unless the folder is there but unreadable.
func (app *App) mergedStats(store *state.Store, days int, loc *time.Location, byDevice bool) ([]state.ReminderStats, []deviceStats, error) {
	alone := func(link *devices.Link) ([]state.ReminderStats, []deviceStats, error) {
		if byDevice && (link == nil || link.Folder == nil) {
			return nil, nil, nil
		}
		stats, err := store.Stats(days, app.now(), loc)
		if err != nil || !byDevice {
			return stats, nil, err
		}
		return nil, []deviceStats{{Device: link.Self, Name: selfLabel(link), Stats: stats}}, nil
	}
	link := app.syncLink(time.Time{})
	if link == nil || link.Folder == nil {
		if link != nil {
			fmt.Fprintf(app.Stderr, "bedtime: sync: %s\n", aloneIn(app.locale(nil), link))
		}
		return alone(link)
	}
	// The files are listed before anything is read, so that the
	// checkpoint never names more than what it was made from.
	files, err := link.Folder.Months()
	if err != nil {
		fmt.Fprintf(app.Stderr, "bedtime: sync: %s\n", app.locale(nil).Sprintf("%v; showing this computer's record alone", err))
		return alone(link)
	}
	src := state.SyncSource{Folder: link.Folder.Root(), Key: link.Fingerprint, Self: link.Self, Files: files}
	var split []deviceHistory
	read := func(since time.Time, bySplit bool) ([]state.Event, map[string][]state.Event, error) {
		events, err := store.History(since)
		if err != nil {
			return nil, nil, err
		}
		// The folder is opened again to read the months from since on;
		// it must still be the one listed.
		l, recs, err := app.readSync(since)
		if err != nil || l == nil || l.Folder == nil || l.Folder.Root() != src.Folder || l.Self != src.Self || l.Fingerprint != src.Key {
			return nil, nil, errFolderChanged
		}
		all, sp := mergeHistory(l, recs, events, since, bySplit)
		split = sp
		byDev := make(map[string][]state.Event, len(sp))
		for _, d := range sp {
			byDev[d.ID] = d.Events
		}
		return all, byDev, nil
	}
	stats, devs, err := store.MergedStats(days, app.now(), loc, src, byDevice, read)
	if errors.Is(err, errFolderChanged) {
		return alone(link) // why was said as it was read
	}
	if err != nil || !byDevice {
		return stats, nil, err
	}
	// This computer first, always; another with what it recorded in the
	// days read, as a reminder is listed.
	var out []deviceStats
	for i, d := range split {
		st, ok := devs[d.ID]
		if i > 0 && !ok {
			continue
		}
		if st == nil {
			st = []state.ReminderStats{}
		}
		out = append(out, deviceStats{Device: d.ID, Name: d.Name, Stats: st})
	}
	return nil, out, nil
}
