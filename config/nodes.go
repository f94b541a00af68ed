package config

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/goccy/go-yaml/ast"

	"github.com/bedtime-app/bedtime/scheduler"
)

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
	if t, ok := scalarText(p.resolve(n)); ok {
		if m := gluedKeyRE().FindStringSubmatch(t); m != nil {
			// "at:\"20:30\"": YAML reads a colon as a key's only with
			// a space after it.
			p.errAt(n, c, "%q is not a key and its value (want a space after the colon: %s)", t, m[1]+": "+m[2])
			return nil, false
		}
	}
	what := msg("a map of keys and values")
	if c.field == "" && c.reminder == "" {
		what = msg("a map with timezone, bedtime and reminders")
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
			if s := suggest(key, allowed); s != "" {
				p.errAt(pair.Key, c, "unknown key %q (did you mean %q?)", key, s)
				p.misspelt[s] = true
			} else {
				p.errAt(pair.Key, c, "unknown key %q (want one of %s)", key, strings.Join(allowed, ", "))
			}
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

// isNumber reports whether n is a YAML number (3, 1.5, .inf, .nan).
func isNumber(n ast.Node) bool {
	switch n.(type) {
	case *ast.IntegerNode, *ast.FloatNode, *ast.InfinityNode, *ast.NanNode:
		return true
	}
	return false
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

// describe says what n is, for "got %s, want ...": a Message, or the
// file's own text quoted (which stays as it is in every language).
func describe(n ast.Node) any {
	switch n.(type) {
	case nil, *ast.NullNode:
		return msg("nothing")
	case *ast.MappingNode, *ast.MappingValueNode:
		return msg("a map")
	case *ast.SequenceNode:
		return msg("a list")
	case *ast.IntegerNode, *ast.FloatNode:
		return msg("a number")
	case *ast.BoolNode:
		return msg("true/false")
	}
	if s, ok := scalarText(n); ok {
		return fmt.Sprintf("%q", s)
	}
	return msg("something else")
}

// str reads a scalar as a string. want says what was expected: a Message,
// or a string for a value of the file (the same in every language).
func (p *parser) str(n ast.Node, c ctx, want any) (string, bool) {
	r := p.resolve(n)
	if s, ok := scalarText(r); ok {
		return s, true
	}
	p.errAt(n, c, "got %s, want %s", describe(r), want)
	return "", false
}

func (p *parser) duration(n ast.Node, c ctx) (time.Duration, bool) {
	s, ok := p.str(n, c, msg("a duration such as 30m or 2h"))
	if !ok {
		return 0, false
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		switch t := strings.TrimSpace(s); {
		case bareNumberRE().MatchString(t):
			p.errAt(n, c, "%q is not a duration (want e.g. 90s, 30m or 2h; add a unit)", s)
		case daysRE().MatchString(t):
			// Go durations stop at hours: "2d" is a slip worth naming.
			p.errAt(n, c, "%q is not a duration (days and weeks are not units here: want hours, minutes or seconds, such as 24h for a day)", s)
		default:
			p.errAt(n, c, "%q is not a duration (want e.g. 90s, 30m or 2h)", s)
		}
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
		if clockRE().MatchString(s) {
			// HH:MM, but past the clock's end: "24:00", "25:00", "7:75".
			p.errAt(n, c, "%q is not a time of day (want 00:00 to 23:59; midnight is 00:00)", s)
		} else {
			p.errAt(n, c, "%q is not a time of day (want HH:MM)", s)
		}
		return scheduler.TimeOfDay{}, false
	}
	return t, true
}

func (p *parser) zone(n ast.Node, c ctx) (*time.Location, bool) {
	s, ok := p.str(n, c, msg("an IANA time zone such as Europe/Berlin"))
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
