package main

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/scheduler"
)

// TestNextInEachLanguage: `next` in every shipped language and the
// pseudo-locale, chosen by the schedule's language: key, as goldens.
func TestNextInEachLanguage(t *testing.T) {
	t.Parallel()
	path := berlinDefault(t)
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 27, 15, 30, 0, 0, time.UTC) // a Friday, 16:30 in Berlin
	for _, lang := range append([]string{"en-US", "en-GB"}, append(locale.Shipped[1:], locale.Pseudo)...) {
		t.Run(lang, func(t *testing.T) {
			if err := os.WriteFile(path+"."+lang, append([]byte("language: "+lang+"\n"), src...), 0o600); err != nil {
				t.Fatal(err)
			}
			code, out, errOut := runAt(t, now, "next", "--config", path+"."+lang, "-n", "6")
			if code != 0 || errOut != "" {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			testutil.Golden(t, "next/lang-"+lang+".golden", []byte(out))
		})
	}
}

// TestNextFollowsLANG: without language: in the schedule, `next` speaks
// the environment's language, and English where that is not shipped.
func TestNextFollowsLANG(t *testing.T) {
	t.Parallel()
	path := berlinDefault(t)
	now := time.Date(2026, 11, 27, 15, 30, 0, 0, time.UTC)
	tests := []struct{ env, want string }{
		{"de_DE.UTF-8", "WANN"},
		{"fr_FR.UTF-8", "QUAND"},
		{"ja_JP.UTF-8", "WHEN"},
		{"en_US.UTF-8", "4:55\u00a0PM"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		app := &App{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, Clock: scheduler.NewFakeClock(now),
			Getenv: func(k string) string { return map[string]string{"LANG": tt.env}[k] }}
		if code := app.Run(context.Background(), []string{"next", "--config", path, "-n", "2"}); code != 0 {
			t.Fatalf("LANG=%s: exit %d: %s", tt.env, code, stderr.String())
		}
		if !strings.Contains(stdout.String(), tt.want) {
			t.Errorf("LANG=%s: output lacks %q:\n%s", tt.env, tt.want, stdout.String())
		}
	}
}
