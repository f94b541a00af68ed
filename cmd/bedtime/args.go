package main

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/bedtime-app/bedtime/locale"
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
// arguments says, in words and in the command's language, what the
// command takes, with its usage line and an example, instead of cobra's
// "accepts 1 arg(s), received 0".
func explainArgs(app *App, c *cobra.Command) {
	for _, sub := range c.Commands() {
		explainArgs(app, sub)
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
		l := app.locale(nil)
		msg := argCountText(l, cmd.Name(), err.Error())
		if m := argPatterns().no.FindStringSubmatch(err.Error()); m != nil && cmd.HasAvailableSubCommands() {
			// bedtime sync status: a command it does not have, not an
			// argument too many.
			var names []string
			for _, sub := range cmd.Commands() {
				if sub.IsAvailableCommand() {
					names = append(names, sub.Name())
				}
			}
			msg = l.Sprintf("%s has no command %s (its commands: %s)", cmd.Name(), m[1], strings.Join(names, ", "))
		}
		if msg == "" {
			msg = cmd.Name() + " " + err.Error()
		}
		var b strings.Builder
		b.WriteString(msg + "\n" + l.Sprintf("usage: %s", helpWriter{l}.useLine(cmd)))
		if ex := strings.TrimSpace(cmd.Example); ex != "" {
			ex, _, _ = strings.Cut(ex, "\n")
			b.WriteString("\n" + l.Sprintf("example: %s", ex))
		}
		return &saidError{msg: b.String(), errs: []error{err}}
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

// argCountText rewrites cobra's message about the number of arguments the
// command name takes as "name takes 1 argument, got 0", in l's language,
// or returns "" for any other message.
func argCountText(l *locale.Locale, name, msg string) string {
	re := argPatterns()
	n := func(s string) int { i, _ := strconv.Atoi(s); return i }
	if m := re.exact.FindStringSubmatch(msg); m != nil {
		return l.Sprintf("%s takes %d arguments, got %d", name, n(m[1]), n(m[2]))
	}
	if m := re.max.FindStringSubmatch(msg); m != nil {
		return l.Sprintf("%s takes at most %d arguments, got %d", name, n(m[1]), n(m[2]))
	}
	if m := re.min.FindStringSubmatch(msg); m != nil {
		return l.Sprintf("%s takes at least %d arguments, got %d", name, n(m[1]), n(m[2]))
	}
	if m := re.no.FindStringSubmatch(msg); m != nil {
		return l.Sprintf("%s takes no arguments, got %s", name, m[1])
	}
	if m := re.rng.FindStringSubmatch(msg); m != nil {
		return l.Sprintf("%s takes %d to %d arguments, got %d", name, n(m[1]), n(m[2]), n(m[3]))
	}
	return ""
}
