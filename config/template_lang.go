package config

import (
	"strings"

	"github.com/bedtime-app/bedtime/locale"
)

// TemplateIn returns Template with its comments in l's language; keys,
// values and the commented-out examples stay as they are, so the file
// parses to the same schedule in every language. In English it is
// Template, byte for byte.
//
// The comments that are translated are locale.TemplateComments, each the
// English text of one comment, line by line without the "# " before it.
// A comment is found as consecutive lines of the template that end in its
// lines, each after a prefix holding the '#' (indentation, "# ", or an
// example such as "#   snooze: 10m           "); the translation's lines
// take the same prefixes, and lines beyond the English ones a blank
// prefix of the same width. An English line the translation has no line
// for keeps its prefix when that holds an example, and goes when it is
// only the '#'.
func TemplateIn(l *locale.Locale) []byte {
	if l == nil || l.Lang == "en" {
		return Template()
	}
	lines := strings.Split(string(template), "\n")
	out := make([][]string, len(lines)) // what each template line becomes
	for i, line := range lines {
		out[i] = []string{line}
	}
	for _, c := range locale.TemplateComments() {
		at, prefixes := findComment(lines, c)
		if at < 0 {
			continue // TestTemplateComments fails
		}
		tr := strings.Split(l.Sprintf(c), "\n")
		for j := range prefixes {
			out[at+j] = nil
		}
		for j, text := range tr {
			p := blankPrefix(prefixes[len(prefixes)-1])
			if j < len(prefixes) {
				p = prefixes[j]
			}
			out[at+min(j, len(prefixes)-1)] = append(out[at+min(j, len(prefixes)-1)], strings.TrimRight(p+text, " "))
		}
		for j := len(tr); j < len(prefixes); j++ {
			if p := strings.TrimRight(prefixes[j], " "); p != blankPrefix(p) {
				out[at+j] = append(out[at+j], p)
			}
		}
	}
	var b strings.Builder
	for i, ls := range out {
		for k, line := range ls {
			b.WriteString(line)
			if i < len(out)-1 || k < len(ls)-1 {
				b.WriteByte('\n')
			}
		}
	}
	return []byte(b.String())
}

// findComment returns the first template line of the comment c (see
// TemplateIn) and the prefix of each of its lines, or -1.
func findComment(lines []string, c string) (int, []string) {
	want := strings.Split(c, "\n")
	for at := 0; at+len(want) <= len(lines); at++ {
		prefixes := make([]string, 0, len(want))
		for j, w := range want {
			line := lines[at+j]
			p, ok := strings.CutSuffix(line, w)
			if !ok || !strings.Contains(p, "#") || !strings.HasSuffix(p, " ") {
				break
			}
			prefixes = append(prefixes, p)
		}
		if len(prefixes) == len(want) {
			return at, prefixes
		}
	}
	return -1, nil
}

// countComment returns how many times the comment c is in the template.
func countComment(c string) int {
	lines := strings.Split(string(template), "\n")
	n := 0
	for len(lines) > 0 {
		at, _ := findComment(lines, c)
		if at < 0 {
			break
		}
		n++
		lines = lines[at+1:]
	}
	return n
}

// blankPrefix is p with everything after its first '#' made spaces, for
// the lines a translation adds: "#   snooze: 10m  " becomes "#" and spaces
// of the same width.
func blankPrefix(p string) string {
	i := strings.IndexByte(p, '#')
	return p[:i+1] + strings.Repeat(" ", len(p)-i-1)
}
