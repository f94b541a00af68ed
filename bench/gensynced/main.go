// Command gensynced writes two computers' made-up histories, each shared
// through one sync folder, for bench/history.sh's synced case:
// gensynced -days 3652 DIR makes DIR/laptop/bedtime and DIR/desktop/bedtime
// (state directories joined with one key, each with its own history,
// bench/genhistory's with another seed) and DIR/Sync (the folder, each
// history copied into it as the daemon copies it: devices.Publish).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/bedtime-app/bedtime/devices"
	"github.com/bedtime-app/bedtime/internal/historygen"
	"github.com/bedtime-app/bedtime/state"
)

func main() {
	days := flag.Int("days", 3652, "how many days of history on each computer, ending yesterday")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: gensynced [-days N] DIR")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *days); err != nil {
		fmt.Fprintln(os.Stderr, "gensynced:", err)
		os.Exit(1)
	}
}

func run(dir string, days int) error {
	folder := filepath.Join(dir, "Sync")
	if err := os.MkdirAll(folder, 0o700); err != nil {
		return err
	}
	key, err := devices.NewKey()
	if err != nil {
		return err
	}
	for i, name := range []string{"laptop", "desktop"} {
		stateDir := filepath.Join(dir, name, "bedtime")
		s, err := state.Open(stateDir)
		if err != nil {
			return err
		}
		// Another seed on each computer: the same schedule, answered
		// differently on each.
		n, err := historygen.Write(s, days, time.Now(), time.Local, uint64(7+i))
		if err != nil {
			return err
		}
		if err := devices.SaveKey(stateDir, key); err != nil {
			return err
		}
		l := devices.Connect(stateDir, folder, name, devices.Options{})
		if l.Folder == nil {
			return fmt.Errorf("%s is not linked: %s", name, l.Alone)
		}
		if _, err := devices.Publish(l.Folder, stateDir); err != nil {
			return err
		}
		if err := l.Folder.WritePresence(devices.Presence{Name: name}); err != nil {
			return err
		}
		fmt.Printf("%s: %d lines over %d days\n", name, n, days)
	}
	return nil
}
