//! Decode, request-building and error-path costs, each beside a baseline on the same bytes.
//!
//! ```sh
//! cargo bench -p liveblocks-core --bench decode          # or scripts/bench.sh, which prints ratios
//! ```
//!
//! The fixtures are one room (`fixtures/room.json`) and a page of 100 rooms
//! (`fixtures/rooms-100.json`, 34 KB) in the shapes the API returns. Compare `typed` with
//! `value` (the same bytes into a `serde_json::Value`): the ratio is what matters, the
//! absolute times depend on the machine.

use std::hint::black_box;
use std::io::Write as _;

use bytes::Bytes;
use criterion::{criterion_group, Criterion, Throughput};
use liveblocks_core::rooms::{GetRoom, GetRooms};
use liveblocks_core::{Config, Endpoint};

const ROOM: &[u8] = include_bytes!("fixtures/room.json");
const ROOMS_100: &[u8] = include_bytes!("fixtures/rooms-100.json");

fn ok(body: &'static [u8]) -> http::Response<Bytes> {
    http::Response::builder()
        .status(200)
        .header("content-type", "application/json")
        .body(Bytes::from_static(body))
        .unwrap()
}

fn decode(c: &mut Criterion) {
    for (name, body) in [("room", ROOM), ("rooms-100", ROOMS_100)] {
        let mut group = c.benchmark_group(format!("decode-{name}"));
        group.throughput(Throughput::Bytes(body.len() as u64));
        group.bench_function("value", |b| {
            b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(body)).unwrap())
        });
        if name == "room" {
            let endpoint = GetRoom::new("liveblocks:engineering-0000");
            group.bench_function("typed", |b| {
                b.iter(|| endpoint.response(black_box(ok(body))).unwrap())
            });
        } else {
            let endpoint = GetRooms::new().limit(100);
            group.bench_function("typed", |b| {
                b.iter(|| endpoint.response(black_box(ok(body))).unwrap())
            });
        }
        group.finish();
    }
}

fn requests(c: &mut Criterion) {
    let config = Config::new("sk_test_0123456789abcdef").unwrap();
    let mut group = c.benchmark_group("request");
    group.bench_function("get_room", |b| {
        b.iter(|| {
            GetRoom::new(black_box("liveblocks:engineering/α #1"))
                .request(&config)
                .unwrap()
        })
    });
    group.bench_function("get_rooms", |b| {
        b.iter(|| {
            GetRooms::new()
                .limit(black_box(100))
                .request(&config)
                .unwrap()
        })
    });
    group.finish();
}

fn errors(c: &mut Criterion) {
    let endpoint = GetRoom::new("missing");
    let mut group = c.benchmark_group("error");
    group.bench_function("api-404", |b| {
        b.iter(|| {
            let response = http::Response::builder()
                .status(404)
                .header("content-type", "application/json")
                .body(Bytes::from_static(
                    br#"{"error":"ROOM_NOT_FOUND","message":"Room not found","suggestion":"Check the room ID"}"#,
                ))
                .unwrap();
            endpoint.response(black_box(response)).unwrap_err()
        })
    });
    // The decode error path: a wrong type deep in the page, named by its JSON path.
    let mut broken = ROOMS_100.to_vec();
    let at = broken.len() - 300;
    let field = broken[at..]
        .windows(11)
        .position(|w| w == b"\"createdAt\"")
        .expect("a createdAt near the end")
        + at;
    broken[field + 13] = b'X';
    let broken = Bytes::from(broken);
    let rooms = GetRooms::new();
    group.bench_function("decode-rooms-100", |b| {
        b.iter(|| {
            let response = http::Response::builder()
                .status(200)
                .body(broken.clone())
                .unwrap();
            rooms.response(black_box(response)).unwrap_err()
        })
    });
    group.finish();
}

/// What `Accept-Encoding: gzip` would cost per page on the client: gunzipping it.
fn gzip(c: &mut Criterion) {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(ROOMS_100).unwrap();
    let compressed = encoder.finish().unwrap();
    eprintln!(
        "gzip: rooms-100 is {} bytes, {} gzipped",
        ROOMS_100.len(),
        compressed.len()
    );
    let mut group = c.benchmark_group("gzip");
    group.throughput(Throughput::Bytes(ROOMS_100.len() as u64));
    group.bench_function("gunzip-rooms-100", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(ROOMS_100.len());
            let mut decoder = flate2::write::GzDecoder::new(&mut out);
            decoder.write_all(black_box(&compressed)).unwrap();
            decoder.finish().unwrap();
            out
        })
    });
    group.finish();
}

criterion_group!(benches, decode, requests, errors, gzip);

/// `LIVEBLOCKS_BENCH_ONCE=<case> [LIVEBLOCKS_BENCH_N=<n>]` runs one decode case `n` times
/// (default 100) instead of the criterion benches: for instruction counts under
/// `valgrind --tool=callgrind --toggle-collect='*bench_once*'`, which repeat under load where
/// timings don't. Cases: `value-room`, `typed-room`, `value-rooms-100`, `typed-rooms-100`.
fn main() {
    if let Ok(case) = std::env::var("LIVEBLOCKS_BENCH_ONCE") {
        let n = std::env::var("LIVEBLOCKS_BENCH_N")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(100);
        bench_once(&case, n);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}

#[inline(never)]
fn bench_once(case: &str, n: usize) {
    let room = GetRoom::new("liveblocks:engineering-0000");
    let rooms = GetRooms::new().limit(100);
    for _ in 0..n {
        match case {
            "value-room" => drop(black_box(
                serde_json::from_slice::<serde_json::Value>(black_box(ROOM)).unwrap(),
            )),
            "typed-room" => drop(black_box(room.response(ok(ROOM)).unwrap())),
            "value-rooms-100" => drop(black_box(
                serde_json::from_slice::<serde_json::Value>(black_box(ROOMS_100)).unwrap(),
            )),
            "typed-rooms-100" => drop(black_box(rooms.response(ok(ROOMS_100)).unwrap())),
            other => panic!("unknown case {other}"),
        }
    }
}
