//go:build !linux

package presence

import (
	"context"
	"runtime"
)

// otherSelector is the selector of systems without a presence source yet:
// always here.
type otherSelector struct{}

func newSelector(Options) selector { return otherSelector{} }

func (otherSelector) choose(context.Context, Options, sink) selection {
	return selection{report: Report{Idle: SourceNone, Tried: []Attempt{
		{Source: "presence", Role: "idle", Why: "not detected on " + runtime.GOOS + " yet"},
	}}}
}

func (otherSelector) watch(func()) {}

func (otherSelector) close() error { return nil }
