package scheduler

import (
	"container/heap"
	"iter"
	"time"
)

// Due is one future firing of a job.
type Due struct {
	Job string
	At  time.Time
}

// Upcoming returns the first n firings of jobs strictly after t, in time
// order; firings at the same instant keep the jobs' order. It merges the
// jobs' firings as they come, asking each job for one firing more only
// when its last one was taken, so it costs about len(jobs)+n calls of Next.
func Upcoming(jobs []Job, t time.Time, n int) []Due {
	if n <= 0 {
		return nil
	}
	out := make([]Due, 0, min(n, 1024))
	for d := range Walk(jobs, t) {
		out = append(out, d)
		if len(out) == n {
			break
		}
	}
	return out
}

// Walk yields the firings of jobs strictly after t in the order Upcoming
// returns them, for as long as the caller takes them: it ends only when
// every job's schedule has ended. A caller that wants the firings up to an
// instant stops at the first one at or after it. Taking k firings costs
// about len(jobs)+k calls of Next.
func Walk(jobs []Job, t time.Time) iter.Seq[Due] {
	return func(yield func(Due) bool) {
		var q dueQueue
		for i, j := range jobs {
			if at := j.Schedule.Next(t); !at.IsZero() {
				q = append(q, pending{at, i})
			}
		}
		heap.Init(&q)
		for len(q) > 0 {
			p := &q[0]
			if !yield(Due{Job: jobs[p.job].Name, At: p.at}) {
				return
			}
			if p.at = jobs[p.job].Schedule.Next(p.at); p.at.IsZero() {
				heap.Pop(&q)
			} else {
				heap.Fix(&q, 0)
			}
		}
	}
}

// pending is the next firing of jobs[job].
type pending struct {
	at  time.Time
	job int
}

// dueQueue orders pending firings by time, then by job.
type dueQueue []pending

func (q dueQueue) Len() int { return len(q) }
func (q dueQueue) Less(i, j int) bool {
	if c := q[i].at.Compare(q[j].at); c != 0 {
		return c < 0
	}
	return q[i].job < q[j].job
}
func (q dueQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *dueQueue) Push(x any)   { *q = append(*q, x.(pending)) }
func (q *dueQueue) Pop() any {
	old := *q
	p := old[len(old)-1]
	*q = old[:len(old)-1]
	return p
}
