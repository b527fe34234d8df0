//! The call pipeline with bare closure transports: retries, per-call options, zero durations.

use std::future::IntoFuture;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use liveblocks_core::retry::RetryPolicy;
use liveblocks_core::transport::{from_fn, HttpRequest, HttpResponse};
use liveblocks_core::{Client, Config, Limits, TransportError, TransportErrorKind};

const ROOM: &str = r#"{"type":"room","id":"r","organizationId":"o","createdAt":"2024-01-01T00:00:00Z",
    "defaultAccesses":[],"usersAccesses":{},"groupsAccesses":{},"metadata":{}}"#;

fn status(code: u16) -> HttpResponse {
    http::Response::builder()
        .status(code)
        .body(Bytes::from_static(if code == 200 {
            ROOM.as_bytes()
        } else {
            b"{}"
        }))
        .unwrap()
}

fn config() -> Config {
    Config::new("sk_test").unwrap()
}

#[test]
fn a_blocking_closure_is_retried_per_the_policy() {
    let seen: Arc<Mutex<Vec<Limits>>> = Arc::default();
    let log = Arc::clone(&seen);
    let transport = move |request: HttpRequest| -> Result<HttpResponse, TransportError> {
        let mut log = log.lock().unwrap();
        log.push(Limits::of(&request));
        Ok(status(if log.len() < 3 { 503 } else { 200 }))
    };
    let policy = RetryPolicy::new(3).initial_delay(Duration::from_millis(1));
    let client = Client::with_transport(config().with_retry(policy), transport);
    let room = client.get_room("r").send().unwrap();
    assert_eq!(room.id, "r");
    let seen = seen.lock().unwrap();
    let attempts: Vec<u32> = seen.iter().map(|l| l.attempt).collect();
    assert_eq!(attempts, [1, 2, 3]);
    assert!(seen.iter().all(|l| l.timeout == Duration::from_secs(60)));
}

#[test]
fn an_async_closure_is_retried_and_waits_with_its_sleep() {
    let calls = Arc::new(Mutex::new(0u32));
    let waits: Arc<Mutex<Vec<Duration>>> = Arc::default();
    let (count, slept) = (Arc::clone(&calls), Arc::clone(&waits));
    let transport = from_fn(
        move |_request: HttpRequest| {
            let mut calls = count.lock().unwrap();
            *calls += 1;
            let answer = if *calls == 1 {
                Err(TransportError::new(TransportErrorKind::Connect, "refused"))
            } else {
                Ok(status(200))
            };
            std::future::ready(answer)
        },
        move |duration: Duration| {
            // The timer of the attempt (60 s) is raced, never awaited to the end here; only
            // the retry waits are short.
            if duration < Duration::from_secs(1) {
                slept.lock().unwrap().push(duration);
                futures::future::Either::Left(std::future::ready(()))
            } else {
                futures::future::Either::Right(futures::future::pending())
            }
        },
    );
    let policy = RetryPolicy::new(2).initial_delay(Duration::from_millis(20));
    let client = Client::with_transport(config(), transport);
    // The policy comes from the call, not the config.
    let room =
        futures::executor::block_on(client.get_room("r").with_retry(policy).into_future()).unwrap();
    assert_eq!(room.id, "r");
    assert_eq!(*calls.lock().unwrap(), 2);
    assert_eq!(*waits.lock().unwrap(), [Duration::from_millis(20)]);
}

#[test]
fn an_async_attempt_that_outlives_its_timeout_is_dropped() {
    // The transport never answers; its sleep ends at once, so the attempt times out.
    let transport = from_fn(
        |_request: HttpRequest| futures::future::pending::<Result<HttpResponse, TransportError>>(),
        |_duration: Duration| std::future::ready(()),
    );
    let client = Client::with_transport(config(), transport);
    let err = futures::executor::block_on(
        client
            .get_room("r")
            .with_timeout(Duration::from_millis(5))
            .into_future(),
    )
    .unwrap_err();
    match err {
        liveblocks_core::Error::Transport(e) => {
            assert_eq!(e.kind(), TransportErrorKind::Timeout);
            assert!(e.message().contains("5ms"), "{}", e.message());
        }
        other => panic!("expected a timeout, got {other:?}"),
    }
}

#[test]
fn per_call_options_reach_the_transport() {
    let seen: Arc<Mutex<Vec<HttpRequest>>> = Arc::default();
    let log = Arc::clone(&seen);
    let transport = move |request: HttpRequest| -> Result<HttpResponse, TransportError> {
        log.lock().unwrap().push(request);
        Ok(status(200))
    };
    let client = Client::with_transport(config(), transport);
    client
        .get_room("r")
        .with_header("x-trace-id", "t-1")
        .with_timeout(Duration::from_secs(7))
        .with_max_response_bytes(1024)
        .send()
        .unwrap();
    let seen = seen.lock().unwrap();
    assert_eq!(seen[0].headers()["x-trace-id"], "t-1");
    let limits = Limits::of(&seen[0]);
    assert_eq!(limits.timeout, Duration::from_secs(7));
    assert_eq!(limits.max_response_bytes, 1024);
}

#[test]
fn zero_durations_and_bad_headers_fail_before_sending() {
    let sent = Arc::new(Mutex::new(0));
    let count = Arc::clone(&sent);
    let transport = move |_: HttpRequest| -> Result<HttpResponse, TransportError> {
        *count.lock().unwrap() += 1;
        Ok(status(200))
    };
    let client = Client::with_transport(config(), transport);
    let zero = client
        .get_room("r")
        .with_timeout(Duration::ZERO)
        .send()
        .unwrap_err();
    assert!(
        zero.is_invalid_input() && zero.to_string().contains("Duration::MAX"),
        "{zero}"
    );
    let deadline = client
        .get_room("r")
        .with_deadline(Duration::ZERO)
        .send()
        .unwrap_err();
    assert!(deadline.is_invalid_input(), "{deadline}");
    let name = client
        .get_room("r")
        .with_header("bad name", "v")
        .send()
        .unwrap_err();
    assert!(name.is_invalid_input(), "{name}");
    let value = client
        .get_room("r")
        .with_header("x-a", "line\nbreak")
        .send()
        .unwrap_err();
    assert!(
        value.is_invalid_input() && value.to_string().contains("x-a"),
        "{value}"
    );
    let auth = client
        .get_room("r")
        .with_header("Authorization", "Bearer sk_x")
        .send()
        .unwrap_err();
    assert!(auth.is_invalid_input(), "{auth}");
    assert_eq!(*sent.lock().unwrap(), 0);
}

#[test]
fn a_blocking_deadline_stops_retrying() {
    // Each attempt fails at once with a 503; the waits (20 ms, doubling) pass the deadline.
    let calls = Arc::new(Mutex::new(0u32));
    let count = Arc::clone(&calls);
    let transport = move |_: HttpRequest| -> Result<HttpResponse, TransportError> {
        *count.lock().unwrap() += 1;
        Ok(status(503))
    };
    let policy = RetryPolicy::new(100).initial_delay(Duration::from_millis(20));
    let client = Client::with_transport(
        config()
            .with_retry(policy)
            .with_deadline(Duration::from_millis(100)),
        transport,
    );
    let started = std::time::Instant::now();
    let err = client.get_room("r").send().unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    assert!(
        started.elapsed() < Duration::from_millis(100),
        "{:?}",
        started.elapsed()
    );
    // 20 + 40 = 60 ms of waits fit, the next 80 ms would not.
    assert_eq!(*calls.lock().unwrap(), 3);
}
