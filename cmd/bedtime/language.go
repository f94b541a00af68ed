package main

import (
	"errors"
	"os"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/locale"
)

// locale returns the language the command speaks: s's language: key, else
// the person's (environment, then desktop setting). With s nil it reads
// the schedule's key itself, quietly: a broken or missing schedule must
// not keep `bedtime cramp` from answering during a cramp.
func (app *App) locale(s *config.Schedule) *locale.Locale {
	getenv := app.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	if s == nil {
		if path, err := app.schedulePath(); err == nil {
			var es config.Errors
			if s, err = config.LoadOrDefault(path, time.Local); errors.As(err, &es) {
				return es.Locale(getenv).WithNow(app.now()) // the file's language: key, if readable
			}
		}
	}
	// Dates in another year than the clock's say their year.
	return s.Locale(getenv).WithNow(app.now())
}

// book returns the health content in the command's language.
func (app *App) book() *content.Book { return content.In(app.locale(nil).Lang) }
