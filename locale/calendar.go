package locale

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"
)

// calendar is how a locale writes dates and times: a small excerpt of
// CLDR's data for the shipped languages.
type calendar struct {
	weekdays   [7]string // full names, indexed by time.Weekday
	short      [7]string // abbreviated
	months     [12]string
	shortMonth [12]string
	monthFirst bool // dates say the month before the day (US)
	hour12     bool
	weekStart  time.Weekday
	longDate   func(wd, day, month string) string // e.g. "Montag, 7. Dezember"
	am, pm     string
}

var calendars = map[string]calendar{
	"en": {
		weekdays: [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
		short:    [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
		months: [12]string{"January", "February", "March", "April", "May", "June", "July",
			"August", "September", "October", "November", "December"},
		shortMonth: [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		am:         "AM", pm: "PM",
	},
	"de": {
		weekdays: [7]string{"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"},
		short:    [7]string{"So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"},
		months: [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
			"August", "September", "Oktober", "November", "Dezember"},
		shortMonth: [12]string{"Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."},
		longDate:   func(wd, day, month string) string { return wd + ", " + day + ". " + month },
	},
	"fr": {
		weekdays: [7]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"},
		short:    [7]string{"dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."},
		months: [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
			"août", "septembre", "octobre", "novembre", "décembre"},
		shortMonth: [12]string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."},
		longDate:   func(wd, day, month string) string { return wd + " " + day + " " + month },
	},
	"es": {
		weekdays: [7]string{"domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"},
		short:    [7]string{"dom", "lun", "mar", "mié", "jue", "vie", "sáb"},
		months: [12]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
			"agosto", "septiembre", "octubre", "noviembre", "diciembre"},
		shortMonth: [12]string{"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"},
		longDate:   func(wd, day, month string) string { return wd + ", " + day + " de " + month },
		am:         "a.\u00a0m.", pm: "p.\u00a0m.",
	},
}

// Regions whose week starts on Sunday and regions that use a 12-hour
// clock (CLDR weekData and timeFormats, for the regions the shipped
// languages are most spoken in).
var (
	sundayRegions = []string{"US", "CA", "MX", "BR", "PH", "IN", "JP", "IL"}
	hour12Regions = []string{"US", "CA", "AU", "NZ", "IN", "PH"}
)

// calendarFor returns the calendar of tag speaking lang. English without
// a region is US English; every other English region not in the lists
// writes like en-GB (24-hour clock, Monday first). German, French and
// Spanish use a 24-hour clock and start the week on Monday, except in the
// regions listed above.
func calendarFor(tag language.Tag, lang string) calendar {
	base := lang
	if lang == Pseudo {
		base = "en"
	}
	c := calendars[base]
	region, conf := tag.Region()
	r := region.String()
	if conf != language.Exact {
		// No region written: German, French and Spanish are their home
		// country's. English without a region (C, POSIX, "en", nothing
		// set) is bedtime's neutral English: the 24-hour clock its
		// schedule file is written in, and the week from Monday, as
		// ISO 8601 has it.
		r = map[string]string{"en": "", "de": "DE", "fr": "FR", "es": "ES"}[base]
	}
	c.hour12 = slices.Contains(hour12Regions, r) && (base == "en" || r == "US")
	c.weekStart = time.Monday
	if slices.Contains(sundayRegions, r) {
		c.weekStart = time.Sunday
	}
	if c.longDate == nil {
		if r == "US" || r == "CA" || r == "PH" {
			c.monthFirst = true
			c.longDate = func(wd, day, month string) string { return wd + ", " + month + " " + day }
		} else {
			c.longDate = func(wd, day, month string) string { return wd + " " + day + " " + month }
		}
	}
	if c.am == "" {
		c.am, c.pm = "AM", "PM"
	}
	if lang == Pseudo {
		for i := range c.weekdays {
			c.weekdays[i] = pseudo(c.weekdays[i])
			c.short[i] = pseudo(c.short[i])
		}
		for i := range c.months {
			c.months[i] = pseudo(c.months[i])
			c.shortMonth[i] = pseudo(c.shortMonth[i])
		}
		c.am, c.pm = pseudo(c.am), pseudo(c.pm)
	}
	return c
}

// Weekday returns the full name of d, e.g. "Montag".
func (l *Locale) Weekday(d time.Weekday) string { return l.cal.weekdays[d] }

// WeekdayShort returns the abbreviated name of d, e.g. "Mo".
func (l *Locale) WeekdayShort(d time.Weekday) string { return l.cal.short[d] }

// Month returns the name of m, e.g. "Dezember".
func (l *Locale) Month(m time.Month) string { return l.cal.months[m-1] }

// MonthShort returns the abbreviated name of m, e.g. "Dez.".
func (l *Locale) MonthShort(m time.Month) string { return l.cal.shortMonth[m-1] }

// Stamp returns a short date and time of t in t's location, with the
// zone's abbreviation, for tables: "Mon 07 Dec 21:05 CET" in neutral and
// British English, "Mon Dec 7 9:05 PM EST" in US English, "Mo 07. Dez.
// 21:05 CET" in German; with the year in another year than the locale's
// now (see WithNow): "Wed 05 May 2038 07:40 CEST".
func (l *Locale) Stamp(t time.Time) string { return l.ShortDateTime(t) + " " + t.Format("MST") }

// ShortDateTime is Stamp without the zone: "Mon 07 Dec 21:05".
func (l *Locale) ShortDateTime(t time.Time) string { return l.ShortDate(t) + " " + l.Clock(t) }

// ShortDate returns the short date of t in t's location with its weekday:
// "Mon 07 Dec", "Mon Dec 7" in US English, "Mo 07. Dez." in German,
// "lun. 07 déc." in French, "lun 07 dic" in Spanish. A date in another
// year than the locale's now (see WithNow) carries its year: "Wed 05 May
// 2038", "Wed, May 5, 2038", "Mi 05. Mai 2038", "mer. 05 mai 2038", "mié
// 05 may 2038".
func (l *Locale) ShortDate(t time.Time) string { return l.shortDate(t, t.Format("02"), l.otherYear(t)) }

// ShortDateUnpadded is ShortDate with the day of the month as it is
// said: "Mon 7 Dec", "Mo 7. Dez."; "Wed 5 May 2038" in another year.
func (l *Locale) ShortDateUnpadded(t time.Time) string {
	return l.shortDate(t, strconv.Itoa(t.Day()), l.otherYear(t))
}

// otherYear reports whether t, in its location, falls in another year
// than the locale's now; never when the locale has no now.
func (l *Locale) otherYear(t time.Time) bool {
	return !l.now.IsZero() && l.now.In(t.Location()).Year() != t.Year()
}

// shortDate writes the short date of t with day as its day of the month,
// and the year when year is set, in the locale's convention (CLDR's
// MMMEd, and yMMMEd with the year).
func (l *Locale) shortDate(t time.Time, day string, year bool) string {
	wd, mon, y := l.WeekdayShort(t.Weekday()), l.MonthShort(t.Month()), ""
	if year {
		y = " " + strconv.Itoa(t.Year())
	}
	switch {
	case l.Lang == "de":
		return wd + " " + day + ". " + mon + y
	case l.cal.monthFirst && year:
		return wd + ", " + mon + " " + strconv.Itoa(t.Day()) + "," + y
	case l.cal.monthFirst:
		return wd + " " + mon + " " + strconv.Itoa(t.Day())
	default:
		return wd + " " + day + " " + mon + y
	}
}

// ShortDateYear returns the short date of t in t's location with its
// weekday and the year, whatever the year, as CLDR's yMMMEd writes it:
// "Mon 14 Sep 2026", "Mon, Sep 14, 2026" in US English, "Mo 14. Sept.
// 2026" in German.
func (l *Locale) ShortDateYear(t time.Time) string {
	return l.shortDate(t, strconv.Itoa(t.Day()), true)
}

// DayMonthYear returns the day, the month and the year of t in t's
// location without the weekday, as CLDR's yMMMd writes it: "14 Sep 2026",
// "Sep 14, 2026" in US English, "14. Sept. 2026" in German.
func (l *Locale) DayMonthYear(t time.Time) string {
	if l.cal.monthFirst {
		return l.MonthShort(t.Month()) + " " + strconv.Itoa(t.Day()) + ", " + strconv.Itoa(t.Year())
	}
	return strings.TrimPrefix(l.shortDate(t, strconv.Itoa(t.Day()), true), l.WeekdayShort(t.Weekday())+" ")
}

// WeekdayClock returns the short weekday and the time of day of t in t's
// location: "Fri 16:55", "Fr 16:55", "Fri 4:55 PM".
func (l *Locale) WeekdayClock(t time.Time) string {
	return l.WeekdayShort(t.Weekday()) + " " + l.Clock(t)
}

// Hour12 reports whether the locale writes times on a 12-hour clock.
func (l *Locale) Hour12() bool { return l.cal.hour12 }

// WeekStart returns the first day of the week: Monday or Sunday.
func (l *Locale) WeekStart() time.Weekday { return l.cal.weekStart }

// Weekdays returns the days of the week in the locale's order, from
// WeekStart.
func (l *Locale) Weekdays() []time.Weekday {
	out := make([]time.Weekday, 7)
	for i := range out {
		out[i] = (l.cal.weekStart + time.Weekday(i)) % 7
	}
	return out
}

// Clock returns the time of day of t in t's location: "21:30", or
// "9:30 PM" on a 12-hour clock (with a no-break space before the marker).
func (l *Locale) Clock(t time.Time) string {
	if !l.cal.hour12 {
		return t.Format("15:04")
	}
	mark := l.cal.am
	if t.Hour() >= 12 {
		mark = l.cal.pm
	}
	return t.Format("3:04") + "\u00a0" + mark
}

// Date returns the long date of t in t's location with its weekday, e.g.
// "Monday, December 7", "Monday 7 December", "Montag, 7. Dezember".
func (l *Locale) Date(t time.Time) string {
	return l.cal.longDate(l.Weekday(t.Weekday()), fmt.Sprint(t.Day()), l.Month(t.Month()))
}

// DateTime returns the long date and the time of day of t, e.g. "Montag,
// 7. Dezember, 21:30".
func (l *Locale) DateTime(t time.Time) string {
	return l.Sprintf("%[1]s, %[2]s", l.Date(t), l.Clock(t))
}
