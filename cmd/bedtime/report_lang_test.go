package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/locale"
)

// langDiaryEnv is diaryEnv with language: lang in the schedule, and
// three nights in the diary.
func langDiaryEnv(t *testing.T, lang string) (dir, config string) {
	t.Helper()
	dir, config = diaryEnv(t)
	src, err := os.ReadFile(config)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(config, append([]byte("language: "+lang+"\n"), src...), 0o600); err != nil {
		t.Fatal(err)
	}
	at := nov(t, 20, "08:15")
	for _, args := range [][]string{
		{"--cramps", "0"},
		{"--night", "2026-11-18", "--cramps", "2", "--severity", "9"},
		{"--night", "2026-11-15", "--cramps", "1"},
	} {
		if code, _, errOut := runIn(t, dir, at, append([]string{"--config", config, "diary"}, args...)...); code != 0 {
			t.Fatalf("diary %v: %s", args, errOut)
		}
	}
	return dir, config
}

// TestStatsCalendarInEachLanguage: stats --calendar in US English (the
// week from Sunday), each shipped language (from Monday) and the
// pseudo-locale, as goldens.
func TestStatsCalendarInEachLanguage(t *testing.T) {
	t.Parallel()
	for _, lang := range append([]string{"en-US"}, append(locale.Shipped[1:], locale.Pseudo)...) {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			dir, config := langDiaryEnv(t, lang)
			code, out, errOut := runIn(t, dir, nov(t, 20, "08:15"), "--config", config, "stats", "--calendar", "--days", "28")
			if code != 0 || errOut != "" {
				t.Fatalf("stats --calendar: exit %d, stderr %q", code, errOut)
			}
			testutil.Golden(t, "stats/calendar-"+lang+".golden", []byte(out))
		})
	}
}

// TestReportInGerman: with language: de the report's page, what the
// command says and its errors (and logs' and stats --calendar's) are
// German; the CSV stays English.
func TestReportInGerman(t *testing.T) {
	t.Parallel()
	dir, config := langDiaryEnv(t, "de")
	at := nov(t, 20, "08:15")
	out := filepath.Join(t.TempDir(), "r.html")
	code, stdout, errOut := runIn(t, dir, at, "--config", config, "report", "-o", out)
	if want := out + " geschrieben: 25. Sept. 2026 bis 19. Nov. 2026. Öffne ihn in einem Browser oder drucke ihn aus.\n"; code != 0 || errOut != "" || stdout != want {
		t.Fatalf("bedtime report: exit %d, stdout %q, stderr %q; want %q", code, stdout, errOut, want)
	}
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<html lang="de">`, "Krämpfe in 2 von 3 Nächten mit Antwort (1 davon schlimm).",
		"Dieser Bericht zeigt, was geschah, nicht warum. Sprich darüber mit einem Arzt.", "<th class=\"t\">Mo</th>"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the German report lacks %q", want)
		}
	}
	_, csv, _ := runIn(t, dir, at, "--config", config, "report", "--csv", "--weeks", "1")
	if !strings.HasPrefix(csv, "night,weekday,cramps,bad,") || !strings.Contains(csv, "2026-11-18,Wed,yes,yes,") {
		t.Errorf("the CSV is not the English one for programs:\n%s", csv)
	}
	code, _, errOut = runIn(t, dir, at, "--config", config, "report", "--weeks", "0")
	if code == 0 || errOut != "bedtime: --weeks 0: erwartet 1 bis 522 (zehn Jahre)\n" {
		t.Errorf("report --weeks 0: exit %d, stderr %q", code, errOut)
	}
	code, _, errOut = runIn(t, dir, at, "--config", config, "logs", "-n", "0")
	if code == 0 || errOut != "bedtime: -n 0: erwartet 1 bis 100000 Zeilen\n" {
		t.Errorf("logs -n 0: exit %d, stderr %q", code, errOut)
	}
	code, _, errOut = runIn(t, dir, at, "--config", config, "stats", "--calendar", "--habit", "yoga")
	if code == 0 || !strings.Contains(errOut, `keine Gewohnheit "yoga" im Verlauf oder im Plan`) {
		t.Errorf("stats --calendar --habit yoga: exit %d, stderr %q", code, errOut)
	}
}

// TestExportInGerman: with language: de the calendar file's events
// carry the notifications' German words (SUMMARY, DESCRIPTION and the
// alarm's); the file's structure and the English export are unchanged.
func TestExportInGerman(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 27, 15, 30, 0, 0, time.UTC)
	path := langSchedule(t, "de")
	code, out, errOut := runAt(t, now, "export", "--ics", "--days", "2", "--config", path)
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var german, english int
	for _, kind := range []string{"magnesium", "hydration", "movement"} {
		de, _ := content.In("de").Texts(kind)
		en, _ := content.In("en").Texts(kind)
		for _, x := range de {
			if strings.Contains(out, "SUMMARY:"+x.Title+"\r\n") {
				german++
			}
		}
		for _, x := range en {
			if strings.Contains(out, "SUMMARY:"+x.Title+"\r\n") {
				english++
			}
		}
	}
	if german == 0 || english != 0 {
		t.Errorf("the German export has %d German and %d English built-in titles, want some and none:\n%s", german, english, out)
	}
	if n, m := strings.Count(out, "BEGIN:VEVENT"), strings.Count(out, "BEGIN:VALARM"); n == 0 || n != m {
		t.Errorf("%d events, %d alarms", n, m)
	}
}
