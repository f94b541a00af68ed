package channel_test

import (
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/channel"
)

// TestPhoneQuestion: a question goes to the phone with one button per
// answer instead of Done and Snooze, and the button pressed comes back as
// its choice.
func TestPhoneQuestion(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		f := newFixture(t)
		d := f.open()
		q := channel.Message{Title: "Leg cramps last night?", Body: "One tap", Answers: true, Choices: []string{"None", "Some", "Bad"}}
		if err := d.Send("cramp-diary", f.at, time.Now().Add(time.Hour), q, []string{"phone"}); err != nil {
			t.Fatal(err)
		}
		if r := f.final(); r.State != channel.StateSent {
			t.Fatalf("report = %+v, want sent", r)
		}
		m := f.srv.Messages(topic)[0]
		var labels []string
		for _, a := range m.Actions {
			labels = append(labels, a.Label)
		}
		if got, want := len(labels), 3; got != want || labels[0] != "None" || labels[2] != "Bad" {
			t.Fatalf("buttons = %v, want None, Some, Bad", labels)
		}
		f.waitSubscribed()
		f.press(m, "Bad")
		a := f.answer(d)
		if i, ok := a.Action.Choice(); a.Reminder != "cramp-diary" || !ok || i != 2 {
			t.Fatalf("answer = %+v, want the third choice", a)
		}
		f.press(m, "None") // one outcome per instant
		noAnswer(t, d, time.Minute)
	})
}

func TestChoiceAction(t *testing.T) {
	for _, tc := range []struct {
		a    channel.Action
		i    int
		isIt bool
	}{
		{channel.ChoiceAction(0), 0, true}, {channel.ChoiceAction(9), 9, true}, {"choice-10", 0, false}, {"choice-01", 0, false},
		{"choice--1", 0, false}, {"choice-", 0, false}, {channel.ActionDone, 0, false},
	} {
		if i, ok := tc.a.Choice(); i != tc.i || ok != tc.isIt {
			t.Errorf("%q.Choice() = %d, %v; want %d, %v", tc.a, i, ok, tc.i, tc.isIt)
		}
	}
}
