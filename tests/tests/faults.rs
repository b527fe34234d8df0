//! The fault-injection suite: every misbehaviour of `liveblocks_tests::faults` (a raw-TCP
//! server on loopback) through `liveblocks-hyper` and `liveblocks-ureq`. Each case asserts
//! the typed outcome, the time it took (bounded both ways where it matters) and that the same
//! client then still works. The wasm adapter meets the same server in workerd
//! (`tests/wasm-worker/src/faults.rs`). Needs no external server:
//!
//!     cargo test -p liveblocks-tests --test faults -- --nocapture
//!
//! It ends with `faults: N/N cases as expected through hyper, ureq` and a check that no
//! printable form of anything (errors, config, client, transport, request) shows a secret.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use liveblocks_core::models::rooms::Room;
use liveblocks_core::retry::RetryPolicy;
use liveblocks_core::{Config, Endpoint, Error, TransportErrorKind};
use liveblocks_tests::faults::{FaultServer, LEAKED_SECRET};

const SECRET: &str = "sk_faults_SECRET_do_not_print_42";
const CAP: u64 = 1024 * 1024;

/// What a case must end with.
#[derive(Debug, Clone, Copy)]
enum Expect {
    Ok,
    Transport(TransportErrorKind),
    Api { status: u16, truncated: bool },
    Decode,
}

#[derive(Clone, Copy)]
struct Case {
    route: &'static str,
    what: &'static str,
    config: fn(Config) -> Config,
    expect: Expect,
    /// It must take at least this long (a timeout or a `Retry-After` honoured)...
    min: Duration,
    /// ...and at most this long.
    max: Duration,
    /// How long to wait before the follow-up call on the same client.
    settle: Duration,
}

fn same(c: Config) -> Config {
    c
}

const MS: fn(u64) -> Duration = Duration::from_millis;

fn cases() -> Vec<Case> {
    use Expect::*;
    use TransportErrorKind as K;
    let zero = Duration::ZERO;
    vec![
        Case {
            route: "close-before",
            what: "closed before the response",
            config: same,
            expect: Transport(K::Reset),
            min: zero,
            max: MS(3000),
            settle: Duration::ZERO,
        },
        Case {
            route: "reset-mid-body",
            what: "reset mid-body (chunked)",
            config: same,
            expect: Transport(K::Reset),
            min: zero,
            max: MS(3000),
            settle: Duration::ZERO,
        },
        Case {
            route: "truncated",
            what: "truncated body (Content-Length not met)",
            config: same,
            expect: Transport(K::Reset),
            min: zero,
            max: MS(3000),
            settle: Duration::ZERO,
        },
        Case {
            route: "stall-headers",
            what: "stalled headers, 300 ms timeout",
            config: same,
            expect: Transport(K::Timeout),
            min: MS(250),
            max: MS(3000),
            settle: Duration::ZERO,
        },
        Case {
            route: "stall-body",
            what: "stalled body, 300 ms timeout",
            config: same,
            expect: Transport(K::Timeout),
            min: MS(250),
            max: MS(3000),
            settle: Duration::ZERO,
        },
        Case {
            route: "garbage",
            what: "garbage instead of HTTP",
            config: same,
            expect: Transport(K::Protocol),
            min: zero,
            max: MS(3000),
            settle: Duration::ZERO,
        },
        Case {
            route: "invalid-json",
            what: "invalid JSON",
            config: same,
            expect: Decode,
            min: zero,
            max: MS(3000),
            settle: Duration::ZERO,
        },
        Case {
            route: "wrong-shape",
            what: "JSON of the wrong shape",
            config: same,
            expect: Decode,
            min: zero,
            max: MS(3000),
            settle: Duration::ZERO,
        },
        Case {
            route: "too-large-length",
            what: "64 MiB body with a length, 1 MiB cap",
            config: same,
            expect: Transport(K::TooLarge),
            min: zero,
            max: MS(3000),
            settle: Duration::ZERO,
        },
        Case {
            route: "too-large-chunked",
            what: "1 GiB chunked body without a length, 1 MiB cap",
            config: same,
            expect: Transport(K::TooLarge),
            min: zero,
            max: MS(5000),
            settle: Duration::ZERO,
        },
        Case {
            route: "huge-error",
            what: "8 MiB error body: kept cut at 64 KiB",
            config: same,
            expect: Api {
                status: 500,
                truncated: true,
            },
            min: zero,
            max: MS(3000),
            settle: Duration::ZERO,
        },
        Case {
            route: "huge-headers",
            what: "1 MiB header",
            config: same,
            expect: Transport(K::Protocol),
            min: zero,
            max: MS(3000),
            settle: Duration::ZERO,
        },
        Case {
            route: "bad-chunk",
            what: "bad chunk size",
            config: same,
            expect: Transport(K::Protocol),
            min: zero,
            max: MS(3000),
            settle: Duration::ZERO,
        },
        Case {
            route: "429-small",
            what: "429 Retry-After: 1, retried",
            config: |c| c.with_retry(RetryPolicy::new(2)),
            expect: Ok,
            min: MS(950),
            max: MS(4000),
            settle: Duration::ZERO,
        },
        Case {
            route: "429-huge",
            what: "429 Retry-After: 86400 under a 2 s deadline: not waited",
            config: |c| {
                c.with_retry(RetryPolicy::new(3))
                    .with_deadline(Duration::from_secs(2))
            },
            expect: Api {
                status: 429,
                truncated: false,
            },
            min: zero,
            max: MS(1500),
            settle: Duration::ZERO,
        },
        Case {
            route: "503-then-ok",
            what: "503 twice then 200, retried",
            config: |c| c.with_retry(RetryPolicy::new(3).initial_delay(Duration::from_millis(50))),
            expect: Ok,
            min: MS(140),
            max: MS(3000),
            settle: Duration::ZERO,
        },
        Case {
            route: "503-then-ok",
            what: "503 without retries",
            config: same,
            expect: Api {
                status: 503,
                truncated: false,
            },
            min: zero,
            max: MS(3000),
            settle: Duration::ZERO,
        },
        Case {
            route: "redirect-301",
            what: "301 to another port: not followed",
            config: same,
            expect: Api {
                status: 301,
                truncated: false,
            },
            min: zero,
            max: MS(3000),
            settle: Duration::ZERO,
        },
        Case {
            route: "redirect-307",
            what: "307 to another port: not followed",
            config: same,
            expect: Api {
                status: 307,
                truncated: false,
            },
            min: zero,
            max: MS(3000),
            settle: Duration::ZERO,
        },
        Case {
            route: "keepalive-drop",
            what: "keep-alive connection dropped while idle (100 ms)",
            config: same,
            expect: Ok,
            min: zero,
            max: MS(3000),
            settle: MS(100),
        },
        // The next call races the close and may be written to the dead connection: a GET
        // then fails with `Reset`, which the retry table retries.
        Case {
            route: "keepalive-drop",
            what: "keep-alive connection dropped, the next GET races it (retried)",
            config: |c| c.with_retry(RetryPolicy::new(2).initial_delay(Duration::from_millis(10))),
            expect: Ok,
            min: zero,
            max: MS(3000),
            settle: Duration::ZERO,
        },
        Case {
            route: "gzip-bomb",
            what: "gzip bomb (1 GiB of zeros), 1 MiB cap",
            config: |c| c.with_compression(true),
            expect: Transport(K::TooLarge),
            min: zero,
            max: MS(5000),
            settle: Duration::ZERO,
        },
        Case {
            route: "gzip-ok",
            what: "gzip answer decompressed",
            config: |c| c.with_compression(true),
            expect: Ok,
            min: zero,
            max: MS(3000),
            settle: Duration::ZERO,
        },
        Case {
            route: "gzip-ok",
            what: "gzip answer decoded with compression off (sent unasked)",
            config: |c| c.with_compression(false),
            expect: Ok,
            min: zero,
            max: MS(3000),
            settle: Duration::ZERO,
        },
    ]
}

fn config(server: &FaultServer, case: &Case) -> Config {
    let base = Config::new(SECRET)
        .unwrap()
        .with_base_url(server.url())
        .unwrap()
        .with_timeout(Duration::from_millis(300))
        .with_max_response_bytes(CAP);
    (case.config)(base)
}

/// Whether `result` is what `case` expects; the description either way.
fn judge(case: &Case, result: &Result<Room, Error>, elapsed: Duration) -> Result<String, String> {
    let shown = match result {
        Ok(room) => format!("Ok(room {})", room.id),
        Err(e) => format!("{e}"),
    };
    let outcome_ok = match (case.expect, result) {
        (Expect::Ok, Ok(_)) => true,
        (Expect::Transport(kind), Err(Error::Transport(e))) => {
            // Every transport error names the request, never the secret.
            e.kind() == kind
                && e.to_string().contains("GET 127.0.0.1:")
                && e.to_string().contains("/v2/rooms/")
        }
        (Expect::Api { status, truncated }, Err(Error::Api(e))) => {
            e.status.as_u16() == status
                && e.truncated == truncated
                && (!truncated
                    || e.raw_body.len() as u64 == liveblocks_core::transport::MAX_ERROR_BODY_BYTES)
        }
        (Expect::Decode, Err(Error::Decode(_))) => true,
        _ => false,
    };
    let time_ok = elapsed >= case.min && elapsed <= case.max;
    let detail = format!("{shown} in {elapsed:?}");
    if outcome_ok && time_ok {
        Ok(detail)
    } else {
        Err(format!(
            "expected {:?} within {:?}..{:?}, got {detail}",
            case.expect, case.min, case.max
        ))
    }
}

static KEYS: AtomicUsize = AtomicUsize::new(0);

fn key(route: &str, adapter: &str) -> String {
    format!("{route}~{adapter}-{}", KEYS.fetch_add(1, Ordering::SeqCst))
}

fn run_ureq(
    server: &FaultServer,
    case: &Case,
    printed: &mut Vec<String>,
) -> Result<String, String> {
    let config = config(server, case);
    let client = liveblocks_ureq::Client::from_config(config).unwrap();
    let started = Instant::now();
    let result = client.get_room(key(case.route, "ureq")).send();
    let elapsed = started.elapsed();
    printed.push(printable(&result));
    let verdict = judge(case, &result, elapsed);
    std::thread::sleep(case.settle);
    let after = client.get_room("ok").send();
    match (verdict, after) {
        (Ok(detail), Ok(_)) => Ok(detail),
        (Ok(detail), Err(e)) => Err(format!("{detail}, but the next call failed: {e}")),
        (Err(detail), _) => Err(detail),
    }
}

async fn run_hyper(
    server: &FaultServer,
    case: &Case,
    printed: &mut Vec<String>,
) -> Result<String, String> {
    let config = config(server, case);
    let client = liveblocks_hyper::Client::from_config(config).unwrap();
    let started = Instant::now();
    let result = client.get_room(key(case.route, "hyper")).await;
    let elapsed = started.elapsed();
    printed.push(printable(&result));
    let verdict = judge(case, &result, elapsed);
    tokio::time::sleep(case.settle).await;
    let after = client.get_room("ok").await;
    match (verdict, after) {
        (Ok(detail), Ok(_)) => Ok(detail),
        (Ok(detail), Err(e)) => Err(format!("{detail}, but the next call failed: {e}")),
        (Err(detail), _) => Err(detail),
    }
}

/// Every printable form of a value: Display (when it has one), Debug, alternate Debug.
fn printable<T: std::fmt::Debug>(value: &T) -> String {
    format!("{value:?}\n{value:#?}")
}

fn printable_error(error: &Error) -> String {
    let mut all = format!("{error}\n{error:?}\n{error:#?}");
    let mut source = std::error::Error::source(error);
    while let Some(e) = source {
        all.push_str(&format!("\n{e}\n{e:?}"));
        source = e.source();
    }
    all
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn faults() {
    let server = FaultServer::start().expect("the fault server starts");
    let mut printed = Vec::new();
    let mut passed = 0;
    let mut failures = Vec::new();
    let all = cases();
    for case in &all {
        let hyper = run_hyper(&server, case, &mut printed).await;
        let ureq = {
            let server = server.clone();
            let case = *case;
            tokio::task::spawn_blocking(move || {
                let mut printed = Vec::new();
                let verdict = run_ureq(&server, &case, &mut printed);
                (verdict, printed)
            })
            .await
            .unwrap()
        };
        printed.extend(ureq.1);
        for (adapter, verdict) in [("hyper", hyper), ("ureq", ureq.0)] {
            match verdict {
                Ok(detail) => {
                    passed += 1;
                    println!(
                        "  ok   {adapter:5} {:18} {}: {detail}",
                        case.route, case.what
                    );
                }
                Err(detail) => {
                    println!(
                        "  FAIL {adapter:5} {:18} {}: {detail}",
                        case.route, case.what
                    );
                    failures.push(format!("{adapter} {}: {detail}", case.what));
                }
            }
        }
    }

    // A refused connection names the host and the path.
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        drop(listener);
        format!("http://127.0.0.1:{port}")
    };
    let config = Config::new(SECRET).unwrap().with_base_url(&closed).unwrap();
    let hyper = liveblocks_hyper::Client::from_config(config.clone()).unwrap();
    let ureq = liveblocks_ureq::Client::from_config(config.clone()).unwrap();
    let hyper_err = hyper.get_room("r").await.unwrap_err();
    let ureq_err = tokio::task::spawn_blocking(move || ureq.get_room("r").send().unwrap_err())
        .await
        .unwrap();
    for (adapter, err) in [("hyper", &hyper_err), ("ureq", &ureq_err)] {
        let text = err.to_string();
        let ok = matches!(err, Error::Transport(e) if e.kind() == TransportErrorKind::Connect)
            && text.contains(&format!(
                "GET {}/v2/rooms/r",
                closed.trim_start_matches("http://")
            ));
        println!(
            "  {} {adapter:5} refused connection: {text}",
            if ok { "ok  " } else { "FAIL" }
        );
        if ok {
            passed += 1;
        } else {
            failures.push(format!("{adapter} refused connection: {text}"));
        }
        printed.push(printable_error(err));
    }
    assert_eq!(
        server.redirect_target_hits.load(Ordering::SeqCst),
        0,
        "a redirect was followed"
    );

    let total = all.len() * 2 + 2;
    println!("faults: {passed}/{total} cases as expected through hyper, ureq");
    assert!(
        failures.is_empty(),
        "{} fault cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );

    // Nothing printable shows a secret: every error above, the sensitive operations' decode
    // errors, the config, the clients, the transports and a built request.
    let config = Config::new(SECRET)
        .unwrap()
        .with_base_url(server.url())
        .unwrap();
    let hyper = liveblocks_hyper::Client::from_config(config.clone()).unwrap();
    let authorize = hyper
        .authorize_user("u")
        .permissions(
            [(
                "room-1".to_owned(),
                vec![liveblocks_core::models::rooms::RoomPermission::RoomWrite],
            )]
            .into_iter()
            .collect(),
        )
        .await;
    let authorize_shown = format!("{authorize:?}");
    let identify = hyper.identify_user("u").await;
    let management = Config::management("mgmt_token_SECRET_77")
        .unwrap()
        .with_base_url(server.url())
        .unwrap();
    let management_client = liveblocks_hyper::Client::from_config(management.clone()).unwrap();
    let rolled = management_client.roll_project_secret_api_key("p").await;
    for (name, result) in [
        ("authorize_user", authorize.err()),
        ("identify_user", identify.err()),
        ("roll_project_secret_api_key", rolled.err()),
    ] {
        let err =
            result.unwrap_or_else(|| panic!("{name} decoded the leaking body ({authorize_shown})"));
        assert!(matches!(err, Error::Decode(_)), "{name}: {err:?}");
        printed.push(printable_error(&err));
    }
    printed.push(printable(&config));
    printed.push(printable(&management));
    printed.push(printable(&hyper));
    printed.push(printable(&management_client));
    printed.push(printable(hyper.transport()));
    printed.push(printable(
        liveblocks_ureq::Client::from_config(config.clone())
            .unwrap()
            .transport(),
    ));
    let request = liveblocks_core::rooms::GetRoom::new("r")
        .request(&config)
        .unwrap();
    printed.push(printable(&request));
    printed.push(printable(request.headers()));
    let request = liveblocks_core::rooms::GetRoom::new("r")
        .request(&management)
        .unwrap();
    printed.push(printable(&request));
    for bad in [
        "http://user:hunter2_pw@localhost:1",
        "https://hunter2_pw@x.io/v2",
    ] {
        let err = Config::new(SECRET).unwrap().with_base_url(bad).unwrap_err();
        printed.push(printable_error(&err));
    }
    let mut leaks = 0;
    let checked = printed.len();
    for text in &printed {
        for secret in [
            SECRET,
            "SECRET_do_not_print",
            LEAKED_SECRET,
            "mgmt_token_SECRET_77",
            "hunter2_pw",
        ] {
            if text.contains(secret) {
                leaks += 1;
                println!("LEAK of {secret:?} in:\n{text}");
            }
        }
        assert!(
            text.len() < 64 * 1024,
            "a printed form is {} bytes long",
            text.len()
        );
    }
    println!("secrets: {checked} printed values (Display, Debug, alternate Debug) checked, {leaks} leaks");
    assert_eq!(leaks, 0);
}
