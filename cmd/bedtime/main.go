// Command bedtime reminds people with night leg cramps to do the habits that
// prevent them: movement breaks, water, magnesium and the calf stretch before bed.
//
// main only wires: it parses the command line, builds the pieces from the
// config, scheduler, notify and content packages, and runs them.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	// The IANA time zone database, for `timezone:` on systems that lack
	// one (Windows, minimal containers).
	_ "time/tzdata"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
