package main

import (
	"os"
	"strings"
	"testing"

	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/locale"
)

// TestDiaryListInEachLanguage: the list of the last nights in every
// shipped language, US English and the pseudo-locale, as goldens: a night
// without cramps, a bad one answered twice with a leg and a note, and
// unanswered nights.
func TestDiaryListInEachLanguage(t *testing.T) {
	t.Parallel()
	for _, lang := range append([]string{"en-US"}, append(locale.Shipped[1:], locale.Pseudo)...) {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			dir, config := diaryEnv(t)
			src, err := os.ReadFile(config)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(config, append([]byte("language: "+lang+"\n"), src...), 0o600); err != nil {
				t.Fatal(err)
			}
			for _, s := range []struct {
				day  int
				args []string
			}{
				{18, []string{"--cramps", "0"}},
				{20, []string{"--cramps", "2", "--severity", "8", "--leg", "left"}},
				{20, []string{"--note", "long walk"}},
			} {
				if code, _, errOut := runIn(t, dir, nov(t, s.day, "07:30"), append([]string{"--config", config, "diary"}, s.args...)...); code != 0 {
					t.Fatalf("diary %v: exit %d, %s", s.args, code, errOut)
				}
			}
			code, out, errOut := runIn(t, dir, nov(t, 20, "12:00"), "--config", config, "diary")
			if code != 0 || errOut != "" {
				t.Fatalf("bedtime diary: exit %d, stderr %q", code, errOut)
			}
			if lang != "en-US" && strings.Contains(out, "no answer") {
				t.Errorf("the list has English words:\n%s", out)
			}
			testutil.Golden(t, "lang/diary-"+lang+".golden", []byte(out))
		})
	}
}
