//! The call pipeline of core, in workerd: per-call headers, a per-call timeout and the
//! overall deadline, against the runner's helper server.

use std::time::Duration;

use liveblocks_wasm::liveblocks_core::retry::RetryPolicy;
use liveblocks_wasm::liveblocks_core::TransportErrorKind;
use liveblocks_wasm::{Client, Config, Error};

use crate::{Abort, Params, Report, Step};

/// A header set on one call reaches the wire: the echo server describes the request, which
/// comes back as a decode error (it is no room) keeping the raw body.
pub async fn call_options(p: &Params, r: &mut Report) -> Step {
    let helper = p.helper_url(r)?;
    let config =
        Config::new(p.secret.clone()).and_then(|c| c.with_base_url(format!("{helper}/echo")));
    let client = r.ok(
        "Client for the echo server",
        config.and_then(Client::from_config),
    )?;
    let result = client
        .get_room("r")
        .with_header("x-trace-id", "trace-wasm-1")
        .with_header("idempotency-key", "key-2")
        .await;
    let Err(Error::Decode(decode)) = result else {
        r.check("the echo is not a room", false, format!("{result:?}"));
        return Err(Abort);
    };
    let echo: serde_json::Value = serde_json::from_slice(&decode.raw_body).unwrap_or_default();
    r.eq(
        "x-trace-id reached the wire",
        &echo["headers"]["x-trace-id"],
        &serde_json::json!("trace-wasm-1"),
    );
    r.eq(
        "idempotency-key reached the wire",
        &echo["headers"]["idempotency-key"],
        &serde_json::json!("key-2"),
    );

    // A per-call timeout wins over the client's 30 s.
    let config = Config::new(p.secret.clone())
        .and_then(|c| c.with_base_url(format!("{helper}/hang")))
        .map(|c| c.with_timeout(Duration::from_secs(30)));
    let client = r.ok(
        "Client with a 30 s timeout",
        config.and_then(Client::from_config),
    )?;
    let started = js_sys::Date::now();
    let result = client
        .get_room("hang")
        .with_timeout(Duration::from_millis(300))
        .await;
    let elapsed = js_sys::Date::now() - started;
    if r.transport_error(
        "the call's 300 ms timeout",
        result,
        &[TransportErrorKind::Timeout],
    ) {
        r.check(
            "it timed out after 300 ms, not 30 s",
            (250.0..5_000.0).contains(&elapsed),
            format!("{elapsed} ms"),
        );
    }

    // The deadline ends attempts and retry waits together.
    let started = js_sys::Date::now();
    let result = client
        .get_room("hang")
        .with_timeout(Duration::from_millis(200))
        .with_retry(RetryPolicy::new(10).initial_delay(Duration::from_millis(50)))
        .with_deadline(Duration::from_millis(700))
        .await;
    let elapsed = js_sys::Date::now() - started;
    let message = result
        .as_ref()
        .err()
        .map(ToString::to_string)
        .unwrap_or_default();
    if r.transport_error(
        "the deadline ends the call",
        result,
        &[TransportErrorKind::Timeout],
    ) {
        r.check(
            "it says the deadline passed",
            message.contains("deadline"),
            &message,
        );
        r.check(
            "after 700 ms, whatever the retries",
            (650.0..5_000.0).contains(&elapsed),
            format!("{elapsed} ms"),
        );
    }

    // Zero durations are refused before any request, as on every adapter.
    let result = client.get_room("hang").with_timeout(Duration::ZERO).await;
    r.check(
        "a zero timeout is invalid input",
        result.as_ref().is_err_and(Error::is_invalid_input),
        format!("{result:?}"),
    );
    Ok(())
}
