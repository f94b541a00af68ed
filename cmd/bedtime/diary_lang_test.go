package main

import (
	"os"
	"strings"
	"testing"

	"github.com/bedtime-app/bedtime/content"
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
			var said strings.Builder
			for _, s := range []struct {
				day  int
				args []string
			}{
				{18, []string{"--cramps", "0"}},
				{20, []string{"--cramps", "2", "--severity", "8", "--leg", "left"}},
				{20, []string{"--note", "long walk"}},
			} {
				code, out, errOut := runIn(t, dir, nov(t, s.day, "07:30"), append([]string{"--config", config, "diary"}, s.args...)...)
				if code != 0 {
					t.Fatalf("diary %v: exit %d, %s", s.args, code, errOut)
				}
				said.WriteString(out)
			}
			code, out, errOut := runIn(t, dir, nov(t, 20, "12:00"), "--config", config, "diary")
			if code != 0 || errOut != "" {
				t.Fatalf("bedtime diary: exit %d, stderr %q", code, errOut)
			}
			if lang != "en-US" && strings.Contains(out, "no answer") {
				t.Errorf("the list has English words:\n%s", out)
			}
			testutil.Golden(t, "lang/diary-"+lang+".golden", []byte(said.String()+"\n"+out))

			// A cramp now: the first aid in the language too.
			l, err := locale.Parse(lang)
			if err != nil {
				t.Fatal(err)
			}
			dir2, _ := diaryEnv(t)
			code, out, errOut = runIn(t, dir2, nov(t, 21, "03:10"), "--config", config, "diary", "--now")
			if code != 0 {
				t.Fatalf("diary --now: exit %d, %s", code, errOut)
			}
			if b := content.In(l.Lang); !strings.Contains(out, b.CrampHelp()) || !strings.Contains(out, b.Disclaimer()) {
				t.Errorf("diary --now does not give the first aid in %s:\n%s", lang, out)
			}
			if want := l.Sprintf("Recorded a cramp at %s (the night of %s).", l.Clock(nov(t, 21, "03:10")), nightLabelIn(l, "2026-11-20")); !strings.HasPrefix(out, want) {
				t.Errorf("diary --now begins %q, want %q", strings.SplitN(out, "\n", 2)[0], want)
			}
		})
	}
}
