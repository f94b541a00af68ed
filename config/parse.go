package config

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	yamlparser "github.com/goccy/go-yaml/parser"

	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/internal/durfmt"
	"github.com/bedtime-app/bedtime/scheduler"
)

var (
	topKeys      = []string{"timezone", "bedtime", "away", "reminders", "routines", "channels", "sync"}
	reminderKeys = []string{"cron", "every", "at", "before_bedtime", "days", "between", "timezone", "enabled",
		"title", "message", "variants", "catch_up", "snooze", "routine", "repeat_until_done", "repeat_max",
		"when_away", "stay", "sound", "channels", "ask"}
	awayKeys    = []string{"after"}
	soundRE     = regexp.MustCompile(`^[a-z0-9]+([-_.][a-z0-9]+)*$`)
	whenAwayAll = []WhenAway{WhenAwayHold, WhenAwaySkip, WhenAwayShow, WhenAwayPhone}
	bedtimeKeys = []string{"default", "mon", "tue", "wed", "thu", "fri", "sat", "sun"}
	variantKeys = []string{"title", "message"}
	routineKeys = []string{"title", "steps", "done"}
	stepKeys    = []string{"text", "hold"}
	forms       = []Form{FormCron, FormEvery, FormAt, FormBeforeBedtime}
	nameRE      = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
)

// parser collects the errors of one file.
type parser struct {
	file    string
	local   *time.Location // the zone of a schedule without a timezone
	errs    Errors
	anchors map[string]ast.Node
	// misspelt records the keys suggested for unknown keys, so that a
	// misspelt schedule field is not also reported as missing.
	misspelt map[string]bool
	// phoneNodes are the when_away: phone values, by reminder, checked
	// once the channels are known.
	phoneNodes map[string]ast.Node
}

// ctx is where in the file a value sits, for error messages.
type ctx struct {
	reminder string
	field    string
}

func (p *parser) errAt(n ast.Node, c ctx, format string, args ...any) {
	e := &Error{File: p.file, Reminder: c.reminder, Field: c.field, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		if tk := n.GetToken(); tk != nil && tk.Position != nil {
			e.Line, e.Column = tk.Position.Line, tk.Position.Column
		}
	}
	p.errs = append(p.errs, e)
}

func (p *parser) sorted() Errors {
	out := slices.Clone(p.errs)
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
			p.errs = append(p.errs, &Error{File: p.file, Msg: fmt.Sprintf("cannot read the file as YAML (%v)", r)})
			s = nil
		}
	}()
	f, err := yamlparser.ParseBytes(src, 0, yamlparser.AllowDuplicateMapKey())
	if err != nil {
		var se *yaml.SyntaxError
		if errors.As(err, &se) && se.Token != nil && se.Token.Position != nil {
			p.errs = append(p.errs, &Error{File: p.file, Line: se.Token.Position.Line, Column: se.Token.Position.Column,
				Msg: "not valid YAML: " + se.Message})
		} else {
			p.errs = append(p.errs, &Error{File: p.file, Msg: "not valid YAML: " + firstLine(err.Error())})
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
		p.errs = append(p.errs, &Error{File: p.file, Msg: "the file is empty (want at least a reminders: section; `bedtime init` writes an example)"})
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
	var bedNode, remNode, routNode, chanNode ast.Node
	for _, kv := range p.keys(pairs, topKeys, ctx{}) {
		switch kv.key {
		case "timezone":
			if loc, ok := p.zone(kv.value, ctx{field: "timezone"}); ok {
				s.Location = loc
			}
		case "bedtime":
			bedNode = kv.value
		case "away":
			p.away(kv.value, kv.keyNode, s)
		case "reminders":
			remNode = kv.value
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
	if remNode == nil {
		p.errAt(docs[0], ctx{}, "no reminders: section (want a map of reminders by name)")
		return s
	}
	p.reminders(remNode, s)
	p.checkPhone(s)
	return s
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

// kv is one key and its value in a mapping.
type kv struct {
	key       string
	keyNode   ast.Node
	value     ast.Node
	valueNode ast.Node // value, or the key when the value is empty
}

// resolve unwraps anchors, aliases and tags.
func (p *parser) resolve(n ast.Node) ast.Node {
	for i := 0; i < 100 && n != nil; i++ {
		switch v := n.(type) {
		case *ast.AnchorNode:
			if name, ok := scalarText(v.Name); ok {
				p.anchors[name] = v.Value
			}
			n = v.Value
		case *ast.AliasNode:
			name, _ := scalarText(v.Value)
			target, ok := p.anchors[name]
			if !ok {
				return n
			}
			n = target
		case *ast.TagNode:
			n = v.Value
		default:
			return n
		}
	}
	return n
}

// mapping returns the pairs of a mapping node.
func (p *parser) mapping(n ast.Node, c ctx) ([]*ast.MappingValueNode, bool) {
	switch v := p.resolve(n).(type) {
	case *ast.MappingNode:
		return v.Values, true
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{v}, true
	case *ast.AliasNode:
		p.errAt(n, c, "unknown alias %q", v.Value.GetToken().Value)
		return nil, false
	}
	what := "a map of keys and values"
	if c.field == "" && c.reminder == "" {
		what = "a map with timezone, bedtime and reminders"
	}
	p.errAt(n, c, "got %s, want %s", describe(p.resolve(n)), what)
	return nil, false
}

// keys checks the keys of a mapping against the allowed ones and returns
// the known pairs. Unknown and repeated keys are errors.
func (p *parser) keys(pairs []*ast.MappingValueNode, allowed []string, c ctx) []kv {
	var out []kv
	seen := map[string]int{}
	for _, pair := range pairs {
		if pair == nil || pair.Key == nil {
			continue
		}
		if _, ok := pair.Key.(*ast.MergeKeyNode); ok {
			p.errAt(pair.Key, c, "merge keys (<<) are not supported; write the keys out")
			continue
		}
		key, ok := scalarText(pair.Key)
		if !ok {
			p.errAt(pair.Key, c, "a key must be a plain word")
			continue
		}
		if line, dup := seen[key]; dup {
			p.errAt(pair.Key, c, "%q is given twice (first on line %d)", key, line)
			continue
		}
		seen[key] = line(pair.Key)
		if !slices.Contains(allowed, key) {
			msg := fmt.Sprintf("unknown key %q", key)
			if s := suggest(key, allowed); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
				p.misspelt[s] = true
			} else {
				msg += fmt.Sprintf(" (want one of %s)", strings.Join(allowed, ", "))
			}
			p.errAt(pair.Key, c, "%s", msg)
			continue
		}
		v := ast.Node(pair.Value)
		vn := v
		if v == nil || isNull(p.resolve(v)) {
			v = nil
			vn = pair.Key
		}
		out = append(out, kv{key: key, keyNode: pair.Key, value: v, valueNode: vn})
	}
	return out
}

func line(n ast.Node) int {
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		return tk.Position.Line
	}
	return 0
}

func isNull(n ast.Node) bool {
	_, ok := n.(*ast.NullNode)
	return ok
}

// scalarText returns the text of a scalar node as written.
func scalarText(n ast.Node) (string, bool) {
	switch v := n.(type) {
	case *ast.StringNode:
		return v.Value, true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		return v.GetToken().Value, true
	case *ast.LiteralNode:
		return v.Value.Value, true
	}
	return "", false
}

func describe(n ast.Node) string {
	switch n.(type) {
	case nil, *ast.NullNode:
		return "nothing"
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a map"
	case *ast.SequenceNode:
		return "a list"
	case *ast.IntegerNode, *ast.FloatNode:
		return "a number"
	case *ast.BoolNode:
		return "true/false"
	}
	if s, ok := scalarText(n); ok {
		return fmt.Sprintf("%q", s)
	}
	return "something else"
}

// str reads a scalar as a string.
func (p *parser) str(n ast.Node, c ctx, want string) (string, bool) {
	r := p.resolve(n)
	if s, ok := scalarText(r); ok {
		return s, true
	}
	p.errAt(n, c, "got %s, want %s", describe(r), want)
	return "", false
}

func (p *parser) duration(n ast.Node, c ctx) (time.Duration, bool) {
	s, ok := p.str(n, c, "a duration such as 30m or 2h")
	if !ok {
		return 0, false
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		hint := ""
		if _, nerr := fmt.Sscanf(s, "%d", new(int)); nerr == nil && !strings.ContainsAny(s, "hms") {
			hint = "; add a unit"
		}
		p.errAt(n, c, "%q is not a duration (want e.g. 90s, 30m or 2h%s)", s, hint)
		return 0, false
	}
	if d < 0 || strings.HasPrefix(strings.TrimSpace(s), "-") {
		p.errAt(n, c, "%q is negative (want a duration of 0 or more)", s)
		return 0, false
	}
	return d, true
}

func (p *parser) timeOfDay(n ast.Node, c ctx) (scheduler.TimeOfDay, bool) {
	r := p.resolve(n)
	s, ok := scalarText(r)
	if !ok {
		p.errAt(n, c, "got %s, want a time of day (HH:MM)", describe(r))
		return scheduler.TimeOfDay{}, false
	}
	t, err := scheduler.ParseTimeOfDay(s)
	if err != nil {
		p.errAt(n, c, "%v", err)
		return scheduler.TimeOfDay{}, false
	}
	return t, true
}

func (p *parser) zone(n ast.Node, c ctx) (*time.Location, bool) {
	s, ok := p.str(n, c, "an IANA time zone such as Europe/Berlin")
	if !ok {
		return nil, false
	}
	if s == "" || s == "Local" {
		return p.local, true
	}
	loc, err := time.LoadLocation(s)
	if err != nil || strings.HasPrefix(s, "/") {
		p.errAt(n, c, "unknown time zone %q (want an IANA name such as Europe/Berlin or America/New_York)", s)
		return nil, false
	}
	return loc, true
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

// boolWord reads YAML's words for true and false.
func boolWord(s string) (v, ok bool) {
	switch strings.ToLower(s) {
	case "true", "yes", "on":
		return true, true
	case "false", "no", "off":
		return false, true
	}
	return false, false
}

// presenceKeys reads when_away, stay and sound into r.
func (p *parser) presenceKeys(r *Reminder, get map[string]kv) {
	name := r.Name
	r.WhenAway = WhenAwayHold
	if name == "movement" {
		r.WhenAway = WhenAwaySkip
	}
	empty := func(key, want string) { // an empty value is an error, and then left out
		if kv, ok := get[key]; ok && kv.value == nil {
			p.errAt(kv.keyNode, ctx{name, key}, "is empty (want %s)", want)
			delete(get, key)
		}
	}
	empty("when_away", "hold, skip, show or phone")
	empty("stay", "true, false or a duration such as 2m")
	empty("sound", "true, false or a sound name such as bell")
	if kv, ok := get["when_away"]; ok {
		c := ctx{name, "when_away"}
		if v, ok := p.str(kv.valueNode, c, "hold, skip, show or phone"); ok {
			w := WhenAway(strings.ToLower(v))
			if slices.Contains(whenAwayAll, w) {
				r.WhenAway = w
				if w == WhenAwayPhone {
					p.phoneNodes[name] = kv.valueNode
				}
			} else {
				msg := fmt.Sprintf("%q is not hold, skip, show or phone", v)
				if sg := suggest(v, []string{"hold", "skip", "show", "phone"}); sg != "" {
					msg += fmt.Sprintf(" (did you mean %q?)", sg)
				}
				p.errAt(kv.valueNode, c, "%s", msg)
			}
		}
	}
	r.Stay = StayUntilAnswered
	if kv, ok := get["stay"]; ok {
		c := ctx{name, "stay"}
		v, ok := p.str(kv.valueNode, c, "true, false or a duration such as 2m")
		if b, isBool := boolWord(v); ok && isBool {
			if !b {
				r.Stay = 0
			}
		} else if ok {
			d, err := time.ParseDuration(v)
			switch {
			case err != nil || strings.HasPrefix(strings.TrimSpace(v), "-"):
				p.errAt(kv.valueNode, c, "%q is not true, false or a duration (want e.g. true, false or 2m)", v)
			case d < time.Second || d > 24*time.Hour:
				p.errAt(kv.valueNode, c, "%s is out of range (want 1s to 24h, or true to stay until answered)", durfmt.Format(d))
			default:
				r.Stay = d
			}
		}
	}
	if kv, ok := get["sound"]; ok {
		c := ctx{name, "sound"}
		v, ok := p.str(kv.valueNode, c, "true, false or a sound name such as bell")
		if b, isBool := boolWord(v); ok && isBool {
			if b {
				r.Sound = DefaultSound
			}
		} else if ok {
			if !soundRE.MatchString(v) || len(v) > 100 {
				p.errAt(kv.valueNode, c, "%q is not true, false or a freedesktop sound name (want e.g. bell or message-new-instant)", v)
			} else {
				r.Sound = v
			}
		}
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
		if !nameRE.MatchString(name) {
			p.errAt(pair.Key, ctx{reminder: name}, "name must be lower-case letters, digits and dashes, such as \"evening-walk\"")
			continue
		}
		if r, ok := p.reminder(name, pair, s); ok {
			s.Reminders = append(s.Reminders, r)
		}
	}
}

func (p *parser) reminder(name string, pair *ast.MappingValueNode, s *Schedule) (Reminder, bool) {
	c := ctx{reminder: name}
	r := Reminder{Name: name, Enabled: true, Snooze: DefaultSnooze, Location: s.Location, Line: line(pair.Key), Channels: []string{Desktop}}
	if pair.Value == nil || isNull(p.resolve(pair.Value)) {
		p.errAt(pair.Key, c, "has no schedule (want one of cron, every, at or before_bedtime)")
		return r, false
	}
	pairs, ok := p.mapping(pair.Value, c)
	if !ok {
		return r, false
	}
	nerr := len(p.errs)
	clear(p.misspelt)
	kvs := p.keys(pairs, reminderKeys, c)
	get := map[string]kv{}
	for _, kv := range kvs {
		get[kv.key] = kv
	}
	// Which form.
	var given []kv
	for _, f := range forms {
		if kv, ok := get[string(f)]; ok {
			given = append(given, kv)
		}
	}
	misspeltForm := false
	for _, f := range forms {
		misspeltForm = misspeltForm || p.misspelt[string(f)]
	}
	switch len(given) {
	case 0:
		if !misspeltForm {
			p.errAt(pair.Key, c, "has no schedule (want one of cron, every, at or before_bedtime)")
		}
	case 1:
	default:
		p.errAt(given[1].keyNode, ctx{reminder: name, field: given[1].key},
			"a reminder has exactly one schedule, and %s is already given (split it into two reminders)", given[0].key)
	}
	if kv, ok := get["timezone"]; ok {
		if loc, ok := p.zone(kv.valueNode, ctx{name, "timezone"}); ok {
			r.Location = loc
		}
	}
	if kv, ok := get["days"]; ok {
		r.Days = p.days(kv.valueNode, ctx{name, "days"})
		if r.Days != 0 {
			if _, isCron := get["cron"]; isCron {
				p.errAt(kv.keyNode, ctx{name, "days"}, "does not go with cron; put the days in the cron expression's fifth field")
			}
		}
	}
	if kv, ok := get["between"]; ok {
		if _, isEvery := get["every"]; !isEvery {
			p.errAt(kv.keyNode, ctx{name, "between"}, "goes only with every")
		}
	}
	if kv, ok := get["enabled"]; ok {
		v, _ := p.str(kv.valueNode, ctx{name, "enabled"}, "true or false")
		switch strings.ToLower(v) {
		case "true", "yes", "on":
		case "false", "no", "off":
			r.Enabled = false
		default:
			p.errAt(kv.valueNode, ctx{name, "enabled"}, "%q is not true or false", v)
		}
	}
	if kv, ok := get["title"]; ok {
		r.Title, _ = p.text(kv.valueNode, ctx{name, "title"}, true)
	}
	if kv, ok := get["message"]; ok {
		r.Message, _ = p.text(kv.valueNode, ctx{name, "message"}, false)
	}
	if kv, ok := get["variants"]; ok {
		r.Variants = p.variants(kv.valueNode, ctx{name, "variants"})
	}
	if kv, ok := get["snooze"]; ok {
		if d, ok := p.duration(kv.valueNode, ctx{name, "snooze"}); ok {
			if d < time.Minute || d > 24*time.Hour {
				p.errAt(kv.valueNode, ctx{name, "snooze"}, "%s is out of range (want 1m to 24h)", durfmt.Format(d))
			}
			r.Snooze = d
		}
	}
	if kv, ok := get["repeat_until_done"]; ok {
		if d, ok := p.duration(kv.valueNode, ctx{name, "repeat_until_done"}); ok {
			if d < time.Minute || d > 12*time.Hour {
				p.errAt(kv.valueNode, ctx{name, "repeat_until_done"}, "%s is out of range (want 1m to 12h)", durfmt.Format(d))
			}
			r.RepeatEvery = d
			r.RepeatMax = DefaultRepeatMax
		}
	}
	if kv, ok := get["repeat_max"]; ok {
		c := ctx{name, "repeat_max"}
		v, ok := p.str(kv.valueNode, c, "a whole number")
		n, err := strconv.Atoi(v)
		switch {
		case !ok:
		case err != nil || n < 1 || n > 20:
			p.errAt(kv.valueNode, c, "%q is not a count from 1 to 20", v)
		case r.RepeatEvery == 0:
			p.errAt(kv.keyNode, c, "goes only with repeat_until_done")
		default:
			r.RepeatMax = n
		}
	}
	if kv, ok := get["routine"]; ok {
		rn, ok := p.str(kv.valueNode, ctx{name, "routine"}, "the name of a routine")
		if ok {
			if _, found := s.Routine(rn); !found {
				names := content.RoutineNames()
				for k := range s.Routines {
					names = append(names, k)
				}
				slices.Sort(names)
				p.errAt(kv.valueNode, ctx{name, "routine"}, "unknown routine %q (want one of %s)", rn, strings.Join(names, ", "))
			}
			r.Routine = rn
		}
	}
	p.ask(&r, get)
	p.presenceKeys(&r, get)
	if kv, ok := get["channels"]; ok {
		r.Channels = p.reminderChannels(kv, s, ctx{name, "channels"})
	}
	if len(given) == 1 {
		p.form(&r, given[0], get, s)
	}
	catchUp := time.Duration(0)
	if r.Schedule != nil && oncePerDay(r) {
		catchUp = DailyCatchUp
	}
	if r.Ask != "" {
		catchUp = AskCatchUp
	}
	r.CatchUp = catchUp
	if kv, ok := get["catch_up"]; ok {
		if d, ok := p.duration(kv.valueNode, ctx{name, "catch_up"}); ok {
			if d > 7*24*time.Hour {
				p.errAt(kv.valueNode, ctx{name, "catch_up"}, "%s is too long (want at most 168h)", durfmt.Format(d))
			}
			r.CatchUp = d
		}
	}
	if r.Ask != "" && r.Title == "" && r.Message == "" && len(r.Variants) == 0 {
		q := content.CrampQuestion()
		r.Title, r.Message = q.Title, q.Body
	}
	if _, asked := get["ask"]; !asked && r.Title == "" && r.Message == "" && len(r.Variants) == 0 {
		if _, builtin := content.Texts(name); !builtin && r.Routine == "" {
			p.errAt(pair.Key, c, "has no text: built-in texts exist only for %s; give this one a title or message",
				strings.Join(content.Kinds(), ", "))
		}
	}
	return r, len(p.errs) == nerr
}

// ask reads ask: the question a reminder asks, whose buttons answer it
// instead of Done and Snooze.
func (p *parser) ask(r *Reminder, get map[string]kv) {
	a, ok := get["ask"]
	if !ok {
		return
	}
	c := ctx{r.Name, "ask"}
	if a.value == nil {
		p.errAt(a.keyNode, c, "is empty (want cramps, or leave ask out)")
		return
	}
	v, ok := p.str(a.valueNode, c, "cramps")
	switch {
	case !ok:
	case v != AskCramps:
		p.errAt(a.valueNode, c, "%q is not a question bedtime asks (want cramps: the morning question of the cramp diary)", v)
	case r.Routine != "":
		p.errAt(a.keyNode, c, "does not go with routine (the question's buttons answer it; a routine needs Start)")
	case r.RepeatEvery != 0:
		p.errAt(a.keyNode, c, "does not go with repeat_until_done (an unanswered night stays unknown)")
	default:
		r.Ask = v
	}
}

// oncePerDay reports whether r is due at most once on any day, which gives
// it a catch-up grace by default.
func oncePerDay(r Reminder) bool {
	switch sch := r.Schedule.(type) {
	case *scheduler.Daily:
		return len(sch.Times) == 1
	case *scheduler.BeforeBedtime:
		return true
	case *scheduler.Cron:
		return sch.OncePerDayAtMost()
	case *scheduler.Interval:
		return sch.Every >= 24*time.Hour || (sch.Window && sch.Start.Minutes()*int(time.Minute)+int(sch.Every) > sch.End.Minutes()*int(time.Minute))
	}
	return false
}

func (p *parser) form(r *Reminder, given kv, get map[string]kv, s *Schedule) {
	c := ctx{r.Name, given.key}
	r.Form = Form(given.key)
	if given.value == nil {
		p.errAt(given.keyNode, c, "is empty")
		return
	}
	switch r.Form {
	case FormCron:
		spec, ok := p.str(given.value, c, "a cron expression such as \"55 9-16 * * mon-fri\"")
		if !ok {
			return
		}
		r.Spec = spec
		sch, err := scheduler.ParseCron(spec, r.Location)
		if err != nil {
			p.errAt(given.value, c, "%v", err)
			return
		}
		r.Schedule = sch
	case FormEvery:
		d, ok := p.duration(given.value, c)
		if !ok {
			return
		}
		if d < time.Second {
			p.errAt(given.value, c, "%s is too short (want at least 1s)", durfmt.Format(d))
			return
		}
		if d > 24*time.Hour {
			p.errAt(given.value, c, "%s is longer than a day (want at most 24h; for every few days, use at with days, or cron)", durfmt.Format(d))
			return
		}
		r.Spec = durfmt.Format(d)
		iv := &scheduler.Interval{Every: d, Days: r.Days, Location: r.Location}
		if kv, ok := get["between"]; ok {
			start, end, ok := p.window(kv.valueNode, ctx{r.Name, "between"})
			if !ok {
				return
			}
			iv.Window, iv.Start, iv.End = true, start, end
			r.Spec += " between " + start.String() + "-" + end.String()
		}
		r.Schedule = iv
	case FormAt:
		var times []scheduler.TimeOfDay
		var specs []string
		if seq, ok := p.resolve(given.value).(*ast.SequenceNode); ok {
			if len(seq.Values) == 0 {
				p.errAt(given.value, c, "the list is empty (want at least one time of day)")
				return
			}
			for _, v := range seq.Values {
				if t, ok := p.timeOfDay(v, c); ok {
					times = append(times, t)
					specs = append(specs, t.String())
				}
			}
			if len(times) != len(seq.Values) {
				return
			}
		} else {
			t, ok := p.timeOfDay(given.value, c)
			if !ok {
				return
			}
			times = append(times, t)
			specs = append(specs, t.String())
		}
		r.Spec = strings.Join(specs, ", ")
		r.Schedule = &scheduler.Daily{Times: times, Days: r.Days, Location: r.Location}
	case FormBeforeBedtime:
		d, ok := p.duration(given.value, c)
		if !ok {
			return
		}
		if d >= 12*time.Hour {
			p.errAt(given.value, c, "%s is too long (want less than 12h)", durfmt.Format(d))
			return
		}
		r.Spec = durfmt.Format(d) + " before bedtime"
		r.Schedule = &scheduler.BeforeBedtime{Before: d, Bedtime: s.Bedtime, Days: r.Days, Location: r.Location}
	}
}

func (p *parser) window(n ast.Node, c ctx) (start, end scheduler.TimeOfDay, ok bool) {
	s, ok := p.str(n, c, `a window such as "08:00-20:00"`)
	if !ok {
		return start, end, false
	}
	a, b, found := strings.Cut(s, "-")
	if !found {
		p.errAt(n, c, "%q is not a window (want HH:MM-HH:MM, such as \"08:00-20:00\")", s)
		return start, end, false
	}
	var err1, err2 error
	start, err1 = scheduler.ParseTimeOfDay(strings.TrimSpace(a))
	end, err2 = scheduler.ParseTimeOfDay(strings.TrimSpace(b))
	if err1 != nil || err2 != nil {
		p.errAt(n, c, "%q is not a window (want HH:MM-HH:MM, such as \"08:00-20:00\")", s)
		return start, end, false
	}
	if end.Minutes() <= start.Minutes() {
		p.errAt(n, c, "%q ends before it starts (want a window within one day, such as \"08:00-20:00\")", s)
		return start, end, false
	}
	return start, end, true
}

func (p *parser) days(n ast.Node, c ctx) scheduler.Weekdays {
	var items []ast.Node
	switch v := p.resolve(n).(type) {
	case *ast.SequenceNode:
		items = v.Values
	default:
		if s, ok := scalarText(v); ok && strings.Contains(s, ",") {
			p.errAt(n, c, "%q is not a list (want [mon, tue, ...])", s)
			return 0
		}
		items = []ast.Node{n}
	}
	var w scheduler.Weekdays
	for _, it := range items {
		s, ok := p.str(it, c, "a day of the week")
		if !ok {
			continue
		}
		switch strings.ToLower(s) {
		case "weekdays":
			for d := time.Monday; d <= time.Friday; d++ {
				w = w.Add(d)
			}
			continue
		case "weekends", "weekend":
			w = w.Add(time.Saturday).Add(time.Sunday)
			continue
		}
		d, err := scheduler.ParseWeekday(s)
		if err != nil {
			p.errAt(it, c, "%v", err)
			continue
		}
		w = w.Add(d)
	}
	if len(items) == 0 {
		p.errAt(n, c, "the list is empty (want at least one day, or leave days out for every day)")
	}
	return w
}

func (p *parser) text(n ast.Node, c ctx, oneLine bool) (string, bool) {
	s, ok := p.str(n, c, "text")
	if !ok {
		return "", false
	}
	if oneLine && strings.ContainsAny(s, "\r\n") {
		p.errAt(n, c, "spans more than one line (want a one-line title)")
		return "", false
	}
	if i, r, ok := controlChar(s); ok {
		p.errAt(n, c, "contains the control character %U at character %d (a notification cannot show it; remove it)", r, i)
		return "", false
	}
	if len([]rune(s)) > 1000 {
		p.errAt(n, c, "is %d characters long (want at most 1000)", len([]rune(s)))
		return "", false
	}
	return strings.TrimSpace(s), true
}

// controlChar finds the first control character in s other than tab and
// line feed (NUL, escape, DEL, the C1 controls...) and returns where it is,
// counting characters from 1.
func controlChar(s string) (int, rune, bool) {
	i := 0
	for _, r := range s {
		i++
		if unicode.IsControl(r) && r != '\t' && r != '\n' {
			return i, r, true
		}
	}
	return 0, 0, false
}

func (p *parser) variants(n ast.Node, c ctx) []content.Text {
	seq, ok := p.resolve(n).(*ast.SequenceNode)
	if !ok {
		p.errAt(n, c, "got %s, want a list of {title, message}", describe(p.resolve(n)))
		return nil
	}
	var out []content.Text
	for _, item := range seq.Values {
		pairs, ok := p.mapping(item, c)
		if !ok {
			continue
		}
		var t content.Text
		for _, kv := range p.keys(pairs, variantKeys, c) {
			switch kv.key {
			case "title":
				t.Title, _ = p.text(kv.valueNode, ctx{c.reminder, "variants.title"}, true)
			case "message":
				t.Body, _ = p.text(kv.valueNode, ctx{c.reminder, "variants.message"}, false)
			}
		}
		if t.Title == "" && t.Body == "" {
			p.errAt(item, c, "a variant needs a title or a message")
			continue
		}
		out = append(out, t)
	}
	return out
}

func (p *parser) routines(n ast.Node, s *Schedule) {
	pairs, ok := p.mapping(n, ctx{field: "routines"})
	if !ok {
		return
	}
	for _, pair := range pairs {
		name, ok := scalarText(pair.Key)
		if !ok || !nameRE.MatchString(name) {
			p.errAt(pair.Key, ctx{field: "routines"}, "a routine's name must be lower-case letters, digits and dashes")
			continue
		}
		c := ctx{field: "routines." + name}
		if _, dup := s.Routines[name]; dup {
			p.errAt(pair.Key, c, "defined twice")
			continue
		}
		rp, ok := p.mapping(pair.Value, c)
		if !ok {
			continue
		}
		rt := content.Routine{Name: name}
		for _, kv := range p.keys(rp, routineKeys, c) {
			switch kv.key {
			case "title":
				rt.Title, _ = p.text(kv.valueNode, ctx{field: c.field + ".title"}, true)
			case "done":
				rt.Done, _ = p.text(kv.valueNode, ctx{field: c.field + ".done"}, false)
			case "steps":
				seq, ok := p.resolve(kv.valueNode).(*ast.SequenceNode)
				if !ok {
					p.errAt(kv.valueNode, ctx{field: c.field + ".steps"}, "want a list of {text, hold}")
					continue
				}
				for _, item := range seq.Values {
					sp, ok := p.mapping(item, ctx{field: c.field + ".steps"})
					if !ok {
						continue
					}
					var st content.Step
					for _, skv := range p.keys(sp, stepKeys, ctx{field: c.field + ".steps"}) {
						switch skv.key {
						case "text":
							st.Text, _ = p.text(skv.valueNode, ctx{field: c.field + ".steps.text"}, false)
						case "hold":
							st.Hold, _ = p.duration(skv.valueNode, ctx{field: c.field + ".steps.hold"})
						}
					}
					rt.Steps = append(rt.Steps, st)
				}
			}
		}
		if err := rt.Validate(); err != nil {
			p.errAt(pair.Key, c, "%v", err)
			continue
		}
		s.Routines[name] = rt
	}
}
