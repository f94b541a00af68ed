package tray

// NewSystray is nil on macOS: its tray needs cgo, which bedtime's builds
// do not use, so Run returns ErrNotBuilt.
var NewSystray func(click func(Action)) Shell
