// Package diary keeps the morning cramp diary: for each night, whether
// there were leg cramps, how many, how bad (0-10), how much they disturbed
// sleep (0-10), which leg, and a note.
//
// Its invariants:
//   - A night is named by the date it began (Night). From noon to noon the
//     hours belong to one night: a cramp at 03:00 on the 7th belongs to the
//     night of the 6th (NightOf).
//   - What is said is never changed or lost: every answer (a button of the
//     morning question, `bedtime diary`, a cramp recorded as it happens) is
//     one Entry appended as one JSON line to diary.jsonl in the state
//     directory, private (0600), under a lock of its own, through safefs.
//     A correction is a later entry; Fold merges a night's entries field by
//     field in the order they were said, so the latest answer for each
//     field wins and the history keeps what was said and when. Entries from
//     several devices merge the same way: the union of their lines, ordered
//     by when they were said.
//   - A night nobody answered for is Unknown, never "no cramps".
//   - Validate refuses, with a message naming the field and value, a night
//     in the future or more than a year back, a count, severity or sleep
//     outside its range, an unknown leg, a note that is too long or holds
//     control characters, and answers that contradict each other (no cramps
//     but a severity). Read skips a torn or garbled line (a writer killed
//     mid-line) and any entry that fails the checks that do not depend on
//     the clock, with a warning: another program's bytes are hostile.
package diary
