package config

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGoodFiles loads every file in testdata/good.
func TestGoodFiles(t *testing.T) {
	files, _ := filepath.Glob("testdata/good/*.yaml")
	if len(files) < 2 {
		t.Fatalf("good files: %v", files)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			if _, err := Load(f); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestByteOrderMark is issue 12 item 12: Notepad starts a UTF-8 file with
// a byte order mark; it is not part of the first key, and columns count
// from after it, as the editor shows them.
func TestByteOrderMark(t *testing.T) {
	bom := "\xef\xbb\xbf"
	s, err := Parse("bom.yaml", append([]byte(bom), Template()...))
	if err != nil {
		t.Fatalf("the default file with a BOM: %v", err)
	}
	if got, want := len(s.Reminders), len(Default().Reminders); got != want {
		t.Errorf("%d reminders, want %d", got, want)
	}
	s, err = Parse("bom.yaml", []byte(bom+"reminders: {magnesium: {at: \"20:30\"}}\n"))
	if err != nil || len(s.Reminders) != 1 {
		t.Fatalf("a BOM before the first key: %v", err)
	}
	tests := []struct{ src, want string }{
		{bom + "tiemzone: UTC\nreminders: {magnesium: {at: \"20:30\"}}\n", `bom.yaml:1:1: unknown key "tiemzone" (did you mean "timezone"?)`},
		{bom + "reminders: {magnesium: {at: \"25:30\"}}\n", `bom.yaml:1:29: reminder "magnesium": at: "25:30" is not a time of day (want 00:00 to 23:59; midnight is 00:00)`},
		{bom + "reminders: " + strings.Repeat("[", 40), `bom.yaml:1:43: nested too deeply (more than 32 levels of lists and maps)`},
		// A BOM anywhere else is text, as YAML says.
		{"reminders:\n  " + bom + "magnesium: {at: \"20:30\"}\n", `bom.yaml:2:3: reminder "\ufeffmagnesium": name must be lower-case letters, digits and dashes, such as "evening-walk"`},
		{"\xff\xfer\x00", `bom.yaml:1:1: the file is in UTF-16 (want UTF-8; in Notepad, choose Save As and the encoding UTF-8)`},
	}
	for _, tt := range tests {
		_, err := Parse("bom.yaml", []byte(tt.src))
		if err == nil || err.Error() != tt.want {
			t.Errorf("Parse(%q) = %v\nwant %s", tt.src, err, tt.want)
		}
	}
}

// TestControlCharacters is issue 12 item 11: a title or message that no
// notification can carry is an error in the file, with its position.
func TestControlCharacters(t *testing.T) {
	tests := []struct {
		text string // as written in the file, in double quotes
		want string // "" for valid
	}{
		{`Magnesium`, ""},
		{`tab\there`, ""},
		{`\u00e9t\u00e9, \u2013 and emoji \U0001F319`, ""},
		{`nul\0`, "contains the control character U+0000 at character 4"},
		{`\e[1mbold`, "contains the control character U+001B at character 1"},
		{`del\x7f`, "contains the control character U+007F at character 4"},
		{`C1\x85`, "contains the control character U+0085 at character 3"},
		{`cr\r`, "contains the control character U+000D at character 3"}, // in a message; a title says it spans lines
	}
	for _, tt := range tests {
		for _, field := range []string{"title", "message"} {
			if field == "title" && strings.Contains(tt.text, `\r`) {
				continue
			}
			src := "reminders:\n  magnesium:\n    at: \"20:30\"\n    " + field + ": \"" + tt.text + "\"\n"
			_, err := Parse("cc.yaml", []byte(src))
			if tt.want == "" {
				if err != nil {
					t.Errorf("%s %q: %v", field, tt.text, err)
				}
				continue
			}
			col := "12"
			if field == "message" {
				col = "14"
			}
			want := `cc.yaml:4:` + col + `: reminder "magnesium": ` + field + ": " + tt.want + " (a notification cannot show it; remove it)"
			if err == nil || err.Error() != want {
				t.Errorf("%s %q: %v\nwant %s", field, tt.text, err, want)
			}
		}
	}
	// A raw NUL byte in the file, and the texts of routines.
	src := "routines:\n  mine:\n    title: T\n    steps: [{text: \"a\\0\", hold: 1s}]\nreminders:\n  magnesium: {at: \"20:30\", title: a\x00b, routine: mine}\n"
	_, err := Parse("cc.yaml", []byte(src))
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("Parse = %v", err)
	}
	found := 0
	for _, e := range es {
		if strings.HasPrefix(e.Msg, "contains the control character U+0000") &&
			(e.Field == "routines.mine.steps.text" && e.Line == 4 || e.Field == "title" && e.Line == 6 && e.Column == 35) {
			found++
		}
	}
	if found != 2 {
		t.Errorf("Parse = %v, want both NULs reported", err)
	}
}

// TestParseChecksSize is issue 12 item 9: Parse, which `bedtime edit`
// uses, refuses what Load refuses.
func TestParseChecksSize(t *testing.T) {
	big := append([]byte("reminders:\n  magnesium: {at: \"20:30\"}\n#"), bytes.Repeat([]byte("x"), MaxFileSize)...)
	_, err := Parse("big.yaml", big)
	if err == nil || err.Error() != "big.yaml: file is larger than 1024 KiB; is it the right file?" {
		t.Fatalf("Parse = %v", err)
	}
	path := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(path, big, 0o600); err != nil {
		t.Fatal(err)
	}
	_, lerr := Load(path)
	if lerr == nil || strings.TrimPrefix(lerr.Error(), path) != strings.TrimPrefix(err.Error(), "big.yaml") {
		t.Errorf("Load = %v, Parse = %v", lerr, err)
	}
	if _, err := Parse("ok.yaml", big[:MaxFileSize]); err != nil {
		t.Errorf("a file of exactly MaxFileSize: %v", err)
	}
}
