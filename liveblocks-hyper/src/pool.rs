//! The default transport's connections. An HTTP/1.1 connection is driven by the task that
//! sends on it, not by a task of its own: the socket's readiness wakes the caller directly,
//! and no message crosses between tasks (or threads, on a multi-thread runtime) on the way.
//! Between calls it waits in the pool, unpolled. When ALPN picks HTTP/2, one connection per
//! host is shared by every call and driven by a spawned task, as HTTP/2 multiplexing needs.

use std::future::{poll_fn, Future};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http::uri::{Authority, Scheme};
use http::{HeaderValue, Request, Response, Uri};
use http_body_util::Full;
use hyper::body::{Body, Frame, Incoming};
use hyper::client::conn::{http1, http2};
use hyper_util::client::legacy::connect::Connection;
use hyper_util::rt::{TokioExecutor, TokioTimer};
use tower_service::Service;

use crate::errors::{classify, from_error as error, transport_error};
use liveblocks_core::{TransportError, TransportErrorKind};

/// How many idle HTTP/1.1 connections the pool keeps per host by default (more are closed
/// when they come back): enough for as many calls in flight, bounded so a burst leaves no
/// crowd behind. Change it with `HyperTransport::with_idle_connections`.
pub const MAX_IDLE_PER_HOST: usize = 32;

/// How long an idle connection is kept by default: servers and load balancers close idle
/// connections after a minute or more, and one they closed fails the next call on it.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(90);

/// What the pool can connect with: any connector a hyper-util client takes (a `tower`
/// service from a [`Uri`] to a connection), like [`DefaultConnector`](crate::DefaultConnector).
/// Implemented for every such type; there is nothing to implement by hand.
pub trait Connector:
    Service<
        Uri,
        Response: hyper::rt::Read + hyper::rt::Write + Connection + Unpin + Send + 'static,
        Future: Send + Unpin + 'static,
        Error: Into<Box<dyn std::error::Error + Send + Sync>>,
    > + Clone
    + Send
    + Sync
    + 'static
{
}

impl<C> Connector for C
where
    C: Service<Uri> + Clone + Send + Sync + 'static,
    C::Response: hyper::rt::Read + hyper::rt::Write + Connection + Unpin + Send + 'static,
    C::Future: Send + Unpin + 'static,
    C::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
}

/// The pool: for each host, its idle HTTP/1.1 connections and its HTTP/2 connection.
pub(crate) struct Pool<C> {
    connector: C,
    hosts: Arc<Hosts>,
}

/// The hosts the pool has connected to, in the order first seen. A client talks to its base
/// URL's host, so this is one entry in practice: a scan beats hashing. Entries stay (an
/// entry's index names it), and each holds at most `max_idle` connections.
struct Hosts {
    table: Mutex<Vec<Host>>,
    max_idle: usize,
    idle_timeout: Duration,
}

struct Host {
    scheme: Scheme,
    authority: Authority,
    /// The Host header of HTTP/1.1 requests to it, made once.
    header: HeaderValue,
    /// The most recently used last.
    idle: Vec<Idle>,
    http2: Option<http2::SendRequest<Full<Bytes>>>,
}

struct Idle {
    connection: Http1,
    since: Instant,
}

/// An HTTP/1.1 connection: its sender, and the connection future the caller drives.
struct Http1 {
    sender: http1::SendRequest<Full<Bytes>>,
    driver: Driver,
}

/// The connection future (its I/O type erased), polled by whoever waits on it until it ends,
/// then dropped at once: dropping it fails a request still queued on it with the request
/// handed back (the retry below), where keeping it would leave the request waiting forever.
struct Driver(Option<Pin<Box<dyn Future<Output = hyper::Result<()>> + Send>>>);

impl Driver {
    /// Lets the connection read and write what it can. Once it ends (the server closed it,
    /// an error), the request or body waiting on it gets the error from hyper.
    fn poll(&mut self, cx: &mut Context<'_>) {
        if let Some(connection) = &mut self.0 {
            if connection.as_mut().poll(cx).is_ready() {
                self.0 = None;
            }
        }
    }

    fn ended(&self) -> bool {
        self.0.is_none()
    }
}

/// The connection a call got: a fresh or idle HTTP/1.1 one, or the host's HTTP/2 one.
enum Checkout {
    Http1 { connection: Http1, reused: bool },
    Http2(http2::SendRequest<Full<Bytes>>),
}

/// A response body that drives its HTTP/1.1 connection while it is read, and gives the
/// connection back to the pool once read to the end (dropped earlier, it closes it).
pub(crate) struct PooledBody {
    body: Incoming,
    connection: Option<Http1>,
    hosts: Arc<Hosts>,
    host: usize,
    ended: bool,
}

impl<C: Connector> Pool<C> {
    /// A pool keeping up to `max_idle` idle HTTP/1.1 connections per host for `idle_timeout`.
    pub(crate) fn new(connector: C, max_idle: usize, idle_timeout: Duration) -> Self {
        Pool {
            connector,
            hosts: Arc::new(Hosts {
                table: Mutex::default(),
                max_idle,
                idle_timeout,
            }),
        }
    }

    /// The same pool over the same connector, with other limits (and no idle connections).
    pub(crate) fn with_limits(&self, max_idle: usize, idle_timeout: Duration) -> Self {
        Pool::new(self.connector.clone(), max_idle, idle_timeout)
    }

    /// Sends `request` (an absolute URI) on a pooled or new connection.
    pub(crate) async fn send(
        &self,
        mut request: Request<Full<Bytes>>,
    ) -> Result<Response<PooledBody>, TransportError> {
        let uri = request.uri().clone();
        let (host, host_header) = self.hosts.find_or_add(&uri)?;
        let mut added_host = false;
        loop {
            let checkout = match self.hosts.checkout(host) {
                Some(checkout) => checkout,
                // Boxed: connecting (DNS, happy eyeballs, TLS) is a large future that calls on
                // pooled connections, the most, would otherwise carry (and copy) too.
                None => Box::pin(self.connect(host, &uri)).await?,
            };
            match checkout {
                Checkout::Http2(mut sender) => {
                    // HTTP/2 takes the absolute URI (`:scheme`, `:authority`) and no Host.
                    *request.uri_mut() = uri;
                    if added_host {
                        request.headers_mut().remove(http::header::HOST);
                    }
                    let response = sender.send_request(request).await.map_err(error)?;
                    return Ok(self.wrap(response, None, host));
                }
                Checkout::Http1 {
                    mut connection,
                    reused,
                } => {
                    if !request.headers().contains_key(http::header::HOST) {
                        request
                            .headers_mut()
                            .insert(http::header::HOST, host_header.clone());
                        added_host = true;
                    }
                    *request.uri_mut() = origin_form(&uri);
                    let Http1 { sender, driver } = &mut connection;
                    let mut failed = match drive(driver, sender.try_send_request(request)).await {
                        Ok(response) => return Ok(self.wrap(response, Some(connection), host)),
                        Err(failed) => failed,
                    };
                    // The connection closed before the request was written (the server let
                    // an idle one go): send it on another, whatever the method.
                    match failed.take_message() {
                        Some(unsent) if reused => request = unsent,
                        _ => return Err(error(failed.into_error())),
                    }
                }
            }
        }
    }

    fn wrap(
        &self,
        response: Response<Incoming>,
        connection: Option<Http1>,
        host: usize,
    ) -> Response<PooledBody> {
        response.map(|body| PooledBody {
            body,
            connection,
            hosts: Arc::clone(&self.hosts),
            host,
            ended: false,
        })
    }

    async fn connect(&self, host: usize, uri: &Uri) -> Result<Checkout, TransportError> {
        let mut parts = uri.clone().into_parts();
        parts.path_and_query = Some(http::uri::PathAndQuery::from_static("/"));
        let uri = Uri::from_parts(parts)
            .map_err(|e| TransportError::with_source(TransportErrorKind::InvalidRequest, e))?;
        let mut connector = self.connector.clone();
        let io = async {
            poll_fn(|cx| connector.poll_ready(cx)).await?;
            connector.call(uri).await
        }
        .await
        .map_err(|e| connect_error(e.into()))?;
        if io.connected().is_negotiated_h2() {
            let (sender, connection) = http2::Builder::new(TokioExecutor::new())
                .timer(TokioTimer::new())
                .handshake(io)
                .await
                .map_err(error)?;
            tokio::spawn(connection);
            self.hosts.lock()[host].http2 = Some(sender.clone());
            return Ok(Checkout::Http2(sender));
        }
        let (sender, connection) = http1::handshake(io).await.map_err(error)?;
        Ok(Checkout::Http1 {
            connection: Http1 {
                sender,
                driver: Driver(Some(Box::pin(connection))),
            },
            reused: false,
        })
    }
}

impl Hosts {
    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Host>> {
        // A panic elsewhere while holding the lock leaves the table consistent.
        self.table.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The index of the entry of `uri`'s scheme and authority (added if new), and its Host
    /// header.
    fn find_or_add(&self, uri: &Uri) -> Result<(usize, HeaderValue), TransportError> {
        let (Some(scheme), Some(authority)) = (uri.scheme(), uri.authority()) else {
            return Err(not_absolute(uri));
        };
        if *scheme != Scheme::HTTP && *scheme != Scheme::HTTPS {
            return Err(not_absolute(uri));
        }
        let mut hosts = self.lock();
        let found = hosts
            .iter()
            .position(|h| h.authority.as_str() == authority.as_str() && h.scheme == *scheme);
        if let Some(index) = found {
            return Ok((index, hosts[index].header.clone()));
        }
        let header = host_header(uri)?;
        hosts.push(Host {
            scheme: scheme.clone(),
            authority: authority.clone(),
            header: header.clone(),
            idle: Vec::new(),
            http2: None,
        });
        Ok((hosts.len() - 1, header))
    }

    /// The host's HTTP/2 connection if it has one that is open, else its most recently used
    /// idle HTTP/1.1 connection that is still open.
    fn checkout(&self, host: usize) -> Option<Checkout> {
        loop {
            let Idle {
                mut connection,
                since,
            } = {
                let mut hosts = self.lock();
                let entry = &mut hosts[host];
                if let Some(sender) = &entry.http2 {
                    if !sender.is_closed() {
                        return Some(Checkout::Http2(sender.clone()));
                    }
                    entry.http2 = None;
                }
                entry.idle.pop()?
            };
            if since.elapsed() >= self.idle_timeout {
                continue;
            }
            // One poll (outside the lock), to see whether the server closed it meanwhile.
            let mut cx = Context::from_waker(std::task::Waker::noop());
            connection.driver.poll(&mut cx);
            if !connection.driver.ended() && connection.sender.poll_ready(&mut cx).is_ready() {
                return Some(Checkout::Http1 {
                    connection,
                    reused: true,
                });
            }
        }
    }

    fn give_back(&self, host: usize, connection: Http1) {
        let mut hosts = self.lock();
        let idle = &mut hosts[host].idle;
        if idle
            .first()
            .is_some_and(|c| c.since.elapsed() >= self.idle_timeout)
        {
            idle.retain(|c| c.since.elapsed() < self.idle_timeout);
        }
        if idle.len() < self.max_idle {
            idle.push(Idle {
                connection,
                since: Instant::now(),
            });
        }
    }
}

/// Polls `future` to its end while driving the connection it waits on.
async fn drive<F: Future>(driver: &mut Driver, future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    poll_fn(|cx| {
        // The connection first: what it reads is then ready for the future in the same poll.
        driver.poll(cx);
        future.as_mut().poll(cx)
    })
    .await
}

impl Body for PooledBody {
    type Data = Bytes;
    type Error = hyper::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, hyper::Error>>> {
        let this = self.get_mut();
        if let Some(connection) = &mut this.connection {
            connection.driver.poll(cx);
        }
        let frame = Pin::new(&mut this.body).poll_frame(cx);
        if let Poll::Ready(None) = frame {
            this.ended = true;
            // Once more, so the connection finishes the exchange and waits for the next.
            if let Some(connection) = &mut this.connection {
                connection.driver.poll(cx);
            }
        }
        frame
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }
}

impl Drop for PooledBody {
    fn drop(&mut self) {
        if let Some(connection) = self.connection.take() {
            if self.ended && !connection.driver.ended() && !connection.sender.is_closed() {
                self.hosts.give_back(self.host, connection);
            }
        }
    }
}

fn not_absolute(uri: &Uri) -> TransportError {
    TransportError::new(
        TransportErrorKind::InvalidRequest,
        format!("the URL {uri} is not an absolute http:// or https:// URL"),
    )
}

/// The Host header of an HTTP/1.1 request: the host, and the port unless it is the scheme's.
fn host_header(uri: &Uri) -> Result<HeaderValue, TransportError> {
    let host = uri.host().unwrap_or_default();
    let default_port = if uri.scheme() == Some(&Scheme::HTTPS) {
        443
    } else {
        80
    };
    let value = match uri.port_u16() {
        Some(port) if port != default_port => HeaderValue::try_from(format!("{host}:{port}")),
        _ => HeaderValue::try_from(host),
    };
    value.map_err(|e| TransportError::with_source(TransportErrorKind::InvalidRequest, e))
}

/// `/path?query`, what an HTTP/1.1 request line carries.
fn origin_form(uri: &Uri) -> Uri {
    match uri.path_and_query() {
        Some(path) if path.as_str() != "/" => Uri::from(path.clone()),
        _ => Uri::from_static("/"),
    }
}

fn connect_error(e: Box<dyn std::error::Error + Send + Sync>) -> TransportError {
    let kind = classify(&*e, true);
    transport_error(kind, BoxedError(e))
}

/// A boxed error as an error type of its own (a `Box<dyn Error>` is not one).
#[derive(Debug)]
struct BoxedError(Box<dyn std::error::Error + Send + Sync>);

impl std::fmt::Display for BoxedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for BoxedError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source()
    }
}
