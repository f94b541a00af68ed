package daemon

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/bedtime-app/bedtime/channel"
	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/state"
)

// tags are the ntfy tags (emoji short codes) of the built-in reminders.
var tags = map[string][]string{
	"movement":        {"walking"},
	"hydration":       {"droplet"},
	"magnesium":       {"pill"},
	"calf-stretch":    {"bed"},
	"morning-stretch": {"sunrise"},
}

// useChannels opens the dispatcher of the schedule's channels (ntfy,
// command), or gives it the channels of a reloaded schedule, and follows
// the answers that come back from them.
func (d *daemon) useChannels(ctx context.Context, s *config.Schedule) {
	if d.o.HandOver != nil && d.o.HandOver(s) {
		d.log.Info("schedule handed over to another program")
		return
	}
	chans, err := channel.FromConfig(s, d.o.Ntfy, d.log)
	if err != nil {
		d.log.Error("a channel cannot be used", "err", err)
	}
	d.mu.Lock()
	disp := d.disp
	d.mu.Unlock()
	if disp != nil {
		disp.SetChannels(chans)
		return
	}
	if len(chans) == 0 {
		return
	}
	disp, err = channel.Open(channel.Options{Dir: d.o.StateDir, Channels: chans, Logger: d.log, Report: d.channelReport, Clock: d.o.Clock})
	if err != nil {
		d.log.Error("cannot use the channels", "err", err)
		return
	}
	d.mu.Lock()
	d.disp = disp
	d.mu.Unlock()
	d.bg.Add(1)
	go func() {
		defer d.bg.Done()
		for {
			select {
			case <-ctx.Done():
				return
			case a, ok := <-disp.Answers():
				if !ok {
					return
				}
				d.channelAnswer(a)
			}
		}
	}()
}

// sendChannels sends the firing to the named channels (not the desktop),
// with the words the channel adds (buttons, a private channel's text) and
// the question's answers in l's language.
func (d *daemon) sendChannels(f *firing, l *locale.Locale, title, body string, names []string) {
	d.mu.Lock()
	disp := d.disp
	d.mu.Unlock()
	if disp == nil || len(names) == 0 {
		return
	}
	deadline := f.ev.At.Add(max(f.r.CatchUp, 15*time.Minute))
	m := channel.Message{Title: title, Body: body, Tags: tags[f.r.Name], Answers: true, Choices: questionChoices(f.r), Lang: l.String(), Showing: f.ev.At}
	for i, c := range m.Choices {
		m.Choices[i] = l.Sprintf(c)
	}
	if err := disp.Send(f.r.Name, f.instant, deadline, m, names); err != nil {
		d.log.Error("cannot send to the channels", "reminder", f.r.Name, "channels", names, "err", err)
	}
}

// otherChannels returns r's channels other than the desktop, and whether
// the desktop is one of them.
func otherChannels(r config.Reminder) (others []string, desktop bool) {
	if len(r.Channels) == 0 {
		return nil, true
	}
	for _, c := range r.Channels {
		if c == config.Desktop {
			desktop = true
		} else {
			others = append(others, c)
		}
	}
	return others, desktop
}

// phoneChannels are where when_away: phone sends a reminder: its own
// channels other than the desktop, or else every channel of the schedule.
func phoneChannels(s *config.Schedule, r config.Reminder) []string {
	if others, _ := otherChannels(r); len(others) > 0 {
		return others
	}
	var all []string
	for name := range s.Channels {
		all = append(all, name)
	}
	slices.Sort(all)
	return all
}

// channelReport records what a channel did with a firing: a delivery is a
// "sent" line in the history (and makes the instant shown when nothing
// showed it yet); a channel that gives up is logged.
func (d *daemon) channelReport(r channel.Report) {
	switch r.State {
	case channel.StateSent:
		detail := ""
		if r.ExitCode >= 0 {
			detail = fmt.Sprintf("exit status %d", r.ExitCode)
		}
		d.log.Info("sent", "reminder", r.Reminder, "channel", r.Channel, "attempt", r.Attempt)
		now := d.o.Clock.Now()
		d.w.submit(func(tx *state.Tx) {
			tx.Record(state.Event{At: now, Reminder: r.Reminder, Kind: state.Sent, Scheduled: r.Scheduled, Via: r.Channel, Detail: detail})
			if in, ok := tx.Open(r.Reminder); ok && in.Scheduled.Equal(r.Scheduled) && (in.Status == state.Due || in.Status == state.Held) {
				tx.Step(state.Step{Reminder: r.Reminder, Scheduled: r.Scheduled, Kind: state.Shown, At: now, Via: r.Channel})
			}
		}, nil)
	case channel.StateFailed:
		d.log.Warn("a channel gave up", "reminder", r.Reminder, "channel", r.Channel, "attempts", r.Attempt, "err", fmt.Sprint(r.Err))
	default:
		d.log.Debug("a channel will try again", "reminder", r.Reminder, "channel", r.Channel, "next", r.Next.Format(time.RFC3339), "err", fmt.Sprint(r.Err))
	}
}

// channelAnswer applies an answer from a channel (Done or Snooze pressed
// on the phone) exactly like the desktop button, and takes the desktop
// notification off the screen.
func (d *daemon) channelAnswer(a channel.Answer) {
	action := notify.Done
	if a.Action == channel.ActionSnooze {
		action = notify.Snooze
	}
	if i, ok := a.Action.Choice(); ok {
		action = notify.ChoiceAction(i)
	}
	d.respondFrom(notify.Response{Reminder: a.Reminder, Action: action, At: a.Time, Scheduled: a.Scheduled}, a.Channel)
	if w, ok := d.notifier.(notify.Withdrawer); ok && d.ctx != nil {
		if err := w.Withdraw(d.ctx, a.Reminder); err != nil {
			d.log.Debug("cannot close the notification", "reminder", a.Reminder, "err", err)
		}
	}
}
