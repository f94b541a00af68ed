package channel

import (
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/internal/testutil"
	"github.com/bedtime-app/bedtime/scheduler"
)

// TestOddOutboxOpens: whatever a person or another program left at
// outbox.json, Open starts (so the phone still gets its reminders) and
// keeps what it cannot use beside it. Before, a null entry crashed the
// daemon, and a directory there made Open fail: no channel was used until
// the person found out why.
func TestOddOutboxOpens(t *testing.T) {
	const pending = `{"reminder":"magnesium","scheduled":"2030-01-01T21:00:00Z","deadline":"2030-01-01T22:00:00Z","channel":"phone","message":{"title":"Magnesium"},"state":"pending"}`
	tests := []struct {
		name string
		// make puts something at path.
		make func(t *testing.T, path string)
		// entries is what d.String() lists after Open; aside, the
		// suffix of the file moved aside ("" for none).
		entries []string
		aside   string
	}{
		{name: "null entry", make: func(t *testing.T, path string) {
			write(t, path, `{"entries":[null,`+pending+`,null]}`)
		}, entries: []string{"magnesium 2030-01-01T21:00:00Z phone failed"}},
		{name: "only null", make: func(t *testing.T, path string) {
			write(t, path, `{"entries":null,"cursors":null}`)
		}},
		{name: "a directory", make: func(t *testing.T, path string) {
			if err := os.Mkdir(path, 0o700); err != nil {
				t.Fatal(err)
			}
		}, aside: ".unusable-"},
		{name: "a link", make: func(t *testing.T, path string) {
			elsewhere := filepath.Join(t.TempDir(), "outbox.json")
			write(t, elsewhere, `{"entries":[`+pending+`]}`)
			if err := os.Symlink(elsewhere, path); err != nil {
				t.Fatal(err)
			}
		}, aside: ".unusable-"},
		{name: "does not parse", make: func(t *testing.T, path string) {
			write(t, path, `{"entries":[`)
		}, aside: ".corrupt-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, OutboxFile)
			tt.make(t, path)
			log := &testutil.LogBuffer{}
			d, err := Open(Options{Dir: dir, Logger: log.Logger(slog.LevelDebug),
				Clock: scheduler.NewFakeClock(time.Date(2030, 1, 1, 20, 0, 0, 0, time.UTC))})
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			defer d.Close()
			var got []string
			for l := range strings.Lines(d.String()) {
				got = append(got, strings.TrimSuffix(l, " attempts=0\n"))
			}
			if strings.Join(got, "|") != strings.Join(tt.entries, "|") {
				t.Errorf("entries = %q, want %q", got, tt.entries)
			}
			asides, _ := filepath.Glob(path + ".*-*")
			switch {
			case tt.aside == "" && len(asides) > 0:
				t.Errorf("moved aside: %v", asides)
			case tt.aside != "" && (len(asides) != 1 || !strings.Contains(asides[0], tt.aside)):
				t.Errorf("moved aside: %v, want one %s file\nlog:\n%s", asides, tt.aside, log)
			}
			if err := d.Send("magnesium", time.Date(2030, 1, 1, 20, 0, 0, 0, time.UTC), time.Time{}, msg, nil); err != nil {
				t.Fatal(err)
			}
			if fi, err := os.Lstat(path); err == nil && !fi.Mode().IsRegular() {
				t.Errorf("outbox.json is still %s", fi.Mode())
			}
		})
	}
}

// TestCorruptOutboxTwiceInASecond: a second outbox that does not parse,
// moved aside in the same second as the first, does not replace it.
func TestCorruptOutboxTwiceInASecond(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, OutboxFile)
	clock := scheduler.NewFakeClock(time.Date(2030, 1, 1, 20, 0, 0, 0, time.UTC))
	for _, junk := range []string{"first junk", "second junk"} {
		write(t, path, junk)
		d, err := Open(Options{Dir: dir, Logger: slog.New(slog.DiscardHandler), Clock: clock})
		if err != nil {
			t.Fatal(err)
		}
		d.Close()
	}
	asides, _ := filepath.Glob(path + ".corrupt-*")
	var kept []string
	for _, a := range asides {
		b, err := os.ReadFile(a)
		if err != nil {
			t.Fatal(err)
		}
		kept = append(kept, string(b))
	}
	if strings.Join(kept, "|") != "first junk|second junk" {
		t.Errorf("kept %q, want both", kept)
	}
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o600); err != nil {
		t.Fatal(err)
	}
}
