#!/usr/bin/env bash
# Installs everything the build and the test suites need, on a machine that has only rustup,
# cargo, node and npm. Safe to run again: each step is skipped when already done.
#
# Everything comes from the npm registry and crates.io:
#   - node_modules from package-lock.json (the dev server, Prism, workerd/miniflare, yjs),
#   - the wasm32-unknown-unknown target,
#   - wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { printf '[install] %s\n' "$*"; }

# --- npm packages -----------------------------------------------------------------------
# `npm ci` wipes and reinstalls node_modules, so only run it when the lockfile changed since
# the last install (npm writes node_modules/.package-lock.json as its own record).
if [[ -f node_modules/.package-lock.json ]] &&
    [[ node_modules/.package-lock.json -nt package-lock.json ]] &&
    [[ -x node_modules/.bin/liveblocks && -x node_modules/.bin/prism ]]; then
    log "node_modules is up to date with package-lock.json"
else
    log "npm ci"
    # package.json's `allowScripts` approves the postinstall scripts of bun and workerd, which
    # put their native binaries in place (npm 11 skips unapproved install scripts).
    npm ci --no-audit --no-fund
fi

# --- Rust wasm target -------------------------------------------------------------------
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "rust target wasm32-unknown-unknown already installed"
else
    log "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
fi

# --- wasm-bindgen-cli -------------------------------------------------------------------
# The CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock, or the
# generated glue refuses to load the module.
wasm_bindgen_version="$(awk '
    $0 == "[[package]]" { name = "" }
    $1 == "name" && $3 == "\"wasm-bindgen\"" { name = "wasm-bindgen" }
    name == "wasm-bindgen" && $1 == "version" { gsub(/"/, "", $3); print $3; exit }
' Cargo.lock)"
if [[ -z "$wasm_bindgen_version" ]]; then
    echo "[install] error: no wasm-bindgen package in Cargo.lock" >&2
    exit 1
fi
installed="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [[ "$installed" == "$wasm_bindgen_version" ]]; then
    log "wasm-bindgen-cli $wasm_bindgen_version already installed"
else
    log "cargo install wasm-bindgen-cli --version $wasm_bindgen_version (found: ${installed:-none})"
    # No --locked: the crate's own lockfile pins versions this registry mirror doesn't carry.
    cargo install wasm-bindgen-cli --version "$wasm_bindgen_version"
fi

# --- Chromium and chromedriver (the wasm suite in a real headless browser) ---------------
# Debian's packages; apt-get needs root (CI and the dev machines run as root) or sudo.
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    log "chromium and chromedriver already installed ($(chromium --version 2>/dev/null | head -n1))"
else
    sudo_cmd=()
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo >/dev/null 2>&1 ||
            { echo "[install] error: chromium is missing and apt-get needs root (or sudo)" >&2; exit 1; }
        sudo_cmd=(sudo)
    fi
    command -v apt-get >/dev/null 2>&1 ||
        { echo "[install] error: chromium and chromedriver are missing and this machine has no apt-get; install them by hand" >&2; exit 1; }
    log "apt-get update && apt-get install -y chromium chromium-driver"
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium chromium-driver
    command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 ||
        { echo "[install] error: apt-get installed no chromium/chromedriver" >&2; exit 1; }
fi

log "done"
