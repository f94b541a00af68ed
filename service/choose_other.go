//go:build !linux && !darwin && !windows

package service

import "context"

// choose returns the XDG autostart entry: the BSDs and the like have no
// per-user service manager, but their desktop sessions run autostart entries.
func choose(_ context.Context, opts Options) Manager {
	x, err := newXDGManager(opts)
	if err != nil {
		return Unsupported{Found: err.Error(), Opts: opts}
	}
	return x
}
