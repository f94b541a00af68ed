package state

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

func TestSetAside(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{
		"state.json", "history.jsonl", "state.json.tmp-123",
		"history.jsonl.unusable-20261202T030405",
		"state.json.corrupt-20261201T101010",
		"state.json.corrupt-20261201T101010-2",
		"notes.corrupt-yesterday", // not one of ours
		".corrupt-20261201T101010",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	got, err := SetAside(dir, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	at := func(s string) time.Time { v, _ := time.Parse("20060102T150405", s); return v }
	want := []Aside{
		{Name: "state.json.corrupt-20261201T101010", Of: "state.json", Corrupt: true, At: at("20261201T101010")},
		{Name: "state.json.corrupt-20261201T101010-2", Of: "state.json", Corrupt: true, At: at("20261201T101010")},
		{Name: "history.jsonl.unusable-20261202T030405", Of: "history.jsonl", At: at("20261202T030405")},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("SetAside =\n%+v\nwant\n%+v", got, want)
	}
	if got, err := SetAside(filepath.Join(dir, "missing"), time.UTC); err != nil || got != nil {
		t.Errorf("a missing directory: %v, %v; want none", got, err)
	}
}

// What the store moves aside, SetAside finds.
func TestSetAsideFindsWhatTheStoreMoved(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "state.json"), []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Update(func(*State) error { return nil }); err != nil {
		t.Fatal(err)
	}
	got, err := SetAside(dir, time.Local)
	if err != nil || len(got) != 1 || got[0].Of != "state.json" || !got[0].Corrupt {
		t.Fatalf("SetAside = %+v, %v; want the state file moved aside", got, err)
	}
	if _, err := os.Stat(filepath.Join(dir, got[0].Name)); err != nil {
		t.Error(err)
	}
}
