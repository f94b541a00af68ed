package release

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"time"
)

// File is one file of an archive or package: its path inside it (slashes),
// its mode and its contents.
type File struct {
	Name string
	Mode int64
	Data []byte
}

// sorted returns files ordered by name, with every directory they need
// before them, so an archive always lists the same entries in the same
// order.
func sorted(files []File) ([]File, []string) {
	out := append([]File(nil), files...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	dirs := map[string]bool{}
	for _, f := range out {
		for d := path.Dir(f.Name); d != "." && d != "/"; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	var ds []string
	for d := range dirs {
		ds = append(ds, d)
	}
	sort.Strings(ds)
	return out, ds
}

// WriteTarGz writes files as a gzipped tar: directories first, then files,
// each in name order, every entry owned by root with mtime, and a gzip
// header without a name or a time.
func WriteTarGz(w io.Writer, files []File, mtime time.Time) error {
	gz, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	tw := tar.NewWriter(gz)
	sortedFiles, dirs := sorted(files)
	hdr := func(name string, mode int64, typ byte, size int64) *tar.Header {
		return &tar.Header{Name: name, Mode: mode, Typeflag: typ, Size: size, ModTime: mtime.UTC(),
			Uname: "root", Gname: "root", Format: tar.FormatPAX}
	}
	for _, d := range dirs {
		if err := tw.WriteHeader(hdr(d+"/", 0o755, tar.TypeDir, 0)); err != nil {
			return err
		}
	}
	for _, f := range sortedFiles {
		if err := tw.WriteHeader(hdr(f.Name, f.Mode, tar.TypeReg, int64(len(f.Data)))); err != nil {
			return err
		}
		if _, err := tw.Write(f.Data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return fmt.Errorf("cannot finish the tar: %w", err)
	}
	return gz.Close()
}

// WriteZip writes files as a zip, directories first, then files, each in
// name order with mtime.
func WriteZip(w io.Writer, files []File, mtime time.Time) error {
	zw := zip.NewWriter(w)
	sortedFiles, dirs := sorted(files)
	for _, d := range dirs {
		h := &zip.FileHeader{Name: d + "/", Method: zip.Store, Modified: mtime.UTC()}
		h.SetMode(fs.ModeDir | 0o755)
		if _, err := zw.CreateHeader(h); err != nil {
			return err
		}
	}
	for _, f := range sortedFiles {
		h := &zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: mtime.UTC()}
		h.SetMode(fs.FileMode(f.Mode))
		fw, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := fw.Write(f.Data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// Gzip returns data compressed as Debian wants man pages: best compression,
// no name and no time in the header.
func Gzip(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	gz, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := gz.Write(data); err != nil {
		return nil, err
	}
	if err := gz.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
