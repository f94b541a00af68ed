package config

import (
	"cmp"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// backupSuffix matches what Backup appends to the file name:
// ".2026-11-25T220300.bak", or ".2026-11-25T220300-2.bak" for a second
// backup within the same second.
var backupSuffix = lazyRE(`^\.(\d{4}-\d\d-\d\dT\d{6})(?:-(\d+))?\.bak$`)

// PruneBackups removes all but the newest keep backups of path that Backup
// made, by the time and number in their names. Other files are never
// touched, nor is made, the backup just made (its path, or ""): its name
// is the local time, which can be older than the names before it (a zone
// to the west, the hour that comes again when summer time ends), and the
// person was told where it is.
func PruneBackups(path string, keep int, made string) error {
	dir, base := filepath.Split(path)
	entries, err := os.ReadDir(filepath.Clean(dir + "."))
	if err != nil {
		return err
	}
	type backup struct {
		name, stamp string
		n           int
	}
	var baks []backup
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), base)
		m := backupSuffix().FindStringSubmatch(rest)
		if !ok || m == nil || !e.Type().IsRegular() {
			continue
		}
		if made != "" && e.Name() == filepath.Base(made) {
			keep-- // kept, and counted among those kept
			continue
		}
		n := 1
		if m[2] != "" {
			n, _ = strconv.Atoi(m[2])
		}
		baks = append(baks, backup{e.Name(), m[1], n})
	}
	if keep = max(keep, 0); len(baks) <= keep {
		return nil
	}
	slices.SortFunc(baks, func(a, b backup) int {
		return cmp.Or(strings.Compare(a.stamp, b.stamp), cmp.Compare(a.n, b.n))
	})
	var errs []error
	for _, b := range baks[:len(baks)-keep] {
		if err := os.Remove(filepath.Join(dir, b.name)); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
