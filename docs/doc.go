// Package docs holds bedtime's user documentation: the pages under docs/
// that README.md links to, and the pictures they show.
//
// It has no code of its own. Its test reads README.md and every docs/*.md
// and fails on a relative link to a file that does not exist, on an anchor
// (#section) that no heading of the target page makes under GitHub's rules,
// and on a page the README does not link to.
package docs
