package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// doctor names the files bedtime moved aside in its state directory (it
// reads them no longer), at most three one by one, and says nothing when
// there is none.
func TestDoctorNamesFilesMovedAside(t *testing.T) {
	tests := []struct {
		name     string
		files    []string
		want     []string // a line each, in order
		wantCode int
	}{
		{"none", []string{"state.json", "history.jsonl"}, nil, 0},
		{"a state file that did not parse", []string{"state.json", "state.json.corrupt-20261201T101010"},
			[]string{"FAIL records: state.json could not be read; it was moved aside on "}, 1},
		{"a link where the history was", []string{"history.jsonl.unusable-20261202T030405"},
			[]string{"FAIL records: history.jsonl was not a file of bedtime's own (a link, a pipe or a device); it was moved aside on "}, 1},
		{"more than three", []string{
			"state.json.corrupt-20261201T101010", "state.json.corrupt-20261201T101011", "state.json.corrupt-20261201T101012",
			"state.json.corrupt-20261201T101013", "state.json.corrupt-20261201T101014"},
			[]string{"FAIL records: state.json could not be read", "FAIL records: state.json could not be read",
				"FAIL records: state.json could not be read", "FAIL records: and 2 more files moved aside in "}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, f := range tt.files {
				if err := os.WriteFile(filepath.Join(dir, f), nil, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			var out bytes.Buffer
			app := &App{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &out, StateDir: dir, Checks: []doctorCheck{checkRecords}}
			code := app.Run(context.Background(), []string{"doctor"})
			var lines []string
			for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
				if strings.HasPrefix(l, "FAIL") || strings.HasPrefix(l, "OK") {
					lines = append(lines, l)
				}
			}
			if code != tt.wantCode || len(lines) != len(tt.want) {
				t.Fatalf("exit %d, %d lines; want %d, %d:\n%s", code, len(lines), tt.wantCode, len(tt.want), out.String())
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(lines[i], w) || !strings.Contains(lines[i], "fix: bedtime deleted nothing") {
					t.Errorf("line %d = %q; want it to start %q and say bedtime deleted nothing", i, lines[i], w)
				}
			}
			if len(tt.files) > 0 && tt.wantCode == 1 && !strings.Contains(out.String(), filepath.Join(dir, tt.files[len(tt.files)-1])) && len(tt.want) < 4 {
				t.Errorf("the moved file's path is not named:\n%s", out.String())
			}
		})
	}
}
