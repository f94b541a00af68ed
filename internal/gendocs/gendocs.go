package gendocs

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// Write writes into dir, from the tree under root: completions/bedtime.bash,
// completions/_bedtime (zsh), completions/bedtime.fish,
// completions/bedtime.ps1 and man/man1/<root>*.1, whose footer names
// source (e.g. "bedtime v1.2.0"). Hidden commands get no page.
func Write(root *cobra.Command, dir, source string) error {
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
	header := &doc.GenManHeader{Title: "BEDTIME", Section: "1", Source: source, Manual: "bedtime manual"}
	if err := doc.GenManTree(root, header, man); err != nil {
		return fmt.Errorf("cannot write the man pages: %w", err)
	}
	return nil
}
