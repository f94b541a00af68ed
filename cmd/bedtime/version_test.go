package main

import (
	"runtime"
	"testing"
)

func TestVersionCmd(t *testing.T) {
	oldVersion, oldCommit := version, commit
	version, commit = "1.2.3", "0123456789abcdef0123456789abcdef01234567"
	defer func() { version, commit = oldVersion, oldCommit }()
	code, out, errOut := run(t, "version")
	if code != 0 {
		t.Fatalf("version: exit %d, stderr %q", code, errOut)
	}
	want := "bedtime 1.2.3\ncommit  0123456789abcdef0123456789abcdef01234567\ngo      " + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH + "\n"
	if out != want {
		t.Errorf("version printed %q, want %q", out, want)
	}
}
