package devices

import (
	"context"
	"os"
	"path/filepath"

	"github.com/fsnotify/fsnotify"
)

// Watch watches the folder (the devices directory and each device's
// directory, new ones as they appear) and sends on the returned channel
// when something in it changed; several changes before the receiver
// reads are one send. It uses the system's file events (fsnotify), so an
// idle folder costs no wakeup. It stops when ctx ends. The channel's
// receiver calls Scan, which reads only what is new.
func (f *Folder) Watch(ctx context.Context) (<-chan struct{}, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(f.root, devicesDir)
	if err := w.Add(dir); err != nil {
		w.Close()
		return nil, err
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
	c := make(chan struct{}, 1)
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
	return c, nil
}

// WaitFolder waits until the directory folder exists (a synced folder the
// sync tool has not made yet, a network share not mounted yet), watching
// the nearest directory above it that exists with the system's file
// events: no polling. It returns ctx's error when ctx ends first.
func WaitFolder(ctx context.Context, folder string) error {
	for {
		if fi, err := os.Stat(folder); err == nil && fi.IsDir() {
			return nil
		}
		w, err := fsnotify.NewWatcher()
		if err != nil {
			return err
		}
		dir := filepath.Dir(filepath.Clean(folder))
		for {
			if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
				break
			}
			up := filepath.Dir(dir)
			if up == dir {
				break
			}
			dir = up
		}
		if err := w.Add(dir); err != nil {
			w.Close()
			return err
		}
		// It may have come between the first look and the watch.
		if fi, err := os.Stat(folder); err == nil && fi.IsDir() {
			w.Close()
			return nil
		}
		select {
		case <-ctx.Done():
			w.Close()
			return ctx.Err()
		case <-w.Events:
		case <-w.Errors:
		}
		w.Close()
	}
}
