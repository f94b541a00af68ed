package devices

import (
	"cmp"
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
// way), and the same split by device id, where an answer a device only
// followed (Followed) is left to the device it was given on. What reads the record
// (state.Instants, Stats, Today) counts each instant once whatever device
// wrote about it, with the lifecycle's rules deciding between them (a
// Done anywhere wins, and a Missed of a device yields to a Shown of
// another); an event read twice changes nothing.
func Merge(self string, local []state.Event, others []Record, since time.Time) (all []state.Event, byDevice map[string][]state.Event) {
	return MergeWith(self, local, others, since, MergeOptions{ByDevice: true})
}

// MergeOptions say what MergeWith makes besides the merged record.
type MergeOptions struct {
	// ByDevice makes the split by device id too. Most readers of the
	// record need only the merged events, and the split holds every
	// event a second time.
	ByDevice bool
}

// MergeWith is Merge, making the split by device only when o asks for
// it (byDevice is nil otherwise).
func MergeWith(self string, local []state.Event, others []Record, since time.Time, o MergeOptions) (all []state.Event, byDevice map[string][]state.Event) {
	m := newMerger(self, local, others, since)
	all = m.merged()
	if o.ByDevice {
		byDevice = m.split()
	}
	return all, byDevice
}

// A merger orders the events of a merge without copying them: an event
// is named by its place (local's first, then the others' kept, each in
// the order given), and what is sorted is a small key of each, its time,
// its device's rank among the devices, and that place. The place ends
// every tie, so an unstable sort orders as a stable one by time and
// device did.
type merger struct {
	local  []state.Event
	others []Record
	kept   []int32 // others' indexes of the records merged (history from since on)
	ranks  []int32 // the device rank of each kept record
	self   int32   // self's rank
	ids    []string
	counts []int // events of each device rank
	keys   []mergeKey
}

// mergeKey is one event's place in the merged order.
type mergeKey struct {
	sec     int64  // its time's Unix seconds
	nsecDev uint64 // its time's nanoseconds, then its device's rank
	place   int    // its place: local's index, or len(local) and the kept index
}

func (a mergeKey) compare(b mergeKey) int {
	switch {
	case a.sec != b.sec:
		return cmp.Compare(a.sec, b.sec)
	case a.nsecDev != b.nsecDev:
		return cmp.Compare(a.nsecDev, b.nsecDev)
	}
	return cmp.Compare(a.place, b.place)
}

func newMerger(self string, local []state.Event, others []Record, since time.Time) *merger {
	m := &merger{local: local, others: others}
	// The devices, ranked by id, as the old comparison of ids ordered
	// them.
	seen := map[string]bool{self: true}
	m.ids = append(m.ids, self)
	last := ""
	for i, r := range others {
		if r.Event.Kind == "" || r.Event.At.Before(since) {
			continue // a skip, snooze or diary answer, or before since
		}
		m.kept = append(m.kept, int32(i))
		if r.Device != last && !seen[r.Device] {
			seen[r.Device] = true
			m.ids = append(m.ids, r.Device)
		}
		last = r.Device
	}
	slices.Sort(m.ids)
	rank := make(map[string]int32, len(m.ids))
	for i, id := range m.ids {
		rank[id] = int32(i)
	}
	m.self = rank[self]
	m.counts = make([]int, len(m.ids))
	m.counts[m.self] = len(local)
	m.ranks = make([]int32, len(m.kept))
	last, lastRank := "", int32(-1)
	for j, i := range m.kept {
		d := others[i].Device
		if d != last || lastRank < 0 {
			last, lastRank = d, rank[d]
		}
		m.ranks[j] = lastRank
		m.counts[lastRank]++
	}
	m.keys = make([]mergeKey, 0, len(local)+len(m.kept))
	key := func(at time.Time, dev int32, place int) mergeKey {
		return mergeKey{sec: at.Unix(), nsecDev: uint64(at.Nanosecond())<<32 | uint64(dev), place: place}
	}
	for i := range local {
		m.keys = append(m.keys, key(local[i].At, m.self, i))
	}
	for j, i := range m.kept {
		m.keys = append(m.keys, key(others[i].Event.At, m.ranks[j], len(local)+j))
	}
	if !m.monotonic() {
		slices.SortFunc(m.keys, mergeKey.compare)
		return m
	}
	// Times with a monotonic clock reading (made by time.Now, never
	// read from a file) compare by that reading when both have one, as
	// time.Time.Compare does: compare them as it does.
	slices.SortFunc(m.keys, func(a, b mergeKey) int {
		ea, _ := m.at(a.place)
		eb, _ := m.at(b.place)
		if c := ea.At.Compare(eb.At); c != 0 {
			return c
		}
		if c := cmp.Compare(uint32(a.nsecDev), uint32(b.nsecDev)); c != 0 {
			return c // by device rank
		}
		return cmp.Compare(a.place, b.place)
	})
	return m
}

// monotonic reports whether an event's time has a monotonic clock
// reading.
func (m *merger) monotonic() bool {
	for p := range m.keys {
		if ev, _ := m.at(p); ev.At != ev.At.Round(0) {
			return true
		}
	}
	return false
}

// at returns the event at place p and its device's rank.
func (m *merger) at(p int) (*state.Event, int32) {
	if p < len(m.local) {
		return &m.local[p], m.self
	}
	j := p - len(m.local)
	return &m.others[m.kept[j]].Event, m.ranks[j]
}

// merged returns the merged record. A device writes Missed for an
// instant it never showed; when another device showed it, the person
// saw it, and the Missed is that device's own affair (kept in the split,
// left out of the record).
func (m *merger) merged() []state.Event {
	type instant struct {
		reminder string
		at       int64
	}
	// Only the instants some device missed are looked up, so only they
	// are kept, with the one device that showed each (-1: several).
	shownBy := map[instant]int32{}
	for p := range m.keys {
		if ev, _ := m.at(p); ev.Kind == state.Missed {
			shownBy[instant{ev.Reminder, ev.Scheduled.UnixNano()}] = -2 // not shown (yet)
		}
	}
	if len(shownBy) > 0 {
		for p := range m.keys {
			ev, dev := m.at(p)
			if ev.Kind != state.Shown {
				continue
			}
			k := instant{ev.Reminder, ev.Scheduled.UnixNano()}
			switch d, ok := shownBy[k]; {
			case !ok:
			case d == -2 || d == dev:
				shownBy[k] = dev
			default:
				shownBy[k] = -1
			}
		}
	}
	all := make([]state.Event, 0, len(m.keys))
	for _, k := range m.keys {
		ev, dev := m.at(k.place)
		if ev.Kind == state.Missed {
			if d := shownBy[instant{ev.Reminder, ev.Scheduled.UnixNano()}]; d != -2 && d != dev {
				continue
			}
		}
		all = append(all, *ev)
	}
	return all
}

// split returns the merged events of each device, Missed ones included.
func (m *merger) split() map[string][]state.Event {
	byDevice := map[string][]state.Event{}
	out := make([][]state.Event, len(m.ids))
	for _, k := range m.keys {
		ev, dev := m.at(k.place)
		if Followed(*ev) {
			continue // the device where it was said has it
		}
		if out[dev] == nil {
			out[dev] = make([]state.Event, 0, m.counts[dev])
		}
		out[dev] = append(out[dev], *ev)
	}
	for i, evs := range out {
		if evs != nil {
			byDevice[m.ids[i]] = evs
		}
	}
	return byDevice
}

// MergeDiary joins this device's cramp diary (local, in file order; self
// is this device's id) with the answers the other devices wrote, into the
// person's one diary: every answer once (one read twice, or written back,
// is the same answer), in the order they were said, ties by device id
// (then each device's order), so that diary.Fold, the latest answer for
// each field winning, decides between devices as it does between answers
// on one, and the same way on every device.
func MergeDiary(self string, local []diary.Entry, others []Record) []diary.Entry {
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
		add(e, self)
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
