//! The two transport traits: how an `http::Request` becomes an `http::Response`.
//!
//! Core never does I/O, and a transport never decides policy. A transport sends one request
//! and returns the whole response, whatever its status, and offers a way to wait
//! ([`Transport::sleep`], [`BlockingTransport::sleep`]). Everything else of a call (retries,
//! the per-attempt timeout, the overall deadline, per-call headers) runs in core, in
//! [`crate::call`], the same way for every transport: the adapters' and yours.
//!
//! Each request core hands a transport carries its [`Limits`] in its extensions: the time left
//! for this attempt and the largest response body to accept. A transport should enforce them
//! while it reads (the adapters do); core also stops waiting for an async transport when the
//! attempt's time is up, so even a transport that ignores them cannot hang a call.
//!
//! A blocking closure is a transport as it is (it waits with `std::thread::sleep`):
//!
//! ```
//! use bytes::Bytes;
//! use liveblocks_core::{Client, Config, TransportError};
//!
//! // A blocking transport that answers every request itself.
//! let transport = |request: http::Request<Bytes>| -> Result<http::Response<Bytes>, TransportError> {
//!     assert_eq!(request.uri().path(), "/v2/rooms/my-room");
//!     Ok(http::Response::builder()
//!         .status(404)
//!         .body(Bytes::from_static(br#"{"error":"ROOM_NOT_FOUND","message":"nope"}"#))
//!         .unwrap())
//! };
//! let client = Client::with_transport(Config::new("sk_test")?, transport);
//! let err = client.get_room("my-room").send().unwrap_err();
//! assert_eq!(err.code(), Some("ROOM_NOT_FOUND"));
//! # Ok::<(), liveblocks_core::Error>(())
//! ```
//!
//! An async closure needs a way to wait too: [`from_fn`] pairs it with a sleep function of your
//! runtime (`tokio::time::sleep`, for example).

use std::future::Future;
use std::time::Duration;

use bytes::Bytes;

pub use crate::error::{TransportError, TransportErrorKind};

/// The time one attempt may take when none is configured: 60 s.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// The largest response body accepted when none is configured: 128 MiB. No normal answer
/// comes near it (a room's whole Yjs document or Storage is the largest); it is there so that a
/// broken or hostile server cannot make a client buffer without end.
pub const DEFAULT_MAX_RESPONSE_BYTES: u64 = 128 * 1024 * 1024;

/// The request type every transport receives.
pub type HttpRequest = http::Request<Bytes>;
/// The response type every transport returns, for any status.
pub type HttpResponse = http::Response<Bytes>;

/// What core allows one attempt, attached to each request it sends (read it with
/// `request.extensions().get::<Limits>()`).
///
/// A request built by hand (sans-IO, without [`crate::Client`]) has none: transports then
/// use [`Limits::default`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The time this attempt may take, from sending to the last byte of the body. Already
    /// shortened to what is left of the call's deadline.
    pub timeout: Duration,
    /// The largest response body to accept, in bytes (after decompression); a larger 2xx
    /// body must fail with [`TransportErrorKind::TooLarge`] while it is read, not after
    /// ([`TransportError::too_large`]). A non-2xx body is cut instead (see
    /// [`Limits::body_cap`]).
    pub max_response_bytes: u64,
    /// Which attempt this is, 1 for the first.
    pub attempt: u32,
}

impl Default for Limits {
    /// The defaults of [`crate::Config`]: 60 s, 128 MiB, first attempt.
    fn default() -> Self {
        Limits {
            timeout: DEFAULT_TIMEOUT,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            attempt: 1,
        }
    }
}

/// The most bytes of a non-2xx (error) body a transport keeps: 64 KiB. An error body is only
/// read for its message, so a longer one is cut here instead of failing the call: the
/// transport marks the response with [`Truncated`] and the call fails with the
/// [`ApiError`](crate::ApiError) (its [`truncated`](crate::ApiError::truncated) set).
pub const MAX_ERROR_BODY_BYTES: u64 = 64 * 1024;

/// Put in a response's extensions by a transport that kept only the first
/// [`MAX_ERROR_BODY_BYTES`] of a non-2xx body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Truncated;

impl Limits {
    /// The most body bytes to keep for a response of `status`: the call's cap for a 2xx,
    /// the smaller of it and [`MAX_ERROR_BODY_BYTES`] otherwise (where the rest is dropped
    /// and the response marked [`Truncated`], not failed).
    pub fn body_cap(&self, status: http::StatusCode) -> u64 {
        if status.is_success() {
            self.max_response_bytes
        } else {
            self.max_response_bytes.min(MAX_ERROR_BODY_BYTES)
        }
    }

    /// The limits attached to `request`, or the defaults.
    pub fn of<B>(request: &http::Request<B>) -> Limits {
        request
            .extensions()
            .get::<Limits>()
            .copied()
            .unwrap_or_default()
    }
}

/// Sends requests asynchronously, and waits.
///
/// On native targets the returned futures are `Send` (so calls work under `tokio::spawn`); on
/// `wasm32` they are not, because the JS `fetch` future can't be. Dropping the future of
/// [`Transport::send`] must cancel the request: core does so when an attempt runs out of time.
#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
pub trait Transport: MaybeSendSync {
    /// Sends one request and returns the complete response, whatever its status.
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError>;

    /// Completes after `duration`: core waits with it between retries and to time attempts.
    async fn sleep(&self, duration: Duration);
}

/// Sends requests and blocks until the response is complete.
pub trait BlockingTransport {
    /// Sends one request and returns the complete response, whatever its status.
    ///
    /// It must give up after the [`Limits::timeout`] of the request: core cannot interrupt
    /// a blocking call.
    fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError>;

    /// Blocks for `duration` (between retries). `std::thread::sleep` by default.
    fn sleep(&self, duration: Duration) {
        std::thread::sleep(duration);
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod maybe_send {
    /// `Send + Sync` on native targets, nothing on wasm32.
    pub trait MaybeSendSync: Send + Sync {}
    impl<T: Send + Sync + ?Sized> MaybeSendSync for T {}
    /// `Send` on native targets, nothing on wasm32.
    pub trait MaybeSend: Send {}
    impl<T: Send + ?Sized> MaybeSend for T {}
}

#[cfg(target_arch = "wasm32")]
mod maybe_send {
    /// `Send + Sync` on native targets, nothing on wasm32.
    pub trait MaybeSendSync {}
    impl<T: ?Sized> MaybeSendSync for T {}
    /// `Send` on native targets, nothing on wasm32.
    pub trait MaybeSend {}
    impl<T: ?Sized> MaybeSend for T {}
}

pub use maybe_send::{MaybeSend, MaybeSendSync};

/// An async transport made of two functions: one that sends, one that sleeps.
///
/// ```
/// use bytes::Bytes;
/// use liveblocks_core::transport::from_fn;
/// use liveblocks_core::{Client, Config, TransportError};
///
/// let transport = from_fn(
///     |request: http::Request<Bytes>| async move {
///         // Send `request` with your HTTP stack here.
///         Ok::<_, TransportError>(http::Response::new(Bytes::from_static(b"{}")))
///     },
///     // Your runtime's timer, e.g. `tokio::time::sleep`.
///     |_duration: std::time::Duration| std::future::ready(()),
/// );
/// let client = Client::with_transport(Config::new("sk_test")?, transport);
/// # Ok::<(), liveblocks_core::Error>(())
/// ```
pub fn from_fn<S, W>(send: S, sleep: W) -> FnTransport<S, W> {
    FnTransport { send, sleep }
}

/// The transport [`from_fn`] returns.
#[derive(Clone, Copy)]
pub struct FnTransport<S, W> {
    send: S,
    sleep: W,
}

impl<S, W> std::fmt::Debug for FnTransport<S, W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FnTransport").finish_non_exhaustive()
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl<S, SF, W, WF> Transport for FnTransport<S, W>
where
    S: Fn(HttpRequest) -> SF + MaybeSendSync,
    SF: Future<Output = Result<HttpResponse, TransportError>> + MaybeSend,
    W: Fn(Duration) -> WF + MaybeSendSync,
    WF: Future<Output = ()> + MaybeSend,
{
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        (self.send)(request).await
    }

    async fn sleep(&self, duration: Duration) {
        (self.sleep)(duration).await
    }
}

impl<F> BlockingTransport for F
where
    F: Fn(HttpRequest) -> Result<HttpResponse, TransportError>,
{
    fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        (self)(request)
    }
}

/// Collects a response body under the call's [`Limits`], for transports that read a body in
/// chunks (the adapters use it; so can yours).
///
/// A 2xx body over [`Limits::max_response_bytes`] fails with
/// [`TransportErrorKind::TooLarge`] as soon as the limit is passed, so no more than the limit
/// is ever held; a non-2xx body is kept up to [`MAX_ERROR_BODY_BYTES`] and the rest dropped
/// ([`BodyCollector::full`] then tells the transport it may stop reading), and
/// [`BodyCollector::finish`] marks the response [`Truncated`].
///
/// It is also an [`std::io::Write`], so a streaming decompressor can write into it: the cap
/// then applies to the decompressed bytes (a gzip bomb fails like any other large body). Its
/// `TooLarge` error travels inside the `io::Error`; [`BodyCollector::take_error`] gets it back.
///
/// ```
/// use liveblocks_core::transport::{BodyCollector, Limits};
/// use liveblocks_core::TransportErrorKind;
///
/// let limits = Limits { max_response_bytes: 4, ..Limits::default() };
/// let mut ok = BodyCollector::new(http::StatusCode::OK, &limits);
/// ok.push(b"abc")?;
/// let err = ok.push(b"de").unwrap_err();
/// assert_eq!(err.kind(), TransportErrorKind::TooLarge);
///
/// let mut not_found = BodyCollector::new(http::StatusCode::NOT_FOUND, &limits);
/// not_found.push(b"abcdef")?; // cut, not failed
/// assert!(not_found.full());
/// # Ok::<(), liveblocks_core::TransportError>(())
/// ```
#[derive(Debug)]
pub struct BodyCollector {
    body: Vec<u8>,
    cap: u64,
    success: bool,
    truncated: bool,
    error: Option<TransportError>,
}

impl BodyCollector {
    /// A collector for the body of a response with `status`, under `limits`.
    pub fn new(status: http::StatusCode, limits: &Limits) -> Self {
        BodyCollector {
            body: Vec::new(),
            cap: limits.body_cap(status),
            success: status.is_success(),
            truncated: false,
            error: None,
        }
    }

    /// Fails early when the announced `Content-Length` (of an uncompressed body) is already
    /// over the cap of a 2xx body, before reading any of it; otherwise makes room for the
    /// body at once (up to [`PREALLOCATE_LIMIT`]: an announcement is not a promise).
    pub fn check_length(&mut self, content_length: Option<u64>) -> Result<(), TransportError> {
        match content_length {
            Some(length) if self.success && length > self.cap => {
                Err(TransportError::too_large(self.cap))
            }
            Some(length) => {
                let room = length.min(self.cap).min(PREALLOCATE_LIMIT);
                self.body.reserve(usize::try_from(room).unwrap_or(0));
                Ok(())
            }
            None => Ok(()),
        }
    }

    /// Adds a chunk of the body.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), TransportError> {
        let room = usize::try_from(self.cap)
            .unwrap_or(usize::MAX)
            .saturating_sub(self.body.len());
        if chunk.len() <= room {
            self.body.extend_from_slice(chunk);
            return Ok(());
        }
        if self.success {
            return Err(TransportError::too_large(self.cap));
        }
        self.body.extend_from_slice(&chunk[..room]);
        self.truncated = true;
        Ok(())
    }

    /// A non-2xx body reached its cap: the rest would be dropped, so reading may stop.
    pub fn full(&self) -> bool {
        self.truncated
    }

    /// The bytes collected so far.
    pub fn len(&self) -> usize {
        self.body.len()
    }

    /// Nothing collected yet.
    pub fn is_empty(&self) -> bool {
        self.body.is_empty()
    }

    /// The error a failed [`std::io::Write::write`] carried, if any.
    pub fn take_error(&mut self) -> Option<TransportError> {
        self.error.take()
    }

    /// The response: `parts` with the collected body, marked [`Truncated`] if it was cut.
    pub fn finish(self, mut parts: http::response::Parts) -> HttpResponse {
        if self.truncated {
            parts.extensions.insert(Truncated);
        }
        http::Response::from_parts(parts, Bytes::from(self.body))
    }
}

impl std::io::Write for BodyCollector {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.truncated {
            // Cut already: drop the rest (the transport stops reading when it sees `full`).
            return Ok(buf.len());
        }
        match self.push(buf) {
            Ok(()) => Ok(buf.len()),
            Err(error) => {
                let message = error.to_string();
                self.error = Some(error);
                Err(std::io::Error::other(message))
            }
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Whether an answer's body is gzip-compressed (`Content-Encoding: gzip` or `x-gzip`), for
/// adapters that decompress it themselves before [`BodyCollector::push`].
pub fn is_gzip(headers: &http::HeaderMap) -> bool {
    headers
        .get(http::header::CONTENT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            let v = v.trim();
            v.eq_ignore_ascii_case("gzip") || v.eq_ignore_ascii_case("x-gzip")
        })
}

/// The most [`BodyCollector::check_length`] allocates ahead of the body on the word of its
/// `Content-Length` (1 MiB): a page of rooms fits, a lying server costs little.
pub const PREALLOCATE_LIMIT: u64 = 1024 * 1024;

/// An answer's `Content-Length`, if it has a valid one (for [`BodyCollector::check_length`]).
pub fn content_length(headers: &http::HeaderMap) -> Option<u64> {
    headers
        .get(http::header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}

#[cfg(test)]
#[path = "transport_tests.rs"]
mod tests;
