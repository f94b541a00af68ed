package config

import (
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/bedtime-app/bedtime/locale"
)

// TestBadFilesIn: every error of every broken file in testdata/bad is a
// catalog message (none passes through as plain English), reads in
// English exactly as Error() has it, and in every other language keeps
// its file:line:col, reminder name and field as they are, with its
// message through the catalog (the pseudo-locale's marks show it).
func TestBadFilesIn(t *testing.T) {
	files, err := filepath.Glob("testdata/bad/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no bad files: %v", err)
	}
	pseudo, err := locale.Parse(locale.Pseudo)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		_, err := Load(f)
		var es Errors
		if !errors.As(err, &es) {
			t.Fatalf("%s: error is %T, want Errors: %v", f, err, err)
		}
		for _, e := range es {
			n++
			if e.Key == "" {
				t.Errorf("%s: %q is not a catalog message (it stays English in every language)", f, e.Msg)
				continue
			}
			if got := e.In(locale.English); got != e.Error() {
				t.Errorf("%s: In(English) = %q\nwant Error() = %q", f, got, e.Error())
			}
			got := e.In(pseudo)
			prefix := e.File
			if e.Line > 0 {
				prefix += ":" + strconv.Itoa(e.Line) + ":" + strconv.Itoa(e.Column)
			}
			if !strings.HasPrefix(got, prefix+": ") {
				t.Errorf("%s: In(x-pseudo) = %q, want it to start %q", f, got, prefix+": ")
			}
			if e.Reminder != "" && !strings.Contains(got, `"`+e.Reminder+`"`) {
				t.Errorf("%s: In(x-pseudo) = %q lost the reminder's name %q", f, got, e.Reminder)
			}
			if e.Field != "" && !strings.Contains(got, ": "+e.Field+": ") {
				t.Errorf("%s: In(x-pseudo) = %q lost the field %q", f, got, e.Field)
			}
			if m := e.MessageIn(pseudo); !strings.HasPrefix(m, "⟦") || !strings.HasSuffix(m, "⟧") {
				t.Errorf("%s: MessageIn(x-pseudo) = %q bypasses the catalog", f, m)
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d errors in testdata/bad; is the table read?", n)
	}
}

// TestForeignErrorsAreRead: the errors of scheduler, robfig/cron and
// content that a schedule's error carries are read back into catalog
// messages, and their English stays as those packages wrote it.
func TestForeignErrorsAreRead(t *testing.T) {
	crons := []string{
		`""`, `"@every 5m"`, `"61 * * * *"`, `"* * *"`, `"0 0 31 2 *"`, `"CRON_TZ=UTC"`, `"@fortnightly"`,
		`"1-2-3 * * * *"`, `"*/0 * * * *"`, `"x * * * *"`, `"5-1 * * * *"`, `"0 0 * * 5-8"`, `"1/2/3 * * * *"`,
		`"CRON_TZ=Nowhere/Atlantis 0 9 * * *"`, `"0 0 * * * * *"`,
	}
	for _, spec := range crons {
		t.Run("cron "+spec, func(t *testing.T) {
			src := "reminders:\n  water:\n    cron: " + spec + "\n"
			checkForeign(t, src, "cron")
		})
	}
	routines := []string{
		"title: \"\"\n    steps: [{text: a}]",
		"title: t",
		"title: t\n    steps: [{text: \" \"}]",
		"title: t\n    steps: [{text: a, hold: 25h}]",
	}
	for _, r := range routines {
		t.Run("routine", func(t *testing.T) {
			src := "routines:\n  mine:\n    " + r + "\nreminders:\n  stretch:\n    at: \"21:00\"\n    routine: mine\n"
			checkForeign(t, src, "routines.mine")
		})
	}
}

// checkForeign parses src and wants an error in field that is a catalog
// message other than a bare "%s", with the same English as Error().
func checkForeign(t *testing.T, src, field string) {
	t.Helper()
	_, err := Parse("s.yaml", []byte(src))
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("Parse = %v, want Errors", err)
	}
	found := false
	for _, e := range es {
		if e.Field != field {
			continue
		}
		found = true
		if e.Key == "" {
			t.Errorf("%q is not read back into a catalog message", e.Msg)
		}
		if e.Key == "%q: %s" {
			if _, ok := e.Args[1].(Message); !ok {
				t.Errorf("%q: robfig/cron's detail %q is not read back into a catalog message", e.Msg, e.Args[1])
			}
		}
		if e.In(locale.English) != e.Error() {
			t.Errorf("In(English) = %q, want %q", e.In(locale.English), e.Error())
		}
		t.Logf("%s -> %s", e.Error(), e.MessageIn(mustLocale(t, "de")))
	}
	if !found {
		t.Fatalf("no error in %s: %v", field, err)
	}
}

func mustLocale(t *testing.T, tag string) *locale.Locale {
	t.Helper()
	l, err := locale.Parse(tag)
	if err != nil {
		t.Fatal(err)
	}
	return l
}
