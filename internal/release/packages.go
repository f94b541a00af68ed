package release

import (
	"bytes"
	"embed"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/goreleaser/nfpm/v2"
	_ "github.com/goreleaser/nfpm/v2/arch" // registers "archlinux"
	_ "github.com/goreleaser/nfpm/v2/deb"  // registers "deb"
	"github.com/goreleaser/nfpm/v2/files"
	_ "github.com/goreleaser/nfpm/v2/rpm" // registers "rpm"
)

// assets are the files of the packages that are not generated: the menu
// entry, its icon and Debian's copyright file.
//
//go:embed assets
var assets embed.FS

// Formats are the nfpm packagers make dist uses.
var Formats = []string{"deb", "rpm", "archlinux"}

const (
	maintainer = "The bedtime authors <bedtime-app@users.noreply.github.com>"
	homepage   = "https://github.com/bedtime-app/bedtime"
	summary    = "reminders that prevent night leg cramps"
	longDesc   = `bedtime runs in the background as a per-user service, reads a schedule file
you edit by hand, and shows desktop notifications for the habits that help
prevent night leg cramps: a movement break every hour while sitting, water
through the day, magnesium in the evening (ask a doctor first, especially
with kidney problems) and the calf-stretch routine before bed.
Not medical advice.`
)

// recommends are the packages a working bedtime wants on each format, but
// does not need to install: a notification server (any desktop has one) and,
// on Debian, a session bus per user that the systemd user unit can reach.
var recommends = map[string][]string{
	"deb":       {"notification-daemon | notify-osd | dunst | mako-notifier | xfce4-notifyd", "dbus-user-session"},
	"rpm":       {"desktop-notification-daemon"},
	"archlinux": {"notification-daemon: shows the reminders (dunst, mako and desktops provide one)"},
}

// zshDir is where each distribution's zsh looks for completions of packages.
var zshDir = map[string]string{
	"deb":       "/usr/share/zsh/vendor-completions",
	"rpm":       "/usr/share/zsh/site-functions",
	"archlinux": "/usr/share/zsh/site-functions",
}

// Payload is what goes into every Linux package, for one architecture.
type Payload struct {
	Binary      []byte // bedtime
	Daemon      []byte // bedtime-daemon, which the unit runs
	Unit        []byte
	Completions map[string][]byte // bedtime.bash, _bedtime, bedtime.fish
	ManPages    map[string][]byte // bedtime.1, bedtime-next.1, ... (uncompressed)
	Desktop     []byte
	Icon        []byte // SVG
	Readme      []byte
	License     []byte
	Copyright   []byte // Debian's machine-readable copyright file
}

// packageFiles lists the package's files for format: path in the package,
// mode and contents.
func (p Payload) packageFiles(format string) ([]File, error) {
	fs := []File{
		{"/usr/bin/bedtime", 0o755, p.Binary},
		{"/usr/bin/bedtime-daemon", 0o755, p.Daemon},
		{"/usr/lib/systemd/user/bedtime.service", 0o644, p.Unit},
		{"/usr/share/bash-completion/completions/bedtime", 0o644, p.Completions["bedtime.bash"]},
		{zshDir[format] + "/_bedtime", 0o644, p.Completions["_bedtime"]},
		{"/usr/share/fish/vendor_completions.d/bedtime.fish", 0o644, p.Completions["bedtime.fish"]},
		{"/usr/share/applications/bedtime.desktop", 0o644, p.Desktop},
		{"/usr/share/icons/hicolor/scalable/apps/bedtime.svg", 0o644, p.Icon},
		{"/usr/share/doc/bedtime/README.md", 0o644, p.Readme},
		{"/usr/share/doc/bedtime/LICENSE", 0o644, p.License},
	}
	if format == "deb" {
		fs = append(fs, File{"/usr/share/doc/bedtime/copyright", 0o644, p.Copyright},
			File{"/usr/share/lintian/overrides/bedtime", 0o644, []byte(lintianOverrides)})
	}
	for name, page := range p.ManPages {
		gz, err := Gzip(page)
		if err != nil {
			return nil, err
		}
		fs = append(fs, File{"/usr/share/man/man1/" + name + ".gz", 0o644, gz})
	}
	for _, f := range fs {
		if len(f.Data) == 0 {
			return nil, fmt.Errorf("%s package: %s would be empty", format, f.Name)
		}
	}
	sortedFiles, _ := sorted(fs)
	return sortedFiles, nil
}

// lintianOverrides tells lintian what Debian itself already exempts: a Go
// binary is statically linked. Lintian spares the Go packages of Debian's
// archive this tag because their source package build-depends on golang-go;
// a package built without a source package cannot show it that.
const lintianOverrides = `# bedtime is a Go program: Go links statically, and Debian exempts Go binaries
# from this tag through their source package's Build-Depends on golang-go.
bedtime: statically-linked-binary [usr/bin/bedtime]
bedtime: statically-linked-binary [usr/bin/bedtime-daemon]
`

// changelog is the chglog file nfpm turns into the .deb's changelog.Debian.gz.
func changelog(version, commit string, mtime time.Time) string {
	return fmt.Sprintf(`- semver: %s-1
  date: %s
  packager: %s
  deb:
    urgency: medium
    distributions: [unstable]
  changes:
    - commit: %s
      note: Built from commit %s.
`, version, mtime.UTC().Format(time.RFC3339), maintainer, commit, commit)
}

// Package builds the package of format (deb, rpm, archlinux) for goarch
// (amd64, arm64) and returns its conventional file name and its bytes. work
// is a scratch directory: nfpm reads the files from disk.
func Package(format, goarch, version, commit string, mtime time.Time, p Payload, work string) (string, []byte, error) {
	pf, err := p.packageFiles(format)
	if err != nil {
		return "", nil, err
	}
	root := filepath.Join(work, format+"-"+goarch)
	if err := os.RemoveAll(root); err != nil {
		return "", nil, err
	}
	var contents files.Contents
	for _, f := range pf {
		src := filepath.Join(root, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(src), 0o755); err != nil {
			return "", nil, err
		}
		if err := os.WriteFile(src, f.Data, os.FileMode(f.Mode)); err != nil {
			return "", nil, err
		}
		contents = append(contents, &files.Content{Source: src, Destination: f.Name,
			FileInfo: &files.ContentFileInfo{Mode: os.FileMode(f.Mode), MTime: mtime.UTC(), Owner: "root", Group: "root"}})
	}
	chg := filepath.Join(work, "changelog-"+format+"-"+goarch+".yml")
	if err := os.WriteFile(chg, []byte(changelog(version, commit, mtime)), 0o644); err != nil {
		return "", nil, err
	}
	info := &nfpm.Info{
		Name:          "bedtime",
		Arch:          goarch,
		Platform:      "linux",
		Version:       version,
		VersionSchema: "none",
		Release:       "1",
		Section:       "utils",
		Priority:      "optional",
		Maintainer:    maintainer,
		Vendor:        "bedtime",
		Homepage:      homepage,
		License:       "MIT",
		Description:   summary + "\n" + longDesc,
		MTime:         mtime.UTC(),
		Overridables: nfpm.Overridables{
			Recommends: recommends[format],
			Contents:   contents,
		},
	}
	if format == "deb" {
		info.Changelog = chg
	}
	if format == "rpm" {
		info.Description = longDesc
		info.RPM.Summary = "Reminders that prevent night leg cramps"
		info.RPM.Group = "Applications/Productivity"
		info.RPM.BuildHost = "bedtime"
	}
	if format == "archlinux" {
		info.Description = "Reminders that prevent night leg cramps"
		info.ArchLinux.Packager = maintainer
	}
	info = nfpm.WithDefaults(info)
	if err := nfpm.PrepareForPackager(info, format); err != nil {
		return "", nil, fmt.Errorf("%s package: %w", format, err)
	}
	pkgr, err := nfpm.Get(format)
	if err != nil {
		return "", nil, err
	}
	var buf bytes.Buffer
	if err := pkgr.Package(info, &buf); err != nil {
		return "", nil, fmt.Errorf("%s package for %s: %w", format, goarch, err)
	}
	return pkgr.ConventionalFileName(info), buf.Bytes(), nil
}
