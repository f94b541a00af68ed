// Package gendocs writes the shell completions and man pages of a cobra
// command tree. It runs at build time only (`make docs`, the release
// builder): the man pages need cobra/doc, which links a Markdown engine
// (blackfriday) whose package initialisation the daemon would otherwise
// pay for in resident memory on every start. cmd/bedtime reaches it only
// from a file built with the gendocs tag (gendocs.go there), so the
// product binary links none of it.
package gendocs
