# bedtime: the first two commands on a fresh machine are `make run` and `make test`.
GO      ?= go
BIN     ?= bin/bedtime
# DAEMON_BIN: bedtime-daemon, the daemon alone, which the service runs; it
# hands what it does not do itself to the bedtime beside it, so it is
# always built into the same directory as BIN.
DAEMON_BIN ?= $(dir $(BIN))bedtime-daemon
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
COMMIT  ?= $(shell git rev-parse HEAD 2>/dev/null)
LDFLAGS := -X main.version=$(VERSION) -X main.commit=$(COMMIT)
# DAEMON_GCFLAGS: bedtime-daemon waits nearly all its life and is built
# without inlining: a smaller program that holds less memory at rest
# (internal/release's gcFlags, which make dist uses, say the same).
DAEMON_GCFLAGS := all=-l

.PHONY: all build release run run-deps test test-deps fmt vet unit cross tidy bench fuzz docs e2e e2e-notify e2e-notify-lang e2e-answer e2e-service e2e-presence e2e-windows e2e-fresh e2e-report e2e-tray bench-tray e2e-sync e2e-package dist dist-reproducible clean

all: build

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/bedtime
	$(GO) build -ldflags "$(LDFLAGS)" -o $(DAEMON_BIN) ./cmd/bedtime-daemon

## release: the binaries as they ship (bedtime, and the bedtime-daemon the
## service runs beside it): -trimpath, stripped of the symbol
## table and DWARF (-s -w), which a user's machine never reads, bedtime-daemon
## without inlining (DAEMON_GCFLAGS), and without
## cgo, as the packages' builder makes it: static, no C library mapped in
## (os/user then reads /etc/passwd itself, for the names in safefs's errors).
release:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags "-s -w $(LDFLAGS)" -o $(BIN) ./cmd/bedtime
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags "-s -w $(LDFLAGS)" -gcflags "$(DAEMON_GCFLAGS)" -o $(DAEMON_BIN) ./cmd/bedtime-daemon

## run: the daemon in the foreground on the built-in default schedule (Ctrl+C stops it),
## in bedtime itself.
## On a fresh machine, Go fetches the modules over HTTPS: that needs the CA certificates.
RUN_DEPS = file=/etc/ssl/certs/ca-certificates.crt:ca-certificates
run: run-deps build
	$(abspath $(BIN)) run --builtin

run-deps:
	@scripts/need $(RUN_DEPS)

## test: everything CI checks: formatting, vet, go.mod tidiness, the race-enabled
## test suite, and the cross-compiles for macOS and Windows. It installs the
## Debian packages its tests need first (as root or with sudo -n), or stops
## with the one command to run.
test: test-deps fmt vet tidy unit cross

# What the tests talk to: gcc and the C library's headers (libc6-dev, which
# gcc only recommends) for -race, a real dbus-daemon, systemd-analyze,
# a real vim, Python's icalendar as an independent parser, groff for the
# man pages, Xvfb and xdotool for X11 idle time, gio (GLib's reading of the
# XDG autostart entry), python3's plistlib for the macOS plist, desktop-file-validate
# for the packages' menu entry.
TEST_DEPS = $(RUN_DEPS) gcc:gcc file=/usr/include/stdlib.h:libc6-dev dbus-daemon:dbus systemd-analyze:systemd vim:vim-tiny \
	py.icalendar:python3-icalendar groff:groff-base git:git Xvfb:xvfb xdotool:xdotool \
	gio:libglib2.0-bin file=/usr/bin/python3:python3 desktop-file-validate:desktop-file-utils
test-deps:
	@scripts/need $(TEST_DEPS)

fmt:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

tidy:
	$(GO) mod tidy -diff

unit:
	$(GO) test -race -count=1 ./...

# cross: the programs and their tests vetted and built for Windows and macOS.
# The release tooling (internal/release, internal/cmd/dist, with nfpm and its
# 190 packages) runs only where releases are made, on Linux, so it is vetted
# there alone; macOS on amd64 is the same Go code as on arm64, and make dist
# builds both.
CROSS_VET = $$(GOOS=$(1) GOARCH=$(2) $(GO) list ./... | grep -v -e /internal/release -e /internal/cmd/dist)
cross:
	GOOS=windows GOARCH=amd64 $(GO) vet $(call CROSS_VET,windows,amd64)
	GOOS=windows GOARCH=amd64 $(GO) build -o /dev/null ./cmd/bedtime
	GOOS=windows GOARCH=amd64 $(GO) build -ldflags=-H=windowsgui -o /dev/null ./cmd/bedtime-daemon
	GOOS=darwin  GOARCH=arm64 $(GO) vet $(call CROSS_VET,darwin,arm64)
	GOOS=darwin  GOARCH=arm64 $(GO) build -o /dev/null ./cmd/bedtime
	GOOS=darwin  GOARCH=arm64 $(GO) build -o /dev/null ./cmd/bedtime-daemon

## docs: shell completions (bash, zsh, fish, PowerShell) and man pages, generated from the
## command tree into $(DIST)/completions and $(DIST)/man/man1 (see the README for where each goes),
## by a build with -tags gendocs: the binary that ships does not link the man page generator.
DIST ?= dist
docs:
	rm -rf $(DIST)/completions $(DIST)/man
	$(GO) build -tags gendocs -ldflags "$(LDFLAGS)" -o $(BIN)-gendocs ./cmd/bedtime
	$(abspath $(BIN))-gendocs gen-docs $(DIST)

## bench: the speed and size figures quoted in the README.
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

## bench-tray: the tray's memory and wake-ups at rest, beside the daemon's (2 minutes).
bench-tray:
	bench/tray-idle.sh

## fuzz: fuzz the schedule loader for a while; crashers land in config/testdata/fuzz.
FUZZTIME ?= 60s
fuzz:
	$(GO) test ./config -run '^$$' -fuzz FuzzParse -fuzztime $(FUZZTIME)
	$(GO) test ./config -run '^$$' -fuzz FuzzShape -fuzztime $(FUZZTIME)
	$(GO) test ./config -run '^$$' -fuzz FuzzSyncName -fuzztime $(FUZZTIME)
	$(GO) test ./config -run '^$$' -fuzz FuzzNames -fuzztime $(FUZZTIME)

## e2e: the end-to-end runs (scripts in e2e/), against real parts: a reminder
## shown by dunst under Xvfb (in English and in German) and answered with its
## menu's Snooze and Done, bedtime as a per-user
## service (XDG autostart on this machine, then a systemd user unit in a real
## user manager), presence against a real headless GNOME (mutter), the Windows
## build under Wine, the report in Chromium, the tray in xfce4-panel, two
## computers through real Syncthing, the release's packages installed and read
## back, two releases byte for byte, and make test and make run on a bare Debian.
## None writes into the repository: the screenshot goes to a temporary file
## unless E2E_PNG names one
## (make e2e-notify E2E_PNG=docs/reminder.png updates the README's picture).
E2E_PNG ?=
E2E_LANG_PNG ?=
e2e: e2e-notify e2e-notify-lang e2e-answer e2e-service e2e-presence e2e-windows e2e-report e2e-tray e2e-sync e2e-package dist-reproducible e2e-fresh

e2e-notify:
	e2e/notify.sh $(E2E_PNG)

## e2e-notify-lang: a reminder in German (LANG=de_DE.UTF-8) shown by dunst under
## Xvfb, checked in dunst's own history (about 10 s).
e2e-notify-lang:
	e2e/notify-lang.sh $(E2E_LANG_PNG)

## e2e-answer: the daemon's reminder answered on the notification, Snooze then
## Done chosen in dunst's own context menu (dunstctl context) under Xvfb: it comes
## back after its snooze, and the history and stats count it once (about 2 min).
e2e-answer:
	e2e/answer.sh

e2e-service:
	e2e/service.sh

e2e-windows:
	e2e/windows.sh

## e2e-sync: two computers through two real Syncthing instances: shown once, answered once, counted once.
e2e-sync:
	e2e/sync.sh

## e2e-tray: bedtime tray in a real panel, Debian's xfce4-panel with its Status
## Tray, under Xvfb on a private bus: the item registers, a pause shows, the menu
## opens on a click (make e2e-tray E2E_TRAY_PNG=docs/tray.png updates the picture).
E2E_TRAY_PNG ?=
e2e-tray:
	e2e/tray.sh $(E2E_TRAY_PNG)

## e2e-report: the cramp report in Debian's chromium, headless and offline: a
## screenshot, and PDFs on Letter and A4 that must hold the CSV's figures on
## at most 2 pages, and the German report's text once on A4 (about 20-25 s;
## make e2e-report E2E_REPORT_PNG=docs/report.png updates the picture in
## docs/diary.md).
E2E_REPORT_PNG ?=
e2e-report:
	e2e/report.sh $(E2E_REPORT_PNG)

## e2e-fresh: `make test` and `make run` as the README says, on a minimal Debian
## (debootstrap minbase, cached in /var/lib/machines/bedtime-fresh) with only Go, git
## and make, as root, with empty Go caches.
e2e-fresh:
	e2e/fresh.sh

## e2e-presence: presence against a real headless GNOME (mutter) on a private bus.
e2e-presence:
	e2e/presence.sh

## dist: a release of HEAD, which must be committed, in $(DIST)/ (emptied first): .deb,
## .rpm and Arch packages for amd64 and arm64 (nfpm), tarballs for Linux and macOS, a zip
## for Windows, SHA256SUMS, a Homebrew formula and a Scoop manifest. Reproducible: the
## commit's files (git archive), its time as SOURCE_DATE_EPOCH, -trimpath, no build id.
dist:
	$(GO) run ./internal/cmd/dist -o $(DIST)

## dist-reproducible: make dist twice, into two directories, and compare every byte.
dist-reproducible:
	e2e/dist-reproducible.sh

## e2e-package: the .deb installed with apt-get in a fresh systemd-nspawn sandbox, a
## reminder shown by a real notification server on the user's bus, apt-get remove keeping
## the user's files; lintian; the .rpm and Arch package read back; each archive's binary run.
e2e-package:
	e2e/package.sh

clean:
	rm -rf bin dist
