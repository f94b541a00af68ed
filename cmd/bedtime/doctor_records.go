package main

import (
	"context"
	"path/filepath"
	"time"

	"github.com/bedtime-app/bedtime/state"
)

// maxAsideLines is how many files moved aside doctor names one by one.
const maxAsideLines = 3

// checkRecords names each file bedtime moved aside in its state directory
// (it could not be read, or was no file of bedtime's own): what it held
// is no longer read, so the person should know it is there. Nothing when
// there is none.
func checkRecords(_ context.Context, app *App) []checkResult {
	dir, err := app.stateDir()
	if err != nil {
		return nil
	}
	aside, err := state.SetAside(dir, time.Local)
	if err != nil || len(aside) == 0 {
		return nil
	}
	l := app.locale(nil)
	fix := l.Sprintf("bedtime deleted nothing: look at the file, then delete it or keep it elsewhere")
	var out []checkResult
	for i, a := range aside {
		if i == maxAsideLines {
			out = append(out, checkResult{Name: "records", Detail: l.Sprintf("and %d more files moved aside in %s", len(aside)-i, dir), Fix: fix})
			break
		}
		what := l.Sprintf("%s could not be read", a.Of)
		if !a.Corrupt {
			what = l.Sprintf("%s was not a file of bedtime's own (a link, a pipe or a device)", a.Of)
		}
		when := l.ShortDateTime(a.At)
		out = append(out, checkResult{Name: "records", Detail: l.Sprintf("%s; it was moved aside on %s to %s, and bedtime went on with a new one", what, when, filepath.Join(dir, a.Name)), Fix: fix})
	}
	return out
}
