package daemon

import (
	"bytes"
	"path/filepath"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/safefs"
)

// The last good schedule. Each schedule file the daemon loads is kept, as
// it was read, in the state directory (LastGoodName, private). A daemon
// that starts on a file with errors (an edit saved while it was stopped,
// or just before a restart or a reboot) runs that copy, the schedule it
// ran before the file broke, rather than no reminders at all, and says
// so, as it does when the file breaks while it runs. The schedule file
// itself is never touched: the copy only stands in until it is fixed.
// Without a copy that loads, the file's reminders that have no error
// stand in (salvage, config.SalvageIn).

// LastGoodName is the last good schedule's file in the state directory.
const LastGoodName = "schedule.last-good.yaml"

// keepGood keeps src, a schedule file that loaded, as the last good copy;
// nothing is written when the copy is that already.
func (d *daemon) keepGood(src []byte) {
	path := filepath.Join(d.o.StateDir, LastGoodName)
	if old, err := safefs.ReadPrivate(path); err == nil && bytes.Equal(old, src) {
		return
	}
	if err := safefs.WriteAtomic(path, src); err != nil {
		d.log.Warn("cannot keep the last good schedule", "path", path, "err", err.Error())
	}
}

// lastGood returns the schedule of the last good copy, read as the
// schedule file is (its name, for errors and for paths relative to it);
// nil when there is none, or when it does not load now (a copy this
// bedtime's checks refuse, or one damaged).
func (d *daemon) lastGood(local *time.Location) *config.Schedule {
	path := filepath.Join(d.o.StateDir, LastGoodName)
	src, err := safefs.ReadPrivate(path)
	if err != nil {
		return nil
	}
	s, err := config.ParseIn(d.path, src, local)
	if err != nil {
		d.log.Warn("the last good schedule does not load", "path", path, "err", err.Error())
		return nil
	}
	return s
}

// salvage returns the schedule of the file's reminders that have no error
// (config.LoadSalvage), for a daemon that starts on a file with errors and
// has no last good copy that loads; nil when there are none to run.
func (d *daemon) salvage(local *time.Location) *config.Schedule {
	s, err := config.LoadSalvage(d.path, local)
	if err != nil {
		d.log.Warn("cannot run the reminders without errors", "path", d.path, "err", err.Error())
		return nil
	}
	return s
}
