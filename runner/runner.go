package runner

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/bedtime-app/bedtime/channel"
	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/daemon"
	"github.com/bedtime-app/bedtime/devices"
	"github.com/bedtime-app/bedtime/notify"
	"github.com/bedtime-app/bedtime/scheduler"
)

// Options is what a program knows when it runs the daemon.
type Options struct {
	// SchedulePath is the schedule file, absolute; Builtin runs the
	// built-in default instead and ignores the file (and sync).
	SchedulePath string
	Builtin      bool
	// StateDir is the state directory (see state.DefaultDir).
	StateDir string
	// Clock is the daemon's clock; nil means the system's.
	Clock scheduler.Clock
	// Stderr receives the log (and the log file, see Logger).
	Stderr io.Writer
	// ZoneFile is the system's zone setting the daemon watches; empty
	// means config.SystemZoneFile.
	ZoneFile string
	// ReloadSignals make the daemon read its schedule again.
	ReloadSignals []os.Signal
	// Version is the program's version, for the start-up line.
	Version string
	// Ntfy makes the phone channels; nil leaves them out (see
	// daemon.Options.Ntfy).
	Ntfy channel.NtfyMaker
	// HandOver is daemon.Options.HandOver: true for a schedule another
	// program is to run.
	HandOver func(*config.Schedule) bool
	// Run runs the daemon; nil means daemon.Run. (For tests.)
	Run func(context.Context, daemon.Options) error
}

// StopWait is how long a stopping daemon waits for the sync folder to
// take its last presence, and how long a change of the schedule's sync:
// section waits for the old folder to take it.
const StopWait = 5 * time.Second

// Run runs the daemon until ctx is done or it fails.
func Run(ctx context.Context, o Options) error {
	if o.Clock == nil {
		o.Clock = scheduler.SystemClock{}
	}
	if o.ZoneFile == "" {
		o.ZoneFile = config.SystemZoneFile
	}
	log, closeLog := Logger(o.StateDir, o.Stderr)
	defer closeLog()
	d := daemon.Options{
		SchedulePath:  o.SchedulePath,
		Builtin:       o.Builtin,
		StateDir:      o.StateDir,
		Clock:         o.Clock,
		Logger:        log,
		Notifier:      daemon.DesktopNotifier,
		Probe:         notify.Probe,
		ZoneFile:      o.ZoneFile,
		ReloadSignals: o.ReloadSignals,
		Debounce:      daemon.DefaultDebounce,
		Version:       o.Version,
		Ntfy:          o.Ntfy,
		HandOver:      o.HandOver,
		// Under bedtime's systemd unit (Type=notify), systemctl start
		// returns, and install says bedtime runs, only once it has come
		// this far; elsewhere this does nothing.
		Ready: func() {
			if _, err := Ready(); err != nil {
				log.Warn("systemd was not told that bedtime started; it stops bedtime when its start times out", "err", err)
			}
		},
	}
	ctx, stop := context.WithCancel(ctx)
	synced := closedChan
	if !o.Builtin {
		// Sync follows the schedule: the daemon gives each schedule it
		// loads, and a changed sync: section is shared (or left) at once.
		sh := devices.Share(ctx, place(syncSettings(o.SchedulePath)), devices.ShareOptions{StateDir: o.StateDir, Now: o.Clock.Now, Logger: log, StopWait: StopWait})
		d.Devices, d.ShowWithin = sh, devices.ShowWithin
		d.OnReload = func(s *config.Schedule) {
			if s != nil {
				sh.Follow(place(s.Sync))
			}
		}
		// A new key (sync join --force) is taken at once, too.
		d.AlsoWatch = map[string]func(){filepath.Join(o.StateDir, devices.KeyFile): sh.Rekey}
		synced = sh.Done()
	}
	// When the daemon ends, sync says in the folder that this computer
	// stopped (so the others hold nothing for it) before the process
	// ends; a folder that hangs does not hold the exit for long.
	defer func() {
		stop()
		select {
		case <-synced:
		case <-time.After(StopWait):
			log.Warn("sync: the folder did not take the last word in time", "waited", StopWait)
		}
	}()
	if o.Run != nil {
		return o.Run(ctx, d)
	}
	return daemon.Run(ctx, d)
}

// closedChan is a channel closed already: nothing to wait for.
var closedChan = func() <-chan struct{} { c := make(chan struct{}); close(c); return c }()

// syncSettings is the sync: section of the schedule at path, as the
// daemon starts; nil when it has none or does not load (the daemon's
// first load then says why, and Follow takes the section it runs).
func syncSettings(path string) *config.Sync {
	s, err := config.LoadOrDefault(path, time.Local)
	if err != nil {
		return nil
	}
	return s.Sync
}

// place is where the schedule's sync: section s says to share; no sync
// without one.
func place(s *config.Sync) devices.Place {
	if s == nil {
		return devices.Place{}
	}
	return devices.Place{Folder: s.Folder, Name: s.Name}
}
