package notify_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/notify/notifytest"
)

// harness is a Desktop notifier on a private bus, with its responses and log.
type harness struct {
	bus       *notifytest.Bus
	d         *notify.Desktop
	responses chan notify.Response // answers and Missed
	news      chan notify.Response // Shown and Held
	log       *testutil.LogBuffer
	cacheDir  string
}

// newHarness starts a private bus (without a notification server), points
// the environment at it and builds a Desktop with opts.
func newHarness(t *testing.T, opts notify.Options) *harness {
	t.Helper()
	bus := notifytest.StartBus(t)
	bus.Setenv(t)
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	return newDesktop(t, bus, opts)
}

func newDesktop(t *testing.T, bus *notifytest.Bus, opts notify.Options) *harness {
	t.Helper()
	h := &harness{bus: bus, responses: make(chan notify.Response, 100), news: make(chan notify.Response, 100), log: &testutil.LogBuffer{}, cacheDir: t.TempDir()}
	opts.Logger = slog.New(slog.NewTextHandler(h.log, nil))
	opts.OnResponse = func(r notify.Response) {
		if r.Action == notify.Shown || r.Action == notify.Held {
			h.news <- r
			return
		}
		h.responses <- r
	}
	opts.CacheDir = h.cacheDir
	d, err := notify.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	h.d = d
	return h
}

func (h *harness) notify(t *testing.T, m notify.Message) {
	t.Helper()
	if err := h.d.Notify(context.Background(), m); err != nil {
		t.Fatalf("Notify(%q) = %v", m.Reminder, err)
	}
}

// response waits for the next Response.
func (h *harness) response(t *testing.T) notify.Response {
	t.Helper()
	select {
	case r := <-h.responses:
		return r
	case <-time.After(notifytest.Wait):
		t.Fatalf("no response within %v; log:\n%s", notifytest.Wait, h.log)
		return notify.Response{}
	}
}

func (h *harness) wantResponse(t *testing.T, reminder string, a notify.Action) {
	t.Helper()
	r := h.response(t)
	if r.Reminder != reminder || r.Action != a {
		t.Fatalf("response = %q %v, want %q %v", r.Reminder, r.Action, reminder, a)
	}
	if r.At.IsZero() {
		t.Fatalf("response %q %v has no time", r.Reminder, r.Action)
	}
}

func TestNotifyCall(t *testing.T) {
	both := []string{"actions", "body", "body-markup"}
	tests := []struct {
		name        string
		caps        []string
		msg         notify.Message
		wantBody    string
		wantActions []string
		wantUrgency byte
		wantExpire  int32
		wantSound   any // the sound-name hint; nil for none
	}{
		{
			name:        "markup and actions",
			caps:        both,
			msg:         notify.Message{Reminder: "water", Title: "Water <3", Body: "Drink a glass of water & <b>refill</b> >", Expire: 30 * time.Second},
			wantBody:    "Drink a glass of water &amp; &lt;b&gt;refill&lt;/b&gt; &gt;",
			wantActions: []string{"done", "Done", "snooze", "Snooze"},
			wantUrgency: 1,
			wantExpire:  30000,
		},
		{
			name:        "a question's buttons instead of Done and Snooze",
			caps:        both,
			msg:         notify.Message{Reminder: "cramp-diary", Title: "Leg cramps last night?", Body: "One tap", Choices: []string{"None", "Some", "Bad"}},
			wantBody:    "One tap",
			wantActions: []string{"choice-0", "None", "choice-1", "Some", "choice-2", "Bad"},
			wantUrgency: 1,
			wantExpire:  0,
		},
		{
			name:        "plain server",
			caps:        []string{"body"},
			msg:         notify.Message{Reminder: "water", Title: "Water", Body: "Tom & Jerry <3", Urgency: notify.UrgencyCritical, Expire: -1},
			wantBody:    "Tom & Jerry <3",
			wantUrgency: 2,
			wantExpire:  0,
		},
		{
			name:        "buttons stay until answered",
			caps:        both,
			msg:         notify.Message{Reminder: "water", Title: "Water", Body: "a glass"},
			wantBody:    "a glass",
			wantActions: []string{"done", "Done", "snooze", "Snooze"},
			wantUrgency: 1,
			wantExpire:  0,
		},
		{
			name:        "buttons with the server's timeout",
			caps:        both,
			msg:         notify.Message{Reminder: "water", Title: "Water", Body: "a glass", Expire: notify.ServerDefault},
			wantBody:    "a glass",
			wantActions: []string{"done", "Done", "snooze", "Snooze"},
			wantUrgency: 1,
			wantExpire:  -1,
		},
		{
			name:        "no buttons on the server: its timeout",
			caps:        []string{"body"},
			msg:         notify.Message{Reminder: "water", Title: "Water", Body: "a glass"},
			wantBody:    "a glass",
			wantUrgency: 1,
			wantExpire:  -1,
		},
		{
			name:        "routine step stays for its hold",
			caps:        append([]string{"sound"}, both...),
			msg:         notify.Message{Reminder: "calf-stretch", Title: "Step 1 of 4", Body: "Hold", NoActions: true, Expire: 30 * time.Second, Sound: "bell"},
			wantBody:    "Hold",
			wantUrgency: 1,
			wantExpire:  30000,
			wantSound:   "bell",
		},
		{
			name:        "sound where the server plays sounds",
			caps:        append([]string{"sound"}, both...),
			msg:         notify.Message{Reminder: "water", Title: "Water", Body: "a glass", Sound: notify.DefaultSound},
			wantBody:    "a glass",
			wantActions: []string{"done", "Done", "snooze", "Snooze"},
			wantUrgency: 1,
			wantExpire:  0,
			wantSound:   "message-new-instant",
		},
		{
			name:        "no sound hint for a server without sounds",
			caps:        both,
			msg:         notify.Message{Reminder: "water", Title: "Water", Body: "a glass", Sound: notify.DefaultSound},
			wantBody:    "a glass",
			wantActions: []string{"done", "Done", "snooze", "Snooze"},
			wantUrgency: 1,
			wantExpire:  0,
		},
		{
			name:        "no actions wanted",
			caps:        both,
			msg:         notify.Message{Reminder: "test", Title: "Test", Body: "plain", Urgency: notify.UrgencyLow, NoActions: true},
			wantBody:    "plain",
			wantUrgency: 0,
			wantExpire:  -1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, notify.Options{})
			cfg := notifytest.DefaultConfig
			cfg.Capabilities = tt.caps
			srv := h.bus.StartServer(t, cfg)
			h.notify(t, tt.msg)
			n := srv.Next(t)

			if got, want := n.AppName, "bedtime"; got != want {
				t.Errorf("app name = %q, want %q", got, want)
			}
			if got, want := n.Summary, tt.msg.Title; got != want {
				t.Errorf("summary = %q, want %q", got, want)
			}
			if got, want := n.Body, tt.wantBody; got != want {
				t.Errorf("body = %q, want %q", got, want)
			}
			if got, want := n.Actions, tt.wantActions; !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
				t.Errorf("actions = %q, want %q", got, want)
			}
			if got, want := n.ReplacesID, uint32(0); got != want {
				t.Errorf("replaces id = %d, want %d", got, want)
			}
			if got, want := n.ExpireTimeout, tt.wantExpire; got != want {
				t.Errorf("expire = %d, want %d", got, want)
			}
			for hint, want := range map[string]any{
				"urgency":       tt.wantUrgency,
				"category":      "x-bedtime.reminder",
				"desktop-entry": "bedtime",
				"sound-name":    tt.wantSound,
			} {
				if got := n.Hint(hint); got != want {
					t.Errorf("hint %q = %#v, want %#v", hint, got, want)
				}
			}
			// The icon is the embedded PNG, written privately to the cache dir.
			if got, want := n.AppIcon, filepath.Join(h.cacheDir, "icon.png"); got != want {
				t.Fatalf("app icon = %q, want %q", got, want)
			}
			fi, err := os.Stat(n.AppIcon)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := fi.Mode().Perm(), os.FileMode(0o600); got != want {
				t.Errorf("icon mode = %v, want %v", got, want)
			}
			png, _ := os.ReadFile(n.AppIcon)
			if !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
				t.Errorf("icon %s is not a PNG", n.AppIcon)
			}
		})
	}
}

func TestReplacesUnanswered(t *testing.T) {
	h := newHarness(t, notify.Options{})
	srv := h.bus.StartServer(t, notifytest.DefaultConfig)

	h.notify(t, notify.Message{Reminder: "water", Title: "Water at 10:00"})
	first := srv.Next(t)
	h.notify(t, notify.Message{Reminder: "water", Title: "Water at 12:00"})
	second := srv.Next(t)
	if got, want := second.ReplacesID, first.ID; got != want {
		t.Fatalf("second water: replaces id = %d, want %d (the unanswered first)", got, want)
	}
	h.notify(t, notify.Message{Reminder: "stretch", Title: "Stretch"})
	if got := srv.Next(t).ReplacesID; got != 0 {
		t.Fatalf("another reminder: replaces id = %d, want 0", got)
	}

	// Once answered, the next one is new.
	if err := srv.Close(second.ID, 2); err != nil {
		t.Fatal(err)
	}
	h.wantResponse(t, "water", notify.Dismissed)
	h.notify(t, notify.Message{Reminder: "water", Title: "Water at 14:00"})
	if got := srv.Next(t).ReplacesID; got != 0 {
		t.Fatalf("water after dismissal: replaces id = %d, want 0", got)
	}
}

func TestResponses(t *testing.T) {
	tests := []struct {
		name string
		act  func(srv *notifytest.Server, id uint32) error
		want notify.Action
	}{
		{"done", func(s *notifytest.Server, id uint32) error { return s.InvokeAction(id, "done") }, notify.Done},
		{"snooze", func(s *notifytest.Server, id uint32) error { return s.InvokeAction(id, "snooze") }, notify.Snooze},
		{"start", func(s *notifytest.Server, id uint32) error { return s.InvokeAction(id, "start") }, notify.Start},
		{"a question's third button", func(s *notifytest.Server, id uint32) error { return s.InvokeAction(id, "choice-2") }, notify.ChoiceAction(2)},
		{"dismissed", func(s *notifytest.Server, id uint32) error { return s.Close(id, 2) }, notify.Dismissed},
		{"expired", func(s *notifytest.Server, id uint32) error { return s.Close(id, 1) }, notify.Expired},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, notify.Options{})
			srv := h.bus.StartServer(t, notifytest.DefaultConfig)
			_, question := tt.want.Choice()
			var choices []string
			if question {
				choices = []string{"None", "Some", "Bad"}
			}
			h.notify(t, notify.Message{Reminder: "magnesium", Title: "Magnesium", Start: tt.want == notify.Start, Choices: choices})
			h.notify(t, notify.Message{Reminder: "stretch", Title: "Stretch"})
			mg, st := srv.Next(t), srv.Next(t)
			wantActions := "[done Done snooze Snooze]"
			if tt.want == notify.Start {
				wantActions = "[start Start done Done snooze Snooze]"
			}
			if question {
				wantActions = "[choice-0 None choice-1 Some choice-2 Bad]"
			}
			if got := fmt.Sprint(mg.Actions); got != wantActions {
				t.Fatalf("actions = %s, want %s", got, wantActions)
			}

			if err := tt.act(srv, mg.ID); err != nil {
				t.Fatal(err)
			}
			h.wantResponse(t, "magnesium", tt.want)

			// A closing after the answer (InvokeAction closes too), a close
			// by call, and ids bedtime never sent give no response: the next
			// response is the stretch dismissal.
			srv.Close(mg.ID, 2)
			srv.Close(st.ID+100, 2)
			srv.Close(st.ID, 2)
			h.wantResponse(t, "stretch", notify.Dismissed)
		})
	}
}

// news waits for the next Shown or Held report.
func (h *harness) nextNews(t *testing.T) notify.Response {
	t.Helper()
	select {
	case r := <-h.news:
		return r
	case <-time.After(notifytest.Wait):
		t.Fatalf("no Shown or Held within %v; log:\n%s", notifytest.Wait, h.log)
		return notify.Response{}
	}
}

// TestLifecycleNews checks that a message is reported Held while no server
// is on the bus and Shown once one accepts it, then answered, each report
// carrying the message's scheduled instant and step; and that a message
// held past its deadline is Missed with the reason.
func TestLifecycleNews(t *testing.T) {
	sched := time.Date(2026, 11, 27, 20, 30, 0, 0, time.UTC)
	h := newHarness(t, notify.Options{RetryMin: time.Millisecond, RetryMax: 10 * time.Millisecond, RetryFor: time.Minute})
	h.notify(t, notify.Message{Reminder: "magnesium", Title: "Magnesium", Scheduled: sched})
	held := h.nextNews(t)
	if held.Action != notify.Held || held.Reminder != "magnesium" || !held.Scheduled.Equal(sched) || held.Detail != "no notification server" {
		t.Fatalf("first news = %+v, want magnesium held (no notification server) for %v", held, sched)
	}
	srv := h.bus.StartServer(t, notifytest.DefaultConfig)
	srv.Next(t)
	shown := h.nextNews(t)
	if shown.Action != notify.Shown || shown.Via != "d-bus" || !shown.Scheduled.Equal(sched) {
		t.Fatalf("news after the server came = %+v, want Shown via d-bus for %v", shown, sched)
	}
	h.notify(t, notify.Message{Reminder: "magnesium", Title: "Step 2", Scheduled: sched, Step: 2})
	step := srv.Next(t)
	if r := h.nextNews(t); r.Action != notify.Shown || r.Step != 2 {
		t.Fatalf("news of a routine step = %+v, want Shown step 2", r)
	}
	if err := srv.InvokeAction(step.ID, "done"); err != nil {
		t.Fatal(err)
	}
	if r := h.response(t); r.Action != notify.Done || r.Step != 2 || !r.Scheduled.Equal(sched) {
		t.Fatalf("answer = %+v, want Done on step 2 of %v", r, sched)
	}
}

func TestRetryUntilServerAppears(t *testing.T) {
	h := newHarness(t, notify.Options{RetryMin: time.Millisecond, RetryMax: 10 * time.Millisecond, RetryFor: time.Minute})
	for _, name := range []string{"water", "stretch", "magnesium"} {
		h.notify(t, notify.Message{Reminder: name, Title: name})
	}
	srv := h.bus.StartServer(t, notifytest.DefaultConfig)
	got := map[string]bool{}
	for range 3 {
		got[srv.Next(t).Summary] = true
	}
	if len(got) != 3 {
		t.Fatalf("delivered %v, want water, stretch and magnesium", got)
	}
	if n := h.log.Count("no notification server"); n != 1 {
		t.Errorf("%d log lines about the missing server, want 1:\n%s", n, h.log)
	}
	if n := h.log.Count("delivered again"); n != 1 {
		t.Errorf("%d log lines about recovery, want 1:\n%s", n, h.log)
	}
}

func TestMissedWhenNoServer(t *testing.T) {
	h := newHarness(t, notify.Options{RetryMin: time.Millisecond, RetryMax: 5 * time.Millisecond, RetryFor: 50 * time.Millisecond})
	h.notify(t, notify.Message{Reminder: "water", Title: "Water"})
	h.notify(t, notify.Message{Reminder: "stretch", Title: "Stretch", Deadline: time.Now().Add(80 * time.Millisecond)})
	got := map[string]notify.Action{}
	for range 2 {
		r := h.response(t)
		got[r.Reminder] = r.Action
	}
	want := map[string]notify.Action{"water": notify.Missed, "stretch": notify.Missed}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("responses = %v, want %v", got, want)
	}
	for range 2 {
		if r := h.nextNews(t); r.Action != notify.Held {
			t.Errorf("news = %+v, want Held before Missed", r)
		}
	}
	if n := h.log.Count("reminder missed"); n != 2 {
		t.Errorf("%d missed lines, want 2:\n%s", n, h.log)
	}
	if n := h.log.Count("no notification server"); n != 1 {
		t.Errorf("%d log lines about the missing server, want 1:\n%s", n, h.log)
	}
}

func TestNoRetryReportsAtOnce(t *testing.T) {
	h := newHarness(t, notify.Options{RetryFor: -1})
	err := h.d.Notify(context.Background(), notify.Message{Reminder: "water", Title: "Water", Body: "a glass"})
	if !errors.Is(err, notify.ErrNoServer) {
		t.Fatalf("Notify with no server = %v, want ErrNoServer", err)
	}
	// One sentence with what to do; the chain of every backend's error
	// for the debug log and doctor.
	want := `cannot show reminder "water": no notification server is running; log in to a desktop that has one (GNOME, KDE, Xfce) or start one such as dunst or mako, and check ` + "`bedtime doctor`"
	if got := err.Error(); got != want {
		t.Errorf("error = %q, want %q", got, want)
	}
	var ns *notify.NotShownError
	if !errors.As(err, &ns) || !strings.HasPrefix(ns.Detail(), "d-bus: no notification server on the session bus (") || strings.Contains(ns.Detail(), "beeep") {
		t.Errorf("detail = %q, want the D-Bus backend's error (Linux has no other)", ns.Detail())
	}
	if n := h.log.Count("level=DEBUG"); n != 0 {
		t.Errorf("debug lines at the default level: %d", n)
	}
	// The log fallback has the message.
	if n := h.log.Count(`msg=reminder reminder=water title=Water body="a glass"`); n != 1 {
		t.Errorf("log fallback lines = %d, want 1:\n%s", n, h.log)
	}
}

func TestServerKilledMidRun(t *testing.T) {
	h := newHarness(t, notify.Options{RetryMin: time.Millisecond, RetryMax: 10 * time.Millisecond})
	srv := h.bus.StartServer(t, notifytest.DefaultConfig)
	h.notify(t, notify.Message{Reminder: "water", Title: "Water 1"})
	srv.Next(t)

	srv.Stop()
	h.notify(t, notify.Message{Reminder: "water", Title: "Water 2"})
	srv.Restart(t)
	if got, want := srv.Next(t).Summary, "Water 2"; got != want {
		t.Fatalf("after restart: summary = %q, want %q", got, want)
	}
	// The new server's notifications answer as before.
	h.notify(t, notify.Message{Reminder: "stretch", Title: "Stretch"})
	n := srv.Next(t)
	if err := srv.InvokeAction(n.ID, "done"); err != nil {
		t.Fatal(err)
	}
	h.wantResponse(t, "stretch", notify.Done)
}

func TestCallTimeout(t *testing.T) {
	h := newHarness(t, notify.Options{CallTimeout: 50 * time.Millisecond, RetryFor: -1})
	srv := h.bus.StartServer(t, notifytest.DefaultConfig)
	release := srv.Hold()
	defer release()
	// The server never answers while held: Notify returns only because
	// the call's timeout ends it.
	err := h.d.Notify(context.Background(), notify.Message{Reminder: "water", Title: "Water"})
	if !errors.Is(err, notify.ErrTimeout) {
		t.Fatalf("Notify to a stuck server = %v, want ErrTimeout", err)
	}
}

func TestDoNotDisturb(t *testing.T) {
	h := newHarness(t, notify.Options{RetryMin: time.Millisecond, RetryMax: time.Minute})
	srv := h.bus.StartServer(t, notifytest.DefaultConfig)
	if err := srv.SetInhibited(true); err != nil {
		t.Fatal(err)
	}
	h.notify(t, notify.Message{Reminder: "stretch", Title: "Stretch", Deadline: time.Now().Add(time.Minute)})
	if calls := srv.Calls(); len(calls) != 0 {
		t.Fatalf("%d Notify calls during do not disturb, want 0", len(calls))
	}
	if err := srv.SetInhibited(false); err != nil {
		t.Fatal(err)
	}
	if got, want := srv.Next(t).Summary, "Stretch"; got != want {
		t.Fatalf("after do not disturb: summary = %q, want %q", got, want)
	}
	if n := h.log.Count("do not disturb is on"); n != 1 {
		t.Errorf("%d do-not-disturb lines, want 1:\n%s", n, h.log)
	}
}

func TestDoNotDisturbPastDeadline(t *testing.T) {
	h := newHarness(t, notify.Options{RetryMin: time.Millisecond, RetryMax: time.Millisecond})
	srv := h.bus.StartServer(t, notifytest.DefaultConfig)
	if err := srv.SetInhibited(true); err != nil {
		t.Fatal(err)
	}
	h.notify(t, notify.Message{Reminder: "stretch", Title: "Stretch", Deadline: time.Now().Add(30 * time.Millisecond)})
	h.wantResponse(t, "stretch", notify.Missed)
	if calls := srv.Calls(); len(calls) != 0 {
		t.Fatalf("%d Notify calls during do not disturb, want 0", len(calls))
	}
}

func TestCloseReportsHeld(t *testing.T) {
	h := newHarness(t, notify.Options{})
	h.notify(t, notify.Message{Reminder: "water", Title: "Water"})
	h.d.Close()
	h.wantResponse(t, "water", notify.Missed)
}

func TestNoSessionBus(t *testing.T) {
	// A fake dbus-launch first on PATH records whether anything runs it.
	bin := t.TempDir()
	marker := filepath.Join(t.TempDir(), "dbus-launch-ran")
	script := "#!/bin/sh\necho ran >> '" + marker + "'\nexit 1\n"
	if err := os.WriteFile(filepath.Join(bin, "dbus-launch"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	if p, err := exec.LookPath("dbus-launch"); err != nil || p != filepath.Join(bin, "dbus-launch") {
		t.Fatalf("dbus-launch resolves to %q, %v; want the fake", p, err)
	}

	for _, tt := range []struct{ name, addr string }{
		{"unset", ""},
		{"autolaunch", "autolaunch:"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("DBUS_SESSION_BUS_ADDRESS", tt.addr)
			runtime := t.TempDir()
			t.Setenv("XDG_RUNTIME_DIR", runtime)

			h := newDesktop(t, nil, notify.Options{})
			err := h.d.Notify(context.Background(), notify.Message{Reminder: "water", Title: "Water"})
			if !errors.Is(err, notify.ErrNoSessionBus) {
				t.Fatalf("Notify = %v, want ErrNoSessionBus", err)
			}
			if !strings.Contains(err.Error(), "no session bus") {
				t.Errorf("error %q does not say %q", err, "no session bus")
			}
			if _, err := notify.Probe(context.Background()); !errors.Is(err, notify.ErrNoSessionBus) {
				t.Errorf("Probe = %v, want ErrNoSessionBus", err)
			}
			if _, err := notify.FindSessionBus(); err == nil || (tt.addr == "" && !strings.Contains(err.Error(), filepath.Join(runtime, "bus"))) {
				t.Errorf("FindSessionBus error %v does not name %s", err, filepath.Join(runtime, "bus"))
			}
			h.d.Close()
			if _, err := os.Stat(marker); err == nil {
				t.Fatal("dbus-launch was run")
			}
			if n := h.log.Count("no session bus"); n != 1 {
				t.Errorf("%d no-session-bus log lines, want 1:\n%s", n, h.log)
			}
		})
	}
}

func TestProbe(t *testing.T) {
	bus := notifytest.StartBus(t)
	bus.Setenv(t)
	cfg := notifytest.Config{Name: "dunst", Vendor: "knopwob", Version: "1.9.0", SpecVersion: "1.2",
		Capabilities: []string{"body", "actions"}}
	bus.StartServer(t, cfg)
	r, err := notify.Probe(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r.Bus, (notify.BusAddress{Address: bus.Address, Source: "DBUS_SESSION_BUS_ADDRESS"}); got != want {
		t.Errorf("bus = %+v, want %+v", got, want)
	}
	if got, want := r.Server, (notify.ServerInfo{Name: "dunst", Vendor: "knopwob", Version: "1.9.0", SpecVersion: "1.2"}); got != want {
		t.Errorf("server = %+v, want %+v", got, want)
	}
	if !reflect.DeepEqual(r.Capabilities, cfg.Capabilities) || !r.Actions() || r.Has("body-markup") {
		t.Errorf("capabilities = %q, actions %v", r.Capabilities, r.Actions())
	}
	if !r.InhibitedKnown || r.Inhibited {
		t.Errorf("inhibited = %v (known %v), want false (known)", r.Inhibited, r.InhibitedKnown)
	}
}

func TestProbeRuntimeDirBus(t *testing.T) {
	bus := notifytest.StartBus(t)
	// dbus-daemon listens on unix:path=...,guid=...: link $XDG_RUNTIME_DIR/bus to it.
	sock := strings.TrimPrefix(strings.Split(bus.Address, ",")[0], "unix:path=")
	if sock == bus.Address {
		t.Fatalf("unexpected bus address %q", bus.Address)
	}
	runtime := t.TempDir()
	if err := os.Symlink(sock, filepath.Join(runtime, "bus")); err != nil {
		t.Fatal(err)
	}
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	t.Setenv("XDG_RUNTIME_DIR", runtime)

	_, err := notify.Probe(context.Background())
	if !errors.Is(err, notify.ErrNoServer) {
		t.Fatalf("Probe with no server = %v, want ErrNoServer", err)
	}
	bus.StartServer(t, notifytest.DefaultConfig)
	r, err := notify.Probe(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r.Bus.Source, filepath.Join(runtime, "bus"); got != want {
		t.Errorf("bus source = %q, want %q", got, want)
	}
	if got, want := r.Server.Name, "notifytest"; got != want {
		t.Errorf("server name = %q, want %q", got, want)
	}
}
