//! Scenarios of the transport itself: timeouts, retries, connection errors and the raw
//! request and response bytes, against the runner's helper server.

use std::time::Duration;

use liveblocks_wasm::liveblocks_core::TransportErrorKind;
use liveblocks_wasm::{Client, Config};
use serde_json::json;

use crate::{Abort, Params, Report, Step};

/// A server that never answers: the `AbortController` timer ends the call with `Timeout`.
pub(crate) async fn timeout(p: &Params, r: &mut Report) -> Step {
    let helper = p.helper_url(r)?;
    let limit = Duration::from_millis(300);
    let config = Config::new(p.secret.clone())
        .and_then(|c| c.with_base_url(format!("{helper}/hang")))
        .map(|c| c.with_timeout(limit));
    let client = r.ok(
        "Client with a 300 ms timeout",
        config.and_then(Client::from_config),
    )?;
    let started = js_sys::Date::now();
    let result = client.get_room("never-answered").await;
    let elapsed = js_sys::Date::now() - started;
    let is_timeout =
        r.transport_error("get_room times out", result, &[TransportErrorKind::Timeout]);
    if is_timeout {
        r.check(
            "timed out after the limit, not long after",
            (250.0..10_000.0).contains(&elapsed),
            format!("{elapsed} ms for a {} ms limit", limit.as_millis()),
        );
    }
    // The transport is not poisoned: the next call with the normal client works.
    let client = p.client(r)?;
    let page = client.get_rooms().await;
    r.ok("a call after a timeout succeeds", page)?;
    Ok(())
}

/// A server that answers 503 twice, then the room: with a retry policy the call succeeds
/// after waiting (through `setTimeout`); without one the first 503 is the answer.
pub(crate) async fn retry(p: &Params, r: &mut Report) -> Step {
    use liveblocks_wasm::liveblocks_core::retry::RetryPolicy;
    let helper = p.helper_url(r)?;
    let key = format!("k{}", js_sys::Date::now() as u64);
    let policy = RetryPolicy::new(3).initial_delay(Duration::from_millis(100));
    let config = Config::new(p.secret.clone())
        .and_then(|c| c.with_base_url(format!("{helper}/flaky/{key}")))
        .map(|c| c.with_retry(policy));
    let client = r.ok(
        "Client with 3 retries",
        config.and_then(Client::from_config),
    )?;
    let started = js_sys::Date::now();
    let room = r.ok(
        "get_room succeeds after two 503s",
        client.get_room("flaky").await,
    )?;
    let elapsed = js_sys::Date::now() - started;
    r.check("the room came back", room.id == "flaky", &room.id);
    r.check(
        "it waited 100 ms then 200 ms between attempts",
        (290.0..10_000.0).contains(&elapsed),
        format!("{elapsed} ms"),
    );
    let config = Config::new(p.secret.clone())
        .and_then(|c| c.with_base_url(format!("{helper}/flaky/{key}-plain")));
    let client = r.ok(
        "Client without retries",
        config.and_then(Client::from_config),
    )?;
    let result = client.get_room("flaky").await;
    r.check(
        "without a policy the first 503 is the answer",
        result
            .as_ref()
            .err()
            .and_then(|e| e.status())
            .map(|s| s.as_u16())
            == Some(503),
        format!("{result:?}"),
    );
    Ok(())
}

/// Nothing listens at the URL: the rejected `fetch` becomes a `Connect` transport error.
pub(crate) async fn connect_error(p: &Params, r: &mut Report) -> Step {
    let Some(closed_url) = &p.closed_url else {
        r.check(
            "the runner sent a closed port's URL",
            false,
            "closedUrl missing",
        );
        return Err(Abort);
    };
    let config = Config::new(p.secret.clone()).and_then(|c| c.with_base_url(closed_url.clone()));
    let client = r.ok(
        "Client for a closed port",
        config.and_then(Client::from_config),
    )?;
    let result = client.get_room("nobody-home").await;
    if let Err(e) = &result {
        r.check("is_retryable()", e.is_retryable(), e.to_string());
    }
    r.transport_error(
        "get_room on a closed port",
        result,
        &[TransportErrorKind::Connect],
    );
    Ok(())
}

/// The transport alone against the runner's echo server: the method, URL, headers (a
/// non-ASCII byte included) and body bytes go out as given, and the status, headers and
/// binary body come back as sent.
pub(crate) async fn transport_echo(p: &Params, r: &mut Report) -> Step {
    use liveblocks_wasm::liveblocks_core::bytes::Bytes;
    use liveblocks_wasm::liveblocks_core::http;
    use liveblocks_wasm::liveblocks_core::Transport;
    use liveblocks_wasm::FetchTransport;

    let helper = p.helper_url(r)?;
    let transport = FetchTransport::new();
    let all_bytes: Vec<u8> = (0..=255).collect();
    let path = "/echo/a%20b/%CE%B1?q=x%20y&empty=";
    let request = http::Request::builder()
        .method(http::Method::PUT)
        .uri(format!("{helper}{path}"))
        .header("content-type", "application/octet-stream")
        .header("user-agent", "liveblocks-wasm-test/1")
        .header("x-custom", "one two")
        .header("x-latin1", &b"caf\xe9"[..])
        .body(Bytes::from(all_bytes.clone()));
    let request = match request {
        Ok(request) => request,
        Err(e) => {
            r.check("build the echo request", false, e.to_string());
            return Err(Abort);
        }
    };
    let response = match transport.send(request).await {
        Ok(response) => response,
        Err(e) => {
            r.check("PUT to the echo server", false, e.to_string());
            return Err(Abort);
        }
    };
    r.eq("response status", &response.status().as_u16(), &201);
    let header = |name: &str| response.headers().get(name).map(|v| v.as_bytes().to_vec());
    r.eq(
        "response header",
        &header("x-reply"),
        &Some(b"pong".to_vec()),
    );
    r.eq(
        "repeated response header, combined",
        &header("x-multi"),
        &Some(b"a, b".to_vec()),
    );
    // Non-ASCII header bytes are runtime-dependent: the Fetch standard maps them one byte to
    // one char both ways (what the transport assumes); workerd decodes response header bytes
    // as UTF-8, replacing an invalid byte with U+FFFD.
    r.one_of(
        "response header with a Latin-1 byte",
        &header("x-latin1"),
        &[
            ("Fetch standard", Some(b"caf\xe9".to_vec())),
            ("workerd: U+FFFD", Some("caf\u{fffd}".as_bytes().to_vec())),
        ],
    );
    let echo: serde_json::Value = match serde_json::from_slice(response.body()) {
        Ok(echo) => echo,
        Err(e) => {
            r.check("the echo is JSON", false, e.to_string());
            return Err(Abort);
        }
    };
    r.eq("echoed method", &echo["method"], &json!("PUT"));
    r.eq("echoed path and query", &echo["url"], &json!(path));
    let sent = &echo["headers"];
    r.eq("echoed header", &sent["x-custom"], &json!("one two"));
    // Likewise on the way out: the byte 0xE9 goes out as is per the Fetch standard; workerd
    // sends the char U+00E9 as UTF-8 (C3 A9), which Node reads as Latin-1 "Ã©".
    r.one_of(
        "echoed Latin-1 header byte",
        &sent["x-latin1"],
        &[
            ("Fetch standard", json!("caf\u{e9}")),
            ("workerd: UTF-8", json!("caf\u{c3}\u{a9}")),
        ],
    );
    if p.runtime == "chromium" {
        // Chromium never lets a page's fetch set User-Agent: it sends its own
        // (https://crbug.com/571722), whatever the transport asks for.
        let agent = sent["user-agent"].as_str().unwrap_or_default();
        r.check(
            "echoed user-agent: the browser's own (Chromium ignores a fetch's User-Agent)",
            agent.contains("Chrome/"),
            agent.to_owned(),
        );
    } else {
        r.eq(
            "echoed user-agent",
            &sent["user-agent"],
            &json!("liveblocks-wasm-test/1"),
        );
    }
    r.eq(
        "echoed content-type",
        &sent["content-type"],
        &json!("application/octet-stream"),
    );
    r.eq(
        "echoed body: bytes 0 to 255",
        &echo["body"],
        &json!(all_bytes),
    );

    let request = http::Request::builder()
        .method(http::Method::DELETE)
        .uri(format!("{helper}/echo/empty"))
        .body(Bytes::new());
    let Ok(request) = request else {
        r.check("build the bodiless request", false, "invalid request");
        return Err(Abort);
    };
    match transport.send(request).await {
        Ok(response) => {
            let echo: serde_json::Value =
                serde_json::from_slice(response.body()).unwrap_or_default();
            r.eq("bodiless DELETE: method", &echo["method"], &json!("DELETE"));
            r.eq("bodiless DELETE: no body sent", &echo["body"], &json!([]));
        }
        Err(e) => {
            r.check("bodiless DELETE", false, e.to_string());
        }
    }

    let request = http::Request::builder()
        .uri(format!("{helper}/binary"))
        .body(Bytes::new());
    let Ok(request) = request else {
        r.check("build the binary request", false, "invalid request");
        return Err(Abort);
    };
    match transport.send(request).await {
        Ok(response) => {
            r.eq("binary response: status", &response.status().as_u16(), &203);
            r.eq(
                "binary response: bytes 0 to 255",
                response.body().as_ref(),
                all_bytes.as_slice(),
            );
        }
        Err(e) => {
            r.check("GET binary", false, e.to_string());
        }
    }
    Ok(())
}
