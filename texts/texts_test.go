package texts

import (
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/content"
)

func TestChooserOverridesWin(t *testing.T) {
	at := time.Date(2026, 11, 25, 20, 30, 0, 0, time.UTC)
	builtin, _ := content.Texts("magnesium")
	tests := []struct {
		name string
		r    config.Reminder
		want func(content.Text) bool
	}{
		{"built-in", config.Reminder{Name: "magnesium"}, func(x content.Text) bool {
			for _, b := range builtin {
				if b == x {
					return true
				}
			}
			return false
		}},
		{"title only", config.Reminder{Name: "magnesium", Title: "Pill time"}, func(x content.Text) bool {
			return x.Title == "Pill time" && x.Body != ""
		}},
		{"both", config.Reminder{Name: "magnesium", Title: "T", Message: "M"}, func(x content.Text) bool {
			return x == content.Text{Title: "T", Body: "M"}
		}},
		{"own variants", config.Reminder{Name: "walk", Variants: []content.Text{{Title: "A", Body: "a"}}}, func(x content.Text) bool {
			return x == content.Text{Title: "A", Body: "a"}
		}},
		{"custom with message only", config.Reminder{Name: "walk", Message: "Go"}, func(x content.Text) bool {
			return x == content.Text{Title: "walk", Body: "Go"}
		}},
	}
	for _, tt := range tests {
		tt.r.Location = time.UTC
		if got := NewChooser().Text(tt.r, at, ""); !tt.want(got) {
			t.Errorf("%s: got %+v", tt.name, got)
		}
	}
}

func TestChooserNeverRepeatsBackToBack(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	r := config.Reminder{Name: "hydration", Location: berlin}
	tx := NewChooser()
	prev := content.Text{}
	at := time.Date(2026, 10, 1, 8, 0, 0, 0, berlin)
	for i := 0; i < 31*7; i++ {
		got := tx.Text(r, at, "")
		if got == prev {
			t.Fatalf("same text twice in a row at %v: %q", at, got.Title)
		}
		prev = got
		at = at.Add(2 * time.Hour)
		if at.Hour() > 20 {
			at = time.Date(at.Year(), at.Month(), at.Day()+1, 8, 0, 0, 0, berlin)
		}
	}
}
