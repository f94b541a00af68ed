// Package safefs opens, reads and writes bedtime's own files so that
// another user, or an unlucky file at the wrong path, cannot turn them
// against the user.
//
// Its invariants:
//   - A file is only ever read or written when it is a regular file: every
//     open is non-blocking and followed by fstat, so a named pipe or a device
//     at a schedule or state path gives an error at once, never a hang.
//   - OpenPrivate never follows a symbolic link (O_NOFOLLOW): a link planted
//     in the state directory is refused, never written through.
//   - WriteAtomic writes a new temporary file (O_CREATE|O_EXCL|O_NOFOLLOW,
//     0600) beside its target, flushes it and renames it over the target,
//     so readers see the old file or the new one and a link at the target is
//     replaced, not followed.
//   - PrivateDir accepts a directory only when it is a real directory (not a
//     link) owned by the user; one that is the user's but open to others is
//     made 0700, anything else is refused with its path, owner and mode.
//
// On Windows, where access is decided by ACLs, PrivateDir only requires a
// real directory and O_NOFOLLOW and O_NONBLOCK do not exist.
package safefs
