package locale

import (
	"context"
	"os/exec"
	"time"
)

// system returns the user's preferred languages from macOS's global
// defaults (`defaults read -g AppleLanguages`), best first. A launchd
// agent usually has no LANG, so this is how bedtime hears the person's
// language there. The command's output is checked by parseAppleLanguages
// like any other input.
func system() []string {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "/usr/bin/defaults", "read", "-g", "AppleLanguages").Output()
	if err != nil {
		return nil
	}
	return parseAppleLanguages(out)
}
