package service

// The macOS LaunchAgent's plist. It is rendered here, in a file built on every
// OS, so that its golden test runs in CI on Linux too; launchd_darwin.go
// installs it.

import (
	"bytes"
	"encoding/xml"
	"path/filepath"
	"text/template"
)

// launchdLabel is the LaunchAgent's label and the plist's base name.
const launchdLabel = "io.github.bedtime-app.bedtime"

// launchdPlistTemplate is the LaunchAgent. RunAtLoad starts it at every login
// (and when it is loaded by install); KeepAlive with SuccessfulExit false
// restarts it only when it fails, so "bedtime stop" (SIGTERM, a clean exit)
// sticks. launchd cannot leave out one exit status, so a start that cannot
// succeed exits 0 under it (CannotStartEnv), and is not restarted every
// 10 s forever; its log says why. launchd sends SIGTERM to stop it. Its
// output goes to one log file.
var launchdPlistTemplate = template.Must(template.New("plist").Funcs(template.FuncMap{"xml": xmlEscape}).Parse(
	`<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<!-- Written by "bedtime install". Run it again to update this agent, "bedtime uninstall" to remove it. -->
<plist version="1.0">
<dict>
	<key>Label</key>
	<string>{{xml .Label}}</string>
	<key>ProgramArguments</key>
	<array>
		<string>{{xml .Executable}}</string>
{{- range .Args}}
		<string>{{xml .}}</string>
{{- end}}
	</array>
	<key>EnvironmentVariables</key>
	<dict>
		<key>{{xml .CannotStartEnv}}</key>
		<string>0</string>
	</dict>
	<key>RunAtLoad</key>
	<true/>
	<key>KeepAlive</key>
	<dict>
		<key>SuccessfulExit</key>
		<false/>
	</dict>
	<key>StandardOutPath</key>
	<string>{{xml .LogFile}}</string>
	<key>StandardErrorPath</key>
	<string>{{xml .LogFile}}</string>
</dict>
</plist>
`))

// launchdLogDir is the agent's log directory under the home directory home.
func launchdLogDir(home string) string {
	return filepath.Join(home, "Library", "Logs", "bedtime")
}

// launchdPlistPath is where the agent's plist lives under home.
func launchdPlistPath(home string) string {
	return filepath.Join(home, "Library", "LaunchAgents", launchdLabel+".plist")
}

// renderLaunchdPlist returns the LaunchAgent plist that runs spec for the
// user whose home directory is home.
func renderLaunchdPlist(spec Spec, home string) ([]byte, error) {
	var b bytes.Buffer
	err := launchdPlistTemplate.Execute(&b, map[string]any{
		"Label":          launchdLabel,
		"Executable":     spec.Program(),
		"Args":           spec.Args(),
		"LogFile":        filepath.Join(launchdLogDir(home), "bedtime.log"),
		"CannotStartEnv": CannotStartEnv,
	})
	return b.Bytes(), err
}

func xmlEscape(s string) (string, error) {
	var b bytes.Buffer
	err := xml.EscapeText(&b, []byte(s))
	return b.String(), err
}

// launchdProgramArguments returns the strings of the ProgramArguments array
// in a plist written by renderLaunchdPlist, or nil.
func launchdProgramArguments(plist []byte) []string {
	var doc struct {
		Dict struct {
			Items []struct {
				XMLName xml.Name
				Value   string   `xml:",chardata"`
				Strings []string `xml:"string"`
			} `xml:",any"`
		} `xml:"dict"`
	}
	if err := xml.Unmarshal(plist, &doc); err != nil {
		return nil
	}
	items := doc.Dict.Items
	for i := 0; i+1 < len(items); i++ {
		if items[i].XMLName.Local == "key" && items[i].Value == "ProgramArguments" && items[i+1].XMLName.Local == "array" {
			return items[i+1].Strings
		}
	}
	return nil
}
