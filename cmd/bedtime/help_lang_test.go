package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/locale"
)

// helpApp is an App whose environment asks for lang and whose schedule
// file does not exist.
func helpApp(t *testing.T, lang string) *App {
	t.Helper()
	return &App{
		ConfigPath: filepath.Join(t.TempDir(), "schedule.yaml"),
		Getenv: func(k string) string {
			if k == "LC_ALL" {
				return lang
			}
			return ""
		},
	}
}

// helpLangs are the languages the help is checked in: English, each
// shipped language and the pseudo-locale.
var helpLangs = append(slices.Clone(locale.Shipped), locale.Pseudo)

// helpGoldens are the help pages kept as golden files, by name.
var helpGoldens = map[string][]string{
	"root":  {"--help"},
	"done":  {"done", "--help"},
	"stats": {"stats", "--help"},
}

// TestHelpInEachLanguage: the help of bedtime and of two commands in
// English, each shipped language and the pseudo-locale, as goldens.
func TestHelpInEachLanguage(t *testing.T) {
	t.Parallel()
	for _, lang := range helpLangs {
		for name, args := range helpGoldens {
			t.Run(lang+"/"+name, func(t *testing.T) {
				t.Parallel()
				code, out, errOut := runApp(helpApp(t, lang), args...)
				if code != 0 || errOut != "" {
					t.Fatalf("exit %d, stderr %q", code, errOut)
				}
				testutil.Golden(t, "help/"+lang+"-"+name+".golden", []byte(out))
			})
		}
	}
}

// helpPaths returns the path (arguments) of every command a person can
// ask help for, cobra's help and completion commands included.
func helpPaths(t *testing.T) [][]string {
	t.Helper()
	root := newRootCmd(&App{})
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	var paths [][]string
	var walk func(c *cobra.Command, path []string)
	walk = func(c *cobra.Command, path []string) {
		if c.Hidden {
			return
		}
		paths = append(paths, path)
		for _, sub := range c.Commands() {
			walk(sub, append(slices.Clone(path), sub.Name()))
		}
	}
	walk(root, nil)
	if len(paths) < 30 {
		t.Fatalf("only %d commands found", len(paths))
	}
	return paths
}

// runHelp runs `bedtime PATH... --help` on root and returns what it wrote.
func runHelp(t *testing.T, root *cobra.Command, path []string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	root.SetArgs(append(slices.Clone(path), "--help"))
	root.SetOut(&out)
	root.SetErr(&errOut)
	if err := root.ExecuteContext(context.Background()); err != nil || errOut.Len() > 0 {
		t.Fatalf("bedtime %v --help: %v, stderr %q", path, err, errOut.String())
	}
	return out.String()
}

// TestHelpEnglishAsCobra: in English, every command's help is byte for
// byte what cobra writes with its own help and usage, with its lines
// wider than 80 columns broken as wrapHelp breaks them.
func TestHelpEnglishAsCobra(t *testing.T) {
	t.Parallel()
	for _, path := range helpPaths(t) {
		app := helpApp(t, "C")
		ours := runHelp(t, newRootCmd(app), path)
		cobraRoot := newRootCmd(app)
		cobraRoot.SetHelpFunc(nil)
		cobraRoot.SetUsageFunc(nil)
		if theirs := wrapHelp(runHelp(t, cobraRoot, path), helpWidth); ours != theirs {
			t.Errorf("bedtime %v --help differs from cobra's:\n--- ours\n%s\n--- cobra's\n%s", path, ours, theirs)
		}
	}
}

// TestHelpFitsEightyColumns: the help of every command, in English, each
// shipped language and the pseudo-locale, fits a terminal of 80 columns
// (no character of the help is wider than a column).
func TestHelpFitsEightyColumns(t *testing.T) {
	t.Parallel()
	paths := helpPaths(t)
	for _, lang := range helpLangs {
		for _, path := range paths {
			out := runHelp(t, newRootCmd(helpApp(t, lang)), path)
			for i, line := range strings.Split(out, "\n") {
				if n := utf8.RuneCountInString(line); n > helpWidth {
					t.Errorf("%s: bedtime %s --help, line %d is %d columns:\n%s", lang, strings.Join(path, " "), i+1, n, line)
				}
			}
		}
	}
}

// TestWrapHelp: a line too wide breaks at spaces, under its second
// column when it has two, under its indentation otherwise; never at a
// no-break space, and a word wider than the room stays whole.
func TestWrapHelp(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ in, want string }{
		{"  done   Mark it done right no", "  done   Mark it done right no"}, // 30 columns
		{"  done   Mark the reminder done now", "  done   Mark the reminder\n         done now"},
		{"    --wait d   how long to wait for it", "    --wait d   how long to\n               wait for it"},
		{"  a prose line, one gap far  away there", "  a prose line, one gap far\n  away there"},
		{"Plain text that runs on past the end", "Plain text that runs on past\nthe end"},
		{"  -o   a few words and more b\u00a0: c", "  -o   a few words and more\n       b\u00a0: c"},
		{"  -o   an-unbreakable-word-wider-than-the-room", "  -o   an-unbreakable-word-wider-than-the-room"},
		{"short\n\n  two  lines here and more than 30", "short\n\n  two  lines here and more\n       than 30"},
	} {
		if got := wrapHelp(tt.in, 30); got != tt.want {
			t.Errorf("wrapHelp(%q, 30) =\n%q, want\n%q", tt.in, got, tt.want)
		}
	}
}

// TestHelpTextsInCatalog: every text of the help (summaries,
// descriptions, flag usages, a usage line's argument names) is a message
// of the catalog, so that a new command or flag cannot stay English in
// the other languages unnoticed.
func TestHelpTextsInCatalog(t *testing.T) {
	t.Parallel()
	keys := locale.Keys()
	w := helpWriter{locale.English}
	root := newRootCmd(&App{})
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	root.InitDefaultVersionFlag()
	isKey := func(s string) bool {
		for _, m := range computedHelp {
			if m.args != nil && fmt.Sprintf(m.key, m.args()...) == s {
				s = m.key
			}
		}
		_, ok := slices.BinarySearch(keys, s)
		return ok
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Hidden {
			return
		}
		c.InitDefaultHelpFlag()
		texts := []string{c.Short, c.Long}
		if _, args, ok := strings.Cut(c.Use, " "); ok {
			texts = append(texts, args)
		}
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if !strings.HasPrefix(f.Usage, "help for ") && !strings.HasPrefix(f.Usage, "version for ") {
				texts = append(texts, f.Usage)
			}
			if name, _ := pflag.UnquoteUsage(f); name != "" {
				texts = append(texts, name)
			}
		})
		for _, s := range texts {
			if s != "" && !isKey(s) {
				t.Errorf("%s: %q is not a message of the catalog (add it to locale/messages_help.go and translate it)", c.CommandPath(), s)
			}
			if got := w.text(s); got != s {
				t.Errorf("%s: %q is written %q in English", c.CommandPath(), s, got)
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

var (
	pseudoSpan = regexp.MustCompile(`⟦[^⟧]*⟧`)
	plainWord  = regexp.MustCompile(`[A-Za-z]{2,}`)
)

// TestHelpPseudoBypassesNothing: every command's help in the
// pseudo-locale has no plain English word left outside the catalog's
// texts, but for the names a person types as they are: bedtime, the
// commands, the flags, the tips' topics, and the examples, which are
// command lines.
func TestHelpPseudoBypassesNothing(t *testing.T) {
	t.Parallel()
	typed := map[string]bool{"bedtime": true,
		// The zsh completion's install line names a zsh variable.
		"fpath": true}
	root := newRootCmd(&App{})
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	root.InitDefaultVersionFlag()
	var names func(c *cobra.Command)
	names = func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		typed[c.Name()] = true
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			for _, w := range strings.Split(f.Name, "-") {
				typed[w] = true
			}
		})
		for _, sub := range c.Commands() {
			names(sub)
		}
	}
	names(root)
	for _, topic := range content.TopicNames() {
		typed[topic] = true
	}
	l, err := locale.Parse(locale.Pseudo)
	if err != nil {
		t.Fatal(err)
	}
	heading := l.Sprintf("Examples:")
	for _, path := range helpPaths(t) {
		out := runHelp(t, newRootCmd(helpApp(t, locale.Pseudo)), path)
		inExamples := false
		for i, line := range strings.Split(out, "\n") {
			switch {
			case line == heading:
				inExamples = true
				continue
			case line == "":
				inExamples = false
			case inExamples:
				if !strings.HasPrefix(line, "  bedtime ") {
					t.Errorf("bedtime %v --help, line %d: an example that is not a command line: %q", path, i+1, line)
				}
				continue
			}
			for _, w := range plainWord.FindAllString(pseudoSpan.ReplaceAllString(line, ""), -1) {
				if !typed[w] {
					t.Errorf("bedtime %v --help, line %d: %q bypasses the catalog: %q", path, i+1, w, line)
				}
			}
		}
	}
}

// TestHelpLanguage: the help speaks the schedule's language: over the
// environment's, also when the schedule has errors, and the environment's
// when the file cannot be read at all; a broken schedule never keeps the
// help from showing, and `bedtime help CMD` says it as `bedtime CMD
// --help` does.
func TestHelpLanguage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	// YAML that cannot be read at all: its language: key neither.
	broken := filepath.Join(dir, "broken.yaml")
	if err := os.WriteFile(broken, []byte("language: fr\nreminders: [\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	// A schedule with errors whose language: key can be read.
	wrong := filepath.Join(dir, "wrong.yaml")
	if err := os.WriteFile(wrong, []byte("language: fr\nreminders:\n  water:\n    every: banana\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	de, err := locale.Parse("de")
	if err != nil {
		t.Fatal(err)
	}
	fr, err := locale.Parse("fr")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		schedule string
		want     *locale.Locale
	}{
		{"schedule says fr", langSchedule(t, "fr"), fr},
		{"unreadable schedule", broken, de},
		{"schedule with errors says fr", wrong, fr},
		{"no schedule", filepath.Join(t.TempDir(), "none.yaml"), de},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			app := helpApp(t, "de_DE.UTF-8")
			app.ConfigPath = ""
			for _, args := range [][]string{{"--config", tt.schedule, "snooze", "--help"}, {"--config", tt.schedule, "help", "snooze"}} {
				code, out, errOut := runApp(app, args...)
				if code != 0 || errOut != "" {
					t.Fatalf("bedtime %v: exit %d, stderr %q", args, code, errOut)
				}
				for _, want := range []string{tt.want.Sprintf("Usage:"), tt.want.Sprintf("NAME [DURATION]"), tt.want.Sprintf("Global Flags:")} {
					if !strings.Contains(out, want) {
						t.Errorf("bedtime %v lacks %q:\n%s", args, want, out)
					}
				}
			}
		})
	}
}

// TestCompletionDescriptionsInLanguage: the descriptions the shell shows
// beside completed commands and flags come in the person's language; in
// the pseudo-locale every one of them went through the catalog.
func TestCompletionDescriptionsInLanguage(t *testing.T) {
	t.Parallel()
	de, err := locale.Parse("de")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lang string
		args []string
		want []string
	}{
		{"C", []string{"__complete", ""}, []string{"cramp\tWhat to do during a cramp, and when to see a doctor\n"}},
		{"C", []string{"__complete", "stats", "--"}, []string{"--days\thow many days to sum up, today included\n", "--help\thelp for stats\n"}},
		{"de_DE.UTF-8", []string{"__complete", ""}, []string{"cramp\t" + de.Sprintf("What to do during a cramp, and when to see a doctor") + "\n"}},
		{"de_DE.UTF-8", []string{"__complete", "stats", "--"}, []string{
			"--days\t" + de.Sprintf("how many days to sum up, today included") + "\n",
			"--help\t" + de.Sprintf("help for %s", "stats") + "\n",
			"--config\t" + de.Sprintf("schedule file (default: the user's config dir)/bedtime/schedule.yaml") + "\n"}},
		{"de_DE.UTF-8", []string{"__complete", "help", ""}, []string{"done\t" + de.Sprintf("Mark the reminder that is due now done (stops its snooze and repeats)") + "\n"}},
	}
	for _, tt := range tests {
		code, out, _ := runApp(helpApp(t, tt.lang), tt.args...)
		if code != 0 {
			t.Fatalf("%s bedtime %v: exit %d", tt.lang, tt.args, code)
		}
		for _, want := range tt.want {
			if !strings.Contains(out, want) {
				t.Errorf("%s bedtime %v lacks %q:\n%s", tt.lang, tt.args, want, out)
			}
		}
	}
	for _, args := range [][]string{{"__complete", ""}, {"__complete", "stats", "--"}, {"__complete", "completion", ""}, {"__complete", "diary", "--"}} {
		_, out, _ := runApp(helpApp(t, locale.Pseudo), args...)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) < 3 {
			t.Fatalf("bedtime %v: too few completions:\n%s", args, out)
		}
		for _, line := range lines[:len(lines)-1] { // the last is cobra's directive
			if _, desc, _ := strings.Cut(line, "\t"); !strings.HasPrefix(desc, "⟦") {
				t.Errorf("bedtime %v: %q bypasses the catalog", args, line)
			}
		}
	}
}

// TestHelpUnknownTopic: `bedtime help` of a topic that is no command says
// so in the person's language (in English as cobra says it), then lists
// the commands, and exits 1.
func TestHelpUnknownTopic(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ lang, want string }{
		{"C", "Unknown help topic [`bogus` `topic`]\nUsage:\n  bedtime [command]\n"},
		{"de_DE.UTF-8", "Unbekanntes Hilfethema [`bogus` `topic`]\nAufruf:\n  bedtime [Befehl]\n"},
		{locale.Pseudo, "⟦Ûñķñöŵñ ĥéľþ ţöþíç [`bogus` `topic`]"},
	} {
		code, out, errOut := runApp(helpApp(t, tt.lang), "help", "bogus", "topic")
		if code != 1 || errOut != "" {
			t.Errorf("%s: exit %d, stderr %q; want 1 and nothing", tt.lang, code, errOut)
		}
		if !strings.HasPrefix(out, tt.want) {
			t.Errorf("%s: bedtime help bogus topic says\n%s\nwant it to begin with\n%s", tt.lang, out, tt.want)
		}
	}
}

// TestHelpMagnesiumCarriesTheCaution: wherever a command's summary or
// description speaks of magnesium, in every shipped language, it carries
// the article's caution as the reminders and tips do: ask a doctor first,
// especially with kidney problems. The tips' list of topics names
// "magnesium" as a word to type, not as advice.
func TestHelpMagnesiumCarriesTheCaution(t *testing.T) {
	t.Parallel()
	words := map[string]struct {
		magnesium string
		caution   []string
	}{
		"en": {"magnesium", []string{"doctor", "kidney"}},
		"de": {"magnesium", []string{"arzt", "niere"}},
		"fr": {"magnésium", []string{"médecin", "rein|réna"}},
		"es": {"magnesio", []string{"médico", "riñ"}},
	}
	for _, lang := range locale.Shipped {
		l, err := locale.Parse(lang)
		if err != nil {
			t.Fatal(err)
		}
		w, ok := words[lang]
		if !ok {
			t.Fatalf("no words for %s", lang)
		}
		h := helpWriter{l}
		root := newRootCmd(&App{})
		var walk func(c *cobra.Command)
		walk = func(c *cobra.Command) {
			for _, s := range []string{c.Short, c.Long} {
				text := strings.ReplaceAll(strings.ToLower(h.text(s)), strings.Join(content.TopicNames(), ", "), "")
				if !strings.Contains(text, w.magnesium) {
					continue
				}
				for _, c2 := range w.caution {
					if !regexp.MustCompile(c2).MatchString(text) {
						t.Errorf("%s: bedtime %s's help speaks of magnesium without %q of the caution:\n%s", lang, c.Name(), c2, h.text(s))
					}
				}
			}
			for _, sub := range c.Commands() {
				walk(sub)
			}
		}
		walk(root)
	}
}
