package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/bedtime-app/bedtime/channel/ntfy"
	"github.com/bedtime-app/bedtime/config"
)

func newInitCmd(app *App) *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Write the default schedule to the schedule file, to edit",
		Long: `Write the built-in default schedule, with comments that explain every
setting, to the schedule file. An existing file is left alone unless
--force, and then it is backed up first (the last 10 backups are kept).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			path, err := app.schedulePath()
			if err != nil {
				return err
			}
			l := app.locale(nil)
			// The template's comments speak the person's language; its
			// keys and values are the same in all.
			tmpl := config.TemplateIn(l)
			old, readErr := config.ReadAtMost(path, int64(len(tmpl))+1)
			exists := readErr == nil
			if readErr != nil && !errors.Is(readErr, os.ErrNotExist) {
				return readErr
			}
			if exists && !force {
				return errorIn(l, "%s already exists; edit it, or use --force to replace it with the default (it is backed up first)", path)
			}
			if exists && bytes.Equal(old, tmpl) {
				fmt.Fprintln(app.Stdout, l.Sprintf("%s is the default schedule already; nothing to do.", path))
				return nil
			}
			if exists {
				bak, err := app.backup(path)
				if err != nil {
					return err
				}
				fmt.Fprintln(app.Stdout, l.Sprintf("Backed up the old schedule to %s", bak))
			}
			if _, err := config.WriteThrough(path, tmpl); err != nil { // a link stays a link
				return err
			}
			fmt.Fprintln(app.Stdout, l.Sprintf("Wrote the default schedule to %s", path))
			fmt.Fprintln(app.Stdout, l.Sprintf("Edit it, then check it with `bedtime validate`."))
			fmt.Fprintln(app.Stdout, l.Sprintf("To get reminders on your phone too (ntfy), use a topic nobody can guess, such as %s", ntfy.RandomTopic()))
			fmt.Fprintln(app.Stdout, l.Sprintf("(see docs/channels.md, \"Phone and other channels\")."))
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "replace an existing file (after backing it up)")
	return cmd
}
