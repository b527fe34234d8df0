#!/usr/bin/env bash
# The whole test run: what CI runs (.ci/run execs this) and what a developer runs.
#
#   ./scripts/test.sh
#
# Steps, in order, each timed; the first failure stops the run and is reported:
#   install     scripts/install.sh (npm packages, wasm target, wasm-bindgen-cli, chromium)
#   fmt         cargo fmt --check
#   clippy      cargo clippy on every crate and target, warnings denied (the Worker example
#               for wasm32 too)
#   unit        unit and doc tests of every crate but the live suites and the README crate
#   doc         rustdoc, warnings denied
#   wasm-core   liveblocks-core builds for wasm32-unknown-unknown (also with `yrs`)
#   core-deps   liveblocks-core pulls in no I/O crate (tokio, hyper, ureq, ...)
#   build-live  compiles the live suites before any server starts
#   faults      tests/tests/faults.rs: hyper and ureq against a misbehaving loopback server
#   readme      every Rust snippet of README.md and the crate READMEs (examples/readme),
#               compiled, and run against the local Liveblocks dev server
#   examples    the examples (CLI, axum service, Cloudflare Worker in workerd) against the
#               dev server: scripts/test-examples.sh
#   devserver   tests/tests/devserver/ against the local Liveblocks dev server
#   prism       tests/tests/prism.rs against Prism mocking the OpenAPI spec (--errors, plus a
#               plain mock for the answers the spec contradicts)
#   prism-dynamic  tests/tests/prism_dynamic.rs against Prism in dynamic mode (-d)
#   wasm        scripts/test-wasm.sh: the wasm suite in workerd, Node and headless Chromium
#   bench       scripts/bench.sh --smoke: every benchmark runs once (no timing is checked)
#
# To run some steps only (while working on them), name them: `./scripts/test.sh fmt prism`.
# CI runs them all.
#
# Environment: SPEC overrides the OpenAPI spec Prism serves (default: spec/v2.facts.openapi.json,
# the project's copy, see spec/README.md); PRISM_TIMEOUT the seconds to wait for Prism
# (default 60).
set -euo pipefail

ALL_STEPS=(install fmt clippy unit oracles doc wasm-core core-deps build-live faults readme examples devserver prism prism-dynamic wasm bench)
if [[ $# -gt 0 ]]; then
    SELECTED=("$@")
    for name in "${SELECTED[@]}"; do
        if [[ " ${ALL_STEPS[*]} " != *" $name "* ]]; then
            echo "unknown step: $name (steps: ${ALL_STEPS[*]})" >&2
            exit 2
        fi
    done
else
    SELECTED=("${ALL_STEPS[@]}")
fi

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

STEP_NAMES=()
STEP_TIMES=()
CURRENT_STEP=""
STEP_START=""
RUN_START="$EPOCHREALTIME"
PRISM_PIDS=()

elapsed() { # start [end] -> seconds with one decimal
    awk -v s="$1" -v e="${2:-$EPOCHREALTIME}" 'BEGIN { printf "%.1f", e - s }'
}

summary() {
    local status=$1
    echo
    echo "================ test summary ================"
    local i
    for i in "${!STEP_NAMES[@]}"; do
        printf '  %-12s %8ss  ok\n' "${STEP_NAMES[$i]}" "${STEP_TIMES[$i]}"
    done
    if [[ -n "$CURRENT_STEP" ]]; then
        printf '  %-12s %8ss  FAILED (exit %s)\n' "$CURRENT_STEP" "$(elapsed "$STEP_START")" "$status"
    fi
    printf '  %-12s %8ss\n' "total" "$(elapsed "$RUN_START")"
    if [[ $status -eq 0 ]]; then
        echo "all ${#STEP_NAMES[@]} of ${#SELECTED[@]} selected steps passed"
    else
        echo "FAILED at step: ${CURRENT_STEP:-?}"
    fi
}

stop_prism() {
    local pid
    for pid in "${PRISM_PIDS[@]}"; do
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
            wait "$pid" 2>/dev/null || true
        fi
    done
    PRISM_PIDS=()
}

on_exit() {
    local status=$?
    stop_prism
    summary "$status"
    exit "$status"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# step NAME COMMAND...: runs one step; under `set -e` a failure ends the script (see on_exit).
step() {
    local name=$1
    shift
    if [[ " ${SELECTED[*]} " != *" $name "* ]]; then
        return 0
    fi
    CURRENT_STEP=$name
    STEP_START=$EPOCHREALTIME
    echo
    echo "==> [$name] $*"
    "$@"
    STEP_NAMES+=("$name")
    STEP_TIMES+=("$(elapsed "$STEP_START")")
    CURRENT_STEP=""
}

check_core_deps() {
    local banned='^(tokio|hyper|ureq|reqwest|mio|socket2|web-sys|js-sys)$'
    local names
    names="$(cargo tree -p liveblocks-core -e normal --prefix none --format '{p}' | awk '{print $1}' | sort -u)"
    local found
    found="$(grep -E "$banned" <<<"$names" || true)"
    if [[ -n "$found" ]]; then
        echo "liveblocks-core must not depend on an I/O crate, but its tree has:" >&2
        echo "$found" >&2
        cargo tree -p liveblocks-core -e normal -i "$(head -n1 <<<"$found")" >&2 || true
        return 1
    fi
    echo "liveblocks-core: $(wc -l <<<"$names") crates, none of tokio hyper ureq reqwest mio socket2 web-sys js-sys"
}

run_clippy() {
    cargo clippy --workspace --all-targets --all-features -- -D warnings
    # The Worker example only has code on wasm32; the wasm test crates are mostly wasm32 too.
    cargo clippy -p liveblocks-example-worker -p liveblocks-wasm-worker \
        -p liveblocks-wasm-every-op --target wasm32-unknown-unknown -- -D warnings
}

run_readme_snippets() {
    # The snippets not marked no_run talk to the dev server (Client::from_env()).
    npx --no-install liveblocks dev --random-port --no-check \
        --cmd "cargo test -p liveblocks-readme --doc"
}

run_devserver_suite() {
    # The dev server sets LIVEBLOCKS_BASE_URL and LIVEBLOCKS_SECRET_KEY for the command and
    # shuts down when it exits, passing on its exit status.
    npx --no-install liveblocks dev --random-port --no-check \
        --cmd "cargo test -p liveblocks-tests --test devserver --test devserver_sessions"
}

free_port() {
    node -e 'const s = require("net").createServer();
             s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

PRISM_DIR="$ROOT/target/prism"
PRISM_SPEC="$PRISM_DIR/v2.derived.json"

# Writes the copy of the spec Prism serves (paths under /v2, see scripts/derive-prism-spec.mjs).
derive_prism_spec() {
    local spec="${SPEC:-$ROOT/spec/v2.facts.openapi.json}"
    if [[ ! -f "$spec" ]]; then
        echo "OpenAPI spec not found at $spec (set SPEC=/path/to/v2.openapi.json)" >&2
        return 1
    fi
    mkdir -p "$PRISM_DIR"
    node scripts/derive-prism-spec.mjs "$spec" "$PRISM_SPEC"
}

# launch_prism URL_VAR PID_VAR LOG ARGS...: starts `prism mock ARGS` on the derived spec and a
# free port, in the background (stop_prism stops it, on exit too); sets URL_VAR and PID_VAR.
launch_prism() {
    local lp_url_var=$1 lp_pid_var=$2 lp_log=$3
    shift 3
    local lp_port
    lp_port="$(free_port)"
    local lp_url="http://127.0.0.1:$lp_port"
    echo "starting Prism (mock $*) on $lp_url (log: $lp_log)"
    # The bin is a node script: starting it directly (not through npx) makes $! Prism itself.
    "$ROOT/node_modules/.bin/prism" mock "$@" -p "$lp_port" -h 127.0.0.1 "$PRISM_SPEC" >"$lp_log" 2>&1 &
    PRISM_PIDS+=("$!")
    printf -v "$lp_url_var" '%s' "$lp_url"
    printf -v "$lp_pid_var" '%s' "$!"
}

# await_prism URL PID LOG: waits until the Prism at URL (process PID) answers.
await_prism() {
    local url=$1 pid=$2 log=$3
    if ! node scripts/wait-for-http.mjs "$url/v2/rooms/prism-ready" "${PRISM_TIMEOUT:-60}" "$pid"; then
        echo "Prism at $url did not come up; its log:" >&2
        cat "$log" >&2
        return 1
    fi
    echo "Prism is up at $url (pid $pid)"
}

run_prism_suite() {
    derive_prism_spec
    # The validating mock, and a plain one (no --errors) that serves the answers the
    # validating one refuses to because the spec contradicts itself (see tests/tests/prism.rs).
    local url pid plain_url plain_pid
    local log="$PRISM_DIR/prism.log" plain_log="$PRISM_DIR/prism-plain.log"
    launch_prism url pid "$log" --errors
    launch_prism plain_url plain_pid "$plain_log"
    await_prism "$url" "$pid" "$log"
    await_prism "$plain_url" "$plain_pid" "$plain_log"
    local status=0
    PRISM_URL="$url" PRISM_PLAIN_URL="$plain_url" \
        cargo test -p liveblocks-tests --test prism --test prism_storage_edit -- --nocapture || status=$?
    stop_prism
    if [[ $status -ne 0 ]]; then
        echo "Prism suite failed; the last lines of Prism's logs:" >&2
        tail -n 40 "$log" "$plain_log" >&2
    fi
    return "$status"
}

run_prism_dynamic_suite() {
    derive_prism_spec
    # Dynamic mode without --errors: with it, Prism refuses its own random answers wherever
    # the spec contradicts itself (see tests/tests/prism_dynamic.rs).
    local url pid log="$PRISM_DIR/prism-dynamic.log"
    launch_prism url pid "$log" -d
    await_prism "$url" "$pid" "$log"
    local status=0
    PRISM_DYNAMIC_URL="$url" \
        cargo test -p liveblocks-tests --test prism_dynamic -- --nocapture || status=$?
    stop_prism
    if [[ $status -ne 0 ]]; then
        echo "Prism dynamic suite failed; the last lines of Prism's log:" >&2
        tail -n 40 "$log" >&2
    fi
    return "$status"
}

run_wasm_suite() {
    if [[ ! -f scripts/test-wasm.sh ]]; then
        echo "scripts/test-wasm.sh is missing" >&2
        return 1
    fi
    bash scripts/test-wasm.sh
}

step install bash scripts/install.sh
step fmt cargo fmt --all -- --check
step clippy run_clippy
step unit cargo test --workspace --exclude liveblocks-tests --exclude liveblocks-readme --all-features
# The oracles that need no server: @liveblocks/node, @liveblocks/query-parser, @liveblocks/emails
# and the Python SDK (query strings, auth sessions, webhooks, comment bodies, e-mails), and
# signed webhooks received through hyper and blocking sockets.
step oracles cargo test -p liveblocks-tests --test queries --test sessions --test oracles --test webhooks_live -- --nocapture
step doc env RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --all-features
# With the `yrs` feature too (server-side Yjs edits), which must stay wasm32-ready.
step wasm-core bash -c "cargo build -p liveblocks-core --target wasm32-unknown-unknown \
    && cargo build -p liveblocks-core --features yrs --target wasm32-unknown-unknown"
step core-deps check_core_deps
step build-live cargo test -p liveblocks-tests --no-run
step faults cargo test -p liveblocks-tests --test faults -- --nocapture
step readme run_readme_snippets
step examples bash scripts/test-examples.sh
step devserver run_devserver_suite
step prism run_prism_suite
step prism-dynamic run_prism_dynamic_suite
step wasm run_wasm_suite
step bench bash scripts/bench.sh --smoke
