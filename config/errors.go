package config

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/bedtime-app/bedtime/locale"
)

// Error is one problem in a schedule file.
//
// Its message is kept twice: Msg in English, and Key and Args, from which
// In writes it in any language of the catalog (package locale). The
// file's own words (keys, values, reminder and field names) and
// file:line:col are arguments and stay as they are in the file, but for
// their length: a word quoted is cut at 80 characters.
type Error struct {
	// File is the path of the file, as given to Load or Parse.
	File string
	// Line and Column locate the problem, counting from 1; 0 if unknown.
	Line, Column int
	// Reminder is the reminder the problem is in, if any.
	Reminder string
	// Field is the key the problem is in, if any ("at", "bedtime.fri").
	Field string
	// Msg says what is wrong and what was expected, in English.
	Msg string
	// Key is Msg's catalog key, its English fmt format, and Args its
	// arguments; an argument that is itself a message (a Message) is
	// translated too. An Error with no Key shows Msg in every language.
	Key  string
	Args []any
	// lang is the language the file's language: key names, if it could
	// be read (see Errors.Locale).
	lang *locale.Locale
}

// Message is a message of the catalog and its arguments: a part of an
// Error's message that is translated with it (a "want ..." phrase, a
// description of what the file has). It formats as its English text.
type Message struct {
	Key  string
	Args []any
}

// msg returns the Message of key and args; int arguments print as they
// are (plain), with no thousands separator in any language.
// A string quoted with %q is one of the file's own words, and is
// shortened (see shorten).
func msg(key string, args ...any) Message {
	args = plainArgs(args)
	for i, verb := range verbs(key) {
		if i >= len(args) {
			break
		}
		if s, ok := args[i].(string); ok && verb == 'q' {
			args[i] = shorten(s)
		}
	}
	return Message{Key: key, Args: args}
}

// verbs returns the verb of each of format's arguments, in order (no
// explicit argument indexes: the catalog's formats have none).
func verbs(format string) []rune {
	var vs []rune
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0123456789.", format[i]) >= 0 {
			i++
		}
		if i < len(format) && format[i] != '%' {
			vs = append(vs, rune(format[i]))
		}
	}
	return vs
}

// String returns m in English.
func (m Message) String() string { return fmt.Sprintf(m.Key, m.Args...) }

// In returns m in l's language, its Message arguments translated too.
func (m Message) In(l *locale.Locale) string {
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		if sub, ok := a.(Message); ok {
			a = sub.In(l)
		}
		args[i] = a
	}
	return l.Sprintf(m.Key, args...)
}

// plain is a number that prints as it is in any language (locale.Plain):
// a line, a count limit, a uid.
type plain = locale.Plain

func plainArgs(args []any) []any {
	for i, a := range args {
		switch v := a.(type) {
		case int:
			args[i] = plain(v)
		case uint32:
			args[i] = plain(v)
		}
	}
	return args
}

// quoteRunes is how much of one of the file's words (a value, a key, a
// reminder's name) an error quotes: enough to find it in the file, and a
// 100,000-character value makes no 100,000-character error line (nor a
// notification that carries it).
const quoteRunes = 80

// shorten returns s, or its first quoteRunes characters and "…" when it
// is longer.
func shorten(s string) string { return cut(s, quoteRunes) }

// cut returns s, or its first n characters and "…" when it is longer.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	runes := 0
	for i := range s {
		if runes == n {
			return s[:i] + "…"
		}
		runes++
	}
	return s
}

// newError returns the Error of key and args at file:line:col.
func newError(file string, line, col int, key string, args ...any) *Error {
	m := msg(key, args...)
	return &Error{File: file, Line: line, Column: col, Msg: m.String(), Key: m.Key, Args: m.Args}
}

// message returns e's message as a Message.
func (e *Error) message() Message {
	if e.Key == "" {
		return Message{Key: "%s", Args: []any{e.Msg}}
	}
	return Message{Key: e.Key, Args: e.Args}
}

// Error formats e as "file:line:col: reminder "name": field: message".
func (e *Error) Error() string { return e.In(locale.English) }

// In formats e as Error does, in l's language: the message and the word
// "reminder" are translated; the file, line and column, the reminder's
// name and the field stay as they are.
func (e *Error) In(l *locale.Locale) string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Column)
	}
	b.WriteString(": ")
	if e.Reminder != "" {
		b.WriteString(l.Sprintf("reminder %q", shorten(e.Reminder)))
		b.WriteString(": ")
	}
	if e.Field != "" {
		b.WriteString(shorten(e.Field) + ": ")
	}
	b.WriteString(e.MessageIn(l))
	return b.String()
}

// MessageIn returns e's message alone (Msg), in l's language.
func (e *Error) MessageIn(l *locale.Locale) string {
	if e.Key == "" {
		return e.Msg
	}
	return e.message().In(l)
}

// Errors is every problem found in one file, in file order.
type Errors []*Error

// Error lists the problems, one per line.
func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// In lists the problems, one per line, in l's language.
func (es Errors) In(l *locale.Locale) string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.In(l)
	}
	return strings.Join(lines, "\n")
}

// Locale returns the language to tell of es in: the one the file's
// language: key names, when it could be read in spite of the errors,
// else the person's (locale.Detect with getenv).
func (es Errors) Locale(getenv func(string) string) *locale.Locale {
	if l := es.Language(); l != nil {
		return l
	}
	return locale.Detect(getenv)
}

// Language returns the language the file's language: key names, when it
// could be read in spite of the errors; nil otherwise.
func (es Errors) Language() *locale.Locale {
	for _, e := range es {
		if e.lang != nil {
			return e.lang
		}
	}
	return nil
}

// Unwrap returns the problems as errors.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// pattern is the English fmt format of another package's error (such as
// scheduler's or robfig/cron's), and a regular expression that reads its
// arguments back from the text.
type pattern struct {
	format string
	re     *regexp.Regexp
	verbs  []byte
}

// lazyPatterns returns patterns(formats...), compiled on the first call:
// their regular expressions cost a third of a megabyte, which only a
// schedule with a broken cron expression or routine needs.
func lazyPatterns(formats ...string) func() []pattern {
	return sync.OnceValue(func() []pattern { return patterns(formats...) })
}

// patterns compiles formats, which may use only %d, %q, %s and %v.
func patterns(formats ...string) []pattern {
	out := make([]pattern, len(formats))
	for i, f := range formats {
		var b strings.Builder
		var verbs []byte
		b.WriteString("^")
		rest := f
		for {
			j := strings.IndexByte(rest, '%')
			if j < 0 || j+1 >= len(rest) {
				b.WriteString(regexp.QuoteMeta(rest))
				break
			}
			b.WriteString(regexp.QuoteMeta(rest[:j]))
			switch v := rest[j+1]; v {
			case 'd':
				b.WriteString(`(-?\d+)`)
				verbs = append(verbs, v)
			case 'q':
				b.WriteString(`("(?:[^"\\]|\\.)*")`)
				verbs = append(verbs, v)
			case 's', 'v':
				b.WriteString(`(.*)`)
				verbs = append(verbs, v)
			default:
				panic("config: pattern " + strconv.Quote(f) + " has a verb other than %d, %q, %s and %v")
			}
			rest = rest[j+2:]
		}
		b.WriteString("$")
		out[i] = pattern{format: f, re: regexp.MustCompile(b.String()), verbs: verbs}
	}
	return out
}

// match returns the Message of the first of pats whose English text is s,
// its arguments read back from s; ok is false when none is. A %s or %v
// argument may itself be one of sub's messages. Reading back is checked:
// the Message's English is s, byte for byte.
func match(s string, pats, sub []pattern) (Message, bool) {
	for _, p := range pats {
		g := p.re.FindStringSubmatch(s)
		if g == nil {
			continue
		}
		args := make([]any, len(p.verbs))
		ok := true
		for i, v := range p.verbs {
			text := g[i+1]
			switch v {
			case 'd':
				n, err := strconv.Atoi(text)
				ok = ok && err == nil
				args[i] = plain(n)
			case 'q':
				u, err := strconv.Unquote(text)
				ok = ok && err == nil
				args[i] = u
			default:
				args[i] = text
				if m, found := match(text, sub, nil); found {
					args[i] = m
				}
			}
		}
		m := Message{Key: p.format, Args: args}
		if ok && m.String() == s {
			return m, true
		}
	}
	return Message{}, false
}

// shortened returns m with its text arguments, and its Messages' (another
// package's words, which are the file's: an expression, its fields),
// shortened as the file's own words are.
func (m Message) shortened() Message {
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		switch v := a.(type) {
		case string:
			a = shorten(v)
		case Message:
			a = v.shortened()
		}
		args[i] = a
	}
	return Message{Key: m.Key, Args: args}
}

// suggest returns the candidate closest to s if it is a likely typo.
func suggest(s string, candidates []string) string {
	best, bestD := "", 3
	for _, c := range candidates {
		d := distance(strings.ToLower(s), c)
		if d < bestD || (d == bestD && best == "") && d <= 2 {
			best, bestD = c, d
		}
	}
	if bestD > 2 || best == "" {
		return ""
	}
	if bestD == 2 && len(s) < 4 {
		return ""
	}
	return best
}

// distance is the Damerau-Levenshtein (optimal string alignment) distance.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
