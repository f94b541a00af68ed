package daemon

// TrimMemory hands back what a process of bedtime needed only to start,
// as the daemon does after it starts and after each reload: the heap's
// garbage, and on Linux the pages of program text it will not run again
// (see trimMemory). `bedtime tray` calls it once its icon is up.
func TrimMemory() { trimMemory() }
