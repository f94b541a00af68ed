//go:build gendocs

package main

import (
	"github.com/spf13/cobra"

	"github.com/bedtime-app/bedtime/internal/gendocs"
)

// Only a build with -tags gendocs (make docs, the release builder) has
// `bedtime gen-docs DIR`: the product binary does not link cobra/doc and
// its Markdown engine (see internal/gendocs).
func init() { buildTimeCommands = append(buildTimeCommands, newGenDocsCmd) }

// newGenDocsCmd returns the hidden `bedtime gen-docs DIR`: shell
// completions and man pages from the command tree, and bedtime-daemon's
// page.
func newGenDocsCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:    "gen-docs DIR",
		Short:  "Write shell completions and man pages into DIR",
		Hidden: true,
		Args:   cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return gendocs.Write(cmd.Root(), args[0], "bedtime "+buildVersion(), gendocs.Daemon())
		},
	}
}
