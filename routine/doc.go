// Package routine plays a guided routine (the calf stretch, the morning
// stretch): each step printed with a countdown and shown as a desktop
// notification that replaces the one before and stays for the step's hold,
// on the scheduler's clock, so tests play a routine in no time.
package routine
