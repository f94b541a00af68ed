package devices

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/bedtime-app/bedtime/diary"
	"github.com/bedtime-app/bedtime/state"
)

// oldDecode is how a line's plain text was read before decodeEvent:
// encoding/json, whole.
func oldDecode(plain []byte) (record, bool) {
	var r record
	if json.Unmarshal(plain, &r) != nil || !r.valid() {
		return record{}, false
	}
	return r, true
}

// plainTexts are texts a sealed line may hold: what Append writes, and
// what it never writes but a hostile or damaged file may hold, each of
// which decode must read as encoding/json does.
func plainTexts() []string {
	ev := func(e state.Event) string {
		b, _ := json.Marshal(record{Event: e})
		return string(b)
	}
	cet := time.FixedZone("", 3600)
	india := time.FixedZone("", 5*3600+1800)
	texts := []string{
		ev(state.Event{At: t0, Reminder: "water", Kind: state.Shown, Scheduled: t0, Via: "d-bus: dunst"}),
		ev(state.Event{At: t0.Add(time.Nanosecond), Kind: state.Paused, Detail: "until 21:00"}),
		ev(state.Event{At: t0.In(cet), Reminder: "Wasser trinken ✓", Kind: state.Done, Scheduled: t0.In(india), Detail: "button"}),
		ev(state.Event{At: t0.In(time.Local), Reminder: `a "quoted" <b>&amp;`, Kind: state.Missed, Scheduled: t0}),
		ev(state.Event{At: t0, Reminder: "tab\there", Kind: state.Shown}),
		ev(state.Event{At: t0, Reminder: "line\u2028sep", Kind: state.Shown}),
		ev(state.Event{At: t0, Kind: state.Shown}),
		ev(state.Event{Reminder: "no time", Kind: state.Shown}),
		ev(state.Event{At: t0, Reminder: "no kind"}),
		ev(state.Event{At: time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC), Reminder: "far", Kind: state.Done, Scheduled: time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC)}),
		`{"e":{"at":"2026-12-07T20:00:00Z","kind":"shown"}}`,
		`{"e":{"at":"2026-12-07T20:00:00+01:00","kind":"shown"}}`,
		`{"e":{"at":"2026-12-07T20:00:00.5-03:30","kind":"shown"}}`,
		`{"e":{"at":"2026-12-07T20:00:00","kind":"shown"}}`,
		`{"e":{"at":"2026-12-07 20:00:00Z","kind":"shown"}}`,
		`{"e":{"at":"2026-13-07T20:00:00Z","kind":"shown"}}`,
		`{"e":{"at":"2026-12-07T20:00:00Z","kind":"shown","at":"2027-12-07T20:00:00Z"}}`,
		`{"e":{"kind":"shown","at":"2026-12-07T20:00:00Z"}}`,
		`{"e":{"at":"2026-12-07T20:00:00Z","kind":"shown","kind":"done"}}`,
		`{"e":{"At":"2026-12-07T20:00:00Z","KIND":"shown"}}`,
		`{"e":{"at":"2026-12-07T20:00:00Z","kind":"shown","extra":"x"}}`,
		`{"e":{"at":"2026-12-07T20:00:00Z","kind":"shown"},"x":1}`,
		`{"e":{"at":"2026-12-07T20:00:00Z","kind":"shown"}} `,
		` {"e":{"at":"2026-12-07T20:00:00Z","kind":"shown"}}`,
		`{"e":{"at":"2026-12-07T20:00:00Z","kind":"shown"}}}`,
		`{"e":{"at":"2026-12-07T20:00:00Z","kind":"shown"}`,
		`{"e":{"at":"2026-12-07T20:00:00Z","kind":"shown",}}`,
		`{"e":{"at":"2026-12-07T20:00:00Z", "kind":"shown"}}`,
		`{"e":{"at":"2026-12-07T20:00:00Z","kind":null}}`,
		`{"e":{"at":null,"kind":"shown"}}`,
		`{"e":{"at":"2026-12-07T20:00:00Z","kind":5}}`,
		`{"e":{"at":"2026-12-07T20:00:00Z","kind":"sh\u006fwn"}}`,
		`{"e":{"at":"2026-12-07T20:00:00Z","kind":"shown","reminder":"late"}}`,
		`{"e":{"at":"2026-12-07T20:00:00Z","kind":"shown","detail":"d","via":"v"}}`,
		"{\"e\":{\"at\":\"2026-12-07T20:00:00Z\",\"kind\":\"shown\",\"via\":\"bad \xff utf8\"}}",
		"{\"e\":{\"at\":\"2026-12-07T20:00:00Z\",\"kind\":\"shown\",\"via\":\"surrogate \xed\xa0\x80\"}}",
		"{\"e\":{\"at\":\"2026-12-07T20:00:00Z\",\"kind\":\"shown\",\"via\":\"raw \x01 control\"}}",
		"{\"e\":{\"at\":\"2026-12-07T20:00:00Z\",\"kind\":\"shown\",\"via\":\"del \x7f\"}}",
		`{"e":{"at":"2026-12-07T20:00:00Z","kind":"","reminder":"x"}}`,
		`{"e":{}}`,
		`{"e":null}`,
		`{}`,
		``,
		`null`,
		`{"e":{"at":"2026-12-07T20:00:00Z"},"skip":{"reminder":"water","at":"2026-12-07T20:00:00Z"}}`,
		`{"e":{"at":"2026-12-07T20:00:00Z","kind":"shown"},"skip":{"reminder":"water","at":"2026-12-07T20:00:00Z"}}`,
		`{"e":{"at":"2026-12-07T20:00:00Z"},"snooze":{"reminder":"water","scheduled":"2026-12-07T20:00:00Z","until":"2026-12-07T20:10:00Z"}}`,
		`{"e":{"at":"2026-12-07T20:00:00Z"},"snooze":{"reminder":"water","scheduled":"2026-12-07T20:00:00Z"}}`,
	}
	d := diary.Entry{Night: "2026-12-06", At: t0, Via: diary.ViaCLI, Count: diary.Int(2)}
	b, _ := json.Marshal(record{Event: state.Event{At: d.At}, Diary: &d})
	return append(texts, string(b))
}

// decode reads every text as encoding/json does, and mutations of them
// (a byte changed, dropped or doubled) too.
func TestDecodeReadsAsEncodingJSON(t *testing.T) {
	check := func(text string) {
		t.Helper()
		want, wok := oldDecode([]byte(text))
		got, gok := newReader(Key{}).decode([]byte(text))
		gj, _ := json.Marshal(got)
		wj, _ := json.Marshal(want)
		if gok != wok || !reflect.DeepEqual(got, want) || string(gj) != string(wj) {
			t.Fatalf("decode(%q) = %+v, %v; encoding/json: %+v, %v", text, got, gok, want, wok)
		}
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte("\"\\{}:,. 0aZ+-\x00\x1f\x7f\x80\xff\xe2")
	for _, text := range plainTexts() {
		check(text)
		for range 300 {
			b := []byte(text)
			if len(b) == 0 {
				break
			}
			i := rnd.IntN(len(b))
			switch rnd.IntN(3) {
			case 0:
				b[i] = alphabet[rnd.IntN(len(alphabet))]
			case 1:
				b = append(b[:i], b[i+1:]...)
			default:
				b = append(b[:i+1], b[i:]...)
			}
			check(string(b))
		}
	}
}

// FuzzDecode looks for a text that decode reads otherwise than
// encoding/json.
func FuzzDecode(f *testing.F) {
	for _, text := range plainTexts() {
		f.Add([]byte(text))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		want, wok := oldDecode(text)
		got, gok := newReader(Key{}).decode(text)
		if gok != wok || !reflect.DeepEqual(got, want) {
			t.Fatalf("decode(%q) = %+v, %v; encoding/json: %+v, %v", text, got, gok, want, wok)
		}
	})
}

// A folder of hostile files reads the same, record for record, problem
// for problem, as it did before reading was made cheaper (legacy_test.go).
func TestScanReadsAsBefore(t *testing.T) {
	root, k, now := t.TempDir(), mustKey(t), t0
	d := devs(t, root, k, &now, idA, idB, idC)
	evs := history(40, 3) // t0's month and the one before
	for i := range evs {
		evs[i].At = evs[i].At.Add(t0.Sub(benchEnd))
		evs[i].Scheduled = evs[i].Scheduled.Add(t0.Sub(benchEnd))
	}
	if err := d[1].Append(evs); err != nil {
		t.Fatal(err)
	}
	if err := d[2].Append(evs[:500]); err != nil {
		t.Fatal(err)
	}
	dirB := filepath.Join(root, "devices", idB)
	file := filepath.Join(dirB, "events-2026-12.jsonl")
	var lines []string
	for _, text := range plainTexts() {
		lines = append(lines, k.seal(idB, []byte(text)))
	}
	lines = append(lines,
		k.seal(idC, []byte(plainTexts()[0])),          // copied from another device
		mustKey(t).seal(idB, []byte(plainTexts()[0])), // another key
		"b1.", "b1.!!!!", "garbage", "", "   ", "\t"+k.seal(idB, []byte(plainTexts()[1]))+"  ",
		"b1."+strings.Repeat("A", MaxLine+10),     // too long
		k.seal(idB, []byte(plainTexts()[0]))[:40], // torn
	)
	appendLines := func(lines ...string) {
		fh, err := os.OpenFile(file, os.O_APPEND|os.O_WRONLY, 0o600)
		if err != nil {
			t.Fatal(err)
		}
		fh.WriteString(strings.Join(lines, "\n") + "\n")
		fh.Close()
	}
	appendLines(lines...)
	// A line still being written, finished before the second scan.
	fh, _ := os.OpenFile(file, os.O_APPEND|os.O_WRONLY, 0o600)
	fh.WriteString(k.seal(idB, []byte(plainTexts()[2]))[:30])
	fh.Close()
	os.WriteFile(filepath.Join(dirB, "events-2026-11.jsonl.sync-conflict-x"), []byte("x\n"), 0o600)
	os.WriteFile(filepath.Join(dirB, "events-2099-01.jsonl"), []byte("x\n"), 0o600)

	newF, oldF := devs(t, root, k, &now, idA)[0], devs(t, root, k, &now, idA)[0]
	compare := func(step string) {
		t.Helper()
		got, gerr := newF.Scan()
		want, werr := oldF.oldScan()
		if gerr != nil || werr != nil {
			t.Fatalf("%s: errors %v, %v", step, gerr, werr)
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %d records, before %d", step, len(got), len(want))
		}
		for i := range got {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Fatalf("%s: record %d = %+v, before %+v", step, i, got[i], want[i])
			}
		}
		g, w := newF.Problems(), oldF.Problems()
		t.Logf("%s: %d records, %d problems", step, len(got), len(g))
		if !reflect.DeepEqual(g, w) {
			t.Errorf("%s: problems %v, before %v", step, g, w)
		}
		if g, w := newF.Devices(), oldF.Devices(); !reflect.DeepEqual(g, w) {
			t.Errorf("%s: devices %+v, before %+v", step, g, w)
		}
		if !reflect.DeepEqual(newF.marks, oldF.marks) {
			t.Errorf("%s: marks differ", step)
		}
	}
	compare("first scan")
	appendLines("rest", k.seal(idB, []byte(plainTexts()[0])))
	compare("second scan")
	os.WriteFile(file, []byte(k.seal(idB, []byte(plainTexts()[0]))+"\n"), 0o600) // replaced, shorter
	compare("after a replacement")
}

// What Scan reserves for the records still to read is bounded by the
// shortest line that can hold one, however short the lines read so far.
func TestReserveIsBounded(t *testing.T) {
	r := newReader(Key{})
	r.add(Record{})
	r.bytes = 1 // a record a byte, as no line can hold
	r.reserve(MaxFile)
	if most := int(MaxFile/minRecordLine*1.05) + 17; cap(r.out) > most {
		t.Errorf("reserved %d records for %d bytes, more than %d", cap(r.out), MaxFile, most)
	}
	if minRecordLine < 100 || minRecordLine > 140 {
		t.Errorf("the shortest record line is %v bytes", minRecordLine)
	}
}
