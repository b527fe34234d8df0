//! An async Liveblocks REST API client for tokio, built on hyper 1 and rustls.
//!
//! [`Client`] is `liveblocks_core::Client` over [`HyperTransport`]: every operation is a
//! method that returns a call builder, and awaiting the builder sends the request. This crate
//! re-exports all of `liveblocks_core`, so it is the only dependency you need (besides tokio).
//!
//! ```no_run
//! use liveblocks_hyper::Client;
//! use liveblocks_hyper::models::rooms::RoomPermission;
//!
//! #[tokio::main]
//! async fn main() -> Result<(), liveblocks_hyper::Error> {
//!     // Reads LIVEBLOCKS_SECRET_KEY (and LIVEBLOCKS_BASE_URL, set by `liveblocks dev`).
//!     let client = Client::from_env()?;
//!
//!     let room = client
//!         .create_room("my-room", [RoomPermission::RoomWrite])
//!         .metadata("color", "blue")
//!         .await?;
//!     println!("created {}", room.id);
//!
//!     match client.get_room("no-such-room").await {
//!         Err(e) if e.is_not_found() => println!("not found: {:?}", e.code()),
//!         other => println!("{other:?}"),
//!     }
//!     Ok(())
//! }
//! ```
//!
//! # Configuration
//!
//! [`Client::new`] takes a secret key, [`Client::from_env`] reads the environment and
//! [`Client::from_config`] takes a full [`Config`]. Retries, the per-attempt timeout
//! ([`Config::with_timeout`], 60 s by default, from sending to the last byte of the body), the
//! overall deadline ([`Config::with_deadline`]) and per-call options
//! ([`Call::with_timeout`], [`Call::with_header`]...) run in `liveblocks-core`, the same for
//! every transport; this crate only sends requests and sleeps with `tokio::time::sleep`.
//!
//! The client is cheap to clone and safe to share between tasks; clones share one connection
//! pool. Connections use HTTP/2 when the server offers it over TLS (ALPN) and HTTP/1.1
//! otherwise; plain `http://` URLs (the local dev server) work too. TLS is rustls with the
//! `ring` provider and the Mozilla root certificates from `webpki-roots`, so there is no
//! OpenSSL or system library to install.
//!
//! Requests need a tokio runtime with its time driver enabled (`#[tokio::main]` does that).
//!
//! To tune the HTTP stack (a proxy connector, other TLS roots, pool settings), build a
//! [`hyper_util::client::legacy::Client`] yourself and wrap it with
//! [`HyperTransport::with_client`]:
//!
//! ```no_run
//! use std::time::Duration;
//! use liveblocks_hyper::hyper_util::client::legacy::Client as HttpClient;
//! use liveblocks_hyper::hyper_util::rt::TokioExecutor;
//! use liveblocks_hyper::{Client, Config, HyperTransport};
//!
//! # fn run() -> Result<(), liveblocks_hyper::Error> {
//! let config = Config::new("sk_prod_...")?.with_timeout(Duration::from_secs(10));
//! let http = HttpClient::builder(TokioExecutor::new())
//!     .pool_max_idle_per_host(4)
//!     .build(HyperTransport::https_connector()?);
//! // The config's timeout, deadline and retries apply as with `Client::from_config`.
//! let client = Client::with_transport(config, HyperTransport::with_client(http));
//! # Ok(()) }
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
//! `Accept-Encoding: gzip` and gzip answers are decompressed as they arrive, under the
//! response size cap (a gzip bomb fails with `TooLarge` once the cap is passed, having
//! inflated no more than it). Turn it on with `Config::with_compression(true)` or
//! [`HyperTransport::with_compression`].
#![forbid(unsafe_code)]
// docs.rs shows which feature each item needs.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_docs)]

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::connect::{Connect, HttpConnector};
use hyper_util::rt::{TokioExecutor, TokioTimer};

/// The `hyper-rustls` version this crate uses, re-exported to build a custom connector.
pub use hyper_rustls;
/// The `hyper-util` version this crate uses, re-exported to build a custom client.
pub use hyper_util;
pub use liveblocks_core::{self, *};
/// Every operation's endpoint, model and helper module of `liveblocks-core`, at the same paths.
pub use liveblocks_core::{
    ai, attachments, auth, comments, feeds, groups, management, models, notifications, rooms,
    storage, storage_files, versions, yjs,
};
/// The `rustls` version this crate uses, re-exported to build a custom TLS configuration.
pub use rustls;

use liveblocks_core::transport::{BodyCollector, HttpRequest, HttpResponse};

/// An async Liveblocks client over hyper: `liveblocks_core::Client<HyperTransport>`.
///
/// Build one with `Client::new(secret)`, `Client::from_env()` or `Client::from_config(config)`.
///
/// **Its methods** (one per operation of `endpoints::DOMAINS`) are listed on the page of
/// [`liveblocks_core::Client`], grouped by API domain; each returns a [`Call`] that you
/// `.await`. This alias adds none of its own.
pub type Client = liveblocks_core::Client<HyperTransport>;

/// The connector [`HyperTransport`] uses by default: TCP (with happy eyeballs between IPv6
/// and IPv4) wrapped in rustls, for both `https://` and `http://` URLs.
pub type DefaultConnector = hyper_rustls::HttpsConnector<HttpConnector>;

/// The hyper-util client a [`HyperTransport`] wraps.
pub type HttpClient<C = DefaultConnector> = hyper_util::client::legacy::Client<C, Full<Bytes>>;

/// An async [`Transport`] that sends requests with a pooled hyper-util client.
///
/// Cloning is cheap and clones share the connection pool. It is `Send + Sync` and its futures
/// are `Send`, so calls work under `tokio::spawn`.
#[derive(Clone)]
pub struct HyperTransport<C = DefaultConnector> {
    client: HttpClient<C>,
    compression: bool,
}

impl HyperTransport {
    /// A transport for `config`: a pooled client over [`HyperTransport::https_connector`],
    /// asking for gzip answers when [`Config::compression`] is on.
    pub fn new(config: &Config) -> Result<Self, Error> {
        let client = hyper_util::client::legacy::Client::builder(TokioExecutor::new())
            .pool_timer(TokioTimer::new())
            .timer(TokioTimer::new())
            .build(Self::https_connector()?);
        Ok(HyperTransport {
            client,
            compression: config.compression(),
        })
    }

    /// The default connector: rustls (ring provider, webpki roots), HTTP/2 and HTTP/1.1
    /// through ALPN, `http://` allowed, and happy eyeballs so a host name that resolves to both
    /// IPv6 and IPv4 (like `localhost`) connects over whichever answers.
    pub fn https_connector() -> Result<DefaultConnector, Error> {
        let tls = rustls::ClientConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .map_err(|e| TransportError::with_source(TransportErrorKind::Tls, e))?
        .with_root_certificates(rustls::RootCertStore {
            roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
        })
        .with_no_client_auth();
        Ok(Self::https_connector_with_tls_config(tls))
    }

    /// Like [`HyperTransport::https_connector`], with your own rustls configuration: other
    /// root certificates (a corporate proxy's CA), client certificates, another crypto
    /// provider. Its ALPN protocols are replaced with `h2` and `http/1.1`.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use liveblocks_hyper::{rustls, Config, HyperTransport};
    ///
    /// # fn run(roots: rustls::RootCertStore) -> Result<(), liveblocks_hyper::Error> {
    /// let tls = rustls::ClientConfig::builder_with_provider(Arc::new(
    ///     rustls::crypto::ring::default_provider(),
    /// ))
    /// .with_safe_default_protocol_versions()
    /// .expect("ring supports the default TLS versions")
    /// .with_root_certificates(roots)
    /// .with_no_client_auth();
    /// let connector = HyperTransport::https_connector_with_tls_config(tls);
    /// let http = liveblocks_hyper::hyper_util::client::legacy::Client::builder(
    ///     liveblocks_hyper::hyper_util::rt::TokioExecutor::new(),
    /// )
    /// .build(connector);
    /// let config = Config::new("sk_prod_...")?;
    /// let client = liveblocks_hyper::Client::with_transport(config, HyperTransport::with_client(http));
    /// # Ok(()) }
    /// ```
    pub fn https_connector_with_tls_config(tls: rustls::ClientConfig) -> DefaultConnector {
        let mut http = HttpConnector::new();
        http.enforce_http(false);
        http.set_nodelay(true);
        http.set_happy_eyeballs_timeout(Some(Duration::from_millis(300)));
        hyper_rustls::HttpsConnectorBuilder::new()
            .with_tls_config(tls)
            .https_or_http()
            .enable_http1()
            .enable_http2()
            .wrap_connector(http)
    }
}

impl<C> HyperTransport<C> {
    /// A transport over your own hyper-util client. The client's config (timeout, deadline,
    /// retries) applies to it as to any other transport.
    ///
    /// It asks for compressed answers as [`config::DEFAULT_COMPRESSION`] says; change that
    /// with [`HyperTransport::with_compression`].
    pub fn with_client(client: HttpClient<C>) -> Self {
        HyperTransport {
            client,
            compression: config::DEFAULT_COMPRESSION,
        }
    }

    /// Whether to send `Accept-Encoding: gzip` (see [`Config::with_compression`]). A gzip
    /// answer is decompressed as it is read either way, under the response size cap.
    pub fn with_compression(mut self, compression: bool) -> Self {
        self.compression = compression;
        self
    }

    /// The underlying hyper-util client.
    pub fn client(&self) -> &HttpClient<C> {
        &self.client
    }
}

impl<C> HyperTransport<C>
where
    C: Connect + Clone + Send + Sync + 'static,
{
    async fn run(&self, mut request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let limits = Limits::of(&request);
        // hyper leaves out `Content-Length` for an empty body; some servers and proxies answer
        // 411 to a POST without one.
        if request.body().is_empty()
            && matches!(
                *request.method(),
                http::Method::POST | http::Method::PUT | http::Method::PATCH
            )
        {
            request
                .headers_mut()
                .entry(http::header::CONTENT_LENGTH)
                .or_insert(http::HeaderValue::from_static("0"));
        }
        if self.compression {
            request
                .headers_mut()
                .entry(http::header::ACCEPT_ENCODING)
                .or_insert(http::HeaderValue::from_static("gzip"));
        }
        let response = self
            .client
            .request(request.map(Full::new))
            .await
            .map_err(|e| {
                let kind = classify(&e);
                transport_error(kind, e)
            })?;
        let (mut parts, mut body) = response.into_parts();
        let collector = BodyCollector::new(parts.status, &limits);
        let mut sink = if is_gzip(&parts.headers) {
            parts.headers.remove(http::header::CONTENT_ENCODING);
            parts.headers.remove(http::header::CONTENT_LENGTH);
            Sink::Gzip(Box::new(flate2::write::GzDecoder::new(collector)))
        } else {
            collector.check_length(content_length(&parts.headers))?;
            Sink::Plain(collector)
        };
        while let Some(frame) = body.frame().await {
            let frame = frame.map_err(|e| {
                let kind = classify(&e);
                transport_error(kind, e)
            })?;
            if let Ok(data) = frame.into_data() {
                sink.write(&data)?;
                if sink.full() {
                    // A non-2xx body past its cap: the rest is not needed.
                    break;
                }
            }
        }
        Ok(sink.finish()?.finish(parts))
    }
}

/// Where the body goes: straight into the collector, or through a streaming gzip decoder
/// into it (so the cap counts decompressed bytes).
enum Sink {
    Plain(BodyCollector),
    Gzip(Box<flate2::write::GzDecoder<BodyCollector>>),
}

impl Sink {
    fn write(&mut self, data: &[u8]) -> Result<(), TransportError> {
        match self {
            Sink::Plain(collector) => collector.push(data),
            Sink::Gzip(decoder) => {
                use std::io::Write;
                decoder.write_all(data).map_err(|e| gzip_error(decoder, e))
            }
        }
    }

    fn full(&self) -> bool {
        match self {
            Sink::Plain(collector) => collector.full(),
            Sink::Gzip(decoder) => decoder.get_ref().full(),
        }
    }

    fn finish(self) -> Result<BodyCollector, TransportError> {
        match self {
            Sink::Plain(collector) => Ok(collector),
            Sink::Gzip(mut decoder) => {
                if decoder.get_ref().full() {
                    // Cut on purpose: the stream is unfinished, which is fine; take what was
                    // collected without finishing it.
                    let empty = BodyCollector::new(http::StatusCode::OK, &Limits::default());
                    return Ok(std::mem::replace(decoder.get_mut(), empty));
                }
                if let Err(e) = std::io::Write::flush(&mut decoder) {
                    return Err(gzip_error(&mut decoder, e));
                }
                decoder
                    .try_finish()
                    .map_err(|e| gzip_error(&mut decoder, e))?;
                decoder
                    .finish()
                    .map_err(|e| TransportError::with_source(TransportErrorKind::Protocol, e))
            }
        }
    }
}

/// A decoder failure: the collector's own error (the cap) if it had one, else a corrupt body.
fn gzip_error(
    decoder: &mut flate2::write::GzDecoder<BodyCollector>,
    error: std::io::Error,
) -> TransportError {
    decoder.get_mut().take_error().unwrap_or_else(|| {
        TransportError::new(
            TransportErrorKind::Protocol,
            format!("the gzip response body is corrupt: {error}"),
        )
    })
}

fn is_gzip(headers: &http::HeaderMap) -> bool {
    headers
        .get(http::header::CONTENT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.trim().eq_ignore_ascii_case("gzip") || v.trim().eq_ignore_ascii_case("x-gzip")
        })
}

fn content_length(headers: &http::HeaderMap) -> Option<u64> {
    headers
        .get(http::header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// Sorts a hyper(-util) error into the kinds core's retry table uses, from its chain of
/// causes: a rustls error is `Tls`; a failed connect `Connect`; a connection closed or reset
/// before the response was complete `Reset`; an answer that is not HTTP (a parse error,
/// oversized headers, a bad chunk) `Protocol`; a request hyper refuses `InvalidRequest`.
fn classify(error: &(dyn std::error::Error + 'static)) -> TransportErrorKind {
    let mut connect = false;
    let mut found = None;
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(e) = cause {
        if let Some(e) = e.downcast_ref::<hyper_util::client::legacy::Error>() {
            connect |= e.is_connect();
            let debug = format!("{e:?}");
            if debug.contains("UserUnsupported") || debug.contains("UserAbsoluteUriRequired") {
                found.get_or_insert(TransportErrorKind::InvalidRequest);
            }
        }
        if e.is::<rustls::Error>() {
            return TransportErrorKind::Tls;
        }
        if let Some(e) = e.downcast_ref::<hyper::Error>() {
            let kind = if e.is_parse() || e.is_parse_status() {
                Some(TransportErrorKind::Protocol)
            } else if e.is_incomplete_message() || e.is_canceled() || e.is_closed() {
                Some(TransportErrorKind::Reset)
            } else if e.is_timeout() {
                Some(TransportErrorKind::Timeout)
            } else if e.is_user() {
                Some(TransportErrorKind::InvalidRequest)
            } else {
                None
            };
            if let Some(kind) = kind {
                found.get_or_insert(kind);
            }
        }
        if let Some(io) = e.downcast_ref::<std::io::Error>() {
            use std::io::ErrorKind as K;
            let kind = match io.kind() {
                K::ConnectionRefused
                | K::AddrNotAvailable
                | K::HostUnreachable
                | K::NetworkUnreachable
                | K::NetworkDown => Some(TransportErrorKind::Connect),
                K::ConnectionReset | K::ConnectionAborted | K::BrokenPipe | K::UnexpectedEof => {
                    Some(TransportErrorKind::Reset)
                }
                // Not HTTP: a bad chunk size line, invalid framing.
                K::InvalidData | K::InvalidInput => Some(TransportErrorKind::Protocol),
                K::TimedOut => Some(TransportErrorKind::Timeout),
                _ => None,
            };
            if let Some(kind) = kind {
                // The innermost I/O error says more than hyper's wrapper.
                found = Some(kind);
            }
        }
        cause = match e
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
        {
            // `io::Error::source` skips the error it wraps (a rustls error, another I/O
            // error...): walk into it instead.
            Some(inner) => Some(inner as &(dyn std::error::Error + 'static)),
            None => e.source(),
        };
    }
    match found {
        Some(kind) if !(connect && kind == TransportErrorKind::Reset) => kind,
        // A connection that could not be made, whatever closed it.
        _ if connect => TransportErrorKind::Connect,
        Some(kind) => kind,
        None => TransportErrorKind::Other,
    }
}

impl<C> std::fmt::Debug for HyperTransport<C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HyperTransport").finish_non_exhaustive()
    }
}

#[async_trait::async_trait]
impl<C> Transport for HyperTransport<C>
where
    C: Connect + Clone + Send + Sync + 'static,
{
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        self.run(request).await
    }

    async fn sleep(&self, duration: Duration) {
        tokio::time::sleep(duration).await
    }
}

impl FromConfig for HyperTransport {
    fn from_config(config: &Config) -> Result<Self, Error> {
        HyperTransport::new(config)
    }
}

/// A transport error whose message carries the whole chain of causes: hyper-util's own
/// message is only `client error (Connect)`, the useful part (`Connection refused`, a DNS or
/// certificate failure) is in its sources.
fn transport_error(
    kind: TransportErrorKind,
    error: impl std::error::Error + Send + Sync + 'static,
) -> TransportError {
    TransportError::with_source(kind, Detailed(Box::new(error)))
}

/// Displays an error followed by its causes; its own `source()` continues below the wrapped
/// error's message.
struct Detailed(Box<dyn std::error::Error + Send + Sync>);

impl std::fmt::Display for Detailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut message = self.0.to_string();
        let mut cause = self.0.source();
        while let Some(error) = cause {
            let text = error.to_string();
            if !message.contains(&text) {
                message.push_str(": ");
                message.push_str(&text);
            }
            cause = error.source();
        }
        f.write_str(&message)
    }
}

impl std::fmt::Debug for Detailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&self.0, f)
    }
}

impl std::error::Error for Detailed {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source()
    }
}
