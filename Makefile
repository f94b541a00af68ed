# bedtime: the first two commands on a fresh machine are `make run` and `make test`.
GO      ?= go
BIN     ?= bin/bedtime
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
LDFLAGS := -X main.version=$(VERSION)

.PHONY: all build run test fmt vet unit cross tidy bench fuzz e2e e2e-notify e2e-service e2e-windows clean

all: build

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/bedtime

## run: the daemon in the foreground on the built-in default schedule (Ctrl+C stops it).
run: build
	./$(BIN) run --builtin

## test: everything CI checks: formatting, vet, go.mod tidiness, the race-enabled
## test suite, and the cross-compiles for macOS and Windows.
test: fmt vet tidy unit cross

fmt:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

tidy:
	$(GO) mod tidy -diff

unit:
	$(GO) test -race -count=1 ./...

cross:
	GOOS=darwin  GOARCH=amd64 $(GO) build -o /dev/null ./cmd/bedtime
	GOOS=darwin  GOARCH=arm64 $(GO) build -o /dev/null ./cmd/bedtime
	GOOS=windows GOARCH=amd64 $(GO) build -o /dev/null ./cmd/bedtime
	GOOS=windows GOARCH=amd64 $(GO) vet ./...
	GOOS=darwin  GOARCH=arm64 $(GO) vet ./...

## bench: the speed and size figures quoted in the README.
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

## fuzz: fuzz the schedule loader for a while; crashers land in config/testdata/fuzz.
FUZZTIME ?= 60s
fuzz:
	$(GO) test ./config -run '^$$' -fuzz FuzzParse -fuzztime $(FUZZTIME)

## e2e: the end-to-end runs (scripts in e2e/), against real parts: a reminder
## shown by dunst under Xvfb, bedtime as a per-user service (XDG autostart on
## this machine, then a systemd user unit in a real user manager), and the
## Windows build under Wine. None writes into the repository: the screenshot
## goes to a temporary file unless E2E_PNG names one
## (make e2e-notify E2E_PNG=docs/reminder.png updates the README's picture).
E2E_PNG ?=
e2e: e2e-notify e2e-service e2e-windows

e2e-notify:
	e2e/notify.sh $(E2E_PNG)

e2e-service:
	e2e/service.sh

e2e-windows:
	e2e/windows.sh

clean:
	rm -rf bin
