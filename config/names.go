package config

import (
	"bytes"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/goccy/go-yaml/ast"
	yamlparser "github.com/goccy/go-yaml/parser"

	"github.com/bedtime-app/bedtime/safefs"
)

// Sections whose names Names recovers.
const (
	SectionReminders = "reminders"
	SectionRoutines  = "routines"
)

// NamesIn returns the names the schedule file at path defines under the
// top-level section (SectionReminders or SectionRoutines), as far as they
// can still be read while the file has errors; nil when the file cannot
// be read. It is for shell completion while a person is mid-edit: a file
// that loads should be read with Load, which checks each name.
func NamesIn(path, section string) []string {
	f, err := safefs.Open(path) // a regular file; never blocks on a pipe
	if err != nil {
		return nil
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil
	}
	return Names(src, section)
}

// Names returns the names src, a schedule file, defines under the
// top-level section, sorted: from the YAML when it parses (whatever its
// other errors), else from the lines indented one step under a line
// "section:" at the start of a line, which a slip elsewhere in the file
// (a tab, a missing colon, a stray quote) does not hide. Only names a
// schedule accepts (lower-case letters, digits and dashes) are returned.
// No input makes it panic.
func Names(src []byte, section string) []string {
	if len(src) > MaxFileSize {
		return nil
	}
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if names, ok := namesFromYAML(src, section); ok {
		return names
	}
	return namesFromLines(src, section)
}

// namesFromYAML returns the keys of the section's map when src parses as
// YAML; false when it does not, or has no such map.
func namesFromYAML(src []byte, section string) (names []string, ok bool) {
	if checkShape(src) != nil {
		return nil, false
	}
	defer func() {
		// The YAML library is third-party code: a panic in it means
		// the lines are read instead.
		if recover() != nil {
			names, ok = nil, false
		}
	}()
	f, err := yamlparser.ParseBytes(src, 0, yamlparser.AllowDuplicateMapKey())
	if err != nil || f == nil || len(f.Docs) == 0 || f.Docs[0] == nil || f.Docs[0].Body == nil {
		return nil, false
	}
	p := &parser{anchors: map[string]ast.Node{}}
	top, ok := p.mapping(f.Docs[0].Body, ctx{})
	if !ok {
		return nil, false
	}
	for _, pair := range top {
		if pair == nil || pair.Key == nil {
			continue
		}
		if key, _ := scalarText(pair.Key); key != section {
			continue
		}
		pairs, ok := p.mapping(pair.Value, ctx{})
		if !ok {
			return nil, false
		}
		for _, kv := range pairs {
			if kv == nil || kv.Key == nil {
				continue
			}
			if name, ok := scalarText(kv.Key); ok && nameRE().MatchString(name) {
				names = append(names, name)
			}
		}
		return sortedNames(names), true
	}
	return nil, false
}

// sectionKeyRE matches a key and its colon at the start of a line's text.
var sectionKeyRE = lazyRE(`^([a-z0-9]+(?:-[a-z0-9]+)*)\s*:(?:\s|$)`)

// namesFromLines reads the names as keys one indentation step under a
// top-level line "section:", up to the next top-level line.
func namesFromLines(src []byte, section string) []string {
	text := strings.ReplaceAll(strings.ReplaceAll(string(src), "\r\n", "\n"), "\r", "\n")
	header := regexp.MustCompile(`^` + regexp.QuoteMeta(section) + `\s*:\s*(#.*)?$`)
	var names []string
	in, indent := false, 0
	for _, line := range strings.Split(text, "\n") {
		body := strings.TrimLeft(line, " ")
		if body == "" || strings.HasPrefix(body, "#") {
			continue
		}
		depth := len(line) - len(body)
		switch {
		case depth == 0:
			if in {
				return sortedNames(names)
			}
			in, indent = header.MatchString(strings.TrimRight(line, " \t")), 0
			continue
		case !in || strings.HasPrefix(body, "\t"):
			continue
		case indent == 0:
			indent = depth // the first key under the section sets the step
		}
		if depth != indent {
			continue
		}
		if m := sectionKeyRE().FindStringSubmatch(body); m != nil {
			names = append(names, m[1])
		}
	}
	return sortedNames(names)
}

// sortedNames sorts names and drops repeats.
func sortedNames(names []string) []string {
	slices.Sort(names)
	return slices.Compact(names)
}
