package locale

import (
	"regexp"
	"strings"
	"sync"
)

// appleLangRE is one language of `defaults read -g AppleLanguages`: a
// BCP 47 tag, quoted or not. Compiled on first use (macOS only).
var appleLangRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^"?([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)"?,?$`)
})

// parseAppleLanguages reads the property-list array printed by
// `defaults read -g AppleLanguages`, such as
//
//	(
//	    "de-DE",
//	    "en-GB"
//	)
//
// and returns its tags in order. Anything else in the output is ignored;
// at most 16 tags of at most 35 bytes are taken.
func parseAppleLanguages(out []byte) []string {
	var tags []string
	for _, line := range strings.Split(string(out), "\n") {
		line = strings.TrimSpace(line)
		if len(line) > 40 {
			continue
		}
		if m := appleLangRE().FindStringSubmatch(line); m != nil {
			tags = append(tags, m[1])
			if len(tags) == 16 {
				break
			}
		}
	}
	return tags
}
