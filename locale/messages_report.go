package locale

// reportMessages are the report for the doctor and stats --calendar.
var reportMessages = []entry{}
