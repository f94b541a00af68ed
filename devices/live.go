package devices

import (
	"sync"
	"time"
)

// Live is the daemon's elector for as long as it runs: the Peers of the
// folder it shares now, which changes when the schedule's sync: section
// does, or none while it works alone. Alone, every firing is shown here
// and this computer sends to the phone, as without sync. It is safe for
// concurrent use.
type Live struct {
	mu    sync.Mutex
	peers *Peers
}

// Set makes p the Peers the election asks; nil means alone.
func (l *Live) Set(p *Peers) {
	l.mu.Lock()
	l.peers = p
	l.mu.Unlock()
}

func (l *Live) current() *Peers {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.peers
}

// Elect is Peers.Elect, or "" (this computer) alone.
func (l *Live) Elect(here string, input time.Time) string {
	if p := l.current(); p != nil {
		return p.Elect(here, input)
	}
	return ""
}

// Handled is Peers.Handled, or false alone.
func (l *Live) Handled(reminder string, scheduled, since time.Time) bool {
	if p := l.current(); p != nil {
		return p.Handled(reminder, scheduled, since)
	}
	return false
}

// SendsToPhone is Peers.SendsToPhone, or true alone.
func (l *Live) SendsToPhone() bool {
	if p := l.current(); p != nil {
		return p.SendsToPhone()
	}
	return true
}
