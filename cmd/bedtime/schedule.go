package main

import (
	"fmt"
	"path/filepath"

	"github.com/bedtime-app/bedtime/config"
)

// schedulePath returns the schedule file in use: --config, else the
// default location.
func (app *App) schedulePath() (string, error) {
	if app.ConfigPath != "" {
		return filepath.Abs(app.ConfigPath)
	}
	return config.DefaultPath()
}

// loadSchedule loads the schedule file. When there is none, it uses the
// built-in default and says once, on stderr, where a file would go.
func (app *App) loadSchedule() (*config.Schedule, error) {
	path, err := app.schedulePath()
	if err != nil {
		return nil, err
	}
	s, err := config.Load(path)
	if config.IsNotExist(err) {
		if !app.saidDefault {
			app.saidDefault = true
			fmt.Fprintf(app.Stderr, "bedtime: no schedule file at %s; using the built-in default (`bedtime init` writes it there for you to edit)\n", path)
		}
		return config.Default(), nil
	}
	return s, err
}
