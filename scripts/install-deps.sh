#!/usr/bin/env bash
# Installs what building, running and testing Kontor needs, and only what is
# missing: Debian packages, tauri-driver (for the e2e suite) and the UI's
# node_modules. Safe to run again; does nothing when all is in place.
# Works unattended (CI=true, no terminal): no prompts, no colours.
#
#   scripts/install-deps.sh                  # everything
#   scripts/install-deps.sh system ui        # just these parts
#   scripts/install-deps.sh bench            # peers `kontor bench invoices` compares with (not part of "everything")
set -euo pipefail
# shellcheck source=SCRIPTDIR/lib.sh
. "$(dirname "$0")/lib.sh"

SYSTEM_PACKAGES=(
  libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev
  libsoup-3.0-dev libxdo-dev libssl-dev webkit2gtk-driver xvfb imagemagick
  poppler-utils gnome-keyring dbus-x11 libsecret-tools sqlite3 librsvg2-bin
  cups printer-driver-cups-pdf qpdf x11-utils xdotool
)
# What invoice PDFs are measured against (`kontor bench invoices`); optional.
BENCH_PACKAGES=(wkhtmltopdf chromium)
TAURI_DRIVER_VERSION=2.1.0

missing_packages() {
  local pkg
  for pkg in "$@"; do
    if [ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null)" != "ii " ]; then
      printf '%s\n' "$pkg"
    fi
  done
}

# Prints the command prefix that runs apt-get as root ("" when we are root),
# or fails when that is not possible without a password.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    echo ""
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    echo "sudo"
  else
    return 1
  fi
}

install_system() {
  install_packages "${SYSTEM_PACKAGES[@]}"
}

install_packages() {
  local missing sudo
  mapfile -t missing < <(missing_packages "$@")
  [ "${#missing[@]}" -eq 0 ] && return 0

  log "missing Debian packages: ${missing[*]}"
  if ! sudo=$(as_root); then
    die "cannot install them (not root, no passwordless sudo). Run this, then try again:
  sudo apt-get update && sudo apt-get install -y ${missing[*]}"
  fi
  export DEBIAN_FRONTEND=noninteractive
  local apt=(apt-get -q -y -o DPkg::Lock::Timeout=300 -o Dpkg::Options::=--force-confold)
  $sudo "${apt[@]}" update
  $sudo "${apt[@]}" install "${missing[@]}"
}

install_tauri_driver() {
  if cargo install --list | grep -qx "tauri-driver v$TAURI_DRIVER_VERSION:" \
      && command -v tauri-driver >/dev/null; then
    return 0
  fi
  log "installing tauri-driver $TAURI_DRIVER_VERSION (about a minute)"
  cargo install tauri-driver --version "$TAURI_DRIVER_VERSION" --locked
}

# `npm ci` when node_modules is missing or older than the lock file (npm
# writes node_modules/.package-lock.json on every install).
install_ui() {
  command -v npm >/dev/null || die "npm not found: install Node.js 20 (with npm) first"
  local stamp=ui/node_modules/.package-lock.json
  if [ -f "$stamp" ] && ! [ ui/package-lock.json -nt "$stamp" ]; then
    return 0
  fi
  log "installing the UI's node modules (npm ci)"
  (cd ui && npm ci --no-audit --no-fund)
}

main() {
  local parts=("$@")
  [ "${#parts[@]}" -gt 0 ] || parts=(system tauri-driver ui)
  local part
  for part in "${parts[@]}"; do
    case $part in
      system) install_system ;;
      tauri-driver) install_tauri_driver ;;
      ui) install_ui ;;
      bench) install_packages "${BENCH_PACKAGES[@]}" ;;
      *) die "install-deps: unknown part '$part' (system, tauri-driver, ui, bench)" ;;
    esac
  done
}

main "$@"
