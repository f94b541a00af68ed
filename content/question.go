package content

// CrampQuestion is the text of the morning question of the cramp diary,
// whose buttons (CrampAnswers) answer it.
func CrampQuestion() Text {
	return Text{
		Title: "Leg cramps last night?",
		Body:  "One tap for your cramp diary. Add details any time with bedtime diary.",
	}
}

// CrampAnswer is one button of the morning question: Key is what the
// diary records (none, some, bad), Label what the button says.
type CrampAnswer struct{ Key, Label string }

// CrampAnswers are the morning question's buttons, in order.
func CrampAnswers() []CrampAnswer {
	return []CrampAnswer{{"none", "None"}, {"some", "Some"}, {"bad", "Bad"}}
}
