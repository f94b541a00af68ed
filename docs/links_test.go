package docs

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// slug returns the anchor GitHub gives a heading's text: the text as
// rendered (no backticks, emphasis or link syntax), lower case, every
// character that is not a letter, mark, digit, connector (_), space or
// hyphen dropped, and each space made a hyphen.
func slug(heading string) string {
	text := renderedText(heading)
	var b strings.Builder
	for _, r := range strings.ToLower(text) {
		switch {
		case r == ' ':
			b.WriteRune('-')
		case r == '-' || unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || unicode.Is(unicode.Pc, r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

var (
	linkRE       = regexp.MustCompile(`!?\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)`)
	inlineCodeRE = regexp.MustCompile("`+[^`]*`+")
	headingRE    = regexp.MustCompile(`^(#{1,6})\s+(.*?)\s*#*\s*$`)
)

// renderedText strips the Markdown of a heading: links keep their text,
// backticks, asterisks and underscores used for emphasis go.
func renderedText(s string) string {
	s = linkRE.ReplaceAllString(s, "$1")
	s = strings.ReplaceAll(s, "`", "")
	s = strings.ReplaceAll(s, "*", "")
	return strings.TrimSpace(s)
}

// page is one Markdown file: its anchors and the links it makes, each
// with its line number.
type page struct {
	anchors map[string]bool
	links   []link
}

type link struct {
	line   int
	target string
}

// parse reads Markdown text: headings and links outside fenced code
// blocks, links outside inline code.
func parse(text string) page {
	p := page{anchors: map[string]bool{}}
	seen := map[string]int{}
	fence := ""
	for i, line := range strings.Split(text, "\n") {
		trimmed := strings.TrimSpace(line)
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			fence = trimmed[:3]
			continue
		}
		if m := headingRE.FindStringSubmatch(line); m != nil {
			s := slug(m[2])
			if n, dup := seen[s]; dup {
				seen[s] = n + 1
				s = fmt.Sprintf("%s-%d", s, n+1)
			} else {
				seen[s] = 0
			}
			p.anchors[s] = true
		}
		for _, m := range linkRE.FindAllStringSubmatch(inlineCodeRE.ReplaceAllString(line, ""), -1) {
			p.links = append(p.links, link{line: i + 1, target: m[2]})
		}
	}
	return p
}

// checkLinks checks the relative links of the Markdown files in root
// (README.md and docs/*.md) and returns one problem per dead link or
// anchor, and per page under docs/ that README.md does not link to.
func checkLinks(root string) ([]string, error) {
	files := []string{"README.md"}
	more, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil {
		return nil, err
	}
	for _, f := range more {
		rel, err := filepath.Rel(root, f)
		if err != nil {
			return nil, err
		}
		files = append(files, filepath.ToSlash(rel))
	}
	sort.Strings(files[1:])
	pages := map[string]page{}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			return nil, err
		}
		pages[f] = parse(string(b))
	}
	var problems []string
	linkedFromReadme := map[string]bool{}
	for _, f := range files {
		for _, l := range pages[f].links {
			u, err := url.Parse(l.target)
			if err != nil {
				problems = append(problems, fmt.Sprintf("%s:%d: %q is not a URL: %v", f, l.line, l.target, err))
				continue
			}
			if u.Scheme != "" || u.Host != "" {
				continue // the web: not checked here
			}
			target := f
			if u.Path != "" {
				target = filepath.ToSlash(filepath.Join(filepath.Dir(f), u.Path))
				info, err := os.Stat(filepath.Join(root, target))
				if err != nil {
					problems = append(problems, fmt.Sprintf("%s:%d: link to %q: no such file %s", f, l.line, l.target, target))
					continue
				}
				if info.IsDir() && u.Fragment != "" {
					problems = append(problems, fmt.Sprintf("%s:%d: link to %q: an anchor in a directory", f, l.line, l.target))
					continue
				}
			}
			if f == "README.md" {
				linkedFromReadme[target] = true
			}
			if u.Fragment == "" {
				continue
			}
			tp, ok := pages[target]
			if !ok {
				if strings.HasSuffix(target, ".md") {
					b, err := os.ReadFile(filepath.Join(root, target))
					if err != nil {
						return nil, err
					}
					tp = parse(string(b))
				} else {
					problems = append(problems, fmt.Sprintf("%s:%d: link to %q: an anchor in a file that is not Markdown", f, l.line, l.target))
					continue
				}
			}
			if !tp.anchors[u.Fragment] {
				problems = append(problems, fmt.Sprintf("%s:%d: link to %q: %s has no heading with anchor #%s", f, l.line, l.target, target, u.Fragment))
			}
		}
	}
	for _, f := range files[1:] {
		if !linkedFromReadme[f] {
			problems = append(problems, fmt.Sprintf("README.md: no link to %s", f))
		}
	}
	return problems, nil
}

func TestLinks(t *testing.T) {
	problems, err := checkLinks("..")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ heading, want string }{
		{"The schedule file", "the-schedule-file"},
		{"Presence: at the computer or not", "presence-at-the-computer-or-not"},
		{"The phone when you are away: `when_away: phone`", "the-phone-when-you-are-away-when_away-phone"},
		{`bedtime doctor: "it runs but I see nothing"`, "bedtime-doctor-it-runs-but-i-see-nothing"},
		{"Pause, snooze, skip, done", "pause-snooze-skip-done"},
		{"Your phone's calendar: bedtime export", "your-phones-calendar-bedtime-export"},
		{"Code layout, libraries and tests", "code-layout-libraries-and-tests"},
		{"**Bold** and [a link](x.md)", "bold-and-a-link"},
		{"Über 2 — dashes", "über-2--dashes"},
	}
	for _, tt := range tests {
		if got := slug(tt.heading); got != tt.want {
			t.Errorf("slug(%q) = %q, want %q", tt.heading, got, tt.want)
		}
	}
}

// TestCheckLinksFindsDeadLinks makes a small tree with one of each fault
// and checks that each is reported, and nothing else.
func TestCheckLinksFindsDeadLinks(t *testing.T) {
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, "docs"), 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(root, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("README.md", "# Top\n\n[ok](docs/a.md#two) [gone](docs/missing.md) [bad anchor](docs/a.md#three)\n"+
		"[self](#top) [self bad](#nope) [web](https://example.com/x#y)\n"+
		"```\n[in code](docs/nothing.md)\n```\n`[inline](docs/nothing.md)`\n")
	write("docs/a.md", "# One\n\n## Two\n\n## Two\n\n[dup](#two-1) [up](../README.md#top) [no dup](#two-2)\n")
	write("docs/orphan.md", "# Orphan\n")
	problems, err := checkLinks(root)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`README.md:3: link to "docs/missing.md": no such file docs/missing.md`,
		`README.md:3: link to "docs/a.md#three": docs/a.md has no heading with anchor #three`,
		`README.md:4: link to "#nope": README.md has no heading with anchor #nope`,
		`docs/a.md:7: link to "#two-2": docs/a.md has no heading with anchor #two-2`,
		`README.md: no link to docs/orphan.md`,
	}
	if strings.Join(problems, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(problems, "\n"), strings.Join(want, "\n"))
	}
}
