package routine

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/scheduler"
)

// Player plays a routine: it prints each step and counts its hold
// down, and shows each step as a notification.
type Player struct {
	// Out receives the steps and the countdown.
	Out io.Writer
	// Warn receives a warning when a notification cannot be shown.
	Warn io.Writer
	// Explain says why a notification could not be shown, in Locale's
	// language; nil says the error as it is.
	Explain func(error) string
	// Terminal redraws the countdown on one line with \r and rings the
	// bell at each new step; otherwise the countdown is plain lines, one
	// every ten seconds.
	Terminal bool
	// Width wraps the steps' text at words to this many columns; zero
	// does not wrap.
	Width int
	// Notifier shows each step; every message carries the routine's name as
	// its Reminder, so each step replaces the previous notification.
	Notifier notify.Notifier
	// Clock tells the time and waits: the scheduler's clock.
	Clock scheduler.Clock
	// Sound is the freedesktop sound name played with each step's
	// notification where the server plays sounds; empty for none.
	Sound string
	// Scheduled is the reminder's instant that started the routine; every
	// step's message carries it, with its step number, so that news of a
	// step is never taken for news of the reminder.
	Scheduled time.Time
	// Locale is the language of the steps' notifications (their "(1 of
	// 9)", the Stop button, the closing "Done."); nil is English. The
	// routine's own texts come translated already (content.In).
	Locale *locale.Locale

	warned bool
}

// stepLinger is how much longer than its hold a step's notification stays,
// so that it is still there when the countdown ends.
const stepLinger = 5 * time.Second

// Play plays r to the end, or until ctx is done, when it returns ctx's
// error and takes the last step's notification off the screen.
func (p *Player) Play(ctx context.Context, r content.Routine) (err error) {
	defer func() {
		if err != nil {
			if w, ok := p.Notifier.(notify.Withdrawer); ok {
				wctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), notifyTimeout)
				w.Withdraw(wctx, r.Name)
				cancel()
			}
		}
	}()
	n := len(r.Steps)
	fmt.Fprint(p.Out, p.Locale.Sprintf("%s: %d steps, about %s. Press Ctrl+C to stop.", r.Title, n, formatAbout(r.Duration()))+"\n\n")
	for i, s := range r.Steps {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p.Terminal && i > 0 {
			fmt.Fprint(p.Out, "\a")
		}
		fmt.Fprintln(p.Out, Wrap(p.Locale.Sprintf("Step %d of %d: %s", i+1, n, s.Text), p.Width, "  "))
		expire := time.Duration(0)
		if s.Hold > 0 {
			expire = s.Hold + stepLinger
		}
		p.notify(ctx, notify.Message{
			Reminder:  r.Name,
			Title:     p.Locale.Sprintf("%s (%d of %d)", r.Title, i+1, n),
			Body:      s.Text,
			Stop:      true,
			Labels:    notify.LabelsIn(p.Locale),
			Expire:    expire,
			Sound:     p.Sound,
			Scheduled: p.Scheduled,
			Step:      i + 1,
		})
		if err := p.countdown(ctx, s.Hold); err != nil {
			return err
		}
	}
	done := r.Done
	if done == "" {
		done = p.Locale.Sprintf("Done.")
	}
	fmt.Fprintf(p.Out, "\n%s\n", done)
	p.notify(ctx, notify.Message{Reminder: r.Name, Title: r.Title, Body: done, NoActions: true, Scheduled: p.Scheduled, Step: n + 1})
	return nil
}

// notify shows m, warning once on Warn if it cannot.
func (p *Player) notify(ctx context.Context, m notify.Message) {
	ctx, cancel := context.WithTimeout(ctx, notifyTimeout)
	defer cancel()
	err := p.Notifier.Notify(ctx, m)
	if err != nil && !p.warned {
		p.warned = true
		why := err.Error()
		if p.Explain != nil {
			why = p.Explain(err)
		}
		fmt.Fprintln(p.Warn, p.Locale.Sprintf("bedtime: cannot show the step as a notification (going on in the terminal only): %s", why))
	}
}

// countdown waits for hold, showing the time left.
func (p *Player) countdown(ctx context.Context, hold time.Duration) error {
	if hold <= 0 {
		return nil
	}
	end := p.Clock.Now().Add(hold)
	width := 0
	for {
		left := end.Sub(p.Clock.Now())
		if left <= 0 {
			break
		}
		secs := int((left + time.Second - 1) / time.Second) // rounded up
		var next int                                        // the whole second to wake at
		if p.Terminal {
			line := "\r  " + p.Locale.Sprintf("%s left", formatClock(secs))
			fmt.Fprint(p.Out, pad(line, width))
			width = len(line)
			next = secs - 1
		} else {
			if secs%10 == 0 || width == 0 {
				fmt.Fprintf(p.Out, "  %s\n", p.Locale.Sprintf("%s left", formatClock(secs)))
				width = 1
			}
			next = (secs - 1) / 10 * 10
		}
		if err := p.sleep(ctx, left-time.Duration(next)*time.Second); err != nil {
			if p.Terminal {
				fmt.Fprintln(p.Out)
			}
			return err
		}
	}
	if p.Terminal {
		fmt.Fprint(p.Out, pad("\r  "+p.Locale.Sprintf("done"), width)+"\n")
	}
	return nil
}

// sleep waits for d on the clock, or until ctx is done and returns its
// error.
func (p *Player) sleep(ctx context.Context, d time.Duration) error {
	until := p.Clock.Now().Add(d)
	for p.Clock.Now().Before(until) {
		if err := ctx.Err(); err != nil {
			return err
		}
		p.Clock.WaitUntil(ctx, until)
	}
	return ctx.Err()
}

// Wrap breaks s into lines of at most width columns at spaces, indenting
// the lines after the first with indent. Only ASCII spaces are break
// points: a no-break space (between a number and its unit) never is. A
// word longer than a line stays whole. Zero width does not wrap.
func Wrap(s string, width int, indent string) string {
	if width <= 0 {
		return s
	}
	var b strings.Builder
	col := 0
	for i, word := range strings.Split(s, " ") {
		w := len([]rune(word))
		switch {
		case i == 0:
		case col+1+w > width && col > len(indent):
			b.WriteString("\n" + indent)
			col = len(indent)
		default:
			b.WriteByte(' ')
			col++
		}
		b.WriteString(word)
		col += w
	}
	return b.String()
}

// pad pads s with spaces to width, so it covers a longer line drawn before.
func pad(s string, width int) string {
	if len(s) < width {
		s += strings.Repeat(" ", width-len(s))
	}
	return s
}

// formatClock formats secs as m:ss.
func formatClock(secs int) string {
	return fmt.Sprintf("%d:%02d", secs/60, secs%60)
}

// formatAbout formats d for people: "45 s", "4 min", "4 min 30 s", each
// number joined to its unit by a no-break space so that no line breaks
// between them.
func formatAbout(d time.Duration) string {
	secs := int(d.Round(time.Second) / time.Second)
	switch {
	case secs < 60:
		return fmt.Sprintf("%d\u00a0s", secs)
	case secs%60 == 0:
		return fmt.Sprintf("%d\u00a0min", secs/60)
	default:
		return fmt.Sprintf("%d\u00a0min %d\u00a0s", secs/60, secs%60)
	}
}

// notifyTimeout bounds how long one step's notification may take, so a slow
// or absent notification server never stalls the routine.
const notifyTimeout = 2 * time.Second
