package devices

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/crypto/chacha20poly1305"

	"github.com/bedtime-app/bedtime/safefs"
)

// Key is the secret the person's devices share. Everything a device writes
// to the folder is sealed with it (XChaCha20-Poly1305), and the folder
// never holds it.
type Key [chacha20poly1305.KeySize]byte

// keyPrefix starts the text form of a key, so that a pasted key is known
// for what it is and a future kind of key can have another prefix.
const keyPrefix = "bedtime-key-1-"

// KeyFile is the name of the key's file in the state directory.
const KeyFile = "sync.key"

// ErrNoKey means the state directory holds no key: sync was never set up
// on this device (bedtime sync init or join).
var ErrNoKey = errors.New("no sync key on this device")

// NewKey makes a new random key.
func NewKey() (Key, error) {
	var k Key
	if _, err := rand.Read(k[:]); err != nil {
		return k, fmt.Errorf("devices: cannot make a key: %w", err)
	}
	return k, nil
}

// String returns the key as text to copy to another device:
// "bedtime-key-1-" and the key in unpadded URL-safe base64.
func (k Key) String() string { return keyPrefix + base64.RawURLEncoding.EncodeToString(k[:]) }

// Fingerprint returns a short name of the key that says nothing about it,
// so that two devices can compare theirs (bedtime doctor).
func (k Key) Fingerprint() string {
	h := sha256.Sum256(append([]byte("bedtime key fingerprint\x00"), k[:]...))
	return hex.EncodeToString(h[:4])
}

// KeyError is why ParseKey cannot read a key: Format, with the prefix
// every key starts with (Prefix) for its %q, is a message the command line
// says in the person's language.
type KeyError struct{ Format string }

func (e *KeyError) Error() string { return fmt.Sprintf(e.Format, keyPrefix) }

// Prefix is what every key starts with, the argument of Format.
func (e *KeyError) Prefix() string { return keyPrefix }

// ParseKey reads a key in the form String writes; spaces around it (a
// pasted line) are ignored.
func ParseKey(s string) (Key, error) {
	var k Key
	s = strings.TrimSpace(s)
	rest, ok := strings.CutPrefix(s, keyPrefix)
	if !ok {
		return k, &KeyError{Format: "not a bedtime key (it should start with %q)"}
	}
	b, err := base64.RawURLEncoding.DecodeString(rest)
	if err != nil || len(b) != len(k) {
		return k, &KeyError{Format: "not a bedtime key: the part after %q is damaged (copy the whole line again)"}
	}
	copy(k[:], b)
	return k, nil
}

// LoadKey reads the key from the state directory dir. It returns ErrNoKey
// when there is none. The file must be a regular file, never a link.
func LoadKey(dir string) (Key, error) {
	b, err := safefs.ReadPrivate(filepath.Join(dir, KeyFile))
	if errors.Is(err, fs.ErrNotExist) {
		return Key{}, ErrNoKey
	}
	if err != nil {
		return Key{}, fmt.Errorf("devices: cannot read the key: %w", err)
	}
	k, err := ParseKey(string(b))
	if err != nil {
		return Key{}, fmt.Errorf("devices: %s: %w", filepath.Join(dir, KeyFile), err)
	}
	return k, nil
}

// SaveKey writes k to the state directory dir (made private, 0700),
// atomically and readable by the user alone (0600).
func SaveKey(dir string, k Key) error {
	if err := privateDir(dir); err != nil {
		return err
	}
	if err := safefs.WriteAtomic(filepath.Join(dir, KeyFile), []byte(k.String()+"\n")); err != nil {
		return fmt.Errorf("devices: cannot save the key: %w", err)
	}
	return nil
}

// privateDir makes dir (0700) when missing and checks it is the user's
// alone.
func privateDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("devices: %w", err)
	}
	if _, err := safefs.PrivateDir(dir); err != nil {
		return fmt.Errorf("devices: %w", err)
	}
	return nil
}

// sealPrefix starts every sealed line, naming the format.
const sealPrefix = "b1."

// seal encrypts plain for the device dev: the result is one line of text
// (no newline) that only a holder of k can open, and only as written by
// dev (the device id is the additional data, so a line copied into another
// device's files does not open).
func (k Key) seal(dev string, plain []byte) string {
	aead, _ := chacha20poly1305.NewX(k[:]) // cannot fail: the key has the right size
	nonce := make([]byte, aead.NonceSize(), aead.NonceSize()+len(plain)+aead.Overhead())
	rand.Read(nonce)
	out := aead.Seal(nonce, nonce, plain, []byte(dev))
	return sealPrefix + base64.RawStdEncoding.EncodeToString(out)
}

// Errors of open.
var (
	// ErrGarbage: the line is no sealed line at all (torn, or not ours).
	ErrGarbage = errors.New("not a sealed line")
	// ErrOtherKey: the line is sealed, but not with this key (or not by
	// the device whose file it is in).
	ErrOtherKey = errors.New("sealed with another key")
)

// open reverses seal.
func (k Key) open(dev string, line []byte) ([]byte, error) {
	return newReader(k).open(dev, line)
}
