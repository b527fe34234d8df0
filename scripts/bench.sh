#!/usr/bin/env bash
# The benchmarks, printed as ratios to a baseline measured in the same run (absolute times
# depend on the machine and its load; the ratios are what to compare). No test asserts on them.
#
#   ./scripts/bench.sh           # both benchmarks, then a table of ratios
#   ./scripts/bench.sh --smoke   # every benchmark once, quickly (the `bench` step of test.sh)
#   ./scripts/bench.sh --callgrind  # the loopback clients' instructions per request (valgrind)
#
# 1. `cargo bench -p liveblocks-core --bench decode` (criterion): typed decode of one room and
#    of a page of 100 rooms beside `serde_json::Value` on the same bytes, request building, the
#    error paths (an API 404, a decode error with its JSON path), and gunzipping the page;
# 2. `loopback` (benches/loopback): liveblocks-hyper (current-thread and multi-thread runtime)
#    and liveblocks-ureq against a canned local hyper server, beside bare hyper and bare ureq
#    clients and a raw keep-alive HTTP/1.1 loop (wrk-1; 16 of them: wrk-16), in interleaved
#    rounds, each client in its own process (its CPU time per request and peak RSS).
#
# Environment: ROUNDS (loopback rounds, default 5), SECS (seconds per client and operation in a
# round, default 1), SOAK (calls of the soak after the rounds, default 0 = none), COMPARE
# ("label=/path/to/loopback ...": another build's liveblocks clients in the same rounds, e.g.
# the binary of an older commit).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"

if [[ "${1:-}" == "--callgrind" ]]; then
    # Instructions per request of each client process (valgrind's callgrind), which repeat
    # under load where timings don't: (Ir of 400 requests - Ir of 100) / 300, so start-up and
    # warm-up cancel out. User-space only (the kernel's share is not counted), so the ratio is
    # to the bare client of the same stack, not to wrk. COMPARE="label=/path/to/loopback ..."
    # adds another build's clients (a build of an older commit, say).
    cargo build --release -p liveblocks-bench-loopback
    bin="$TARGET/release/loopback"
    "$bin" serve >"$TARGET/loopback-serve.url" &
    server=$!
    trap 'kill "$server" 2>/dev/null || true' EXIT
    sleep 1
    url="$(head -1 "$TARGET/loopback-serve.url")"
    ir() { # binary client op n -> Ir
        valgrind --tool=callgrind --callgrind-out-file=/dev/null "$1" client "$2" "$3" "$url" 0 "$4" 2>&1 >/dev/null |
            awk '/Collected/ { print $4 }'
    }
    per_request() { echo $((($(ir "$1" "$2" "$3" 400) - $(ir "$1" "$2" "$3" 100)) / 300)); }
    echo "| client | op | instructions/request | x bare client |"
    echo "|---|---|---:|---:|"
    for op in get_room get_rooms; do
        bare_hyper="$(per_request "$bin" bare-hyper-ct "$op")"
        bare_ureq="$(per_request "$bin" bare-ureq "$op")"
        echo "| bare-hyper-ct | $op | $bare_hyper | 1.00 |"
        echo "| bare-ureq | $op | $bare_ureq | 1.00 |"
        runs=("$bin:hyper-ct" "$bin:hyper-mt" "$bin:ureq")
        for pair in ${COMPARE:-}; do
            for client in hyper-ct hyper-mt ureq; do runs+=("${pair#*=}:$client@${pair%%=*}"); done
        done
        for run in "${runs[@]}"; do
            path="${run%%:*}" client="${run#*:}"
            n="$(per_request "$path" "${client%@*}" "$op")"
            bare="$bare_hyper"
            [[ "$client" == ureq* ]] && bare="$bare_ureq"
            echo "| $client | $op | $n | $(awk -v a="$n" -v b="$bare" 'BEGIN { printf "%.2f", a / b }') |"
        done
    done
    exit 0
fi

if [[ "${1:-}" == "--smoke" ]]; then
    cargo bench -p liveblocks-core --bench decode -- --test
    cargo run --release -p liveblocks-bench-loopback -- --rounds 1 --secs 0.05
    exit 0
fi

echo "== decode (criterion) =="
cargo bench -p liveblocks-core --bench decode
python3 - "$TARGET/criterion" <<'PY'
import json, sys, os
root = sys.argv[1]
def median_ns(group, name):
    with open(os.path.join(root, group, name, "new", "estimates.json")) as f:
        return json.load(f)["median"]["point_estimate"]
rows = [
    ("typed decode, 1 room", "decode-room", "typed", "decode-room", "value", "serde_json::Value, same bytes"),
    ("typed decode, 100 rooms", "decode-rooms-100", "typed", "decode-rooms-100", "value", "serde_json::Value, same bytes"),
    ("decode error (path + raw body), 100 rooms", "error", "decode-rooms-100", "decode-rooms-100", "typed", "typed decode that succeeds"),
    ("gunzip the 100-room page", "gzip", "gunzip-rooms-100", "decode-rooms-100", "typed", "typed decode of it"),
    ("build get_room request", "request", "get_room", "decode-room", "typed", "typed decode, 1 room"),
]
print()
print("| measure | ratio | to | µs |")
print("|---|---:|---|---:|")
for label, g, n, bg, bn, to in rows:
    try:
        a, b = median_ns(g, n), median_ns(bg, bn)
    except OSError:
        continue
    print(f"| {label} | {a / b:.2f} | {to} | {a / 1000:.1f} |")
PY

echo
echo "== loopback =="
compare=()
for pair in ${COMPARE:-}; do compare+=(--compare "$pair"); done
cargo run --release -p liveblocks-bench-loopback -- \
    --rounds "${ROUNDS:-5}" --secs "${SECS:-1}" --soak "${SOAK:-0}" "${compare[@]}"
