# mobio's Makefile. `make help` lists the targets; CI runs `make test` through .ci/run.
# A fresh machine needs only Go, gcc, Node and make: `make tools` installs the rest into ./bin.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

GO ?= go
# automerge-go links a bundled static automerge-c library: cgo is required, never optional.
export CGO_ENABLED := 1

BIN := $(CURDIR)/bin
# Staticcheck 2026.2.2, which supports Go 1.26 and 1.27. Raise it with the go directive in go.mod.
STATICCHECK_VERSION := v0.8.2
STATICCHECK := $(BIN)/staticcheck

VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
FUZZTIME ?= 30s
BENCH ?= .
BENCHTIME ?= 1s
# Each program in ./examples must finish on its own within this time.
EXAMPLE_TIMEOUT ?= 60s

# Directories that hold no source of ours.
PRUNE := -path ./.git -o -path ./bin -o -path ./data -o -path '*/node_modules' -o -path '*/testdata'

.PHONY: help tools test fmt-check vet staticcheck gotest examples build run fuzz bench clean

help: ## list the targets
	@echo 'Usage: make TARGET [VAR=value]'
	@echo
	@grep -hE '^[a-z][a-z-]*:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  %-12s %s\n", $$1, $$2}'
	@echo
	@echo 'Variables: VERSION=$(VERSION) FUZZTIME=$(FUZZTIME) BENCH=$(BENCH) BENCHTIME=$(BENCHTIME)'

tools: ## install the pinned staticcheck into ./bin
	GOBIN=$(BIN) $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

test: fmt-check vet staticcheck gotest test-wasm test-browser-client test-web examples ## gofmt check, go vet, staticcheck, go test -race, the js/wasm tests, the browser tests, then the examples

fmt-check: ## fail listing the Go files that gofmt would change
	@files=$$(find . \( $(PRUNE) \) -prune -o -name '*.go' -print | xargs -r gofmt -l); \
	if [ -n "$$files" ]; then echo "gofmt: these files need formatting (run gofmt -w):"; echo "$$files"; exit 1; fi

vet: ## go vet ./...
	$(GO) vet ./...

staticcheck: tools ## staticcheck ./...
	$(STATICCHECK) ./...

gotest: ## go test -race ./...
	$(GO) test -race ./...

.PHONY: test-wasm
# The browser runs the same e2ee code compiled to js/wasm: its tests, the known-answer vectors of
# e2ee/testdata among them, run in Node through Go's wasm exec wrapper. cgo does not exist there.
test-wasm: ## go test ./e2ee/... compiled to js/wasm, run in Node
	@command -v node >/dev/null || { echo "test-wasm: needs Node.js (node) on PATH"; exit 1; }
	GOOS=js GOARCH=wasm CGO_ENABLED=0 $(GO) test -exec="$$($(GO) env GOROOT)/lib/wasm/go_js_wasm_exec" ./e2ee/...

WASM_OUT := $(CURDIR)/bin/wasm

.PHONY: wasm-npm wasm-build test-browser-client
wasm-npm: ## install the browser client's pinned npm packages (wasm/package-lock.json)
	@command -v npm >/dev/null || { echo "wasm-npm: needs npm on PATH"; exit 1; }
	cd wasm && npm ci --no-audit --no-fund --loglevel=error

wasm-build: ## build the browser client's WebAssembly modules (sync engine, case work) into bin/wasm, and print their gzipped sizes
	@mkdir -p $(WASM_OUT)
	GOOS=js GOARCH=wasm CGO_ENABLED=0 $(GO) build -trimpath -ldflags="-s -w" -o $(WASM_OUT)/mobio.wasm ./wasm/cmd/mobio-wasm
	GOOS=js GOARCH=wasm CGO_ENABLED=0 $(GO) build -trimpath -ldflags="-s -w" -o $(WASM_OUT)/mobio-casework.wasm ./wasm/cmd/mobio-casework
	@for m in mobio mobio-casework; do echo "wasm-build: $$m.wasm $$(wc -c < $(WASM_OUT)/$$m.wasm) bytes, $$(gzip -9 -c $(WASM_OUT)/$$m.wasm | wc -c) gzipped"; done

# The browser client in Node: its Go packages under js/wasm (IndexedDB from fake-indexeddb), the
# JS document adapter and its Automerge interop with the Go golden documents, and two wasm
# clients syncing through a real relay on 127.0.0.1.
test-browser-client: wasm-npm wasm-build ## the browser client's js/wasm and Node tests
	cd wasm && GOOS=js GOARCH=wasm CGO_ENABLED=0 $(GO) test -exec="$$PWD/testdata/node-exec" ./...
	cd wasm && MOBIO_WASM=$(WASM_OUT)/mobio.wasm MOBIO_CASEWORK_WASM=$(WASM_OUT)/mobio-casework.wasm node --test js/
	MOBIO_WASM=$(WASM_OUT)/mobio.wasm MOBIO_CASEWORK_WASM=$(WASM_OUT)/mobio-casework.wasm $(GO) test -count=1 -run Relay ./wasm

.PHONY: web test-web
web: wasm-npm ## build the web app (wasm module, wasm_exec.js, schema, esbuild bundle) into wasm/web/dist
	cd wasm/web && npm ci --no-audit --no-fund --loglevel=error && node build.mjs

# The browser end-to-end tests: playwright-core drives Debian's chromium (installed here with
# apt-get when missing) against a relay on 127.0.0.1 that the test starts; screenshots of every
# step go to wasm/e2e/out. About a minute.
test-web: web ## browser end-to-end tests (chromium, playwright-core)
	@command -v chromium >/dev/null || { echo "test-web: installing Debian's chromium"; apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
	cd wasm/e2e && npm ci --no-audit --no-fund --loglevel=error && MOBIO_WEB_DIR=$(CURDIR)/wasm/web/dist npm test

examples: ## build every program in ./examples and run it (skipped while there is none)
	@if [ ! -d examples ]; then echo "examples: no ./examples yet, skipped"; exit 0; fi; \
	mains=$$($(GO) list -f '{{if eq .Name "main"}}{{.ImportPath}}{{end}}' ./examples/...); \
	if [ -z "$$mains" ]; then echo "examples: no programs in ./examples, skipped"; exit 0; fi; \
	out=$$(mktemp -d); trap 'rm -rf "$$out"' EXIT; \
	for m in $$mains; do \
		echo "examples: $$m"; \
		$(GO) build -buildvcs=false -o "$$out/example" "$$m"; \
		timeout $(EXAMPLE_TIMEOUT) "$$out/example" \
			|| { echo "examples: $$m failed or ran longer than $(EXAMPLE_TIMEOUT)"; exit 1; }; \
	done

build: ## build bin/mobio, stamped with VERSION
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o bin/mobio ./cmd/mobio

run: build web ## build bin/mobio and the web app, and run the relay with the web app on http://localhost:8080, database in ./data
	MOBIO_CONTROLLER="$${MOBIO_CONTROLLER:-Beispiel-Landratsamt, Musterstraße 1, 00000 Musterstadt (nur zum Ausprobieren)}" \
	MOBIO_DPO="$${MOBIO_DPO:-datenschutz@example.org (nur zum Ausprobieren)}" \
	./bin/mobio serve --addr localhost:8080 --data ./data --web wasm/web/dist

fuzz: ## run every FuzzXxx of the module for FUZZTIME each (default 30s)
	@targets=$$(find . \( $(PRUNE) \) -prune -o -name '*_test.go' -print \
		| xargs -r grep -HoE '^func Fuzz[A-Z0-9_][A-Za-z0-9_]*\(' \
		| sed -E 's|^\./(.*)/[^/]*_test\.go:func (Fuzz[A-Za-z0-9_]*)\($$|\1 \2|; s|^\./[^/]*_test\.go:func (Fuzz[A-Za-z0-9_]*)\($$|. \1|' \
		| sort -u); \
	if [ -z "$$targets" ]; then echo "fuzz: no fuzz targets"; exit 0; fi; \
	failed=""; \
	while read -r dir name; do \
		echo "fuzz: $$name in ./$$dir for $(FUZZTIME)"; \
		$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) "./$$dir" || failed="$$failed ./$$dir:$$name"; \
	done <<< "$$targets"; \
	if [ -n "$$failed" ]; then echo "fuzz: failed:$$failed"; exit 1; fi

bench: ## run the benchmarks (BENCH pattern, BENCHTIME each)
	$(GO) test -run '^$$' -bench '$(BENCH)' -benchmem -benchtime $(BENCHTIME) ./...

# The web app's load times in headless chromium against a relay on 127.0.0.1: first visit,
# offline reload to the unlock screen, the unlock, the case-work module offline; as is and
# with the CPU slowed 4x (a phone, roughly). Prints a table; not part of `make test`.
.PHONY: bench-web
bench-web: web ## measure the web app's load times (BENCH_WEB_RUNS runs each, default 5)
	@command -v chromium >/dev/null || { echo "bench-web: installing Debian's chromium"; apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
	cd wasm/e2e && npm ci --no-audit --no-fund --loglevel=error && MOBIO_WEB_DIR=$(CURDIR)/wasm/web/dist node bench-load.mjs

clean: ## remove bin/ (binaries and tools) and coverage files
	rm -rf bin
	rm -f coverage.out coverage.html *.coverprofile
