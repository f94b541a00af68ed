package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/runner"
	"github.com/spf13/cobra"
)

// commit is set at build time with -ldflags "-X main.commit=...", as make
// dist does; without it the commit comes from the build info Go stamps from
// the repository.
var commit = ""

// buildVersion returns the version set with -ldflags, else the module
// version from the build info, else "devel".
func buildVersion() string { return runner.Version(version) }

// buildCommit returns the commit set with -ldflags, else the one in the
// build info (with "-dirty" when the tree had changes), else "unknown".
func buildCommit() string {
	if commit != "" {
		return commit
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		rev, dirty := "", false
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
		if rev != "" {
			if dirty {
				rev += "-dirty"
			}
			return rev
		}
	}
	return "unknown"
}

// appKey is the context key under which Run keeps the App that runs the
// command line, for cobra's version template (versionLine).
type appKey struct{}

func init() {
	// cobra prints the line of `bedtime --version` from its version
	// template straight after reading the flags, with no hook of its own;
	// the template calls versionLine, which finds the App in the command's
	// context. Registered once: cobra's template functions are global.
	cobra.AddTemplateFunc("bedtimeVersionLine", versionLine)
}

// versionTemplate is the root command's version template.
const versionTemplate = "{{bedtimeVersionLine .}}\n"

// versionLine is what `bedtime --version` prints, in the person's
// language (a --config file's language: key included, the flags being
// read by then); English when no App runs c.
func versionLine(c *cobra.Command) string {
	l := locale.English
	if ctx := c.Context(); ctx != nil {
		if app, ok := ctx.Value(appKey{}).(*App); ok {
			l = app.locale(nil)
		}
	}
	return l.Sprintf("bedtime version %s", buildVersion())
}

func newVersionCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version, the commit it was built from and the Go version",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			// The labels line up in every language: "commit  ", "go      ".
			l := app.locale(nil)
			commitLabel, goLabel := l.Sprintf("commit"), "go" // the name of the language Go
			w := max(len([]rune(commitLabel)), len([]rune(goLabel))) + 2
			pad := func(s string) string { return s + strings.Repeat(" ", w-len([]rune(s))) }
			fmt.Fprintf(app.Stdout, "bedtime %s\n%s%s\n%s%s %s/%s\n",
				buildVersion(), pad(commitLabel), buildCommit(), pad(goLabel), runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return nil
		},
	}
}
