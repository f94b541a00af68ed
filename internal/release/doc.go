// Package release builds what a bedtime release holds (make dist): the
// binaries for each platform, the .deb, .rpm and Arch packages (made with
// nfpm), tarballs and a zip, SHA256SUMS, and a Homebrew formula and a Scoop
// manifest filled with the sums.
//
// Invariants:
//
//   - Reproducible. Everything is built from one commit: its files as git
//     has them (git archive, so nothing untracked or modified gets in), its
//     time as SOURCE_DATE_EPOCH, its hash and version stamped into the
//     binary. Binaries are built with -trimpath, -buildvcs=false, an empty
//     build id and no cgo; every archive lists its entries in a fixed order
//     with the commit's time, owner root and fixed modes; gzip headers carry
//     no name and no time. Two builds of one commit give the same bytes.
//   - One version. Version turns "git describe" into the version the
//     binary prints ("bedtime version") and every package and archive
//     carries.
//   - The packages' systemd user unit is service.VendorUnit, rendered from
//     the template "bedtime install" writes, and the man pages and
//     completions come from the command tree itself (bedtime gen-docs, in a
//     build with the gendocs tag that is not shipped).
//
// The command is internal/cmd/dist; nothing here is linked into bedtime.
// Build runs on Linux only (the systemd unit it packs is rendered by the
// service package's Linux code); the parts it uses build everywhere.
package release
