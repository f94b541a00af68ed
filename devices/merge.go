package devices

import (
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/bedtime-app/bedtime/diary"
	"github.com/bedtime-app/bedtime/state"
)

// Merge joins this device's history (local, device self) with the other
// devices' events into the person's one record: the events from since on,
// in time order (ties in device order, so every device merges the same
// way), and the same split by device id. What reads the record
// (state.Instants, Stats, Today) counts each instant once whatever device
// wrote about it, with the lifecycle's rules deciding between them (a
// Done anywhere wins, and a Missed of a device yields to a Shown of
// another); an event read twice changes nothing.
func Merge(self string, local []state.Event, others []Record, since time.Time) (all []state.Event, byDevice map[string][]state.Event) {
	recs := make([]Record, 0, len(local)+len(others))
	for _, ev := range local {
		recs = append(recs, Record{Device: self, Event: ev})
	}
	for _, r := range others {
		if r.Event.Kind != "" && !r.Event.At.Before(since) { // history, not a skip, snooze or diary answer
			recs = append(recs, r)
		}
	}
	slices.SortStableFunc(recs, func(a, b Record) int {
		if c := a.Event.At.Compare(b.Event.At); c != 0 {
			return c
		}
		if a.Device < b.Device {
			return -1
		}
		if a.Device > b.Device {
			return 1
		}
		return 0
	})
	// A device writes Missed for an instant it never showed; when another
	// device showed it, the person saw it, and the Missed is that device's
	// own affair (kept in byDevice, left out of all).
	type key struct {
		reminder string
		at       int64
	}
	shownBy := map[key]string{}
	for _, r := range recs {
		if r.Event.Kind == state.Shown {
			k := key{r.Event.Reminder, r.Event.Scheduled.UnixNano()}
			if d, ok := shownBy[k]; !ok || d == r.Device {
				shownBy[k] = r.Device
			} else {
				shownBy[k] = "\x00several"
			}
		}
	}
	byDevice = map[string][]state.Event{}
	all = make([]state.Event, 0, len(recs))
	for _, r := range recs {
		if r.Event.Kind == state.Missed {
			if d, ok := shownBy[key{r.Event.Reminder, r.Event.Scheduled.UnixNano()}]; ok && d != r.Device {
				byDevice[r.Device] = append(byDevice[r.Device], r.Event)
				continue
			}
		}
		all = append(all, r.Event)
		byDevice[r.Device] = append(byDevice[r.Device], r.Event)
	}
	return all, byDevice
}

// MergeDiary joins this device's cramp diary (local, in file order) with
// the answers the other devices wrote, into the person's one diary: every
// answer once (one read twice, or written back, is the same answer), in
// the order they were said (ties: this device's first, then by device
// id), so that diary.Fold, the latest answer for each field winning,
// decides between devices as it does between answers on one.
func MergeDiary(local []diary.Entry, others []Record) []diary.Entry {
	type said struct {
		e      diary.Entry
		device string
		order  int
	}
	all := make([]said, 0, len(local)+len(others))
	seen := map[string]bool{}
	add := func(e diary.Entry, device string) {
		b, _ := json.Marshal(e)
		if seen[string(b)] {
			return
		}
		seen[string(b)] = true
		all = append(all, said{e, device, len(all)})
	}
	for _, e := range local {
		add(e, "")
	}
	for _, r := range others {
		if r.Diary != nil {
			add(*r.Diary, r.Device)
		}
	}
	slices.SortStableFunc(all, func(a, b said) int {
		if c := a.e.At.Compare(b.e.At); c != 0 {
			return c
		}
		if c := strings.Compare(a.device, b.device); c != 0 {
			return c
		}
		return a.order - b.order
	})
	out := make([]diary.Entry, len(all))
	for i, s := range all {
		out[i] = s.e
	}
	return out
}

// Here returns the device where the person is, by what each device says:
// of those whose person is "here", the one with the latest input; ok is
// false when none says so.
func Here(devs []Device) (d Device, ok bool) {
	for _, x := range devs {
		if x.Presence.State != "here" {
			continue
		}
		if !ok || x.Presence.Input.After(d.Presence.Input) || (x.Presence.Input.Equal(d.Presence.Input) && x.ID < d.ID) {
			d, ok = x, true
		}
	}
	return d, ok
}
