package state

// What a state file of an older bedtime lacks, read as it meant it.

// openOldSnoozes gives a snooze of version one its open instant. Version
// one kept a snooze as a time alone (it knew no open instants) and, at that
// time, showed the reminder again, counted for the last instant it had
// handled, or for the snooze's own time when it had handled none (`bedtime
// snooze` took any reminder). Today a snooze shows its reminder's open
// instant again, and one without an open instant is dropped unseen: the
// reminder snoozed before the upgrade never came back. So a snooze with no
// instant of its reminder open or finished (today's files always have one)
// opens that instant, snoozed.
func (st *State) openOldSnoozes() {
	for name, until := range st.Snoozes {
		if until.IsZero() {
			continue
		}
		if _, ok := st.Open[name]; ok {
			continue
		}
		if _, ok := st.Closed[name]; ok {
			continue
		}
		scheduled, ok := st.Last[name]
		if !ok || scheduled.IsZero() || scheduled.After(until) {
			scheduled = until
		}
		st.Open[name] = Instant{Scheduled: scheduled, Status: Snoozed, Since: scheduled}
	}
}
