package main

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestLaunchdPlistGolden(t *testing.T) {
	tests := []struct {
		name string
		spec serviceSpec
		home string
	}{
		{"plain", serviceSpec{Executable: "/usr/local/bin/bedtime", ConfigPath: "/Users/alice/Library/Application Support/bedtime/schedule.yaml"}, "/Users/alice"},
		{"odd-paths", serviceSpec{Executable: "/Applications/Tom & Jerry's/bedtime", ConfigPath: `/Users/bob/<night> "plans"/schedule.yaml`}, "/Users/bob"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plist, err := renderLaunchdPlist(tt.spec, tt.home)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, "service/"+tt.name+".plist.golden", plist)

			// Well-formed XML, and the arguments read back as given.
			dec := xml.NewDecoder(strings.NewReader(string(plist)))
			for {
				if _, err := dec.Token(); errors.Is(err, io.EOF) {
					break
				} else if err != nil {
					t.Fatalf("plist is not well-formed XML: %v", err)
				}
			}
			got := strings.Join(launchdProgramArguments(plist), "|")
			want := strings.Join(append([]string{tt.spec.Executable}, tt.spec.Args()...), "|")
			if got != want {
				t.Errorf("ProgramArguments = %q, want %q", got, want)
			}
		})
	}
}
