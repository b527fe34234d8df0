#!/usr/bin/env bash
# The liveblocks-wasm live suite: Rust compiled to wasm32, run inside Cloudflare's workerd
# (through miniflare), calling the local Liveblocks dev server with the JS fetch.
#
#   ./scripts/test-wasm.sh
#
# 1. builds tests/wasm-worker in release for wasm32-unknown-unknown;
# 2. runs `wasm-bindgen --target web` into target/wasm-worker (gitignored with target/);
# 3. prints the size of the .wasm workerd loads;
# 4. starts the dev server on a random port and runs tests/workerd/run.mjs under it, which
#    prints every check and ends with `wasm: N passed, M failed`.
#
# Needs what scripts/install.sh installs: the wasm32 target, wasm-bindgen-cli at exactly the
# wasm-bindgen version in Cargo.lock, and node_modules (liveblocks, miniflare, yjs).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

OUT="$ROOT/target/wasm-worker"
WASM_IN="$ROOT/target/wasm32-unknown-unknown/release/liveblocks_wasm_worker.wasm"
START="$EPOCHREALTIME"

log() { printf '[test-wasm] %s\n' "$*"; }
die() {
    printf '[test-wasm] error: %s\n' "$*" >&2
    exit 1
}
trap 'status=$?; [[ $status -eq 0 ]] || printf "[test-wasm] FAILED (exit %s)\n" "$status" >&2' EXIT

# --- preconditions ----------------------------------------------------------------------
sysroot="$(rustc --print sysroot)"
[[ -d "$sysroot/lib/rustlib/wasm32-unknown-unknown" ]] ||
    die "the Rust target wasm32-unknown-unknown is not installed (rustup target add wasm32-unknown-unknown, or scripts/install.sh)"

command -v wasm-bindgen >/dev/null 2>&1 ||
    die "the wasm-bindgen CLI is not on PATH (scripts/install.sh installs it)"

# The CLI and the wasm-bindgen crate must be the same version, or the generated glue does not
# match the module (wasm-bindgen refuses, or worse, mismatches silently).
lock_version="$(awk '
    $1 == "name" { name = $3 }
    name == "\"wasm-bindgen\"" && $1 == "version" { gsub(/"/, "", $3); print $3; exit }
' Cargo.lock)"
[[ -n "$lock_version" ]] || die "Cargo.lock has no wasm-bindgen package"
cli_version="$(wasm-bindgen --version | awk '{ print $2 }')"
[[ "$cli_version" == "$lock_version" ]] ||
    die "wasm-bindgen CLI is ${cli_version:-unknown} but Cargo.lock pins the wasm-bindgen crate at $lock_version; run: cargo install wasm-bindgen-cli --version $lock_version --force (or scripts/install.sh)"

for package in liveblocks miniflare yjs; do
    [[ -d "node_modules/$package" ]] ||
        die "node_modules/$package is missing (npm ci, or scripts/install.sh)"
done

# --- build ------------------------------------------------------------------------------
log "cargo build -p liveblocks-wasm-worker --release --target wasm32-unknown-unknown"
cargo build -p liveblocks-wasm-worker --release --target wasm32-unknown-unknown
[[ -f "$WASM_IN" ]] || die "the build produced no $WASM_IN"

log "wasm-bindgen $cli_version --target web -> ${OUT#"$ROOT"/}"
rm -rf "$OUT"
wasm-bindgen --target web --out-dir "$OUT" "$WASM_IN"
wasm="$OUT/liveblocks_wasm_worker_bg.wasm"
[[ -f "$wasm" ]] || die "wasm-bindgen wrote no $wasm"
log "wasm size: $(wc -c <"$wasm" | tr -d ' ') bytes (${wasm#"$ROOT"/})"

# --- run --------------------------------------------------------------------------------
log "running tests/workerd/run.mjs under the dev server"
export WASM_WORKER_DIR="$OUT"
npx --no-install liveblocks dev --random-port --no-check --cmd "node tests/workerd/run.mjs"

log "passed in $(awk -v s="$START" -v e="$EPOCHREALTIME" 'BEGIN { printf "%.1f", e - s }') s"
