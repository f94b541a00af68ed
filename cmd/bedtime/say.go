package main

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/bedtime-app/bedtime/locale"
)

// saidError is an error whose text is a catalog message in the person's
// language; it wraps the errors among the message's arguments, so that
// errors.Is and errors.As see through it as through fmt.Errorf's %w.
type saidError struct {
	msg  string
	errs []error
}

func (e *saidError) Error() string   { return e.msg }
func (e *saidError) Unwrap() []error { return e.errs }

// errorIn returns the message key in l's language as an error. The key is
// English with %v where fmt.Errorf would have %w (the catalog's printer
// knows no %w); every error argument is wrapped.
func errorIn(l *locale.Locale, key string, args ...any) error {
	var errs []error
	for _, a := range args {
		if e, ok := a.(error); ok {
			errs = append(errs, e)
		}
	}
	return &saidError{msg: l.Sprintf(key, args...), errs: errs}
}

// wrapIn is errorIn for a message about cause that does not print it
// (cobra's and pflag's errors, said anew): the error wraps cause.
func wrapIn(l *locale.Locale, cause error, key string, args ...any) error {
	return &saidError{msg: l.Sprintf(key, args...), errs: []error{cause}}
}

// errorf is errorIn in the command's language.
func (app *App) errorf(key string, args ...any) error {
	return errorIn(app.locale(nil), key, args...)
}

// sayln prints the message key in the command's language to w, and a
// line break.
func (app *App) sayln(w io.Writer, key string, args ...any) {
	fmt.Fprintln(w, app.locale(nil).Sprintf(key, args...))
}

// unknownCommand matches cobra's error for a word that names no command
// (the root has no Args of its own, so cobra says this itself).
var unknownCommand = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^unknown command ("[^"]*") for ("[^"]*")`)
})

// cobraError says an error of cobra's own in the person's language: a
// word that names no command, with cobra's suggestions. Any other error is
// returned as it is.
func (app *App) cobraError(root *cobra.Command, err error) error {
	m := unknownCommand().FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	l := app.locale(nil)
	var b strings.Builder
	b.WriteString(l.Sprintf("unknown command %s for %s", m[1], m[2]))
	word := strings.Trim(m[1], `"`)
	if sug := root.SuggestionsFor(word); len(sug) > 0 {
		b.WriteString("\n\n" + l.Sprintf("Did you mean this?") + "\n")
		for _, s := range sug {
			b.WriteString("\t" + s + "\n")
		}
	}
	return &saidError{msg: b.String(), errs: []error{err}}
}

// flagError says pflag's errors about flags in the person's language; it
// is the root's FlagErrorFunc, which every command inherits unless it
// sets its own (run does).
func (app *App) flagError(_ *cobra.Command, err error) error {
	l := app.locale(nil)
	var (
		notExist *pflag.NotExistError
		required *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &notExist):
		if short := notExist.GetSpecifiedShortnames(); short != "" {
			if _, derr := time.ParseDuration("-" + short); derr == nil {
				// `bedtime pause -5m`: a negative length, taken for flags.
				return wrapIn(l, err, "-%s is read as a flag: a length of time is never negative; give one over zero, such as 45m", short)
			}
			return wrapIn(l, err, "unknown shorthand flag: %q in -%s", []rune(notExist.GetSpecifiedName())[0], short)
		}
		return wrapIn(l, err, "unknown flag: --%s", notExist.GetSpecifiedName())
	case errors.As(err, &required):
		if short := required.GetSpecifiedShortnames(); short != "" {
			return wrapIn(l, err, "flag needs an argument: %q in -%s", []rune(required.GetSpecifiedName())[0], short)
		}
		return wrapIn(l, err, "flag needs an argument: --%s", required.GetSpecifiedName())
	case errors.As(err, &invalid):
		f := invalid.GetFlag()
		name := "--" + f.Name
		if f.Shorthand != "" && f.ShorthandDeprecated == "" {
			name = "-" + f.Shorthand + ", " + name
		}
		return wrapIn(l, err, "invalid argument %q for %q flag: %s", invalid.GetValue(), name, flagValueWant(l, f.Value.Type(), invalid))
	case errors.As(err, &syntax):
		return wrapIn(l, err, "bad flag syntax: %s", syntax.GetSpecifiedFlag())
	}
	return err
}

// flagValueWant says what a flag of type typ takes, for an invalid value;
// a type without words of its own keeps the parser's message (err's cause).
func flagValueWant(l *locale.Locale, typ string, err *pflag.InvalidValueError) string {
	switch typ {
	case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "count":
		return l.Sprintf("want a whole number")
	case "bool":
		return l.Sprintf("want true or false")
	case "duration":
		return l.Sprintf("want a duration such as 90m or 2h")
	}
	if c := errors.Unwrap(err); c != nil {
		return c.Error()
	}
	return err.Error()
}
