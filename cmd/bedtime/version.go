package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// commit is set at build time with -ldflags "-X main.commit=...", as make
// dist does; without it the commit comes from the build info Go stamps from
// the repository.
var commit = ""

// buildVersion returns the version set with -ldflags, else the module
// version from the build info, else "devel".
func buildVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

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
