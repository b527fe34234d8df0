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
//! otherwise; plain `http://` URLs (the local dev server) work too. An HTTP/1.1 connection is
//! driven by the task that makes the call rather than by a task of its own, so an answer
//! wakes the caller directly, with no hop between tasks or threads; between calls it waits
//! in the pool (see [`HyperTransport`]). TLS is rustls with the
//! `ring` provider and the Mozilla root certificates from `webpki-roots`, so there is no
//! OpenSSL or system library to install.
//!
//! Requests need a tokio runtime with its time driver enabled (`#[tokio::main]` does that).
//!
//! To change how connections are made (a proxy connector, other TLS roots), give the pool
//! your connector with [`HyperTransport::with_connector`]. To use hyper-util's pool and its
//! settings instead, build a [`hyper_util::client::legacy::Client`] yourself and wrap it with
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
use http_body_util::Full;
use hyper_util::client::legacy::connect::HttpConnector;

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
pub use pool::{Connector, IDLE_TIMEOUT, MAX_IDLE_PER_HOST};
/// The `rustls` version this crate uses, re-exported to build a custom TLS configuration.
pub use rustls;

use liveblocks_core::transport::{HttpRequest, HttpResponse};

mod body;
mod errors;
mod pool;

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

/// The hyper-util client [`HyperTransport::with_client`] wraps.
pub type HttpClient<C = DefaultConnector> = hyper_util::client::legacy::Client<C, Full<Bytes>>;

/// An async [`Transport`] over hyper, with a connection pool.
///
/// By default ([`HyperTransport::new`], [`HyperTransport::with_connector`]) an HTTP/1.1
/// connection is driven by the task that makes the call, not by a task of its own, so an
/// answer wakes the caller directly (no hop between tasks or threads); between calls it waits
/// in the pool, which keeps up to [`MAX_IDLE_PER_HOST`] of them per host for
/// [`IDLE_TIMEOUT`] ([`HyperTransport::with_idle_connections`] changes both). Over TLS, a server that offers HTTP/2 gets one shared connection per
/// host. [`HyperTransport::with_client`] sends through a hyper-util client instead.
///
/// Cloning is cheap and clones share the connection pool. It is `Send + Sync` and its futures
/// are `Send`, so calls work under `tokio::spawn`.
pub struct HyperTransport<C = DefaultConnector> {
    inner: Inner<C>,
    compression: bool,
}

enum Inner<C> {
    Pool(Arc<pool::Pool<C>>),
    Client(Box<HttpClient<C>>),
}

impl<C: Clone> Clone for HyperTransport<C> {
    fn clone(&self) -> Self {
        HyperTransport {
            inner: match &self.inner {
                Inner::Pool(pool) => Inner::Pool(Arc::clone(pool)),
                Inner::Client(client) => Inner::Client(client.clone()),
            },
            compression: self.compression,
        }
    }
}

impl HyperTransport {
    /// A transport for `config` over [`HyperTransport::https_connector`], asking for gzip
    /// answers when [`Config::compression`] is on.
    pub fn new(config: &Config) -> Result<Self, Error> {
        Ok(HyperTransport::with_connector(Self::https_connector()?)
            .with_compression(config.compression()))
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
    /// let config = Config::new("sk_prod_...")?;
    /// let transport = HyperTransport::with_connector(connector)
    ///     .with_compression(config.compression());
    /// let client = liveblocks_hyper::Client::with_transport(config, transport);
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

impl<C: Connector> HyperTransport<C> {
    /// A transport with this crate's pool over your own connector (any connector a
    /// hyper-util client takes: a proxy's, one with other TLS settings...).
    ///
    /// It asks for compressed answers as [`config::DEFAULT_COMPRESSION`] says; change that
    /// with [`HyperTransport::with_compression`].
    pub fn with_connector(connector: C) -> Self {
        HyperTransport {
            inner: Inner::Pool(Arc::new(pool::Pool::new(
                connector,
                MAX_IDLE_PER_HOST,
                IDLE_TIMEOUT,
            ))),
            compression: config::DEFAULT_COMPRESSION,
        }
    }

    /// Keeps up to `max_per_host` idle HTTP/1.1 connections per host (default
    /// [`MAX_IDLE_PER_HOST`]), each for at most `timeout` (default [`IDLE_TIMEOUT`]): raise
    /// the first for more calls in flight than that, lower the second below your servers' or
    /// load balancer's idle timeout. `0` keeps none (a connection per call).
    ///
    /// A transport of [`HyperTransport::with_client`] has its hyper-util client's pool and
    /// settings, which this does not change; use `Client::builder`'s instead.
    ///
    /// ```
    /// use std::time::Duration;
    /// use liveblocks_hyper::{Client, Config, HyperTransport};
    ///
    /// # fn run() -> Result<(), liveblocks_hyper::Error> {
    /// let config = Config::new("sk_prod_...")?;
    /// let transport = HyperTransport::new(&config)?
    ///     .with_idle_connections(128, Duration::from_secs(30));
    /// let client = Client::with_transport(config, transport);
    /// # Ok(()) }
    /// ```
    pub fn with_idle_connections(self, max_per_host: usize, timeout: Duration) -> Self {
        let inner = match self.inner {
            Inner::Pool(pool) => Inner::Pool(Arc::new(pool.with_limits(max_per_host, timeout))),
            client => client,
        };
        HyperTransport { inner, ..self }
    }
}

impl<C> HyperTransport<C> {
    /// A transport over your own hyper-util client, its pool and settings (`Client::builder`
    /// has many). The client's config (timeout, deadline, retries) applies to it as to any
    /// other transport.
    ///
    /// It asks for compressed answers as [`config::DEFAULT_COMPRESSION`] says; change that
    /// with [`HyperTransport::with_compression`].
    pub fn with_client(client: HttpClient<C>) -> Self {
        HyperTransport {
            inner: Inner::Client(Box::new(client)),
            compression: config::DEFAULT_COMPRESSION,
        }
    }

    /// Whether to send `Accept-Encoding: gzip` (see [`Config::with_compression`]). A gzip
    /// answer is decompressed as it is read either way, under the response size cap.
    pub fn with_compression(mut self, compression: bool) -> Self {
        self.compression = compression;
        self
    }

    /// The hyper-util client of a transport made with [`HyperTransport::with_client`];
    /// `None` for one with this crate's pool.
    pub fn client(&self) -> Option<&HttpClient<C>> {
        match &self.inner {
            Inner::Client(client) => Some(client),
            Inner::Pool(_) => None,
        }
    }
}

impl<C: Connector> HyperTransport<C> {
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
        let request = request.map(Full::new);
        match &self.inner {
            Inner::Pool(pool) => body::collect(pool.send(request).await?, &limits).await,
            Inner::Client(client) => {
                let response = client.request(request).await.map_err(errors::from_error)?;
                body::collect(response, &limits).await
            }
        }
    }
}

impl<C> std::fmt::Debug for HyperTransport<C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let pool = match self.inner {
            Inner::Pool(_) => "this crate's",
            Inner::Client(_) => "a hyper-util client's",
        };
        f.debug_struct("HyperTransport")
            .field("pool", &pool)
            .field("compression", &self.compression)
            .finish()
    }
}

#[async_trait::async_trait]
impl<C: Connector> Transport for HyperTransport<C> {
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
