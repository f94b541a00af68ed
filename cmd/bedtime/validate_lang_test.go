package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/scheduler"
)

// runWithEnv runs the command line with env as the whole environment.
func runWithEnv(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	app := &App{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr,
		Clock: scheduler.NewFakeClock(time.Date(2026, 11, 27, 15, 30, 0, 0, time.UTC)), Getenv: func(k string) string { return env[k] }}
	code := app.Run(context.Background(), args)
	return code, stdout.String(), stderr.String()
}

// brokenSchedule writes testdata/validate/broken.yaml, a schedule with
// many kinds of error, after the line first ("" for none), and returns
// its path.
func brokenSchedule(t *testing.T, first string) string {
	t.Helper()
	src, err := os.ReadFile("testdata/validate/broken.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if first != "" {
		src = append([]byte(first+"\n"), src...)
	}
	path := filepath.Join(t.TempDir(), "schedule.yaml")
	if err := os.WriteFile(path, src, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestValidateInEachLanguage: validate's report of a broken schedule in
// English, every shipped language and the pseudo-locale (chosen by the
// file's language: key, which is read in spite of the errors), as
// goldens. In the pseudo-locale every message is marked as coming from
// the catalog, while the file's place (path:line:col), reminder names,
// fields and values stay as they are.
func TestValidateInEachLanguage(t *testing.T) {
	t.Parallel()
	for _, lang := range append(locale.Shipped, locale.Pseudo) {
		t.Run(lang, func(t *testing.T) {
			path := brokenSchedule(t, "language: "+lang)
			code, out, errOut := runWithEnv(t, nil, "validate", "--config", path)
			if code != 1 || errOut != "" {
				t.Fatalf("exit %d, stderr %q; want 1 and nothing", code, errOut)
			}
			out = strings.ReplaceAll(out, path, "schedule.yaml")
			testutil.Golden(t, "validate/broken-"+lang+".golden", []byte(out))
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if len(lines) < 25 {
				t.Fatalf("only %d lines:\n%s", len(lines), out)
			}
			if lang != locale.Pseudo {
				return
			}
			for _, line := range lines[:len(lines)-1] {
				if !strings.HasPrefix(line, "schedule.yaml:") {
					t.Errorf("%q does not start with the file's name", line)
					continue
				}
				// After file:line:col, a reminder ("⟦ŕéɱíñðéŕ "name"…⟧: ") and a
				// field stay as they are; the message is the catalog's.
				msg := line[strings.LastIndex(line, ": ⟦")+2:]
				if !strings.HasPrefix(msg, "⟦") || !strings.HasSuffix(msg, "⟧") {
					t.Errorf("%q: the message bypasses the catalog", line)
				}
			}
			if last := lines[len(lines)-1]; !strings.HasPrefix(last, "⟦") {
				t.Errorf("the summary %q bypasses the catalog", last)
			}
		})
	}
}

// TestValidateFollowsLANG: with no language: key, the errors are in the
// environment's language; the file's key wins over it.
func TestValidateFollowsLANG(t *testing.T) {
	t.Parallel()
	tests := []struct{ first, env, want string }{
		{"", "de_DE.UTF-8", `Erinnerung "calf"`},
		{"", "es_ES.UTF-8", "se espera"},
		{"", "ja_JP.UTF-8", "(want one of"},
		{"language: fr", "de_DE.UTF-8", "attendu"},
	}
	for _, tt := range tests {
		path := brokenSchedule(t, tt.first)
		_, out, _ := runWithEnv(t, map[string]string{"LANG": tt.env}, "validate", "--config", path)
		if !strings.Contains(out, tt.want) {
			t.Errorf("%q, LANG=%s: output lacks %q:\n%s", tt.first, tt.env, tt.want, out)
		}
	}
}

// TestScheduleErrorsWhereTheyAreRead: the other places a person meets the
// broken schedule's errors speak the file's language too: any command
// that needs the schedule (its "bedtime: ..." error), status's note,
// doctor's schedule line, and edit's report, question and outcome.
func TestScheduleErrorsWhereTheyAreRead(t *testing.T) {
	path := brokenSchedule(t, "language: de")
	first := path + `:2:11: timezone: unbekannte Zeitzone "Mars/Olympus"`

	code, _, errOut := runWithEnv(t, nil, "next", "--config", path)
	if code != 1 || !strings.HasPrefix(errOut, "bedtime: "+first) || !strings.Contains(errOut, `Erinnerung "calf": ask: "maybe" ist keine Frage`) {
		t.Errorf("next: exit %d, stderr:\n%s", code, errOut)
	}

	st := installedStatus
	st.ConfigPath = path
	app := withService(&fakeManager{StatusFunc: func(context.Context) (serviceStatus, error) { return st, nil }}, "/usr/bin/bedtime")
	app.Clock = scheduler.NewFakeClock(time.Date(2026, 11, 27, 15, 30, 0, 0, time.UTC))
	app.StateDir = newStateDir(t).Dir()
	app.Getenv = func(string) string { return "" }
	if _, out, _ := runApp(app, "status"); !strings.Contains(out, "die Plandatei hat Fehler; `bedtime validate` zeigt sie") {
		t.Errorf("status does not say the schedule has errors in German:\n%s", out)
	}

	app = &App{ConfigPath: path, Getenv: func(string) string { return "" }}
	if r := checkSchedule(context.Background(), app); r.OK || !strings.HasPrefix(r.Detail, "24 Fehler, der erste: "+first) {
		t.Errorf("doctor's schedule line: %v %q", r.OK, r.Detail)
	}

	existing := existingSchedule(t)
	ed := newFakeEditor(t, editStep{write: "language: es\n" + editInvalid})
	r := runEdit(t, existing, ed.path, "x\nk\n")
	for _, want := range []string{
		existing + `:4:19: recordatorio "magnesium": at: "25:00" no es una hora (se espera de 00:00 a 23:59; la medianoche es 00:00)`,
		"La edición tiene 1 error. ¿[e] editar de nuevo, [k] dejar el archivo como estaba o [s] guardar de todos modos? ",
		"Responde e, k o s.",
		existing + " queda como estaba; la edición se descarta.",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("edit's stderr lacks %q:\n%s", want, r.stderr)
		}
	}
}

// TestValidateSummaryInEachLanguage: validate's line for a valid schedule
// (the next firing today, and on another day) in English, US English,
// every shipped language and the pseudo-locale, as one golden.
func TestValidateSummaryInEachLanguage(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	for _, lang := range append([]string{"en", "en-US"}, append(locale.Shipped[1:], locale.Pseudo)...) {
		path := langSchedule(t, lang)
		for _, now := range []time.Time{
			time.Date(2026, 11, 27, 15, 30, 0, 0, time.UTC), // a Friday, 16:30 in Berlin
			time.Date(2026, 11, 27, 22, 30, 0, 0, time.UTC), // 23:30: next on Saturday
		} {
			code, out, errOut := runAt(t, now, "validate", "--config", path)
			if code != 0 || errOut != "" {
				t.Fatalf("%s: exit %d, stderr %q", lang, code, errOut)
			}
			b.WriteString(lang + ": " + out)
		}
	}
	testutil.Golden(t, "validate/summary.golden", []byte(b.String()))
}
