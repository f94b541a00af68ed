package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// Budgets for what package initialisation allocates (GODEBUG=inittrace=1),
// in bytes. What start allocates grows the heap before its first
// collection, and those pages stay: the daemon's anonymous memory at rest
// went from 3.1 to 5.7 MiB when two packages began to build a regular
// expression with Unicode classes (1.6 MB) and every language's message
// catalog (0.9 MB) at start. Build such things on first use.
//
// The largest part left is locale's translations: Go builds a map literal
// when the program starts, about 100 bytes of heap for each message in
// each language (70 KB for 173 messages, 290 KB for 850). Should that
// pass the budget, keep the translations as slices of pairs (static data,
// no heap) and make a map of the language in use only, when it first
// speaks.
const (
	initBudgetTotal   = 640 << 10
	initBudgetPackage = 384 << 10
)

// TestStartAllocatesLittle runs the binary with GODEBUG=inittrace=1 and
// holds its packages' initialisation to the budgets above. Allocation
// counts do not depend on the machine's speed, so the check is exact
// enough to be deterministic.
func TestStartAllocatesLittle(t *testing.T) {
	bin := buildBedtime(t)
	cmd := exec.Command(bin, "version")
	dir := t.TempDir()
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1", "XDG_CONFIG_HOME="+dir, "XDG_STATE_HOME="+dir, "LANG=C", "LC_ALL=")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("bedtime version: %v\n%s", err, stderr.String())
	}
	byPkg, err := parseInitTrace(stderr.String())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := byPkg["main"]; !ok || len(byPkg) < 20 {
		t.Fatalf("the init trace names %d packages and main: %v; is GODEBUG=inittrace=1 honoured?\n%s", len(byPkg), ok, stderr.String())
	}
	total := 0
	for pkg, n := range byPkg {
		total += n
		if n > initBudgetPackage {
			t.Errorf("initialising %s allocates %d bytes, over the budget of %d: build what it makes on first use", pkg, n, initBudgetPackage)
		}
	}
	if total > initBudgetTotal {
		t.Errorf("initialising all packages allocates %d bytes, over the budget of %d", total, initBudgetTotal)
	}
	t.Logf("package initialisation allocates %d bytes in all", total)
}

// parseInitTrace sums the bytes of each package's lines of the runtime's
// init trace: "init example.com/p @0.1 ms, 0.01 ms clock, 4096 bytes, 12
// allocs".
func parseInitTrace(s string) (map[string]int, error) {
	out := map[string]int{}
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 11 || f[0] != "init" || f[8] != "bytes," {
			continue
		}
		n, err := strconv.Atoi(f[7])
		if err != nil {
			return nil, err
		}
		out[f[1]] += n
	}
	return out, sc.Err()
}

func TestParseInitTrace(t *testing.T) {
	got, err := parseInitTrace("init runtime @0.003 ms, 0.009 ms clock, 0 bytes, 0 allocs\n" +
		"bedtime 1.0\n" +
		"init example.com/p @0.1 ms, 2.4 ms clock, 989936 bytes, 12 allocs\n" +
		"init example.com/p @0.2 ms, 0.1 ms clock, 64 bytes, 1 allocs\n")
	if err != nil {
		t.Fatal(err)
	}
	if got["example.com/p"] != 990000 || got["runtime"] != 0 || len(got) != 2 {
		t.Errorf("parseInitTrace = %v, want example.com/p 990000 and runtime 0", got)
	}
}
