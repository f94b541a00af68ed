package channel_test

import (
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"testing"

	"github.com/bedtime-app/bedtime/channel"
	"github.com/bedtime-app/bedtime/channel/ntfy"
	"github.com/bedtime-app/bedtime/channel/ntfytest"
	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/internal/testutil"
)

// TestFromConfig: every channel of the schedule that can be built is, and
// each that cannot is an error naming it. The ntfy channels are the
// maker's: ntfy.Maker's, which reads the token files; a maker of the
// program's own, given the name, the section and the log; or, with none (a
// program that links no HTTP client), each is refused with ErrNoNtfy while
// the command channel is built all the same.
func TestFromConfig(t *testing.T) {
	tok := ntfytest.TokenFile(t, "tk_abc", 0o600)
	src := `channels:
  phone:
    ntfy: {server: "http://127.0.0.1:9", topic: "t0pic", token_file: "` + tok + `"}
  broken:
    ntfy: {server: "http://127.0.0.1:9", topic: "t0pic2", token_file: "/nonexistent/token"}
  speak:
    command: ["espeak-ng", "{title}"]
reminders:
  magnesium: {at: "20:30", channels: [desktop, phone, speak]}
`
	s, err := config.Parse("schedule.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	log := (&testutil.LogBuffer{}).Logger(slog.LevelDebug)
	var made []string
	own := func(name string, c config.NtfyChannel, l *slog.Logger) (channel.Channel, error) {
		made = append(made, fmt.Sprintf("%s %s log=%v", name, c.Topic, l == log))
		if c.Topic == "t0pic2" {
			return nil, errors.New("not this one")
		}
		return channel.NewCommand(name, config.CommandChannel{Argv: []string{"true"}}), nil
	}
	tests := []struct {
		name  string
		maker channel.NtfyMaker
		// errs are the lines of the error, sorted; types the channels
		// built, by name.
		errs   []string
		types  map[string]string
		noNtfy bool
	}{
		{"ntfy.Maker", ntfy.Maker, []string{`channel "broken": token_file: `},
			map[string]string{"phone": "*ntfy.Channel", "speak": "*channel.Command"}, false},
		{"a maker of its own", own, []string{`channel "broken": not this one`},
			map[string]string{"phone": "*channel.Command", "speak": "*channel.Command"}, false},
		{"no maker", nil, []string{
			`channel "broken": this program does not run phone (ntfy) channels`,
			`channel "phone": this program does not run phone (ntfy) channels`,
		}, map[string]string{"speak": "*channel.Command"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chans, err := channel.FromConfig(s, tt.maker, log)
			if err == nil {
				t.Fatalf("FromConfig error = nil, want %q", tt.errs)
			}
			lines := strings.Split(err.Error(), "\n")
			slices.Sort(lines)
			if len(lines) != len(tt.errs) {
				t.Fatalf("FromConfig error = %q, want %q", lines, tt.errs)
			}
			for i, want := range tt.errs {
				if !strings.HasPrefix(lines[i], want) {
					t.Errorf("FromConfig error %q, want one starting %q", lines[i], want)
				}
			}
			if got := errors.Is(err, channel.ErrNoNtfy); got != tt.noNtfy {
				t.Errorf("errors.Is(%v, ErrNoNtfy) = %v, want %v", err, got, tt.noNtfy)
			}
			types := map[string]string{}
			for name, c := range chans {
				types[name] = fmt.Sprintf("%T", c)
			}
			if fmt.Sprint(types) != fmt.Sprint(tt.types) {
				t.Errorf("channels %v, want %v", types, tt.types)
			}
		})
	}
	slices.Sort(made)
	if want := []string{"broken t0pic2 log=true", "phone t0pic log=true"}; !slices.Equal(made, want) {
		t.Errorf("the maker of its own made %q, want %q", made, want)
	}
}
