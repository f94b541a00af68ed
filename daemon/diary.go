package daemon

import (
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/diary"
)

// questionChoices returns the button labels of r's question (ask:
// cramps: None, Some, Bad), nil for a reminder with Done and Snooze.
func questionChoices(r config.Reminder) []string {
	if r.Ask != config.AskCramps {
		return nil
	}
	var labels []string
	for _, a := range content.CrampAnswers() {
		labels = append(labels, a.Label)
	}
	return labels
}

// diaryAnswer is the diary entry that button i of r's morning question,
// shown for the instant scheduled, makes when pressed at now on source
// ("button" for the desktop, else a channel): the answer is about the
// night before the day the question was due, whenever it is given.
func diaryAnswer(r config.Reminder, scheduled, now time.Time, i int, source string) (diary.Entry, bool) {
	answers := content.CrampAnswers()
	if r.Ask != config.AskCramps || i < 0 || i >= len(answers) {
		return diary.Entry{}, false
	}
	loc := r.Location
	if loc == nil {
		loc = time.Local
	}
	via := diary.ViaDesktop
	if source != "button" {
		via = diary.ViaPhone
	}
	return diary.Entry{Night: diary.LastNight(scheduled, loc), At: now, Via: via, Answer: diary.Answer(answers[i].Key)}, true
}

// recordAnswer appends e to the cramp diary in the state directory, before
// the instant's Done is recorded. It runs whether or not the instant was
// still open: a second answer (the phone after the desktop) is a
// correction, and the latest one wins.
func (d *daemon) recordAnswer(e diary.Entry) {
	if err := diary.Open(d.store.Dir(), d.log).Append(e); err != nil {
		d.log.Error("cannot write the cramp diary", "night", e.Night, "err", err)
		return
	}
	d.log.Info("diary answer", "night", e.Night, "answer", string(e.Answer), "via", e.Via)
}
