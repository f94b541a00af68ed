package content

import (
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestBuiltinKindsHaveContent(t *testing.T) {
	tests := []struct {
		kind string
		min  int
	}{
		{"movement", 5},
		{"hydration", 5},
		{"magnesium", 3},
		{"calf-stretch", 3},
		{"morning-stretch", 3},
	}
	if got, want := len(Kinds()), len(tests); got != want {
		t.Fatalf("len(Kinds()) = %d, want %d: %v", got, want, Kinds())
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			vs, ok := Texts(tt.kind)
			if !ok {
				t.Fatalf("Texts(%q) not found", tt.kind)
			}
			if len(vs) < tt.min {
				t.Fatalf("Texts(%q) has %d variants, want at least %d", tt.kind, len(vs), tt.min)
			}
			for i, v := range vs {
				if err := v.Validate(); err != nil {
					t.Errorf("variant %d: %v", i, err)
				}
				if n := utf8.RuneCountInString(v.Title + v.Body); n > MaxTextLen {
					t.Errorf("variant %d %q: %d characters, want at most %d", i, v.Title, n, MaxTextLen)
				}
			}
		})
	}
	if _, ok := Texts("no-such-kind"); ok {
		t.Errorf("Texts(%q) found, want not found", "no-such-kind")
	}
}

func TestTextsReturnsACopy(t *testing.T) {
	vs, _ := Texts("movement")
	want := vs[0].Title
	vs[0].Title = "changed"
	again, _ := Texts("movement")
	if got := again[0].Title; got != want {
		t.Fatalf("Texts after caller's change: title = %q, want %q", got, want)
	}
	rs := Routines()
	r := rs["calf-stretch"]
	r.Steps[0].Text = "changed"
	if got, _ := LookupRoutine("calf-stretch"); got.Steps[0].Text == "changed" {
		t.Fatal("Routines shares step memory with the package")
	}
}

func TestMagnesiumAlwaysCarriesTheCaution(t *testing.T) {
	vs, _ := Texts("magnesium")
	for i, v := range vs {
		body := strings.ToLower(v.Body)
		for _, term := range []string{"doctor", "kidney"} {
			if !strings.Contains(body, term) {
				t.Errorf("magnesium variant %d %q lacks %q: %q", i, v.Title, term, v.Body)
			}
		}
	}
	top, ok := LookupTopic("magnesium")
	if !ok {
		t.Fatal("no magnesium topic")
	}
	for _, term := range []string{"doctor", "kidney"} {
		if !strings.Contains(strings.ToLower(top.Body), term) {
			t.Errorf("magnesium topic lacks %q", term)
		}
		// `bedtime tips` lists the summary alone: it may be all one reads.
		if !strings.Contains(strings.ToLower(top.Summary), term) {
			t.Errorf("magnesium topic's summary %q lacks %q", top.Summary, term)
		}
	}
}

// TestNoDoseBeyondTheArticle guards against a text becoming more specific
// than the article: the only dose anywhere is the article's 200-400 mg.
func TestNoDoseBeyondTheArticle(t *testing.T) {
	dose := regexp.MustCompile(`(?i)[\d.,-]+[\s\x{00a0}]*(mg|g|ml|mcg|iu)\b`)
	for _, u := range units() {
		for _, m := range dose.FindAllString(u.text, -1) {
			if m != "200-400\u00a0mg" {
				t.Errorf("%s: dose %q, want only the article's %q", u.name, m, "200-400 mg")
			}
		}
	}
}

// TestNumbersKeepTheirUnits checks that no text can break between a number
// and its unit: they are joined by a no-break space. It also catches the
// same length said twice, as in "30 seconds (30 s)".
func TestNumbersKeepTheirUnits(t *testing.T) {
	split := regexp.MustCompile(`\d+[\s]+(s|sec|seconds?|minutes?|min|mg|g|ml|hours?|h|times|days?|weeks?)\b`)
	twice := regexp.MustCompile(`(\d+)\x{00a0}(seconds|minutes|hours) \((\d+)\x{00a0}(s|min|h)\)`)
	us := append(units(), unit{"disclaimer", "disclaimer", Disclaimer()})
	for _, u := range us {
		for _, m := range split.FindAllString(u.text, -1) {
			t.Errorf("%s: %q can break between number and unit; join them with U+00A0", u.name, m)
		}
		for _, m := range twice.FindAllString(u.text, -1) {
			t.Errorf("%s: %q says the same length twice", u.name, m)
		}
	}
}

// unit is one piece of content a user sees as a whole: a reminder variant,
// a routine, a tips topic or the cramp help.
type unit struct {
	name, kind, text string
}

func units() []unit {
	var us []unit
	for _, k := range Kinds() {
		vs, _ := Texts(k)
		for _, v := range vs {
			us = append(us, unit{"text " + k + " " + v.Title, "text:" + k, v.Title + "\n" + v.Body})
		}
	}
	for name, r := range Routines() {
		var b strings.Builder
		b.WriteString(r.Title + "\n")
		for _, s := range r.Steps {
			b.WriteString(s.Text + "\n")
		}
		b.WriteString(r.Done)
		us = append(us, unit{"routine " + name, "routine", b.String()})
	}
	for _, tp := range Topics() {
		us = append(us, unit{"topic " + tp.Name, "topic", tp.Title + "\n" + tp.Body})
	}
	us = append(us, unit{"cramp help", "cramp", CrampHelp()})
	return us
}

// TestEveryFactIsPresent checks that each fact of the article that bedtime
// promises to cover is said somewhere in one piece, by its key terms and
// numbers. in limits where: a kind prefix such as "text:" or "topic", or
// empty for anywhere.
func TestEveryFactIsPresent(t *testing.T) {
	facts := []struct {
		fact  string
		in    string
		terms []string
	}{
		{"hourly movement break in a reminder", "text:movement", []string{"2-3 minutes", "hour", "stand", "stretch"}},
		{"hourly movement break in tips", "topic", []string{"2-3 minutes", "every hour", "stand and stretch"}},
		{"supportive shoes", "", []string{"supportive shoes"}},
		{"water through the day", "text:hydration", []string{"water", "through the day"}},
		{"electrolyte drink after sweating", "text:hydration", []string{"electrolyte drink", "sweat"}},
		{"less caffeine and alcohol", "text:hydration", []string{"caffeine", "alcohol"}},
		{"caffeine and alcohol are diuretics", "topic", []string{"caffeine", "alcohol", "diuretic"}},
		{"magnesium supplement and dose", "text:magnesium", []string{"glycinate", "citrate", "200-400 mg", "evening", "doctor", "kidney"}},
		{"magnesium supplement in tips", "topic", []string{"glycinate", "citrate", "200-400 mg", "evening", "doctor", "kidney"}},
		{"magnesium foods", "", []string{"magnesium", "leafy greens", "nuts and seeds", "beans and lentils", "avocados", "bananas"}},
		{"magnesium foods in a reminder", "text:magnesium", []string{"leafy greens", "nuts and seeds", "beans and lentils", "avocados", "bananas"}},
		{"magnesium food examples", "topic", []string{"spinach", "kale", "almonds", "pumpkin seeds"}},
		{"potassium foods", "topic", []string{"potassium", "bananas", "sweet potatoes", "avocados", "potatoes with skin", "coconut water", "oranges"}},
		{"calcium and sodium", "topic", []string{"calcium", "sodium", "electrolyte"}},
		{"wall calf stretch in a reminder", "text:calf-stretch", []string{"wall", "30 s", "3 times per leg"}},
		{"wall calf stretch in tips", "topic", []string{"wall", "heel", "straight", "30 s", "3 times per leg", "twice a day", "before bed"}},
		{"morning stretch twice a day", "text:morning-stretch", []string{"30 s", "3 times per leg", "twice a day", "before bed"}},
		{"ankle circles and point/flex", "text:calf-stretch", []string{"ankles", "point and flex", "10-15 times"}},
		{"bedtime routine in tips", "topic", []string{"ankle circles", "point and", "flex", "10-15 times"}},
		{"routine ankle circles and point/flex", "routine", []string{"ankle circles", "point and flex", "10-15 times"}},
		{"loose bedding", "", []string{"bedding", "foot of the bed"}},
		{"pillow under the knees", "", []string{"pillow under your knees"}},
		{"pillow between the knees", "topic", []string{"pillow between your knees"}},
		{"no tight pyjamas", "text:calf-stretch", []string{"tight pyjamas"}},
		{"sleep setup in tips", "topic", []string{"bedding", "foot of the bed", "pillow under your knees", "pillow between your knees", "tight pyjamas", "pointed"}},
		{"keep warm and warm compress", "", []string{"stay warm", "warm compress", "calves"}},
		{"Epsom salt bath before bed", "", []string{"epsom salt bath before bed"}},
		{"cold can trigger cramps", "topic", []string{"cold", "trigger"}},
		{"magnesium oil massage", "topic", []string{"magnesium oil", "lotion"}},
		{"medications that can cause cramps", "topic", []string{"diuretics", "water pills", "statins", "blood pressure", "asthma", "osteoporosis"}},
		{"medical conditions", "topic", []string{"peripheral artery disease", "diabetes", "thyroid", "kidney disease", "spinal stenosis", "parkinson"}},
		{"during a cramp: stretch", "cramp", []string{"straighten your leg", "toes", "shin", "30-60 seconds"}},
		{"during a cramp: massage, heat, walk, elevate", "cramp", []string{"massage", "knead", "thumbs", "warm towel", "heating pad", "hot water bottle", "walk", "heels", "minute", "swells"}},
		{"red flags", "cramp", []string{"doctor", "severe", "frequent", "sleep", "swollen", "red", "warm", "blood clot", "weak", "numbness", "tingling", "new medication", "smoking", "diabetes", "high blood pressure"}},
	}
	us := units()
	for _, f := range facts {
		t.Run(f.fact, func(t *testing.T) {
			best, bestMissing := "", f.terms
			for _, u := range us {
				if f.in != "" && u.kind != f.in {
					continue
				}
				var missing []string
				text := strings.ToLower(strings.Join(strings.Fields(u.text), " "))
				for _, term := range f.terms {
					if !strings.Contains(text, strings.ToLower(term)) {
						missing = append(missing, term)
					}
				}
				if len(missing) == 0 {
					return
				}
				if len(missing) < len(bestMissing) {
					best, bestMissing = u.name, missing
				}
			}
			t.Errorf("no single piece of content (in %q) has all of %q; closest is %q, missing %q", f.in, f.terms, best, bestMissing)
		})
	}
}

func TestRoutines(t *testing.T) {
	rs := Routines()
	for _, name := range []string{"calf-stretch", "morning-stretch"} {
		r, ok := rs[name]
		if !ok {
			t.Fatalf("Routines() lacks %q", name)
		}
		if r.Name != name {
			t.Errorf("routine %q has Name %q", name, r.Name)
		}
		if err := r.Validate(); err != nil {
			t.Errorf("routine %q: %v", name, err)
		}
		got, ok := LookupRoutine(name)
		if !ok || got.Title != r.Title {
			t.Errorf("LookupRoutine(%q) = %v, %v; want the routine from Routines()", name, got.Title, ok)
		}
	}
	if _, ok := LookupRoutine("nope"); ok {
		t.Error("LookupRoutine(\"nope\") found a routine")
	}
	if got, want := strings.Join(RoutineNames(), ","), "calf-stretch,morning-stretch"; got != want {
		t.Errorf("RoutineNames() = %q, want %q", got, want)
	}
}

// TestCalfStretchFollowsTheArticle checks the guided calf stretch: 30 s,
// 3 times per leg, then ankle circles, then point and flex 10-15 times.
func TestCalfStretchFollowsTheArticle(t *testing.T) {
	r, _ := LookupRoutine("calf-stretch")
	count := map[string]int{}
	var order []string
	for i, s := range r.Steps {
		text := strings.ToLower(s.Text)
		switch {
		case strings.HasPrefix(text, "left calf"), strings.HasPrefix(text, "right calf"):
			side := strings.Fields(text)[0]
			count[side]++
			if s.Hold != 30*time.Second {
				t.Errorf("step %d %q holds %v, want 30s", i+1, s.Text, s.Hold)
			}
			if want := "30\u00a0s (" + string(rune('0'+count[side])) + " of 3)"; !strings.Contains(s.Text, want) {
				t.Errorf("step %d %q lacks %q", i+1, s.Text, want)
			}
			order = append(order, "stretch")
		case strings.Contains(text, "ankle circles"):
			order = append(order, "circles")
		case strings.Contains(text, "point and flex"):
			order = append(order, "flex")
		}
		if s.Hold <= 0 {
			t.Errorf("step %d %q has no hold", i+1, s.Text)
		}
	}
	if count["left"] != 3 || count["right"] != 3 {
		t.Errorf("stretches per leg: left %d, right %d, want 3 each", count["left"], count["right"])
	}
	got := strings.Join(order, ",")
	if want := "stretch,stretch,stretch,stretch,stretch,stretch,circles,flex"; got != want {
		t.Errorf("step order %q, want %q", got, want)
	}
	if r.Done == "" {
		t.Error("calf-stretch has no closing text")
	}
}

func TestTopics(t *testing.T) {
	want := []string{"magnesium", "potassium", "hydration", "stretching", "movement", "sleep", "remedies", "medications"}
	if got := strings.Join(TopicNames(), ","); got != strings.Join(want, ",") {
		t.Fatalf("TopicNames() = %q, want %q", got, want)
	}
	for _, name := range want {
		tp, ok := LookupTopic(name)
		if !ok || tp.Name != name || tp.Summary == "" || tp.Body == "" {
			t.Errorf("LookupTopic(%q) = %+v, %v", name, tp, ok)
		}
	}
	if _, ok := LookupTopic("nope"); ok {
		t.Error("LookupTopic(\"nope\") found a topic")
	}
	if d := strings.ToLower(Disclaimer()); !strings.Contains(d, "not medical advice") {
		t.Errorf("Disclaimer() = %q, want it to say not medical advice", Disclaimer())
	}
}

// TestParseRejectsBadContent checks that the loader would catch the mistakes
// an editor of the YAML files can make, each with a clear message.
func TestParseRejectsBadContent(t *testing.T) {
	okTexts := string(textsYAML)
	okRoutines := string(routinesYAML)
	okHelp := string(helpYAML)
	long := strings.Repeat("x", MaxTextLen)
	tests := []struct {
		name                  string
		texts, routines, help string
		wantErr               string
	}{
		{"unknown field", okTexts + "\nmovement2:\n  - title: a\n    body: b\n    colour: red\n", okRoutines, okHelp, `unknown field "colour"`},
		{"unknown kind", okTexts + "\nstretching:\n  - title: a\n    body: b\n", okRoutines, okHelp, `unknown kind "stretching"`},
		{"duplicate kind", okTexts + "\nmovement:\n  - title: a\n    body: b\n", okRoutines, okHelp, `mapping key "movement" already defined`},
		{"missing kind", "movement: []\n", okRoutines, okHelp, `kind "movement" has 0 variants, want at least 5`},
		{"too long", strings.Replace(okTexts, "body: Have a glass of water.", "body: "+long, 1), okRoutines, okHelp, `texts.yaml: kind "hydration", variant 1: title and body are`},
		{"empty body", strings.Replace(okTexts, "body: Have a glass of water. Even mild dehydration makes night cramps more likely.", `body: ""`, 1), okRoutines, okHelp, `variant 1: body is empty`},
		{"routine missing", okTexts, "calf-stretch:\n  title: t\n  steps:\n    - text: a\n      hold: 1s\n", okHelp, `routine "morning-stretch" is missing`},
		{"negative hold", okTexts, strings.Replace(okRoutines, "hold: 10s", "hold: -10s", 1), okHelp, `hold -10s, want between 0s and 10m0s`},
		{"bad hold", okTexts, strings.Replace(okRoutines, "hold: 10s", "hold: ten seconds", 1), okHelp, `routines.yaml: cannot decode`},
		{"routine no steps", okTexts, okRoutines + "\nempty:\n  title: Empty\n  steps: []\n", okHelp, `routine "empty": has no steps`},
		{"wide help line", okTexts, okRoutines, strings.Replace(okHelp, "When a cramp hits", "When a cramp hits"+strings.Repeat(" x", 40), 1), `help.yaml: cramp: line 1 is`},
		{"long summary", okTexts, okRoutines, strings.Replace(okHelp, "summary: loose bedding,", "summary: "+strings.Repeat("x", 60)+" loose bedding,", 1), `topic "sleep": summary is`},
		{"wide disclaimer", okTexts, okRoutines, strings.Replace(okHelp, "Not medical advice.", "Not medical advice."+strings.Repeat(" x", 20), 1), `help.yaml: disclaimer: line 1 is`},
		{"topic twice", okTexts, okRoutines, okHelp + "  - name: sleep\n    title: t\n    summary: s\n    body: b\n", `topic "sleep" appears twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parse([]byte(tt.texts), []byte(tt.routines), []byte(tt.help))
			if err == nil {
				t.Fatalf("parse succeeded, want error containing %q", tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("parse error = %q, want it to contain %q", err, tt.wantErr)
			}
		})
	}
	if _, err := parse(textsYAML, routinesYAML, helpYAML); err != nil {
		t.Fatalf("parse(embedded files) = %v", err)
	}
}
