package locale

// messages are the catalog's messages, keyed by their English text. Add a
// message here, then its translation to de.go, fr.go and es.go; the tests
// fail until every shipped language has it with the same placeholders.
var messages = []entry{
	// Notification buttons.
	{Key: "Done"},
	{Key: "Snooze"},
	{Key: "Start"},
	{Key: "Stop"},

	// The morning question of the cramp diary (content.CrampQuestion)
	// and its buttons.
	{Key: "Leg cramps last night?"},
	{Key: "One tap for your cramp diary. Add details any time with bedtime diary."},
	{Key: "None"},
	{Key: "Some"},
	{Key: "Bad"},
}
