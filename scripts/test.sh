#!/usr/bin/env bash
# `make test` (and so CI): installs what is missing, then runs every check in
# order and stops at the first failure with a banner naming the step. Ends
# with the time each step took and the number of tests that ran.
set -euo pipefail
# shellcheck source=SCRIPTDIR/lib.sh
. "$(dirname "$0")/lib.sh"

LOG_DIR=$TARGET_DIR/test-logs
mkdir -p "$LOG_DIR"
rm -f "$LOG_DIR"/*.log

# ---- the steps, in order: "label|function" ----------------------------------
STEPS=(
  "install missing dependencies|step_deps"
  "cargo fmt --check|step_fmt"
  "build the UI (ui/dist)|step_ui"
  "cargo clippy -D warnings|step_clippy"
  "tsc --noEmit (ui)|step_tsc"
  "cargo test --workspace|step_cargo_test"
  "ts-rs bindings are committed|step_bindings"
  "vitest (ui)|step_vitest"
  "e2e suite (real app, Xvfb)|step_e2e"
)

# Step bodies are single commands or && chains: errexit does not apply inside
# a function called from a condition, so each one returns its own status.
step_deps() { scripts/install-deps.sh; }
step_fmt() { cargo fmt --all --check; }
step_ui() { scripts/build-ui.sh; }
step_clippy() { cargo clippy --workspace --all-targets -- -D warnings; }
step_tsc() { (cd ui && npx --no -- tsc --noEmit); }

# A real Secret Service (gnome-keyring on a private D-Bus) for keyring tests.
step_cargo_test() {
  dbus-run-session -- sh -c \
    'printf test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' \
    sh cargo test --workspace 2>&1 | tee "$LOG_DIR/cargo-test.log"
}

# cargo test regenerates ui/src/bindings; any difference from what git has
# (changed or new files) means someone forgot to commit them.
step_bindings() {
  if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    echo "not a git work tree: cannot compare ui/src/bindings, skipped"
    return 0
  fi
  local changes
  changes=$(git status --porcelain --untracked-files=all -- ui/src/bindings) || return
  [ -z "$changes" ] && return 0
  cat <<EOF
ui/src/bindings is stale: \`cargo test\` regenerated these ts-rs files and they
differ from what is committed:
$changes
Run \`cargo test --workspace\` and commit ui/src/bindings with your change.
EOF
  return 1
}

step_vitest() { (cd ui && npx --no -- vitest run) 2>&1 | tee "$LOG_DIR/vitest.log"; }
step_e2e() { scripts/e2e.sh 2>&1 | tee "$LOG_DIR/e2e.log"; }

# ---- running and reporting ----------------------------------------------------
RESULTS=()   # "status|seconds|label" per step that ran

run_steps() {
  local total=${#STEPS[@]} i=0 entry label fn t0 rc secs
  for entry in "${STEPS[@]}"; do
    i=$((i + 1))
    label=${entry%%|*}
    fn=${entry##*|}
    printf '\n==> [%d/%d] %s\n' "$i" "$total" "$label"
    t0=$(now_ms)
    rc=0
    "$fn" || rc=$?
    secs=$(elapsed "$t0")
    if [ "$rc" -ne 0 ]; then
      RESULTS+=("FAILED|$secs|$label")
      fail_banner "$i" "$total" "$label" "$rc"
      summary
      exit "$rc"
    fi
    RESULTS+=("ok|$secs|$label")
  done
}

elapsed() { local ms=$(($(now_ms) - $1)); printf '%d.%d' $((ms / 1000)) $((ms % 1000 / 100)); }

fail_banner() {
  local line='========================================================================'
  printf '\n%s\nkontor: make test FAILED at step %d/%d: %s (exit %d)\n%s\n' \
    "$line" "$1" "$2" "$3" "$4" "$line"
}

summary() {
  local r status secs label
  printf '\n== make test: step durations ==\n'
  for r in "${RESULTS[@]}"; do
    IFS='|' read -r status secs label <<<"$r"
    printf '  %-7s %7ss  %s\n' "$status" "$secs" "$label"
  done
  printf '  %-7s %7ss\n' total "$(elapsed "$START_MS")"
  count_tests
}

# Adds up what the runners reported (cargo test, vitest, node --test) into one
# closing line: "tests: N passed, N failed".
count_tests() {
  local passed=0 failed=0 n what
  while read -r n what; do
    case $what in
      passed) passed=$((passed + n)) ;;
      failed) failed=$((failed + n)) ;;
    esac
  done < <(runner_counts)
  printf 'tests: %d passed, %d failed\n' "$passed" "$failed"
}

runner_counts() {
  local strip='s/\x1b\[[0-9;]*m//g'
  if [ -f "$LOG_DIR/cargo-test.log" ]; then
    sed "$strip" "$LOG_DIR/cargo-test.log" | grep '^test result:' | grep -oE '[0-9]+ (passed|failed)' || true
  fi
  if [ -f "$LOG_DIR/vitest.log" ]; then
    sed "$strip" "$LOG_DIR/vitest.log" | grep -E '^ *Tests ' | grep -oE '[0-9]+ (passed|failed)' || true
  fi
  if [ -f "$LOG_DIR/e2e.log" ]; then
    sed "$strip" "$LOG_DIR/e2e.log" | grep -E '^(# |ℹ )(pass|fail) [0-9]+$' \
      | sed -E 's/^.* (pass|fail) ([0-9]+)$/\2 \1ed/' || true
  fi
}

START_MS=$(now_ms)
run_steps
summary
