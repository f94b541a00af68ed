//go:build linux

// Command dist builds a bedtime release into dist/ (make dist): see
// package release.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"github.com/bedtime-app/bedtime/internal/release"
)

func main() {
	out := flag.String("o", "dist", "directory to write the release to (emptied first)")
	repo := flag.String("repo", ".", "git work tree whose HEAD is built")
	baseURL := flag.String("url", "", "where the release's files are downloaded from, for the Homebrew formula and the Scoop manifest (default: the GitHub release of tag v<version>)")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	names, err := release.Build(ctx, release.Options{Repo: *repo, Out: *out, BaseURL: *baseURL, Log: os.Stderr})
	if err != nil {
		fmt.Fprintf(os.Stderr, "dist: %v\n", err)
		os.Exit(1)
	}
	for _, n := range names {
		fmt.Println(*out + "/" + n)
	}
}
