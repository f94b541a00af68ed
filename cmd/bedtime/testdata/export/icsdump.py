"""Parse an iCalendar file from stdin with python3-icalendar (an independent
parser) and print its events as JSON: uid, start (DTSTART as UTC), summary,
description and each alarm's action and trigger.

Exit status 3 means the icalendar module is missing."""
import json
import sys
from datetime import timezone

try:
    import icalendar
except ImportError:
    sys.exit(3)

cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
events = []
for ev in cal.walk("VEVENT"):
    start = ev.decoded("DTSTART")
    if getattr(start, "tzinfo", None) is None:
        sys.exit("floating or date-only DTSTART in " + str(ev.get("UID")))
    alarms = [
        {"action": str(a.get("ACTION")), "trigger": str(a.decoded("TRIGGER"))}
        for a in ev.walk("VALARM")
    ]
    events.append({
        "uid": str(ev.get("UID")),
        "start": start.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "summary": str(ev.get("SUMMARY")),
        "description": str(ev.get("DESCRIPTION", "")),
        "alarms": alarms,
    })
json.dump(events, sys.stdout, indent=1, ensure_ascii=False)
