package channel

import (
	"os"
	"testing"
	"testing/synctest"
	"time"
)

// What the tests inside the package share (those of the Dispatcher with a
// real ntfy channel, in package channel_test, have their own in
// helpers_test.go).

// inBubble runs f in a synctest bubble.
func inBubble(t *testing.T, f func(t *testing.T)) { synctest.Test(t, f) }

var (
	berlin, _ = time.LoadLocation("Europe/Berlin")
	// at2030 is an instant for code that reads no clock (tokens, a
	// command's arguments).
	at2030 = time.Date(2026, 12, 1, 20, 30, 0, 0, berlin)
	msg    = Message{Title: "Magnesium", Body: "Take your magnesium with a glass of water.", Tags: []string{"pill"}, Answers: true}
)

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
