package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// completeReminder offers the schedule's reminder names for a command's
// first argument, and nothing (no file names) after it.
func completeReminder(app *App) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		s, err := app.loadSchedule()
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return reminderNames(s), cobra.ShellCompDirectiveNoFileComp
	}
}

// reminderArgCommands are the commands whose first argument is a reminder
// name.
var reminderArgCommands = []string{"notify", "done", "snooze", "skip"}

// completeReminderArgs gives each of reminderArgCommands under root that
// has no completion of its own the reminder names.
func completeReminderArgs(app *App, root *cobra.Command) {
	for _, name := range reminderArgCommands {
		if c, _, err := root.Find([]string{name}); err == nil && c != root && c.ValidArgsFunction == nil {
			c.ValidArgsFunction = completeReminder(app)
		}
	}
}

// newGenDocsCmd returns the hidden `bedtime gen-docs DIR`, which `make docs`
// runs: shell completions and man pages from the command tree.
func newGenDocsCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:    "gen-docs DIR",
		Short:  "Write shell completions and man pages into DIR",
		Hidden: true,
		Args:   cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return genDocs(cmd.Root(), args[0])
		},
	}
}

// genDocs writes into dir: completions/bedtime.bash, completions/_bedtime
// (zsh), completions/bedtime.fish, completions/bedtime.ps1 and
// man/man1/bedtime*.1.
func genDocs(root *cobra.Command, dir string) error {
	root.DisableAutoGenTag = true // the same tree gives the same files
	comp := filepath.Join(dir, "completions")
	man := filepath.Join(dir, "man", "man1")
	for _, d := range []string{comp, man} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	for _, g := range []struct {
		file string
		gen  func(string) error
	}{
		{"bedtime.bash", func(f string) error { return root.GenBashCompletionFileV2(f, true) }},
		{"_bedtime", root.GenZshCompletionFile},
		{"bedtime.fish", func(f string) error { return root.GenFishCompletionFile(f, true) }},
		{"bedtime.ps1", root.GenPowerShellCompletionFileWithDesc},
	} {
		if err := g.gen(filepath.Join(comp, g.file)); err != nil {
			return fmt.Errorf("cannot write the %s completion: %w", g.file, err)
		}
	}
	header := &doc.GenManHeader{Title: "BEDTIME", Section: "1", Source: "bedtime " + buildVersion(), Manual: "bedtime manual"}
	if err := doc.GenManTree(root, header, man); err != nil {
		return fmt.Errorf("cannot write the man pages: %w", err)
	}
	return nil
}
