#!/usr/bin/env bash
# The main job: runs the quickstart example (liveblocks-hyper/examples/quickstart.rs) against a
# local Liveblocks dev server that this script installs and starts.
#
#   ./scripts/quickstart.sh
#
# It installs only the dev server: `liveblocks` 1.9.0 and the `bun` 1.4.5 it runs on, pinned
# by scripts/quickstart/package.json and its own lockfile, into scripts/quickstart/node_modules
# (19 packages, about 120 MB, 103 MB of it the Bun binary; not the test harness of the root
# package.json). Needs rustup/cargo, node and npm. Each step says what it does and how long it
# took. On a clean clone with an empty npm cache: about 90 s (3 s of npm, the rest the first
# cargo build, which prints each crate); then under a second.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
QS="$ROOT/scripts/quickstart"
START="$EPOCHREALTIME"
STEP_START="$START"

since() { awk -v s="$1" -v e="$EPOCHREALTIME" 'BEGIN { printf "%.1f", e - s }'; }
step() { # step "N/3 what"
    STEP_START="$EPOCHREALTIME"
    printf '\n== [%s] (at %ss)\n' "$1" "$(since "$START")"
}
done_step() { printf '== done in %ss\n' "$(since "$STEP_START")"; }

for tool in cargo node npm; do
    command -v "$tool" >/dev/null 2>&1 || { echo "quickstart: $tool is not on PATH" >&2; exit 1; }
done

step "1/3 the pinned dev server (liveblocks 1.9.0 on bun 1.4.5)"
if [[ -f "$QS/node_modules/.package-lock.json" && "$QS/node_modules/.package-lock.json" -nt "$QS/package-lock.json" ]] &&
    [[ -x "$QS/node_modules/.bin/liveblocks" ]] && "$QS/node_modules/.bin/bun" --version >/dev/null 2>&1; then
    echo "already installed in scripts/quickstart/node_modules"
else
    echo "npm ci in scripts/quickstart (only the dev server and bun, from its own lockfile)"
    # `allowScripts` in its package.json approves bun's postinstall, which links its binary.
    (cd "$QS" && npm ci --no-audit --no-fund --loglevel=warn)
    echo "installed: $(du -sh "$QS/node_modules" | cut -f1) in scripts/quickstart/node_modules"
fi
done_step

step "2/3 building the quickstart (cargo build -p liveblocks-hyper --example quickstart)"
echo "the first build compiles about 90 crates (about 90 s on 2 cores); later ones take seconds"
cargo build -p liveblocks-hyper --example quickstart
done_step

step "3/3 starting the dev server and running the quickstart under it"
# The dev server sets LIVEBLOCKS_BASE_URL and LIVEBLOCKS_SECRET_KEY for the command, and exits
# with its status. `bun` must be on PATH for the `liveblocks` CLI.
status=0
PATH="$QS/node_modules/.bin:$PATH" liveblocks dev --random-port --no-check \
    --cmd "cargo run --quiet -p liveblocks-hyper --example quickstart" || status=$?
done_step
if [[ $status -eq 0 ]]; then
    printf '\nquickstart passed in %ss\n' "$(since "$START")"
else
    printf '\nquickstart FAILED (exit %s) after %ss\n' "$status" "$(since "$START")" >&2
fi
exit "$status"
