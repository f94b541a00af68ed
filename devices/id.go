package devices

import (
	"crypto/rand"
	"encoding/base32"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/bedtime-app/bedtime/safefs"
)

// IDFile is the name of the device id's file in the state directory.
const IDFile = "sync-device"

// idPattern is what a device id looks like: 16 letters and digits of
// lower-case base32 (80 random bits).
var idPattern = regexp.MustCompile(`^[a-z2-7]{16}$`)

// ValidID reports whether s has the form of a device id.
func ValidID(s string) bool { return idPattern.MatchString(s) }

var idEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// newID makes a random device id.
func newID() (string, error) {
	b := make([]byte, 10)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return strings.ToLower(idEncoding.EncodeToString(b)), nil
}

// LoadID returns this device's id, kept in the state directory dir. With
// create, one is made and kept when there is none (once: the same device
// keeps its id for good, whatever its host name); without, a missing id
// gives an error matching fs.ErrNotExist.
func LoadID(dir string, create bool) (string, error) {
	path := filepath.Join(dir, IDFile)
	b, err := safefs.ReadPrivate(path)
	if err == nil {
		id := strings.TrimSpace(string(b))
		if !ValidID(id) {
			return "", fmt.Errorf("devices: %s does not hold a device id (%q); remove it and bedtime makes a new one", path, truncate(id, 40))
		}
		return id, nil
	}
	if !errors.Is(err, fs.ErrNotExist) || !create {
		return "", fmt.Errorf("devices: cannot read the device id: %w", err)
	}
	id, err := newID()
	if err != nil {
		return "", fmt.Errorf("devices: cannot make a device id: %w", err)
	}
	if err := privateDir(dir); err != nil {
		return "", err
	}
	if err := safefs.WriteAtomic(path, []byte(id+"\n")); err != nil {
		return "", fmt.Errorf("devices: cannot keep the device id: %w", err)
	}
	return id, nil
}

// truncate cuts s to at most n bytes, for quoting hostile text.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// readDirNames lists the names in dir.
func readDirNames(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names, err
}
