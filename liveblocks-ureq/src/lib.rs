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
//! Non-2xx answers become [`Error::Api`] with the server's body (its first 64 KiB); network
//! failures become [`Error::Transport`] with a [`TransportErrorKind`]: `Connect` (DNS,
//! refused connection), `Tls` (untrusted certificate, failed handshake), `Reset` (the
//! connection closed before the response was complete), `Timeout`, `TooLarge` (a body over
//! [`Config::with_max_response_bytes`], counted after decompression), `Protocol` (an answer
//! that is not HTTP), `InvalidRequest` or `Other`. Redirects are never followed: a 3xx is an
//! [`Error::Api`].
//!
//! # Compression
//!
//! With [`Config::with_compression`] on (it is off by default: on loopback it costs more CPU
//! than it saves), requests carry
//! `Accept-Encoding: gzip` and gzip answers are decompressed as they are read, under the
//! response size cap (a gzip bomb fails with `TooLarge` once the cap is passed). Turn it on
//! with `Config::with_compression(true)` or [`UreqTransport::with_compression`].
#![forbid(unsafe_code)]
// docs.rs shows which feature each item needs.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_docs)]

use std::io::{self, Read};
use std::time::Duration;

pub use liveblocks_core::{self, *};
/// Every operation's endpoint, model and helper module of `liveblocks-core`, at the same paths.
pub use liveblocks_core::{
    ai, attachments, auth, comments, feeds, groups, management, models, notifications, rooms,
    storage, storage_files, versions, yjs,
};
/// The `ureq` version this crate uses, re-exported to build a custom [`ureq::Agent`].
pub use ureq;

use liveblocks_core::transport::{
    content_length, is_gzip, BodyCollector, HttpRequest, HttpResponse,
};

/// Timeouts are capped at about a century: ureq adds them to `Instant::now()`, which panics
/// on overflow (`Duration::MAX`).
const LONGEST_TIMEOUT: Duration = Duration::from_secs(100 * 365 * 24 * 60 * 60);

/// A blocking Liveblocks client over ureq: `liveblocks_core::Client<UreqTransport>`.
///
/// Build one with `Client::new(secret)`, `Client::from_env()` or `Client::from_config(config)`.
///
/// **Its methods** (one per operation of `endpoints::DOMAINS`) are listed on the page of
/// [`liveblocks_core::Client`], grouped by API domain; each returns a [`Call`] that you
/// [`send`](Call::send). This alias adds none of its own.
pub type Client = liveblocks_core::Client<UreqTransport>;

/// A [`BlockingTransport`] that sends requests with a [`ureq::Agent`].
///
/// Cloning is cheap and clones share the connection pool.
#[derive(Clone)]
pub struct UreqTransport {
    agent: ureq::Agent,
    compression: bool,
}

impl UreqTransport {
    /// A transport for `config`: rustls with the webpki roots, connection pooling (up to
    /// 16 idle connections per host, so up to 16 threads sharing the client each keep theirs),
    /// host names resolved once a minute, not once per request, and gzip answers asked for
    /// when [`Config::compression`] is on.
    pub fn new(config: &Config) -> Self {
        let http = ureq::Agent::config_builder()
            .http_status_as_error(false)
            // The API never redirects; a 3xx comes back as an API error instead.
            .max_redirects(0)
            .max_idle_connections(64)
            .max_idle_connections_per_host(16)
            .build();
        Self::with_config(http).with_compression(config.compression())
    }

    /// Whether to send `Accept-Encoding: gzip` (see [`Config::with_compression`]). A gzip
    /// answer is decompressed as it is read either way, under the response size cap.
    pub fn with_compression(mut self, compression: bool) -> Self {
        self.compression = compression;
        self
    }

    /// A transport over an agent built from your ureq configuration (pool sizes, a proxy,
    /// TLS...), with the same host-name cache as [`UreqTransport::new`]. As with
    /// [`UreqTransport::with_agent`], `http_status_as_error` is overridden per request.
    ///
    /// ```no_run
    /// use liveblocks_ureq::{Client, Config, UreqTransport};
    ///
    /// let http = ureq::Agent::config_builder()
    ///     .max_redirects(0)
    ///     .max_idle_connections_per_host(32)
    ///     .build();
    /// let client = Client::with_transport(Config::new("sk_prod_...")?, UreqTransport::with_config(http));
    /// # Ok::<(), liveblocks_ureq::Error>(())
    /// ```
    pub fn with_config(config: ureq::config::Config) -> Self {
        let agent = ureq::Agent::with_parts(
            config,
            ureq::unversioned::transport::DefaultConnector::new(),
            CachingResolver::default(),
        );
        UreqTransport {
            agent,
            compression: liveblocks_core::config::DEFAULT_COMPRESSION,
        }
    }

    /// A transport over your own agent, configured as you like.
    ///
    /// The client's config (timeout, deadline, retries) applies to it as to any other
    /// transport: each request gets the time core allots it as its global timeout. The
    /// agent's `http_status_as_error` setting is overridden for the requests this transport
    /// sends, because the error bodies are needed to build [`Error::Api`]. Set the agent's
    /// `max_redirects(0)` to keep redirects unfollowed as [`UreqTransport::new`] does.
    /// It asks for compressed answers as [`config::DEFAULT_COMPRESSION`] says; change that
    /// with [`UreqTransport::with_compression`].
    pub fn with_agent(agent: ureq::Agent) -> Self {
        UreqTransport {
            agent,
            compression: config::DEFAULT_COMPRESSION,
        }
    }

    /// The underlying agent.
    pub fn agent(&self) -> &ureq::Agent {
        &self.agent
    }

    fn run(&self, mut request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let limits = Limits::of(&request);
        if self.compression {
            request
                .headers_mut()
                .entry(http::header::ACCEPT_ENCODING)
                .or_insert(http::HeaderValue::from_static("gzip"));
        }
        let (parts, body) = request.into_parts();
        let response = if body.is_empty() && !method_needs_body(&parts.method) {
            // No body at all (no `Content-Length: 0` on a GET or DELETE).
            self.agent
                .run(self.configure(http::Request::from_parts(parts, ()), &limits))
        } else {
            self.agent
                .run(self.configure(http::Request::from_parts(parts, &body[..]), &limits))
        }
        .map_err(map_error)?;
        let (mut parts, body) = response.into_parts();
        let mut collector = BodyCollector::new(parts.status, &limits);
        // The agent has no decompression built in (ureq's `gzip` feature is off): the raw
        // bytes come through, and the cap below counts the decompressed ones.
        let raw = body.into_with_config().limit(u64::MAX).reader();
        // The read buffer is zeroed when made: no bigger than the body needs (a room is
        // ~500 bytes, zeroing 64 KiB for it cost more than the rest of the call).
        let mut buffer_size = 64 * 1024;
        let mut reader: Box<dyn Read> = if is_gzip(&parts.headers) {
            parts.headers.remove(http::header::CONTENT_ENCODING);
            parts.headers.remove(http::header::CONTENT_LENGTH);
            Box::new(flate2::read::GzDecoder::new(raw))
        } else {
            let length = content_length(&parts.headers);
            collector.check_length(length)?;
            if let Some(length) = length {
                // One byte more, so the read that finds the end needs no second round.
                // Saturating: a hostile `Content-Length: 18446744073709551615` must not wrap.
                let wanted = usize::try_from(length).unwrap_or(usize::MAX);
                buffer_size = buffer_size.min(wanted.saturating_add(1));
            }
            Box::new(raw)
        };
        let mut buffer = vec![0; buffer_size];
        loop {
            let read = match reader.read(&mut buffer) {
                Ok(0) => break,
                Ok(read) => read,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(map_error(ureq::Error::from(e))),
            };
            collector.push(&buffer[..read])?;
            if collector.full() {
                // A non-2xx body past its cap: the rest is not needed.
                break;
            }
        }
        Ok(collector.finish(parts))
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

/// How long a resolved host name is reused.
const RESOLVE_TTL: Duration = Duration::from_secs(60);

/// ureq's resolver, remembering each answer for [`RESOLVE_TTL`].
///
/// ureq resolves the host before it looks in its pool, so without this every request, even
/// over a pooled connection, makes a name lookup (reading `/etc/hosts`...); and with a timeout
/// set, ureq makes that lookup on a new thread each time, to be able to give up on it.
#[derive(Debug, Default)]
struct CachingResolver {
    inner: ureq::unversioned::resolver::DefaultResolver,
    cache: std::sync::Mutex<Vec<CachedAddrs>>,
}

#[derive(Debug)]
struct CachedAddrs {
    key: (
        http::uri::Scheme,
        http::uri::Authority,
        ureq::config::IpFamily,
    ),
    at: std::time::Instant,
    addrs: ureq::unversioned::resolver::ResolvedSocketAddrs,
}

impl ureq::unversioned::resolver::Resolver for CachingResolver {
    fn resolve(
        &self,
        uri: &http::Uri,
        config: &ureq::config::Config,
        timeout: ureq::unversioned::transport::NextTimeout,
    ) -> Result<ureq::unversioned::resolver::ResolvedSocketAddrs, ureq::Error> {
        let (Some(scheme), Some(authority)) = (uri.scheme(), uri.authority()) else {
            return self.inner.resolve(uri, config, timeout);
        };
        let key = (scheme.clone(), authority.clone(), config.ip_family());
        let now = std::time::Instant::now();
        if let Ok(cache) = self.cache.lock() {
            let hit = cache.iter().find(|c| c.key == key);
            if let Some(hit) = hit.filter(|c| now.duration_since(c.at) < RESOLVE_TTL) {
                return Ok(hit.addrs.clone());
            }
        }
        let addrs = self.inner.resolve(uri, config, timeout)?;
        if let Ok(mut cache) = self.cache.lock() {
            cache.retain(|c| c.key != key && now.duration_since(c.at) < RESOLVE_TTL);
            cache.push(CachedAddrs {
                key,
                at: now,
                addrs: addrs.clone(),
            });
        }
        Ok(addrs)
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
        self.run(request)
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
        | ureq::Error::ConnectProxyFailed(_) => TransportErrorKind::Connect,
        ureq::Error::Tls(_) | ureq::Error::Rustls(_) | ureq::Error::Pem(_) => {
            TransportErrorKind::Tls
        }
        ureq::Error::BadUri(_)
        | ureq::Error::Http(_)
        | ureq::Error::InvalidProxyUrl
        | ureq::Error::RequireHttpsOnly(_)
        | ureq::Error::TlsRequired => TransportErrorKind::InvalidRequest,
        ureq::Error::Protocol(_) | ureq::Error::LargeResponseHeader(_, _) => {
            TransportErrorKind::Protocol
        }
        ureq::Error::BodyExceedsLimit(_) => TransportErrorKind::TooLarge,
        ureq::Error::BodyStalled => TransportErrorKind::Timeout,
        ureq::Error::Io(e) => io_error_kind(e),
        _ => TransportErrorKind::Other,
    }
}

fn io_error_kind(error: &io::Error) -> TransportErrorKind {
    use io::ErrorKind as K;
    // A TLS failure (an untrusted certificate, a failed handshake), which ureq reports as
    // an I/O error carrying the rustls error.
    let mut inner = error.get_ref();
    while let Some(e) = inner {
        if e.is::<rustls::Error>() {
            return TransportErrorKind::Tls;
        }
        inner = e.downcast_ref::<io::Error>().and_then(io::Error::get_ref);
    }
    match error.kind() {
        K::TimedOut | K::WouldBlock => TransportErrorKind::Timeout,
        K::ConnectionRefused
        | K::AddrNotAvailable
        | K::HostUnreachable
        | K::NetworkUnreachable
        | K::NetworkDown => TransportErrorKind::Connect,
        K::ConnectionReset | K::ConnectionAborted | K::BrokenPipe | K::UnexpectedEof => {
            TransportErrorKind::Reset
        }
        // Not HTTP, or a corrupt gzip body.
        K::InvalidData | K::InvalidInput => TransportErrorKind::Protocol,
        _ if is_lookup_failure(error) => TransportErrorKind::Connect,
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
                TransportErrorKind::Tls,
            ),
            (
                io(io::ErrorKind::ConnectionReset),
                TransportErrorKind::Reset,
            ),
            (io(io::ErrorKind::UnexpectedEof), TransportErrorKind::Reset),
            (io(io::ErrorKind::InvalidData), TransportErrorKind::Protocol),
            (
                ureq::Error::BodyExceedsLimit(1),
                TransportErrorKind::TooLarge,
            ),
            (
                ureq::Error::BadUri("x".into()),
                TransportErrorKind::InvalidRequest,
            ),
            (
                ureq::Error::LargeResponseHeader(1, 2),
                TransportErrorKind::Protocol,
            ),
            (ureq::Error::Tls("x"), TransportErrorKind::Tls),
        ];
        for (error, kind) in cases {
            let mapped = map_error(error);
            assert_eq!(mapped.kind(), kind, "{mapped:?}");
            assert!(std::error::Error::source(&mapped).is_some());
        }
    }
}
