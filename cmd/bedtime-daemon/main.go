// Command bedtime-daemon is bedtime's daemon alone: what the installed
// service runs. It runs the reminders as "bedtime run" does, from a program
// that links only what the daemon needs, so that the service maps fewer
// pages at rest than the whole command line would. Anything it does not do
// itself (a phone channel, an error to explain) it hands to "bedtime run",
// the program beside it, with the same arguments.
package main

import (
	"fmt"
	"os"
)

func main() {
	args := os.Args[1:]
	if len(args) > 0 && args[0] == "run" {
		args = args[1:]
	}
	err := handOff(args)
	fmt.Fprintf(os.Stderr, "bedtime-daemon: %v\n", err)
	os.Exit(1)
}
