package daemon

import (
	"slices"
	"strings"

	"github.com/bedtime-app/bedtime/config"
	"github.com/bedtime-app/bedtime/locale"
)

// The daemon's problems about notifications, as the state keeps them
// (state.ProblemNotifications): in English, stable, and JSON for
// programs; ProblemIn puts them in a person's language where they are
// shown (`bedtime status`). Each is one of these frames with one of
// problemReasons.
const (
	cannotShowProblem = "reminders cannot be shown: %s"
	heldProblem       = "reminders are held: %s"
)

// noScheduleProblem is the daemon's problem when it started with the
// schedule file broken (state.ProblemNoSchedule): it has no schedule to
// keep. A catalog key.
const noScheduleProblem = "no reminders: bedtime started while the schedule file had errors, and takes it up once it is fixed"

// partialScheduleProblem is its problem (state.ProblemPartialSchedule)
// when it started with the schedule file broken and runs the file's
// reminders that have no error. A catalog key.
const partialScheduleProblem = "only the reminders without errors: bedtime started while the schedule file had errors, and takes all of it up once it is fixed"

// problemReasons are the reasons the problems give: notShownReason's and
// the notify package's reasons for holding a message (all catalog keys).
var problemReasons = []string{
	reasonNoBus, reasonNoServer, reasonNoAnswer, "do not disturb",
	"no session bus", "no notification server", "the notification server did not answer",
	"the session bus cannot be reached", "the notification server refused it",
}

// Reasons notShownReason gives.
const (
	reasonNoBus    = "no session bus (only the log has it)"
	reasonNoServer = "no notification server (only the log has it)"
	reasonNoAnswer = "no notification server answered (only the log has it)"
)

// ProblemIn returns text, one of the daemon's problems in the state, in
// l's language; a text it does not know (the schedule's errors, which
// quote the file) is returned as it is.
func ProblemIn(l *locale.Locale, text string) string {
	if text == noScheduleProblem || text == partialScheduleProblem {
		return l.Sprintf(text)
	}
	for _, frame := range []string{cannotShowProblem, heldProblem} {
		why, ok := strings.CutPrefix(text, strings.TrimSuffix(frame, "%s"))
		if ok && slices.Contains(problemReasons, why) {
			return l.Sprintf(frame, l.Sprintf(why))
		}
	}
	return text
}

// ScheduleProblemIn returns text, a problem in the state, in l's language
// when it is the daemon's problem about the schedule file es are the
// errors of (its first error, and how many more, in English as the state
// keeps it); any other text is returned as it is. es are the file's errors
// as the caller read it now: a problem about an older version of the file
// stays English.
func ScheduleProblemIn(l *locale.Locale, text string, es config.Errors) string {
	if len(es) == 0 {
		return text
	}
	if more := len(es) - 1; more == 0 {
		if text == es[0].Error() {
			return es[0].In(l)
		}
	} else if text == locale.English.Sprintf("%s (and %d more)", es[0].Error(), more) {
		return l.Sprintf("%s (and %d more)", es[0].In(l), more)
	}
	return text
}
