package config

// Limits on the shape of a schedule file. They are checked by a scan of
// the bytes before the YAML parser sees them, because the parser's memory
// grows with the square of the nesting depth ([ x 30,000 took 1.4 GB) and
// its time with the square of the entries of one map. A real schedule is a
// few levels deep (reminders > name > variants > one variant) with at most
// a few thousand entries.
//
// The scan exists for goccy/go-yaml, which gives every node its line and
// column. go.yaml.in/yaml/v3's node API would not need it: its memory is
// linear in depth and in entries (50,000 keys: 27 MB; 60,000 "[": refused
// at its own depth limit of 10,000 after 6 MB), and it does not expand
// aliases. Moving the parser there would let this file go; FuzzShape
// checks meanwhile that the scan and the parser agree on depth and on the
// entries of a collection.
const (
	// MaxDepth is how deeply lists and maps may nest.
	MaxDepth = 32
	// MaxEntries is how many entries one list or map may have.
	MaxEntries = 2000
	// MaxItems is how many lines (comments included), and entries and
	// brackets of [lists] and {maps}, a file may have in all. 1,000
	// reminders in the style of the default file take about 6,000.
	MaxItems = 20000
	// maxRawDepth bounds the nesting of brackets counted without regard to
	// quotes or comments, and of "- " or "? " chains at the start of any
	// line. It is a second line of defence: should the scan's reading of
	// quotes ever differ from the parser's, no more than this can reach
	// the parser. A sane file never comes near it.
	maxRawDepth = 256
)

// checkShape reports the first place where src goes beyond the limits, or
// nil. It reads YAML well enough to tell structure from text: quoted
// strings, plain text, comments and block scalars (| and >) do not count.
func checkShape(src []byte) *Error {
	s := &shapeScanner{src: src, line: 1, col: 1}
	if e := s.scan(); e != nil {
		return e
	}
	return checkRawDepth(src)
}

// shapeScanner is the state of checkShape's scan.
type shapeScanner struct {
	src       []byte
	i         int // offset of the next byte
	line, col int // position of src[i], from 1; columns count characters
	block     []level
	flow      []level
	dashes    int // "- " and "? " inside the open flow collections
	items     int
	maxDepth  int // the deepest nesting seen, for tests
	// maxEntries is the most entries of one list or map seen, for tests.
	maxEntries int
	// inScalar is true while the lines of a block scalar are skipped:
	// those that start right of column scalarIndent.
	inScalar     bool
	scalarIndent int
}

// level is one open list or map.
type level struct {
	col       int // indentation of a block collection
	seq       bool
	entries   int
	dashes    int // in flow, the "- " and "? " of the current entry
	line, pos int // where it starts
}

func (s *shapeScanner) errAt(line, col int, format string, args ...any) *Error {
	return newError("", line, col, format, args...)
}

func (s *shapeScanner) eof() bool { return s.i >= len(s.src) }

func (s *shapeScanner) peek() byte { return s.src[s.i] }

// eol reports whether the scan is at a line break or the end.
func (s *shapeScanner) eol() bool {
	return s.eof() || s.src[s.i] == '\n' || s.src[s.i] == '\r'
}

// adv moves past one byte.
func (s *shapeScanner) adv() {
	c := s.src[s.i]
	s.i++
	switch {
	case c == '\n' || (c == '\r' && (s.eof() || s.src[s.i] != '\n')):
		s.line++
		s.col = 1
	case c == '\r':
	case c < 0x80 || c >= 0xC0: // not a UTF-8 continuation byte
		s.col++
	}
}

// blankAfter reports whether the byte after the current one is white
// space, a line break or the end, as after the indicators "- " and ": ".
func (s *shapeScanner) blankAfter() bool {
	if s.i+1 >= len(s.src) {
		return true
	}
	switch s.src[s.i+1] {
	case ' ', '\t', '\n', '\r':
		return true
	}
	return false
}

func (s *shapeScanner) skipToEOL() {
	for !s.eol() {
		s.adv()
	}
}

// depth is the current nesting. The YAML library reads "- " inside [ ] as
// a list in a list, so those count too.
func (s *shapeScanner) depth() int { return len(s.block) + len(s.flow) + s.dashes }

// tooDeep notes the depth after a list or map was opened at line and col,
// and returns an error if it is over the limit.
func (s *shapeScanner) tooDeep(line, col int) *Error {
	s.maxDepth = max(s.maxDepth, s.depth())
	if s.depth() <= MaxDepth {
		return nil
	}
	return s.errAt(line, col, "nested too deeply (more than %d levels of lists and maps)", MaxDepth)
}

func (s *shapeScanner) countItem() *Error {
	s.items++
	if s.items > MaxItems {
		return s.errAt(s.line, s.col, "more than %d lines and list entries; a schedule needs far fewer (is it the right file?)", MaxItems)
	}
	return nil
}

func (s *shapeScanner) tooMany(l level) *Error {
	if l.seq {
		return s.errAt(l.line, l.pos, "a list with more than %d entries; a schedule needs far fewer (is it the right file?)", MaxEntries)
	}
	return s.errAt(l.line, l.pos, "a map with more than %d entries; a schedule needs far fewer (is it the right file?)", MaxEntries)
}

func (s *shapeScanner) scan() *Error {
	for !s.eof() {
		if e := s.blockLine(); e != nil {
			return e
		}
	}
	return nil
}

// blockLine scans one line in block context, and any [lists], {maps} and
// quoted strings that start on it, up to the start of the next line.
func (s *shapeScanner) blockLine() *Error {
	indent := 0
	for !s.eol() && (s.peek() == ' ' || s.peek() == '\t') {
		s.adv()
		indent++
	}
	if s.eol() {
		if !s.eof() {
			s.adv()
		}
		return nil
	}
	if s.inScalar {
		if s.col > s.scalarIndent { // indented more than its key or "- "
			s.skipToEOL()
			return nil
		}
		s.inScalar = false
	}
	if e := s.countItem(); e != nil {
		return e
	}
	if indent == 0 && (s.peek() == '%') {
		s.skipToEOL() // a directive
		return nil
	}
	if indent == 0 && s.i+3 <= len(s.src) && (string(s.src[s.i:s.i+3]) == "---" || string(s.src[s.i:s.i+3]) == "...") &&
		(s.i+3 == len(s.src) || s.src[s.i+3] == ' ' || s.src[s.i+3] == '\t' || s.src[s.i+3] == '\n' || s.src[s.i+3] == '\r') {
		s.block = s.block[:0] // a new document
		s.adv()
		s.adv()
		s.adv()
	}
	start := true // a node may start here
	for !s.eol() {
		c := s.peek()
		switch {
		case c == ' ' || c == '\t':
			s.adv()
		case c == '#':
			s.skipToEOL()
		case !start:
			s.adv()
		case (c == '-' || c == '?') && s.blankAfter():
			if e := s.enter(s.col, c == '-'); e != nil {
				return e
			}
			s.adv()
		case c == ':' && s.blankAfter():
			s.adv()
		case c == '&' || c == '!':
			s.skipWord()
		case c == '*':
			s.skipWord()
			start = false
		case c == '[' || c == '{':
			if e := s.flowCollection(); e != nil {
				return e
			}
			start = false
		case c == '"' || c == '\'':
			line, col := s.line, s.col
			s.quoted()
			start = false
			if s.line == line && s.keyFollows() {
				if e := s.enter(col, false); e != nil {
					return e
				}
				start = true
			}
		case c == '|' || c == '>':
			s.inScalar = true
			s.scalarIndent = -1
			if len(s.block) > 0 {
				s.scalarIndent = s.block[len(s.block)-1].col
			}
			s.skipToEOL()
		default:
			col := s.col
			if s.plain(false) {
				if e := s.enter(col, false); e != nil {
					return e
				}
				s.adv() // the colon
				start = true
			} else {
				start = false
			}
		}
	}
	if !s.eof() {
		s.adv()
	}
	return nil
}

// enter records an entry of a block list ("- ", seq) or map (a key or
// "? ") that starts at column col of the current line.
func (s *shapeScanner) enter(col int, seq bool) *Error {
	for len(s.block) > 0 && s.block[len(s.block)-1].col > col {
		s.block = s.block[:len(s.block)-1]
	}
	if n := len(s.block); n > 0 && s.block[n-1].col == col {
		top := &s.block[n-1]
		switch {
		case top.seq == seq:
			top.entries++
			s.maxEntries = max(s.maxEntries, top.entries)
			if top.entries > MaxEntries {
				return s.tooMany(*top)
			}
			return nil
		case !seq:
			// A key at the column of a list: the list was the value
			// of a key at this same column (a:\n- x\nb: y).
			s.block = s.block[:n-1]
			if n > 1 && s.block[n-2].col == col && !s.block[n-2].seq {
				return s.enter(col, false)
			}
		}
		// A list at the column of a map is the value of its last key.
	}
	s.block = append(s.block, level{col: col, seq: seq, entries: 1, line: s.line, pos: col})
	return s.tooDeep(s.line, col)
}

// skipWord skips an anchor, alias or tag.
func (s *shapeScanner) skipWord() {
	for !s.eol() {
		switch s.peek() {
		case ' ', '\t', ',', '[', ']', '{', '}':
			return
		}
		s.adv()
	}
}

// keyFollows reports whether a ": " follows after optional spaces, and
// moves to the colon if so.
func (s *shapeScanner) keyFollows() bool {
	j := s.i
	for j < len(s.src) && (s.src[j] == ' ' || s.src[j] == '\t') {
		j++
	}
	if j < len(s.src) && s.src[j] == ':' && (j+1 == len(s.src) || isBlankByte(s.src[j+1])) {
		for s.i < j {
			s.adv()
		}
		s.adv()
		return true
	}
	return false
}

func isBlankByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isFlowIndicator(c byte) bool {
	return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'
}

// plain skips plain text up to the end of the line, a comment or, in a
// key, the ": " after it; it reports whether it stopped at a key's colon.
// In flow context it also stops before , [ ] { }.
func (s *shapeScanner) plain(flow bool) bool {
	for !s.eol() {
		c := s.peek()
		if c == ':' {
			next := byte(' ')
			if s.i+1 < len(s.src) {
				next = s.src[s.i+1]
			}
			if isBlankByte(next) || (flow && isFlowIndicator(next)) {
				return true
			}
		}
		if flow && isFlowIndicator(c) {
			return false
		}
		if (c == ' ' || c == '\t') && s.i+1 < len(s.src) && s.src[s.i+1] == '#' {
			return false
		}
		s.adv()
	}
	return false
}

// quoted skips a quoted string, which may span lines.
func (s *shapeScanner) quoted() {
	q := s.peek()
	s.adv()
	for !s.eof() {
		c := s.peek()
		switch {
		case q == '"' && c == '\\':
			s.adv()
			if !s.eof() {
				s.adv()
			}
		case c == q && q == '\'' && s.i+1 < len(s.src) && s.src[s.i+1] == '\'':
			s.adv()
			s.adv()
		case c == q:
			s.adv()
			return
		default:
			s.adv()
		}
	}
}

// flowCollection scans a [list] or {map} from its opening bracket to the
// matching close, over as many lines as it takes.
func (s *shapeScanner) flowCollection() *Error {
	base := len(s.flow)
	start := true
	space := true // the previous byte was white space: # starts a comment
	for !s.eof() {
		c := s.peek()
		wasSpace := space
		space = false
		switch {
		case c == '\n' || c == '\r' || c == ' ' || c == '\t':
			s.adv()
			space = true
		case c == '#' && wasSpace:
			s.skipToEOL()
		case c == '[' || c == '{':
			s.flow = append(s.flow, level{seq: c == '[', entries: 1, line: s.line, pos: s.col})
			if e := s.tooDeep(s.line, s.col); e != nil {
				return e
			}
			if e := s.countItem(); e != nil {
				return e
			}
			s.adv()
			start = true
		case c == ']' || c == '}':
			s.dashes -= s.flow[len(s.flow)-1].dashes
			s.flow = s.flow[:len(s.flow)-1]
			s.adv()
			if len(s.flow) == base {
				return nil
			}
			start = false
		case c == ',':
			top := &s.flow[len(s.flow)-1]
			s.dashes -= top.dashes
			top.dashes = 0
			top.entries++
			s.maxEntries = max(s.maxEntries, top.entries)
			if top.entries > MaxEntries {
				return s.tooMany(*top)
			}
			if e := s.countItem(); e != nil {
				return e
			}
			s.adv()
			start = true
		case c == ':':
			s.adv()
			start = true
		case !start:
			s.adv()
		case c == '"' || c == '\'':
			s.quoted()
			start = false
		case c == '&' || c == '!':
			s.skipWord()
		case c == '*':
			s.skipWord()
			start = false
		case (c == '-' || c == '?') && s.blankAfter():
			s.flow[len(s.flow)-1].dashes++
			s.dashes++
			if e := s.tooDeep(s.line, s.col); e != nil {
				return e
			}
			s.adv()
		default:
			s.plain(true)
			start = false
		}
	}
	return nil
}

// checkRawDepth is the second line of defence described at maxRawDepth.
// A chain is a run of "- " or "? " at the start of a line or after a
// bracket or comma, with nothing else between them but brackets.
func checkRawDepth(src []byte) *Error {
	depth, line, col := 0, 1, 1
	chainable, chain := true, 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case '[', '{':
			depth++
			if depth > maxRawDepth {
				return newError("", line, col, "brackets nested too deeply (more than %d levels, counting those in quotes and comments)", maxRawDepth)
			}
			chainable = true
		case ']', '}':
			depth = max(depth-1, 0)
			chainable, chain = false, 0
		case ',':
			chainable, chain = true, 0
		case '-', '?':
			if chainable && (i+1 == len(src) || src[i+1] == ' ' || src[i+1] == '\t') {
				chain++
				if chain > maxRawDepth {
					return newError("", line, col, "nested too deeply (more than %d list entries in a row)", maxRawDepth)
				}
			} else {
				chainable, chain = false, 0
			}
		case ' ', '\t':
		default:
			chainable, chain = false, 0
		}
		switch {
		case c == '\n' || (c == '\r' && (i+1 == len(src) || src[i+1] != '\n')):
			line, col = line+1, 1
			chainable, chain = true, 0
		case c == '\r':
		case c < 0x80 || c >= 0xC0:
			col++
		}
	}
	return nil
}
