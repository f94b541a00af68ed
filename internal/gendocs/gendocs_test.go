package gendocs

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/spf13/cobra"
)

// TestManPages: each command's page is titled after it (bedtime-install's
// is BEDTIME-INSTALL, not BEDTIME), and text in angle brackets in a help
// text ("--config <schedule>") reaches the page instead of being taken
// for an HTML tag and dropped; code keeps its text as written.
func TestManPages(t *testing.T) {
	root := &cobra.Command{Use: "bedtime", Short: "Reminders"}
	root.AddCommand(&cobra.Command{Use: "install", Short: "Install the service", Run: func(*cobra.Command, []string) {},
		Long: `The service runs "bedtime run --config <schedule>", and a <b>word</b> stays.`})
	root.AddCommand(&cobra.Command{Use: "completion", Short: "Completion", Run: func(*cobra.Command, []string) {},
		Long: "Load it with `source <(bedtime completion) <x>`, or:\n\n    source <(bedtime completion bash) <tag>\n"})
	dir := t.TempDir()
	if err := Write(root, dir, "bedtime test", Daemon()); err != nil {
		t.Fatal(err)
	}
	groff, err := exec.LookPath("groff")
	if err != nil {
		t.Fatal("groff is missing: apt-get install groff-base")
	}
	tests := []struct {
		page  string
		title string
		texts []string
	}{
		{"bedtime.1", "BEDTIME(1)", nil},
		{"bedtime-install.1", "BEDTIME-INSTALL(1)", []string{`"bedtime run --config <schedule>"`, "<b>word</b>"}},
		// Code is kept as it is written, with no backslash added.
		{"bedtime-completion.1", "BEDTIME-COMPLETION(1)", []string{"Load it with source <(bedtime completion) <x>, or:", "source <(bedtime completion bash) <tag>"}},
		// The service's program, outside the tree: what it is, and where
		// its flags are said.
		{"bedtime-daemon.1", "BEDTIME-DAEMON(1)", []string{"bedtime-daemon run --config FILE [--or-builtin]",
			"what the per-user service runs", "bedtime-run(1)", "--or-builtin", "--builtin"}},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			cmd := exec.Command(groff, "-man", "-Tutf8", "-ww", "-P", "-cbou", filepath.Join(dir, "man", "man1", tt.page))
			cmd.Env = append(os.Environ(), "MANWIDTH=200")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			text, err := cmd.Output()
			if err != nil || stderr.Len() > 0 {
				t.Fatalf("groff: %v\n%s", err, stderr.Bytes())
			}
			if first, _, _ := bytes.Cut(text, []byte("\n")); !bytes.HasPrefix(first, []byte(tt.title)) {
				t.Errorf("first line %q, want the title %s", first, tt.title)
			}
			flat := bytes.Join(bytes.Fields(text), []byte(" "))
			for _, want := range tt.texts {
				if !bytes.Contains(flat, []byte(want)) {
					t.Errorf("the page lacks %q:\n%s", want, text)
				}
			}
			if tt.page == "bedtime-daemon.1" && (bytes.Contains(flat, []byte("--help")) || bytes.Contains(flat, []byte("HISTORY"))) {
				t.Errorf("the page offers a --help bedtime-daemon has not, or cobra's history:\n%s", text)
			}
		})
	}
}
