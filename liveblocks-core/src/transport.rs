//! The two transport traits: how an `http::Request` becomes an `http::Response`.
//!
//! Core never does I/O. A transport is anything that sends one request and returns the whole
//! response, whatever its status. The adapter crates implement these traits for hyper, ureq
//! and the JS `fetch`; a closure implements them too, which makes a custom stack or a test
//! double a few lines:
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

use std::fmt;
use std::future::Future;

use bytes::Bytes;

use crate::config::Config;
use crate::error::Error;

/// The request type every transport receives.
pub type HttpRequest = http::Request<Bytes>;
/// The response type every transport returns, for any status.
pub type HttpResponse = http::Response<Bytes>;

/// A transport that can build itself from a [`Config`] (reading its timeout, for example).
///
/// The adapter crates implement it, which gives their client aliases the constructors
/// [`Client::new`](crate::Client::new), [`Client::from_env`](crate::Client::from_env) and
/// [`Client::from_config`](crate::Client::from_config).
pub trait FromConfig: Sized {
    /// Builds the transport for `config`.
    fn from_config(config: &Config) -> Result<Self, Error>;
}

/// Sends requests asynchronously.
///
/// On native targets the returned future is `Send` (so calls work under `tokio::spawn`); on
/// `wasm32` it is not, because the JS `fetch` future can't be.
#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
pub trait Transport: MaybeSendSync {
    /// Sends one request and returns the complete response, whatever its status.
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError>;
}

/// Sends requests and blocks until the response is complete.
pub trait BlockingTransport {
    /// Sends one request and returns the complete response, whatever its status.
    fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError>;
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

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl<F, Fut> Transport for F
where
    F: Fn(HttpRequest) -> Fut + MaybeSendSync,
    Fut: Future<Output = Result<HttpResponse, TransportError>> + MaybeSend,
{
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        (self)(request).await
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

/// What kind of transport failure happened, for retry decisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// No connection could be made (DNS, refused, TLS handshake).
    Connect,
    /// The configured timeout ran out.
    Timeout,
    /// The request was cancelled (for example by an `AbortSignal`).
    Aborted,
    /// Anything else: a broken connection, an invalid response...
    Other,
}

/// A request that got no complete response.
pub struct TransportError {
    kind: TransportErrorKind,
    message: String,
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

impl TransportError {
    /// A transport error with a message and no underlying cause.
    pub fn new(kind: TransportErrorKind, message: impl Into<String>) -> Self {
        TransportError {
            kind,
            message: message.into(),
            source: None,
        }
    }

    /// A transport error caused by another error (kept as `source()`).
    pub fn with_source(
        kind: TransportErrorKind,
        source: impl Into<Box<dyn std::error::Error + Send + Sync>>,
    ) -> Self {
        let source = source.into();
        TransportError {
            kind,
            message: source.to_string(),
            source: Some(source),
        }
    }

    /// The kind of failure.
    pub fn kind(&self) -> TransportErrorKind {
        self.kind
    }

    /// A description of the failure.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.kind {
            TransportErrorKind::Connect => "connection failed",
            TransportErrorKind::Timeout => "request timed out",
            TransportErrorKind::Aborted => "request aborted",
            TransportErrorKind::Other => "transport error",
        };
        write!(f, "{kind}: {}", self.message)
    }
}

impl fmt::Debug for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TransportError")
            .field("kind", &self.kind)
            .field("message", &self.message)
            .field("source", &self.source)
            .finish()
    }
}

impl std::error::Error for TransportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}
