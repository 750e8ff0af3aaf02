# shellcheck shell=bash disable=SC2034
# Shared helpers for the scripts behind `make run`, `make test` and friends.
# Source it (`. "$(dirname "$0")/lib.sh"`); it defines paths and small
# functions only and changes no state besides PATH and the working directory.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit

# Where cargo puts its output (CARGO_TARGET_DIR may be relative to the root).
TARGET_DIR=${CARGO_TARGET_DIR:-target}
case $TARGET_DIR in /*) ;; *) TARGET_DIR=$ROOT/$TARGET_DIR ;; esac

# Tools installed by `cargo install` (tauri-driver) live here.
CARGO_BIN=${CARGO_HOME:-$HOME/.cargo}/bin
case ":$PATH:" in *":$CARGO_BIN:"*) ;; *) PATH=$CARGO_BIN:$PATH ;; esac
export PATH

# The one Xvfb screen every headless run uses (the app's window is 1280x800).
XVFB_ARGS=(-a -s "-screen 0 1280x800x24")

log() { printf 'kontor: %s\n' "$*" >&2; }
die() { printf 'kontor: %s\n' "$*" >&2; exit 1; }

have_display() { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }

# Milliseconds since the epoch, for step timings.
now_ms() { date +%s%3N; }

# A private D-Bus session bus, as dbus-run-session gives, but quiet: the
# daemon forks away from the terminal, so neither it nor the services it
# starts on demand (portals, a11y, gnome-keyring) print into our output; its
# start-up errors go to the log file $1. Stop it with stop_session_bus.
start_session_bus() {
  local out
  out=$(dbus-daemon --session --fork --print-address=1 --print-pid=1 2>>"$1")
  DBUS_SESSION_BUS_ADDRESS=$(sed -n 1p <<<"$out")
  SESSION_BUS_PID=$(sed -n 2p <<<"$out")
  export DBUS_SESSION_BUS_ADDRESS
}

stop_session_bus() {
  if [ -n "${SESSION_BUS_PID:-}" ]; then kill "$SESSION_BUS_PID" 2>/dev/null || true; fi
}
