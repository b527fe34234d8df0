#!/usr/bin/env bash
# The liveblocks-wasm live suite: Rust compiled to wasm32, run in three JS runtimes, calling
# the local Liveblocks dev server and Prism with their fetch: Cloudflare's workerd (through
# miniflare), Node's global fetch, and headless Chromium (chromedriver).
#
#   ./scripts/test-wasm.sh                    # all three runtimes
#   ./scripts/test-wasm.sh node chromium      # only these
#
# 1. starts Prism in the background (`prism mock --errors` on a free loopback port, serving a
#    copy of the OpenAPI spec whose paths carry the /v2 prefix: scripts/derive-prism-spec.mjs),
#    unless PRISM_URL already names a running one;
# 2. builds tests/wasm-worker for wasm32-unknown-unknown with the size profile `wasm-release`
#    (root Cargo.toml: opt-level "z", fat LTO, one codegen unit, panic abort, stripped);
# 3. runs `wasm-bindgen --target web` into target/wasm-worker (gitignored with target/), then
#    `wasm-opt -Oz` (npm `binaryen`) on the module;
# 4. prints the size of the .wasm workerd loads, raw and gzipped (what a Worker upload counts);
# 5. waits for Prism, then starts the dev server on a random port and runs
#    tests/wasm-runtimes/run.mjs under it with PRISM_URL set; the runner prints every check,
#    a line per runtime (`workerd: N passed, M failed; ...`) and ends with
#    `wasm: N passed, M failed` over all of them;
# 6. stops the Prism it started, however the run ends.
#
# Environment: PRISM_URL (use this Prism instead of starting one), SPEC (the OpenAPI spec;
# default spec/v2.facts.openapi.json, the project's copy), PRISM_TIMEOUT (seconds to wait for
# Prism, default 60).
#
# Needs what scripts/install.sh installs: the wasm32 target, wasm-bindgen-cli at exactly the
# wasm-bindgen version in Cargo.lock, node_modules (liveblocks, @stoplight/prism-cli,
# miniflare, yjs), and chromium + chromedriver.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

OUT="$ROOT/target/wasm-worker"
WASM_IN="${CARGO_TARGET_DIR:-$ROOT/target}/wasm32-unknown-unknown/wasm-release/liveblocks_wasm_worker.wasm"
START="$EPOCHREALTIME"

log() { printf '[test-wasm] %s\n' "$*"; }
die() {
    printf '[test-wasm] error: %s\n' "$*" >&2
    exit 1
}
PRISM_PID=""
PRISM_LOG="$ROOT/target/prism-wasm/prism.log"

stop_prism() {
    if [[ -n "$PRISM_PID" ]] && kill -0 "$PRISM_PID" 2>/dev/null; then
        kill "$PRISM_PID" 2>/dev/null || true
        wait "$PRISM_PID" 2>/dev/null || true
    fi
    PRISM_PID=""
}

on_exit() {
    local status=$?
    stop_prism
    if [[ $status -ne 0 ]]; then
        printf "[test-wasm] FAILED (exit %s)\n" "$status" >&2
    fi
    exit "$status"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

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

for runtime in "$@"; do
    [[ " workerd node chromium " == *" $runtime "* ]] || die "unknown runtime $runtime (runtimes: workerd node chromium)"
done
if [[ $# -eq 0 || " $* " == *" chromium "* ]]; then
    command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 ||
        die "chromium and chromedriver are needed for the browser runtime (scripts/install.sh installs Debian's chromium and chromium-driver)"
fi

for package in liveblocks miniflare yjs @stoplight/prism-cli binaryen; do
    [[ -d "node_modules/$package" ]] ||
        die "node_modules/$package is missing (npm ci, or scripts/install.sh)"
done

# --- Prism (started first: it takes a few seconds, the build runs meanwhile) -------------
if [[ -n "${PRISM_URL:-}" ]]; then
    PRISM_URL="${PRISM_URL%/}"
    log "using the running Prism at $PRISM_URL (PRISM_URL is set)"
else
    SPEC="${SPEC:-$ROOT/spec/v2.facts.openapi.json}"
    [[ -f "$SPEC" ]] || die "OpenAPI spec not found at $SPEC (set SPEC=/path/to/v2.openapi.json, or PRISM_URL to a running Prism)"
    [[ -x node_modules/.bin/prism ]] || die "node_modules/.bin/prism is missing (npm ci, or scripts/install.sh)"
    mkdir -p "$(dirname "$PRISM_LOG")"
    derived="$(dirname "$PRISM_LOG")/v2.derived.json"
    node scripts/derive-prism-spec.mjs "$SPEC" "$derived" >/dev/null
    port="$(node -e 'const s = require("net").createServer();
                     s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')"
    PRISM_URL="http://127.0.0.1:$port"
    # The bin is a node script: started directly (not through npx), $! is Prism itself.
    node_modules/.bin/prism mock --errors -h 127.0.0.1 -p "$port" "$derived" >"$PRISM_LOG" 2>&1 &
    PRISM_PID=$!
    log "starting Prism on $PRISM_URL (pid $PRISM_PID, log ${PRISM_LOG#"$ROOT"/})"
fi

# --- build ------------------------------------------------------------------------------
log "cargo build -p liveblocks-wasm-worker --profile wasm-release --target wasm32-unknown-unknown"
cargo build -p liveblocks-wasm-worker --profile wasm-release --target wasm32-unknown-unknown
[[ -f "$WASM_IN" ]] || die "the build produced no $WASM_IN"

log "wasm-bindgen $cli_version --target web -> ${OUT#"$ROOT"/}"
rm -rf "$OUT"
wasm-bindgen --target web --out-dir "$OUT" "$WASM_IN"
# The glue is an ES module with a .js name: tell Node so (the node runtime imports it).
printf '{ "type": "module" }\n' >"$OUT/package.json"
wasm="$OUT/liveblocks_wasm_worker_bg.wasm"
[[ -f "$wasm" ]] || die "wasm-bindgen wrote no $wasm"
bindgen_bytes="$(wc -c <"$wasm" | tr -d ' ')"
# -Oz without inlining: binaryen's inlining makes the module smaller but the gzipped module
# (what a Worker upload counts) larger. The features are the ones rustc enables by default for
# wasm32-unknown-unknown, which workerd's V8 runs.
log "wasm-opt -Oz (no inlining)"
node_modules/.bin/wasm-opt -Oz --always-inline-max-function-size=0 \
    --flexible-inline-max-function-size=0 --one-caller-inline-max-function-size=0 \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    -o "$wasm" "$wasm"
raw="$(wc -c <"$wasm" | tr -d ' ')"
gzipped="$(gzip -9 -c "$wasm" | wc -c | tr -d ' ')"
log "wasm size: $raw bytes raw ($((raw / 1024)) KiB), $gzipped bytes gzipped ($((gzipped / 1024)) KiB); $bindgen_bytes bytes before wasm-opt (${wasm#"$ROOT"/})"

# --- run --------------------------------------------------------------------------------
# Any answer means Prism is up (a 404 for this unknown room path included).
if ! node scripts/wait-for-http.mjs "$PRISM_URL/v2/rooms/prism-ready" "${PRISM_TIMEOUT:-60}" $PRISM_PID; then
    if [[ -n "$PRISM_PID" ]]; then
        printf '[test-wasm] Prism did not come up; its log:\n' >&2
        cat "$PRISM_LOG" >&2 || true
    fi
    die "Prism is not answering at $PRISM_URL"
fi
log "Prism is up at $PRISM_URL"

log "running tests/wasm-runtimes/run.mjs ${*:-workerd node chromium} under the dev server"
export WASM_WORKER_DIR="$OUT" PRISM_URL
status=0
npx --no-install liveblocks dev --random-port --no-check --cmd "node tests/wasm-runtimes/run.mjs $*" || status=$?
if [[ $status -ne 0 && -n "$PRISM_PID" ]]; then
    printf '[test-wasm] the last lines of Prism'"'"'s log (%s):\n' "${PRISM_LOG#"$ROOT"/}" >&2
    tail -n 20 "$PRISM_LOG" >&2 || true
fi
[[ $status -eq 0 ]] || exit "$status"

log "passed in $(awk -v s="$START" -v e="$EPOCHREALTIME" 'BEGIN { printf "%.1f", e - s }') s"
