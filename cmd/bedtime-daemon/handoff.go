package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// fullName is the program beside bedtime-daemon that runs what it does not.
const fullName = "bedtime"

// full returns the path of the bedtime program beside this one.
func full() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("cannot find bedtime-daemon's own path: %w", err)
	}
	if p, err := filepath.EvalSymlinks(exe); err == nil {
		exe = p
	}
	name := fullName
	if filepath.Ext(exe) == ".exe" {
		name += ".exe"
	}
	p := filepath.Join(filepath.Dir(exe), name)
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("cannot find bedtime beside bedtime-daemon: %w", err)
	}
	return p, nil
}

// handOff runs "bedtime run" with args (bedtime-daemon's, with or without
// "run" first) in this process's stead: it returns only when that cannot
// start.
func handOff(args []string) error {
	p, err := full()
	if err != nil {
		return err
	}
	if len(args) > 0 && args[0] == "run" {
		args = args[1:]
	}
	return replace(p, append([]string{p, "run"}, args...))
}
