package main

import "github.com/bedtime-app/bedtime/state"

// stateDir returns app.StateDir, or the user's state directory.
func (app *App) stateDir() (string, error) {
	if app.StateDir != "" {
		return app.StateDir, nil
	}
	return userStateDir()
}

// userStateDir returns where bedtime keeps its state and history
// (state.DefaultDir).
func userStateDir() (string, error) { return state.DefaultDir() }
