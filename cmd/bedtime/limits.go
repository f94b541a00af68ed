package main

// Bounds of the numeric flags: far beyond any real use, and small enough
// that what they ask for fits in memory (stats --days 10000000 and next
// -n 100000000 ran out of it; stats --days 9223372036854775807 panicked).
const (
	maxStatsDays = 3660 // ten years
	maxNextCount = 10000
)
