package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/spf13/cobra"
)

// controlExamples are the examples of the commands in control.go, which
// sets none; a command's own Example wins.
var controlExamples = map[string]string{
	"pause":  "  bedtime pause 2h\n  bedtime pause --until 21:00",
	"snooze": "  bedtime snooze magnesium\n  bedtime snooze magnesium 30m",
	"skip":   "  bedtime skip movement",
	"done":   "  bedtime done calf-stretch",
}

// explainArgs walks the command tree under c so that a wrong number of
// arguments says, in words, what the command takes, with its usage line
// and an example, instead of cobra's "accepts 1 arg(s), received 0".
func explainArgs(c *cobra.Command) {
	for _, sub := range c.Commands() {
		explainArgs(sub)
	}
	if ex, ok := controlExamples[c.Name()]; ok && c.Example == "" && c.Parent() != nil && c.Parent().Parent() == nil {
		c.Example = ex
	}
	if c.Args == nil {
		return
	}
	check := c.Args
	c.Args = func(cmd *cobra.Command, args []string) error {
		err := check(cmd, args)
		if err == nil {
			return nil
		}
		msg := argCountText(err.Error())
		if msg == "" {
			msg = err.Error()
		}
		var b strings.Builder
		fmt.Fprintf(&b, "%s %s\nusage: %s", cmd.Name(), msg, cmd.UseLine())
		if ex := strings.TrimSpace(cmd.Example); ex != "" {
			ex, _, _ = strings.Cut(ex, "\n")
			fmt.Fprintf(&b, "\nexample: %s", ex)
		}
		return fmt.Errorf("%s", b.String())
	}
}

// cobra's messages about arguments, compiled when one is rewritten.
var argPatterns = sync.OnceValue(func() (p struct{ exact, max, min, rng, no *regexp.Regexp }) {
	p.exact = regexp.MustCompile(`^accepts (\d+) arg\(s\), received (\d+)$`)
	p.max = regexp.MustCompile(`^accepts at most (\d+) arg\(s\), received (\d+)$`)
	p.min = regexp.MustCompile(`^requires at least (\d+) arg\(s\), only received (\d+)$`)
	p.rng = regexp.MustCompile(`^accepts between (\d+) and (\d+) arg\(s\), received (\d+)$`)
	p.no = regexp.MustCompile(`^unknown command ("[^"]*") for "[^"]*"$`)
	return p
})

// argCountText rewrites cobra's message about the number of arguments as
// "takes 1 argument, got 0", or returns "" for any other message.
func argCountText(msg string) string {
	re := argPatterns()
	if m := re.exact.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("takes %s, got %s", args(m[1]), m[2])
	}
	if m := re.max.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("takes at most %s, got %s", args(m[1]), m[2])
	}
	if m := re.min.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("takes at least %s, got %s", args(m[1]), m[2])
	}
	if m := re.no.FindStringSubmatch(msg); m != nil {
		return "takes no arguments, got " + m[1]
	}
	if m := re.rng.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("takes %s to %s, got %s", m[1], args(m[2]), m[3])
	}
	return ""
}

// args says "1 argument" or "2 arguments".
func args(n string) string {
	if i, _ := strconv.Atoi(n); i == 1 {
		return "1 argument"
	}
	return n + " arguments"
}
