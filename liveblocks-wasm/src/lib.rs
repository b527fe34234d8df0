//! The Liveblocks REST API client for `wasm32`: a [`Transport`] over the JS `fetch`.
//!
//! [`FetchTransport`] sends each request through the **global** `fetch` function, so it works
//! wherever one exists, with or without a `window`: Cloudflare Workers (workerd), Deno, browser
//! pages and web workers. [`Client`] is the ready-made client over it; its calls are awaited:
//!
//! ```no_run
//! # async fn run() -> Result<(), liveblocks_wasm::Error> {
//! use liveblocks_wasm::Client;
//!
//! let client = Client::new("sk_prod_...")?;
//! let room = client.get_room("my-room").await?;
//! # let _ = room;
//! # Ok(()) }
//! ```
//!
//! # In a Cloudflare Worker
//!
//! A Worker has no process environment, so build the [`Config`] from the Worker's `env` with
//! [`Config::from_lookup`]. With the [`worker`](https://docs.rs/worker) crate:
//!
//! ```ignore
//! use liveblocks_wasm::{Client, Config};
//! use worker::{event, Context, Env, Request, Response, Result};
//!
//! #[event(fetch)]
//! async fn fetch(req: Request, env: Env, _ctx: Context) -> Result<Response> {
//!     // LIVEBLOCKS_SECRET_KEY is a secret, LIVEBLOCKS_BASE_URL an optional plain variable.
//!     let config = Config::from_lookup(|name| {
//!         env.secret(name).or_else(|_| env.var(name)).ok().map(|v| v.to_string())
//!     })
//!         .map_err(|e| worker::Error::RustError(e.to_string()))?;
//!     let client = Client::from_config(config).map_err(|e| worker::Error::RustError(e.to_string()))?;
//!
//!     let room_id = req.url()?.path().trim_start_matches('/').to_owned();
//!     match client.get_room(room_id).await {
//!         Ok(room) => Response::ok(format!("{} has {} metadata keys", room.id, room.metadata.len())),
//!         Err(e) if e.is_not_found() => Response::error("no such room", 404),
//!         Err(e) => Response::error(e.to_string(), 502),
//!     }
//! }
//! ```
//!
//! Or with plain `wasm-bindgen`, exporting an async function to the JS side of the Worker:
//!
//! ```ignore
//! use wasm_bindgen::prelude::*;
//!
//! #[wasm_bindgen]
//! pub async fn room_metadata(secret: String, room_id: String) -> Result<String, JsError> {
//!     let client = liveblocks_wasm::Client::new(secret)?;
//!     let room = client.get_room(room_id).await?;
//!     Ok(format!("{:?}", room.metadata))
//! }
//! ```
//!
//! # Timeouts and errors
//!
//! [`Config::timeout`] bounds each attempt, body included (retries and the overall deadline
//! run in `liveblocks-core`, as for every transport): when it runs out the `fetch`
//! is aborted through an `AbortController` and the call fails with
//! [`TransportErrorKind::Timeout`]. A `fetch`
//! that rejects before any response arrives gives
//! [`TransportErrorKind::Connect`] (browsers
//! reject with a `TypeError`, workerd with an `Error` such as "Network connection lost.");
//! an abort from elsewhere gives `Aborted`; a failure while reading the body (the connection
//! broke mid-response) gives `Reset`; a request the runtime refuses outright gives `Other`.
//! `fetch` does not say why it rejected, so a connection closed before the answer, or an
//! answer that is not HTTP, also gives `Connect`. The JS error's name and message are kept in the
//! error's message. Dropping a pending call aborts its `fetch`.
//!
//! # Header bytes
//!
//! Header values go to `fetch` one char per byte and come back the same way, as the Fetch
//! standard's byte strings do, so ASCII (everything this SDK sends, unless you give it a
//! non-ASCII user agent) is exact everywhere. Bytes above 0x7F are runtime-dependent:
//! workerd encodes request header chars as UTF-8 and decodes response header bytes as UTF-8
//! (an invalid byte becomes U+FFFD), so such bytes do not survive a Cloudflare Worker as is.
//!
//! # Other targets
//!
//! The crate builds everywhere so that it can sit in a workspace built natively, but outside
//! `wasm32` there is no `fetch`: [`FetchTransport`] then fails every request with an error
//! (of kind `Other`) saying so. Use `liveblocks-hyper` or `liveblocks-ureq` there.
//!
//! Responses are read chunk by chunk from the body stream and counted after the runtime's own
//! decompression: a body over [`Config::with_max_response_bytes`] cancels the stream and fails
//! with [`TransportErrorKind::TooLarge`]; an error (non-2xx) body is kept up to 64 KiB and
//! marked [`ApiError::truncated`]. Redirects are never followed (`redirect: "manual"`): workerd
//! and Deno hand back the 3xx, which is an [`Error::Api`]; browsers hide it (an
//! "opaqueredirect" response), which is a `Protocol` transport error. `fetch` negotiates
//! compression itself, so [`Config::with_compression`] has no effect here.
//!
//! [`Transport`]: liveblocks_core::Transport
#![forbid(unsafe_code)]
// docs.rs shows which feature each item needs.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_docs)]

use std::time::Duration;

use liveblocks_core::transport::{HttpRequest, HttpResponse};

pub use liveblocks_core::{self, *};
/// Every operation's endpoint, model and helper module of `liveblocks-core`, at the same paths.
pub use liveblocks_core::{
    ai, attachments, auth, comments, feeds, groups, management, models, notifications, rooms,
    storage, storage_files, versions, yjs,
};

#[cfg(target_arch = "wasm32")]
mod fetch;

/// The current time from JavaScript's `Date.now()`, for
/// [`WebhookHandler::verify`](liveblocks_core::webhooks::WebhookHandler::verify): `wasm32`
/// has no system clock (`SystemTime::now()` panics there). On native targets (where this
/// crate is only type-checked) it reads the system clock.
pub fn webhook_now() -> liveblocks_core::models::Timestamp {
    #[cfg(target_arch = "wasm32")]
    {
        // Date.now() is milliseconds since the epoch, always in jiff's range.
        liveblocks_core::models::Timestamp::from_millisecond(js_sys::Date::now() as i64)
            .unwrap_or(liveblocks_core::models::Timestamp::UNIX_EPOCH)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        liveblocks_core::models::Timestamp::now()
    }
}

/// A Liveblocks client whose requests go through the JS `fetch`.
///
/// Build it with `Client::new(secret)`, `Client::from_env()` or `Client::from_config(config)`;
/// in a Cloudflare Worker, prefer [`Config::from_lookup`] over the Worker's `env`.
///
/// **Its methods** (one per operation of `endpoints::DOMAINS`) are listed on the page of
/// [`liveblocks_core::Client`], grouped by API domain; each returns a [`Call`] that you
/// `.await`. This alias adds none of its own.
pub type Client = liveblocks_core::Client<FetchTransport>;

/// A [`Transport`] that sends requests with the global `fetch` (no `window` needed).
///
/// Each request gets its own `AbortController`, fired after the time core allots the attempt
/// ([`Limits::timeout`](liveblocks_core::Limits)); core waits between retries with
/// `setTimeout`. The transport holds no JS objects between requests, so it is free to create.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FetchTransport;

impl FetchTransport {
    /// The transport (it has no settings: the [`Config`] and each call hold them).
    pub fn new() -> Self {
        FetchTransport
    }
}

impl Default for FetchTransport {
    fn default() -> Self {
        Self::new()
    }
}

impl FromConfig for FetchTransport {
    fn from_config(config: &Config) -> Result<Self, Error> {
        let _ = config;
        Ok(FetchTransport::new())
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl Transport for FetchTransport {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        #[cfg(target_arch = "wasm32")]
        {
            let limits = liveblocks_core::Limits::of(&request);
            fetch::send(request, limits).await
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = request;
            Err(TransportError::new(
                liveblocks_core::TransportErrorKind::Other,
                "liveblocks-wasm's FetchTransport needs the JS fetch and only runs on wasm32; \
                 use liveblocks-hyper or liveblocks-ureq on other targets",
            ))
        }
    }

    async fn sleep(&self, duration: Duration) {
        #[cfg(target_arch = "wasm32")]
        fetch::sleep(duration).await;
        #[cfg(not(target_arch = "wasm32"))]
        let _ = duration;
    }
}

/// The timeout in whole milliseconds as `setTimeout` takes it: rounded up, capped at
/// `i32::MAX`.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn timer_millis(timeout: Duration) -> i32 {
    let nanos = timeout.as_nanos();
    let millis = nanos / 1_000_000 + u128::from(nanos % 1_000_000 != 0);
    i32::try_from(millis).unwrap_or(i32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timer_millis_rounds_up_and_caps() {
        assert_eq!(timer_millis(Duration::ZERO), 0);
        assert_eq!(timer_millis(Duration::from_nanos(1)), 1);
        assert_eq!(timer_millis(Duration::from_millis(250)), 250);
        assert_eq!(timer_millis(Duration::from_micros(250_001)), 251);
        assert_eq!(timer_millis(Duration::from_secs(60)), 60_000);
        assert_eq!(timer_millis(Duration::from_secs(u64::MAX)), i32::MAX);
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn native_requests_fail_with_a_clear_error() {
        let client = Client::new("sk_test").unwrap();
        let err = poll_once(client.get_room("r")).unwrap_err();
        assert!(!err.is_retryable());
        match err {
            Error::Transport(e) => {
                assert_eq!(e.kind(), liveblocks_core::TransportErrorKind::Other);
                assert!(e.message().contains("wasm32"), "{}", e.message());
            }
            other => panic!("expected a transport error, got {other:?}"),
        }
    }

    /// Polls a future that never waits (the native transport answers at once).
    #[cfg(not(target_arch = "wasm32"))]
    fn poll_once<F: std::future::IntoFuture>(future: F) -> F::Output {
        use std::future::Future;
        use std::task::{Context, Poll, Waker};
        let mut future = std::pin::pin!(future.into_future());
        match future
            .as_mut()
            .poll(&mut Context::from_waker(Waker::noop()))
        {
            Poll::Ready(output) => output,
            Poll::Pending => panic!("the native transport should answer without waiting"),
        }
    }
}
