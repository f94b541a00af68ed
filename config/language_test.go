package config

import "testing"

// TestLanguageKey: language: sets the schedule's language, which wins over
// the environment; without it the environment decides.
func TestLanguageKey(t *testing.T) {
	env := func(k string) string { return map[string]string{"LANG": "fr_FR.UTF-8"}[k] }
	tests := []struct {
		name, file, want string
	}{
		{"none", "reminders:\n  hydration:\n    every: 1h\n", "fr-FR"},
		{"german", "language: de\nreminders:\n  hydration:\n    every: 1h\n", "de"},
		{"british", "language: en-GB\nreminders:\n  hydration:\n    every: 1h\n", "en-GB"},
		{"pseudo", "language: x-pseudo\nreminders:\n  hydration:\n    every: 1h\n", "x-pseudo"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Parse("schedule.yaml", []byte(tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if got := s.Locale(env).String(); got != tt.want {
				t.Errorf("Locale = %q, want %q", got, tt.want)
			}
		})
	}
}
