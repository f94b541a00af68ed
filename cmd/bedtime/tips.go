package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/locale"
	"github.com/spf13/cobra"
)

// newTipsCmd returns `bedtime tips [TOPIC]`: the prevention guidance, one
// topic at a time, or the list of topics.
func newTipsCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:   "tips [TOPIC]",
		Short: "How to prevent night leg cramps, by topic",
		Long: `tips prints how to prevent night leg cramps on one topic. Without a topic it
lists the topics: ` + strings.Join(content.TopicNames(), ", ") + `.`,
		Example:   "  bedtime tips magnesium",
		Args:      cobra.MaximumNArgs(1),
		ValidArgs: content.TopicNames(),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return writeTopicList(app.Stdout, app.book(), app.locale(nil))
			}
			b := app.book()
			name := strings.ToLower(strings.TrimSpace(args[0]))
			t, ok := b.LookupTopic(name)
			if !ok {
				return app.errorf("unknown topic %q: want one of %s", args[0], strings.Join(content.TopicNames(), ", "))
			}
			_, err := fmt.Fprintf(app.Stdout, "%s\n\n%s\n%s\n", t.Title, t.Body, b.Disclaimer())
			return err
		},
	}
}

// writeTopicList writes the topics of `bedtime tips` with one line each.
func writeTopicList(w io.Writer, b *content.Book, l *locale.Locale) error {
	tw := newTable(w, 3)
	fmt.Fprint(tw, l.Sprintf("Tips to prevent night leg cramps. Run `bedtime tips TOPIC` to read one.")+"\n\n")
	for _, t := range b.Topics() {
		fmt.Fprintf(tw, "  %s\t%s\n", t.Name, t.Summary)
	}
	fmt.Fprintf(tw, "\n%s\n%s\n", l.Sprintf("Cramping right now? Run `bedtime cramp`."), b.Disclaimer())
	return tw.Flush()
}
