package main

import (
	"strings"
	"testing"

	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/internal/testutil"
)

func TestTips(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		args   []string
		golden string
	}{
		{"list", []string{"tips"}, "content/tips.golden"},
		{"upper case", []string{"tips", "Magnesium"}, "content/tips-magnesium.golden"},
	}
	for _, topic := range content.TopicNames() {
		tests = append(tests, struct {
			name   string
			args   []string
			golden string
		}{topic, []string{"tips", topic}, "content/tips-" + topic + ".golden"})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(t, tt.args...)
			if code != 0 || errOut != "" {
				t.Fatalf("bedtime %s: exit %d, stderr %q; want 0 and nothing", strings.Join(tt.args, " "), code, errOut)
			}
			if !strings.HasSuffix(out, content.Disclaimer()+"\n") {
				t.Errorf("bedtime %s does not end with the disclaimer", strings.Join(tt.args, " "))
			}
			testutil.Golden(t, tt.golden, []byte(out))
		})
	}
}

func TestTipsListsEveryTopic(t *testing.T) {
	t.Parallel()
	_, out, _ := run(t, "tips")
	for _, tp := range content.Topics() {
		if !strings.Contains(out, "  "+tp.Name+" ") || !strings.Contains(out, tp.Summary) {
			t.Errorf("bedtime tips does not list %q with its summary", tp.Name)
		}
	}
}

func TestTipsErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"unknown topic", []string{"tips", "vitamins"}, "bedtime: unknown topic \"vitamins\": want one of magnesium, potassium, hydration, stretching, movement, sleep, remedies, medications\n"},
		{"two topics", []string{"tips", "sleep", "magnesium"}, "bedtime: tips takes at most 1 argument, got 2\nusage: bedtime tips [TOPIC] [flags]\nexample: bedtime tips magnesium\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(t, tt.args...)
			if code == 0 {
				t.Fatalf("bedtime %s: exit 0, want non-zero", strings.Join(tt.args, " "))
			}
			if out != "" {
				t.Errorf("stdout = %q, want nothing", out)
			}
			if errOut != tt.wantErr {
				t.Errorf("stderr = %q, want %q", errOut, tt.wantErr)
			}
		})
	}
}
