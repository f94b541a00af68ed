package channel_test

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"maps"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/bedtime-app/bedtime/channel"
	"github.com/bedtime-app/bedtime/channel/ntfytest"
	"github.com/bedtime-app/bedtime/internal/testutil"
)

// sendOne sends one instant to the phone and returns the message the
// server got.
func (f *fixture) sendOne(d *channel.Dispatcher, at time.Time) ntfytest.Message {
	f.t.Helper()
	n := len(f.srv.Messages(topic))
	if err := d.Send("magnesium", at, at.Add(time.Hour), msg, []string{"phone"}); err != nil {
		f.t.Fatal(err)
	}
	if r := f.final(); r.State != channel.StateSent {
		f.t.Fatalf("report = %+v", r)
	}
	ms := f.srv.Messages(topic)
	if len(ms) != n+1 {
		f.t.Fatalf("%d messages on the topic, want %d", len(ms), n+1)
	}
	return ms[n]
}

// TestReplayOnEveryReconnect: a server that replays every old message on
// every reconnect (a Done already counted, junk, a Snooze after the Done)
// makes no second answer, and a new Done among the replays is counted
// once (issue 19, item 9).
func TestReplayOnEveryReconnect(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		f := newFixture(t)
		f.srv.ReplayAll(true)
		d := f.open()
		first := f.sendOne(d, f.at)
		f.waitSubscribed()
		f.press(first, "Done")
		if a := f.answer(d); !a.Scheduled.Equal(f.at) || a.Action != channel.ActionDone {
			t.Fatalf("answer = %+v", a)
		}
		f.srv.Publish(reply, "hello")
		f.press(first, "Snooze")
		for range 5 {
			f.srv.DropStreams()
			noAnswer(t, d, time.Minute) // reconnected after 1s and read it all again
		}
		second := f.sendOne(d, f.at.Add(20*time.Second))
		f.press(second, "Done")
		if a := f.answer(d); !a.Scheduled.Equal(f.at.Add(20*time.Second)) || a.Action != channel.ActionDone {
			t.Fatalf("answer = %+v, want Done for the second instant", a)
		}
		for range 5 {
			f.srv.DropStreams()
			noAnswer(t, d, time.Minute)
		}
		if n := strings.Count(f.log.String(), "msg=\"ntfy reply stream ended"); n < 10 {
			t.Errorf("the stream reconnected %d times, want 10", n)
		}
		if !strings.Contains(f.log.String(), "already answered") {
			t.Errorf("no log line says a replayed answer was ignored:\n%s", f.log)
		}
	})
}

// TestWrongTypedFieldThenDone: a reply line with a field of the wrong
// type ("time": "1700000000") is skipped, not the stream: the valid Done
// after it counts (issue 19, item 9). Before, the line ended the stream,
// and reading again from the last good id met it again, for ever.
func TestWrongTypedFieldThenDone(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		f := newFixture(t)
		d := f.open()
		m := f.sendOne(d, f.at)
		done, _ := m.Action("Done")
		good, _ := json.Marshal(ntfytest.Message{ID: "gooddone0001", Time: time.Now().Unix(), Event: "message", Topic: reply, Message: done.Body})
		// The dispatcher's stream is open before the fault comes: one
		// still on its way to the server when it came was served without
		// it, not dropped, and no answer came (seen on a loaded machine).
		f.waitSubscribed()
		lines := []string{
			`{"id":"openopen0001","time":` + fmt.Sprint(time.Now().Unix()) + `,"event":"open","topic":"` + reply + `"}`,
			`{"id":"badtime00001","time":"1700000000","event":"message","topic":"` + reply + `","message":"{}"}`,
			string(good),
		}
		f.srv.Intercept(func(w http.ResponseWriter, r *http.Request) bool {
			if r.Method != http.MethodGet || r.URL.Path != "/"+reply+"/json" {
				return false
			}
			for _, l := range lines {
				fmt.Fprintln(w, l)
			}
			w.(http.Flusher).Flush()
			<-r.Context().Done()
			return true
		})
		f.srv.DropStreams() // the dispatcher's stream, opened before the fault
		if a := f.answer(d); !a.Scheduled.Equal(f.at) || a.Action != channel.ActionDone {
			t.Fatalf("answer = %+v", a)
		}
		f.waitLog("the server sent a line bedtime cannot read")
		noAnswer(t, d, time.Hour)
	})
}

// TestAnswerFlood: thousands of messages on the reply topic (spoofed,
// stale, junk, the same Done over and over) make one answer per instant,
// a few log lines, not one per message, and leave the stream working.
func TestAnswerFlood(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		f := newFixture(t)
		d := f.open()
		first := f.sendOne(d, f.at)
		second := f.sendOne(d, f.at.Add(time.Hour))
		done, _ := first.Action("Done")
		var body replyBody
		json.Unmarshal([]byte(done.Body), &body)
		spoofed, stale := body, body
		spoofed.Token = strings.Repeat("0", 32)
		stale.Ref = strings.Repeat("a", 24)
		sp, _ := json.Marshal(spoofed)
		st, _ := json.Marshal(stale)
		f.waitSubscribed()
		warnsBefore := strings.Count(f.log.String(), "level=WARN")
		for i := range 3000 {
			switch i % 4 {
			case 0:
				f.srv.Publish(reply, string(sp))
			case 1:
				f.srv.Publish(reply, string(st))
			case 2:
				f.srv.Publish(reply, "hello "+fmt.Sprint(i))
			case 3:
				f.srv.Publish(reply, done.Body)
			}
			if i%64 == 63 {
				synctest.Wait() // let the dispatcher read, as a network would
			}
		}
		if a := f.answer(d); !a.Scheduled.Equal(f.at) || a.Action != channel.ActionDone {
			t.Fatalf("answer = %+v", a)
		}
		noAnswer(t, d, time.Minute)
		if n := strings.Count(f.log.String(), "level=WARN") - warnsBefore; n > 6 {
			t.Errorf("%d warnings for the flood, want a few (one per kind a minute)", n)
		}
		f.press(second, "Snooze")
		if a := f.answer(d); !a.Scheduled.Equal(f.at.Add(time.Hour)) || a.Action != channel.ActionSnooze {
			t.Fatalf("answer after the flood = %+v", a)
		}
		noAnswer(t, d, time.Minute)
	})
}

// TestMisbehavingServerHour runs an hour of a server misbehaving on the
// reply stream and on publishing, on the bubble's clock: storms of 500s,
// lines of garbage, a line that never ends, requests that hang, every old
// message replayed, streams cut. What the dispatcher keeps stays bounded:
// the outbox, its cursors and log limits, its goroutines, and the heap.
// It logs the heap after 10 and after 60 minutes (issue 19, item 9).
func TestMisbehavingServerHour(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		f := newFixture(t)
		f.log = &testutil.LogBuffer{Limit: 64 << 10}
		f.nopts.Logger = f.log.Logger(slog.LevelDebug)
		d := f.open()
		m := f.sendOne(d, f.at)
		for range 200 { // old answers and junk, replayed on every subscription
			f.srv.Publish(reply, "junk")
			done, _ := m.Action("Done")
			f.srv.Publish(reply, done.Body)
		}
		if a := f.answer(d); !a.Scheduled.Equal(f.at) {
			t.Fatalf("answer = %+v, want the first Done of the 200", a)
		}
		f.srv.ReplayAll(true)
		faults := []string{"500", "500", "500", "500", "500", "garbage", "endless", "hang", "replay", "500", "hang-open"}
		var mu sync.Mutex // the handler runs on the server's goroutines
		conn := 0
		seen := map[string]int{}
		f.srv.Intercept(func(w http.ResponseWriter, r *http.Request) bool {
			mu.Lock()
			defer mu.Unlock()
			if r.Method == http.MethodPost {
				// publishing: a storm of 500s, every other request
				conn++
				if conn%2 == 0 {
					http.Error(w, strings.Repeat("upstream broke ", 500), http.StatusInternalServerError)
					return true
				}
				return false
			}
			if r.URL.Path != "/"+reply+"/json" {
				return false
			}
			conn++
			fault := faults[conn%len(faults)]
			seen[fault]++
			switch fault {
			case "500":
				http.Error(w, strings.Repeat("x", 8<<10), http.StatusInternalServerError)
			case "garbage":
				for i := range 2000 {
					fmt.Fprintf(w, "<html>%d not json at all</html>\n", i)
				}
			case "endless":
				chunk := []byte(strings.Repeat("y", 4<<10))
				for {
					if _, err := w.Write(chunk); err != nil {
						break
					}
				}
			case "hang":
				mu.Unlock()
				<-r.Context().Done()
				mu.Lock()
			case "hang-open":
				fmt.Fprintf(w, `{"id":"openopen0001","time":%d,"event":"open"}`+"\n", time.Now().Unix())
				w.(http.Flusher).Flush()
				mu.Unlock()
				<-r.Context().Done()
				mu.Lock()
			default:
				return false // the replay of everything
			}
			return true
		})
		f.srv.DropStreams()
		// Streams are cut every minute; a reminder is sent every 10
		// minutes, each retried through the storms until delivered or
		// its deadline.
		start := time.Now()
		var heap10, sys10 uint64
		var goroutines10 int
		for minute := 1; minute <= 70; minute++ {
			time.Sleep(time.Minute)
			f.srv.DropStreams()
			for len(f.reports) > 0 {
				<-f.reports
			}
			if minute%10 != 0 {
				continue
			}
			if minute <= 60 {
				at := time.Now()
				if err := d.Send("magnesium", at, at.Add(time.Hour), msg, []string{"phone"}); err != nil {
					t.Fatal(err)
				}
			}
			if minute == 10 {
				synctest.Wait()
				heap10, sys10, goroutines10 = heapNow(), heapSys(), runtime.NumGoroutine()
			}
		}
		synctest.Wait()
		heap60, sys60, goroutines60 := heapNow(), heapSys(), runtime.NumGoroutine()
		mu.Lock()
		faultsSeen := maps.Clone(seen)
		mu.Unlock()
		t.Logf("live heap after 10 min %.1f KiB, after 70 min %.1f KiB (%+.1f KiB); heap from the system %.1f MiB, %.1f MiB; goroutines %d, %d; faults %v",
			float64(heap10)/1024, float64(heap60)/1024, (float64(heap60)-float64(heap10))/1024,
			float64(sys10)/(1<<20), float64(sys60)/(1<<20), goroutines10, goroutines60, faultsSeen)
		for _, fault := range faults {
			if faultsSeen[fault] == 0 {
				t.Fatalf("the fault %q never happened: %v", fault, faultsSeen)
			}
		}
		entries, cursors, cursor, quiets := d.Kept("phone")
		if entries != 7 || cursors != 1 || len(cursor) > 64 || quiets > 5 {
			t.Errorf("the dispatcher keeps %d entries (want 7), %d cursors (want 1, at most 64 bytes: %q), %d log limits (want at most 5)",
				entries, cursors, cursor, quiets)
		}
		if goroutines60 > goroutines10+4 {
			t.Errorf("goroutines grew from %d to %d", goroutines10, goroutines60)
		}
		if grew := int64(heap60) - int64(heap10); grew > 1<<20 {
			t.Errorf("the heap grew by %d KiB in an hour of faults, want it flat (under 1 MiB)", grew>>10)
		}
		// And answers still come through.
		f.srv.Intercept(nil)
		f.srv.ReplayAll(false)
		last := f.srv.Messages(topic)
		f.srv.DropStreams()
		f.press(last[len(last)-1], "Done")
		if a := f.answer(d); !a.Scheduled.Equal(start.Add(time.Hour)) || a.Action != channel.ActionDone {
			t.Fatalf("answer after the hour = %+v", a)
		}
	})
}

// heapSys returns the bytes of heap obtained from the system.
func heapSys() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapSys - ms.HeapReleased
}

// heapNow returns the bytes of live heap after a collection.
func heapNow() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}
