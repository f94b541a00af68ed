//go:build !darwin && !windows

package tray

// iconBytes is icon i as the StatusNotifierItem wants it (the library
// turns the PNG into the ARGB pixmap of IconPixmap).
func iconBytes(i Icon) []byte { return PNG(i, IconSize) }
