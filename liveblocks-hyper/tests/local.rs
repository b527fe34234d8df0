//! The hyper transport against a tiny local hyper server (no external network).

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper_util::rt::{TokioExecutor, TokioIo};
use liveblocks_hyper::bytes::Bytes;
use liveblocks_hyper::{Client, Config, Error, HyperTransport, Transport, TransportErrorKind};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// One request as the server saw it.
#[derive(Debug, Clone)]
struct Recorded {
    method: http::Method,
    target: String,
    version: http::Version,
    headers: http::HeaderMap,
    body: Bytes,
}

impl Recorded {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|v| v.to_str().unwrap())
    }
}

/// What the server answers.
struct Reply {
    status: u16,
    content_type: &'static str,
    body: Bytes,
    delay: Duration,
}

impl Reply {
    fn json(status: u16, body: &'static str) -> Reply {
        Reply {
            status,
            content_type: "application/json",
            body: Bytes::from_static(body.as_bytes()),
            delay: Duration::ZERO,
        }
    }
}

type Handler = dyn Fn(&Recorded) -> Reply + Send + Sync;

struct Server {
    addr: SocketAddr,
    requests: Arc<Mutex<Vec<Recorded>>>,
}

impl Server {
    async fn start(handler: impl Fn(&Recorded) -> Reply + Send + Sync + 'static) -> Server {
        Self::start_on("127.0.0.1:0", None, handler).await.unwrap()
    }

    async fn start_on(
        bind: &str,
        tls: Option<tokio_rustls::TlsAcceptor>,
        handler: impl Fn(&Recorded) -> Reply + Send + Sync + 'static,
    ) -> std::io::Result<Server> {
        let listener = TcpListener::bind(bind).await?;
        let addr = listener.local_addr()?;
        let requests = Arc::new(Mutex::new(Vec::new()));
        let handler: Arc<Handler> = Arc::new(handler);
        let seen = Arc::clone(&requests);
        tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let handler = Arc::clone(&handler);
                let seen = Arc::clone(&seen);
                let tls = tls.clone();
                tokio::spawn(async move {
                    let service = service_fn(move |request: http::Request<Incoming>| {
                        let handler = Arc::clone(&handler);
                        let seen = Arc::clone(&seen);
                        async move {
                            let (parts, body) = request.into_parts();
                            let body = body.collect().await.unwrap().to_bytes();
                            let recorded = Recorded {
                                method: parts.method,
                                target: parts.uri.to_string(),
                                version: parts.version,
                                headers: parts.headers,
                                body,
                            };
                            seen.lock().unwrap().push(recorded.clone());
                            let reply = handler(&recorded);
                            tokio::time::sleep(reply.delay).await;
                            let response = http::Response::builder()
                                .status(reply.status)
                                .header("content-type", reply.content_type)
                                .body(Full::new(reply.body))
                                .unwrap();
                            Ok::<_, Infallible>(response)
                        }
                    });
                    // Connections end with errors when the client gives up; that's fine.
                    let Some(acceptor) = tls else {
                        let _ = hyper::server::conn::http1::Builder::new()
                            .serve_connection(TokioIo::new(stream), service)
                            .await;
                        return;
                    };
                    let Ok(stream) = acceptor.accept(stream).await else {
                        return;
                    };
                    if stream.get_ref().1.alpn_protocol() == Some(b"h2") {
                        let _ = hyper::server::conn::http2::Builder::new(TokioExecutor::new())
                            .serve_connection(TokioIo::new(stream), service)
                            .await;
                    } else {
                        let _ = hyper::server::conn::http1::Builder::new()
                            .serve_connection(TokioIo::new(stream), service)
                            .await;
                    }
                });
            }
        });
        Ok(Server { addr, requests })
    }

    fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    fn config(&self) -> Config {
        Config::new("sk_test")
            .unwrap()
            .with_base_url(self.url())
            .unwrap()
    }

    fn client(&self) -> Client {
        Client::from_config(self.config()).unwrap()
    }

    fn only_request(&self) -> Recorded {
        let requests = self.requests.lock().unwrap();
        assert_eq!(requests.len(), 1, "expected one request, got {requests:?}");
        requests[0].clone()
    }
}

const ROOM: &str = r#"{"type":"room","id":"my-room","organizationId":"default",
    "createdAt":"2024-05-01T10:00:00.000Z","defaultAccesses":["room:write"],
    "usersAccesses":{"alice":["room:write"]},"groupsAccesses":{},"metadata":{"color":"blue"}}"#;

fn transport_kind(error: &Error) -> TransportErrorKind {
    match error {
        Error::Transport(e) => e.kind(),
        other => panic!("expected a transport error, got {other:?}"),
    }
}

#[tokio::test]
async fn json_round_trip_through_get_room() {
    let server = Server::start(|_| Reply::json(200, ROOM)).await;
    let room = server.client().get_room("my-room").await.unwrap();
    assert_eq!(room.id, "my-room");
    assert_eq!(room.metadata.len(), 1);
    assert!(room.users_accesses.contains_key("alice"));

    let seen = server.only_request();
    assert_eq!(seen.method, http::Method::GET);
    assert_eq!(seen.target, "/v2/rooms/my-room");
    assert_eq!(seen.version, http::Version::HTTP_11);
    assert_eq!(seen.header("authorization"), Some("Bearer sk_test"));
    assert!(seen
        .header("user-agent")
        .unwrap()
        .starts_with("liveblocks-rs/"));
    assert_eq!(seen.header("host"), Some(&*server.addr.to_string()));
    assert!(seen.body.is_empty());
}

#[tokio::test]
async fn not_found_body_becomes_an_api_error() {
    let server = Server::start(|_| {
        Reply::json(
            404,
            r#"{"error":"ROOM_NOT_FOUND","message":"Room not found","suggestion":"Check the ID"}"#,
        )
    })
    .await;
    let err = server.client().get_room("nope").await.unwrap_err();
    assert!(matches!(err, Error::Api(_)), "{err:?}");
    assert!(err.is_not_found());
    assert_eq!(err.code(), Some("ROOM_NOT_FOUND"));
    assert_eq!(err.as_api().unwrap().message, "Room not found");
}

#[tokio::test]
async fn server_error_with_a_non_json_body_is_kept() {
    let server = Server::start(|_| Reply {
        status: 502,
        content_type: "text/html",
        body: Bytes::from_static(b"<h1>Bad gateway</h1>"),
        delay: Duration::ZERO,
    })
    .await;
    let err = server.client().get_room("r").await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(502));
    assert!(err.is_retryable());
    assert_eq!(&err.raw_body().unwrap()[..], b"<h1>Bad gateway</h1>");
}

#[tokio::test]
async fn binary_request_body_arrives_byte_identical() {
    let server = Server::start(|_| Reply::json(200, r#"{"success":true}"#)).await;
    let update: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    server
        .client()
        .send_yjs_binary_update("my-room", update.clone())
        .guid("sub doc")
        .await
        .unwrap();
    let seen = server.only_request();
    assert_eq!(seen.method, http::Method::PUT);
    assert_eq!(seen.target, "/v2/rooms/my-room/ydoc?guid=sub%20doc");
    assert_eq!(
        seen.header("content-type"),
        Some("application/octet-stream")
    );
    assert_eq!(seen.header("content-length"), Some("70000"));
    assert!(seen.body == update, "the request body changed on the way");
}

#[tokio::test]
async fn large_binary_response_arrives_byte_identical() {
    let doc: Bytes = (0..=255u8)
        .rev()
        .cycle()
        .take(12 * 1024 * 1024 + 7)
        .collect::<Vec<u8>>()
        .into();
    let served = doc.clone();
    let server = Server::start(move |_| Reply {
        status: 200,
        content_type: "application/octet-stream",
        body: served.clone(),
        delay: Duration::ZERO,
    })
    .await;
    let bytes = server
        .client()
        .get_yjs_document_as_binary_update("my-room")
        .await
        .unwrap();
    assert_eq!(bytes.len(), doc.len());
    assert!(bytes == doc, "the response body changed on the way");
    assert_eq!(
        server.only_request().target,
        "/v2/rooms/my-room/ydoc-binary"
    );
}

#[tokio::test]
async fn delete_without_a_body() {
    let server = Server::start(|_| Reply {
        status: 204,
        content_type: "text/plain",
        body: Bytes::new(),
        delay: Duration::ZERO,
    })
    .await;
    server.client().delete_room("my-room").await.unwrap();
    let seen = server.only_request();
    assert_eq!(seen.method, http::Method::DELETE);
    assert_eq!(seen.target, "/v2/rooms/my-room");
    assert!(seen.body.is_empty());
    assert_eq!(seen.header("content-type"), None);
    assert_eq!(seen.header("transfer-encoding"), None);
}

#[tokio::test]
async fn empty_post_sends_content_length_zero() {
    let server = Server::start(|_| Reply::json(200, "{}")).await;
    let transport = HyperTransport::new(&server.config()).unwrap();
    let request = http::Request::post(format!("{}/v2/x", server.url()))
        .body(Bytes::new())
        .unwrap();
    let response = transport.send(request).await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(&response.body()[..], b"{}");
    let seen = server.only_request();
    assert_eq!(seen.method, http::Method::POST);
    assert_eq!(seen.header("content-length"), Some("0"));
}

#[tokio::test]
async fn timeout_waiting_for_the_response_is_a_timeout_error() {
    let server = Server::start(|_| Reply {
        delay: Duration::from_secs(3),
        ..Reply::json(200, ROOM)
    })
    .await;
    let client =
        Client::from_config(server.config().with_timeout(Duration::from_millis(200))).unwrap();
    let start = Instant::now();
    let err = client.get_room("slow").await.unwrap_err();
    let elapsed = start.elapsed();
    assert_eq!(transport_kind(&err), TransportErrorKind::Timeout, "{err:?}");
    assert!(err.is_retryable());
    assert!(elapsed < Duration::from_millis(2500), "took {elapsed:?}");
    assert!(elapsed >= Duration::from_millis(190), "took {elapsed:?}");
}

#[tokio::test]
async fn timeout_covers_reading_the_body() {
    // Headers arrive at once, then the body stalls halfway.
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let (mut stream, _) = listener.accept().await.unwrap();
        let mut buf = vec![0; 4096];
        let _ = stream.read(&mut buf).await;
        let _ = stream
            .write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"type\":")
            .await;
        tokio::time::sleep(Duration::from_secs(3)).await;
    });
    let config = Config::new("sk_test")
        .unwrap()
        .with_base_url(format!("http://{addr}"))
        .unwrap()
        .with_timeout(Duration::from_millis(200));
    let start = Instant::now();
    let err = Client::from_config(config)
        .unwrap()
        .get_room("r")
        .await
        .unwrap_err();
    assert_eq!(transport_kind(&err), TransportErrorKind::Timeout, "{err:?}");
    assert!(start.elapsed() < Duration::from_millis(2500));
}

#[tokio::test]
async fn refused_connection_is_a_connect_error() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let config = Config::new("sk_test")
        .unwrap()
        .with_base_url(format!("http://127.0.0.1:{port}"))
        .unwrap();
    let err = Client::from_config(config)
        .unwrap()
        .get_room("r")
        .await
        .unwrap_err();
    assert_eq!(transport_kind(&err), TransportErrorKind::Connect, "{err:?}");
    assert!(err.is_retryable());
    // The message carries the cause, not just hyper-util's "client error (Connect)".
    assert!(err.to_string().contains("Connection refused"), "{err}");
}

#[tokio::test]
async fn unknown_host_is_a_connect_error() {
    let config = Config::new("sk_test")
        .unwrap()
        .with_base_url("http://does-not-exist.invalid")
        .unwrap();
    let err = Client::from_config(config)
        .unwrap()
        .get_room("r")
        .await
        .unwrap_err();
    assert_eq!(transport_kind(&err), TransportErrorKind::Connect, "{err:?}");
    assert!(err.to_string().contains("dns error"), "{err}");
}

#[tokio::test]
async fn localhost_reaches_an_ipv4_only_server() {
    let server = Server::start(|_| Reply::json(200, ROOM)).await;
    let config = Config::new("sk_test")
        .unwrap()
        .with_base_url(format!("http://localhost:{}", server.addr.port()))
        .unwrap();
    let room = Client::from_config(config)
        .unwrap()
        .get_room("my-room")
        .await
        .unwrap();
    assert_eq!(room.id, "my-room");
}

/// Resolves every name to `::1` first and `127.0.0.1` second, like `localhost` on systems
/// that prefer IPv6, for a server that only listens on IPv4 (as the dev server does).
#[derive(Clone)]
struct Ipv6FirstResolver(u16);

impl tower_service::Service<hyper_util::client::legacy::connect::dns::Name> for Ipv6FirstResolver {
    type Response = std::vec::IntoIter<SocketAddr>;
    type Error = std::io::Error;
    type Future = std::future::Ready<Result<Self::Response, Self::Error>>;

    fn poll_ready(
        &mut self,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), Self::Error>> {
        std::task::Poll::Ready(Ok(()))
    }

    fn call(&mut self, _: hyper_util::client::legacy::connect::dns::Name) -> Self::Future {
        let addrs = vec![
            SocketAddr::from(([0, 0, 0, 0, 0, 0, 0, 1], self.0)),
            SocketAddr::from(([127, 0, 0, 1], self.0)),
        ];
        std::future::ready(Ok(addrs.into_iter()))
    }
}

#[tokio::test]
async fn falls_back_to_ipv4_when_ipv6_is_refused() {
    let server = Server::start(|_| Reply::json(200, ROOM)).await;
    let port = server.addr.port();
    let mut http = hyper_util::client::legacy::connect::HttpConnector::new_with_resolver(
        Ipv6FirstResolver(port),
    );
    http.set_happy_eyeballs_timeout(Some(Duration::from_millis(300)));
    let client = hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
        .build(http);
    let config = Config::new("sk_test")
        .unwrap()
        .with_base_url(format!("http://localhost:{port}"))
        .unwrap();
    let client = liveblocks_hyper::liveblocks_core::Client::with_transport(
        config,
        HyperTransport::with_client(client),
    );
    let start = Instant::now();
    assert_eq!(client.get_room("my-room").await.unwrap().id, "my-room");
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "took {:?}",
        start.elapsed()
    );
}

#[tokio::test]
async fn ipv6_literal_reaches_an_ipv6_server() {
    // Machines without IPv6 loopback can't run this check; say so instead of passing quietly.
    let server = match Server::start_on("[::1]:0", None, |_| Reply::json(200, ROOM)).await {
        Ok(server) => server,
        Err(e) => panic!("this test needs an IPv6 loopback (::1): {e}"),
    };
    let room = server.client().get_room("my-room").await.unwrap();
    assert_eq!(room.id, "my-room");
}

#[test]
fn calls_work_under_tokio_spawn_on_a_multi_thread_runtime() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let server = Server::start(|_| Reply::json(200, ROOM)).await;
        let client = server.client();
        let tasks: Vec<_> = (0..8)
            .map(|i| {
                let client = client.clone();
                tokio::spawn(async move { client.get_room(format!("room-{i}")).await })
            })
            .collect();
        for task in tasks {
            assert_eq!(task.await.unwrap().unwrap().id, "my-room");
        }
        assert_eq!(server.requests.lock().unwrap().len(), 8);
    });
}

#[test]
fn client_can_be_built_outside_a_runtime() {
    let client = Client::new("sk_test").unwrap();
    assert_eq!(client.config().timeout(), Duration::from_secs(60));
}

#[tokio::test]
async fn custom_hyper_client() {
    let server = Server::start(|_| Reply::json(200, ROOM)).await;
    let http = hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
        .pool_max_idle_per_host(1)
        .build(HyperTransport::https_connector().unwrap());
    let transport = HyperTransport::with_client(http);
    let client = liveblocks_hyper::liveblocks_core::Client::with_transport(
        server.config().with_timeout(Duration::from_secs(5)),
        transport,
    );
    assert_eq!(client.get_room("my-room").await.unwrap().id, "my-room");

    // A plain-HTTP connector works too, since the transport is generic over it.
    let plain = hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
        .build(hyper_util::client::legacy::connect::HttpConnector::new());
    let client = liveblocks_hyper::liveblocks_core::Client::with_transport(
        server.config(),
        HyperTransport::with_client(plain),
    );
    assert_eq!(client.get_room("my-room").await.unwrap().id, "my-room");
}

#[tokio::test]
async fn huge_timeout_does_not_overflow() {
    let server = Server::start(|_| Reply::json(200, ROOM)).await;
    let client = Client::from_config(server.config().with_timeout(Duration::MAX)).unwrap();
    assert_eq!(client.get_room("my-room").await.unwrap().id, "my-room");
}

#[tokio::test]
async fn json_request_body_and_content_type_are_sent_unchanged() {
    let server = Server::start(|_| Reply::json(200, ROOM)).await;
    let room = server
        .client()
        .create_room(
            "my-room",
            [liveblocks_hyper::models::rooms::RoomPermission::RoomWrite],
        )
        .metadata("color", "blue")
        .await
        .unwrap();
    assert_eq!(room.id, "my-room");
    let seen = server.only_request();
    assert_eq!(seen.method, http::Method::POST);
    assert_eq!(seen.target, "/v2/rooms");
    // Exactly this: the dev server rejects a `charset` parameter or another type.
    assert_eq!(seen.header("content-type"), Some("application/json"));
    assert_eq!(
        seen.header("content-length"),
        Some(&*seen.body.len().to_string())
    );
    let body: serde_json::Value = serde_json::from_slice(&seen.body).unwrap();
    assert_eq!(body["id"], "my-room");
    assert_eq!(body["defaultAccesses"], serde_json::json!(["room:write"]));
    assert_eq!(body["metadata"]["color"], "blue");
}

#[test]
fn transport_is_clone_send_sync() {
    fn check<T: Clone + Send + Sync + 'static>() {}
    check::<HyperTransport>();
    check::<Client>();
}

// TLS. tests/tls holds a throwaway test CA and a `localhost` certificate it signed (valid
// 2000-2125); the private key protects nothing.

const TEST_CA: &[u8] = include_bytes!("tls/ca.pem");
const SERVER_CERT: &[u8] = include_bytes!("tls/server.pem");
const SERVER_KEY: &[u8] = include_bytes!("tls/server.key");

fn ring() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

fn tls_acceptor() -> tokio_rustls::TlsAcceptor {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let certs = CertificateDer::pem_slice_iter(SERVER_CERT)
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    let key = PrivateKeyDer::from_pem_slice(SERVER_KEY).unwrap();
    let mut config = rustls::ServerConfig::builder_with_provider(ring())
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .unwrap();
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    tokio_rustls::TlsAcceptor::from(Arc::new(config))
}

/// A client of the TLS test server: with this crate's pool, or with a hyper-util client's.
fn client_trusting_the_test_ca(
    server: &Server,
    own_pool: bool,
) -> liveblocks_hyper::liveblocks_core::Client<HyperTransport> {
    use rustls::pki_types::pem::PemObject;
    let mut roots = rustls::RootCertStore::empty();
    for cert in rustls::pki_types::CertificateDer::pem_slice_iter(TEST_CA) {
        roots.add(cert.unwrap()).unwrap();
    }
    let tls = rustls::ClientConfig::builder_with_provider(ring())
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth();
    let connector = HyperTransport::https_connector_with_tls_config(tls);
    let transport = if own_pool {
        HyperTransport::with_connector(connector)
    } else {
        HyperTransport::with_client(
            hyper_util::client::legacy::Client::builder(TokioExecutor::new()).build(connector),
        )
    };
    let config = Config::new("sk_test")
        .unwrap()
        .with_base_url(format!("https://localhost:{}", server.addr.port()))
        .unwrap();
    liveblocks_hyper::liveblocks_core::Client::with_transport(config, transport)
}

#[tokio::test]
async fn https_negotiates_http2_through_alpn() {
    for own_pool in [true, false] {
        http2_round_trips(own_pool).await;
    }
}

async fn http2_round_trips(own_pool: bool) {
    let doc: Bytes = (0..=255u8)
        .cycle()
        .take(3 * 1024 * 1024 + 1)
        .collect::<Vec<u8>>()
        .into();
    let served = doc.clone();
    let server = Server::start_on("127.0.0.1:0", Some(tls_acceptor()), move |r| {
        if r.target.ends_with("/ydoc-binary") {
            Reply {
                status: 200,
                content_type: "application/octet-stream",
                body: served.clone(),
                delay: Duration::ZERO,
            }
        } else {
            Reply::json(200, ROOM)
        }
    })
    .await
    .unwrap();
    let client = client_trusting_the_test_ca(&server, own_pool);

    assert_eq!(client.get_room("my-room").await.unwrap().id, "my-room");
    let bytes = client
        .get_yjs_document_as_binary_update("my-room")
        .await
        .unwrap();
    assert!(bytes == doc, "the response body changed on the way");
    let update: Vec<u8> = (0..=255u8).rev().cycle().take(100_000).collect();
    client
        .send_yjs_binary_update("my-room", update.clone())
        .await
        .unwrap();

    let requests = server.requests.lock().unwrap();
    assert_eq!(requests.len(), 3);
    for request in requests.iter() {
        assert_eq!(
            request.version,
            http::Version::HTTP_2,
            "own pool: {own_pool}, {request:?}"
        );
        assert_eq!(request.header("authorization"), Some("Bearer sk_test"));
    }
    assert!(
        requests[2].body == update,
        "the request body changed on the way"
    );
    assert_eq!(
        requests[2].header("content-type"),
        Some("application/octet-stream")
    );
}

#[tokio::test]
async fn untrusted_certificate_is_a_tls_error() {
    // The default connector trusts the public web roots, not the test CA.
    let server = Server::start_on("127.0.0.1:0", Some(tls_acceptor()), |_| {
        Reply::json(200, ROOM)
    })
    .await
    .unwrap();
    let config = Config::new("sk_test")
        .unwrap()
        .with_base_url(format!("https://localhost:{}", server.addr.port()))
        .unwrap();
    let err = Client::from_config(config)
        .unwrap()
        .get_room("my-room")
        .await
        .unwrap_err();
    // A certificate problem is not transient: its own kind, never retried.
    assert_eq!(transport_kind(&err), TransportErrorKind::Tls, "{err:?}");
    assert!(!err.is_retryable());
    assert!(err.to_string().contains("UnknownIssuer"), "{err}");
    assert!(server.requests.lock().unwrap().is_empty());
}

#[tokio::test]
async fn retries_idempotent_requests_on_503_when_configured() {
    let calls = Arc::new(Mutex::new(0u32));
    let counter = Arc::clone(&calls);
    let server = Server::start(move |_| {
        let mut calls = counter.lock().unwrap();
        *calls += 1;
        if *calls < 3 {
            Reply::json(503, r#"{"error":"UNAVAILABLE"}"#)
        } else {
            Reply::json(200, ROOM)
        }
    })
    .await;
    let policy =
        liveblocks_hyper::retry::RetryPolicy::new(3).initial_delay(Duration::from_millis(10));
    let client = Client::from_config(server.config().with_retry(policy)).unwrap();
    let room = client.get_room("my-room").await.unwrap();
    assert_eq!(room.id, "my-room");
    assert_eq!(*calls.lock().unwrap(), 3);

    // A POST that may have been applied is not sent twice.
    let posts = Server::start(|_| Reply::json(503, "{}")).await;
    let client = Client::from_config(posts.config().with_retry(policy)).unwrap();
    let err = client
        .update_room("my-room")
        .metadata("k", "v")
        .await
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    posts.only_request();

    // Without a policy, nothing is retried.
    let plain = Server::start(|_| Reply::json(503, "{}")).await;
    assert!(plain.client().get_room("my-room").await.is_err());
    plain.only_request();
}

// ---- The call pipeline (core's), through hyper ----

#[tokio::test]
async fn deadline_bounds_the_whole_call_with_retries() {
    // Every attempt outlives its timeout; with retries the deadline ends the call.
    let server = Server::start(|_| Reply {
        delay: Duration::from_secs(5),
        ..Reply::json(200, ROOM)
    })
    .await;
    let policy =
        liveblocks_hyper::retry::RetryPolicy::new(10).initial_delay(Duration::from_millis(50));
    let config = server
        .config()
        .with_timeout(Duration::from_millis(200))
        .with_deadline(Duration::from_millis(600))
        .with_retry(policy);
    let client = Client::from_config(config).unwrap();
    let started = std::time::Instant::now();
    let err = client.get_room("my-room").await.unwrap_err();
    let took = started.elapsed();
    assert_eq!(transport_kind(&err), TransportErrorKind::Timeout, "{err}");
    assert!(err.to_string().contains("deadline"), "{err}");
    assert!(
        took >= Duration::from_millis(550) && took < Duration::from_millis(1500),
        "the deadline of 600 ms ended the call after {took:?}"
    );
    // 200 ms attempts and 50/100/200 ms waits: at least 2 attempts fit, at most 3.
    let attempts = server.requests.lock().unwrap().len();
    assert!((2..=3).contains(&attempts), "{attempts} attempts");
    // The same client works afterwards.
    let ok = Server::start(|_| Reply::json(200, ROOM)).await;
    let client = Client::from_config(ok.config()).unwrap();
    assert_eq!(client.get_room("my-room").await.unwrap().id, "my-room");
}

#[tokio::test]
async fn a_per_call_timeout_overrides_the_clients() {
    let server = Server::start(|_| Reply {
        delay: Duration::from_millis(400),
        ..Reply::json(200, ROOM)
    })
    .await;
    // The client allows 100 ms; this call allows 3 s and succeeds.
    let client =
        Client::from_config(server.config().with_timeout(Duration::from_millis(100))).unwrap();
    let room = client
        .get_room("my-room")
        .with_timeout(Duration::from_secs(3))
        .await
        .unwrap();
    assert_eq!(room.id, "my-room");
    // And the other way round: a client allowing 10 s, a call allowing 100 ms.
    let client =
        Client::from_config(server.config().with_timeout(Duration::from_secs(10))).unwrap();
    let started = std::time::Instant::now();
    let err = client
        .get_room("my-room")
        .with_timeout(Duration::from_millis(100))
        .await
        .unwrap_err();
    assert_eq!(transport_kind(&err), TransportErrorKind::Timeout, "{err}");
    assert!(
        started.elapsed() < Duration::from_millis(380),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_per_call_header_reaches_the_wire() {
    let server = Server::start(|_| Reply::json(200, ROOM)).await;
    let client = server.client();
    client
        .get_room("my-room")
        .with_header("x-trace-id", "trace-123")
        .with_header("idempotency-key", "key-456")
        .await
        .unwrap();
    let seen = server.only_request();
    assert_eq!(seen.header("x-trace-id"), Some("trace-123"));
    assert_eq!(seen.header("idempotency-key"), Some("key-456"));
    // Only that call: the next one has no such header.
    client.get_room("my-room").await.unwrap();
    let requests = server.requests.lock().unwrap();
    assert_eq!(requests[1].header("x-trace-id"), None);
}

#[tokio::test]
async fn zero_durations_are_invalid_input_before_any_request() {
    let server = Server::start(|_| Reply::json(200, ROOM)).await;
    let client = Client::from_config(server.config().with_timeout(Duration::ZERO)).unwrap();
    let err = client.get_room("my-room").await.unwrap_err();
    assert!(err.is_invalid_input(), "{err:?}");
    assert!(err.to_string().contains("timeout is zero"), "{err}");
    let err = server
        .client()
        .get_room("my-room")
        .with_deadline(Duration::ZERO)
        .await
        .unwrap_err();
    assert!(err.is_invalid_input(), "{err:?}");
    let err = server
        .client()
        .get_room("my-room")
        .with_header("authorization", "Bearer sk_other")
        .await
        .unwrap_err();
    assert!(err.is_invalid_input(), "{err:?}");
    assert!(server.requests.lock().unwrap().is_empty());
}
