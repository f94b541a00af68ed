package texts

import (
	"slices"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/content"
)

// TestTextIn: the built-in texts and the morning question come in the
// asked language; the user's own words stay as written.
func TestTextIn(t *testing.T) {
	at := time.Date(2026, 11, 27, 20, 30, 0, 0, time.UTC)
	de := content.In("de")
	q := content.CrampQuestion()
	tests := []struct {
		name string
		r    config.Reminder
		want func(content.Text) bool
	}{
		{"built-in", config.Reminder{Name: "magnesium", Location: time.UTC}, func(x content.Text) bool {
			vs, _ := de.Texts("magnesium")
			return slices.Contains(vs, x)
		}},
		{"question", config.Reminder{Name: "morning", Location: time.UTC, Ask: config.AskCramps, Title: q.Title, Message: q.Body},
			func(x content.Text) bool { return x == de.CrampQuestion() }},
		{"own words", config.Reminder{Name: "magnesium", Location: time.UTC, Title: "Pill", Message: "Take it."},
			func(x content.Text) bool { return x == content.Text{Title: "Pill", Body: "Take it."} }},
		{"own question", config.Reminder{Name: "morning", Location: time.UTC, Ask: config.AskCramps, Title: "Cramps?", Message: "Tell me."},
			func(x content.Text) bool { return x.Title == "Cramps?" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NewChooser().TextIn("de", tt.r, at, ""); !tt.want(got) {
				t.Errorf("TextIn(de) = %+v", got)
			}
		})
	}
	// The same firing picks the same variant in every language.
	r := config.Reminder{Name: "hydration", Location: time.UTC}
	en, _ := content.Texts("hydration")
	fr, _ := content.In("fr").Texts("hydration")
	ge, gf := NewChooser().Text(r, at, ""), NewChooser().TextIn("fr", r, at, "")
	if slices.Index(en, ge) != slices.Index(fr, gf) || slices.Index(en, ge) < 0 {
		t.Errorf("English variant %d, French variant %d: the rotation differs by language", slices.Index(en, ge), slices.Index(fr, gf))
	}
}
