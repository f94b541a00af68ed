package daemon

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/bedtime-app/bedtime/safefs"
)

// watch calls the function of a file when the file changes. It watches
// directories, not files, so that editors which save by writing a new file
// and renaming it over the old one (vim, VS Code, sed -i) are seen; bursts
// of events for one file are folded into one call.
//
// A file that is a symbolic link (a schedule kept in a dotfiles repository)
// is followed: the directory of every link in the chain and of the final
// target are watched, so an edit of the target and a change of the link
// are both seen, and the chain is resolved again after each change. The
// parent of each such directory is watched too, so a directory removed and
// made again (or made for the first time) is noticed: its files' functions
// are called and the watch moves to the new directory. A directory that
// does not exist is stood in for by its nearest existing ancestor.
func (d *daemon) watch(ctx context.Context, files map[string]func()) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	fw := &fileWatch{w: w, files: map[string]func(){}, chains: map[string][]string{}, dirs: map[string]bool{}}
	for path, fn := range files {
		abs, err := filepath.Abs(path)
		if err != nil {
			w.Close()
			return err
		}
		fw.files[abs] = fn
	}
	if err := fw.update(); err != nil {
		w.Close()
		return err
	}
	d.bg.Add(1)
	go func() {
		defer d.bg.Done()
		defer w.Close()
		quiet := newDebouncer(d.o.Debounce, len(fw.files))
		defer quiet.stop()
		for {
			select {
			case <-ctx.Done():
				return
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				for _, path := range fw.affected(filepath.Clean(ev.Name)) {
					quiet.event(path)
				}
			case path := <-quiet.fire:
				quiet.took(path)
				// Links may point elsewhere now and directories may be
				// back: watch what is there before reading it.
				if err := fw.update(); err != nil {
					d.log.Warn("file watch error", "err", err)
				}
				fw.files[path]()
			case err, ok := <-w.Errors:
				if !ok {
					return
				}
				d.log.Warn("file watch error", "err", err)
			}
		}
	}()
	return nil
}

// fileWatch is the state of watch: the files, their chains of links, and
// the directories watched for them.
type fileWatch struct {
	w      *fsnotify.Watcher
	files  map[string]func()   // by absolute path
	chains map[string][]string // file -> itself, the links it goes through, its target
	dirs   map[string]bool     // directories watched
}

// update resolves every file's links again and watches the directories
// they need, dropping those no longer needed.
func (fw *fileWatch) update() error {
	want := map[string]bool{} // directory -> its watch is needed (not only a parent's)
	for path := range fw.files {
		chain, _ := safefs.Links(path) // a loop: watch what was resolved
		fw.chains[path] = chain
		for _, p := range chain {
			dir := filepath.Dir(p)
			if parent := existing(filepath.Dir(dir)); !want[parent] {
				want[parent] = false
			}
			want[existing(dir)] = true
		}
	}
	var errs []error
	for dir, needed := range want {
		if fw.dirs[dir] {
			continue
		}
		if err := fw.w.Add(dir); err != nil {
			// Gone again: the next event says where. A parent that may
			// not be read (/home 0711) only costs noticing its child
			// removed, which the child's own watch mostly sees.
			if needed && !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
			}
			continue
		}
		fw.dirs[dir] = true
	}
	for dir := range fw.dirs {
		if _, ok := want[dir]; !ok {
			fw.w.Remove(dir) // an error means the directory is gone, and its watch with it
			delete(fw.dirs, dir)
		}
	}
	return errors.Join(errs...)
}

// affected returns the files that an event about name may have changed:
// those whose chain has name, or has name as an ancestor directory (a
// directory removed, renamed or made).
func (fw *fileWatch) affected(name string) []string {
	var out []string
	for path, chain := range fw.chains {
		for _, p := range chain {
			if p == name || strings.HasPrefix(p, name+string(filepath.Separator)) {
				out = append(out, path)
				break
			}
		}
	}
	return out
}

// existing returns dir, or its nearest ancestor that exists.
func existing(dir string) string {
	for {
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return dir
		}
		dir = parent
	}
}

// debouncer folds a burst of events for a path into one: the path is sent
// on fire once its events have been quiet for the debounce. A path whose
// call is still waiting to be received is not sent twice, so fire, which
// has room for every path, never drops another path's call while the
// receiver is busy; the receiver says it took a path with took.
type debouncer struct {
	d      time.Duration
	timers map[string]*time.Timer
	fire   chan string

	mu      sync.Mutex
	waiting map[string]bool // sent on fire, not yet taken
}

func newDebouncer(d time.Duration, paths int) *debouncer {
	return &debouncer{d: d, timers: map[string]*time.Timer{}, fire: make(chan string, max(paths, 1)), waiting: map[string]bool{}}
}

// took says the receiver took path from fire: its next quiet time sends
// it again.
func (q *debouncer) took(path string) {
	q.mu.Lock()
	delete(q.waiting, path)
	q.mu.Unlock()
}

// event is an event for path: its quiet time starts again.
func (q *debouncer) event(path string) {
	if t := q.timers[path]; t != nil {
		t.Stop()
	}
	q.timers[path] = time.AfterFunc(q.d, func() {
		q.mu.Lock()
		defer q.mu.Unlock()
		if q.waiting[path] {
			return // its call is still to be taken, and covers this event
		}
		select {
		case q.fire <- path:
			q.waiting[path] = true
		default: // more paths than fire has room for: not the watcher's
		}
	})
}

// stop stops the waiting timers.
func (q *debouncer) stop() {
	for _, t := range q.timers {
		t.Stop()
	}
}
