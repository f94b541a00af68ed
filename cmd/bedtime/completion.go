package main

import (
	"github.com/spf13/cobra"

	"github.com/bedtime-app/bedtime/config"
)

// completeReminder offers the schedule's reminder names for a command's
// first argument, and nothing (no file names) after it; while the file
// has errors, the names still readable in it.
func completeReminder(app *App) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		s, err := app.loadSchedule()
		if err != nil {
			// The file has errors (a person mid-edit): the names
			// still readable in its reminders: section.
			path, perr := app.schedulePath()
			if perr != nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return config.NamesIn(path, config.SectionReminders), cobra.ShellCompDirectiveNoFileComp
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
