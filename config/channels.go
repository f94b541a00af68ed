package config

import (
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/goccy/go-yaml/ast"

	"github.com/bedtime-app/bedtime/internal/durfmt"
)

// Desktop is the name of the built-in channel: the desktop notification.
const Desktop = "desktop"

// DefaultCommandTimeout is how long a command channel's program may run
// unless its timeout says.
const DefaultCommandTimeout = 30 * time.Second

// Channel is one entry of the schedule's channels: map, a way to deliver a
// reminder elsewhere than the desktop. Exactly one of Ntfy and Command is
// set.
type Channel struct {
	// Name is the channel's key in the file.
	Name string
	// Ntfy, when set, publishes to an ntfy topic.
	Ntfy *NtfyChannel
	// Command, when set, runs a program.
	Command *CommandChannel
	// Line and Column locate the channel's kind (ntfy: or command:) in
	// the file.
	Line, Column int
}

// NtfyChannel publishes reminders to an ntfy server (https://ntfy.sh or a
// server of one's own) and reads Done and Snooze from a reply topic.
type NtfyChannel struct {
	// Server is the server's base URL, without a trailing slash.
	Server string
	// Topic is the topic the phone subscribes to.
	Topic string
	// ReplyTopic is the topic the phone's Done and Snooze buttons publish
	// to; by default Topic + "-reply".
	ReplyTopic string
	// TokenFile is the path (with ~ expanded) of a file holding an ntfy
	// access token; empty for none. The token itself never appears in
	// the schedule.
	TokenFile string
	// Priority is the ntfy priority, 1 (min) to 5 (max); 0 means the
	// server's default (3).
	Priority int
	// Private sends a neutral title and body instead of the reminder's
	// text.
	Private bool
}

// CommandChannel runs a program, without a shell, for each reminder.
type CommandChannel struct {
	// Argv is the program and its arguments; {reminder}, {title},
	// {message} and {scheduled} in an argument are replaced.
	Argv []string
	// Timeout is how long the program may run before it is killed.
	Timeout time.Duration
}

// HasCommands reports whether any channel of s runs a program.
func (s *Schedule) HasCommands() bool {
	for _, c := range s.Channels {
		if c.Command != nil {
			return true
		}
	}
	return false
}

// ChannelNames returns the names of s's channels, sorted, with desktop.
func (s *Schedule) ChannelNames() []string {
	names := []string{Desktop}
	for n := range s.Channels {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

var (
	channelKeys = []string{"ntfy", "command", "timeout"}
	ntfyKeys    = []string{"server", "topic", "reply_topic", "token_file", "priority", "private"}
	priorities  = map[string]int{"min": 1, "low": 2, "default": 3, "high": 4, "max": 5, "urgent": 5}
)

// channels reads the top-level channels: map.
func (p *parser) channels(n ast.Node, s *Schedule) {
	c := ctx{field: "channels"}
	pairs, ok := p.mapping(n, c)
	if !ok {
		return
	}
	for _, pair := range pairs {
		if pair == nil || pair.Key == nil {
			continue
		}
		name, ok := scalarText(pair.Key)
		if !ok || !nameRE().MatchString(name) {
			cn := c
			if ok {
				cn.field += "." + name // which one
				p.markBroken("channel", name)
			}
			p.errAt(pair.Key, cn, "a channel's name must be lower-case letters, digits and dashes, such as \"phone\"")
			continue
		}
		cc := ctx{field: "channels." + name}
		if name == Desktop {
			p.errAt(pair.Key, cc, "desktop is the built-in channel; give yours another name")
			continue
		}
		if _, dup := s.Channels[name]; dup {
			p.errAt(pair.Key, cc, "defined twice; give each channel its own name")
			continue
		}
		if ch, ok := p.channel(name, pair, cc); ok {
			s.Channels[name] = ch
		} else {
			p.markBroken("channel", name)
		}
	}
}

func (p *parser) channel(name string, pair *ast.MappingValueNode, c ctx) (Channel, bool) {
	ch := Channel{Name: name}
	want := msg("exactly one of ntfy: {server, topic} or command: [program, args...]")
	if pair.Value == nil || isNull(p.resolve(pair.Value)) {
		p.errAt(pair.Key, c, "is empty (want %s)", want)
		return ch, false
	}
	pairs, ok := p.mapping(pair.Value, c)
	if !ok {
		return ch, false
	}
	nerr := len(p.errs)
	get := map[string]kv{}
	for _, kv := range p.keys(pairs, channelKeys, c) {
		get[kv.key] = kv
	}
	nt, hasNtfy := get["ntfy"]
	cmd, hasCmd := get["command"]
	switch {
	case hasNtfy && hasCmd:
		p.errAt(cmd.keyNode, ctx{field: c.field + ".command"}, "a channel has exactly one kind, and ntfy is already given (make two channels)")
		return ch, false
	case !hasNtfy && !hasCmd:
		if len(p.errs) == nerr {
			p.errAt(pair.Key, c, "has no kind (want %s)", want)
		}
		return ch, false
	case hasNtfy:
		ch.Line, ch.Column = pos(nt.keyNode)
		ch.Ntfy = p.ntfy(nt, ctx{field: c.field + ".ntfy"})
		if kv, ok := get["timeout"]; ok {
			p.errAt(kv.keyNode, ctx{field: c.field + ".timeout"}, "goes only with command")
		}
	case hasCmd:
		ch.Line, ch.Column = pos(cmd.keyNode)
		ch.Command = &CommandChannel{Argv: p.argv(cmd, ctx{field: c.field + ".command"}), Timeout: DefaultCommandTimeout}
		if kv, ok := get["timeout"]; ok {
			tc := ctx{field: c.field + ".timeout"}
			if d, ok := p.duration(kv.valueNode, tc); ok {
				if d < time.Second || d > time.Hour {
					p.errAt(kv.valueNode, tc, "%s is out of range (want 1s to 1h)", durfmt.Format(d))
				}
				ch.Command.Timeout = d
			}
		}
	}
	return ch, len(p.errs) == nerr
}

func pos(n ast.Node) (line, col int) {
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		return tk.Position.Line, tk.Position.Column
	}
	return 0, 0
}

func (p *parser) ntfy(k kv, c ctx) *NtfyChannel {
	if k.value == nil {
		p.errAt(k.keyNode, c, "is empty (want {server: \"https://ntfy.sh\", topic: \"a-long-random-name\"})")
		return nil
	}
	pairs, ok := p.mapping(k.value, c)
	if !ok {
		return nil
	}
	n := &NtfyChannel{}
	clear(p.misspelt)
	get := map[string]kv{}
	for _, kv := range p.keys(pairs, ntfyKeys, c) {
		get[kv.key] = kv
	}
	sub := func(k string) ctx { return ctx{field: c.field + "." + k} }
	if kv, ok := get["server"]; ok {
		if s, ok := p.str(kv.valueNode, sub("server"), msg("a URL such as \"https://ntfy.sh\"")); ok {
			n.Server = p.serverURL(kv.valueNode, sub("server"), s)
		}
	} else if !p.misspelt["server"] {
		p.errAt(k.keyNode, c, "has no server (want server: \"https://ntfy.sh\" or your own)")
	}
	if kv, ok := get["topic"]; ok {
		n.Topic = p.topic(kv.valueNode, sub("topic"))
	} else if !p.misspelt["topic"] {
		p.errAt(k.keyNode, c, "has no topic (want a long random name, such as the one `bedtime init` suggests)")
	}
	if kv, ok := get["reply_topic"]; ok {
		n.ReplyTopic = p.topic(kv.valueNode, sub("reply_topic"))
		if n.ReplyTopic != "" && n.ReplyTopic == n.Topic {
			p.errAt(kv.valueNode, sub("reply_topic"), "is the same as topic (want a topic of its own, such as %q)", n.Topic+"-reply")
		}
	} else if n.Topic != "" {
		n.ReplyTopic = n.Topic + "-reply"
		if len(n.ReplyTopic) > 64 {
			p.errAt(get["topic"].valueNode, sub("topic"), "is too long to add \"-reply\" (want at most 58 characters, or give reply_topic)")
		}
	}
	if kv, ok := get["token_file"]; ok {
		if s, ok := p.str(kv.valueNode, sub("token_file"), msg("the path of a file holding the token")); ok {
			n.TokenFile = p.tokenPath(kv.valueNode, sub("token_file"), s)
		}
	}
	if kv, ok := get["priority"]; ok {
		if s, ok := p.str(kv.valueNode, sub("priority"), msg("1 to 5, or min, low, default, high, max")); ok {
			if v, err := strconv.Atoi(s); err == nil && v >= 1 && v <= 5 {
				n.Priority = v
			} else if v, ok := priorities[strings.ToLower(s)]; ok {
				n.Priority = v
			} else {
				p.errAt(kv.valueNode, sub("priority"), "%q is not a priority (want 1 to 5, or min, low, default, high, max)", s)
			}
		}
	}
	if kv, ok := get["private"]; ok {
		v, _ := p.str(kv.valueNode, sub("private"), msg("true or false"))
		switch strings.ToLower(v) {
		case "true", "yes", "on":
			n.Private = true
		case "false", "no", "off":
		default:
			p.errAt(kv.valueNode, sub("private"), "%q is not true or false", v)
		}
	}
	return n
}

func (p *parser) serverURL(n ast.Node, c ctx, s string) string {
	u, err := url.Parse(s)
	switch {
	case err != nil || u.Host == "" || u.Opaque != "":
		p.errAt(n, c, "%q is not a URL (want e.g. \"https://ntfy.sh\")", s)
	case u.Scheme != "https" && u.Scheme != "http":
		p.errAt(n, c, "%q is not an http or https URL (want e.g. \"https://ntfy.sh\")", s)
	case u.User != nil:
		p.errAt(n, c, "%q has a user or password in it; put an access token in token_file instead", s)
	case u.RawQuery != "" || u.Fragment != "":
		p.errAt(n, c, "%q has a query or fragment (want the server's base URL, such as \"https://ntfy.sh\")", s)
	default:
		return strings.TrimSuffix(u.String(), "/")
	}
	return ""
}

func (p *parser) topic(n ast.Node, c ctx) string {
	s, ok := p.str(n, c, msg("a topic name"))
	if !ok {
		return ""
	}
	if !IsNtfyToken(s) {
		p.errAt(n, c, "%q is not a topic name (want 1 to 64 letters, digits, - and _)", s)
		return ""
	}
	return s
}

// IsNtfyToken reports whether s is what ntfy accepts as a topic name or
// gives as a message id: 1 to 64 ASCII letters, digits, - and _
// (^[-_A-Za-z0-9]{1,64}$ by hand: the compiled pattern, its class repeated
// 64 times, takes 60 KB of heap).
func IsNtfyToken(s string) bool {
	if len(s) < 1 || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// tokenPath expands a leading ~ and wants an absolute path.
func (p *parser) tokenPath(n ast.Node, c ctx, s string) string {
	return p.tokenPathWant(n, c, s, "~/.config/bedtime/ntfy-token")
}

// tokenPathWant is tokenPath with the example its error gives.
func (p *parser) tokenPathWant(n ast.Node, c ctx, s, example string) string {
	if s == "~" || strings.HasPrefix(s, "~/") {
		home, err := os.UserHomeDir()
		if err != nil {
			p.errAt(n, c, "cannot expand ~ (%v); give the full path", err.Error())
			return ""
		}
		s = filepath.Join(home, strings.TrimPrefix(s, "~"))
	}
	if !filepath.IsAbs(s) {
		p.errAt(n, c, "%q is not an absolute path (want e.g. %q)", s, example)
		return ""
	}
	return filepath.Clean(s)
}

func (p *parser) argv(kv kv, c ctx) []string {
	seq, ok := p.resolve(kv.valueNode).(*ast.SequenceNode)
	if !ok || kv.value == nil {
		what := describe(p.resolve(kv.value))
		p.errAt(kv.valueNode, c, "got %s, want a list: the program and its arguments, such as [\"espeak-ng\", \"{title}\"] (no shell runs it)", what)
		return nil
	}
	if len(seq.Values) == 0 {
		p.errAt(kv.valueNode, c, "the list is empty (want the program and its arguments)")
		return nil
	}
	var out []string
	for i, v := range seq.Values {
		s, ok := p.str(v, c, msg("a word"))
		if !ok {
			continue
		}
		if i == 0 && strings.TrimSpace(s) == "" {
			p.errAt(v, c, "the program's name is empty")
			continue
		}
		if strings.ContainsRune(s, 0) {
			p.errAt(v, c, "has a NUL character")
			continue
		}
		out = append(out, s)
	}
	return out
}

// reminderChannels reads a reminder's channels: list.
func (p *parser) reminderChannels(kv kv, s *Schedule, c ctx) []string {
	var items []ast.Node
	switch v := p.resolve(kv.valueNode).(type) {
	case *ast.SequenceNode:
		items = v.Values
	default:
		if kv.value == nil {
			p.errAt(kv.keyNode, c, "is empty (want a list such as [desktop, phone])")
			return nil
		}
		items = []ast.Node{kv.valueNode}
	}
	if len(items) == 0 {
		p.errAt(kv.valueNode, c, "the list is empty (want at least one channel, such as [desktop])")
		return nil
	}
	var out []string
	for _, it := range items {
		name, ok := p.str(it, c, msg("a channel's name"))
		if !ok {
			continue
		}
		if slices.Contains(out, name) {
			p.errAt(it, c, "%q is given twice", name)
			continue
		}
		if p.isBroken("channel", name) {
			continue // its definition's error says what is wrong
		}
		if _, ok := s.Channels[name]; !ok && name != Desktop {
			names := s.ChannelNames()
			if sg := suggest(name, names); sg != "" {
				p.errAt(it, c, "unknown channel %q (did you mean %q?)", name, sg)
			} else {
				p.errAt(it, c, "unknown channel %q (want one of %s, or add it under the top-level channels:)", name, strings.Join(names, ", "))
			}
			continue
		}
		out = append(out, name)
	}
	return out
}

// firstCommand returns the command channel that comes first in the file.
func firstCommand(s *Schedule) *Channel {
	var first *Channel
	for _, c := range s.Channels {
		if c.Command == nil {
			continue
		}
		if first == nil || c.Line < first.Line || (c.Line == first.Line && c.Column < first.Column) {
			first = &c
		}
	}
	return first
}
