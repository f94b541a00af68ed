package config

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/goccy/go-yaml/ast"

	"github.com/bedtime-app/bedtime/content"
)

func (p *parser) text(n ast.Node, c ctx, oneLine bool) (string, bool) {
	s, ok := p.str(n, c, msg("text"))
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
		if !ok || !nameRE().MatchString(name) {
			field := "routines"
			if ok {
				field += "." + name // which one
				p.markBroken("routine", name)
			}
			p.errAt(pair.Key, ctx{field: field}, "a routine's name must be lower-case letters, digits and dashes")
			continue
		}
		c := ctx{field: "routines." + name}
		if _, dup := s.Routines[name]; dup {
			p.errAt(pair.Key, c, "defined twice")
			continue
		}
		nerr := len(p.errs)
		rp, ok := p.mapping(pair.Value, c)
		if !ok {
			p.markBroken("routine", name)
			continue
		}
		rt := content.Routine{Name: name}
		stepErrs := false
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
				for i, item := range seq.Values {
					nstep := len(p.errs)
					sp, ok := p.mapping(item, ctx{field: c.field + ".steps"})
					if !ok {
						stepErrs = true
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
					// Each step is checked at its own line, all of them;
					// one with an error of its own (a misspelt "txt:") is
					// not also told that its text is empty.
					if len(p.errs) == nstep {
						if err := st.Validate(); err != nil {
							p.errForeign(item, c, fmt.Errorf("step %d: %w", i+1, err), routineErrors(), nil)
						}
					}
					stepErrs = stepErrs || len(p.errs) > nstep
					rt.Steps = append(rt.Steps, st)
				}
			}
		}
		// The routine as a whole (its title, its done text, that it has
		// steps), with steps that are reported above left out.
		whole := rt
		if stepErrs {
			whole.Steps = []content.Step{{Text: "-"}}
		}
		if err := whole.Validate(); err != nil {
			p.errForeign(pair.Key, c, err, routineErrors(), nil)
		}
		if len(p.errs) > nerr {
			p.markBroken("routine", name)
			continue
		}
		s.Routines[name] = rt
	}
}
