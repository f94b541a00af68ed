#!/usr/bin/env bash
# e2e/report.sh: the cramp report as a real browser shows and prints it.
#
# Fills a fresh state directory with 8 weeks of generated history and diary
# (e2e/reportfixture), writes `bedtime report` and `bedtime report --csv`,
# then Debian's chromium, headless and offline, takes a screenshot of the
# page and prints it to PDF twice: on Letter (chromium's default) and on A4.
# pdftotext must find in each PDF the figures the CSV gives (nights with
# cramps, nights answered, nights without an answer), the caution, and the
# note with HTML in it as text; pdfinfo must count at most 2 pages. The
# same report in German (LC_ALL=de_DE.UTF-8) is printed once on A4 and
# checked the same way, in German words.
#
# The screenshot goes to $1 (default: a new temporary file, so a plain run
# changes nothing in the repository; `make e2e-report E2E_REPORT_PNG=docs/report.png`
# updates the picture in docs/diary.md).
#
# Needs the Debian packages chromium and poppler-utils; scripts/need
# installs the missing ones (as root or with sudo -n) or says what to run.
set -euo pipefail

cd "$(dirname "$0")/.."
scripts/need chromium:chromium pdftotext:poppler-utils pdfinfo:poppler-utils
out=${1:-$(mktemp -d /tmp/bedtime-e2e-report-png.XXXXXX)/report.png}
tmp=$(mktemp -d /tmp/bedtime-e2e-report.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/bedtime" ./cmd/bedtime
state=$tmp/state
export XDG_STATE_HOME=$tmp/xdg-state XDG_CONFIG_HOME=$tmp/xdg-config
mkdir -p "$XDG_CONFIG_HOME/bedtime"
cat >"$XDG_CONFIG_HOME/bedtime/schedule.yaml" <<'YAML'
timezone: Europe/Berlin
bedtime: "22:30"
reminders:
  movement:
    cron: "55 10,14 * * mon-fri"
  hydration:
    at: "12:00"
  magnesium:
    at: "20:30"
  calf-stretch:
    before_bedtime: 30m
    routine: calf-stretch
  cramp-diary:
    at: "06:00"
    ask: cramps
  evening-walk:
    at: "19:00"
    title: "Evening walk"
    message: "A short walk, then walk on your heels for a minute."
YAML
"$tmp/bedtime" validate
go run ./e2e/reportfixture -state "$XDG_STATE_HOME/bedtime" -weeks 8
"$tmp/bedtime" report -o "$tmp/report.html"
"$tmp/bedtime" report --csv -o "$tmp/report.csv"
mode=$(stat -c %a "$tmp/report.html")
[ "$mode" = 600 ] || { echo "FAIL: the report's mode is $mode, want 600" >&2; exit 1; }

# The oracle: the CSV's own counts of the same nights.
read -r cramps answered unknown < <(awk -F, 'NR>1 { if ($3=="yes") c++; if ($3!="unknown") a++; else u++ } END { print c+0, a+0, u+0 }' "$tmp/report.csv")
echo "CSV: cramps on $cramps of $answered nights answered, $unknown without an answer"

chrome() {
	timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
		--disable-component-update --disable-sync --no-first-run --user-data-dir="$tmp/profile-$1" \
		--hide-scrollbars "${@:2}" 2>"$tmp/chromium-$1.log" || { cat "$tmp/chromium-$1.log" >&2; exit 1; }
}
chrome shot --window-size=900,1820 --screenshot="$out" "file://$tmp/report.html"
chrome letter --no-pdf-header-footer --print-to-pdf="$tmp/letter.pdf" "file://$tmp/report.html"
# The same page on A4: only the paper size differs.
sed 's/@page { margin: 11mm 12mm; }/@page { size: A4; margin: 11mm 12mm; }/' "$tmp/report.html" >"$tmp/report-a4.html"
grep -q 'size: A4' "$tmp/report-a4.html" || { echo "FAIL: could not set A4" >&2; exit 1; }
chrome a4 --no-pdf-header-footer --print-to-pdf="$tmp/a4.pdf" "file://$tmp/report-a4.html"

fail=0
for paper in letter a4; do
	pdf=$tmp/$paper.pdf
	pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
	size=$(pdfinfo "$pdf" | awk -F': *' '/^Page size:/ { print $2 }')
	echo "$paper: $pages pages ($size)"
	[ "$pages" -le 2 ] || { echo "FAIL: $paper: $pages pages, want at most 2" >&2; fail=1; }
	text=$(pdftotext -layout "$pdf" - | tr -s ' \n' ' ')
	for want in "times in Europe/Berlin" "magnesium at 20:30" "Cramps on $cramps of the $answered nights with an answer" \
		"$unknown nights have no answer" \
		"This report shows what happened, not why. Talk it over with a doctor." \
		"Nights with cramps, per week" "The habits, per week" "Calendar: each night" \
		"After a day it was done" "calf-stretch" "The schedule in force" \
		"<script>alert('x')</script>"; do
		case $text in
			*"$want"*) ;;
			*) echo "FAIL: $paper: the PDF's text lacks: $want" >&2; fail=1 ;;
		esac
	done
done
pdfinfo "$tmp/a4.pdf" | grep -q '^Page size:.*(A4)' || { echo "FAIL: the A4 PDF is not A4" >&2; fail=1; }

# The same report for a German reader (the language from the environment,
# as a German desktop sets it), printed once on A4: its words, dates and
# decimals German, the cautions there, still on at most 2 pages.
LC_ALL=de_DE.UTF-8 "$tmp/bedtime" report -o "$tmp/report-de.html"
sed 's/@page { margin: 11mm 12mm; }/@page { size: A4; margin: 11mm 12mm; }/' "$tmp/report-de.html" >"$tmp/report-de-a4.html"
chrome de --no-pdf-header-footer --print-to-pdf="$tmp/de.pdf" "file://$tmp/report-de-a4.html"
pages=$(pdfinfo "$tmp/de.pdf" | awk '/^Pages:/ { print $2 }')
echo "de (A4): $pages pages"
[ "$pages" -le 2 ] || { echo "FAIL: de: $pages pages, want at most 2" >&2; fail=1; }
pdftotext -layout "$tmp/de.pdf" "$tmp/de.txt"
text=$(tr -s ' \n' ' ' <"$tmp/de.txt")
for want in "Nächtliche Beinkrämpfe und die Gewohnheiten dagegen" "Zeiten in Europe/Berlin" \
	"Krämpfe in $cramps von $answered Nächten mit Antwort" "$unknown Nächte haben keine Antwort" \
	"Dieser Bericht zeigt, was geschah, nicht warum. Sprich darüber mit einem Arzt." \
	"Nächte mit Krämpfen, je Woche" "Kalender: jede Nacht" "Mo Di Mi Do Fr Sa So" \
	"Nach einem Tag, an dem sie" "Der geltende Plan" "<script>alert('x')</script>"; do
	case $text in
		*"$want"*) ;;
		*) echo "FAIL: de: the PDF's text lacks: $want" >&2; fail=1 ;;
	esac
done
[ $fail = 0 ] || exit 1
echo "ok: the report prints on at most 2 pages of Letter and of A4 with the CSV's figures, and in German on A4; screenshot: $out"
