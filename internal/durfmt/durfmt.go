// Package durfmt formats a duration the way a person writes it in the
// schedule file: 2h, 1h30m, 45s, 500ms. It is bedtime's one duration
// formatter, for error messages, the schedule's own specs and presence's
// status lines alike; it imports nothing of bedtime's, so any package may
// use it.
package durfmt

import (
	"strings"
	"time"
)

// Format formats d as time.Duration.String does, without the zero units
// at its end: 2h rather than 2h0m0s, 1h30m rather than 1h30m0s.
func Format(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
