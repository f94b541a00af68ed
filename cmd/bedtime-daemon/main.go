// Command bedtime-daemon is bedtime's daemon alone: what the installed
// service runs. It runs the reminders as "bedtime run" does (package
// runner), from a program that links only what the daemon needs, so that
// the service maps far fewer pages at rest than the whole command line
// would: Go runs every linked package's initialisation at start, and the
// kernel maps the pages around each.
//
// What it does not do itself it hands to "bedtime run", the program
// beside it, with the same arguments, in its own process (exec): a flag
// it does not know, a --config naming no file, another daemon holding the
// lock (bedtime run explains them, in the user's language, with the exit
// status the service managers expect), and a schedule with a phone
// (ntfy) channel, which needs an HTTPS client that would double the
// program.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/runner"
	"github.com/bedtime-app/bedtime/state"
	"github.com/bedtime-app/bedtime/userlock"
	// The IANA time zone database, as bedtime has it, for `timezone:` on
	// systems that lack one.
	_ "time/tzdata"
)

// version is set at build time (-ldflags -X main.version=...), as bedtime's.
var version string

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	args := os.Args[1:]
	err := run(ctx, args)
	stop()
	if errors.Is(err, errHandOff) {
		err = handOff(args)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "bedtime-daemon: %v\n", err)
		os.Exit(1)
	}
}

// errHandOff says that "bedtime run" is to run in this process's stead.
var errHandOff = errors.New("handing over to bedtime run")

// flags are the arguments bedtime-daemon takes: those of "bedtime run".
type flags struct {
	config             string
	builtin, orBuiltin bool
}

// parse reads args, with or without "run" first; false for anything
// else (bedtime run says what is wrong with it).
func parse(args []string) (flags, bool) {
	if len(args) > 0 && args[0] == "run" {
		args = args[1:]
	}
	var f flags
	fs := flag.NewFlagSet("bedtime-daemon", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&f.config, "config", "", "")
	fs.BoolVar(&f.builtin, "builtin", false, "")
	fs.BoolVar(&f.orBuiltin, "or-builtin", false, "")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return flags{}, false
	}
	return f, true
}

// run runs the daemon until ctx is done; errHandOff when bedtime run is
// to take over.
func run(ctx context.Context, args []string) error {
	f, ok := parse(args)
	if !ok {
		return errHandOff
	}
	path := f.config
	var err error
	if path == "" {
		path, err = config.DefaultPath()
	} else {
		path, err = filepath.Abs(path)
		if _, serr := os.Stat(path); err == nil && !f.builtin && !f.orBuiltin && config.IsNotExist(serr) {
			return errHandOff
		}
	}
	if err != nil {
		return err
	}
	dir, err := state.DefaultDir()
	if err != nil {
		return err
	}
	if _, _, held := userlock.Running(dir); held {
		return errHandOff
	}
	// A schedule with a phone channel goes to bedtime run: at start at
	// once, when the file says so; and when the daemon is to run one (a
	// reload, or the last good copy of a broken file), it stops, as on
	// SIGTERM (its changes written, sync told), and bedtime run starts in
	// this process.
	if s, err := config.LoadOrDefault(path, time.Local); err == nil && !f.builtin && hasPhone(s) && canHandOff() {
		return errHandOff
	}
	parent := ctx
	ctx, stop := context.WithCancel(parent)
	defer stop()
	var phone atomic.Bool
	err = runner.Run(ctx, runner.Options{
		SchedulePath:  path,
		Builtin:       f.builtin,
		StateDir:      dir,
		Stderr:        os.Stderr,
		ReloadSignals: runner.ReloadSignals,
		Version:       runner.Version(version),
		HandOver: func(s *config.Schedule) bool {
			if !hasPhone(s) || !canHandOff() {
				return false // without bedtime beside it, the phone channel is reported and left out
			}
			phone.Store(true)
			stop()
			return true
		},
	})
	if phone.Load() && parent.Err() == nil && err == nil {
		return errHandOff
	}
	return err
}

// hasPhone reports whether s has a phone (ntfy) channel.
func hasPhone(s *config.Schedule) bool {
	for _, c := range s.Channels {
		if c.Ntfy != nil {
			return true
		}
	}
	return false
}

// canHandOff reports whether bedtime is beside bedtime-daemon to take over.
func canHandOff() bool {
	_, err := full()
	return err == nil
}
