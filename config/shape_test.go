package config

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goccy/go-yaml/ast"
	yamlparser "github.com/goccy/go-yaml/parser"
)

// astDepth returns how deeply lists and maps nest in the parsed YAML n.
func astDepth(n ast.Node) int {
	switch v := n.(type) {
	case nil:
		return 0
	case *ast.DocumentNode:
		return astDepth(v.Body)
	case *ast.AnchorNode:
		return astDepth(v.Value)
	case *ast.TagNode:
		return astDepth(v.Value)
	case *ast.MappingKeyNode:
		return astDepth(v.Value)
	case *ast.MappingNode:
		d := 0
		for _, kv := range v.Values {
			d = max(d, astDepth(kv.Key), astDepth(kv.Value))
		}
		return d + 1
	case *ast.MappingValueNode: // a map of one entry
		return 1 + max(astDepth(v.Key), astDepth(v.Value))
	case *ast.SequenceNode:
		d := 0
		for _, it := range v.Values {
			d = max(d, astDepth(it))
		}
		return d + 1
	}
	return 0
}

// astEntries returns the most entries of one list or map under n.
func astEntries(n ast.Node) int {
	switch v := n.(type) {
	case *ast.DocumentNode:
		return astEntries(v.Body)
	case *ast.AnchorNode:
		return astEntries(v.Value)
	case *ast.TagNode:
		return astEntries(v.Value)
	case *ast.MappingKeyNode:
		return astEntries(v.Value)
	case *ast.MappingNode:
		e := len(v.Values)
		for _, kv := range v.Values {
			e = max(e, astEntries(kv.Key), astEntries(kv.Value))
		}
		return e
	case *ast.MappingValueNode:
		return max(1, astEntries(v.Key), astEntries(v.Value))
	case *ast.SequenceNode:
		e := len(v.Values)
		for _, it := range v.Values {
			e = max(e, astEntries(it))
		}
		return e
	}
	return 0
}

// scanEntries returns the most entries of one collection checkShape
// counts in src, and its error.
func scanEntries(src []byte) (int, *Error) {
	s := &shapeScanner{src: src, line: 1, col: 1}
	e := s.scan()
	return s.maxEntries, e
}

// parsedEntries parses src with the YAML library and returns the most
// entries of one collection, or false if it is not YAML.
func parsedEntries(src []byte) (int, bool) {
	f, err := yamlparser.ParseBytes(src, 0)
	if err != nil {
		return 0, false
	}
	e := 0
	for _, doc := range f.Docs {
		e = max(e, astEntries(doc))
	}
	return e, true
}

// scanDepth returns the depth checkShape sees in src, and its error.
func scanDepth(src []byte) (int, *Error) {
	s := &shapeScanner{src: src, line: 1, col: 1}
	e := s.scan()
	return s.maxDepth, e
}

// parsedDepth parses src with the YAML library and returns its depth, or
// false if it is not YAML.
func parsedDepth(src []byte) (int, bool) {
	f, err := yamlparser.ParseBytes(src, 0)
	if err != nil {
		return 0, false
	}
	d := 0
	for _, doc := range f.Docs {
		d = max(d, astDepth(doc))
	}
	return d, true
}

// saneFiles are schedules a person may write, with text that looks like
// structure: quotes, brackets, dashes and colons in titles and messages,
// block scalars, comments, flow maps over several lines.
var saneFiles = map[string]string{
	"apostrophes": `reminders:
  magnesium:
    at: "20:30"
    title: Don't forget [the] magnesium
    message: it 's {late} - take it:now
  calf-stretch: {before_bedtime: 30m, title: 'It''s [time]', message: "a \"quote\" [x"}
`,
	"block scalars": `reminders:
  calf-stretch:
    before_bedtime: 30m
    message: |
      - stand facing a wall
        - [hands] on it: {push}
      - 'hold
      ]]]] }}}} [[[[ {{{{ - - - - - -
    title: >-
      Stretch
      [now]
  magnesium: {at: "20:30"}
`,
	"multi-line flow": `# a comment with [brackets and {braces
bedtime: {
  default: "22:30",   # comment ]]]
  fri: "23:30"
}
reminders: {magnesium: {at: ["20:30",
    "21:00"], days: [mon,
    tue]}, hydration: {every: 2h}}
`,
	"sequence under key": `routines:
  calf:
    title: Calf
    steps:
    - text: one
      hold: 30s
    - {text: two}
reminders:
  calf-stretch:
    before_bedtime: 30m
    routine: calf
    variants:
    - title: a
    -   title: b
        message: c
`,
	"documents and tags": `%YAML 1.2
---
timezone: !!str Europe/Berlin
reminders:
  magnesium: &m {at: "20:30"}
  other: *m
...
`,
	"explicit keys": `? reminders
: magnesium:
    at: "20:30"
`,
	"multi-line plain": `reminders:
  magnesium:
    at: "20:30"
    message: take it with water - a full glass,
      not a sip [really]
      and rest
`,
}

// TestShapeAcceptsSaneFiles checks that the scan never rejects a real
// schedule, and never sees it less deeply nested than the parser does (a
// smaller count would let deeper input through), nor much more deeply.
func TestShapeAcceptsSaneFiles(t *testing.T) {
	files := map[string][]byte{"template": Template(), "1000 reminders": bench1000()}
	for name, src := range saneFiles {
		files[name] = []byte(src)
	}
	good, _ := filepath.Glob("testdata/good/*.yaml")
	for _, f := range good {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		files[f] = b
	}
	for name, src := range files {
		t.Run(name, func(t *testing.T) {
			got, e := scanDepth(src)
			if e != nil {
				t.Fatalf("checkShape rejects a sane file: %v", e)
			}
			want, ok := parsedDepth(src)
			if !ok {
				t.Fatal("the YAML library cannot parse it")
			}
			if got < want || got > want+1 {
				t.Errorf("scanned depth %d, parsed depth %d", got, want)
			}
			if got > 6 {
				t.Errorf("depth %d: a real schedule is far from the limit %d", got, MaxDepth)
			}
			if e := checkRawDepth(src); e != nil {
				t.Errorf("checkRawDepth: %v", e)
			}
		})
	}
}

// TestShapeDepthAgrees builds nestings of every kind at the limit and one
// past it: the limit is exact for lists and maps, block and flow.
func TestShapeDepthAgrees(t *testing.T) {
	nest := map[string]func(n int) string{
		"flow lists": func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) },
		"flow maps":  func(n int) string { return strings.Repeat("{a: ", n) + "1" + strings.Repeat("}", n) },
		"dash chain": func(n int) string { return strings.Repeat("- ", n) + "x\n" },
		"indented maps": func(n int) string {
			var b strings.Builder
			for i := range n {
				b.WriteString(strings.Repeat(" ", i) + "a:\n")
			}
			return b.String()
		},
		"indented lists and maps": func(n int) string {
			var b strings.Builder
			b.WriteString("a:\n")
			for i := range (n - 1) / 2 {
				b.WriteString(strings.Repeat(" ", 2*i) + "- a:\n")
			}
			return b.String() + strings.Repeat(" ", 2*((n-1)/2)) + "- x\n"
		},
		"mixed": func(n int) string {
			return "a:\n  - b: " + strings.Repeat("[", n-3) + strings.Repeat("]", n-3) + "\n"
		},
	}
	for name, mk := range nest {
		t.Run(name, func(t *testing.T) {
			for _, n := range []int{MaxDepth - 1, MaxDepth} {
				src := []byte(mk(n))
				want, ok := parsedDepth(src)
				if !ok {
					t.Fatalf("depth %d: not YAML:\n%s", n, src)
				}
				got, e := scanDepth(src)
				if e != nil && want <= MaxDepth {
					t.Errorf("depth %d (parsed %d) rejected: %v", n, want, e)
				}
				if got < want {
					t.Errorf("scanned depth %d < parsed depth %d", got, want)
				}
			}
			src := []byte(mk(MaxDepth + 2))
			if _, e := scanDepth(src); e == nil || !strings.Contains(e.Msg, "nested too deeply") {
				t.Errorf("depth %d: %v, want nested too deeply", MaxDepth+2, e)
			}
		})
	}
}

// FuzzShape checks that, for any input the YAML library parses, the scan
// sees most of the nesting there is. The library reads some invalid YAML
// in its own way ("-\n0:" is two levels), so the scan may be off by a
// level here and there; what must never happen is nesting it does not see
// at all, which would reach the parser unbounded.
func FuzzShape(f *testing.F) {
	for _, src := range saneFiles {
		f.Add([]byte(src))
	}
	f.Add(Template())
	f.Add([]byte("a: 'x\n[[[[\n'"))
	f.Add([]byte("a: x\n  [[[[ ]]]]"))
	f.Add([]byte("- - - [- {a: [b]}]"))
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 4096 {
			return
		}
		got, e := scanDepth(src)
		if e != nil {
			return
		}
		if want, ok := parsedDepth(src); ok && want > 2*got+2 {
			t.Fatalf("scanned depth %d < parsed depth %d", got, want)
		}
		// The entries of one collection, which MaxEntries bounds: the
		// parser must never build more than the scan counted.
		entries, _ := scanEntries(src)
		if want, ok := parsedEntries(src); ok && want > 2*entries+2 {
			t.Fatalf("scanned entries %d < parsed entries %d", entries, want)
		}
	})
}

// bench1000 is a schedule of 1,000 reminders of every form.
func bench1000() []byte {
	var sb strings.Builder
	sb.WriteString("timezone: Europe/Berlin\nbedtime: {default: \"22:30\", fri: \"23:30\"}\nreminders:\n")
	for i := 0; i < 1000; i++ {
		switch i % 4 {
		case 0:
			fmt.Fprintf(&sb, "  r%d: {cron: \"%d 9-16 * * mon-fri\", title: T}\n", i, i%60)
		case 1:
			fmt.Fprintf(&sb, "  r%d: {every: %dm, between: \"08:00-20:00\", title: T}\n", i, 30+i%90)
		case 2:
			fmt.Fprintf(&sb, "  r%d: {at: [\"%02d:%02d\", \"21:00\"], days: [mon, wed], title: T}\n", i, i%24, i%60)
		case 3:
			fmt.Fprintf(&sb, "  r%d: {before_bedtime: %dm, title: T, snooze: 5m}\n", i, i%120)
		}
	}
	return []byte(sb.String())
}

// TestShapeBlockScalarIndent checks where the text of a | block ends: at
// the first line not indented more than its key, even by one space.
func TestShapeBlockScalarIndent(t *testing.T) {
	text := "  k: |\n   " + strings.Repeat("- ", MaxDepth+5) + "\n   more\n  j: 1\n"
	if d, e := scanDepth([]byte(text)); e != nil || d != 1 {
		t.Errorf("text one space in: depth %d, %v; want 1, nil", d, e)
	}
	deep := "  k: |\n   text\n  " + strings.Repeat("- ", MaxDepth+5) + "\n"
	if _, e := scanDepth([]byte(deep)); e == nil || e.Line != 3 {
		t.Errorf("nesting after the text: %v, want nested too deeply on line 3", e)
	}
}
