package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

// newCrampCmd returns `bedtime cramp`: what to do while a cramp hurts, and
// the signs that mean seeing a doctor.
func newCrampCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:   "cramp",
		Short: "What to do during a cramp, and when to see a doctor",
		Long: `cramp prints what to do while a leg cramp hurts: stretch, massage, warm,
walk it out, raise the leg; and the signs that mean seeing a doctor.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			b := app.book()
			_, err := fmt.Fprintf(app.Stdout, "%s\n%s\n", b.CrampHelp(), b.Disclaimer())
			return err
		},
	}
}
