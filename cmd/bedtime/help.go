package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/bedtime-app/bedtime/calendar"
	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/locale"
)

// speakHelp makes the help and usage of root and of every command under
// it speak the person's language: the commands' texts, their flags', the
// argument names of their usage lines and cobra's headings go through
// the catalog (locale/messages_help.go) when they are written. The
// commands keep their English texts, which man pages and shell
// completions use. In English the output is byte for byte what cobra
// writes itself (TestHelpEnglishAsCobra), except that in every language a
// line wider than 80 columns is broken (wrapHelp): cobra lays out a long
// summary or flag usage on one line, which a terminal wraps at column 1.
//
// The descriptions a shell shows beside the commands and flags it
// completes (cobra's __complete, which the completion scripts run) are
// translated too: before __complete runs, the commands' summaries and
// flag usages are swapped for their translations.
func speakHelp(app *App, root *cobra.Command) {
	root.SetHelpFunc(func(c *cobra.Command, _ []string) {
		w := helpWriter{app.locale(nil)}
		w.help(c.OutOrStdout(), c)
	})
	root.SetUsageFunc(func(c *cobra.Command) error {
		w := helpWriter{app.locale(nil)}
		return w.usage(c.OutOrStderr(), c)
	})
	// cobra's help command says in its own words that it does not know a
	// topic; it says so through the catalog instead, and exits 1 (cobra's
	// exits 0, so a script cannot tell).
	root.InitDefaultHelpCmd()
	if help, _, err := root.Find([]string{"help"}); err == nil && help != root && help.Run != nil {
		run := help.Run
		help.Run = nil
		help.RunE = func(c *cobra.Command, args []string) error {
			if cmd, _, err := c.Root().Find(args); cmd == nil || err != nil {
				c.Println(app.locale(nil).Sprintf("Unknown help topic %#q", args))
				if err := c.Root().Usage(); err != nil {
					return err
				}
				return exitError{code: 1}
			}
			run(c, args)
			return nil
		}
	}
	pre, preE := root.PersistentPreRun, root.PersistentPreRunE
	root.PersistentPreRun = nil
	root.PersistentPreRunE = func(c *cobra.Command, args []string) error {
		if c.Name() == cobra.ShellCompRequestCmd || c.Name() == cobra.ShellCompNoDescRequestCmd {
			// __complete parses no flags: --config does not count here,
			// the schedule at the default place and the environment do.
			helpWriter{app.locale(nil)}.translateTree(c.Root())
		}
		switch {
		case preE != nil:
			return preE(c, args)
		case pre != nil:
			pre(c, args)
		}
		return nil
	}
}

// translateTree puts the translations of the summaries and flag usages
// of root and every command under it in place of their English, for
// shell completion's descriptions; cobra's own -h and -v flags are added
// first, as completion would add them.
func (h helpWriter) translateTree(root *cobra.Command) {
	done := make(map[*pflag.Flag]bool)
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.Short = h.text(c.Short)
		if !c.DisableFlagParsing {
			c.InitDefaultHelpFlag()
			c.InitDefaultVersionFlag()
		}
		for _, fs := range []*pflag.FlagSet{c.Flags(), c.PersistentFlags()} {
			fs.VisitAll(func(f *pflag.Flag) {
				if !done[f] {
					done[f] = true
					f.Usage = h.text(f.Usage)
				}
			})
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	root.InitDefaultHelpCmd()
	walk(root)
}

// computedHelp are the help texts built with fmt from a message and
// values known only at run time; each is translated as its message with
// the same values.
var computedHelp = []struct {
	key  string
	args func() []any
}{
	{"how many days ahead, 1 to %d", func() []any { return []any{calendar.MaxDays} }},
	{"tips prints how to prevent night leg cramps on one topic. Without a topic it\nlists the topics: %s.",
		func() []any { return []any{strings.Join(content.TopicNames(), ", ")} }},
	// The zsh completion's help holds ${...}, which the catalog would
	// read as a variable of its own.
	{zshCompletionHelp, func() []any { return []any{`"${fpath[1]}/_bedtime"`} }},
	{"help for %s", nil},
	{"version for %s", nil},
}

const zshCompletionHelp = "Generate the autocompletion script for the zsh shell.\n\nIf shell completion is not already enabled in your environment you will need\nto enable it.  You can execute the following once:\n\n\techo \"autoload -U compinit; compinit\" >> ~/.zshrc\n\nTo load completions in your current shell session:\n\n\tsource <(bedtime completion zsh)\n\nTo load completions for every new session, execute once:\n\n#### Linux:\n\n\tbedtime completion zsh > %s\n\n#### macOS:\n\n\tbedtime completion zsh > $(brew --prefix)/share/zsh/site-functions/_bedtime\n\nYou will need to start a new shell for this setup to take effect.\n"

// helpWriter writes help and usage in one language.
type helpWriter struct{ l *locale.Locale }

// text returns the help text s (English, as the command has it) in the
// writer's language: its message translated, or s itself when the
// catalog has no message for it.
func (h helpWriter) text(s string) string {
	if s == "" {
		return ""
	}
	for _, m := range computedHelp {
		if m.args == nil {
			// cobra's own "help for NAME": the name stays as typed.
			prefix, _, _ := strings.Cut(m.key, "%s")
			if name, ok := strings.CutPrefix(s, prefix); ok && !strings.Contains(name, " ") {
				return h.l.Sprintf(m.key, name)
			}
			continue
		}
		if args := m.args(); fmt.Sprintf(m.key, args...) == s {
			return h.l.Sprintf(m.key, args...)
		}
	}
	if strings.Contains(s, "%") {
		return s // not a message: it would be read as a format
	}
	return h.l.Sprintf(s)
}

// help writes c's help: its description, then its usage (cobra's
// defaultHelpFunc in the writer's language).
func (h helpWriter) help(w io.Writer, c *cobra.Command) {
	text := c.Long
	if text == "" {
		text = c.Short
	}
	if text = trimRightSpace(h.text(text)); text != "" {
		fmt.Fprintln(w, wrapHelp(text, helpWidth))
		fmt.Fprintln(w)
	}
	if c.Runnable() || c.HasSubCommands() {
		_ = h.usage(w, c)
	}
}

// useLine is c's usage line, with the argument names of its Use
// translated (cobra's UseLine).
func (h helpWriter) useLine(c *cobra.Command) string {
	line := c.DisplayName()
	if c.HasParent() {
		line = c.Parent().CommandPath() + " " + line
	}
	if _, args, ok := strings.Cut(c.Use, " "); ok {
		line += " " + h.text(args)
	}
	if !c.DisableFlagsInUseLine && c.HasAvailableFlags() && !strings.Contains(c.Use, "[flags]") {
		line += " " + h.l.Sprintf("[flags]")
	}
	return line
}

// usage writes c's usage: cobra's defaultUsageFunc in the writer's
// language.
func (h helpWriter) usage(w io.Writer, c *cobra.Command) error {
	l := h.l
	b := new(strings.Builder)
	b.WriteString(l.Sprintf("Usage:"))
	if c.Runnable() {
		fmt.Fprintf(b, "\n  %s", h.useLine(c))
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(b, "\n  %s %s", c.CommandPath(), l.Sprintf("[command]"))
	}
	if len(c.Aliases) > 0 {
		fmt.Fprintf(b, "\n\n%s\n", l.Sprintf("Aliases:"))
		fmt.Fprintf(b, "  %s", c.NameAndAliases())
	}
	if c.HasExample() {
		fmt.Fprintf(b, "\n\n%s\n", l.Sprintf("Examples:"))
		b.WriteString(h.text(c.Example))
	}
	listed := func(sub *cobra.Command) bool { return sub.IsAvailableCommand() || sub.Name() == "help" }
	line := func(sub *cobra.Command) {
		fmt.Fprintf(b, "\n  %s %s", rpad(sub.Name(), sub.NamePadding()), h.text(sub.Short))
	}
	if c.HasAvailableSubCommands() {
		if len(c.Groups()) == 0 {
			fmt.Fprintf(b, "\n\n%s", l.Sprintf("Available Commands:"))
			for _, sub := range c.Commands() {
				if listed(sub) {
					line(sub)
				}
			}
		} else {
			for _, g := range c.Groups() {
				fmt.Fprintf(b, "\n\n%s", h.text(g.Title))
				for _, sub := range c.Commands() {
					if sub.GroupID == g.ID && listed(sub) {
						line(sub)
					}
				}
			}
			if !c.AllChildCommandsHaveGroup() {
				fmt.Fprintf(b, "\n\n%s", l.Sprintf("Additional Commands:"))
				for _, sub := range c.Commands() {
					if sub.GroupID == "" && listed(sub) {
						line(sub)
					}
				}
			}
		}
	}
	if c.HasAvailableLocalFlags() {
		fmt.Fprintf(b, "\n\n%s\n", l.Sprintf("Flags:"))
		b.WriteString(trimRightSpace(h.flags(c.LocalFlags())))
	}
	if c.HasAvailableInheritedFlags() {
		fmt.Fprintf(b, "\n\n%s\n", l.Sprintf("Global Flags:"))
		b.WriteString(trimRightSpace(h.flags(c.InheritedFlags())))
	}
	if c.HasHelpSubCommands() {
		fmt.Fprintf(b, "\n\n%s", l.Sprintf("Additional help topics:"))
		for _, sub := range c.Commands() {
			if sub.IsAdditionalHelpTopicCommand() {
				fmt.Fprintf(b, "\n  %s %s", rpad(sub.CommandPath(), sub.CommandPathPadding()), h.text(sub.Short))
			}
		}
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(b, "\n\n%s", l.Sprintf(`Use "%s [command] --help" for more information about a command.`, c.CommandPath()))
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, wrapHelp(b.String(), helpWidth))
	return err
}

// helpWidth is the width the help fits: a terminal's 80 columns.
const helpWidth = 80

// wrapHelp breaks each line of s wider than width columns at spaces. A
// line of two columns (a command and its summary, a flag and its usage:
// text, a gap of two spaces or more, text) goes on under its second
// column, as pflag's FlagUsagesWrapped does; any other under its own
// indentation. A word wider than the room left stays whole. A no-break
// space (French puts one before ":") is not a place to break.
func wrapHelp(s string, width int) string {
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		if utf8.RuneCountInString(line) <= width {
			continue
		}
		runes := []rune(line)
		hang := 0
		for hang < len(runes) && runes[hang] == ' ' {
			hang++
		}
		if col := secondColumn(runes, hang); col > 0 && col <= width/2 {
			hang = col
		}
		var b strings.Builder
		b.WriteString(string(runes[:hang]))
		n, first := hang, true
		for _, word := range strings.Split(string(runes[hang:]), " ") {
			if word == "" {
				continue
			}
			wn := utf8.RuneCountInString(word)
			switch {
			case first:
			case n+1+wn > width:
				b.WriteString("\n" + strings.Repeat(" ", hang))
				n = hang
			default:
				b.WriteString(" ")
				n++
			}
			b.WriteString(word)
			n, first = n+wn, false
		}
		lines[i] = b.String()
	}
	return strings.Join(lines, "\n")
}

// secondColumn is where the text after the first gap of two spaces or
// more in runes (from from) begins, or 0 when there is none.
func secondColumn(runes []rune, from int) int {
	for i := from; i+2 < len(runes); i++ {
		if runes[i] != ' ' && runes[i+1] == ' ' && runes[i+2] == ' ' {
			j := i + 1
			for j < len(runes) && runes[j] == ' ' {
				j++
			}
			if j < len(runes) {
				return j
			}
			return 0
		}
	}
	return 0
}

// flags lists fs as pflag's FlagUsages does, with each flag's usage, the
// name of its value and its default in the writer's language, aligned by
// characters rather than bytes (a translated value name may not be
// ASCII).
func (h helpWriter) flags(fs *pflag.FlagSet) string {
	type row struct{ left, right string }
	var rows []row
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" && f.ShorthandDeprecated == "" {
			left = fmt.Sprintf("  -%s, --%s", f.Shorthand, f.Name)
		}
		varname, usage := pflag.UnquoteUsage(f)
		if strings.Contains(f.Usage, "`") {
			// The value's name is a word of the usage: translate both.
			g := *f
			g.Usage = h.text(f.Usage)
			varname, usage = pflag.UnquoteUsage(&g)
		} else {
			usage = h.text(usage)
			if varname != "" {
				varname = h.l.Sprintf(varname)
			}
		}
		if varname != "" {
			left += " " + varname
		}
		if f.NoOptDefVal != "" {
			switch f.Value.Type() {
			case "string":
				left += fmt.Sprintf("[=\"%s\"]", f.NoOptDefVal)
			case "bool", "boolfunc":
				if f.NoOptDefVal != "true" {
					left += fmt.Sprintf("[=%s]", f.NoOptDefVal)
				}
			case "count":
				if f.NoOptDefVal != "+1" {
					left += fmt.Sprintf("[=%s]", f.NoOptDefVal)
				}
			default:
				left += fmt.Sprintf("[=%s]", f.NoOptDefVal)
			}
		}
		width = max(width, utf8.RuneCountInString(left))
		if def, ok := shownDefault(f); ok {
			usage += " " + h.l.Sprintf("(default %s)", def)
		}
		if f.Deprecated != "" {
			usage += " " + h.l.Sprintf("(DEPRECATED: %s)", f.Deprecated)
		}
		rows = append(rows, row{left, usage})
	})
	var b strings.Builder
	for _, r := range rows {
		pad := strings.Repeat(" ", width-utf8.RuneCountInString(r.left)+2)
		fmt.Fprintln(&b, r.left+pad, strings.ReplaceAll(r.right, "\n", "\n"+strings.Repeat(" ", width+3)))
	}
	return b.String()
}

// shownDefault is the default pflag shows for f ("(default 10)"), quoted
// as pflag quotes it, and whether it shows one: pflag alone knows which
// defaults are its type's zero value, so it is asked.
func shownDefault(f *pflag.Flag) (string, bool) {
	def := f.DefValue
	if f.Value.Type() == "string" {
		def = strconv.Quote(def)
	}
	fs := pflag.NewFlagSet("", pflag.ContinueOnError)
	g := *f
	g.Usage, g.Deprecated = "", ""
	fs.AddFlag(&g)
	return def, strings.HasSuffix(strings.TrimRightFunc(fs.FlagUsages(), unicode.IsSpace), "(default "+def+")")
}

func trimRightSpace(s string) string { return strings.TrimRightFunc(s, unicode.IsSpace) }

func rpad(s string, n int) string { return fmt.Sprintf("%-*s", n, s) }
