//go:build linux

package runner

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReady checks what Ready sends to a socket as systemd's
// $NOTIFY_SOCKET, and that it does nothing without one, as under bedtime
// run by hand, an autostart entry, launchd or Windows.
func TestReady(t *testing.T) {
	tests := []struct {
		name     string
		socket   string // "listen": a socket Ready must reach; "gone": a path with none
		wantSent bool
		wantErr  string
	}{
		{name: "under systemd", socket: "listen", wantSent: true},
		{name: "no NOTIFY_SOCKET", socket: ""},
		{name: "socket gone", socket: "gone", wantErr: "cannot tell systemd that bedtime started"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "notify")
			var conn *net.UnixConn
			if tt.socket == "listen" {
				c, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: path, Net: "unixgram"})
				if err != nil {
					t.Fatal(err)
				}
				defer c.Close()
				conn = c
			}
			if tt.socket == "" {
				path = ""
			}
			t.Setenv("NOTIFY_SOCKET", path)
			sent, err := Ready()
			if sent != tt.wantSent || (err == nil) != (tt.wantErr == "") || err != nil && !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Ready() = %v, %v; want %v, an error with %q", sent, err, tt.wantSent, tt.wantErr)
			}
			if _, set := os.LookupEnv("NOTIFY_SOCKET"); set && path != "" {
				t.Error("NOTIFY_SOCKET is still set: a program the daemon starts would speak for it")
			}
			if conn == nil {
				return
			}
			buf := make([]byte, 64)
			n, err := conn.Read(buf)
			if err != nil || string(buf[:n]) != "READY=1" {
				t.Errorf("the socket got %q, %v; want READY=1", buf[:n], err)
			}
		})
	}
}
