package main

import (
	"fmt"

	"github.com/bedtime-app/bedtime/config"
)

// keepBackups is how many dated backups of the schedule file `edit` and
// `init --force` keep; older ones are removed.
const keepBackups = 10

// backup copies the schedule file at path to a dated .bak beside it and
// removes all but the newest keepBackups such backups. Failing to remove
// an old one is only a warning: the new backup is made.
func (app *App) backup(path string) (string, error) {
	bak, err := config.Backup(path, app.now())
	if err != nil {
		return "", err
	}
	if err := config.PruneBackups(path, keepBackups, bak); err != nil {
		fmt.Fprintln(app.Stderr, "bedtime: "+app.locale(nil).Sprintf("cannot remove old backups: %v", err))
	}
	return bak, nil
}
