package gendocs

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// Write writes into dir, from the tree under root: completions/bedtime.bash,
// completions/_bedtime (zsh), completions/bedtime.fish,
// completions/bedtime.ps1 and man/man1/<root>*.1, whose footer names
// source (e.g. "bedtime v1.2.0"); and a page of its own for each of pages,
// commands outside the tree (Daemon: bedtime-daemon.1). Hidden commands get
// no page.
func Write(root *cobra.Command, dir, source string, pages ...*cobra.Command) error {
	root.DisableAutoGenTag = true // the same tree gives the same files
	comp := filepath.Join(dir, "completions")
	man := filepath.Join(dir, "man", "man1")
	for _, d := range []string{comp, man} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	name := root.Name()
	for _, g := range []struct {
		file string
		gen  func(string) error
	}{
		{name + ".bash", func(f string) error { return root.GenBashCompletionFileV2(f, true) }},
		{"_" + name, root.GenZshCompletionFile},
		{name + ".fish", func(f string) error { return root.GenFishCompletionFile(f, true) }},
		{name + ".ps1", root.GenPowerShellCompletionFileWithDesc},
	} {
		if err := g.gen(filepath.Join(comp, g.file)); err != nil {
			return fmt.Errorf("cannot write the %s completion: %w", g.file, err)
		}
	}
	// No Title: cobra titles each page after its command (BEDTIME-INSTALL).
	header := &doc.GenManHeader{Section: "1", Source: source, Manual: "bedtime manual"}
	for _, c := range append([]*cobra.Command{root}, pages...) {
		c.DisableAutoGenTag = true
		defer escapeLong(c)()
		if err := doc.GenManTree(c, header, man); err != nil {
			return fmt.Errorf("cannot write the man pages: %w", err)
		}
	}
	return nil
}

// escapeLong escapes, in the help texts under root, each "<" that
// cobra/doc's Markdown would take for the start of an HTML tag and drop
// from the man page ("--config <schedule>"). Code is left as it is:
// Markdown keeps it whole, backslashes included (an indented line such as
// "source <(bedtime completion bash)", a `span`). It returns the function
// that puts the texts back.
func escapeLong(root *cobra.Command) (restore func()) {
	saved := map[*cobra.Command]string{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		saved[c] = c.Long
		c.Long = escapeTags(c.Long)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	return func() {
		for c, long := range saved {
			c.Long = long
		}
	}
}

// escapeTags is text with a backslash before each "<" followed by a letter
// or "/", outside indented lines and `code spans`.
func escapeTags(text string) string {
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		if strings.HasPrefix(line, "\t") || strings.HasPrefix(line, "    ") {
			continue
		}
		var b strings.Builder
		inCode := false
		for j := 0; j < len(line); j++ {
			c := line[j]
			if c == '`' {
				inCode = !inCode
			}
			if c == '<' && !inCode && j+1 < len(line) && (line[j+1] == '/' || isLetter(line[j+1])) {
				b.WriteByte('\\')
			}
			b.WriteByte(c)
		}
		lines[i] = b.String()
	}
	return strings.Join(lines, "\n")
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
