#!/usr/bin/env bash
# The main job: runs the quickstart example (liveblocks-hyper/examples/quickstart.rs) against a
# local Liveblocks dev server that this script installs (pinned in package.json) and starts.
#
#   ./scripts/quickstart.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if [[ ! -x node_modules/.bin/liveblocks ]] || ! node_modules/.bin/bun --version >/dev/null 2>&1; then
    echo "== installing the pinned dev server (npm ci)"
    npm ci --no-audit --no-fund
fi

echo "== building the quickstart"
cargo build --quiet -p liveblocks-hyper --example quickstart

echo "== starting the dev server and running the quickstart"
exec npx --no-install liveblocks dev --random-port --no-check \
    --cmd "cargo run --quiet -p liveblocks-hyper --example quickstart"
