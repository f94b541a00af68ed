package config

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/scheduler"
)

// TestBadFiles loads every file in testdata/bad and compares the errors
// with the golden file beside it (NAME.err).
func TestBadFiles(t *testing.T) {
	files, err := filepath.Glob("testdata/bad/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no bad files: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			_, err := Load(f)
			if err == nil {
				t.Fatal("Load succeeded, want errors")
			}
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("error is %T, want Errors: %v", err, err)
			}
			for _, e := range es {
				if e.File != f {
					t.Errorf("error names file %q, want %q", e.File, f)
				}
			}
			name, _ := filepath.Rel("testdata", strings.TrimSuffix(f, ".yaml")+".err")
			testutil.Golden(t, filepath.ToSlash(name), []byte(err.Error()+"\n"))
		})
	}
}

func TestErrorFormat(t *testing.T) {
	e := &Error{File: "schedule.yaml", Line: 7, Column: 12, Reminder: "magnesium", Field: "at", Msg: `"25:00" is not a time of day (want 00:00 to 23:59; midnight is 00:00)`}
	if got, want := e.Error(), `schedule.yaml:7:12: reminder "magnesium": at: "25:00" is not a time of day (want 00:00 to 23:59; midnight is 00:00)`; got != want {
		t.Fatalf("Error() = %s\nwant      %s", got, want)
	}
}

func TestTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.yaml")
	big := append([]byte("reminders:\n  magnesium: {at: \"20:30\"}\n#"), bytes.Repeat([]byte("x"), MaxFileSize)...)
	if err := os.WriteFile(path, big, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Load(path)
	if err == nil || err.Error() != path+": file is larger than 1024 KiB; is it the right file?" {
		t.Fatalf("Load = %v", err)
	}
}

func TestMissingFile(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "nope.yaml"))
	if !IsNotExist(err) {
		t.Fatalf("Load of a missing file = %v, want not-exist", err)
	}
}

func TestContract(t *testing.T) {
	s, err := Load("testdata/good/contract.yaml")
	if err != nil {
		t.Fatal(err)
	}
	berlin, _ := time.LoadLocation("Europe/Berlin")
	if s.Location.String() != "Europe/Berlin" {
		t.Fatalf("Location = %v", s.Location)
	}
	if got := s.Bedtime[time.Friday].String(); got != "23:30" {
		t.Errorf("Friday bedtime = %s", got)
	}
	if got := s.Bedtime[time.Monday].String(); got != "22:30" {
		t.Errorf("Monday bedtime = %s", got)
	}
	var names []string
	for _, r := range s.Reminders {
		names = append(names, r.Name)
	}
	if got, want := strings.Join(names, " "), "movement hydration magnesium calf-stretch morning-stretch evening-walk water-break pills"; got != want {
		t.Fatalf("reminders = %s, want %s (file order)", got, want)
	}
	if got := len(s.Enabled()); got != 7 {
		t.Errorf("enabled = %d, want 7", got)
	}
	if p, _ := s.Reminder("pills"); p.RepeatEvery != 15*time.Minute || p.RepeatMax != 5 {
		t.Errorf("pills repeat = %v x%d", p.RepeatEvery, p.RepeatMax)
	}
	if m, _ := s.Reminder("magnesium"); m.RepeatEvery != 0 {
		t.Errorf("magnesium repeats without asking: %v", m.RepeatEvery)
	}
	tests := []struct {
		name            string
		form            Form
		catchUp, snooze time.Duration
		from, next      string // local times in Europe/Berlin
	}{
		{"movement", FormCron, 0, DefaultSnooze, "2026-11-27 17:00", "2026-11-30 09:55"},
		{"hydration", FormEvery, 0, DefaultSnooze, "2026-11-25 20:00", "2026-11-26 08:00"},
		{"magnesium", FormAt, DailyCatchUp, 15 * time.Minute, "2026-11-25 20:30", "2026-11-26 20:30"},
		// Saturday's bedtime 00:30 is the early hours of Sunday.
		{"calf-stretch", FormBeforeBedtime, DailyCatchUp, DefaultSnooze, "2026-11-28 12:00", "2026-11-29 00:00"},
		{"morning-stretch", FormAt, DailyCatchUp, DefaultSnooze, "2026-11-27 08:00", "2026-11-30 07:30"},
		{"water-break", FormEvery, 30 * time.Minute, DefaultSnooze, "2026-11-25 23:00", "2026-11-25 00:00"},
	}
	for _, tt := range tests {
		r, ok := s.Reminder(tt.name)
		if !ok {
			t.Fatalf("no reminder %s", tt.name)
		}
		if r.Form != tt.form || r.CatchUp != tt.catchUp || r.Snooze != tt.snooze {
			t.Errorf("%s: form %s catch_up %v snooze %v, want %s %v %v", tt.name, r.Form, r.CatchUp, r.Snooze, tt.form, tt.catchUp, tt.snooze)
		}
		from, _ := time.ParseInLocation("2006-01-02 15:04", tt.from, berlin)
		want, _ := time.ParseInLocation("2006-01-02 15:04", tt.next, berlin)
		if tt.name == "water-break" {
			want = from.Add(time.Hour) // 90m steps from midnight: 22:30, then 00:00 of the next day
		}
		if got := r.Schedule.Next(from); !got.Equal(want) {
			t.Errorf("%s: Next(%s) = %s, want %s", tt.name, tt.from, got.In(berlin), want)
		}
	}
	walk, _ := s.Reminder("evening-walk")
	if walk.Enabled || walk.Location.String() != "Asia/Kolkata" || len(walk.Variants) != 2 || walk.Variants[0].Body != "A short walk & a <b>stretch</b>." {
		t.Errorf("evening-walk = %+v", walk)
	}
	if walk.Days.Has(time.Monday) || !walk.Days.Has(time.Sunday) {
		t.Errorf("evening-walk days = %v", walk.Days)
	}
	if _, ok := walk.Schedule.(*scheduler.Daily); !ok {
		t.Errorf("evening-walk schedule is %T", walk.Schedule)
	}
}

func TestDefault(t *testing.T) {
	s := Default()
	var names []string
	for _, r := range s.Reminders {
		names = append(names, r.Name+"="+r.Spec)
	}
	want := "movement=55 9-16 * * mon-fri hydration=2h between 08:00-20:00 magnesium=20:30 calf-stretch=30m before bedtime morning-stretch=07:30 cramp-diary=06:00"
	if got := strings.Join(names, " "); got != want {
		t.Fatalf("default = %s\nwant %s", got, want)
	}
	if s.Location != time.Local {
		t.Errorf("default zone = %v, want Local", s.Location)
	}
	if s.Path != "" {
		t.Errorf("default Path = %q", s.Path)
	}
	if r, _ := s.Reminder("calf-stretch"); r.Routine != "calf-stretch" {
		t.Errorf("calf-stretch routine = %q", r.Routine)
	}
}

func TestSuggest(t *testing.T) {
	tests := []struct{ in, want string }{
		{"befor_bedtime", "before_bedtime"},
		{"tiemzone", "timezone"},
		{"ever", "every"},
		{"colour", ""},
		{"Title", "title"},
		{"catchup", "catch_up"},
	}
	for _, tt := range tests {
		if got := suggest(tt.in, append(reminderKeys, topKeys...)); got != tt.want {
			t.Errorf("suggest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAnchorsAliasesAndTags(t *testing.T) {
	src := `timezone: !!str Europe/Berlin
reminders:
  magnesium: &evening {at: "20:30", snooze: 15m}
  calf-stretch: *evening
  hydration: {every: 2h, between: &day "08:00-20:00"}
  movement: {every: 1h, between: *day}
`
	s, err := Parse("anchors.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	c, _ := s.Reminder("calf-stretch")
	if c.Form != FormAt || c.Spec != "20:30" || c.Snooze != 15*time.Minute {
		t.Errorf("alias of a reminder: %+v", c)
	}
	m, _ := s.Reminder("movement")
	if m.Spec != "1h between 08:00-20:00" {
		t.Errorf("alias of a scalar: %q", m.Spec)
	}
	_, err = Parse("bad.yaml", []byte("reminders:\n  magnesium: *nowhere\n"))
	if err == nil || !strings.Contains(err.Error(), "bad.yaml:2:14:") {
		t.Errorf("unknown alias: %v", err)
	}
	_, err = Parse("merge.yaml", []byte("reminders:\n  magnesium:\n    <<: {at: \"20:30\"}\n"))
	if err == nil || !strings.Contains(err.Error(), "merge keys (<<) are not supported") {
		t.Errorf("merge key: %v", err)
	}
}

func TestLoadOrDefault(t *testing.T) {
	t.Parallel()
	kolkata, err := time.LoadLocation("Asia/Kolkata")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(good, []byte("reminders:\n  magnesium: {at: \"20:30\"}\n"), 0o600)
	os.WriteFile(bad, []byte("reminders:\n  magnesium: {at: \"25:00\"}\n"), 0o600)
	tests := []struct {
		name, path  string
		wantPath    string // "" for the built-in default
		wantErr     bool
		reminderLen int
	}{
		{"file", good, good, false, 1},
		{"absent", filepath.Join(dir, "none.yaml"), "", false, len(Default().Reminders)},
		{"invalid", bad, "", true, 0},
		{"a directory", dir, "", true, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := LoadOrDefault(tt.path, kolkata)
			if (err != nil) != tt.wantErr {
				t.Fatalf("LoadOrDefault(%s) error = %v, want an error: %v", tt.name, err, tt.wantErr)
			}
			if tt.wantErr {
				if s != nil {
					t.Errorf("LoadOrDefault(%s) returned a schedule with its error", tt.name)
				}
				return
			}
			if s.Path != tt.wantPath || len(s.Reminders) != tt.reminderLen || s.Location != kolkata {
				t.Errorf("LoadOrDefault(%s) = path %q, %d reminders, zone %v; want %q, %d, Asia/Kolkata",
					tt.name, s.Path, len(s.Reminders), s.Location, tt.wantPath, tt.reminderLen)
			}
		})
	}
}

// TestErrorsQuoteLongWordsShort: an error quotes the file's own words (a
// value, a reminder's name, a key) up to 80 characters and "…", so a
// 100,000-character value makes a line that can be read, and a
// notification that can be shown; what is not the file's (a list of the
// keys known) stays whole.
func TestErrorsQuoteLongWordsShort(t *testing.T) {
	long := strings.Repeat("9", 100_000)
	name := strings.Repeat("n", 200)
	tests := []struct {
		name, src, want string
	}{
		{"value", "reminders:\n  magnesium: {at: \"" + long + "\"}\n",
			`s.yaml:2:19: reminder "magnesium": at: "` + long[:80] + `…" is not a time of day (want HH:MM)`},
		{"reminder name", "reminders:\n  " + name + ": {at: \"25:00\", title: Water}\n",
			`s.yaml:2:` + strconv.Itoa(len(name)+10) + `: reminder "` + name[:80] + `…": at: "25:00" is not a time of day (want 00:00 to 23:59; midnight is 00:00)`},
		{"short value stays whole", "reminders:\n  magnesium: {at: \"" + long[:80] + "\"}\n",
			`s.yaml:2:19: reminder "magnesium": at: "` + long[:80] + `" is not a time of day (want HH:MM)`},
		{"another package's words (a cron expression and its fields)", "reminders:\n  magnesium: {cron: \"0 0 " + long + " * *\"}\n",
			`s.yaml:2:21: reminder "magnesium": cron: "0 0 ` + long[:76] + `…": "` + long[:80] + `…" is not a number or a name (months jan-dec, weekdays sun-sat)`},
		{"a cron expression of another length", "reminders:\n  magnesium: {cron: \"" + long + "\"}\n",
			`s.yaml:2:21: reminder "magnesium": cron: "` + long[:80] + `…" is not five fields (want minute hour day-of-month month day-of-week, such as "30 20 * * *")`},
		{"a value of many-byte characters is cut between characters", "reminders:\n  magnesium: {at: \"" + strings.Repeat("é", 90) + "\"}\n",
			`s.yaml:2:19: reminder "magnesium": at: "` + strings.Repeat("é", 80) + `…" is not a time of day (want HH:MM)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("s.yaml", []byte(tt.src))
			var errs Errors
			if !errors.As(err, &errs) || len(errs) != 1 {
				t.Fatalf("Parse = %v, want one error", err)
			}
			if got := errs[0].Error(); got != tt.want {
				t.Errorf("error\n got %.300s\nwant %.300s", got, tt.want)
			}
		})
	}

	// A list of what is known is the program's, not the file's: whole.
	_, err := Parse("s.yaml", []byte("reminders:\n  magnesium: {at: \"20:30\", "+name+": 1}\n"))
	if err == nil || !strings.Contains(err.Error(), name[:80]+"…") || !strings.Contains(err.Error(), "when_away") {
		t.Errorf("unknown key: %v", err)
	}
}

// TestYAMLSlipsSayWhatToWrite: the YAML mistakes people make by hand are
// reported at their place with what to write instead, not in the YAML
// library's own words ("value is not allowed in this context").
func TestYAMLSlipsSayWhatToWrite(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"a tab", "reminders:\n  magnesium:\n\tat: \"20:30\"\n",
			`s.yaml:3:1: not valid YAML: a tab (indent with spaces; YAML does not allow tabs)`},
		{"a key indented less than its neighbours", "reminders:\n  magnesium:\n    at: \"20:30\"\n   hydration:\n    every: 2h\n",
			`s.yaml:4:4: not valid YAML: this line is indented unlike the lines above it (indent keys side by side by the same number of spaces, and what belongs to a key further than the key)`},
		{"a key indented further than its neighbours", "reminders:\n  magnesium:\n    at: \"20:30\"\n      title: Pill\n",
			`s.yaml:4:7: not valid YAML: this line is indented unlike the lines above it (indent keys side by side by the same number of spaces, and what belongs to a key further than the key)`},
		{"text after a quoted value", "reminders:\n  magnesium:\n    at: \"20:30\"\n    message: \"Take it\" now\n",
			`s.yaml:4:24: not valid YAML: more text after a value (put the whole value in quotes)`},
		{"a colon in a value", "reminders:\n  magnesium:\n    at: \"20:30\"\n    title: Pill time: now\n",
			`s.yaml:4:12: not valid YAML: a second ": " on one line (put each key on a line of its own, or quote a value that has ": " in it, such as title: "Pill time: now")`},
		{"two keys on one line", "reminders:\n  magnesium:\n    at: \"20:30\"\n  hydration: every: 2h\n",
			`s.yaml:4:14: not valid YAML: a second ": " on one line (put each key on a line of its own, or quote a value that has ": " in it, such as title: "Pill time: now")`},
		{"a key without its colon", "reminders:\n  magnesium\n    at: \"20:30\"\n",
			`s.yaml:2:3: not valid YAML: a key without a colon (end each key with a colon, such as magnesium:)`},
		{"a dash among keys", "reminders:\n  magnesium:\n    at: \"20:30\"\n    - days: mon\n",
			`s.yaml:4:5: not valid YAML: a list entry ("- ") among keys (remove the dash, or put the list under a key of its own)`},
		{"a value starting with @", "reminders:\n  walk:\n    at: \"19:00\"\n    title: @home\n",
			`s.yaml:4:12: not valid YAML: a value cannot start with '@' (put the value in quotes)`},
		{"CRLF line ends", "reminders:\r\n  magnesium:\r\n    at: \"20:30\"\r\n   hydration:\r\n    every: 2h\r\n",
			`s.yaml:4:4: not valid YAML: this line is indented unlike the lines above it (indent keys side by side by the same number of spaces, and what belongs to a key further than the key)`},
		{"a byte order mark", "\ufeffreminders:\n  magnesium:\n    at: \"20:30\"\n   hydration:\n    every: 2h\n",
			`s.yaml:4:4: not valid YAML: this line is indented unlike the lines above it (indent keys side by side by the same number of spaces, and what belongs to a key further than the key)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseIn("s.yaml", []byte(tt.src), time.UTC)
			if err == nil || err.Error() != tt.want {
				t.Errorf("ParseIn = %v\nwant        %s", err, tt.want)
			}
		})
	}
}

// TestDurationSlipsSayWhatToWrite: a duration that is not one says what
// is missing: a unit after a bare number, or hours instead of days.
func TestDurationSlipsSayWhatToWrite(t *testing.T) {
	tests := []struct{ value, want string }{
		{"90", `"90" is not a duration (want e.g. 90s, 30m or 2h; add a unit)`},
		{"1.5", `"1.5" is not a duration (want e.g. 90s, 30m or 2h; add a unit)`},
		{"2d", `"2d" is not a duration (days and weeks are not units here: want hours, minutes or seconds, such as 24h for a day)`},
		{"1 day", `"1 day" is not a duration (days and weeks are not units here: want hours, minutes or seconds, such as 24h for a day)`},
		{"1w", `"1w" is not a duration (days and weeks are not units here: want hours, minutes or seconds, such as 24h for a day)`},
		{"20x", `"20x" is not a duration (want e.g. 90s, 30m or 2h)`},
		{"half an hour", `"half an hour" is not a duration (want e.g. 90s, 30m or 2h)`},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			src := "reminders:\n  magnesium:\n    at: \"20:30\"\n    snooze: " + tt.value + "\n"
			_, err := ParseIn("s.yaml", []byte(src), time.UTC)
			want := `s.yaml:4:13: reminder "magnesium": snooze: ` + tt.want
			if err == nil || err.Error() != want {
				t.Errorf("ParseIn = %v\nwant        %s", err, want)
			}
		})
	}
}

// TestRoutineStepsReportedWhereTheyAre: every step of a routine of one's
// own with an error is reported, each at its own line, and a step whose
// key is misspelt is not also told its text is empty.
func TestRoutineStepsReportedWhereTheyAre(t *testing.T) {
	tests := []struct{ name, steps, want string }{
		{"two bad steps",
			"      - {text: \"\", hold: 20s}\n      - {text: \"Circle your ankles\", hold: 2h}\n",
			"s.yaml:7:9: routines.desk: step 1: text is empty\n" +
				"s.yaml:8:9: routines.desk: step 2: hold 2h0m0s, want between 0s and 10m0s"},
		{"a misspelt key",
			"      - {txt: \"Stand up and stretch\", hold: 20s}\n",
			`s.yaml:7:10: routines.desk.steps: unknown key "txt" (did you mean "text"?)`},
		{"a step error and no title",
			"      - {text: \"\"}\n",
			"s.yaml:4:3: routines.desk: title is empty\n" +
				"s.yaml:7:9: routines.desk: step 1: text is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			title := "    title: Desk stretch\n"
			if strings.Contains(tt.name, "no title") {
				title = "    done: Done.\n"
			}
			src := "reminders:\n  desk: {at: \"15:00\", routine: desk}\nroutines:\n  desk:\n" + title + "    steps:\n" + tt.steps
			_, err := ParseIn("s.yaml", []byte(src), time.UTC)
			if err == nil || err.Error() != tt.want {
				t.Errorf("ParseIn = %v\nwant:\n%s", err, tt.want)
			}
		})
	}
}

// TestTimeOfDaySlipsSayWhatToWrite: a time of day that is not one says
// what to write: the HH:MM form, or, for one past the clock's end
// ("24:00" for midnight, "25:00"), the range.
func TestTimeOfDaySlipsSayWhatToWrite(t *testing.T) {
	tests := []struct{ value, want string }{
		{`"9:5"`, `"9:5" is not a time of day (want HH:MM)`},
		{`"8pm"`, `"8pm" is not a time of day (want HH:MM)`},
		{`"20.30"`, `"20.30" is not a time of day (want HH:MM)`},
		{`"24:00"`, `"24:00" is not a time of day (want 00:00 to 23:59; midnight is 00:00)`},
		{`"25:00"`, `"25:00" is not a time of day (want 00:00 to 23:59; midnight is 00:00)`},
		{`"7:75"`, `"7:75" is not a time of day (want 00:00 to 23:59; midnight is 00:00)`},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			src := "reminders:\n  magnesium:\n    at: " + tt.value + "\n"
			_, err := ParseIn("s.yaml", []byte(src), time.UTC)
			want := `s.yaml:3:9: reminder "magnesium": at: ` + tt.want
			if err == nil || err.Error() != want {
				t.Errorf("ParseIn = %v\nwant        %s", err, want)
			}
		})
	}
}

// TestTextBeginningWithHashIsNotLeftOut: "title: #1 pill" is, to YAML, a
// key and a comment; it is an error at the key, not the built-in title
// without a word. A quoted one is the text, and an explicit "" is left to
// the built-in.
func TestTextBeginningWithHashIsNotLeftOut(t *testing.T) {
	quote := "quote one that begins with #, or YAML reads it as a comment"
	tests := []struct{ line, want, title string }{
		{`title: #1 pill`, `s.yaml:4:5: reminder "magnesium": title: is empty (want a one-line text; ` + quote + `)`, ""},
		{`message: # with food`, `s.yaml:4:5: reminder "magnesium": message: is empty (want a text; ` + quote + `)`, ""},
		{`title:`, `s.yaml:4:5: reminder "magnesium": title: is empty (want a one-line text; ` + quote + `)`, ""},
		{`title: "#1 pill"`, "", "#1 pill"},
		{`title: ""`, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			src := "reminders:\n  magnesium:\n    at: \"21:00\"\n    " + tt.line + "\n"
			s, err := ParseIn("s.yaml", []byte(src), time.UTC)
			if tt.want != "" {
				if err == nil || err.Error() != tt.want {
					t.Errorf("ParseIn = %v\nwant        %s", err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r, _ := s.Reminder("magnesium"); r.Title != tt.title {
				t.Errorf("title = %q, want %q", r.Title, tt.title)
			}
		})
	}
}

// TestRemindersSectionMissingOrEmpty: a reminders: key with nothing under
// it (all commented out, or the reminders not indented) is reported at
// the key as empty, not as missing; a file without one says so at its
// first line.
func TestRemindersSectionMissingOrEmpty(t *testing.T) {
	empty := `reminders: is empty (want the reminders under it by name, indented, such as magnesium: {at: "20:30"})`
	tests := []struct{ name, src, want string }{
		{"all commented out", "bedtime: \"22:30\"\nreminders:\n# magnesium:\n#   at: \"20:30\"\n",
			"s.yaml:2:1: " + empty},
		{"reminders not indented", "bedtime: \"22:30\"\nreminders:\nmagnesium:\n  at: \"20:30\"\n",
			"s.yaml:2:1: " + empty + "\n" +
				`s.yaml:3:1: unknown key "magnesium" (want one of timezone, language, bedtime, away, reminders, routines, channels, sync)`},
		{"no reminders: key", "bedtime: \"22:30\"\n",
			"s.yaml:1:1: no reminders: section (want a map of reminders by name)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseIn("s.yaml", []byte(tt.src), time.UTC)
			if err == nil || err.Error() != tt.want {
				t.Errorf("ParseIn = %v\nwant:\n%s", err, tt.want)
			}
		})
	}
}

// TestReminderKeyIndentedAsAReminder: a reminder's key written at the
// reminders' indentation (under magnesium:, but not further in) says to
// indent it, not that a reminder named "at" wants a map.
func TestReminderKeyIndentedAsAReminder(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"at", "reminders:\n  magnesium:\n  at: \"20:30\"\n",
			`s.yaml:2:3: reminder "magnesium": has no schedule (want one of cron, every, at or before_bedtime)` + "\n" +
				`s.yaml:3:3: reminders: "at" is a reminder's key, not a reminder (indent it under its reminder, further than the reminder's name)`},
		{"days, a list", "reminders:\n  magnesium:\n    at: \"20:30\"\n  days: [mon]\n",
			`s.yaml:4:3: reminders: "days" is a reminder's key, not a reminder (indent it under its reminder, further than the reminder's name)`},
		{"a reminder named so keeps its name", "reminders:\n  sound:\n    at: \"20:30\"\n",
			`s.yaml:2:3: reminder "sound": has no text: built-in texts exist only for movement, hydration, magnesium, calf-stretch, morning-stretch; give this one a title or message`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseIn("s.yaml", []byte(tt.src), time.UTC)
			if err == nil || err.Error() != tt.want {
				t.Errorf("ParseIn = %v\nwant:\n%s", err, tt.want)
			}
		})
	}
}

// TestKeyWithoutSpaceAfterColon: "at:"20:30"" (no space after the colon)
// says to put one there, with the line as it should be.
func TestKeyWithoutSpaceAfterColon(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"in a reminder", "reminders:\n  magnesium:\n    at:\"20:30\"\n",
			`s.yaml:3:5: reminder "magnesium": "at:\"20:30\"" is not a key and its value (want a space after the colon: at: "20:30")`},
		{"a reminder's schedule", "reminders:\n  hydration:\n    every:2h\n",
			`s.yaml:3:5: reminder "hydration": "every:2h" is not a key and its value (want a space after the colon: every: 2h)`},
		{"other text", "reminders:\n  magnesium: at 20:30\n",
			`s.yaml:2:14: reminder "magnesium": got "at 20:30", want a map of keys and values`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseIn("s.yaml", []byte(tt.src), time.UTC)
			if err == nil || err.Error() != tt.want {
				t.Errorf("ParseIn = %v\nwant:\n%s", err, tt.want)
			}
		})
	}
}
