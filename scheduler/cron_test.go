package scheduler

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// TestCronDayFields checks the day fields against cronie's rules: a day
// field that starts with "*" leaves the day unrestricted, so both fields
// must match; two restricted fields match either; 7 is Sunday.
func TestCronDayFields(t *testing.T) {
	tests := []struct {
		spec string
		want string // the first firings from 2027-01-01 00:00 UTC
	}{
		// "*/2" starts with "*": Mondays that are odd days of the month.
		{"0 0 */2 * mon", "Mon 2027-01-11, Mon 2027-01-25, Mon 2027-02-01, Mon 2027-02-15"},
		{"0 0 * * 7", "Sun 2027-01-03, Sun 2027-01-10, Sun 2027-01-17, Sun 2027-01-24"},
		{"0 0 * * 5-7", "Sat 2027-01-02, Sun 2027-01-03, Fri 2027-01-08, Sat 2027-01-09"},
		{"0 0 * * fri-sun", "Sat 2027-01-02, Sun 2027-01-03, Fri 2027-01-08, Sat 2027-01-09"},
		{"0 0 * * 5-0", "Sat 2027-01-02, Sun 2027-01-03, Fri 2027-01-08, Sat 2027-01-09"},
		{"0 0 * * 1-7/2", "Sun 2027-01-03, Mon 2027-01-04, Wed 2027-01-06, Fri 2027-01-08"},
		{"0 0 * * 0,7", "Sun 2027-01-03, Sun 2027-01-10, Sun 2027-01-17, Sun 2027-01-24"},
		{"CRON_TZ=UTC 0 0 * * 7", "Sun 2027-01-03, Sun 2027-01-10, Sun 2027-01-17, Sun 2027-01-24"},
		{"0 0 * * */7", "Sun 2027-01-03, Sun 2027-01-10, Sun 2027-01-17, Sun 2027-01-24"},
		{"0 0 * * 6/2", "Sat 2027-01-02, Sat 2027-01-09, Sat 2027-01-16, Sat 2027-01-23"},
		{"0 0 * * 7/3", "Sun 2027-01-03, Sun 2027-01-10, Sun 2027-01-17, Sun 2027-01-24"},
		// Both restricted: the 13th or a Friday.
		{"0 0 13 * fri", "Fri 2027-01-08, Wed 2027-01-13, Fri 2027-01-15, Fri 2027-01-22"},
		// "*/7" starts with "*": the 13th when it is a Sunday.
		{"0 0 13 * */7", "Sun 2027-06-13, Sun 2028-02-13, Sun 2028-08-13, Sun 2029-05-13"},
		// A list that starts with "*" is unrestricted; one that only
		// contains it is not, and matches every day.
		{"0 0 *,13 * fri", "Fri 2027-01-08, Fri 2027-01-15, Fri 2027-01-22, Fri 2027-01-29"},
		{"0 0 13,* * fri", "Sat 2027-01-02, Sun 2027-01-03, Mon 2027-01-04, Tue 2027-01-05"},
		{"0 0 ? * 1", "Mon 2027-01-04, Mon 2027-01-11, Mon 2027-01-18, Mon 2027-01-25"},
		{"@weekly", "Sun 2027-01-03, Sun 2027-01-10, Sun 2027-01-17, Sun 2027-01-24"},
		{"@monthly", "Mon 2027-02-01, Mon 2027-03-01, Thu 2027-04-01, Sat 2027-05-01"},
		// Decades apart: 29 February on a Sunday (2100 is no leap year).
		{"0 0 29 2 */7", "Sun 2032-02-29, Sun 2060-02-29, Sun 2088-02-29, Sun 2128-02-29"},
	}
	for _, tt := range tests {
		t.Run(tt.spec, func(t *testing.T) {
			c, err := ParseCron(tt.spec, time.UTC)
			if err != nil {
				t.Fatal(err)
			}
			cur := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
			var got []string
			for range 4 {
				cur = c.Next(cur)
				got = append(got, cur.Format("Mon 2006-01-02"))
			}
			if g := strings.Join(got, ", "); g != tt.want {
				t.Fatalf("Next = %s\nwant   %s", g, tt.want)
			}
		})
	}
}

func TestCronDayFieldErrors(t *testing.T) {
	tests := []struct{ spec, want string }{
		{"0 0 * * 8", `"0 0 * * 8": end of range (8) above maximum (7): 8`},
		{"0 0 * * 1-8", `"0 0 * * 1-8": end of range (8) above maximum (7): 1-8`},
		{"0 0 * * 7-3", `"0 0 * * 7-3": beginning of range (7) beyond end of range (3): 7-3`},
		{"0 0 * * mon-sun/2", `"0 0 * * mon-sun/2": beginning of range (1) beyond end of range (0): mon-sun/2`},
		{"0 0 * * mo", `"0 0 * * mo": "mo" is not a number or a name (months jan-dec, weekdays sun-sat)`},
		{"55 9-16 * * mon-fry", `"55 9-16 * * mon-fry": "fry" is not a number or a name (months jan-dec, weekdays sun-sat)`},
		{"*/x * * * *", `"*/x * * * *": "x" is not a number or a name (months jan-dec, weekdays sun-sat)`},
		{"0 0 */2 2 */3,30", `"0 0 */2 2 */3,30": end of range (30) above maximum (7): 30`},
		{"0 0 30 2 */2", `"0 0 30 2 */2" can never be due: no month has that day`},
	}
	for _, tt := range tests {
		t.Run(tt.spec, func(t *testing.T) {
			_, err := ParseCron(tt.spec, time.UTC)
			if err == nil || err.Error() != tt.want {
				t.Fatalf("ParseCron(%q) error = %v, want %s", tt.spec, err, tt.want)
			}
		})
	}
}

// slowCron is the straightforward reading of a Cron: every wall time of
// every matching day, resolved one by one by resolveSlow, searched day by
// day. The fast
// Next and Prev must agree with it.
type slowCron struct{ c *Cron }

func (s slowCron) location() *time.Location { return s.c.Location }

func (s slowCron) on(dt date) []time.Time {
	c := s.c
	if c.month&(1<<dt.m) == 0 {
		return nil
	}
	dom, dow := c.dom&(1<<dt.d) != 0, c.dow&(1<<dt.weekday()) != 0
	if c.both && !(dom && dow) || !c.both && !(dom || dow) {
		return nil
	}
	var out []time.Time
	for h := 0; h < 24; h++ {
		for m := 0; m < 60; m++ {
			if c.hour&(1<<h) != 0 && c.minute&(1<<m) != 0 {
				out = append(out, resolveSlow(dt, h, m, c.Location))
			}
		}
	}
	return sortUnique(out)
}

// TestCronMatchesSlow compares Next and Prev with slowCron for random
// expressions at random instants, many of them near daylight-saving jumps,
// in zones that jump by an hour, by half an hour, and not at all.
func TestCronMatchesSlow(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 7))
	zones := []string{"America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kolkata", "UTC"}
	// Instants of the 2026 jumps, to look closely around.
	var jumps []time.Time
	for _, z := range zones {
		loc := mustLoad(t, z)
		for u := time.Date(2026, 1, 1, 0, 0, 0, 0, loc); u.Year() < 2027; {
			_, end := u.ZoneBounds()
			if end.IsZero() || end.Year() > 2026 {
				break
			}
			jumps = append(jumps, end)
			u = end
		}
	}
	checked := 0
	for i := 0; i < 150; i++ {
		e := randomCron(rng)
		loc := mustLoad(t, zones[rng.IntN(len(zones))])
		c, err := ParseCron(e.cron, loc)
		if err != nil {
			continue // can never be due
		}
		slow := slowCron{c}
		for j := 0; j < 10; j++ {
			var at time.Time
			if j%2 == 0 && len(jumps) > 0 {
				at = jumps[rng.IntN(len(jumps))].Add(time.Duration(rng.Int64N(int64(6*time.Hour))) - 3*time.Hour)
			} else {
				at = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(rng.Int64N(int64(366 * 24 * time.Hour))))
			}
			at = at.Add(time.Duration(rng.IntN(3)-1) * time.Duration(rng.Int64N(int64(time.Minute))))
			want := nextOf(slow, at)
			if got := c.Next(at); !got.Equal(want) && !want.IsZero() {
				t.Fatalf("%q in %s: Next(%s) = %s, want %s", e.cron, loc, wall(at.In(loc)), wall(got), wall(want))
			}
			want = prevOf(slow, at)
			if got := c.Prev(at); !got.Equal(want) && !want.IsZero() {
				t.Fatalf("%q in %s: Prev(%s) = %s, want %s", e.cron, loc, wall(at.In(loc)), wall(got), wall(want))
			}
			checked++
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d instants checked", checked)
	}
}

// randomExpr is a random cron expression and its meaning written for
// systemd.time(7) calendar events (see oracle_test.go).
type randomExpr struct {
	cron string
	// systemd holds one calendar event when the day fields are ANDed,
	// two when they are ORed (a firing of either is a firing).
	systemd []string
}

// A field's bounds and names, as cron reads them.
type fieldSpec struct {
	min, max int
	names    []string // names[i] is value min+i
}

var (
	minuteField = fieldSpec{0, 59, nil}
	hourField   = fieldSpec{0, 23, nil}
	domField    = fieldSpec{1, 31, nil}
	monthField  = fieldSpec{1, 12, []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}}
	dowField    = fieldSpec{0, 7, []string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}}
	systemdDays = []string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
)

// randomField returns a cron field, its systemd form (for the day of the
// week: the days it names) and whether it starts with "*".
func randomField(rng *rand.Rand, f fieldSpec, dense bool) (cronText, systemdText string, days [7]bool, star bool) {
	if rng.IntN(4) == 0 || dense && rng.IntN(2) == 0 {
		cronText, systemdText = "*", "*"
		if f.max == 7 {
			days = [7]bool{true, true, true, true, true, true, true}
		}
		if rng.IntN(3) == 0 {
			s := 1 + rng.IntN(f.max-f.min+1)
			cronText = fmt.Sprintf("*/%d", s)
			systemdText = repeat(f, f.min, s)
			days = [7]bool{}
			for v := f.min; v <= f.max; v += s {
				days[v%7] = true
			}
		}
		return cronText, systemdText, days, true
	}
	name := func(v int) string {
		if v-f.min < len(f.names) && rng.IntN(2) == 0 {
			n := f.names[v-f.min]
			if rng.IntN(3) == 0 {
				n = strings.ToUpper(n[:1]) + n[1:]
			}
			return n
		}
		return fmt.Sprint(v)
	}
	var cronElems, sysElems []string
	mark := func(lo, hi, step int) {
		for v := lo; v <= hi; v += step {
			days[v%7] = true
		}
	}
	for n := 1 + rng.IntN(3); n > 0; n-- {
		lo := f.min + rng.IntN(f.max-f.min+1)
		hi := lo + rng.IntN(f.max-lo+1)
		step := 1 + rng.IntN(max(1, (hi-lo)/2+1))
		switch k := rng.IntN(5); {
		case k == 0 && f.max == 7 && lo > 0 && lo < 7:
			// "fri-sun": a range that ends on Sunday written as 0
			cronElems = append(cronElems, name(lo)+"-"+[]string{"0", "sun", "Sun"}[rng.IntN(3)])
			mark(lo, 7, 1)
		case k <= 1:
			cronElems = append(cronElems, name(lo))
			sysElems = append(sysElems, fmt.Sprint(lo))
			mark(lo, lo, 1)
		case k == 2:
			cronElems = append(cronElems, name(lo)+"-"+name(hi))
			sysElems = append(sysElems, fmt.Sprintf("%d..%d", lo, hi))
			mark(lo, hi, 1)
		case k == 3:
			cronElems = append(cronElems, fmt.Sprintf("%s-%s/%d", name(lo), name(hi), step))
			sysElems = append(sysElems, fmt.Sprintf("%d..%d/%d", lo, hi, step))
			mark(lo, hi, step)
		default:
			// "N/step", robfig/cron's short form of "N-max/step"
			cronElems = append(cronElems, fmt.Sprintf("%s/%d", name(lo), step))
			sysElems = append(sysElems, repeat(f, lo, step))
			mark(lo, f.max, step)
		}
	}
	return strings.Join(cronElems, ","), strings.Join(sysElems, ","), days, false
}

// repeat writes cron's "start/step" (from start to the field's maximum)
// for systemd as "start..max/step": systemd 252 also has "start/step", but
// it skips the start value when the next larger field rolls over (from
// 23:58, "*:0/7" next fires at 00:07, not 00:00).
func repeat(f fieldSpec, start, step int) string {
	return fmt.Sprintf("%d..%d/%d", start, f.max, step)
}

func randomCron(rng *rand.Rand) randomExpr {
	if rng.IntN(40) == 0 {
		d := []randomExpr{
			{"@yearly", []string{"*-01-01 00:00:00"}},
			{"@annually", []string{"*-01-01 00:00:00"}},
			{"@monthly", []string{"*-*-01 00:00:00"}},
			{"@weekly", []string{"Sun *-*-* 00:00:00"}},
			{"@daily", []string{"*-*-* 00:00:00"}},
			{"@midnight", []string{"*-*-* 00:00:00"}},
			{"@hourly", []string{"*-*-* *:00:00"}},
		}
		return d[rng.IntN(len(d))]
	}
	dense := rng.IntN(2) == 0 // mostly "*" in the day fields
	mi, smi, _, _ := randomField(rng, minuteField, false)
	h, sh, _, _ := randomField(rng, hourField, false)
	dom, sdom, _, domStar := randomField(rng, domField, dense)
	mo, smo, _, _ := randomField(rng, monthField, dense)
	dow, _, days, dowStar := randomField(rng, dowField, dense)
	var weekdays []string
	for _, d := range []int{1, 2, 3, 4, 5, 6, 0} { // systemd lists Monday first
		if days[d] {
			weekdays = append(weekdays, systemdDays[d])
		}
	}
	wd := strings.Join(weekdays, ",") + " "
	if rng.IntN(25) == 0 {
		// A day no month in the field has: never due when ANDed.
		dom, sdom, domStar = "30-31", "30..31", false
		mo, smo = "feb", "2"
		if rng.IntN(2) == 0 {
			dom, sdom, mo, smo = "31", "31", "4,jun,9", "4,6,9"
		}
	}
	e := randomExpr{cron: strings.Join([]string{mi, h, dom, mo, dow}, " ")}
	if domStar || dowStar {
		e.systemd = []string{fmt.Sprintf("%s*-%s-%s %s:%s:00", wd, smo, sdom, sh, smi)}
	} else {
		e.systemd = []string{
			fmt.Sprintf("*-%s-%s %s:%s:00", smo, sdom, sh, smi),
			fmt.Sprintf("%s*-%s-* %s:%s:00", wd, smo, sh, smi),
		}
	}
	return e
}

// TestResolveFastPath compares resolve with resolveSlow at random wall
// times, many of them within hours of a change of offset, in zones with
// odd histories too.
func TestResolveFastPath(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 14))
	for _, z := range []string{"America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kolkata",
		"Pacific/Apia", "Europe/Dublin", "America/Sao_Paulo", "Antarctica/Troll", "UTC"} {
		loc := mustLoad(t, z)
		for i := 0; i < 3000; i++ {
			at := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(rng.Int64N(int64(45 * 365 * 24 * time.Hour))))
			if i%2 == 0 {
				// near the next change of offset
				if _, end := at.In(loc).ZoneBounds(); !end.IsZero() {
					at = end.Add(time.Duration(rng.Int64N(int64(150*time.Hour))) - 75*time.Hour)
				}
			}
			w := wallMinute(at.In(loc))
			if i%4 == 0 {
				// read with the offset of hours before: a wall time the
				// change skips or repeats
				_, o := at.Add(-3 * time.Hour).In(loc).Zone()
				w = wallMinute(at.In(time.FixedZone("before", o)))
			}
			dt := date{w.y, time.Month(w.m), w.d}
			if got, want := resolve(dt, w.h, w.mi, loc), resolveSlow(dt, w.h, w.mi, loc); !got.Equal(want) {
				t.Fatalf("%s %v %02d:%02d: resolve = %s, resolveSlow = %s", z, dt, w.h, w.mi, wall(got), wall(want))
			}
		}
	}
}
