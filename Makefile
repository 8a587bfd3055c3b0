# Doorstep. `make run` and `make test` install whatever is missing first.
SHELL := /bin/bash
.PHONY: run test dev bench build

## Build the release site and serve it with the demo business on the embedded SQLite.
run: build
	@source .ci/env.sh && exec "$$DOORSTEP_BIN" serve --demo

## Everything: format, clippy (ssr and hydrate), wasm32 domain build, unit and integration
## tests on SQLite and PostgreSQL, browser tests in Chromium.
test:
	@.ci/test.sh

## Rebuild and restart on every change (debug build).
dev:
	@.ci/install.sh build
	@source .ci/env.sh && cargo leptos watch

## HTTP throughput and latency, first-visit transfer, wasm size.
bench:
	@.ci/bench.sh

build:
	@.ci/install.sh build
	@source .ci/env.sh && cargo leptos build --release
