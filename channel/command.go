package channel

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/internal/durfmt"
	"github.com/bedtime-app/bedtime/locale"
)

// Command is a channel that runs a program, without a shell, for each
// reminder.
type Command struct {
	name    string
	argv    []string
	timeout time.Duration
}

var _ Channel = (*Command)(nil)

// NewCommand returns the command channel name configured by c.
func NewCommand(name string, c config.CommandChannel) *Command {
	if c.Timeout <= 0 {
		c.Timeout = config.DefaultCommandTimeout
	}
	return &Command{name: name, argv: c.Argv, timeout: c.Timeout}
}

// Name returns the channel's name.
func (c *Command) Name() string { return c.name }

// ExitError says how a command channel's program failed.
type ExitError struct {
	// Argv0 is the program.
	Argv0 string
	// Code is its exit status; -1 when it was killed.
	Code int
	// TimedOut reports whether it was killed for running too long.
	TimedOut bool
	// Stderr is the end of what it wrote to standard error.
	Stderr string
}

func (e *ExitError) Error() string {
	var s string
	if e.TimedOut {
		s = fmt.Sprintf("%s ran too long and was killed", e.Argv0)
	} else {
		s = fmt.Sprintf("%s exited with status %d", e.Argv0, e.Code)
	}
	if e.Stderr != "" {
		s += ": " + e.Stderr
	}
	return s
}

// Args returns the program and its arguments for d: {reminder}, {title},
// {message} and {scheduled} (RFC 3339) replaced inside each argument, so
// that a title with spaces stays one argument.
func (c *Command) Args(d Delivery) []string {
	r := strings.NewReplacer("{reminder}", d.Reminder, "{title}", d.Message.Title,
		"{message}", d.Message.Body, "{scheduled}", d.Scheduled.Format(time.RFC3339))
	out := make([]string, len(c.argv))
	for i, a := range c.argv {
		out[i] = r.Replace(a)
	}
	return out
}

// Deliver runs the program with d's text in its arguments and in the
// environment (BEDTIME_REMINDER, BEDTIME_TITLE, BEDTIME_MESSAGE,
// BEDTIME_SCHEDULED). A program that fails or runs too long is not run
// again (it may have done its work): the *ExitError is Permanent. A
// program that cannot be started is retried.
func (c *Command) Deliver(ctx context.Context, d Delivery) error {
	args := c.Args(d)
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	cmd.Env = append(os.Environ(),
		"BEDTIME_REMINDER="+d.Reminder,
		"BEDTIME_TITLE="+d.Message.Title,
		"BEDTIME_MESSAGE="+d.Message.Body,
		"BEDTIME_SCHEDULED="+d.Scheduled.Format(time.RFC3339),
	)
	var stderr tailBuffer
	cmd.Stderr = &stderr
	cmd.WaitDelay = 2 * time.Second
	err := cmd.Run()
	if err == nil {
		return nil
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) && ctx.Err() == nil {
		return fmt.Errorf("cannot run %s: %w", args[0], err)
	}
	xe := &ExitError{Argv0: args[0], Code: -1, Stderr: strings.TrimSpace(stderr.String())}
	if ee != nil {
		xe.Code = ee.ExitCode()
	}
	xe.TimedOut = errors.Is(ctx.Err(), context.DeadlineExceeded)
	return Permanent(xe)
}

// Check checks that the program can be found; it says so in l's
// language.
func (c *Command) Check(ctx context.Context, l *locale.Locale) CheckResult {
	path, err := exec.LookPath(c.argv[0])
	if err != nil {
		return CheckResult{Detail: l.Sprintf("command %s: %v", c.argv[0], err),
			Fix: l.Sprintf("install the program, or give its full path as the first word of command:")}
	}
	return CheckResult{OK: true, Detail: l.Sprintf("command %s (%s), killed after %s", c.argv[0], path, durfmt.Format(c.timeout))}
}

// tailBuffer keeps the last 1 KiB written to it.
type tailBuffer struct{ b bytes.Buffer }

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.b.Write(p)
	if t.b.Len() > 1024 {
		rest := t.b.Bytes()[t.b.Len()-1024:]
		t.b = *bytes.NewBuffer(append([]byte(nil), rest...))
	}
	return len(p), nil
}

func (t *tailBuffer) String() string { return t.b.String() }
