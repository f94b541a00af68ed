package devices

import (
	"context"
	"errors"
	"os"
	"path/filepath"

	"github.com/fsnotify/fsnotify"
)

// ErrFolderGone is Keep's error when the folder went away while it ran
// (deleted, moved, a share unmounted): the device works alone until it is
// back (WaitFolder), then links again.
var ErrFolderGone = errors.New("devices: the sync folder is gone")

// Watch watches the folder (the devices directory and each device's
// directory, new ones as they appear) and sends on the returned channel
// when something in it changed; several changes before the receiver
// reads are one send. It uses the system's file events (fsnotify), so an
// idle folder costs no wakeup. It stops when ctx ends. The channel's
// receiver calls Scan, which reads only what is new.
func (f *Folder) Watch(ctx context.Context) (<-chan struct{}, error) {
	changed, _, err := f.watch(ctx)
	return changed, err
}

// watch is Watch, with a second channel that is closed when the folder
// or its devices directory is deleted or moved away (the events of a
// watch on each itself: no polling). Then it stops watching.
func (f *Folder) watch(ctx context.Context) (changed, gone <-chan struct{}, err error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, nil, err
	}
	dir := filepath.Join(f.root, devicesDir)
	for _, d := range []string{f.root, dir} {
		if err := w.Add(d); err != nil {
			w.Close()
			return nil, nil, err
		}
	}
	add := func() {
		entries, _ := readDirNames(dir)
		for _, name := range entries {
			if ValidID(name) && name != f.self {
				w.Add(filepath.Join(dir, name)) // a link or a file is refused by inotify or read as nothing
			}
		}
	}
	add()
	c, g := make(chan struct{}, 1), make(chan struct{})
	go func() {
		defer w.Close()
		for {
			select {
			case <-ctx.Done():
				return
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				if (ev.Name == f.root || ev.Name == dir) && ev.Has(fsnotify.Remove|fsnotify.Rename) {
					close(g)
					return
				}
				if ev.Name == dir && ev.Has(fsnotify.Create) {
					continue // the devices directory made again: gone was said
				}
				if filepath.Dir(ev.Name) == dir && ev.Has(fsnotify.Create) {
					add()
				}
				select {
				case c <- struct{}{}:
				default:
				}
			case _, ok := <-w.Errors:
				if !ok {
					return
				}
			}
		}
	}()
	return c, g, nil
}

// WaitBack waits, as WaitFolder, until the folder that went away while
// Keep ran is back: its devices directory there again (a share's mount
// point left behind empty is not the folder back, and nothing is written
// into it).
func WaitBack(ctx context.Context, folder string) error {
	return WaitBackOr(ctx, folder, nil)
}

// WaitBackOr is WaitBack that also looks again each time look delivers.
func WaitBackOr(ctx context.Context, folder string, look <-chan struct{}) error {
	return WaitFolderOr(ctx, filepath.Join(folder, devicesDir), look)
}

// present reports whether the folder is there: its devices directory is
// a directory.
func (f *Folder) present() bool {
	fi, err := os.Stat(filepath.Join(f.root, devicesDir))
	return err == nil && fi.IsDir()
}

// WaitFolder waits until the directory folder exists (a synced folder the
// sync tool has not made yet, a network share not mounted yet), watching
// the nearest directory above it that exists with the system's file
// events: no polling. (A share mounted makes no file event: one mounted
// over the watched directory is seen when WaitFolderOr is told to look
// again.) It returns ctx's error when ctx ends first.
func WaitFolder(ctx context.Context, folder string) error {
	return WaitFolderOr(ctx, folder, nil)
}

// WaitFolderOr is WaitFolder that also looks again each time look
// delivers (the daemon, when a reminder is due: a network share mounted
// makes no file event).
func WaitFolderOr(ctx context.Context, folder string, look <-chan struct{}) error {
	for {
		if fi, err := os.Stat(folder); err == nil && fi.IsDir() {
			return nil
		}
		w, err := fsnotify.NewWatcher()
		if err != nil {
			return err
		}
		dir := nearestDir(folder)
		if err := w.Add(dir); err != nil {
			w.Close()
			return err
		}
		// It may have come between the first look and the watch; or a
		// directory on the way to it may have, whose events this watch
		// would never see: then watch that one.
		if fi, err := os.Stat(folder); err == nil && fi.IsDir() {
			w.Close()
			return nil
		}
		if nearestDir(folder) != dir {
			w.Close()
			continue
		}
		select {
		case <-ctx.Done():
			w.Close()
			return ctx.Err()
		case <-w.Events:
		case <-w.Errors:
		case <-look:
		}
		w.Close()
	}
}

// nearestDir returns the nearest directory above folder that exists.
func nearestDir(folder string) string {
	dir := filepath.Dir(filepath.Clean(folder))
	for {
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			return dir
		}
		dir = up
	}
}
