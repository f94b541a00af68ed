package channel

// What the tests in package channel_test (the Dispatcher with a real ntfy
// channel, which this package's own tests cannot import) look at inside.

// Instant is how the outbox, and String, write an instant.
var Instant = instant

// Kept returns what d keeps in memory: the outbox's entries, its reply
// cursors and that of channel, and how many kinds of ignored replies it
// limits the logging of.
func (d *Dispatcher) Kept(channel string) (entries, cursors int, cursor string, quiets int) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.box.Entries), len(d.box.Cursors), d.box.Cursors[channel], len(d.quiet)
}
