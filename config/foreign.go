package config

// The English texts of the errors of other packages that a schedule's
// error carries, so that they are translated like config's own: read back
// into a Message by match, checked byte for byte. A text none of them
// matches is shown as it is, in English (TestForeignErrorsAreRead and
// TestBadFilesIn find those that broken schedules meet).

// cronErrors are scheduler.ParseCron's errors.
var cronErrors = lazyPatterns(
	"empty cron expression (want five fields: minute hour day-of-month month day-of-week)",
	"%q: use the every field for intervals",
	"%q is not a valid cron expression",
	"%q is not a calendar cron expression",
	"%q can never be due: no month has that day",
	"%q is not five fields (want minute hour day-of-month month day-of-week, such as \"30 20 * * *\")",
	"%q: %s",
)

// cronDetails are robfig/cron's errors, and scheduler's own about the
// day-of-week field, as "%q: %s" of cronErrors carries them. A detail
// that quotes another error (a time zone error) keeps that
// part in English.
var cronDetails = lazyPatterns(
	"empty spec string",
	"provided bad location %s: %s",
	"parser does not accept descriptors: %s",
	"expected exactly %d fields, found %d: %s",
	"expected %d to %d fields, found %d: %s",
	"too many hyphens: %s",
	"too many slashes: %s",
	"beginning of range (%d) below minimum (%d): %s",
	"end of range (%d) above maximum (%d): %s",
	"beginning of range (%d) beyond end of range (%d): %s",
	"step of range should be a positive number: %s",
	"%q is not a number or a name (months jan-dec, weekdays sun-sat)", // scheduler's, for robfig's "failed to parse int"
	"negative number (%d) not allowed: %s",
	"unrecognized descriptor: %s",
)

// routineErrors are content.Routine.Validate's errors.
var routineErrors = lazyPatterns(
	"title is empty",
	"title %q spans more than one line",
	"has no steps",
	"step %d: text is empty",
	"step %d: text is %d characters, want at most %d",
	"step %d: hold %v, want between 0s and %v",
	"done text is %d characters, want at most %d",
)
