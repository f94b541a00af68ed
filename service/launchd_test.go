package service

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/bedtime-app/bedtime/internal/testutil"
)

func TestLaunchdPlistGolden(t *testing.T) {
	tests := []struct {
		name string
		spec Spec
		home string
	}{
		{"plain", Spec{Executable: "/usr/local/bin/bedtime", ConfigPath: "/Users/alice/Library/Application Support/bedtime/schedule.yaml", OrBuiltin: true}, "/Users/alice"},
		{"odd-paths", Spec{Executable: "/Applications/Tom & Jerry's/bedtime", ConfigPath: `/Users/bob/<night> "plans"/schedule.yaml`}, "/Users/bob"},
		{"daemon", Spec{Executable: "/opt/homebrew/bin/bedtime", Daemon: "/opt/homebrew/bin/bedtime-daemon", ConfigPath: "/Users/alice/Library/Application Support/bedtime/schedule.yaml", OrBuiltin: true}, "/Users/alice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plist, err := renderLaunchdPlist(tt.spec, tt.home)
			if err != nil {
				t.Fatal(err)
			}
			testutil.Golden(t, tt.name+".plist.golden", plist)

			// Well-formed XML, and the arguments read back as given.
			dec := xml.NewDecoder(strings.NewReader(string(plist)))
			for {
				if _, err := dec.Token(); errors.Is(err, io.EOF) {
					break
				} else if err != nil {
					t.Fatalf("plist is not well-formed XML: %v", err)
				}
			}
			args := launchdProgramArguments(plist)
			want := strings.Join(append([]string{tt.spec.Program()}, tt.spec.Args()...), "|")
			if got := strings.Join(args, "|"); got != want {
				t.Errorf("ProgramArguments = %q, want %q", got, want)
			}
			if back, ok := specFromArgs(args); !ok || back != tt.spec {
				t.Errorf("the plist reads back as %+v, want %+v", back, tt.spec)
			}
		})
	}
}

// plistReader is Python's plistlib, a real plist parser (the one macOS's
// own Python tools use): it prints the plist as JSON.
const plistReader = `import json, plistlib, sys
print(json.dumps(plistlib.load(open(sys.argv[1], "rb"))))`

// TestLaunchdPlistParses reads the rendered plist with Python's plistlib
// and checks every key launchd acts on. A plist with a bad escape shows
// that the check can fail.
func TestLaunchdPlistParses(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Fatal("python3 is needed to parse the plist (Debian package python3): ", err)
	}
	parse := func(plist []byte) (map[string]any, error) {
		path := filepath.Join(t.TempDir(), "agent.plist")
		if err := os.WriteFile(path, plist, 0o600); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(python, "-c", plistReader, path).Output()
		if err != nil {
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				return nil, fmt.Errorf("%w: %s", err, ee.Stderr)
			}
			return nil, err
		}
		var doc map[string]any
		return doc, json.Unmarshal(out, &doc)
	}
	for _, tt := range []struct {
		name string
		spec Spec
		home string
	}{
		{"plain", Spec{Executable: "/usr/local/bin/bedtime", ConfigPath: "/Users/alice/Library/Application Support/bedtime/schedule.yaml", OrBuiltin: true}, "/Users/alice"},
		{"odd-paths", Spec{Executable: "/Applications/Tom & Jerry's/<bed>time", ConfigPath: `/Users/bob/<night> "plans" ]]>/schedule.yaml`, OrBuiltin: true}, "/Users/b&b"},
		{"daemon", Spec{Executable: "/opt/homebrew/bin/bedtime", Daemon: "/opt/homebrew/bin/bedtime-daemon", ConfigPath: "/Users/alice/Library/Application Support/bedtime/schedule.yaml", OrBuiltin: true}, "/Users/alice"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			plist, err := renderLaunchdPlist(tt.spec, tt.home)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := parse(plist)
			if err != nil {
				t.Fatalf("plistlib cannot read the plist: %v\n%s", err, plist)
			}
			log := filepath.Join(tt.home, "Library", "Logs", "bedtime", "bedtime.log")
			want := map[string]any{
				"Label":                launchdLabel,
				"ProgramArguments":     []any{tt.spec.Program(), "run", "--config", tt.spec.ConfigPath, "--or-builtin"},
				"EnvironmentVariables": map[string]any{CannotStartEnv: "0"},
				"RunAtLoad":            true,
				"KeepAlive":            map[string]any{"SuccessfulExit": false},
				"StandardOutPath":      log,
				"StandardErrorPath":    log,
			}
			if !reflect.DeepEqual(doc, want) {
				t.Errorf("plistlib read\n  %v\nwant\n  %v", doc, want)
			}
		})
	}
	if _, err := parse([]byte(strings.Replace(string(mustPlist(t)), "&amp;", "&", 1))); err == nil {
		t.Error("plistlib accepted a plist with a bare &: the check cannot fail")
	}
}

func mustPlist(t *testing.T) []byte {
	t.Helper()
	p, err := renderLaunchdPlist(Spec{Executable: "/a & b/bedtime", ConfigPath: "/s.yaml"}, "/Users/a")
	if err != nil {
		t.Fatal(err)
	}
	return p
}
