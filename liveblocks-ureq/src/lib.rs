//! A blocking Liveblocks REST API client, built on [`ureq`] 3 and rustls.
//!
//! [`Client`] is `liveblocks_core::Client` over [`UreqTransport`]: every operation is a method
//! that returns a call builder, sent with `.send()`. This crate re-exports all of
//! `liveblocks_core`, so it is the only dependency you need.
//!
//! ```no_run
//! use liveblocks_ureq::Client;
//! use liveblocks_ureq::models::rooms::RoomPermission;
//!
//! // Reads LIVEBLOCKS_SECRET_KEY (and LIVEBLOCKS_BASE_URL, set by `liveblocks dev`).
//! let client = Client::from_env()?;
//!
//! let room = client
//!     .create_room("my-room", [RoomPermission::RoomWrite])
//!     .metadata("color", "blue")
//!     .send()?;
//! println!("created {}", room.id);
//!
//! match client.get_room("no-such-room").send() {
//!     Err(e) if e.is_not_found() => println!("not found: {:?}", e.code()),
//!     other => println!("{other:?}"),
//! }
//! # Ok::<(), liveblocks_ureq::Error>(())
//! ```
//!
//! # Configuration
//!
//! [`Client::new`] takes a secret key, [`Client::from_env`] reads the environment and
//! [`Client::from_config`] takes a full [`Config`]. Retries, the per-attempt timeout
//! ([`Config::with_timeout`], 60 s by default, from the DNS lookup to the last byte of the
//! body), the overall deadline ([`Config::with_deadline`]) and per-call options
//! ([`Call::with_timeout`], [`Call::with_header`]...) run in `liveblocks-core`, the same for
//! every transport; this crate gives each request the time core allots it.
//!
//! To tune the HTTP stack (a proxy, custom TLS roots, pool sizes), build a [`ureq::Agent`]
//! yourself and wrap it with [`UreqTransport::with_agent`]:
//!
//! ```no_run
//! use std::time::Duration;
//! use liveblocks_ureq::{Client, Config, UreqTransport};
//!
//! let agent = ureq::Agent::config_builder()
//!     .max_idle_connections_per_host(8)
//!     .build()
//!     .new_agent();
//! let config = Config::new("sk_prod_...")?.with_timeout(Duration::from_secs(10));
//! let client = Client::with_transport(config, UreqTransport::with_agent(agent));
//! # Ok::<(), liveblocks_ureq::Error>(())
//! ```
//!
//! # Errors
//!
//! Non-2xx answers become [`Error::Api`] with the server's body; network failures become
//! [`Error::Transport`] with a [`TransportErrorKind`] of `Connect` (DNS, refused connection,
//! TLS handshake), `Timeout`, or `Other`.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::io;
use std::time::Duration;

use bytes::Bytes;

pub use liveblocks_core::{self, *};
/// Every operation's endpoint, model and helper module of `liveblocks-core`, at the same paths.
pub use liveblocks_core::{
    ai, attachments, auth, comments, feeds, groups, management, models, notifications, rooms,
    storage, storage_files, versions, yjs,
};
/// The `ureq` version this crate uses, re-exported to build a custom [`ureq::Agent`].
pub use ureq;

use liveblocks_core::transport::{HttpRequest, HttpResponse};

/// Timeouts are capped at about a century: ureq adds them to `Instant::now()`, which panics
/// on overflow (`Duration::MAX`).
const LONGEST_TIMEOUT: Duration = Duration::from_secs(100 * 365 * 24 * 60 * 60);

/// A blocking Liveblocks client over ureq: `liveblocks_core::Client<UreqTransport>`.
///
/// Build one with `Client::new(secret)`, `Client::from_env()` or `Client::from_config(config)`.
///
/// **Its methods** (one per operation, 121 in all) are listed on the page of
/// [`liveblocks_core::Client`], grouped by API domain; each returns a [`Call`] that you
/// [`send`](Call::send). This alias adds none of its own.
pub type Client = liveblocks_core::Client<UreqTransport>;

/// A [`BlockingTransport`] that sends requests with a [`ureq::Agent`].
///
/// Cloning is cheap and clones share the connection pool.
#[derive(Clone)]
pub struct UreqTransport {
    agent: ureq::Agent,
}

impl UreqTransport {
    /// A transport for `config`: rustls with the webpki roots and connection pooling.
    pub fn new(_config: &Config) -> Self {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            // The API never redirects; a 3xx comes back as an API error instead.
            .max_redirects(0)
            .build()
            .new_agent();
        UreqTransport { agent }
    }

    /// A transport over your own agent, configured as you like.
    ///
    /// The client's config (timeout, deadline, retries) applies to it as to any other
    /// transport: each request gets the time core allots it as its global timeout. The
    /// agent's `http_status_as_error` setting is overridden for the requests this transport
    /// sends, because the error bodies are needed to build [`Error::Api`].
    pub fn with_agent(agent: ureq::Agent) -> Self {
        UreqTransport { agent }
    }

    /// The underlying agent.
    pub fn agent(&self) -> &ureq::Agent {
        &self.agent
    }

    fn run(&self, request: HttpRequest) -> Result<HttpResponse, ureq::Error> {
        let limits = Limits::of(&request);
        let (parts, body) = request.into_parts();
        let response = if body.is_empty() && !method_needs_body(&parts.method) {
            // No body at all (no `Content-Length: 0` on a GET or DELETE).
            self.agent
                .run(self.configure(http::Request::from_parts(parts, ()), &limits))?
        } else {
            self.agent
                .run(self.configure(http::Request::from_parts(parts, &body[..]), &limits))?
        };
        let (parts, body) = response.into_parts();
        // A configured reader starts with no size limit, unlike `read_to_vec` (10 MB): Yjs
        // documents and storage can be bigger than that.
        let bytes = body.into_with_config().limit(u64::MAX).read_to_vec()?;
        Ok(http::Response::from_parts(parts, Bytes::from(bytes)))
    }

    /// Gives the request the time core allots this attempt, and keeps error statuses as
    /// responses.
    fn configure<S: ureq::AsSendBody>(
        &self,
        request: http::Request<S>,
        limits: &Limits,
    ) -> http::Request<S> {
        self.agent
            .configure_request(request)
            .http_status_as_error(false)
            .timeout_global(Some(limits.timeout.min(LONGEST_TIMEOUT)))
            .build()
    }
}

impl std::fmt::Debug for UreqTransport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UreqTransport").finish_non_exhaustive()
    }
}

fn method_needs_body(method: &http::Method) -> bool {
    matches!(
        *method,
        http::Method::POST | http::Method::PUT | http::Method::PATCH
    )
}

impl BlockingTransport for UreqTransport {
    fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        self.run(request).map_err(map_error)
    }
}

impl FromConfig for UreqTransport {
    fn from_config(config: &Config) -> Result<Self, Error> {
        Ok(UreqTransport::new(config))
    }
}

/// Sorts a ureq error into the transport error kinds core uses for retry decisions.
fn map_error(error: ureq::Error) -> TransportError {
    TransportError::with_source(error_kind(&error), error)
}

fn error_kind(error: &ureq::Error) -> TransportErrorKind {
    match error {
        ureq::Error::Timeout(_) => TransportErrorKind::Timeout,
        ureq::Error::HostNotFound
        | ureq::Error::ConnectionFailed
        | ureq::Error::ConnectProxyFailed(_)
        | ureq::Error::Tls(_)
        | ureq::Error::Rustls(_)
        | ureq::Error::Pem(_) => TransportErrorKind::Connect,
        ureq::Error::Io(e) => io_error_kind(e),
        _ => TransportErrorKind::Other,
    }
}

fn io_error_kind(error: &io::Error) -> TransportErrorKind {
    use io::ErrorKind as K;
    match error.kind() {
        K::TimedOut | K::WouldBlock => TransportErrorKind::Timeout,
        K::ConnectionRefused
        | K::AddrNotAvailable
        | K::HostUnreachable
        | K::NetworkUnreachable
        | K::NetworkDown => TransportErrorKind::Connect,
        _ if is_lookup_failure(error) => TransportErrorKind::Connect,
        // A TLS failure (an untrusted certificate, a failed handshake), which ureq reports
        // as an I/O error carrying the rustls error.
        _ if error.get_ref().is_some_and(|e| e.is::<rustls::Error>()) => {
            TransportErrorKind::Connect
        }
        _ => TransportErrorKind::Other,
    }
}

/// A failed DNS lookup. ureq passes the standard library's error through, which has no
/// dedicated `io::ErrorKind`, so this recognises its message (Unix) or its Winsock code.
fn is_lookup_failure(error: &io::Error) -> bool {
    // WSAHOST_NOT_FOUND, WSATRY_AGAIN, WSANO_RECOVERY, WSANO_DATA.
    const WINSOCK_LOOKUP_ERRORS: [i32; 4] = [11001, 11002, 11003, 11004];
    if cfg!(windows) {
        if let Some(code) = error.raw_os_error() {
            return WINSOCK_LOOKUP_ERRORS.contains(&code);
        }
    }
    error
        .to_string()
        .starts_with("failed to lookup address information")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_kinds() {
        let io = |kind: io::ErrorKind| ureq::Error::Io(io::Error::new(kind, "x"));
        let cases = [
            (
                ureq::Error::Timeout(ureq::Timeout::Global),
                TransportErrorKind::Timeout,
            ),
            (io(io::ErrorKind::TimedOut), TransportErrorKind::Timeout),
            (ureq::Error::HostNotFound, TransportErrorKind::Connect),
            (ureq::Error::ConnectionFailed, TransportErrorKind::Connect),
            (
                io(io::ErrorKind::ConnectionRefused),
                TransportErrorKind::Connect,
            ),
            (
                ureq::Error::Io(io::Error::new(
                    io::ErrorKind::InvalidData,
                    rustls::Error::InvalidCertificate(rustls::CertificateError::Expired),
                )),
                TransportErrorKind::Connect,
            ),
            (
                io(io::ErrorKind::ConnectionReset),
                TransportErrorKind::Other,
            ),
            (io(io::ErrorKind::UnexpectedEof), TransportErrorKind::Other),
            (ureq::Error::BodyExceedsLimit(1), TransportErrorKind::Other),
            (ureq::Error::BadUri("x".into()), TransportErrorKind::Other),
        ];
        for (error, kind) in cases {
            let mapped = map_error(error);
            assert_eq!(mapped.kind(), kind, "{mapped:?}");
            assert!(std::error::Error::source(&mapped).is_some());
        }
    }
}
