// Package zonetest fakes the system's time zone setting for tests: a
// symlink like /etc/localtime into a private zoneinfo tree, switched the
// way timedatectl does.
package zonetest

import (
	"archive/zip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Tzif returns the compiled zone file of name: the system's, or Go's own
// copy when the system has none.
func Tzif(t testing.TB, name string) []byte {
	t.Helper()
	if b, err := os.ReadFile(filepath.Join("/usr/share/zoneinfo", name)); err == nil {
		return b
	}
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	z, err := zip.OpenReader(filepath.Join(strings.TrimSpace(string(out)), "lib", "time", "zoneinfo.zip"))
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	f, err := z.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// File makes a symlink into a private zoneinfo tree, as
// /etc/localtime is, and returns its path and a function that points it at
// another zone the way `timedatectl set-timezone` does (a new link renamed
// over the old). It unsets TZ for the test.
func File(t testing.TB, zones ...string) (path string, set func(zone string)) {
	t.Helper()
	dir := t.TempDir()
	for _, z := range zones {
		p := filepath.Join(dir, "zoneinfo", z)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, Tzif(t, z), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := filepath.Join(dir, "etc", "localtime")
	os.MkdirAll(filepath.Dir(link), 0o755)
	tz, hadTZ := os.LookupEnv("TZ")
	os.Unsetenv("TZ")
	t.Cleanup(func() {
		if hadTZ {
			os.Setenv("TZ", tz)
		}
	})
	return link, func(zone string) {
		tmp := link + ".new"
		os.Remove(tmp)
		if err := os.Symlink(filepath.Join(dir, "zoneinfo", zone), tmp); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, link); err != nil {
			t.Fatal(err)
		}
	}
}
