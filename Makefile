# Kontor's commands. The steps live in scripts/; see docs/DEVELOPMENT.md.
#
#   make run            install what is missing, build the UI and the app, open Kontor
#   make test           every check CI runs (fmt, clippy, tsc, cargo test, bindings, vitest, e2e)
#   make e2e            just the end-to-end suite against the real app, under Xvfb
#   make bench-startup  start-up time and memory against a hello-world Tauri app (release)

SHELL := /bin/bash

.PHONY: help run test deps ui desktop e2e bench-startup fmt

help:
	@sed -n 's/^#   //p' Makefile

# Without a display GTK would abort with a backtrace: say so in one line.
ifneq ($(filter run,$(MAKECMDGOALS)),)
ifeq ($(DISPLAY)$(WAYLAND_DISPLAY),)
$(error kontor: no display found — try: xvfb-run -a make run)
endif
endif

run:
	@scripts/run.sh

test:
	@scripts/test.sh

deps:
	@scripts/install-deps.sh

ui:
	@scripts/install-deps.sh ui
	@scripts/build-ui.sh

desktop: ui
	cargo build -p kontor-desktop

e2e: ui
	@scripts/install-deps.sh system tauri-driver
	@scripts/e2e.sh

bench-startup:
	@scripts/bench-startup.sh

fmt:
	cargo fmt --all
