package daemon

import (
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/diary"
)

func TestDiaryAnswer(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	q := config.Reminder{Name: "cramp-diary", Ask: config.AskCramps, Location: berlin}
	six := time.Date(2026, 3, 29, 6, 0, 0, 0, berlin) // the morning the clocks went forward
	late := time.Date(2026, 3, 29, 17, 40, 0, 0, berlin)
	for _, tc := range []struct {
		name   string
		r      config.Reminder
		choice int
		source string
		want   diary.Entry
		ok     bool
	}{
		{"none on the desktop", q, 0, "button", diary.Entry{Night: "2026-03-28", At: late, Via: diary.ViaDesktop, Answer: diary.AnswerNone}, true},
		{"some on the phone", q, 1, "phone", diary.Entry{Night: "2026-03-28", At: late, Via: diary.ViaPhone, Answer: diary.AnswerSome}, true},
		{"bad", q, 2, "button", diary.Entry{Night: "2026-03-28", At: late, Via: diary.ViaDesktop, Answer: diary.AnswerBad}, true},
		{"a fourth button", q, 3, "button", diary.Entry{}, false},
		{"a reminder asks nothing", config.Reminder{Name: "magnesium"}, 0, "button", diary.Entry{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := diaryAnswer(tc.r, six, late, tc.choice, tc.source)
			if ok != tc.ok || got.Night != tc.want.Night || got.Via != tc.want.Via || got.Answer != tc.want.Answer || !got.At.Equal(tc.want.At) {
				t.Fatalf("diaryAnswer = %+v, %v; want %+v, %v", got, ok, tc.want, tc.ok)
			}
		})
	}
}
