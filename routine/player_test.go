package routine

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/scheduler"
)

// recorder is a notifier that records the messages and the withdrawals.
type recorder struct {
	mu        sync.Mutex
	msgs      []notify.Message
	withdrawn []string
}

func (r *recorder) Notify(ctx context.Context, m notify.Message) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.msgs = append(r.msgs, m)
	return nil
}

func (r *recorder) Withdraw(ctx context.Context, reminder string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.withdrawn = append(r.withdrawn, reminder)
	return nil
}

var test = content.Routine{Name: "calf-stretch", Title: "Calf stretch", Steps: []content.Step{
	{Text: "Left calf against the wall: hold 30\u00a0s", Hold: 30 * time.Second},
	{Text: "Ankle circles"},
}}

// TestStepsStayForTheirHold: each step is a notification with a Stop
// button that stays for its hold and a little more, carries the firing's
// instant and step, and plays the sound asked for.
func TestStepsStayForTheirHold(t *testing.T) {
	sched := time.Date(2026, 11, 25, 22, 0, 0, 0, time.UTC)
	clock := scheduler.NewFakeClock(sched)
	rec := &recorder{}
	p := &Player{Out: &bytes.Buffer{}, Warn: &bytes.Buffer{}, Notifier: rec, Clock: clock, Scheduled: sched, Sound: "bell"}
	done := make(chan error, 1)
	go func() { done <- p.Play(context.Background(), test) }()
	// The first step waits 30 s on the fake clock.
	for clock.Waiters() == 0 {
		<-clock.Waiting()
	}
	clock.Advance(30 * time.Second)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if len(rec.msgs) != 3 {
		t.Fatalf("%d messages, want two steps and the closing one", len(rec.msgs))
	}
	first := rec.msgs[0]
	if !first.Stop || first.Expire != 35*time.Second || first.Step != 1 || !first.Scheduled.Equal(sched) || first.Sound != "bell" || first.Reminder != "calf-stretch" {
		t.Errorf("first step = %+v, want a Stop button, 35 s on screen, step 1 of the 22:00 firing, the bell", first)
	}
	if second := rec.msgs[1]; second.Expire != 0 || second.Step != 2 {
		t.Errorf("step without a hold = %+v, want the server's own time on screen", second)
	}
	if len(rec.withdrawn) != 0 {
		t.Errorf("a finished routine withdrew %v", rec.withdrawn)
	}
}

// TestStopClosesTheLastStep: stopped in the middle (Ctrl+C, the Stop
// button), the routine ends at once and takes its step off the screen.
func TestStopClosesTheLastStep(t *testing.T) {
	clock := scheduler.NewFakeClock(time.Date(2026, 11, 25, 22, 0, 0, 0, time.UTC))
	rec := &recorder{}
	p := &Player{Out: &bytes.Buffer{}, Warn: &bytes.Buffer{}, Notifier: rec, Clock: clock}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- p.Play(ctx, test) }()
	for clock.Waiters() == 0 {
		<-clock.Waiting()
	}
	cancel()
	if err := <-done; err != context.Canceled {
		t.Fatalf("Play = %v, want context.Canceled", err)
	}
	if len(rec.withdrawn) != 1 || rec.withdrawn[0] != "calf-stretch" {
		t.Errorf("withdrawn %v, want the routine's notification", rec.withdrawn)
	}
	if len(rec.msgs) != 1 {
		t.Errorf("%d messages after a stop in step 1, want 1", len(rec.msgs))
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		s     string
		width int
		want  string
	}{
		{"Step 1 of 9: Left calf against the wall: hold 30\u00a0s (1 of 3)", 30,
			"Step 1 of 9: Left calf against\n  the wall: hold 30\u00a0s (1 of 3)"},
		{"Step 1 of 9: Left calf against the wall: hold 30\u00a0s (1 of 3)", 24,
			"Step 1 of 9: Left calf\n  against the wall: hold\n  30\u00a0s (1 of 3)"},
		{"short", 30, "short"},
		{"no wrapping at all when the width is unknown", 0, "no wrapping at all when the width is unknown"},
		{"averyveryverylongwordthatdoesnotfit here", 10, "averyveryverylongwordthatdoesnotfit\n  here"},
	}
	for _, tt := range tests {
		got := Wrap(tt.s, tt.width, "  ")
		if got != tt.want {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tt.s, tt.width, got, tt.want)
		}
		for _, line := range strings.Split(got, "\n") {
			if tt.width > 0 && len([]rune(line)) > tt.width && !strings.Contains(line, "averyvery") {
				t.Errorf("line %q is longer than %d", line, tt.width)
			}
		}
		if strings.Contains(got, "30\n") {
			t.Errorf("Wrap broke a number from its unit: %q", got)
		}
	}
}
