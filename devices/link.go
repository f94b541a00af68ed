package devices

import (
	"errors"
	"fmt"
	"os"
	"strings"
)

// Link is this device's connection to the folder, or why it works alone.
type Link struct {
	// Folder is the folder as this device sees it; nil when it works
	// alone.
	Folder *Folder
	// Self is this device's id ("" when it has none yet), Name its name.
	Self, Name string
	// Fingerprint names the key ("" without one).
	Fingerprint string
	// Alone says, for a person, why this device works alone; "" when it
	// is linked.
	Alone string
	// NoKey is set when Alone is the want of a sync key, and FolderError
	// when it is the folder that cannot be used (its error, as Alone
	// quotes it): the parts of Alone for a caller that says it in the
	// person's language.
	NoKey       bool
	FolderError string
}

// Connect links this device (state directory stateDir, name name: empty
// means the host name) to the synced folder. It never fails: without a
// key, an id or a usable folder the Link says why the device works alone,
// and the device goes on as if sync were off.
func Connect(stateDir, folder, name string, o Options) *Link {
	l := &Link{Name: name}
	if l.Name == "" {
		l.Name, _ = os.Hostname()
	}
	key, err := LoadKey(stateDir)
	if errors.Is(err, ErrNoKey) {
		l.Alone = "no sync key on this computer: run `bedtime sync join KEY` with the key `bedtime sync init` printed on your first computer (or `bedtime sync init` here if this is the first)"
		l.NoKey = true
		return l
	}
	if err != nil {
		l.Alone = err.Error()
		return l
	}
	l.Fingerprint = key.Fingerprint()
	if l.Self, err = LoadID(stateDir, true); err != nil {
		l.Alone = err.Error()
		return l
	}
	f, err := Open(folder, l.Self, key, o)
	if err != nil {
		l.FolderError = strings.TrimPrefix(err.Error(), "devices: ")
		l.Alone = l.FolderError + " (not synced or not mounted yet?); this computer works alone until it is there"
		return l
	}
	l.Folder = f
	return l
}

// Label is how a device is named to a person: its name (escaped where it
// is not printable, see printable: it is another computer's word) and the
// start of its id.
func Label(d Device) string {
	if d.Presence.Name != "" {
		return fmt.Sprintf("%s (%s)", printable(d.Presence.Name), d.ID[:6])
	}
	return d.ID[:6]
}
