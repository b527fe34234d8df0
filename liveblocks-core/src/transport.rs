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
    /// The largest response body to accept, in bytes; a larger one must fail with
    /// [`TransportErrorKind::TooLarge`] while it is read, not after.
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

impl Limits {
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
