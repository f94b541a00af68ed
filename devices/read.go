package devices

import (
	"bufio"
	"bytes"
	"crypto/cipher"
	"encoding/base64"
	"encoding/json"
	"errors"
	"slices"
	"unicode/utf8"

	"golang.org/x/crypto/chacha20poly1305"

	"github.com/bedtime-app/bedtime/state"
)

// A reader reads the sealed lines of the others' events files during one
// Scan. A year of two computers is a hundred thousand lines, so what each
// line needs (the cipher, the buffer of the line, of its bytes and of its
// plain text, the strings its events repeat) is made once and used for
// every line, instead of once a line: the garbage of a line each was
// most of what reading a synced record cost.
type reader struct {
	aead  cipher.AEAD
	br    *bufio.Reader
	line  []byte // the line being read, without its newline
	raw   []byte // its sealed bytes, base64 decoded
	plain []byte // its plain text
	ad    []byte // the device id the line is sealed for
	dev   string // ad as a string, so that it is not converted again
	names map[string]string
	// The records read, in one slice made large enough for what is
	// left to read (reserve) from the length of the lines read so far:
	// a slice grown by append to a million records copies them again and
	// again and allocates five times their size, and copying records
	// (eight pointers each) while the collector runs is slow.
	out   []Record
	bytes int64 // the bytes of the whole lines read
}

// add keeps a record read.
func (r *reader) add(rec Record) { r.out = append(r.out, rec) }

// records returns the records read, in the order read; nil if none.
func (r *reader) records() []Record {
	if len(r.out) == 0 {
		return nil
	}
	return r.out
}

// reserve makes room for the records of about left bytes more of lines,
// as many a byte as the lines read so far held (a twentieth more, since
// lines differ), never more than the shortest line that holds a record
// can (minRecordLine). Before any line is read it makes none: a guess
// from the bytes alone could be twice too much or too little. What it
// makes is bounded by what the folder's files would make Scan hold if
// the rest were like what was read.
func (r *reader) reserve(left int64) {
	if r.bytes == 0 || left <= 0 || len(r.out) == 0 {
		return
	}
	perByte := min(float64(len(r.out))/float64(r.bytes), 1.0/minRecordLine)
	more := int(float64(left)*perByte*1.05) + 16
	if cap(r.out)-len(r.out) < more {
		r.out = slices.Grow(r.out, max(more, cap(r.out)/4))
	}
}

// minRecordLine is the length of the shortest line that holds a valid
// record, its newline included: "b1.", then a nonce, the shortest record
// ({"e":{"at":"2006-01-02T15:04:05Z","kind":"x"}}, 47 bytes) and a tag,
// in base64.
var minRecordLine = float64(len(sealPrefix) + base64.RawStdEncoding.EncodedLen(chacha20poly1305.NonceSizeX+47+chacha20poly1305.Overhead) + 1)

// Bounds on the strings a reader keeps to share (intern): the events
// repeat a few reminder names, kinds and details, and a hostile file that
// repeats none costs no more than what a line costs anyway.
const (
	maxInterned   = 4096
	maxInternedOf = 128 // bytes
)

func newReader(k Key) *reader {
	aead, _ := chacha20poly1305.NewX(k[:]) // cannot fail: the key has the right size
	return &reader{aead: aead, names: map[string]string{}}
}

// open reverses seal. The plain text it returns is the reader's buffer,
// good until the next call.
func (r *reader) open(dev string, line []byte) ([]byte, error) {
	rest, ok := bytes.CutPrefix(line, []byte(sealPrefix))
	if !ok {
		return nil, ErrGarbage
	}
	r.raw = growTo(r.raw, base64.RawStdEncoding.DecodedLen(len(rest)))
	n, err := base64.RawStdEncoding.Decode(r.raw, rest)
	if err != nil || n < r.aead.NonceSize()+r.aead.Overhead() {
		return nil, ErrGarbage
	}
	b := r.raw[:n]
	if dev != r.dev {
		r.dev, r.ad = dev, append(r.ad[:0], dev...)
	}
	plain, err := r.aead.Open(r.plain[:0], b[:r.aead.NonceSize()], b[r.aead.NonceSize():], r.ad)
	if err != nil {
		return nil, ErrOtherKey
	}
	r.plain = plain
	return plain, nil
}

// growTo returns b with length n, reusing its array when it is large
// enough.
func growTo(b []byte, n int) []byte {
	if cap(b) < n {
		return make([]byte, n)
	}
	return b[:n]
}

// readLine reads one line from r.br. It returns the line without its
// newline and the spaces around it (nil for an empty line or one longer
// than MaxLine, which is skipped without being kept), the bytes consumed,
// and whether the line ended with a newline. The line is the reader's
// buffer, good until the next call.
func (r *reader) readLine() (line []byte, n int, complete bool) {
	buf := r.line[:0]
	long := false
	for {
		chunk, err := r.br.ReadSlice('\n')
		n += len(chunk)
		if !long {
			if len(buf)+len(chunk) > MaxLine+1 {
				long, buf = true, buf[:0]
			} else {
				buf = append(buf, chunk...)
				r.line = buf
			}
		}
		switch {
		case err == nil:
			if long {
				return nil, n, true
			}
			b := bytes.TrimSpace(buf)
			if len(b) == 0 {
				return nil, n, true
			}
			return b, n, true
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		default:
			return nil, n, false
		}
	}
}

// decode reads a line's plain text as a record; ok is false for one that
// is no valid record. A history event as Append writes it is read
// without reflection and its strings shared with the events before it;
// any other text is read by encoding/json, so that what is read is
// exactly what encoding/json reads.
func (r *reader) decode(plain []byte) (rec record, ok bool) {
	if rec, ok := r.decodeEvent(plain); ok {
		if !rec.valid() {
			return record{}, false
		}
		return rec, true
	}
	return decodeJSON(plain)
}

// decodeJSON reads plain as a record with encoding/json. It is a function
// of its own so that the record it decodes into (which escapes to the
// heap) is allocated for the lines it reads, not for every line.
func decodeJSON(plain []byte) (record, bool) {
	var rec record
	if json.Unmarshal(plain, &rec) != nil || !rec.valid() {
		return record{}, false
	}
	return rec, true
}

// eventFields are the names of a sealed event's fields, in the order
// json.Marshal writes them (that of state.Event's fields).
var eventFields = [...]string{"at", "reminder", "kind", "scheduled", "via", "detail"}

// decodeEvent reads plain when it is a history event as json.Marshal
// writes a record of one: {"e":{"at":"..",...}}, its fields in the order
// of eventFields, each a string without escapes or control characters,
// of valid UTF-8, and nothing else. ok is false for anything else, which
// is left to encoding/json: on what decodeEvent accepts, both read the
// same.
func (r *reader) decodeEvent(plain []byte) (rec record, ok bool) {
	rest, ok := bytes.CutPrefix(plain, []byte(`{"e":{`))
	if !ok {
		return record{}, false
	}
	ev := &rec.Event
	next := 0 // the first field that may still come
	for i := 0; ; i++ {
		if string(rest) == "}}" {
			return rec, true
		}
		if i > 0 {
			if rest, ok = bytes.CutPrefix(rest, []byte(",")); !ok {
				return record{}, false
			}
		}
		var name, value []byte
		if name, rest, ok = jsonString(rest); !ok {
			return record{}, false
		}
		if rest, ok = bytes.CutPrefix(rest, []byte(":")); !ok {
			return record{}, false
		}
		if value, rest, ok = jsonString(rest); !ok {
			return record{}, false
		}
		f := next
		for f < len(eventFields) && eventFields[f] != string(name) {
			f++
		}
		if f == len(eventFields) {
			return record{}, false // unknown, repeated or out of order
		}
		next = f + 1
		switch eventFields[f] {
		case "at":
			if ev.At.UnmarshalText(value) != nil {
				return record{}, false
			}
		case "reminder":
			ev.Reminder = r.intern(value)
		case "kind":
			ev.Kind = state.Kind(r.intern(value))
		case "scheduled":
			if ev.Scheduled.UnmarshalText(value) != nil {
				return record{}, false
			}
		case "via":
			ev.Via = r.intern(value)
		case "detail":
			ev.Detail = r.intern(value)
		}
	}
}

// jsonString reads the JSON string that b starts with, when it needs no
// unescaping: no backslash, no control character, valid UTF-8 (which
// encoding/json would replace). It returns its contents and what follows.
func jsonString(b []byte) (s, rest []byte, ok bool) {
	if len(b) == 0 || b[0] != '"' {
		return nil, nil, false
	}
	ascii := true
	for i := 1; i < len(b); i++ {
		switch c := b[i]; {
		case c == '"':
			s = b[1:i]
			if !ascii && !utf8.Valid(s) {
				return nil, nil, false
			}
			return s, b[i+1:], true
		case c == '\\' || c < 0x20:
			return nil, nil, false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return nil, nil, false
}

// intern returns b as a string, the same string for the same bytes (up
// to the bounds above), so that a million events of a few reminders hold
// a few names, not a million.
func (r *reader) intern(b []byte) string {
	if s, ok := r.names[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(r.names) < maxInterned && len(b) <= maxInternedOf {
		r.names[s] = s
	}
	return s
}
