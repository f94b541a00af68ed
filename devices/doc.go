// Package devices lets one person's computers (devices) share their
// record through a folder that a sync tool the person already uses
// (Syncthing, Nextcloud, Dropbox, a network share) keeps the same on each.
// There is no server of bedtime's own.
//
// Its invariants:
//   - A device has a random id (LoadID), made once and kept in the state
//     directory, so two computers with one host name stay two devices.
//   - Each device writes only files of its own, under devices/<id>/ in the
//     folder: events-YYYY-MM.jsonl, appended one sealed line per history
//     event (Append, Publish), and presence.b1, one sealed line rewritten
//     atomically (WritePresence). No two devices write one file, so no
//     sync tool ever has a conflict to make.
//   - Everything written there is sealed with the Key the devices share
//     (XChaCha20-Poly1305, a random 24-byte nonce per line, the writer's
//     device id as additional data), kept in the state directory (0600),
//     never in the folder. XChaCha20-Poly1305 rather than age: a line is
//     sealed on its own, so a file can be appended to and read from an
//     offset, at 40 bytes a line (age seals whole files and costs a
//     header per file); the random nonce is large enough to need no
//     counter shared between runs; and one shared symmetric key is all
//     the trust there is (each of the person's devices may write).
//   - The others' files are hostile input (Scan): a sync tool's temporary
//     or conflict file, an entry that is no device, a link, a torn,
//     garbled, too long line, one sealed with another key or copied from
//     another device's file, a file past MaxFile, a clock that is ahead,
//     another computer using this device's id, a folder anyone may write
//     to: none is an error or a crash, each is a Problem reported once.
//     Every read is bounded (MaxFile, MaxLine, MaxPresence), and a Folder
//     remembers how far it read each file, so nothing is read twice.
//   - Merging is idempotent: an event read twice (a file replaced by a
//     sync tool and read again) changes nothing, because what is merged
//     is keyed by reminder and scheduled instant (state.Instants).
//   - Watch, Keep and WaitFolder use the system's file events: an idle
//     device costs no wakeup. A share mounted makes none: a wait for the
//     folder also looks again when a reminder is due (Sharing.Elect).
//
// On top of the folder: Merge joins the devices' histories into the
// person's one record (status, stats, report; Months lists the others'
// monthly files and their sizes, which the synced streak checkpoint of
// stats is checked against), and MergeDiary their cramp
// diaries (PublishDiary copies this device's) into the person's one diary; Keep runs beside the daemon,
// publishing this device's history, skips and presence and reading the
// others'; Follow makes this device's state follow a Done, pause, resume,
// skip or snooze made on another, through the same state changes as the command
// line; Peers elects the one device that shows a reminder (the person's
// latest input, else the smallest id; never one not heard from within
// HeardWithin) and the one that sends to the phone, and says whether
// another device showed or answered an instant, which the daemon waits
// ShowWithin for before it shows one held "elsewhere". Share is the
// running daemon's part: it runs Keep and Follow for the folder the
// schedule names, follows the schedule as it changes (Sharing.Follow) and
// the key when it is replaced (Sharing.Rekey), and is the daemon's elector (Live: the Peers of the folder shared,
// alone while none is).
package devices
