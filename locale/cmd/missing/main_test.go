package main

import (
	"strings"
	"testing"
)

func TestReport(t *testing.T) {
	for _, lang := range []string{"de", "fr", "es"} {
		var b strings.Builder
		n, err := report(&b, lang)
		if err != nil || n != 0 || !strings.HasPrefix(b.String(), lang+": nothing missing") {
			t.Errorf("report(%s) = %d, %v:\n%s", lang, n, err, b.String())
		}
	}
	var b strings.Builder
	n, err := report(&b, "it")
	if err != nil || n == 0 {
		t.Fatalf("report(it) = %d, %v", n, err)
	}
	for _, want := range []string{`message "Snooze" (add it to locale/it.go)`, "content texts.yaml: magnesium variant 1 (content/lang/it/)", "content help.yaml: cramp"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report(it) lacks %q:\n%s", want, b.String())
		}
	}
	if _, err := report(&b, "../etc"); err == nil {
		t.Error("report of a path did not fail")
	}
}
