#!/usr/bin/env bash
# `make run`: installs what is missing, builds the UI and kontor-desktop, and
# opens Kontor. The app itself picks its data dir: KONTOR_DATA_DIR when set,
# else the OS data dir. Arguments are passed on to kontor-desktop.
set -euo pipefail
# shellcheck source=SCRIPTDIR/lib.sh
. "$(dirname "$0")/lib.sh"

# Without a display GTK aborts with a backtrace; say what to do instead.
if ! have_display; then
  echo "kontor: no display found — try: xvfb-run -a make run" >&2
  exit 1
fi

scripts/install-deps.sh system ui
scripts/build-ui.sh
cargo build -p kontor-desktop
exec "$TARGET_DIR/debug/kontor-desktop" "$@"
