#!/usr/bin/env bash
# Builds the UI into ui/dist (type check + vite build). kontor-desktop embeds
# ui/dist at compile time, and tauri-build refuses to compile without it, so
# this runs before any cargo build, clippy or test of src-tauri.
set -euo pipefail
# shellcheck source=SCRIPTDIR/lib.sh
. "$(dirname "$0")/lib.sh"

cd ui
npm run --silent build
