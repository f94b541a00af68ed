package notify

import (
	"testing"

	"github.com/bedtime-app/bedtime/locale"
)

// TestHeldReasonsAreMessages: why a message is held becomes, through the
// daemon, a problem that `bedtime status` shows in the person's language
// (daemon.ProblemIn), so each reason is a message of the catalog.
func TestHeldReasonsAreMessages(t *testing.T) {
	de, err := locale.Parse("de")
	if err != nil {
		t.Fatal(err)
	}
	for _, why := range heldReasons {
		if de.Sprintf(why) == why {
			t.Errorf("held reason %q is not a translated message", why)
		}
	}
}
