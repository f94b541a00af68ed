// Package content holds what bedtime says: reminder texts, tips and guided
// routines, as data embedded in the binary.
package content
