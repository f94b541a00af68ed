#!/usr/bin/env bash
# e2e/report.sh: the cramp report as a real browser shows and prints it.
#
# Fills a fresh state directory with 13 weeks of generated history and
# diary (e2e/reportfixture), writes `bedtime report` (the last 8 weeks) and
# `bedtime report --csv`, then Debian's chromium, headless and offline,
# takes a screenshot of the page and prints it to PDF on Letter (chromium's
# default) and on A4. pdftotext must find in each PDF the figures the CSV
# gives (nights with cramps, nights answered, nights without an answer),
# the caution, and the note with HTML in it as text; pdfinfo must count at
# most 2 pages. The same report in German (LC_ALL=de_DE.UTF-8) is printed
# on both papers and checked the same way, in German words; the report of
# 13 weeks (a quarter, the longest on two pages) in English on both and in
# Spanish, whose words make the longest pages, on Letter.
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
# 13 weeks of history: the longest report that prints on two pages is a
# quarter (report.LongPrintWeeks); the default report takes the last 8.
go run ./e2e/reportfixture -state "$XDG_STATE_HOME/bedtime" -weeks 13
"$tmp/bedtime" report -o "$tmp/report.html"
"$tmp/bedtime" report --csv -o "$tmp/report.csv"
mode=$(stat -c %a "$tmp/report.html")
[ "$mode" = 600 ] || { echo "FAIL: the report's mode is $mode, want 600" >&2; exit 1; }

# The oracle: the CSV's own counts of the same nights.
counts() { awk -F, 'NR>1 { if ($3=="yes") c++; if ($3!="unknown") a++; else u++ } END { print c+0, a+0, u+0 }' "$1"; }
read -r cramps answered unknown < <(counts "$tmp/report.csv")
echo "CSV: cramps on $cramps of $answered nights answered, $unknown without an answer"

chrome() {
	timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
		--disable-component-update --disable-sync --no-first-run --user-data-dir="$tmp/profile-$1" \
		--hide-scrollbars "${@:2}" 2>"$tmp/chromium-$1.log" || { cat "$tmp/chromium-$1.log" >&2; exit 1; }
}
chrome shot --window-size=900,1820 --screenshot="$out" "file://$tmp/report.html"

fail=0
# printed NAME HTML PAPER WANT...: HTML printed by chromium on PAPER
# (letter, chromium's default, or a4: only the paper size differs) must
# take at most 2 pages and its text hold each WANT.
printed() {
	local name=$1 html=$2 paper=$3 want
	shift 3
	if [ "$paper" = a4 ]; then
		sed 's/@page { margin: 11mm 12mm; }/@page { size: A4; margin: 11mm 12mm; }/' "$html" >"$tmp/$name.html"
		grep -q 'size: A4' "$tmp/$name.html" || { echo "FAIL: $name: could not set A4" >&2; exit 1; }
		html=$tmp/$name.html
	fi
	chrome "$name" --no-pdf-header-footer --print-to-pdf="$tmp/$name.pdf" "file://$html"
	local pdf=$tmp/$name.pdf pages size text
	pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
	size=$(pdfinfo "$pdf" | awk -F': *' '/^Page size:/ { print $2 }')
	echo "$name: $pages pages ($size)"
	[ "$pages" -le 2 ] || { echo "FAIL: $name: $pages pages, want at most 2" >&2; fail=1; }
	case $paper in
		a4) grep -q '(A4)' <<<"$size" || { echo "FAIL: $name: not A4: $size" >&2; fail=1; } ;;
		letter) grep -q '(letter)' <<<"$size" || { echo "FAIL: $name: not Letter: $size" >&2; fail=1; } ;;
	esac
	text=$(pdftotext -layout "$pdf" - | tr -s ' \n' ' ')
	for want in "$@"; do
		case $text in
			*"$want"*) ;;
			*) echo "FAIL: $name: the PDF's text lacks: $want" >&2; fail=1 ;;
		esac
	done
}

english=("times in Europe/Berlin" "magnesium at 20:30" "Cramps on $cramps of the $answered nights with an answer"
	"$unknown nights have no answer"
	"This report shows what happened, not why. Talk it over with a doctor."
	"Nights with cramps, per week" "The habits, per week" "Calendar: each night"
	"After a day it was done" "calf-stretch" "The schedule in force"
	"<script>alert('x')</script>")
for paper in letter a4; do
	printed "$paper" "$tmp/report.html" "$paper" "${english[@]}"
done

# The same report for a German reader (the language from the environment,
# as a German desktop sets it), on both papers: its words, dates and
# decimals German, the cautions there, still on at most 2 pages.
LC_ALL=de_DE.UTF-8 "$tmp/bedtime" report -o "$tmp/report-de.html"
german=("Nächtliche Beinkrämpfe und die Gewohnheiten dagegen" "Zeiten in Europe/Berlin"
	"Krämpfe in $cramps von $answered Nächten mit Antwort" "$unknown Nächte haben keine Antwort"
	"Dieser Bericht zeigt, was geschah, nicht warum. Sprich darüber mit einem Arzt."
	"Nächte mit Krämpfen, je Woche" "Kalender: jede Nacht" "Mo Di Mi Do Fr Sa So"
	"Nach einem Tag, an dem sie" "Der geltende Plan" "<script>alert('x')</script>")
for paper in letter a4; do
	printed "de-$paper" "$tmp/report-de.html" "$paper" "${german[@]}"
done

# A quarter (13 weeks), in English and in Spanish, whose words make the
# longest pages: printed smaller and without the calendar's chart, still on
# at most 2 pages, with the figures of the CSV of those 13 weeks.
"$tmp/bedtime" report --weeks 13 -o "$tmp/report-13.html"
"$tmp/bedtime" report --weeks 13 --csv -o "$tmp/report-13.csv"
read -r cramps answered unknown < <(counts "$tmp/report-13.csv")
echo "CSV of 13 weeks: cramps on $cramps of $answered nights answered, $unknown without an answer"
grep -q '(91 nights)' "$tmp/report-13.html" || { echo "FAIL: the report of 13 weeks does not cover 91 nights" >&2; fail=1; }
for paper in letter a4; do
	printed "13w-$paper" "$tmp/report-13.html" "$paper" "Cramps on $cramps of the $answered nights with an answer" \
		"$unknown nights have no answer" "Calendar: each night" "The schedule in force"
done
LC_ALL=es_ES.UTF-8 "$tmp/bedtime" report --weeks 13 -o "$tmp/report-13-es.html"
printed 13w-es-letter "$tmp/report-13-es.html" letter "Calambres en $cramps de las $answered noches con respuesta" "El horario vigente"

[ $fail = 0 ] || exit 1
echo "ok: the report prints on at most 2 pages of Letter and of A4, for 8 weeks in English and German and for 13 in English and Spanish, with the CSV's figures; screenshot: $out"
