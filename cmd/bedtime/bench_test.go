package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/bedtime-app/bedtime/config"
)

// BenchmarkColdStartNext runs `bedtime next` as a whole process, as a user
// or a shell prompt would. Target: under 20 ms.
func BenchmarkColdStartNext(b *testing.B) {
	bin := buildBedtimeB(b)
	path := filepath.Join(b.TempDir(), "schedule.yaml")
	if err := os.WriteFile(path, config.Template(), 0o600); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		cmd := exec.Command(bin, "next", "--config", path)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v\n%s", err, out)
		}
	}
}

func buildBedtimeB(b *testing.B) string {
	b.Helper()
	bin := filepath.Join(b.TempDir(), "bedtime")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	if _, err := os.Stat(bin); err != nil {
		b.Fatal(err)
	}
	return bin
}
