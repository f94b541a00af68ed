//go:build !linux

package daemon

import "runtime/debug"

// trimMemory returns the heap garbage of a start or a reload to the
// system, so that the daemon rests small.
func trimMemory() { debug.FreeOSMemory() }
