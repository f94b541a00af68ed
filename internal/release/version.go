package release

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

var describeRE = regexp.MustCompile(`^v(\d+\.\d+\.\d+)(?:-(\d+)-g[0-9a-f]+)?$`)

// Version returns the version of a build from "git describe --tags
// --match 'v[0-9]*' --long"-less output (describe, "" when no tag
// exists), the commit hash and its time: "1.2.3" on a commit tagged v1.2.3;
// after it, or with no tag at all (then from 0.0.0), the last tag's version
// followed by ".git", the commit's UTC date and its short hash, for example
// "1.2.3.git20261207.9ed1169". Such a version sorts after its tag and before
// the next one in dpkg, rpm and pacman alike, and holds only characters all
// three accept in a version (digits, letters and dots).
func Version(describe, commit string, when time.Time) (string, error) {
	if len(commit) < 7 {
		return "", fmt.Errorf("commit %q is too short", commit)
	}
	base, exact := "0.0.0", false
	if describe != "" {
		m := describeRE.FindStringSubmatch(strings.TrimSpace(describe))
		if m == nil {
			return "", fmt.Errorf("git describe gave %q, not vX.Y.Z or vX.Y.Z-N-gHASH", describe)
		}
		base, exact = m[1], m[2] == ""
	}
	if exact {
		return base, nil
	}
	return fmt.Sprintf("%s.git%s.%s", base, when.UTC().Format("20060102"), commit[:7]), nil
}
