package config

import (
	"regexp"
	"strings"
	"testing"
)

// TestIsTopic: the hand check says what the pattern it replaces says.
func TestIsTopic(t *testing.T) {
	re := regexp.MustCompile(`^[-_A-Za-z0-9]{1,64}$`)
	for _, s := range []string{
		"bedtime", "AZaz09-_", "x", strings.Repeat("a", 64),
		"", strings.Repeat("a", 65), "has space", "a\n", "é", "a/b", "a.b", "a\x00", "\xff",
	} {
		if got, want := isTopic(s), re.MatchString(s); got != want {
			t.Errorf("isTopic(%q) = %v, the pattern says %v", s, got, want)
		}
	}
	if !isTopic("bedtime-7") || isTopic("") {
		t.Error("isTopic refuses a topic or accepts an empty one")
	}
}
