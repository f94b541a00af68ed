package runner

import "runtime/debug"

// Version is a program's version: stamped, the one set at build time
// (-ldflags -X), else the module version from the build info, else
// "devel".
func Version(stamped string) string {
	if stamped != "" {
		return stamped
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}
