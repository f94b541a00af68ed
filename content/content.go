package content

import (
	_ "embed"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
)

// MaxTextLen is the most characters (runes) a notification may carry: its
// title and body together, or a routine step's text.
const MaxTextLen = 200

// MaxHold is the longest a single routine step may be held.
const MaxHold = 10 * time.Minute

var (
	//go:embed texts.yaml
	textsYAML []byte
	//go:embed routines.yaml
	routinesYAML []byte
	//go:embed help.yaml
	helpYAML []byte
)

// builtinKinds are the built-in reminder kinds in display order, with the
// fewest variants each must have.
var builtinKinds = []struct {
	name string
	min  int
}{
	{"movement", 5},
	{"hydration", 5},
	{"magnesium", 3},
	{"calf-stretch", 3},
	{"morning-stretch", 3},
}

// Text is one variant of a reminder's notification.
type Text struct {
	// Title is the notification's summary line.
	Title string `yaml:"title"`
	// Body is the text below the title.
	Body string `yaml:"body"`
}

// Validate reports whether t can be shown: a one-line title and a body,
// together at most MaxTextLen characters.
func (t Text) Validate() error {
	switch {
	case strings.TrimSpace(t.Title) == "":
		return errors.New("title is empty")
	case strings.TrimSpace(t.Body) == "":
		return errors.New("body is empty")
	case strings.ContainsAny(t.Title, "\r\n"):
		return fmt.Errorf("title %q spans more than one line", t.Title)
	}
	if n := utf8.RuneCountInString(t.Title) + utf8.RuneCountInString(t.Body); n > MaxTextLen {
		return fmt.Errorf("title and body are %d characters, want at most %d", n, MaxTextLen)
	}
	return nil
}

// library is the decoded content of the embedded files.
type library struct {
	texts    map[string][]Text
	routines map[string]Routine
	help     helpDoc
}

// lib decodes the embedded files once. The files are part of the program
// and checked by the tests, so a failure here is a bug in the build, not
// bad user input.
var lib = sync.OnceValue(func() *library {
	l, err := parse(textsYAML, routinesYAML, helpYAML)
	if err != nil {
		panic("content: embedded data is invalid: " + err.Error())
	}
	return l
})

// parse decodes and validates the three content files.
func parse(texts, routines, help []byte) (*library, error) {
	l := &library{}
	var err error
	if l.texts, err = parseTexts(texts); err != nil {
		return nil, fmt.Errorf("texts.yaml: %w", err)
	}
	if l.routines, err = parseRoutines(routines); err != nil {
		return nil, fmt.Errorf("routines.yaml: %w", err)
	}
	if l.help, err = parseHelp(help); err != nil {
		return nil, fmt.Errorf("help.yaml: %w", err)
	}
	return l, nil
}

// decodeStrict decodes data into v, rejecting unknown fields and duplicate
// keys.
func decodeStrict(data []byte, v any) error {
	if err := yaml.UnmarshalWithOptions(data, v, yaml.Strict()); err != nil {
		return fmt.Errorf("cannot decode: %w", err)
	}
	return nil
}

func parseTexts(data []byte) (map[string][]Text, error) {
	var m map[string][]Text
	if err := decodeStrict(data, &m); err != nil {
		return nil, err
	}
	for _, k := range builtinKinds {
		vs, ok := m[k.name]
		if !ok {
			return nil, fmt.Errorf("kind %q is missing", k.name)
		}
		if len(vs) < k.min {
			return nil, fmt.Errorf("kind %q has %d variants, want at least %d", k.name, len(vs), k.min)
		}
		seen := make(map[Text]bool, len(vs))
		for i, t := range vs {
			if err := t.Validate(); err != nil {
				return nil, fmt.Errorf("kind %q, variant %d: %w", k.name, i+1, err)
			}
			if seen[t] {
				return nil, fmt.Errorf("kind %q, variant %d: repeats an earlier variant", k.name, i+1)
			}
			seen[t] = true
		}
	}
	for name := range m {
		if !isBuiltinKind(name) {
			return nil, fmt.Errorf("unknown kind %q, want one of %s", name, strings.Join(Kinds(), ", "))
		}
	}
	return m, nil
}

func isBuiltinKind(name string) bool {
	for _, k := range builtinKinds {
		if k.name == name {
			return true
		}
	}
	return false
}

// Kinds returns the names of the built-in reminder kinds in display order.
func Kinds() []string {
	names := make([]string, len(builtinKinds))
	for i, k := range builtinKinds {
		names[i] = k.name
	}
	return names
}

// Texts returns the built-in variants of the reminder kind, and whether the
// kind is built in. The slice is the caller's to keep and change.
func Texts(kind string) ([]Text, bool) {
	vs, ok := lib().texts[kind]
	if !ok {
		return nil, false
	}
	return slices.Clone(vs), true
}

// Step is one step of a guided routine.
type Step struct {
	// Text says what to do, e.g. "Left calf against the wall: hold 30 s
	// (1 of 3)". It is shown as a notification body.
	Text string `yaml:"text"`
	// Hold is how long the step lasts before the next one; 0 means the step
	// is shown and the routine moves straight on.
	Hold time.Duration `yaml:"hold"`
}

// Routine is a guided sequence of steps, such as the calf stretch before bed.
type Routine struct {
	// Name is the routine's key, e.g. "calf-stretch".
	Name string `yaml:"-"`
	// Title is shown above every step.
	Title string `yaml:"title"`
	// Steps are played in order.
	Steps []Step `yaml:"steps"`
	// Done is the closing message after the last step; it may be empty.
	Done string `yaml:"done"`
}

// Duration returns how long the routine takes: the sum of its holds.
func (r Routine) Duration() time.Duration {
	var d time.Duration
	for _, s := range r.Steps {
		d += s.Hold
	}
	return d
}

// Validate reports whether r can be played: a title, at least one step,
// every step a non-empty text of at most MaxTextLen characters held between
// 0 and MaxHold.
func (r Routine) Validate() error {
	if strings.TrimSpace(r.Title) == "" {
		return errors.New("title is empty")
	}
	if strings.ContainsAny(r.Title, "\r\n") {
		return fmt.Errorf("title %q spans more than one line", r.Title)
	}
	if len(r.Steps) == 0 {
		return errors.New("has no steps")
	}
	for i, s := range r.Steps {
		if err := s.Validate(); err != nil {
			return fmt.Errorf("step %d: %w", i+1, err)
		}
	}
	if n := utf8.RuneCountInString(r.Done); n > MaxTextLen {
		return fmt.Errorf("done text is %d characters, want at most %d", n, MaxTextLen)
	}
	return nil
}

// Validate checks one step: a text that is not empty nor too long, and a
// hold from 0 to MaxHold.
func (s Step) Validate() error {
	switch {
	case strings.TrimSpace(s.Text) == "":
		return errors.New("text is empty")
	case utf8.RuneCountInString(s.Text) > MaxTextLen:
		return fmt.Errorf("text is %d characters, want at most %d", utf8.RuneCountInString(s.Text), MaxTextLen)
	case s.Hold < 0 || s.Hold > MaxHold:
		return fmt.Errorf("hold %v, want between 0s and %v", s.Hold, MaxHold)
	}
	return nil
}

// clone returns a copy of r that shares no memory with it.
func (r Routine) clone() Routine {
	r.Steps = slices.Clone(r.Steps)
	return r
}

func parseRoutines(data []byte) (map[string]Routine, error) {
	var m map[string]Routine
	if err := decodeStrict(data, &m); err != nil {
		return nil, err
	}
	for _, name := range []string{"calf-stretch", "morning-stretch"} {
		if _, ok := m[name]; !ok {
			return nil, fmt.Errorf("routine %q is missing", name)
		}
	}
	for name, r := range m {
		if err := r.Validate(); err != nil {
			return nil, fmt.Errorf("routine %q: %w", name, err)
		}
		r.Name = name
		m[name] = r
	}
	return m, nil
}

// Routines returns the built-in routines by name ("calf-stretch" and
// "morning-stretch"). The map and its routines are the caller's to keep and
// change.
func Routines() map[string]Routine {
	m := make(map[string]Routine, len(lib().routines))
	for name, r := range lib().routines {
		m[name] = r.clone()
	}
	return m
}

// RoutineNames returns the names of the built-in routines, sorted.
func RoutineNames() []string {
	return slices.Sorted(maps.Keys(lib().routines))
}

// LookupRoutine returns the built-in routine called name, and whether there
// is one.
func LookupRoutine(name string) (Routine, bool) {
	r, ok := lib().routines[name]
	if !ok {
		return Routine{}, false
	}
	return r.clone(), true
}

// Topic is one topic of `bedtime tips`.
type Topic struct {
	// Name is what the user types, e.g. "magnesium".
	Name string `yaml:"name"`
	// Title is the heading shown above the body.
	Title string `yaml:"title"`
	// Summary is the one-line description in the list of topics.
	Summary string `yaml:"summary"`
	// Body is the advice, wrapped for an 80-column terminal.
	Body string `yaml:"body"`
}

type helpDoc struct {
	Disclaimer string  `yaml:"disclaimer"`
	Cramp      string  `yaml:"cramp"`
	Topics     []Topic `yaml:"topics"`
}

// maxHelpWidth is the widest a help line may be, so it fits an 80-column
// terminal.
const maxHelpWidth = 79

// maxSummaryWidth is the longest a topic's summary may be, so the list of
// topics fits an 80-column terminal.
const maxSummaryWidth = 60

func parseHelp(data []byte) (helpDoc, error) {
	var h helpDoc
	if err := decodeStrict(data, &h); err != nil {
		return helpDoc{}, err
	}
	if err := checkWidth("disclaimer", h.Disclaimer); err != nil {
		return helpDoc{}, err
	}
	if err := checkWidth("cramp", h.Cramp); err != nil {
		return helpDoc{}, err
	}
	if len(h.Topics) == 0 {
		return helpDoc{}, errors.New("has no topics")
	}
	seen := map[string]bool{}
	for i, t := range h.Topics {
		switch {
		case t.Name == "" || strings.ContainsAny(t.Name, " \t\r\n") || strings.ToLower(t.Name) != t.Name:
			return helpDoc{}, fmt.Errorf("topic %d: name %q, want one lower-case word", i+1, t.Name)
		case seen[t.Name]:
			return helpDoc{}, fmt.Errorf("topic %q appears twice", t.Name)
		case strings.TrimSpace(t.Title) == "", strings.TrimSpace(t.Summary) == "":
			return helpDoc{}, fmt.Errorf("topic %q: title and summary are required", t.Name)
		case utf8.RuneCountInString(t.Summary) > maxSummaryWidth:
			return helpDoc{}, fmt.Errorf("topic %q: summary is %d characters, want at most %d", t.Name, utf8.RuneCountInString(t.Summary), maxSummaryWidth)
		}
		seen[t.Name] = true
		if err := checkWidth("topic "+t.Name, t.Body); err != nil {
			return helpDoc{}, err
		}
	}
	return h, nil
}

// checkWidth reports an empty text or a line wider than maxHelpWidth.
func checkWidth(what, text string) error {
	if strings.TrimSpace(text) == "" {
		return fmt.Errorf("%s: text is empty", what)
	}
	for i, line := range strings.Split(text, "\n") {
		if n := utf8.RuneCountInString(line); n > maxHelpWidth {
			return fmt.Errorf("%s: line %d is %d characters wide, want at most %d", what, i+1, n, maxHelpWidth)
		}
	}
	return nil
}

// CrampHelp returns what to do during a cramp and the signs that mean
// seeing a doctor, wrapped for a terminal and ending in a newline.
func CrampHelp() string { return lib().help.Cramp }

// Disclaimer returns the one-line "not medical advice" note shown with every
// piece of advice.
func Disclaimer() string { return lib().help.Disclaimer }

// Topics returns the topics of `bedtime tips` in display order.
func Topics() []Topic { return slices.Clone(lib().help.Topics) }

// LookupTopic returns the topic called name, and whether there is one.
func LookupTopic(name string) (Topic, bool) {
	for _, t := range lib().help.Topics {
		if t.Name == name {
			return t, true
		}
	}
	return Topic{}, false
}

// TopicNames returns the names of the topics in display order.
func TopicNames() []string {
	names := make([]string, 0, len(lib().help.Topics))
	for _, t := range lib().help.Topics {
		names = append(names, t.Name)
	}
	return names
}
