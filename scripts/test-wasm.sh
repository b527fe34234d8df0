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
# 2. builds tests/wasm-worker (the scenarios) and tests/wasm-every-op (a Worker routing
#    requests to all 121 operations, nothing else) for wasm32-unknown-unknown with the size
#    profile `wasm-release` (root Cargo.toml: opt-level "z", fat LTO, one codegen unit, panic
#    abort, stripped), each in its own cargo run so that neither gets the other's features;
# 3. runs `wasm-bindgen --target web` into target/wasm-worker and target/wasm-every-op
#    (gitignored with target/), then `wasm-opt -Oz` (npm `binaryen`) on each module;
# 4. prints the size of each .wasm, raw and gzipped (what a Worker upload counts), and holds
#    the every-operation Worker to the budget: at most 1 MiB raw and 350 KiB gzipped;
# 5. runs tests/wasm-runtimes/every-op.mjs: the every-operation Worker in workerd, called once
#    per operation of the spec, each call checked to send its request (so every operation is
#    really in the measured module);
# 6. waits for Prism, then starts the dev server on a random port and runs
#    tests/wasm-runtimes/run.mjs under it with PRISM_URL set; the runner prints every check,
#    a line per runtime (`workerd: N passed, M failed; ...`) and ends with
#    `wasm: N passed, M failed` over all of them;
# 7. fails if the every-operation Worker is over the budget (after the suite, so the
#    failure hides no test result: a budget that only prints is soon ignored);
# 8. stops the Prism it started, however the run ends.
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
EVERY_OP_OUT="$ROOT/target/wasm-every-op"
WASM_DIR="${CARGO_TARGET_DIR:-$ROOT/target}/wasm32-unknown-unknown/wasm-release"
# The budget of a Worker using every operation, after wasm-bindgen and wasm-opt.
BUDGET_RAW=$((1024 * 1024))
BUDGET_GZIPPED=$((350 * 1024))
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
# build_optimized <package> <out dir>: cargo build, then wasm-bindgen and wasm-opt into the
# out dir. Sets WASM (the module workerd loads), RAW and GZIPPED (its sizes) and BINDGEN (its
# size before wasm-opt).
build_optimized() {
    local package="$1" out="$2" crate="${1//-/_}"
    log "cargo build -p $package --profile wasm-release --target wasm32-unknown-unknown"
    cargo build -p "$package" --profile wasm-release --target wasm32-unknown-unknown
    [[ -f "$WASM_DIR/$crate.wasm" ]] || die "the build produced no $WASM_DIR/$crate.wasm"
    log "wasm-bindgen $cli_version --target web -> ${out#"$ROOT"/}"
    rm -rf "$out"
    wasm-bindgen --target web --out-dir "$out" "$WASM_DIR/$crate.wasm"
    # The glue is an ES module with a .js name: tell Node so (the node runtime imports it).
    printf '{ "type": "module" }\n' >"$out/package.json"
    WASM="$out/${crate}_bg.wasm"
    [[ -f "$WASM" ]] || die "wasm-bindgen wrote no $WASM"
    BINDGEN="$(wc -c <"$WASM" | tr -d ' ')"
    # -Oz without inlining: binaryen's inlining makes the module smaller but the gzipped module
    # (what a Worker upload counts) larger. The features are the ones rustc enables by default
    # for wasm32-unknown-unknown, which workerd's V8 runs.
    log "wasm-opt -Oz (no inlining) ${WASM#"$ROOT"/}"
    node_modules/.bin/wasm-opt -Oz --always-inline-max-function-size=0 \
        --flexible-inline-max-function-size=0 --one-caller-inline-max-function-size=0 \
        --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
        --enable-mutable-globals --enable-reference-types --enable-multivalue \
        -o "$WASM" "$WASM"
    RAW="$(wc -c <"$WASM" | tr -d ' ')"
    GZIPPED="$(gzip -9 -c "$WASM" | wc -c | tr -d ' ')"
}

size_line() {
    printf '%s bytes raw (%s KiB), %s bytes gzipped (%s KiB); %s bytes before wasm-opt' \
        "$RAW" "$((RAW / 1024))" "$GZIPPED" "$((GZIPPED / 1024))" "$BINDGEN"
}

build_optimized liveblocks-wasm-worker "$OUT"
test_worker_size="$(size_line)"

build_optimized liveblocks-wasm-every-op "$EVERY_OP_OUT"
every_op_size="$(size_line)"
over_budget=""
if ((RAW > BUDGET_RAW || GZIPPED > BUDGET_GZIPPED)); then
    over_budget="the every-operation Worker is $((RAW / 1024)) KiB raw, $((GZIPPED / 1024)) KiB gzipped: OVER the budget of $((BUDGET_RAW / 1024)) KiB raw, $((BUDGET_GZIPPED / 1024)) KiB gzipped"
fi

log "wasm size, test worker (tests/wasm-worker: the scenarios and their scaffolding): $test_worker_size"
log "wasm size, every-operation Worker (tests/wasm-every-op: the 121 operations): $every_op_size"
if [[ -n "$over_budget" ]]; then
    printf '[test-wasm] !!!!!!!! %s !!!!!!!!\n' "$over_budget" >&2
else
    log "the every-operation Worker is within the budget ($((BUDGET_RAW / 1024)) KiB raw, $((BUDGET_GZIPPED / 1024)) KiB gzipped)"
fi

# Every operation really is in the measured module: called in workerd, each sends its request.
log "running tests/wasm-runtimes/every-op.mjs (the every-operation Worker in workerd)"
node tests/wasm-runtimes/every-op.mjs "$EVERY_OP_OUT"

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

if [[ -n "$over_budget" ]]; then
    log "wasm size, every-operation Worker: $every_op_size"
    die "$over_budget (see the size lines above)"
fi

log "passed in $(awk -v s="$START" -v e="$EPOCHREALTIME" 'BEGIN { printf "%.1f", e - s }') s"
