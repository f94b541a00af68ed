package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

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
func (app *App) loadSchedule() (*config.Schedule, error) { return app.loadScheduleIn(time.Local) }

// loadScheduleIn is loadSchedule with local as the zone of a schedule
// without a timezone.
func (app *App) loadScheduleIn(local *time.Location) (*config.Schedule, error) {
	path, err := app.schedulePath()
	if err != nil {
		return nil, err
	}
	s, err := config.LoadOrDefault(path, local)
	if err != nil {
		var es config.Errors
		if errors.As(err, &es) {
			return nil, scheduleErrors{es, app.errorsLocale(es)}
		}
		return nil, err
	}
	if s.Path == "" {
		if app.ConfigPath != "" {
			return nil, app.missingConfig(path)
		}
		if !app.saidDefault {
			app.saidDefault = true
			fmt.Fprintln(app.Stderr, "bedtime: "+app.locale(s).Sprintf("no schedule file at %s; using the built-in default (`bedtime init` writes it there for you to edit)", path))
		}
	}
	return s, nil
}

// missingConfig is the error for a --config that names no file: only the
// default location may be absent (the built-in default stands in).
func (app *App) missingConfig(path string) error {
	return errorIn(app.locale(nil), "--config %s: no such file; write one there with `bedtime init --config %s`, or leave out --config to use the default location", path, path)
}

// checkConfigExists returns missingConfig when --config names no file.
func (app *App) checkConfigExists(path string) error {
	if app.ConfigPath == "" {
		return nil
	}
	if _, err := os.Stat(path); config.IsNotExist(err) {
		return app.missingConfig(path)
	}
	return nil
}
