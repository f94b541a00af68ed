package config

import (
	"regexp"
	"strings"
	"testing"
)

// TestIsNtfyToken: the hand check says what the pattern it replaces says.
func TestIsNtfyToken(t *testing.T) {
	re := regexp.MustCompile(`^[-_A-Za-z0-9]{1,64}$`)
	for _, s := range []string{
		"bedtime", "kP3x_9-Q", "AZaz09-_", "x", strings.Repeat("a", 64),
		"", strings.Repeat("a", 65), "has space", "a\n", "é", "a/b", "a.b", "a\x00", "\xff",
	} {
		if got, want := IsNtfyToken(s), re.MatchString(s); got != want {
			t.Errorf("IsNtfyToken(%q) = %v, the pattern says %v", s, got, want)
		}
	}
	if !IsNtfyToken("bedtime-7") || IsNtfyToken("") {
		t.Error("IsNtfyToken refuses a topic or accepts an empty one")
	}
}
