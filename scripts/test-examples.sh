#!/usr/bin/env bash
# Builds the examples and runs them against the local dev server (scripts/test-examples.mjs):
# the clap CLI (liveblocks-ureq), the axum service (liveblocks-hyper), a custom transport over
# reqwest (liveblocks-core), and the Cloudflare
# Worker (the worker crate on liveblocks-wasm) built for wasm32-unknown-unknown with
# wasm-bindgen and run in workerd through miniflare.
#
#   ./scripts/test-examples.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
OUT="$ROOT/target/example-worker"
log() { printf '[test-examples] %s\n' "$*"; }

log "cargo build -p liveblocks-example-cli -p liveblocks-example-axum -p liveblocks-example-reqwest"
cargo build -p liveblocks-example-cli -p liveblocks-example-axum -p liveblocks-example-reqwest
log "cargo build -p liveblocks-example-worker --release --target wasm32-unknown-unknown"
cargo build -p liveblocks-example-worker --release --target wasm32-unknown-unknown
wasm="$TARGET/wasm32-unknown-unknown/release/liveblocks_example_worker.wasm"
[[ -f "$wasm" ]] || { echo "[test-examples] error: the build produced no $wasm" >&2; exit 1; }
rm -rf "$OUT"
wasm-bindgen --target web --out-dir "$OUT" "$wasm"
cp examples/cloudflare-worker/entry.mjs "$OUT/entry.mjs"
log "worker wasm: $(wc -c <"$OUT/liveblocks_example_worker_bg.wasm" | tr -d ' ') bytes"

log "running scripts/test-examples.mjs under the dev server"
EXAMPLES_BIN="$TARGET/debug" EXAMPLE_WORKER_DIR="$OUT" \
    npx --no-install liveblocks dev --random-port --no-check --cmd "node scripts/test-examples.mjs"

# Bring your own HTTP stack: liveblocks-core over reqwest (creates, reads and deletes a room).
log "running the reqwest transport example under the dev server"
npx --no-install liveblocks dev --random-port --no-check --cmd "$TARGET/debug/reqwest-transport"
