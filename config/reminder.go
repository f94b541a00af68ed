package config

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/goccy/go-yaml/ast"

	"github.com/bedtime-app/bedtime/content"
	"github.com/bedtime-app/bedtime/internal/durfmt"
	"github.com/bedtime-app/bedtime/scheduler"
)

// presenceKeys reads when_away, when_busy, stay and sound into r.
func (p *parser) presenceKeys(r *Reminder, get map[string]kv) {
	name := r.Name
	r.WhenAway = WhenAwayHold
	if name == "movement" {
		r.WhenAway = WhenAwaySkip
	}
	empty := func(key string, want Message) { // an empty value is an error, and then left out
		if kv, ok := get[key]; ok && kv.value == nil {
			p.errAt(kv.keyNode, ctx{name, key}, "is empty (want %s)", want)
			delete(get, key)
		}
	}
	empty("when_away", msg("hold, skip, show or phone"))
	empty("when_busy", msg("hold or show"))
	empty("stay", msg("true, false or a duration such as 2m"))
	empty("sound", msg("true, false or a sound name such as bell"))
	// title: #1 pill is a key with a comment to YAML: left out, the
	// built-in title would be used without a word.
	empty("title", msg("a one-line text; quote one that begins with #, or YAML reads it as a comment"))
	empty("message", msg("a text; quote one that begins with #, or YAML reads it as a comment"))
	if kv, ok := get["when_away"]; ok {
		c := ctx{name, "when_away"}
		if v, ok := p.str(kv.valueNode, c, msg("hold, skip, show or phone")); ok {
			w := WhenAway(strings.ToLower(v))
			if slices.Contains(whenAwayAll, w) {
				r.WhenAway = w
				if w == WhenAwayPhone {
					p.phoneNodes[name] = kv.valueNode
				}
			} else {
				if sg := suggest(v, []string{"hold", "skip", "show", "phone"}); sg != "" {
					p.errAt(kv.valueNode, c, "%q is not hold, skip, show or phone (did you mean %q?)", v, sg)
				} else {
					p.errAt(kv.valueNode, c, "%q is not hold, skip, show or phone", v)
				}
			}
		}
	}
	r.WhenBusy = WhenBusyHold
	if kv, ok := get["when_busy"]; ok {
		c := ctx{name, "when_busy"}
		if v, ok := p.str(kv.valueNode, c, msg("hold or show")); ok {
			switch w := WhenBusy(strings.ToLower(v)); w {
			case WhenBusyHold, WhenBusyShow:
				r.WhenBusy = w
			default:
				if sg := suggest(v, []string{"hold", "show"}); sg != "" {
					p.errAt(kv.valueNode, c, "%q is not hold or show (did you mean %q?)", v, sg)
				} else {
					p.errAt(kv.valueNode, c, "%q is not hold or show", v)
				}
			}
		}
	}
	r.Stay = StayUntilAnswered
	if kv, ok := get["stay"]; ok {
		c := ctx{name, "stay"}
		v, ok := p.str(kv.valueNode, c, msg("true, false or a duration such as 2m"))
		if b, isBool := boolWord(v); ok && isBool {
			if !b {
				r.Stay = 0
			}
		} else if ok {
			d, err := time.ParseDuration(v)
			switch {
			case err != nil || strings.HasPrefix(strings.TrimSpace(v), "-"):
				p.errAt(kv.valueNode, c, "%q is not true, false or a duration (want e.g. true, false or 2m)", v)
			case d < time.Second || d > 24*time.Hour:
				p.errAt(kv.valueNode, c, "%s is out of range (want 1s to 24h, or true to stay until answered)", durfmt.Format(d))
			default:
				r.Stay = d
			}
		}
	}
	if kv, ok := get["sound"]; ok {
		c := ctx{name, "sound"}
		want := msg("true, false or a sound name such as bell")
		v, ok := p.str(kv.valueNode, c, want)
		if n := p.resolve(kv.valueNode); ok && isNumber(n) {
			// sound: 3 is no sound's name (a volume? a number from a
			// list?): said as for a list or a map, not played as "3".
			p.errAt(kv.valueNode, c, "got %s, want %s", describe(n), want)
		} else if b, isBool := boolWord(v); ok && isBool {
			if b {
				r.Sound = DefaultSound
			}
		} else if ok {
			if !soundRE().MatchString(v) || len(v) > 100 {
				p.errAt(kv.valueNode, c, "%q is not true, false or a freedesktop sound name (want e.g. bell or message-new-instant)", v)
			} else {
				r.Sound = v
			}
		}
	}
}

func (p *parser) reminder(name string, pair *ast.MappingValueNode, s *Schedule) (Reminder, bool) {
	c := ctx{reminder: name}
	r := Reminder{Name: name, Enabled: true, Snooze: DefaultSnooze, Location: s.Location, Line: line(pair.Key), Channels: []string{Desktop}}
	if pair.Value == nil || isNull(p.resolve(pair.Value)) {
		p.errAt(pair.Key, c, "has no schedule (want one of cron, every, at or before_bedtime)")
		return r, false
	}
	pairs, ok := p.mapping(pair.Value, c)
	if !ok {
		return r, false
	}
	nerr := len(p.errs)
	clear(p.misspelt)
	kvs := p.keys(pairs, reminderKeys, c)
	get := map[string]kv{}
	for _, kv := range kvs {
		get[kv.key] = kv
	}
	// Which form.
	var given []kv
	for _, f := range forms {
		if kv, ok := get[string(f)]; ok {
			given = append(given, kv)
		}
	}
	misspeltForm := false
	for _, f := range forms {
		misspeltForm = misspeltForm || p.misspelt[string(f)]
	}
	switch len(given) {
	case 0:
		if !misspeltForm {
			p.errAt(pair.Key, c, "has no schedule (want one of cron, every, at or before_bedtime)")
		}
	case 1:
	default:
		p.errAt(given[1].keyNode, ctx{reminder: name, field: given[1].key},
			"a reminder has exactly one schedule, and %s is already given (split it into two reminders)", given[0].key)
	}
	if kv, ok := get["timezone"]; ok {
		if loc, ok := p.zone(kv.valueNode, ctx{name, "timezone"}); ok {
			r.Location = loc
		}
	}
	if kv, ok := get["days"]; ok {
		r.Days = p.days(kv.valueNode, ctx{name, "days"})
		if r.Days != 0 {
			if _, isCron := get["cron"]; isCron {
				p.errAt(kv.keyNode, ctx{name, "days"}, "does not go with cron; put the days in the cron expression's fifth field")
			}
		}
	}
	if kv, ok := get["between"]; ok {
		if _, isEvery := get["every"]; !isEvery {
			p.errAt(kv.keyNode, ctx{name, "between"}, "goes only with every")
		}
	}
	if kv, ok := get["enabled"]; ok {
		v, _ := p.str(kv.valueNode, ctx{name, "enabled"}, msg("true or false"))
		switch strings.ToLower(v) {
		case "true", "yes", "on":
		case "false", "no", "off":
			r.Enabled = false
		default:
			p.errAt(kv.valueNode, ctx{name, "enabled"}, "%q is not true or false", v)
		}
	}
	if kv, ok := get["title"]; ok {
		r.Title, _ = p.text(kv.valueNode, ctx{name, "title"}, true)
	}
	if kv, ok := get["message"]; ok {
		r.Message, _ = p.text(kv.valueNode, ctx{name, "message"}, false)
	}
	if kv, ok := get["variants"]; ok {
		r.Variants = p.variants(kv.valueNode, ctx{name, "variants"})
	}
	if kv, ok := get["snooze"]; ok {
		if d, ok := p.duration(kv.valueNode, ctx{name, "snooze"}); ok {
			if d < time.Minute || d > 24*time.Hour {
				p.errAt(kv.valueNode, ctx{name, "snooze"}, "%s is out of range (want 1m to 24h)", durfmt.Format(d))
			}
			r.Snooze = d
		}
	}
	if kv, ok := get["repeat_until_done"]; ok {
		if d, ok := p.duration(kv.valueNode, ctx{name, "repeat_until_done"}); ok {
			if d < time.Minute || d > 12*time.Hour {
				p.errAt(kv.valueNode, ctx{name, "repeat_until_done"}, "%s is out of range (want 1m to 12h)", durfmt.Format(d))
			}
			r.RepeatEvery = d
			r.RepeatMax = DefaultRepeatMax
		}
	}
	if kv, ok := get["repeat_max"]; ok {
		c := ctx{name, "repeat_max"}
		v, ok := p.str(kv.valueNode, c, msg("a whole number"))
		n, err := strconv.Atoi(v)
		switch {
		case !ok:
		case err != nil || n < 1 || n > 20:
			p.errAt(kv.valueNode, c, "%q is not a count from 1 to 20", v)
		case r.RepeatEvery == 0:
			p.errAt(kv.keyNode, c, "goes only with repeat_until_done")
		default:
			r.RepeatMax = n
		}
	}
	if kv, ok := get["routine"]; ok {
		rn, ok := p.str(kv.valueNode, ctx{name, "routine"}, msg("the name of a routine"))
		if ok {
			if _, found := s.Routine(rn); !found && !p.isBroken("routine", rn) {
				names := content.RoutineNames()
				for k := range s.Routines {
					names = append(names, k)
				}
				slices.Sort(names)
				names = slices.Compact(names) // one of yours may take a built-in's name
				p.errAt(kv.valueNode, ctx{name, "routine"}, "unknown routine %q (want one of %s)", rn, strings.Join(names, ", "))
			}
			r.Routine = rn
		}
	}
	p.ask(&r, get)
	p.presenceKeys(&r, get)
	if kv, ok := get["channels"]; ok {
		r.Channels = p.reminderChannels(kv, s, ctx{name, "channels"})
	}
	if len(given) == 1 {
		p.form(&r, given[0], get, s)
	}
	catchUp := time.Duration(0)
	if r.Schedule != nil && oncePerDay(r) {
		catchUp = DailyCatchUp
	}
	if r.Ask != "" {
		catchUp = AskCatchUp
	}
	r.CatchUp = catchUp
	if kv, ok := get["catch_up"]; ok {
		if d, ok := p.duration(kv.valueNode, ctx{name, "catch_up"}); ok {
			if d > 7*24*time.Hour {
				p.errAt(kv.valueNode, ctx{name, "catch_up"}, "%s is too long (want at most 168h)", durfmt.Format(d))
			}
			r.CatchUp = d
		}
	}
	if r.Ask != "" && r.Title == "" && r.Message == "" && len(r.Variants) == 0 {
		q := content.CrampQuestion()
		r.Title, r.Message = q.Title, q.Body
	}
	if _, asked := get["ask"]; !asked && r.Title == "" && r.Message == "" && len(r.Variants) == 0 {
		if _, builtin := content.Texts(name); !builtin && r.Routine == "" {
			p.errAt(pair.Key, c, "has no text: built-in texts exist only for %s; give this one a title or message",
				strings.Join(content.Kinds(), ", "))
		}
	}
	return r, len(p.errs) == nerr
}

// ask reads ask: the question a reminder asks, whose buttons answer it
// instead of Done and Snooze.
func (p *parser) ask(r *Reminder, get map[string]kv) {
	a, ok := get["ask"]
	if !ok {
		return
	}
	c := ctx{r.Name, "ask"}
	if a.value == nil {
		p.errAt(a.keyNode, c, "is empty (want cramps, or leave ask out)")
		return
	}
	v, ok := p.str(a.valueNode, c, "cramps") // a value: the same in every language
	switch {
	case !ok:
	case v != AskCramps:
		p.errAt(a.valueNode, c, "%q is not a question bedtime asks (want cramps: the morning question of the cramp diary)", v)
	case r.Routine != "":
		p.errAt(a.keyNode, c, "does not go with routine (the question's buttons answer it; a routine needs Start)")
	case r.RepeatEvery != 0:
		p.errAt(a.keyNode, c, "does not go with repeat_until_done (an unanswered night stays unknown)")
	default:
		r.Ask = v
	}
}

// oncePerDay reports whether r is due at most once on any day, which gives
// it a catch-up grace by default.
func oncePerDay(r Reminder) bool {
	switch sch := r.Schedule.(type) {
	case *scheduler.Daily:
		return len(sch.Times) == 1
	case *scheduler.BeforeBedtime:
		return true
	case *scheduler.Cron:
		return sch.OncePerDayAtMost()
	case *scheduler.Interval:
		return sch.Every >= 24*time.Hour || (sch.Window && sch.Start.Minutes()*int(time.Minute)+int(sch.Every) > sch.End.Minutes()*int(time.Minute))
	}
	return false
}

func (p *parser) form(r *Reminder, given kv, get map[string]kv, s *Schedule) {
	c := ctx{r.Name, given.key}
	r.Form = Form(given.key)
	if given.value == nil {
		p.errAt(given.keyNode, c, "is empty")
		return
	}
	switch r.Form {
	case FormCron:
		spec, ok := p.str(given.value, c, msg("a cron expression such as \"55 9-16 * * mon-fri\""))
		if !ok {
			return
		}
		r.Spec = spec
		sch, err := scheduler.ParseCron(spec, r.Location)
		if err != nil {
			p.errForeign(given.value, c, err, cronErrors(), cronDetails())
			return
		}
		r.Schedule = sch
	case FormEvery:
		d, ok := p.duration(given.value, c)
		if !ok {
			return
		}
		if d < time.Second {
			p.errAt(given.value, c, "%s is too short (want at least 1s)", durfmt.Format(d))
			return
		}
		if d > 24*time.Hour {
			p.errAt(given.value, c, "%s is longer than a day (want at most 24h; for every few days, use at with days, or cron)", durfmt.Format(d))
			return
		}
		r.Spec = durfmt.Format(d)
		iv := &scheduler.Interval{Every: d, Days: r.Days, Location: r.Location}
		if kv, ok := get["between"]; ok {
			start, end, ok := p.window(kv.valueNode, ctx{r.Name, "between"})
			if !ok {
				return
			}
			iv.Window, iv.Start, iv.End = true, start, end
			r.Spec += " between " + start.String() + "-" + end.String()
		}
		r.Schedule = iv
	case FormAt:
		var times []scheduler.TimeOfDay
		var specs []string
		if seq, ok := p.resolve(given.value).(*ast.SequenceNode); ok {
			if len(seq.Values) == 0 {
				p.errAt(given.value, c, "the list is empty (want at least one time of day)")
				return
			}
			for _, v := range seq.Values {
				if t, ok := p.timeOfDay(v, c); ok {
					times = append(times, t)
					specs = append(specs, t.String())
				}
			}
			if len(times) != len(seq.Values) {
				return
			}
		} else {
			t, ok := p.timeOfDay(given.value, c)
			if !ok {
				return
			}
			times = append(times, t)
			specs = append(specs, t.String())
		}
		r.Spec = strings.Join(specs, ", ")
		r.Schedule = &scheduler.Daily{Times: times, Days: r.Days, Location: r.Location}
	case FormBeforeBedtime:
		d, ok := p.duration(given.value, c)
		if !ok {
			return
		}
		if d >= 12*time.Hour {
			p.errAt(given.value, c, "%s is too long (want less than 12h)", durfmt.Format(d))
			return
		}
		r.Spec = durfmt.Format(d) + " before bedtime"
		r.Schedule = &scheduler.BeforeBedtime{Before: d, Bedtime: s.Bedtime, Days: r.Days, Location: r.Location}
	}
}

func (p *parser) window(n ast.Node, c ctx) (start, end scheduler.TimeOfDay, ok bool) {
	s, ok := p.str(n, c, msg(`a window such as "08:00-20:00"`))
	if !ok {
		return start, end, false
	}
	a, b, found := strings.Cut(s, "-")
	if !found {
		p.errAt(n, c, "%q is not a window (want HH:MM-HH:MM, such as \"08:00-20:00\")", s)
		return start, end, false
	}
	var err1, err2 error
	start, err1 = scheduler.ParseTimeOfDay(strings.TrimSpace(a))
	end, err2 = scheduler.ParseTimeOfDay(strings.TrimSpace(b))
	if err1 != nil || err2 != nil {
		p.errAt(n, c, "%q is not a window (want HH:MM-HH:MM, such as \"08:00-20:00\")", s)
		return start, end, false
	}
	if end.Minutes() <= start.Minutes() {
		p.errAt(n, c, "%q ends before it starts (want a window within one day, such as \"08:00-20:00\")", s)
		return start, end, false
	}
	return start, end, true
}

func (p *parser) days(n ast.Node, c ctx) scheduler.Weekdays {
	var items []ast.Node
	switch v := p.resolve(n).(type) {
	case *ast.SequenceNode:
		items = v.Values
	default:
		if s, ok := scalarText(v); ok && strings.Contains(s, ",") {
			p.errAt(n, c, "%q is not a list (want [mon, tue, ...])", s)
			return 0
		}
		items = []ast.Node{n}
	}
	var w scheduler.Weekdays
	for _, it := range items {
		s, ok := p.str(it, c, msg("a day of the week"))
		if !ok {
			continue
		}
		switch strings.ToLower(s) {
		case "weekdays":
			for d := time.Monday; d <= time.Friday; d++ {
				w = w.Add(d)
			}
			continue
		case "weekends", "weekend":
			w = w.Add(time.Saturday).Add(time.Sunday)
			continue
		}
		d, err := scheduler.ParseWeekday(s)
		if err != nil {
			p.errAt(it, c, "%q is not a day of the week (want mon, tue, wed, thu, fri, sat or sun)", s)
			continue
		}
		w = w.Add(d)
	}
	if len(items) == 0 {
		p.errAt(n, c, "the list is empty (want at least one day, or leave days out for every day)")
	}
	return w
}
