package config

import (
	"strings"
	"unicode"

	"github.com/goccy/go-yaml/ast"
)

// Sync is the schedule's sync: section: the folder a sync tool keeps the
// same on the person's computers, through which they share one record
// (package devices).
type Sync struct {
	// Folder is the folder's absolute path, ~ expanded.
	Folder string
	// Name is this computer's name as the others show it; empty means the
	// host name.
	Name string
}

var (
	syncKeys = []string{"folder", "name"}
)

// sync reads the top-level sync: map.
func (p *parser) sync(n, key ast.Node, s *Schedule) {
	c := ctx{field: "sync"}
	if n == nil {
		p.errAt(key, c, "is empty (want folder: ~/Sync/bedtime, or leave sync out to work alone)")
		return
	}
	if _, ok := p.resolve(n).(*ast.MappingNode); !ok {
		if _, ok := p.resolve(n).(*ast.MappingValueNode); !ok {
			p.errAt(n, c, "got %s, want a map such as {folder: ~/Sync/bedtime}", describe(p.resolve(n)))
			return
		}
	}
	pairs, ok := p.mapping(n, c)
	if !ok {
		return
	}
	var out Sync
	var folderNode ast.Node
	for _, kv := range p.keys(pairs, syncKeys, c) {
		c := ctx{field: "sync." + kv.key}
		switch kv.key {
		case "folder":
			folderNode = kv.keyNode
			if kv.value == nil {
				p.errAt(kv.keyNode, c, "is empty (want the synced folder's path, such as ~/Sync/bedtime)")
				continue
			}
			if v, ok := p.str(kv.valueNode, c, msg("a folder's path, such as ~/Sync/bedtime")); ok {
				out.Folder = p.tokenPathWant(kv.valueNode, c, v, "~/Sync/bedtime")
			}
		case "name":
			if kv.value == nil {
				p.errAt(kv.keyNode, c, "is empty (want this computer's name, such as work-laptop, or leave name out for the host name)")
				continue
			}
			if v, ok := p.str(kv.valueNode, c, msg("a name such as work-laptop")); ok {
				if !isSyncName(v) {
					p.errAt(kv.valueNode, c, "%q is not a name (want up to 40 letters, digits, spaces, dots, dashes, such as work-laptop)", v)
					continue
				}
				out.Name = strings.TrimSpace(v)
			}
		}
	}
	if folderNode == nil {
		p.errAt(n, c, "has no folder: (want the synced folder's path, such as ~/Sync/bedtime)")
		return
	}
	if out.Folder != "" {
		s.Sync = &out
	}
}

// isSyncName reports whether s is a device's name: short, printable, one
// line. It starts with a letter or a digit, goes on with letters, digits,
// spaces, dots, underscores, apostrophes and dashes, and is 1 to 40
// characters long (the pattern ^[\p{L}\p{N}][\p{L}\p{N} ._'-]{0,39}$,
// checked by hand: compiling its Unicode classes cost 1.6 MB of heap).
func isSyncName(s string) bool {
	n := 0
	for _, r := range s {
		n++
		if n > 40 {
			return false
		}
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			continue
		}
		if n == 1 || !strings.ContainsRune(" ._'-", r) {
			return false
		}
	}
	return n > 0
}
