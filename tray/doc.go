// Package tray is `bedtime tray`: a status icon, in a process of its own
// beside the daemon, that shows bedtime's state at a glance and offers the
// everyday commands in its menu.
//
// Build is a pure function from what `bedtime status` reads (the state,
// today's history, the schedule, whether the daemon runs, the clock) to a
// View: the icon (normal, paused, a reminder waiting for an answer, not
// running; drawn in icons.go), the tooltip (what comes next and when) and
// the menu. Controller carries out a click through the state.Store method
// the matching command uses (Answer for done and snooze, Pause, Resume,
// Skip), never a path of its own, so the daemon sees a click exactly as it
// sees the command.
//
// Run watches the state directory and the schedule's directory with
// fsnotify and shows each change as soon as its burst of file events has
// settled (20 ms); on Linux it also waits on a pidfd of the daemon, so a
// daemon that was killed shows as not running at once. Between changes it
// wakes only when the view changes with the clock: the tooltip's countdown
// (once a minute, each second in the last minute), the end of a pause and
// midnight. There is no polling.
//
// The icon is shown through fyne.io/systray: a StatusNotifierItem with a
// com.canonical.dbusmenu menu on the session bus on Linux (pure Go), the
// notification area on Windows. On macOS that library needs cgo, which
// bedtime's builds do not use, so NewSystray is nil there and Run returns
// ErrNotBuilt.
package tray
