package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/internal/testutil"
)

// run runs the bedtime command line with args and returns its exit code,
// stdout and stderr.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Run(context.Background(), args, strings.NewReader(""), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestCramp(t *testing.T) {
	t.Parallel()
	code, out, errOut := run(t, "cramp")
	if code != 0 || errOut != "" {
		t.Fatalf("bedtime cramp: exit %d, stderr %q; want 0 and nothing", code, errOut)
	}
	testutil.Golden(t, "content/cramp.golden", []byte(out))
	for _, want := range []string{"30-60\u00a0seconds", "heels", "See a doctor", "blood clot", content.Disclaimer()} {
		if !strings.Contains(out, want) {
			t.Errorf("bedtime cramp lacks %q", want)
		}
	}
}

func TestCrampRejectsArguments(t *testing.T) {
	t.Parallel()
	code, out, errOut := run(t, "cramp", "now")
	if code == 0 {
		t.Fatalf("bedtime cramp now: exit 0, want non-zero")
	}
	if out != "" || errOut != "bedtime: cramp takes no arguments, got \"now\"\nusage: bedtime cramp [flags]\n" {
		t.Errorf("bedtime cramp now: stdout %q, stderr %q", out, errOut)
	}
}
