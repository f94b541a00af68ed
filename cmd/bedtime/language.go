package main

import (
	"os"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/locale"
)

// locale returns the language the command speaks: the schedule's
// language: key, else the person's (environment, then desktop setting).
func (app *App) locale(s *config.Schedule) *locale.Locale {
	getenv := app.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	return s.Locale(getenv)
}
