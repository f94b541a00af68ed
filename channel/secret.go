package channel

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// SecretFile is the name of the file in the state directory that holds the
// key of the answer tokens.
const SecretFile = "channel-secret"

const secretSize = 32

// signer makes the references and tokens of answers.
type signer struct{ key []byte }

// loadSecret reads the secret in dir, making it (32 random bytes, 0600)
// when there is none.
func loadSecret(dir string) (*signer, error) {
	path := filepath.Join(dir, SecretFile)
	key, err := readSecret(path)
	if errors.Is(err, fs.ErrNotExist) {
		if err := makeSecret(path); err != nil {
			return nil, err
		}
		key, err = readSecret(path)
	}
	if err != nil {
		return nil, err
	}
	return &signer{key: key}, nil
}

func readSecret(path string) ([]byte, error) {
	if err := CheckPrivateFile(path); err != nil {
		return nil, err
	}
	key, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(key) != secretSize {
		return nil, fmt.Errorf("%s is %d bytes long, want %d; remove it and bedtime makes a new one (answers to reminders already sent are then refused)", path, len(key), secretSize)
	}
	return key, nil
}

// makeSecret writes a new secret beside path and links it into place, so
// that a secret another process made meanwhile is kept.
func makeSecret(path string) error {
	key := make([]byte, secretSize)
	if _, err := rand.Read(key); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+SecretFile+".tmp*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return err
	}
	if _, err := f.Write(key); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Link(f.Name(), path); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("cannot create %s: %w", path, err)
	}
	return nil
}

func (s *signer) mac(parts ...string) string {
	h := hmac.New(sha256.New, s.key)
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

func instant(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// ref returns the opaque reference of an instant: it names neither the
// reminder nor the time.
func (s *signer) ref(reminder string, scheduled time.Time) string {
	return s.mac("ref", reminder, instant(scheduled))[:24]
}

// token returns the token an answer with action a for the instant must
// carry.
func (s *signer) token(reminder string, scheduled time.Time, a Action) string {
	return s.mac("answer", reminder, instant(scheduled), string(a))[:32]
}

// valid reports whether tok is the token of the answer.
func (s *signer) valid(reminder string, scheduled time.Time, a Action, tok string) bool {
	return hmac.Equal([]byte(s.token(reminder, scheduled, a)), []byte(tok))
}
