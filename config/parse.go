package config

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	yamlparser "github.com/goccy/go-yaml/parser"

	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/internal/durfmt"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/bedtime-app/bedtime/scheduler"
)

var (
	topKeys      = []string{"timezone", "language", "bedtime", "away", "reminders", "routines", "channels", "sync"}
	reminderKeys = []string{"cron", "every", "at", "before_bedtime", "days", "between", "timezone", "enabled",
		"title", "message", "variants", "catch_up", "snooze", "routine", "repeat_until_done", "repeat_max",
		"when_away", "when_busy", "stay", "sound", "channels", "ask"}
	awayKeys     = []string{"after"}
	soundRE      = lazyRE(`^[a-z][a-z0-9]*([-_.][a-z0-9]+)*$`) // freedesktop names start with a letter
	whenAwayAll  = []WhenAway{WhenAwayHold, WhenAwaySkip, WhenAwayShow, WhenAwayPhone}
	bedtimeKeys  = []string{"default", "mon", "tue", "wed", "thu", "fri", "sat", "sun"}
	variantKeys  = []string{"title", "message"}
	routineKeys  = []string{"title", "steps", "done"}
	stepKeys     = []string{"text", "hold"}
	forms        = []Form{FormCron, FormEvery, FormAt, FormBeforeBedtime}
	nameRE       = lazyRE(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	gluedKeyRE   = lazyRE(`^([a-z_]+):([^\s/].*)$`)
	clockRE      = lazyRE(`^[0-9]{1,2}:[0-9]{2}$`)
	bareNumberRE = lazyRE(`^[-+]?[0-9]+(\.[0-9]+)?$`)
	daysRE       = lazyRE(`^(?i)[0-9]+(\.[0-9]+)?\s*(d|w|days?|weeks?)$`)
)

// lazyRE returns a function that compiles expr on its first call: the
// package's patterns cost nothing until a schedule is read.
func lazyRE(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// parser collects the errors of one file.
type parser struct {
	file    string
	local   *time.Location // the zone of a schedule without a timezone
	lang    *locale.Locale // the file's language: key, once read
	errs    Errors
	anchors map[string]ast.Node
	// misspelt records the keys suggested for unknown keys, so that a
	// misspelt schedule field is not also reported as missing.
	misspelt map[string]bool
	// phoneNodes are the when_away: phone values, by reminder, checked
	// once the channels are known.
	phoneNodes map[string]ast.Node
	// broken are the channels and routines the file defines with an
	// error (reported there), by name: a reminder naming one is not also
	// told it is unknown.
	broken map[string]bool
}

// markBroken notes that the channel or routine name (and its lower-case
// form: "Desk-Stretch" for a reminder's "desk-stretch") is defined with
// an error.
func (p *parser) markBroken(kind, name string) {
	if p.broken == nil {
		p.broken = map[string]bool{}
	}
	p.broken[kind+"\x00"+name] = true
	p.broken[kind+"\x00"+strings.ToLower(name)] = true
}

// isBroken reports whether the channel or routine name is defined with
// an error.
func (p *parser) isBroken(kind, name string) bool { return p.broken[kind+"\x00"+name] }

// ctx is where in the file a value sits, for error messages.
type ctx struct {
	reminder string
	field    string
}

// errAt records the error of format and args (a catalog key; see Error)
// at n.
func (p *parser) errAt(n ast.Node, c ctx, format string, args ...any) {
	p.errMsgAt(n, c, msg(format, args...))
}

// errMsgAt records the error m at n.
func (p *parser) errMsgAt(n ast.Node, c ctx, m Message) {
	e := &Error{File: p.file, Reminder: c.reminder, Field: c.field, Msg: m.String(), Key: m.Key, Args: m.Args}
	p.place(e, n)
}

// errForeign records err, another package's error, translated when it is
// one of pats (with details sub) and as it is otherwise.
func (p *parser) errForeign(n ast.Node, c ctx, err error, pats, sub []pattern) {
	if m, ok := match(err.Error(), pats, sub); ok {
		p.errMsgAt(n, c, m.shortened())
		return
	}
	// Not one of the messages known: as it is, but no longer than a few
	// of the file's words quoted.
	e := &Error{File: p.file, Reminder: c.reminder, Field: c.field, Msg: cut(err.Error(), 4*quoteRunes)}
	p.place(e, n)
}

func (p *parser) place(e *Error, n ast.Node) {
	if n != nil {
		if tk := n.GetToken(); tk != nil && tk.Position != nil {
			e.Line, e.Column = tk.Position.Line, tk.Position.Column
		}
	}
	p.errs = append(p.errs, e)
}

func (p *parser) sorted() Errors {
	out := slices.Clone(p.errs)
	for _, e := range out {
		e.lang = p.lang
	}
	slices.SortStableFunc(out, func(a, b *Error) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Column - b.Column
	})
	return out
}

func (p *parser) parse(src []byte) (s *Schedule) {
	defer func() {
		// The YAML library is third-party code: never let a panic in
		// it take the daemon down.
		if r := recover(); r != nil {
			p.errs = append(p.errs, newError(p.file, 0, 0, "cannot read the file as YAML (%v)", fmt.Sprint(r)))
			s = nil
		}
	}()
	f, err := yamlparser.ParseBytes(src, 0, yamlparser.AllowDuplicateMapKey())
	if err != nil {
		var se *yaml.SyntaxError
		switch {
		case errors.As(err, &se) && se.Token != nil && se.Token.Position != nil:
			line, col := se.Token.Position.Line, se.Token.Position.Column
			key, args := syntaxMessage(src, line, col, se.Message)
			p.errs = append(p.errs, newError(p.file, line, col, key, args...))
		default:
			p.errs = append(p.errs, newError(p.file, 0, 0, "not valid YAML: %s", firstLine(err.Error())))
		}
		return nil
	}
	var docs []ast.Node
	for _, d := range f.Docs {
		if d != nil && d.Body != nil {
			docs = append(docs, d.Body)
		}
	}
	if len(docs) == 0 {
		p.errs = append(p.errs, newError(p.file, 0, 0, "the file is empty (want at least a reminders: section; `bedtime init` writes an example)"))
		return nil
	}
	if len(docs) > 1 {
		p.errAt(docs[1], ctx{}, "more than one YAML document (want one schedule)")
		return nil
	}
	p.anchors = map[string]ast.Node{}
	p.phoneNodes = map[string]ast.Node{}
	p.misspelt = map[string]bool{}
	s = &Schedule{Location: p.local, Routines: map[string]content.Routine{}, AwayAfter: DefaultAwayAfter, Channels: map[string]Channel{}}
	pairs, ok := p.mapping(docs[0], ctx{})
	if !ok {
		return nil
	}
	var bedNode, remNode, remKey, routNode, chanNode ast.Node
	for _, kv := range p.keys(pairs, topKeys, ctx{}) {
		switch kv.key {
		case "timezone":
			if loc, ok := p.zone(kv.value, ctx{field: "timezone"}); ok {
				s.Location = loc
			}
		case "language":
			if l, ok := p.language(kv.value, ctx{field: "language"}); ok {
				s.Language, p.lang = l, l
			}
		case "bedtime":
			bedNode = kv.value
		case "away":
			p.away(kv.value, kv.keyNode, s)
		case "reminders":
			remNode, remKey = kv.value, kv.keyNode
		case "routines":
			routNode = kv.value
		case "channels":
			chanNode = kv.value
		case "sync":
			p.sync(kv.value, kv.keyNode, s)
		}
	}
	s.Bedtime = p.bedtime(bedNode)
	if routNode != nil {
		p.routines(routNode, s)
	}
	if chanNode != nil {
		p.channels(chanNode, s)
	}
	if remNode == nil && remKey != nil {
		// All of them commented out, or indented as keys of their own.
		p.errAt(remKey, ctx{field: "reminders"}, `is empty (want the reminders under it by name, indented, such as magnesium: {at: "20:30"})`)
		return s
	}
	if remNode == nil {
		n := docs[0]
		if len(pairs) > 0 && pairs[0] != nil && pairs[0].Key != nil {
			n = pairs[0].Key // the file's first line, not a colon in it
		}
		p.errAt(n, ctx{}, "no reminders: section (want a map of reminders by name)")
		return s
	}
	p.reminders(remNode, s)
	p.checkPhone(s)
	return s
}

// syntaxMessage returns the key and arguments of the error for the YAML
// library's syntax error message at line and col of src. The slips of
// hand-editing (a tab, a line indented unlike its neighbours, a colon
// forgotten or one too many, a dash among keys, a value starting with a
// character YAML keeps for itself) say what to write instead; the
// library's other messages are passed on as they are.
func syntaxMessage(src []byte, line, col int, message string) (key string, args []any) {
	switch {
	case strings.HasPrefix(message, "found character '\t'"):
		// The YAML library names the tab by printing one, which a
		// terminal shows as blank space.
		return "not valid YAML: a tab (indent with spaces; YAML does not allow tabs)", nil
	case strings.HasPrefix(message, "value is not allowed in this context"):
		if startsLine(src, line, col) {
			return "not valid YAML: this line is indented unlike the lines above it (indent keys side by side by the same number of spaces, and what belongs to a key further than the key)", nil
		}
		return "not valid YAML: more text after a value (put the whole value in quotes)", nil
	case message == "mapping value is not allowed in this context":
		return `not valid YAML: a second ": " on one line (put each key on a line of its own, or quote a value that has ": " in it, such as title: "Pill time: now")`, nil
	case message == "unexpected key name":
		return "not valid YAML: a key without a colon (end each key with a colon, such as magnesium:)", nil
	case message == "non-map value is specified":
		return `not valid YAML: a list entry ("- ") among keys (remove the dash, or put the list under a key of its own)`, nil
	case strings.HasSuffix(message, " is a reserved character"):
		return "not valid YAML: a value cannot start with %s (put the value in quotes)", []any{strings.TrimSuffix(message, " is a reserved character")}
	}
	return "not valid YAML: %s", []any{message}
}

// startsLine reports whether the 1-based column col of line in src is
// where the line's text begins, after its indentation.
func startsLine(src []byte, line, col int) bool {
	for n := 1; n < line; n++ {
		i := bytes.IndexByte(src, '\n')
		if i < 0 {
			return false
		}
		src = src[i+1:]
	}
	return col == len(src)-len(bytes.TrimLeft(src, " "))+1
}

// checkPhone checks that each reminder with when_away: phone has a
// channel other than the desktop to send to.
func (p *parser) checkPhone(s *Schedule) {
	for _, r := range s.Reminders {
		n, ok := p.phoneNodes[r.Name]
		if !ok || len(s.Channels) > 0 {
			continue
		}
		p.errAt(n, ctx{r.Name, "when_away"}, "phone needs a channel to send to (want an ntfy or command channel under channels:)")
	}
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

var defaultBedtime = scheduler.TimeOfDay{Hour: 22, Minute: 30}

func (p *parser) bedtime(n ast.Node) [7]scheduler.TimeOfDay {
	var out [7]scheduler.TimeOfDay
	for i := range out {
		out[i] = defaultBedtime
	}
	if n == nil {
		return out
	}
	c := ctx{field: "bedtime"}
	r := p.resolve(n)
	if _, ok := scalarText(r); ok {
		if t, ok := p.timeOfDay(n, c); ok {
			for i := range out {
				out[i] = t
			}
		}
		return out
	}
	pairs, ok := p.mapping(n, c)
	if !ok {
		return out
	}
	kvs := p.keys(pairs, bedtimeKeys, c)
	for _, kv := range kvs { // the default first, so days can override it
		if kv.key == "default" {
			if t, ok := p.timeOfDay(kv.valueNode, ctx{field: "bedtime.default"}); ok {
				for i := range out {
					out[i] = t
				}
			}
		}
	}
	for _, kv := range kvs {
		if kv.key == "default" {
			continue
		}
		d, _ := scheduler.ParseWeekday(kv.key)
		if t, ok := p.timeOfDay(kv.valueNode, ctx{field: "bedtime." + kv.key}); ok {
			out[d] = t
		}
	}
	return out
}

// away reads the away section: {after: 5m}.
func (p *parser) away(n, key ast.Node, s *Schedule) {
	c := ctx{field: "away"}
	if n == nil {
		p.errAt(key, c, "is empty (want after: 5m, or leave away out for the default)")
		return
	}
	if _, ok := p.resolve(n).(*ast.MappingNode); !ok {
		if _, ok := p.resolve(n).(*ast.MappingValueNode); !ok {
			p.errAt(n, c, "got %s, want a map such as {after: 5m}", describe(p.resolve(n)))
			return
		}
	}
	pairs, ok := p.mapping(n, c)
	if !ok {
		return
	}
	for _, kv := range p.keys(pairs, awayKeys, c) {
		c := ctx{field: "away.after"}
		if kv.value == nil {
			p.errAt(kv.keyNode, c, "is empty (want a duration from 1m to 2h, such as 5m)")
			continue
		}
		d, ok := p.duration(kv.valueNode, c)
		if !ok {
			continue
		}
		if d < time.Minute || d > 2*time.Hour {
			p.errAt(kv.valueNode, c, "%s is out of range (want 1m to 2h)", durfmt.Format(d))
			continue
		}
		s.AwayAfter = d
	}
}

func (p *parser) reminders(n ast.Node, s *Schedule) {
	c := ctx{field: "reminders"}
	pairs, ok := p.mapping(n, c)
	if !ok {
		return
	}
	first := map[string]int{}
	for _, pair := range pairs {
		if pair == nil || pair.Key == nil {
			continue
		}
		name, ok := scalarText(pair.Key)
		if !ok {
			p.errAt(pair.Key, c, "a reminder's name must be a plain word")
			continue
		}
		if l, dup := first[name]; dup {
			p.errAt(pair.Key, ctx{reminder: name}, "defined twice (first on line %d); give each reminder its own name", l)
			continue
		}
		first[name] = line(pair.Key)
		if _, isMap := p.resolve(pair.Value).(*ast.MappingNode); !isMap && slices.Contains(reminderKeys, name) {
			// "  magnesium:\n  at: ..." : the key is indented as a
			// reminder of its own.
			p.errAt(pair.Key, c, "%q is a reminder's key, not a reminder (indent it under its reminder, further than the reminder's name)", name)
			continue
		}
		if !nameRE().MatchString(name) {
			p.errAt(pair.Key, ctx{reminder: name}, "name must be lower-case letters, digits and dashes, such as \"evening-walk\"")
			continue
		}
		if r, ok := p.reminder(name, pair, s); ok {
			s.Reminders = append(s.Reminders, r)
		}
	}
}
