package texts

import (
	"sync"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/locale"
)

// Chooser chooses the words of each firing: the user's own variants, else
// the built-in ones, rotated so the same text never shows twice in a row;
// the user's title and message, when set, win over the chosen variant.
// It is safe for concurrent use.
type Chooser struct {
	mu  sync.Mutex
	rot map[string]*rotation
}

type rotation struct {
	day       string // the local date of the last firing
	seq, prev int
}

// NewChooser returns a Chooser that has shown nothing yet.
func NewChooser() *Chooser { return &Chooser{rot: map[string]*rotation{}} }

// Text returns the title and body for a firing of r at t. routineTitle
// names the reminder's routine, if it has one, for a reminder with no text.
func (tx *Chooser) Text(r config.Reminder, t time.Time, routineTitle string) content.Text {
	return tx.TextIn("en", r, t, routineTitle)
}

// TextIn is Text with the built-in texts in lang (content.In): the
// rotation is the same in every language, so a change of language never
// repeats a text.
func (tx *Chooser) TextIn(lang string, r config.Reminder, t time.Time, routineTitle string) content.Text {
	variants := r.Variants
	if len(variants) == 0 {
		variants, _ = content.In(lang).Texts(r.Name)
	}
	var chosen content.Text
	if len(variants) > 0 {
		tx.mu.Lock()
		rt, ok := tx.rot[r.Name]
		if !ok {
			rt = &rotation{prev: -1}
			tx.rot[r.Name] = rt
		}
		local := t.In(r.Location)
		if day := local.Format("2006-01-02"); day != rt.day {
			rt.day, rt.seq = day, 0
		}
		i := content.Pick(len(variants), local, rt.seq, rt.prev)
		rt.seq++
		rt.prev = i
		tx.mu.Unlock()
		chosen = variants[i]
	}
	if r.Title != "" {
		chosen.Title = r.Title
	}
	if r.Message != "" {
		chosen.Body = r.Message
	}
	if chosen.Title == "" {
		chosen.Title = r.Name
		if routineTitle != "" {
			chosen.Title = routineTitle
		}
	}
	if r.Ask != "" && chosen == content.CrampQuestion() {
		// The built-in morning question, in the person's language.
		chosen = content.In(lang).CrampQuestion()
	}
	return chosen
}

// VariantError is ForIn's error for a variant the reminder does not have.
type VariantError struct {
	Variant  int    // the variant asked for, from 1
	Reminder string // the reminder's name
	Have     int    // how many variants it has
}

func (e *VariantError) Error() string { return e.In(locale.English) }

// In is the error in l's language (a catalog message).
func (e *VariantError) In(l *locale.Locale) string {
	return l.Sprintf("--variant %d: %s has %d text variants", e.Variant, e.Reminder, e.Have)
}

// For returns the text a firing of r in s shows at now, or its
// variant-th variant (1-based) when variant > 0.
func For(s *config.Schedule, r config.Reminder, now time.Time, variant int) (content.Text, error) {
	return ForIn("en", s, r, now, variant)
}

// ForIn is For with the built-in texts in lang.
func ForIn(lang string, s *config.Schedule, r config.Reminder, now time.Time, variant int) (content.Text, error) {
	routineTitle := ""
	if rt, ok := s.Routine(r.Routine); ok {
		routineTitle = rt.Title
	}
	if variant > 0 {
		variants := r.Variants
		if len(variants) == 0 {
			variants, _ = content.In(lang).Texts(r.Name)
		}
		if variant > len(variants) {
			return content.Text{}, &VariantError{Variant: variant, Reminder: r.Name, Have: len(variants)}
		}
		r.Variants = variants[variant-1 : variant]
	}
	return NewChooser().TextIn(lang, r, now, routineTitle), nil
}
