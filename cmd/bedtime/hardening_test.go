package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/internal/testutil"
)

// TestFlagBounds is issue 12 item 13: numbers that panicked or ran out of
// memory are refused with the range, and the ends of the range work.
func TestFlagBounds(t *testing.T) {
	t.Parallel()
	store := newStateDir(t)
	aWeek(t, store)
	path := berlinDefault(t)
	now := nov(t, 27, "22:30")
	for _, tt := range []struct {
		args []string
		want string // stderr; "" for success
	}{
		{[]string{"stats", "--days", "9223372036854775807"}, "bedtime: --days 9223372036854775807: want 1 to 3660 (ten years)\n"},
		{[]string{"stats", "--days", "10000000"}, "bedtime: --days 10000000: want 1 to 3660 (ten years)\n"},
		{[]string{"stats", "--days", "3661"}, "bedtime: --days 3661: want 1 to 3660 (ten years)\n"},
		{[]string{"stats", "--days", "3660"}, ""},
		{[]string{"stats", "--days", "3660", "--json"}, ""},
		{[]string{"next", "-n", "100000000"}, "bedtime: --count 100000000: want 1 to 10000\n"},
		{[]string{"next", "--count", "10001"}, "bedtime: --count 10001: want 1 to 10000\n"},
		{[]string{"next", "-n", "10000", "--json"}, ""},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errOut := runIn(t, store.Dir(), now, append(tt.args, "--config", path)...)
			if tt.want == "" {
				if code != 0 || errOut != "" || out == "" {
					t.Fatalf("exit %d, stderr %q", code, errOut)
				}
				if tt.args[0] == "next" {
					if n := strings.Count(out, `"reminder"`); n != maxNextCount {
						t.Errorf("%d firings, want %d", n, maxNextCount)
					}
				}
				return
			}
			if code != 1 || errOut != tt.want || out != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want 1 and %q", code, out, errOut, tt.want)
			}
		})
	}
}

// TestEditRefusesOversize is issue 12 item 9: `bedtime edit` installed a
// valid schedule over the size cap, which every other command and the
// daemon then refused. Now it is an error, and cannot be saved anyway.
func TestEditRefusesOversize(t *testing.T) {
	big := editValid + "#" + strings.Repeat("x", config.MaxFileSize) + "\n"
	fixed := strings.Replace(berlinSchedule, `"20:30"`, `"22:00"`, 1)
	for _, tt := range []struct {
		name    string
		steps   []editStep
		answers string
		code    int
		want    string
	}{
		{"save is refused, then keep", []editStep{{write: big}}, "s\nk\n", 1, berlinSchedule},
		{"end of input keeps", []editStep{{write: big}}, "s\n", 1, berlinSchedule},
		{"edit again and fix", []editStep{{write: big}, {write: fixed}}, "e\n", 0, fixed},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := existingSchedule(t)
			ed := newFakeEditor(t, tt.steps...)
			r := runEdit(t, path, ed.path, tt.answers)
			if r.code != tt.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", r.code, tt.code, r.stderr)
			}
			fileIs(t, path, tt.want)
			for _, want := range []string{
				path + ": file is larger than 1024 KiB; is it the right file?\n",
				"The edit has 1 error and is too large to save. [e]dit again or [k]eep the file as it was? ",
			} {
				if !strings.Contains(r.stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
				}
			}
			if strings.Contains(tt.answers, "s") && !strings.Contains(r.stderr, "A file over 1024 KiB cannot be saved: bedtime would not read it.\n") {
				t.Errorf("save anyway was not refused:\n%s", r.stderr)
			}
			if tt.code == 0 {
				if _, err := config.Load(path); err != nil {
					t.Errorf("the installed file does not load: %v", err)
				}
			}
		})
	}
}

// TestValidateHostileFiles runs `bedtime validate` on the files of issue
// 12 the way a user meets them: each gives a positioned error and exit 1,
// or loads, at once.
func TestValidateHostileFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bom := "\xef\xbb\xbf"
	for _, tt := range []struct {
		name, src, want string
		code            int
	}{
		{"nested.yaml", "reminders: " + strings.Repeat("[", 30000), ":1:43: nested too deeply (more than 32 levels of lists and maps)\n", 1},
		{"nul.yaml", "reminders:\n  magnesium: {at: \"20:30\", title: \"Magne\\0sium\"}\n", `:2:35: reminder "magnesium": title: contains the control character U+0000 at character 6 (a notification cannot show it; remove it)` + "\n", 1},
		{"notepad.yaml", bom + "reminders:\r\n  magnesium: {at: \"20:30\"}\r\n", "1 reminder, next: magnesium", 0},
		{"notepad-bad.yaml", bom + "reminders:\r\n  magnesium: {at: \"25:30\"}\r\n", `:2:19: reminder "magnesium": at: "25:30" is not a time of day (want 00:00 to 23:59; midnight is 00:00)` + "\n", 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name)
			if err := os.WriteFile(path, []byte(tt.src), 0o600); err != nil {
				t.Fatal(err)
			}
			// A bound on a hang (the nesting once blew the parser up), not
			// a measurement: parse speed is in config's benchmarks.
			var code int
			var out, errOut string
			testutil.Within(t, 10*time.Second, "validate", func() {
				code, out, errOut = runAt(t, nov(t, 27, "12:00"), "validate", "--config", path)
			})
			want := tt.want
			if tt.code == 1 {
				want = path + tt.want
			}
			if code != tt.code || !strings.Contains(out, want) || errOut != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want %d and %q", code, out, errOut, tt.code, want)
			}
		})
	}
}
