package release

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/internal/testutil"
)

var when = time.Date(2026, 12, 7, 2, 30, 0, 0, time.FixedZone("CET", 3600))

func TestVersion(t *testing.T) {
	const hash = "9ed1169aaaabbbbccccddddeeeeffff000011112"
	tests := []struct {
		describe, want, err string
	}{
		{"", "0.0.0.git20261207.9ed1169", ""},
		{"v1.2.3", "1.2.3", ""},
		{"v1.2.3-4-g9ed1169", "1.2.3.git20261207.9ed1169", ""},
		{"v10.20.30-123-gabcdef0", "10.20.30.git20261207.9ed1169", ""},
		{"1.2.3", "", "not vX.Y.Z"},
		{"v1.2", "", "not vX.Y.Z"},
		{"v1.2.3-rc1", "", "not vX.Y.Z"},
	}
	for _, tt := range tests {
		got, err := Version(tt.describe, hash, when)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("Version(%q) = %q, %v; want an error with %q", tt.describe, got, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("Version(%q) = %q, %v; want %q", tt.describe, got, err, tt.want)
		}
	}
	if _, err := Version("", "abc", when); err == nil {
		t.Error("Version with a 3-character commit gave no error")
	}
}

var sampleFiles = []File{
	{"top/bedtime", 0o755, []byte("binary")},
	{"top/man/man1/bedtime.1", 0o644, []byte("man")},
	{"top/README.md", 0o644, []byte("readme")},
	{"top/completions/_bedtime", 0o644, []byte("zsh")},
}

// reversed is sampleFiles in another order, which must not matter.
func reversed() []File {
	r := make([]File, len(sampleFiles))
	for i, f := range sampleFiles {
		r[len(r)-1-i] = f
	}
	return r
}

func TestTarGzIsReproducible(t *testing.T) {
	var a, b bytes.Buffer
	if err := WriteTarGz(&a, sampleFiles, when); err != nil {
		t.Fatal(err)
	}
	if err := WriteTarGz(&b, reversed(), when.Add(0)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two tarballs of the same files differ")
	}
	gz, err := gzip.NewReader(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if !gz.ModTime.IsZero() || gz.Name != "" {
		t.Errorf("gzip header has time %v, name %q; want neither", gz.ModTime, gz.Name)
	}
	tr := tar.NewReader(gz)
	var names []string
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, h.Name)
		if !h.ModTime.Equal(when) || h.Uid != 0 || h.Gid != 0 || h.Uname != "root" {
			t.Errorf("%s: mtime %v uid %d gid %d uname %q; want %v, root", h.Name, h.ModTime, h.Uid, h.Gid, h.Uname, when)
		}
		if h.Name == "top/bedtime" && h.Mode != 0o755 {
			t.Errorf("top/bedtime mode %o, want 755", h.Mode)
		}
	}
	want := "top/ top/completions/ top/man/ top/man/man1/ top/README.md top/bedtime top/completions/_bedtime top/man/man1/bedtime.1"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("entries %s\nwant    %s", got, want)
	}
}

func TestZipIsReproducible(t *testing.T) {
	var a, b bytes.Buffer
	if err := WriteZip(&a, sampleFiles, when); err != nil {
		t.Fatal(err)
	}
	if err := WriteZip(&b, reversed(), when); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two zips of the same files differ")
	}
	zr, err := zip.NewReader(bytes.NewReader(a.Bytes()), int64(a.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if !f.Modified.Equal(when) {
			t.Errorf("%s: modified %v, want %v", f.Name, f.Modified, when)
		}
	}
	if len(zr.File) != 8 {
		t.Errorf("%d entries, want 8 (4 directories, 4 files)", len(zr.File))
	}
}

func testSums() map[string]string {
	sums := map[string]string{}
	for _, tg := range Targets {
		name := ArchiveName("1.2.3", tg.GOOS, tg.GOARCH)
		sums[name] = Sum([]byte(name))
	}
	return sums
}

func TestManifests(t *testing.T) {
	const base = "https://example.com/v1.2.3"
	f, err := Formula("1.2.3", base, testSums())
	if err != nil {
		t.Fatal(err)
	}
	testutil.Golden(t, "bedtime.rb", []byte(f))
	s, err := Scoop("1.2.3", base, testSums())
	if err != nil {
		t.Fatal(err)
	}
	testutil.Golden(t, "bedtime.json", s)
	var m map[string]any
	if err := json.Unmarshal(s, &m); err != nil {
		t.Fatalf("the Scoop manifest is not JSON: %v", err)
	}
	testutil.Golden(t, "SHA256SUMS", SHA256SUMS(testSums()))
	if _, err := Formula("1.2.3", base, map[string]string{}); err == nil {
		t.Error("Formula without the sums gave no error")
	}
	if _, err := Scoop("1.2.3", base, map[string]string{}); err == nil {
		t.Error("Scoop without the sums gave no error")
	}
}

func TestPackageFiles(t *testing.T) {
	p := Payload{Binary: []byte("b"), Daemon: []byte("d"), Unit: []byte("u"), Completions: map[string][]byte{"bedtime.bash": []byte("x"), "_bedtime": []byte("x"), "bedtime.fish": []byte("x")},
		ManPages: map[string][]byte{"bedtime.1": []byte("x")}, Desktop: []byte("d"), Icon: []byte("i"), Readme: []byte("r"), License: []byte("l"), Copyright: []byte("c")}
	for _, format := range Formats {
		fs, err := p.packageFiles(format)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, f := range fs {
			names = append(names, f.Name)
		}
		testutil.Golden(t, format+".files", []byte(strings.Join(names, "\n")+"\n"))
	}
	p.Icon = nil
	if _, err := p.packageFiles("deb"); err == nil || !strings.Contains(err.Error(), "bedtime.svg would be empty") {
		t.Errorf("a payload without its icon: %v, want an error naming it", err)
	}
	p.Icon, p.Daemon = []byte("i"), nil
	if _, err := p.packageFiles("deb"); err == nil || !strings.Contains(err.Error(), "/usr/bin/bedtime-daemon would be empty") {
		t.Errorf("a payload without bedtime-daemon: %v, want an error naming it", err)
	}
	if !strings.Contains(lintianOverrides, "[usr/bin/bedtime-daemon]") {
		t.Error("lintian is not told that bedtime-daemon is a Go program too")
	}
}

// TestArchiveFiles: every archive holds bedtime-daemon beside bedtime,
// which the service it installs runs.
func TestArchiveFiles(t *testing.T) {
	for _, tt := range []struct {
		goos string
		want []string
	}{
		{"linux", []string{"top/bedtime", "top/bedtime-daemon"}},
		{"darwin", []string{"top/bedtime", "top/bedtime-daemon"}},
		{"windows", []string{"top/bedtime.exe", "top/bedtime-daemon.exe"}},
	} {
		files := archiveFiles("top", Target{tt.goos, "amd64"}, []byte("b"), []byte("d"), nil, nil, []byte("r"), []byte("l"))
		var got []string
		for _, f := range files {
			if strings.HasPrefix(path.Base(f.Name), "bedtime") {
				got = append(got, f.Name)
				if f.Mode != 0o755 {
					t.Errorf("%s: mode %o, want 755", f.Name, f.Mode)
				}
			}
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%s archive: programs %q, want %q", tt.goos, got, tt.want)
		}
	}
}

// TestDesktopEntryValidates runs freedesktop's own validator
// (desktop-file-validate, package desktop-file-utils) on the menu entry the
// packages install.
func TestDesktopEntryValidates(t *testing.T) {
	validator, err := exec.LookPath("desktop-file-validate")
	if err != nil {
		t.Fatal("desktop-file-validate is missing: install desktop-file-utils (make test-deps does)")
	}
	entry, err := assets.ReadFile("assets/bedtime.desktop")
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string][]byte{"bedtime.desktop": entry, "broken.desktop": []byte("[Desktop Entry]\nName=x\n")} {
		p := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(p, text, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(validator, p).CombinedOutput()
		if valid := err == nil && len(bytes.TrimSpace(out)) == 0; valid != (name == "bedtime.desktop") {
			t.Errorf("desktop-file-validate %s: valid = %v, output %q", name, valid, out)
		}
	}
}
