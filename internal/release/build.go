//go:build linux

package release

import (
	"archive/tar"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/bedtime-app/bedtime/service"
)

// Options say where a release comes from and goes.
type Options struct {
	// Repo is the git work tree to build HEAD of; it must be clean.
	Repo string
	// Out is the directory the release is written to; it is emptied first.
	Out string
	// BaseURL is where the release's files can be downloaded, for the
	// formula and the manifest; "" means the GitHub release of the tag
	// v<version>.
	BaseURL string
	// Go is the go command; "" means "go".
	Go string
	// Log gets one line per step; nil means none.
	Log io.Writer
}

// Commit is what a release is built from.
type Commit struct {
	Hash    string
	Time    time.Time // the commit's time: SOURCE_DATE_EPOCH
	Version string
}

func gitOutput(ctx context.Context, repo string, args ...string) (string, error) {
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", repo}, args...)...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("git %s: %s: %w", strings.Join(args, " "), strings.TrimSpace(stderr.String()), err)
	}
	return strings.TrimSpace(string(out)), nil
}

// HeadCommit reads the commit to build: HEAD of a clean work tree.
func HeadCommit(ctx context.Context, repo string) (Commit, error) {
	status, err := gitOutput(ctx, repo, "status", "--porcelain", "--untracked-files=normal")
	if err != nil {
		return Commit{}, err
	}
	if status != "" {
		return Commit{}, fmt.Errorf("the work tree has changes a release would not contain; commit or stash them first:\n%s", status)
	}
	hash, err := gitOutput(ctx, repo, "rev-parse", "HEAD")
	if err != nil {
		return Commit{}, err
	}
	ct, err := gitOutput(ctx, repo, "log", "-1", "--format=%ct", "HEAD")
	if err != nil {
		return Commit{}, err
	}
	epoch, err := strconv.ParseInt(ct, 10, 64)
	if err != nil {
		return Commit{}, fmt.Errorf("commit time %q: %w", ct, err)
	}
	// No tag is not an error: the version then starts at 0.0.0.
	describe, _ := gitOutput(ctx, repo, "describe", "--tags", "--match", "v[0-9]*.[0-9]*.[0-9]*", "HEAD")
	when := time.Unix(epoch, 0).UTC()
	v, err := Version(describe, hash, when)
	if err != nil {
		return Commit{}, err
	}
	return Commit{Hash: hash, Time: when, Version: v}, nil
}

// exportTree writes the files of commit, as git has them, into dir.
func exportTree(ctx context.Context, repo, commit, dir string) error {
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, "git", "-C", repo, "archive", "--format=tar", commit)
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	tr := tar.NewReader(out)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			_ = cmd.Wait()
			return fmt.Errorf("git archive: %w", err)
		}
		name := filepath.Join(dir, filepath.FromSlash(path.Clean(h.Name)))
		if !strings.HasPrefix(name, filepath.Clean(dir)+string(filepath.Separator)) {
			continue // the pax global header, or a path outside
		}
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(name, 0o755); err != nil {
				return err
			}
		case tar.TypeReg:
			if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
				return err
			}
			f, err := os.OpenFile(name, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, os.FileMode(h.Mode)&0o755|0o644)
			if err != nil {
				return err
			}
			_, cerr := io.Copy(f, tr)
			if err := f.Close(); cerr == nil {
				cerr = err
			}
			if cerr != nil {
				return cerr
			}
		case tar.TypeSymlink:
			if err := os.Symlink(h.Linkname, name); err != nil {
				return err
			}
		}
	}
	if err := cmd.Wait(); err != nil {
		return fmt.Errorf("git archive: %s: %w", strings.TrimSpace(stderr.String()), err)
	}
	return nil
}

// gcFlags are a program's compiler flags, as make release has them.
// bedtime-daemon waits nearly all its life, and is built without
// inlining: a 7% smaller program, whose start maps 0.8 MiB fewer pages
// and leaves 0.3 MiB less anonymous memory (bench/idle.sh); its work per
// reminder, about 1 ms and mostly a flushed write, does not notice.
var gcFlags = map[string]string{"./cmd/bedtime-daemon": "all=-l"}

// buildBinary builds the program pkg (./cmd/bedtime, ./cmd/bedtime-daemon)
// in src for t, reproducibly, and returns it. tags are build tags:
// "gendocs" adds bedtime's hidden gen-docs command, which the shipped
// binary leaves out (it is only run here, to make the man pages).
func buildBinary(ctx context.Context, goCmd, src, pkg string, c Commit, t Target, out string, tags ...string) ([]byte, error) {
	ldflags := fmt.Sprintf("-s -w -buildid= -X main.version=%s -X main.commit=%s", c.Version, c.Hash)
	if pkg == "./cmd/bedtime-daemon" && t.GOOS == "windows" {
		// A program without a console: the logon starts it, and a
		// console program would open a window that stays all session.
		ldflags += " -H=windowsgui"
	}
	args := []string{"build", "-trimpath", "-buildvcs=false", "-mod=readonly", "-ldflags", ldflags}
	if f := gcFlags[pkg]; f != "" {
		args = append(args, "-gcflags", f)
	}
	if len(tags) > 0 {
		args = append(args, "-tags", strings.Join(tags, ","))
	}
	cmd := exec.CommandContext(ctx, goCmd, append(args, "-o", out, pkg)...)
	cmd.Dir = src
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+t.GOOS, "GOARCH="+t.GOARCH,
		"GOFLAGS=", "SOURCE_DATE_EPOCH="+strconv.FormatInt(c.Time.Unix(), 10))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("go build %s for %s/%s: %s: %w", pkg, t.GOOS, t.GOARCH, strings.TrimSpace(stderr.String()), err)
	}
	return os.ReadFile(out)
}

// genDocs runs "bedtime gen-docs" with a binary built for this machine (with
// the gendocs tag) and
// returns the completions and the man pages, by file name.
func genDocs(ctx context.Context, bin, dir string, c Commit) (completions, man map[string][]byte, err error) {
	cmd := exec.CommandContext(ctx, bin, "gen-docs", dir)
	// The pages' date is the commit's month, in UTC; nothing of the
	// machine's user may get in.
	cmd.Env = []string{"SOURCE_DATE_EPOCH=" + strconv.FormatInt(c.Time.Unix(), 10), "TZ=UTC", "LC_ALL=C",
		"HOME=" + dir, "XDG_CONFIG_HOME=" + filepath.Join(dir, "config"), "XDG_STATE_HOME=" + filepath.Join(dir, "state"), "PATH=/usr/bin:/bin"}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, nil, fmt.Errorf("bedtime gen-docs: %s: %w", strings.TrimSpace(stderr.String()), err)
	}
	read := func(sub string) (map[string][]byte, error) {
		entries, err := os.ReadDir(filepath.Join(dir, sub))
		if err != nil {
			return nil, err
		}
		m := map[string][]byte{}
		for _, e := range entries {
			b, err := os.ReadFile(filepath.Join(dir, sub, e.Name()))
			if err != nil {
				return nil, err
			}
			m[e.Name()] = b
		}
		return m, nil
	}
	if completions, err = read("completions"); err != nil {
		return nil, nil, err
	}
	if man, err = read(filepath.Join("man", "man1")); err != nil {
		return nil, nil, err
	}
	return completions, man, nil
}

// exe is the file name of the program name ("bedtime", "bedtime-daemon")
// for t.
func exe(t Target, name string) string {
	if t.GOOS == "windows" {
		return name + ".exe"
	}
	return name
}

// archiveFiles lists what an archive for t holds under its top directory:
// bedtime and, beside it, the bedtime-daemon its service runs.
func archiveFiles(top string, t Target, bin, daemon []byte, completions, man map[string][]byte, readme, license []byte) []File {
	fs := []File{
		{top + "/" + exe(t, "bedtime"), 0o755, bin},
		{top + "/" + exe(t, "bedtime-daemon"), 0o755, daemon},
		{top + "/README.md", 0o644, readme},
		{top + "/LICENSE", 0o644, license},
	}
	for n, b := range completions {
		fs = append(fs, File{top + "/completions/" + n, 0o644, b})
	}
	for n, b := range man {
		fs = append(fs, File{top + "/man/man1/" + n, 0o644, b})
	}
	return fs
}

// Build builds the release of HEAD of opts.Repo into opts.Out and returns
// the names of the files it wrote.
func Build(ctx context.Context, opts Options) ([]string, error) {
	logf := func(format string, args ...any) {
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, format+"\n", args...)
		}
	}
	goCmd := opts.Go
	if goCmd == "" {
		goCmd = "go"
	}
	c, err := HeadCommit(ctx, opts.Repo)
	if err != nil {
		return nil, err
	}
	logf("dist: bedtime %s, commit %s, SOURCE_DATE_EPOCH=%d", c.Version, c.Hash, c.Time.Unix())
	work, err := os.MkdirTemp("", "bedtime-dist-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	src := filepath.Join(work, "src")
	if err := exportTree(ctx, opts.Repo, c.Hash, src); err != nil {
		return nil, err
	}
	readme, err := os.ReadFile(filepath.Join(src, "README.md"))
	if err != nil {
		return nil, err
	}
	license, err := os.ReadFile(filepath.Join(src, "LICENSE"))
	if err != nil {
		return nil, err
	}
	// Each platform's bedtime, and the bedtime-daemon its service runs.
	bins, daemons := map[Target][]byte{}, map[Target][]byte{}
	for _, t := range Targets {
		logf("dist: go build %s/%s", t.GOOS, t.GOARCH)
		for _, p := range []struct {
			name string
			into map[Target][]byte
		}{{"bedtime", bins}, {"bedtime-daemon", daemons}} {
			b, err := buildBinary(ctx, goCmd, src, "./cmd/"+p.name, c, t, filepath.Join(work, "bin", t.GOOS+"_"+t.GOARCH, exe(t, p.name)))
			if err != nil {
				return nil, err
			}
			p.into[t] = b
		}
	}
	// The man pages and completions come from a build for this machine
	// with the gen-docs command, which is not shipped.
	host := Target{runtime.GOOS, runtime.GOARCH}
	hostBin := filepath.Join(work, "gendocs", exe(host, "bedtime"))
	if _, err := buildBinary(ctx, goCmd, src, "./cmd/bedtime", c, host, hostBin, "gendocs"); err != nil {
		return nil, err
	}
	completions, man, err := genDocs(ctx, hostBin, filepath.Join(work, "docs"), c)
	if err != nil {
		return nil, err
	}
	unit, err := service.VendorUnit()
	if err != nil {
		return nil, err
	}
	asset := func(name string) []byte {
		b, _ := assets.ReadFile("assets/" + name)
		return b
	}

	out := map[string][]byte{}
	for _, t := range Targets {
		if t.GOOS != "linux" {
			continue
		}
		p := Payload{Binary: bins[t], Daemon: daemons[t], Unit: []byte(unit), Completions: completions, ManPages: man,
			Desktop: asset("bedtime.desktop"), Icon: asset("bedtime.svg"), Readme: readme, License: license, Copyright: asset("copyright")}
		for _, format := range Formats {
			logf("dist: %s package for %s", format, t.GOARCH)
			name, data, err := Package(format, t.GOARCH, c.Version, c.Hash, c.Time, p, filepath.Join(work, "pkg"))
			if err != nil {
				return nil, err
			}
			out[name] = data
		}
	}
	sums := map[string]string{}
	for _, t := range Targets {
		top := ArchiveDir(c.Version, t.GOOS, t.GOARCH)
		name := ArchiveName(c.Version, t.GOOS, t.GOARCH)
		var comp map[string][]byte = completions
		if t.GOOS != "windows" {
			comp = map[string][]byte{}
			for n, b := range completions {
				if n != "bedtime.ps1" {
					comp[n] = b
				}
			}
		}
		files := archiveFiles(top, t, bins[t], daemons[t], comp, man, readme, license)
		var buf bytes.Buffer
		if t.GOOS == "windows" {
			err = WriteZip(&buf, files, c.Time)
		} else {
			err = WriteTarGz(&buf, files, c.Time)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		out[name] = buf.Bytes()
	}
	for name, data := range out {
		sums[name] = Sum(data)
	}
	baseURL := opts.BaseURL
	if baseURL == "" {
		baseURL = homepage + "/releases/download/v" + c.Version
	}
	formula, err := Formula(c.Version, baseURL, sums)
	if err != nil {
		return nil, err
	}
	scoop, err := Scoop(c.Version, baseURL, sums)
	if err != nil {
		return nil, err
	}
	out["bedtime.rb"], out["bedtime.json"] = []byte(formula), scoop
	sums["bedtime.rb"], sums["bedtime.json"] = Sum(out["bedtime.rb"]), Sum(scoop)
	out["SHA256SUMS"] = SHA256SUMS(sums)

	if err := os.RemoveAll(opts.Out); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(opts.Out, 0o755); err != nil {
		return nil, err
	}
	names := make([]string, 0, len(out))
	for name, data := range out {
		if err := os.WriteFile(filepath.Join(opts.Out, name), data, 0o644); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	sort.Strings(names)
	return names, nil
}
