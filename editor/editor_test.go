package editor

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

func TestEditorFallback(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix editors")
	}
	tests := []struct {
		onPath []string
		want   string
	}{
		{[]string{"vi", "nano", "editor"}, "editor"},
		{[]string{"vi", "nano"}, "nano"},
		{[]string{"vi"}, "vi"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.onPath, ","), func(t *testing.T) {
			dir := t.TempDir()
			for _, name := range tt.onPath {
				if err := os.WriteFile(filepath.Join(dir, name), []byte("#!/bin/sh\n"), 0o700); err != nil {
					t.Fatal(err)
				}
			}
			t.Setenv("PATH", dir)
			t.Setenv("VISUAL", "")
			t.Setenv("EDITOR", " ")
			e, err := Find()
			if err != nil {
				t.Fatal(err)
			}
			if got, want := e.Argv, []string{filepath.Join(dir, tt.want)}; !reflect.DeepEqual(got, want) {
				t.Fatalf("editor = %q, want %q", got, want)
			}
		})
	}
	t.Run("none", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		t.Setenv("VISUAL", "")
		t.Setenv("EDITOR", "")
		_, err := Find()
		if err == nil || err.Error() != "no editor found (tried editor, nano, vi); set $VISUAL or $EDITOR" {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestParseEditor(t *testing.T) {
	t.Parallel()
	tests := []struct {
		value, goos string
		want        Command
	}{
		{"vim", "linux", Command{Name: "vim", Argv: []string{"vim"}}},
		{"/usr/bin/nvim", "darwin", Command{Name: "/usr/bin/nvim", Argv: []string{"/usr/bin/nvim"}}},
		{"code --wait", "linux", Command{Name: "code --wait", Argv: []string{"code --wait"}, Shell: true}},
		{"'/opt/My Editor/ed'", "linux", Command{Name: "'/opt/My Editor/ed'", Argv: []string{"'/opt/My Editor/ed'"}, Shell: true}},
		{"notepad", "windows", Command{Name: "notepad", Argv: []string{"notepad"}}},
		{"code --wait", "windows", Command{Name: "code --wait", Argv: []string{"code", "--wait"}}},
		{`"C:\Program Files\Notepad++\notepad++.exe" -multiInst  -nosession`, "windows",
			Command{Name: `"C:\Program Files\Notepad++\notepad++.exe" -multiInst  -nosession`,
				Argv: []string{`C:\Program Files\Notepad++\notepad++.exe`, "-multiInst", "-nosession"}}},
	}
	for _, tt := range tests {
		t.Run(tt.goos+" "+tt.value, func(t *testing.T) {
			got, err := Parse(tt.value, tt.goos)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("Parse(%q) = %+v, want %+v", tt.value, got, tt.want)
			}
		})
	}
	if _, err := Parse(`""`, "windows"); err == nil {
		t.Error(`Parse("\"\"", windows): no error`)
	}
}
