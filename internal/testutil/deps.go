package testutil

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// ImportedBy returns, for each package pkg links when built for goos and
// goarch, the packages of that build that import it (go list -deps). go
// test puts its own go first on PATH.
func ImportedBy(t testing.TB, pkg, goos, goarch string) map[string][]string {
	t.Helper()
	cmd := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}{{range .Imports}} {{.}}{{end}}", pkg)
	cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH="+goarch)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps %s for %s/%s: %v", pkg, goos, goarch, err)
	}
	by := map[string][]string{}
	n := 0
	for line := range strings.Lines(string(out)) {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		n++
		for _, imp := range fields[1:] {
			by[imp] = append(by[imp], fields[0])
		}
	}
	if n < 10 {
		t.Fatalf("go list -deps %s listed %d packages:\n%s", pkg, n, out)
	}
	return by
}
