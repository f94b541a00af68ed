// Command genhistory writes a made-up bedtime history into a state
// directory, for bench/history.sh: genhistory -days 3652 DIR.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/bedtime-app/bedtime/internal/historygen"
	"github.com/bedtime-app/bedtime/state"
)

func main() {
	days := flag.Int("days", 3652, "how many days of history, ending yesterday")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: genhistory [-days N] STATE-DIR")
		os.Exit(2)
	}
	s, err := state.Open(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	n, err := historygen.Write(s, *days, time.Now(), time.Local, 7)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%d lines over %d days\n", n, *days)
}
