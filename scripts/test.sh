#!/usr/bin/env bash
# The whole test run: what CI runs (.ci/run execs this) and what a developer runs.
#
#   ./scripts/test.sh
#
# Steps, in order, each timed; the first failure stops the run and is reported:
#   install     scripts/install.sh (npm packages, wasm target, wasm-bindgen-cli)
#   fmt         cargo fmt --check
#   clippy      cargo clippy on every crate and target, warnings denied
#   unit        unit and doc tests of every crate but the live suites
#   doc         rustdoc, warnings denied
#   wasm-core   liveblocks-core builds for wasm32-unknown-unknown
#   core-deps   liveblocks-core pulls in no I/O crate (tokio, hyper, ureq, ...)
#   build-live  compiles the live suites before any server starts
#   devserver   tests/tests/devserver.rs against the local Liveblocks dev server
#   prism       tests/tests/prism.rs against Prism mocking the OpenAPI spec (--errors)
#   wasm        scripts/test-wasm.sh
#
# To run some steps only (while working on them), name them: `./scripts/test.sh fmt prism`.
# CI runs them all.
#
# Environment: SPEC overrides the OpenAPI spec path (default: ../shared/spec/v2.openapi.json
# next to the repository); PRISM_TIMEOUT the seconds to wait for Prism (default 60).
set -euo pipefail

ALL_STEPS=(install fmt clippy unit doc wasm-core core-deps build-live devserver prism wasm)
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
PRISM_PID=""

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
    if [[ -n "$PRISM_PID" ]] && kill -0 "$PRISM_PID" 2>/dev/null; then
        kill "$PRISM_PID" 2>/dev/null || true
        wait "$PRISM_PID" 2>/dev/null || true
    fi
    PRISM_PID=""
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

run_devserver_suite() {
    # The dev server sets LIVEBLOCKS_BASE_URL and LIVEBLOCKS_SECRET_KEY for the command and
    # shuts down when it exits, passing on its exit status.
    npx --no-install liveblocks dev --random-port --no-check \
        --cmd "cargo test -p liveblocks-tests --test devserver"
}

free_port() {
    node -e 'const s = require("net").createServer();
             s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

run_prism_suite() {
    local spec="${SPEC:-$(git rev-parse --show-toplevel)/../shared/spec/v2.openapi.json}"
    if [[ ! -f "$spec" ]]; then
        echo "OpenAPI spec not found at $spec (set SPEC=/path/to/v2.openapi.json)" >&2
        return 1
    fi
    local dir="$ROOT/target/prism"
    local derived="$dir/v2.derived.json"
    local log="$dir/prism.log"
    mkdir -p "$dir"
    node scripts/derive-prism-spec.mjs "$spec" "$derived"

    local port
    port="$(free_port)"
    local url="http://127.0.0.1:$port"
    echo "starting Prism on $url (log: $log)"
    # The bin is a node script: starting it directly (not through npx) makes $! Prism itself.
    "$ROOT/node_modules/.bin/prism" mock --errors -p "$port" -h 127.0.0.1 "$derived" >"$log" 2>&1 &
    PRISM_PID=$!
    if ! node scripts/wait-for-http.mjs "$url/v2/rooms/prism-ready" "${PRISM_TIMEOUT:-60}" "$PRISM_PID"; then
        echo "Prism did not come up; its log:" >&2
        cat "$log" >&2
        return 1
    fi
    echo "Prism is up (pid $PRISM_PID)"
    local status=0
    PRISM_URL="$url" cargo test -p liveblocks-tests --test prism -- --nocapture || status=$?
    stop_prism
    if [[ $status -ne 0 ]]; then
        echo "Prism suite failed; the last lines of Prism's log:" >&2
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
step clippy cargo clippy --workspace --all-targets -- -D warnings
step unit cargo test --workspace --exclude liveblocks-tests
step doc env RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps
step wasm-core cargo build -p liveblocks-core --target wasm32-unknown-unknown
step core-deps check_core_deps
step build-live cargo test -p liveblocks-tests --no-run
step devserver run_devserver_suite
step prism run_prism_suite
step wasm run_wasm_suite
