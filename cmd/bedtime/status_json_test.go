package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/devices"
	"github.com/bedtime-app/bedtime/scheduler"
	"github.com/bedtime-app/bedtime/state"
)

// statusTimeKeys are the keys of status --json whose values are times.
var statusTimeKeys = map[string]bool{"since": true, "at": true, "paused_until": true, "heard": true}

// checkStatusTimes parses js, status --json, and checks that every time
// in it is an RFC 3339 string; it returns the paths of those it found.
func checkStatusTimes(t *testing.T, js string) map[string]bool {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(js), &v); err != nil {
		t.Fatalf("status --json is not JSON: %v\n%s", err, js)
	}
	found := map[string]bool{}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, e := range v {
				p := strings.TrimPrefix(path+"."+k, ".")
				if statusTimeKeys[k] {
					s, ok := e.(string)
					if _, err := time.Parse(time.RFC3339, s); !ok || err != nil {
						t.Errorf("%s = %#v, not an RFC 3339 time", p, e)
					}
					found[p] = true
					continue
				}
				walk(p, e)
			}
		case []any:
			for _, e := range v {
				walk(path+"[]", e)
			}
		}
	}
	walk("", v)
	return found
}

// TestStatusJSONTimesAreRFC3339: every time status --json gives is an RFC
// 3339 string (the daemon's start too), and the next firing is data, not
// a sentence.
func TestStatusJSONTimesAreRFC3339(t *testing.T) {
	t.Parallel()
	now := nov(t, 27, "16:30").UTC()
	path := berlinDefault(t)
	st := installedStatus
	st.ConfigPath = path
	m := &fakeManager{StatusFunc: func(context.Context) (serviceStatus, error) { return st, nil }}
	app := withService(m, "/usr/bin/bedtime")
	app.Clock = scheduler.NewFakeClock(now)
	store := newStateDir(t)
	app.StateDir = store.Dir()
	statusDay(t, store, true)
	code, js, errOut := runApp(app, "status", "--json")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	found := checkStatusTimes(t, js)
	for _, want := range []string{"since", "next.at", "paused_until", "presence.since", "upcoming[].at", "today[].at"} {
		if !found[want] {
			t.Errorf("status --json has no %s:\n%s", want, js)
		}
	}
	var got struct {
		Since time.Time     `json:"since"`
		Next  *state.Coming `json:"next"`
	}
	if err := json.Unmarshal([]byte(js), &got); err != nil {
		t.Fatal(err)
	}
	if !got.Since.Equal(st.Started) {
		t.Errorf("since = %v, want %v", got.Since, st.Started)
	}
	if got.Next == nil || got.Next.Reminder != "hydration" || !got.Next.At.Equal(nov(t, 27, "20:00")) {
		t.Errorf("next = %+v, want hydration at 20:00 (the paused ones are not shown)", got.Next)
	}
}

// TestStatusJSONDevices: a computer's name is its own, without the text's
// id and "this computer", which are fields of their own.
func TestStatusJSONDevices(t *testing.T) {
	folder := t.TempDir()
	now := nov(t, 27, "22:00")
	laptop, desktop := newComputer(t, folder, "laptop"), newComputer(t, folder, "desktop")
	k, _ := devices.NewKey()
	for _, c := range []computer{laptop, desktop} {
		if err := devices.SaveKey(c.stateDir, k); err != nil {
			t.Fatal(err)
		}
	}
	dl := devices.Connect(desktop.stateDir, folder, "desktop", devices.Options{Now: func() time.Time { return now.Add(-10 * time.Minute) }})
	dl.Folder.WritePresence(devices.Presence{Name: "desktop", State: "here", Input: now.Add(-10 * time.Minute)})
	ll := devices.Connect(laptop.stateDir, folder, "laptop", devices.Options{Now: func() time.Time { return now }})
	ll.Folder.Scan()
	info := statusInfo{Loc: time.UTC, Now: now, Devices: statusDevices(ll, &state.Presence{State: "away", Since: now.Add(-time.Hour)}, now)}
	var b strings.Builder
	if err := writeStatusJSON(&b, serviceStatus{}, info); err != nil {
		t.Fatal(err)
	}
	if found := checkStatusTimes(t, b.String()); !found["devices[].heard"] {
		t.Errorf("status --json has no devices[].heard:\n%s", b.String())
	}
	var got struct {
		Devices []map[string]any `json:"devices"`
	}
	if err := json.Unmarshal([]byte(b.String()), &got); err != nil {
		t.Fatal(err)
	}
	want := []map[string]any{
		{"id": ll.Self, "name": "laptop", "this": true, "presence": "away"},
		{"id": dl.Self, "name": "desktop", "this": false, "here": true, "presence": "here"},
	}
	if len(got.Devices) != len(want) {
		t.Fatalf("devices = %v, want %v", got.Devices, want)
	}
	h, _ := got.Devices[1]["heard"].(string)
	if heard, err := time.Parse(time.RFC3339, h); err != nil || !heard.Equal(now.Add(-10*time.Minute)) {
		t.Errorf("devices[1].heard = %q, want 10 minutes before now", h)
	}
	for i, w := range want {
		for k, v := range w {
			if got.Devices[i][k] != v {
				t.Errorf("devices[%d].%s = %#v, want %#v", i, k, got.Devices[i][k], v)
			}
		}
	}
}
