package main

// zoneFile is the system's time zone setting, which the daemon watches so
// that reminders follow a change of zone; tests point it elsewhere.
var zoneFile = "/etc/localtime"
