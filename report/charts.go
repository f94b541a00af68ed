package report

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/bedtime-app/bedtime/locale"
)

// The Okabe-Ito colours (Okabe and Ito, "Color Universal Design"), which
// stay apart for the common kinds of colour blindness; each use is also
// told by a shape, a word or a number.
const (
	colNone    = "#56B4E9" // sky blue: no cramps
	colSome    = "#E69F00" // orange: cramps
	colBad     = "#D55E00" // vermillion: bad cramps
	colUnknown = "#FFFFFF" // white, outlined: no answer
	colDone    = "#0072B2" // blue: done
	colInk     = "#222222"
	colGrid    = "#BBBBBB"
	colSkipped = "#DDDDDD"
)

// rect, text and line are the shapes of the charts, in SVG user units.
type rect struct {
	X, Y, W, H   float64
	Fill, Stroke string
	Title        string // a tooltip on screen
}

type text struct {
	X, Y   float64
	Anchor string // start, middle, end
	Size   float64
	Bold   bool
	Fill   string // empty: the ink colour
	S      string
}

type line struct{ X1, Y1, X2, Y2 float64 }

type circle struct {
	X, Y, R float64
	Fill    string
}

// chart is one SVG picture.
type chart struct {
	W, H    float64
	Label   string // aria-label
	Rects   []rect
	Texts   []text
	Lines   []line
	Circles []circle
}

func f1(x float64) string { return fmt.Sprintf("%.1f", x) }

// weeksChart draws the nights of each week as a stack of seven cells:
// bad, some, none, unknown from the bottom.
func weeksChart(l *locale.Locale, r Report) chart {
	n := len(r.Weeks)
	left, top, bottom := 34.0, 8.0, 34.0
	cell := 13.0
	c := chart{W: 680, H: top + 7*cell + bottom, Label: l.Sprintf("Nights with and without cramps, per week")}
	slot := (c.W - left - 8) / float64(max(n, 1))
	bw := min(slot*0.7, 48)
	for v := 0; v <= 7; v++ {
		y := top + float64(7-v)*cell
		if v%7 == 0 {
			c.Lines = append(c.Lines, line{left - 4, y, c.W - 8, y})
		}
		if v == 0 || v == 7 || v == 3 {
			c.Texts = append(c.Texts, text{X: left - 8, Y: y + 4, Anchor: "end", Size: 10, S: fmt.Sprint(v)})
		}
	}
	for i, w := range r.Weeks {
		x := left + float64(i)*slot + (slot-bw)/2
		y := top + 7*cell
		for _, part := range []struct {
			n          int
			fill, name string
		}{{w.Bad, colBad, l.Sprintf("bad")}, {w.Some, colSome, l.Sprintf("some")}, {w.None, colNone, l.Sprintf("none")}, {w.Unk, colUnknown, l.Sprintf("no answer")}} {
			if part.n == 0 {
				continue
			}
			h := float64(part.n) * cell
			y -= h
			stroke := ""
			if part.fill == colUnknown {
				stroke = colGrid
			}
			c.Rects = append(c.Rects, rect{X: x, Y: y, W: bw, H: h, Fill: part.fill, Stroke: stroke,
				Title: l.Sprintf("week of %s: %d %s", dayMonth(l, w.From), part.n, part.name)})
			if part.n > 0 && bw >= 14 {
				ink := colInk
				if part.fill == colBad {
					ink = "#FFFFFF"
				}
				c.Texts = append(c.Texts, text{X: x + bw/2, Y: y + h/2 + 4, Anchor: "middle", Size: 10, Bold: part.fill != colUnknown, Fill: ink, S: fmt.Sprint(part.n)})
			}
		}
		if n <= 16 || i%(n/8+1) == 0 {
			c.Texts = append(c.Texts, text{X: x + bw/2, Y: top + 7*cell + 14, Anchor: "middle", Size: 10, S: dayMonth(l, w.From)})
		}
	}
	c.Texts = append(c.Texts, text{X: left, Y: c.H - 4, Anchor: "start", Size: 10, S: l.Sprintf("weeks, by the date of their first night")})
	return c
}

// habitsChart draws each reminder's weekly share done as a row of bars,
// the percentage under each.
func habitsChart(l *locale.Locale, r Report) chart {
	n := len(r.Weeks)
	left, rowH := 120.0, 30.0
	c := chart{W: 680, H: float64(len(r.Reminders))*rowH + 4, Label: l.Sprintf("Share of each habit done, per week")}
	slot := (c.W - left - 8) / float64(max(n, 1))
	bw := min(slot*0.7, 48)
	for k, name := range r.Reminders {
		base := float64(k)*rowH + 20
		c.Texts = append(c.Texts, text{X: left - 8, Y: base - 4, Anchor: "end", Size: 11, S: name})
		c.Lines = append(c.Lines, line{left - 4, base, c.W - 8, base})
		for i, w := range r.Weeks {
			x := left + float64(i)*slot + (slot-bw)/2
			if w.Due[k] == 0 {
				if n <= 16 {
					c.Texts = append(c.Texts, text{X: x + bw/2, Y: base + 11, Anchor: "middle", Size: 9, S: "–"})
				}
				continue
			}
			share := float64(w.Done[k]) / float64(w.Due[k])
			h := 16 * share
			c.Rects = append(c.Rects, rect{X: x, Y: base - 16, W: bw, H: 16, Fill: "#FFFFFF", Stroke: colGrid})
			c.Rects = append(c.Rects, rect{X: x, Y: base - h, W: bw, H: h, Fill: colDone,
				Title: l.Sprintf("%s, week of %s: %d of %d done", name, dayMonth(l, w.From), w.Done[k], w.Due[k])})
			if n <= 16 {
				c.Texts = append(c.Texts, text{X: x + bw/2, Y: base + 11, Anchor: "middle", Size: 9, S: percent(l, w.Done[k], w.Due[k])})
			}
		}
	}
	return c
}

// calendarChart draws one column per night: the night's answer on top,
// each evening habit of the day it began below (a filled square done, an
// empty one not done, grey skipped, nothing when not due).
func calendarChart(l *locale.Locale, r Report, rows []int) chart {
	n := len(r.Nights)
	left, top := 120.0, 16.0
	cw := min((680-left-8)/float64(max(n, 1)), 16)
	cs := cw * 0.8
	rowH := max(cs+4, 12)
	c := chart{W: 680, H: top + float64(len(rows)+1)*rowH + 16, Label: l.Sprintf("Calendar of nights and the evening's habits")}
	c.Texts = append(c.Texts, text{X: left - 8, Y: top + cs - 2, Anchor: "end", Size: 11, Bold: true, S: l.Sprintf("night")})
	for i, night := range r.Nights {
		x := left + float64(i)*cw
		if (night.Date.Weekday() == l.WeekStart() && i >= 4) || i == 0 {
			c.Texts = append(c.Texts, text{X: x, Y: top - 4, Anchor: "start", Size: 9, S: dayMonth(l, night.Date)})
			c.Lines = append(c.Lines, line{x - (cw-cs)/2, top - 2, x - (cw-cs)/2, c.H - 16})
		}
		fill, stroke := colUnknown, colGrid
		switch night.Level() {
		case "none":
			fill, stroke = colNone, ""
		case "some":
			fill, stroke = colSome, ""
		case "bad":
			fill, stroke = colBad, ""
		}
		c.Rects = append(c.Rects, rect{X: x, Y: top, W: cs, H: cs, Fill: fill, Stroke: stroke,
			Title: l.Sprintf("%s: %s", l.ShortDateUnpadded(night.Date), levelName(l, night.Level()))})
		if night.Level() == "bad" {
			c.Circles = append(c.Circles, circle{X: x + cs/2, Y: top + cs/2, R: cs / 5, Fill: "#FFFFFF"})
		}
		for j, k := range rows {
			y := top + float64(j+1)*rowH
			switch night.Habits[k] {
			case MarkDone:
				c.Rects = append(c.Rects, rect{X: x, Y: y, W: cs, H: cs, Fill: colDone, Title: l.Sprintf("%s done", r.Reminders[k])})
			case MarkNotDone:
				c.Rects = append(c.Rects, rect{X: x + 0.5, Y: y + 0.5, W: cs - 1, H: cs - 1, Fill: "#FFFFFF", Stroke: colDone, Title: l.Sprintf("%s not done", r.Reminders[k])})
			case MarkMissed: // not known: outlined like a night without an answer
				c.Rects = append(c.Rects, rect{X: x + 0.5, Y: y + 0.5, W: cs - 1, H: cs - 1, Fill: colUnknown, Stroke: colGrid, Title: l.Sprintf("%s never shown", r.Reminders[k])})
			case MarkSkipped:
				c.Rects = append(c.Rects, rect{X: x, Y: y, W: cs, H: cs, Fill: colSkipped, Title: l.Sprintf("%s skipped", r.Reminders[k])})
			}
		}
	}
	for j, k := range rows {
		y := top + float64(j+1)*rowH
		c.Texts = append(c.Texts, text{X: left - 8, Y: y + cs - 2, Anchor: "end", Size: 11, S: r.Reminders[k]})
	}
	return c
}

// SVG draws c. Every string in it passes through template.HTMLEscapeString,
// so it is safe to mark as HTML; it is written here, not by the template,
// because a ten-year calendar has tens of thousands of shapes.
func (c chart) SVG() template.HTML {
	var b strings.Builder
	esc := template.HTMLEscapeString
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" role="img" aria-label="%s" font-family="DejaVu Sans, Arial, sans-serif">`+"\n", f1(c.W), f1(c.H), esc(c.Label))
	for _, l := range c.Lines {
		fmt.Fprintf(&b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#bbbbbb" stroke-width="0.8"/>`+"\n", f1(l.X1), f1(l.Y1), f1(l.X2), f1(l.Y2))
	}
	for _, r := range c.Rects {
		fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"`, f1(r.X), f1(r.Y), f1(r.W), f1(r.H), esc(r.Fill))
		if r.Stroke != "" {
			fmt.Fprintf(&b, ` stroke="%s"`, esc(r.Stroke))
		}
		b.WriteString(">")
		if r.Title != "" {
			fmt.Fprintf(&b, "<title>%s</title>", esc(r.Title))
		}
		b.WriteString("</rect>\n")
	}
	for _, ci := range c.Circles {
		fmt.Fprintf(&b, `<circle cx="%s" cy="%s" r="%s" fill="%s"/>`+"\n", f1(ci.X), f1(ci.Y), f1(ci.R), esc(ci.Fill))
	}
	for _, t := range c.Texts {
		fill := t.Fill
		if fill == "" {
			fill = "#222222"
		}
		bold := ""
		if t.Bold {
			bold = ` font-weight="bold"`
		}
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="%s" font-size="%s"%s fill="%s">%s</text>`+"\n", f1(t.X), f1(t.Y), esc(t.Anchor), f1(t.Size), bold, esc(fill), esc(t.S))
	}
	b.WriteString("</svg>")
	return template.HTML(b.String())
}

// levelName is a night's level (Night.Level) in the locale's words.
func levelName(l *locale.Locale, level string) string {
	switch level {
	case "none":
		return l.Sprintf("none")
	case "some":
		return l.Sprintf("some")
	case "bad":
		return l.Sprintf("bad")
	}
	return l.Sprintf("unknown")
}
