// Command reportfixture fills a state directory with a person's generated
// history (report/reporttest) up to now, for e2e/report.sh: the
// reminders' history and the cramp diary, written through the state and
// diary stores as bedtime writes them.
//
//	go run ./e2e/reportfixture -state DIR [-weeks 8] [-zone Europe/Berlin]
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/bedtime-app/bedtime/diary"
	"github.com/bedtime-app/bedtime/report/reporttest"
	"github.com/bedtime-app/bedtime/state"
)

func main() {
	dir := flag.String("state", "", "the state directory to fill")
	weeks := flag.Int("weeks", 8, "how many weeks up to now")
	zone := flag.String("zone", "Europe/Berlin", "the time zone the history is lived in")
	flag.Parse()
	if err := run(*dir, *weeks, *zone); err != nil {
		fmt.Fprintln(os.Stderr, "reportfixture:", err)
		os.Exit(1)
	}
}

func run(dir string, weeks int, zone string) error {
	if dir == "" {
		return fmt.Errorf("-state is required")
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return err
	}
	events, entries := reporttest.History(time.Now().In(loc), weeks)
	s, err := state.Open(dir)
	if err != nil {
		return err
	}
	if err := s.AppendAll(events); err != nil {
		return err
	}
	d := diary.Open(dir, nil)
	for _, e := range entries {
		if err := d.Append(e); err != nil {
			return err
		}
	}
	fmt.Printf("%d history events, %d diary answers\n", len(events), len(entries))
	return nil
}
