package channel

import (
	"regexp"
	"strings"
	"testing"
)

// TestIsToken: the hand check says what the pattern it replaces says.
func TestIsToken(t *testing.T) {
	re := regexp.MustCompile(`^[-_A-Za-z0-9]{1,64}$`)
	for _, s := range []string{
		"abc", "AZaz09-_", "x", strings.Repeat("a", 64),
		"", strings.Repeat("a", 65), "a b", "a\n", "é", "a/b", "a.b", "a\x00", "\xff",
	} {
		if got, want := isToken(s), re.MatchString(s); got != want {
			t.Errorf("isToken(%q) = %v, the pattern says %v", s, got, want)
		}
	}
	if !isToken("kP3x_9-Q") || isToken("") {
		t.Error("isToken refuses an id or accepts an empty one")
	}
}
