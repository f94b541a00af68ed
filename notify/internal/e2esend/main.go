// Command e2esend sends one bedtime reminder through notify.Desktop, as the
// daemon would, for bench/e2e-notify.sh. It waits up to -wait for a
// notification server to appear on the session bus, and exits non-zero with
// the reason when the reminder cannot be shown.
//
// It stands in for `bedtime notify NAME` until that command exists.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/notify"
)

func main() {
	kind := flag.String("kind", "calf-stretch", "reminder kind whose first text is sent")
	wait := flag.Duration("wait", 10*time.Second, "how long to wait for a notification server")
	flag.Parse()
	if err := run(*kind, *wait); err != nil {
		fmt.Fprintf(os.Stderr, "e2esend: %v\n", err)
		os.Exit(1)
	}
}

func run(kind string, wait time.Duration) error {
	texts, ok := content.Texts(kind)
	if !ok || len(texts) == 0 {
		return fmt.Errorf("unknown reminder kind %q", kind)
	}
	n, err := notify.New(notify.Options{RetryFor: -1, Logger: slog.New(slog.NewTextHandler(os.Stderr, nil))})
	if err != nil {
		return err
	}
	defer n.Close()
	m := notify.Message{Reminder: kind, Title: texts[0].Title, Body: texts[0].Body, Expire: -1}
	deadline := time.Now().Add(wait)
	pause := 50 * time.Millisecond
	for {
		err = n.Notify(context.Background(), m)
		if err == nil || !errors.Is(err, notify.ErrNoServer) || time.Now().After(deadline) {
			return err
		}
		time.Sleep(pause)
		pause = min(2*pause, time.Second)
	}
}
