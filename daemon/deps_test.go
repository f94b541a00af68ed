package daemon

import (
	"slices"
	"strings"
	"testing"

	"github.com/bedtime-app/bedtime/internal/testutil"
)

// TestNoHTTPClient: the daemon and its channels link no HTTP client
// (net/http, nor crypto/tls, which it brings), on every platform. Package
// initialisation runs whatever a program links, and the two are about
// 4 MiB of the daemon's resident pages at rest; the daemon's own program
// (cmd/bedtime-daemon) links this package and must stay without them. The
// phone channel, which needs them, is package channel/ntfy, given to the
// daemon by bedtime run (Options.Ntfy).
func TestNoHTTPClient(t *testing.T) {
	t.Parallel()
	forbidden := []string{"net/http", "crypto/tls"}
	for _, pkg := range []string{"github.com/bedtime-app/bedtime/daemon", "github.com/bedtime-app/bedtime/channel"} {
		for _, platform := range []string{"linux/amd64", "windows/amd64", "darwin/arm64"} {
			t.Run(strings.TrimPrefix(pkg, "github.com/bedtime-app/bedtime/")+"/"+platform, func(t *testing.T) {
				t.Parallel()
				goos, goarch, _ := strings.Cut(platform, "/")
				imported := testutil.ImportedBy(t, pkg, goos, goarch)
				for _, f := range forbidden {
					if by := imported[f]; len(by) > 0 {
						slices.Sort(by)
						t.Errorf("%s on %s links %s, imported by %s", pkg, platform, f, strings.Join(by, ", "))
					}
				}
			})
		}
	}
}
