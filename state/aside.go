package state

import (
	"errors"
	"io/fs"
	"os"
	"slices"
	"strings"
	"time"
)

// Aside is a file of the state directory that bedtime moved aside and no
// longer reads: a state file that did not parse (state.json.corrupt-TIME)
// or a link, pipe or device where one of its files should be
// (NAME.unusable-TIME). Nothing is deleted; the person decides.
type Aside struct {
	// Name is the file's name in the directory; Of is the name of the
	// file it was (state.json, history.jsonl, a lock).
	Name, Of string
	// Corrupt: it did not parse; otherwise it was no regular file.
	Corrupt bool
	// At is when it was moved aside, from its name, in loc.
	At time.Time
}

// asideSuffixes are the suffixes safefs.MoveAside is given, and whether
// each means a file that did not parse.
var asideSuffixes = []struct {
	suffix  string
	corrupt bool
}{{".corrupt-", true}, {".unusable-", false}}

// SetAside lists the files moved aside in the state directory dir, oldest
// first; a directory not there yet has none. Times in their names are
// read in loc, the zone they were written in.
func SetAside(dir string, loc *time.Location) ([]Aside, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Aside
	for _, e := range entries {
		for _, s := range asideSuffixes {
			of, stamp, ok := strings.Cut(e.Name(), s.suffix)
			if !ok || of == "" {
				continue
			}
			stamp, _, _ = strings.Cut(stamp, "-") // a second one that second: -2
			at, err := time.ParseInLocation("20060102T150405", stamp, loc)
			if err != nil {
				continue // not one of ours
			}
			out = append(out, Aside{Name: e.Name(), Of: of, Corrupt: s.corrupt, At: at})
			break
		}
	}
	slices.SortStableFunc(out, func(a, b Aside) int { return a.At.Compare(b.At) })
	return out, nil
}
