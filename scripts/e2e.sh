#!/usr/bin/env bash
# The end-to-end suite: drives the real kontor-desktop through tauri-driver
# (WebDriver on port 4444; it starts /usr/bin/WebKitWebDriver, which starts
# the app) under Xvfb, with a private D-Bus session bus and an unlocked
# gnome-keyring. The tests are tests/e2e/*.test.mjs, run by `node --test` one
# file at a time; screenshots land in target/e2e/.
#
#   scripts/e2e.sh                              # all tests (builds the app first)
#   scripts/e2e.sh tests/e2e/lock.test.mjs      # some files (paths from the repo root)
#
# Expects ui/dist to be built (scripts/build-ui.sh; `make e2e` does both).
# Environment: KONTOR_E2E_APP  binary to test instead of a fresh debug build
#              KONTOR_E2E_PORT tauri-driver's port (default 4444; native driver: +1)
set -euo pipefail
# shellcheck source=SCRIPTDIR/lib.sh
. "$(dirname "$0")/lib.sh"

E2E_DIR=$TARGET_DIR/e2e
PORT=${KONTOR_E2E_PORT:-4444}
NATIVE_PORT=$((PORT + 1))

# Outside Xvfb: check the tools, build the app, then re-run this script inside
# Xvfb.
outer() {
  command -v tauri-driver >/dev/null \
    || die "tauri-driver not found: run scripts/install-deps.sh tauri-driver"
  [ -x /usr/bin/WebKitWebDriver ] \
    || die "/usr/bin/WebKitWebDriver not found: run scripts/install-deps.sh system"
  if [ -z "${KONTOR_E2E_APP:-}" ]; then
    [ -f ui/dist/index.html ] || die "ui/dist is missing: run scripts/build-ui.sh first (or make e2e)"
    cargo build -p kontor-desktop -p kontor
    KONTOR_E2E_APP=$TARGET_DIR/debug/kontor-desktop
  fi
  [ -x "$KONTOR_E2E_APP" ] || die "no app to test at $KONTOR_E2E_APP"
  # The CLI prepares data folders for tests that start on an existing book.
  export KONTOR_E2E_CLI=${KONTOR_E2E_CLI:-$(dirname "$KONTOR_E2E_APP")/kontor}
  export KONTOR_E2E_APP KONTOR_E2E_SHOTS=$E2E_DIR
  export KONTOR_E2E_WEBDRIVER=http://127.0.0.1:$PORT

  rm -rf "$E2E_DIR"
  mkdir -p "$E2E_DIR"
  exec xvfb-run "${XVFB_ARGS[@]}" "$ROOT/scripts/e2e.sh" --inner "$@"
}

inner() {
  trap stop_all EXIT
  start_session_bus "$E2E_DIR/dbus.log"
  printf test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  start_driver
  local files=("$@")
  [ "${#files[@]}" -gt 0 ] || files=(tests/e2e/*.test.mjs)
  node --test --test-concurrency=1 --test-timeout=180000 "${files[@]}"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_driver() {
  local p
  for p in "$PORT" "$NATIVE_PORT"; do
    ! port_in_use "$p" || die "port $p is in use (another tauri-driver?); stop it or set KONTOR_E2E_PORT"
  done
  tauri-driver --port "$PORT" --native-port "$NATIVE_PORT" >"$E2E_DIR/tauri-driver.log" 2>&1 &
  DRIVER_PID=$!
  wait_for_driver
}

# Ready when /status answers through tauri-driver (so WebKitWebDriver is up too).
wait_for_driver() {
  for _ in $(seq 1 150); do
    kill -0 "$DRIVER_PID" 2>/dev/null || { cat "$E2E_DIR/tauri-driver.log" >&2; die "tauri-driver exited"; }
    curl -sf -o /dev/null "http://127.0.0.1:$PORT/status" && return 0
    sleep 0.2
  done
  die "tauri-driver did not answer on port $PORT within 30 s (log: $E2E_DIR/tauri-driver.log)"
}

# tauri-driver stops WebKitWebDriver itself on SIGTERM; gnome-keyring and the
# portals leave when their bus goes.
stop_all() {
  if [ -n "${DRIVER_PID:-}" ]; then
    kill "$DRIVER_PID" 2>/dev/null || true
    wait "$DRIVER_PID" 2>/dev/null || true
  fi
  stop_session_bus
}

if [ "${1:-}" = --inner ]; then
  shift
  inner "$@"
else
  outer "$@"
fi
