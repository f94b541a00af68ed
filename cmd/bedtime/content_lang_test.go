package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/locale"
)

// TestHealthContentInEachLanguage: `bedtime cramp`, `bedtime tips` and a
// topic in every shipped language and the pseudo-locale, chosen by the
// schedule's language: key, as goldens.
func TestHealthContentInEachLanguage(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 27, 15, 30, 0, 0, time.UTC)
	for _, lang := range append(locale.Shipped[1:], locale.Pseudo) {
		path := filepath.Join(t.TempDir(), "schedule.yaml")
		src := "language: " + lang + "\nreminders:\n  hydration: {every: 2h}\n"
		if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{{"cramp"}, {"tips"}, {"tips", "magnesium"}} {
			name := lang + "-" + strings.Join(args, "-")
			t.Run(name, func(t *testing.T) {
				code, out, errOut := runAt(t, now, append(args, "--config", path)...)
				if code != 0 || errOut != "" {
					t.Fatalf("exit %d, stderr %q", code, errOut)
				}
				if lang != locale.Pseudo && !strings.Contains(out, "\u00a0") && args[0] == "cramp" {
					t.Errorf("cramp in %s lacks its no-break spaces:\n%s", lang, out)
				}
				testutil.Golden(t, "lang/"+name+".golden", []byte(out))
			})
		}
	}
}
