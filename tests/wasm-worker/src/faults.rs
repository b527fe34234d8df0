//! The fault-injection cases of `tests/tests/faults.rs`, through `liveblocks-wasm` in workerd,
//! against the same misbehaving server (`liveblocks_tests::faults`, run by
//! `tests/workerd/run.mjs` as the `fault-server` binary). Each case checks the typed outcome,
//! the time it took and that the same client then still works. Where workerd's `fetch` hides
//! the difference (it rejects alike for a connection closed before the response, garbage and
//! oversized headers), several kinds are accepted and the check's detail says which came.

use std::time::Duration;

use liveblocks_wasm::liveblocks_core::retry::RetryPolicy;
use liveblocks_wasm::liveblocks_core::transport::MAX_ERROR_BODY_BYTES;
use liveblocks_wasm::liveblocks_core::TransportErrorKind as K;
use liveblocks_wasm::{Client, Config, Error};

use crate::{Abort, Params, Report, Step};

/// What a case must end with.
#[derive(Debug, Clone, Copy)]
enum Expect {
    Ok,
    Transport(&'static [K]),
    Api { status: u16, truncated: bool },
    Decode,
}

struct Case {
    route: &'static str,
    what: &'static str,
    config: fn(Config) -> Config,
    expect: Expect,
    min_ms: f64,
    max_ms: f64,
    settle_ms: u64,
}

fn same(c: Config) -> Config {
    c
}

/// Workerd rejects `fetch` the same way whenever the answer is not a usable HTTP head.
const NO_HEAD: &[K] = &[K::Connect, K::Reset, K::Protocol];

fn cases() -> Vec<Case> {
    use Expect::*;
    let case = |route, what, config, expect, min_ms, max_ms| Case {
        route,
        what,
        config,
        expect,
        min_ms,
        max_ms,
        settle_ms: 0,
    };
    vec![
        case(
            "close-before",
            "closed before the response",
            same,
            Transport(NO_HEAD),
            0.0,
            3000.0,
        ),
        case(
            "reset-mid-body",
            "reset mid-body (chunked)",
            same,
            Transport(&[K::Reset]),
            0.0,
            3000.0,
        ),
        case(
            "truncated",
            "truncated body",
            same,
            Transport(&[K::Reset]),
            0.0,
            3000.0,
        ),
        case(
            "stall-headers",
            "stalled headers, 300 ms timeout",
            same,
            Transport(&[K::Timeout]),
            250.0,
            3000.0,
        ),
        case(
            "stall-body",
            "stalled body, 300 ms timeout",
            same,
            Transport(&[K::Timeout]),
            250.0,
            3000.0,
        ),
        case(
            "garbage",
            "garbage instead of HTTP",
            same,
            Transport(NO_HEAD),
            0.0,
            3000.0,
        ),
        case("invalid-json", "invalid JSON", same, Decode, 0.0, 3000.0),
        case(
            "wrong-shape",
            "JSON of the wrong shape",
            same,
            Decode,
            0.0,
            3000.0,
        ),
        case(
            "too-large-length",
            "64 MiB body with a length, 1 MiB cap",
            same,
            Transport(&[K::TooLarge]),
            0.0,
            5000.0,
        ),
        case(
            "too-large-chunked",
            "chunked body without a length, 1 MiB cap",
            same,
            Transport(&[K::TooLarge]),
            0.0,
            5000.0,
        ),
        case(
            "huge-error",
            "8 MiB error body: kept cut at 64 KiB",
            same,
            Api {
                status: 500,
                truncated: true,
            },
            0.0,
            5000.0,
        ),
        case(
            "huge-headers",
            "1 MiB header",
            same,
            Transport(NO_HEAD),
            0.0,
            3000.0,
        ),
        case(
            "bad-chunk",
            "bad chunk size",
            same,
            Transport(&[K::Reset, K::Protocol]),
            0.0,
            3000.0,
        ),
        case(
            "429-small",
            "429 Retry-After: 1, retried",
            |c| c.with_retry(RetryPolicy::new(2)),
            Ok,
            950.0,
            4000.0,
        ),
        case(
            "429-huge",
            "429 Retry-After: 86400 under a 2 s deadline: not waited",
            |c| {
                c.with_retry(RetryPolicy::new(3))
                    .with_deadline(Duration::from_secs(2))
            },
            Api {
                status: 429,
                truncated: false,
            },
            0.0,
            1500.0,
        ),
        case(
            "503-then-ok",
            "503 twice then 200, retried",
            |c| c.with_retry(RetryPolicy::new(3).initial_delay(Duration::from_millis(50))),
            Ok,
            140.0,
            3000.0,
        ),
        case(
            "redirect-301",
            "301 to another port: not followed",
            same,
            Api {
                status: 301,
                truncated: false,
            },
            0.0,
            3000.0,
        ),
        case(
            "redirect-307",
            "307 to another port: not followed",
            same,
            Api {
                status: 307,
                truncated: false,
            },
            0.0,
            3000.0,
        ),
        Case {
            settle_ms: 100,
            ..case(
                "keepalive-drop",
                "keep-alive connection dropped while idle",
                same,
                Ok,
                0.0,
                3000.0,
            )
        },
        case(
            "gzip-bomb",
            "gzip bomb (1 GiB of zeros), 1 MiB cap on the decompressed bytes",
            same,
            Transport(&[K::TooLarge]),
            0.0,
            5000.0,
        ),
        case(
            "gzip-ok",
            "gzip answer decompressed by fetch",
            same,
            Ok,
            0.0,
            3000.0,
        ),
    ]
}

/// Runs every case; the runner prints `faults: N/N cases as expected through wasm`.
pub async fn faults(p: &Params, r: &mut Report) -> Step {
    let Some(url) = &p.fault_url else {
        r.check(
            "the runner sent the fault server's URL",
            false,
            "faultUrl missing",
        );
        return Err(Abort);
    };
    let all = cases();
    let mut passed = 0;
    for (n, case) in all.iter().enumerate() {
        let config = Config::new(p.secret.clone())
            .and_then(|c| c.with_base_url(url.clone()))
            .map(|c| {
                (case.config)(
                    c.with_timeout(Duration::from_millis(300))
                        .with_max_response_bytes(1024 * 1024),
                )
            });
        let client = r.ok(
            &format!("{}: client", case.route),
            config.and_then(Client::from_config),
        )?;
        let started = js_sys::Date::now();
        let result = client.get_room(format!("{}~wasm-{n}", case.route)).await;
        let elapsed = js_sys::Date::now() - started;
        let (outcome, shown) = judge(case.expect, &result);
        let timely = (case.min_ms..=case.max_ms).contains(&elapsed);
        if case.settle_ms > 0 {
            liveblocks_wasm::liveblocks_core::Transport::sleep(
                client.transport(),
                Duration::from_millis(case.settle_ms),
            )
            .await;
        }
        let after = client.get_room("ok").await;
        let pass = outcome && timely && after.is_ok();
        passed += usize::from(pass);
        r.check(
            &format!("{} ({})", case.route, case.what),
            pass,
            format!(
                "expected {:?} in {}..{} ms: {shown} in {elapsed} ms; then {}",
                case.expect,
                case.min_ms,
                case.max_ms,
                match &after {
                    Ok(_) => "the same client works".to_owned(),
                    Err(e) => format!("the next call failed: {e}"),
                }
            ),
        );
    }
    r.check(
        &format!(
            "faults: {passed}/{} cases as expected through wasm",
            all.len()
        ),
        passed == all.len(),
        "",
    );
    Ok(())
}

fn judge<T: std::fmt::Debug>(expect: Expect, result: &Result<T, Error>) -> (bool, String) {
    let shown = match result {
        Ok(_) => "Ok".to_owned(),
        Err(Error::Transport(e)) => format!("{:?}: {e}", e.kind()),
        Err(e) => e.to_string(),
    };
    let pass = match (expect, result) {
        (Expect::Ok, Ok(_)) => true,
        (Expect::Transport(kinds), Err(Error::Transport(e))) => {
            kinds.contains(&e.kind()) && e.to_string().contains("/v2/rooms/")
        }
        (Expect::Api { status, truncated }, Err(Error::Api(e))) => {
            e.status.as_u16() == status
                && e.truncated == truncated
                && (!truncated || e.raw_body.len() as u64 == MAX_ERROR_BODY_BYTES)
        }
        (Expect::Decode, Err(Error::Decode(_))) => true,
        _ => false,
    };
    (pass, shown)
}
