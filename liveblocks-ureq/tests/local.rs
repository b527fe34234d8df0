//! The ureq transport against a tiny local HTTP/1.1 server (no external network).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use liveblocks_ureq::bytes::Bytes;
use liveblocks_ureq::{
    BlockingTransport, Client, Config, Error, TransportErrorKind, UreqTransport,
};

/// One request as the server saw it.
#[derive(Debug, Clone)]
struct Recorded {
    method: String,
    target: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Recorded {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// What the server answers.
struct Reply {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
    delay: Duration,
}

impl Reply {
    fn json(status: u16, body: &str) -> Reply {
        Reply {
            status,
            content_type: "application/json",
            body: body.as_bytes().to_vec(),
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
    fn start(handler: impl Fn(&Recorded) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a local port");
        let addr = listener.local_addr().unwrap();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let handler: Arc<Handler> = Arc::new(handler);
        let seen = Arc::clone(&requests);
        thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let handler = Arc::clone(&handler);
                let seen = Arc::clone(&seen);
                thread::spawn(move || serve_one(stream, &*handler, &seen));
            }
        });
        Server { addr, requests }
    }

    fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    fn client(&self) -> Client {
        Client::from_config(
            Config::new("sk_test")
                .unwrap()
                .with_base_url(self.url())
                .unwrap(),
        )
        .unwrap()
    }

    fn only_request(&self) -> Recorded {
        let requests = self.requests.lock().unwrap();
        assert_eq!(requests.len(), 1, "expected one request, got {requests:?}");
        requests[0].clone()
    }
}

/// Reads one request, answers it and closes the connection.
fn serve_one(stream: TcpStream, handler: &Handler, seen: &Mutex<Vec<Recorded>>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    if reader.read_line(&mut line).unwrap_or(0) == 0 {
        return;
    }
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_owned();
    let target = parts.next().unwrap_or_default().to_owned();
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let (name, value) = line.split_once(':').expect("a header line");
        headers.push((name.trim().to_owned(), value.trim().to_owned()));
    }
    let mut recorded = Recorded {
        method,
        target,
        headers,
        body: Vec::new(),
    };
    assert!(
        recorded.header("transfer-encoding").is_none(),
        "the transport should send a Content-Length, not a chunked body"
    );
    let length: usize = recorded
        .header("content-length")
        .map(|v| v.parse().unwrap())
        .unwrap_or(0);
    recorded.body = vec![0; length];
    reader.read_exact(&mut recorded.body).unwrap();
    seen.lock().unwrap().push(recorded.clone());

    let reply = handler(&recorded);
    thread::sleep(reply.delay);
    let mut stream = stream;
    let head = format!(
        "HTTP/1.1 {} X\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        reply.status,
        reply.content_type,
        reply.body.len()
    );
    // The client may be gone already (the timeout test); that's fine.
    let _ = stream
        .write_all(head.as_bytes())
        .and_then(|()| stream.write_all(&reply.body));
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

#[test]
fn json_round_trip_through_get_room() {
    let server = Server::start(|_| Reply::json(200, ROOM));
    let room = server.client().get_room("my-room").send().unwrap();
    assert_eq!(room.id, "my-room");
    assert_eq!(room.metadata.len(), 1);
    assert!(room.users_accesses.contains_key("alice"));

    let seen = server.only_request();
    assert_eq!(seen.method, "GET");
    assert_eq!(seen.target, "/v2/rooms/my-room");
    assert_eq!(seen.header("authorization"), Some("Bearer sk_test"));
    assert!(seen
        .header("user-agent")
        .unwrap()
        .starts_with("liveblocks-rs/"));
    assert_eq!(seen.header("host"), Some(&*server.addr.to_string()));
    assert!(seen.body.is_empty());
}

#[test]
fn not_found_body_becomes_an_api_error() {
    let server = Server::start(|_| {
        Reply::json(
            404,
            r#"{"error":"ROOM_NOT_FOUND","message":"Room not found","suggestion":"Check the ID"}"#,
        )
    });
    let err = server.client().get_room("nope").send().unwrap_err();
    assert!(matches!(err, Error::Api(_)), "{err:?}");
    assert!(err.is_not_found());
    assert_eq!(err.code(), Some("ROOM_NOT_FOUND"));
    assert_eq!(err.as_api().unwrap().message, "Room not found");
}

#[test]
fn server_error_with_a_non_json_body_is_kept() {
    let server = Server::start(|_| Reply {
        status: 502,
        content_type: "text/html",
        body: b"<h1>Bad gateway</h1>".to_vec(),
        delay: Duration::ZERO,
    });
    let err = server.client().get_room("r").send().unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(502));
    assert!(err.is_retryable());
    assert_eq!(&err.raw_body().unwrap()[..], b"<h1>Bad gateway</h1>");
}

#[test]
fn binary_request_body_arrives_byte_identical() {
    let server = Server::start(|_| Reply::json(200, r#"{"success":true}"#));
    let update: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    server
        .client()
        .send_yjs_binary_update("my-room", update.clone())
        .guid("sub doc")
        .send()
        .unwrap();
    let seen = server.only_request();
    assert_eq!(seen.method, "PUT");
    assert_eq!(seen.target, "/v2/rooms/my-room/ydoc?guid=sub%20doc");
    assert_eq!(
        seen.header("content-type"),
        Some("application/octet-stream")
    );
    assert_eq!(seen.header("content-length"), Some("70000"));
    assert!(seen.body == update, "the request body changed on the way");
}

#[test]
fn large_binary_response_arrives_byte_identical() {
    // Bigger than ureq's 10 MB default read limit.
    let doc: Vec<u8> = (0..=255u8)
        .rev()
        .cycle()
        .take(12 * 1024 * 1024 + 7)
        .collect();
    let expected = doc.clone();
    let server = Server::start(move |_| Reply {
        status: 200,
        content_type: "application/octet-stream",
        body: doc.clone(),
        delay: Duration::ZERO,
    });
    let bytes = server
        .client()
        .get_yjs_document_as_binary_update("my-room")
        .send()
        .unwrap();
    assert_eq!(bytes.len(), expected.len());
    assert!(bytes == expected, "the response body changed on the way");
    assert_eq!(
        server.only_request().target,
        "/v2/rooms/my-room/ydoc-binary"
    );
}

#[test]
fn delete_without_a_body() {
    let server = Server::start(|_| Reply {
        status: 204,
        content_type: "text/plain",
        body: Vec::new(),
        delay: Duration::ZERO,
    });
    server.client().delete_room("my-room").send().unwrap();
    let seen = server.only_request();
    assert_eq!(seen.method, "DELETE");
    assert_eq!(seen.target, "/v2/rooms/my-room");
    assert!(seen.body.is_empty());
    assert_eq!(seen.header("content-type"), None);
}

#[test]
fn empty_post_sends_content_length_zero() {
    let server = Server::start(|_| Reply::json(200, "{}"));
    let transport = UreqTransport::new(&Config::new("sk_test").unwrap());
    let request = http::Request::post(format!("{}/v2/x", server.url()))
        .body(Bytes::new())
        .unwrap();
    let response = transport.send(request).unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(&response.body()[..], b"{}");
    let seen = server.only_request();
    assert_eq!(seen.method, "POST");
    assert_eq!(seen.header("content-length"), Some("0"));
}

#[test]
fn timeout_is_a_timeout_error() {
    let server = Server::start(|_| Reply {
        delay: Duration::from_secs(3),
        ..Reply::json(200, ROOM)
    });
    let config = Config::new("sk_test")
        .unwrap()
        .with_base_url(server.url())
        .unwrap()
        .with_timeout(Duration::from_millis(200));
    let client = Client::from_config(config).unwrap();
    let start = Instant::now();
    let err = client.get_room("slow").send().unwrap_err();
    let elapsed = start.elapsed();
    assert_eq!(transport_kind(&err), TransportErrorKind::Timeout, "{err:?}");
    assert!(err.is_retryable());
    assert!(elapsed < Duration::from_millis(2500), "took {elapsed:?}");
    assert!(elapsed >= Duration::from_millis(190), "took {elapsed:?}");
}

#[test]
fn refused_connection_is_a_connect_error() {
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let config = Config::new("sk_test")
        .unwrap()
        .with_base_url(format!("http://127.0.0.1:{port}"))
        .unwrap();
    let err = Client::from_config(config)
        .unwrap()
        .get_room("r")
        .send()
        .unwrap_err();
    assert_eq!(transport_kind(&err), TransportErrorKind::Connect, "{err:?}");
}

#[test]
fn unknown_host_is_a_connect_error() {
    let config = Config::new("sk_test")
        .unwrap()
        .with_base_url("http://does-not-exist.invalid")
        .unwrap();
    let err = Client::from_config(config)
        .unwrap()
        .get_room("r")
        .send()
        .unwrap_err();
    assert_eq!(transport_kind(&err), TransportErrorKind::Connect, "{err:?}");
}

#[test]
fn localhost_reaches_an_ipv4_only_server() {
    let server = Server::start(|_| Reply::json(200, ROOM));
    let config = Config::new("sk_test")
        .unwrap()
        .with_base_url(format!("http://localhost:{}", server.addr.port()))
        .unwrap();
    let room = Client::from_config(config)
        .unwrap()
        .get_room("my-room")
        .send()
        .unwrap();
    assert_eq!(room.id, "my-room");
}

#[test]
fn custom_agent_still_reads_error_bodies() {
    let server = Server::start(|_| Reply::json(404, r#"{"error":"ROOM_NOT_FOUND"}"#));
    // A default agent turns 4xx into `ureq::Error::StatusCode`; the transport overrides it.
    let agent = ureq::Agent::new_with_defaults();
    assert!(agent.config().http_status_as_error());
    let config = Config::new("sk_test")
        .unwrap()
        .with_base_url(server.url())
        .unwrap();
    let client = Client::with_transport(config, UreqTransport::with_agent(agent));
    let err = client.get_room("nope").send().unwrap_err();
    assert_eq!(err.code(), Some("ROOM_NOT_FOUND"), "{err:?}");
}

#[test]
fn huge_timeout_does_not_overflow() {
    let server = Server::start(|_| Reply::json(200, ROOM));
    let config = Config::new("sk_test")
        .unwrap()
        .with_base_url(server.url())
        .unwrap()
        .with_timeout(Duration::MAX);
    let room = Client::from_config(config)
        .unwrap()
        .get_room("my-room")
        .send()
        .unwrap();
    assert_eq!(room.id, "my-room");
}

#[test]
fn json_request_body_and_content_type_are_sent_unchanged() {
    let server = Server::start(|_| Reply::json(200, ROOM));
    let room = server
        .client()
        .create_room(
            "my-room",
            [liveblocks_ureq::models::rooms::RoomPermission::RoomWrite],
        )
        .metadata("color", "blue")
        .send()
        .unwrap();
    assert_eq!(room.id, "my-room");
    let seen = server.only_request();
    assert_eq!(seen.method, "POST");
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
fn untrusted_certificate_is_a_tls_error() {
    // tests/tls holds a `localhost` certificate signed by a throwaway test CA (valid
    // 2000-2125; the key protects nothing). The transport trusts the public web roots only.
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let certs = CertificateDer::pem_slice_iter(include_bytes!("tls/server.pem"))
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    let key = PrivateKeyDer::from_pem_slice(include_bytes!("tls/server.key")).unwrap();
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(certs, key)
    .unwrap();
    let config = Arc::new(config);
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let handshake = thread::spawn(move || {
        let (mut tcp, _) = listener.accept().unwrap();
        let mut tls = rustls::ServerConnection::new(config).unwrap();
        while tls.is_handshaking() {
            if tls.complete_io(&mut tcp).is_err() {
                break;
            }
        }
        tls.is_handshaking()
    });

    let config = Config::new("sk_test")
        .unwrap()
        .with_base_url(format!("https://localhost:{port}"))
        .unwrap();
    let err = Client::from_config(config)
        .unwrap()
        .get_room("r")
        .send()
        .unwrap_err();
    // A certificate problem is not transient: its own kind, never retried.
    assert_eq!(transport_kind(&err), TransportErrorKind::Tls, "{err:?}");
    assert!(!err.is_retryable());
    assert!(err.to_string().contains("UnknownIssuer"), "{err}");
    assert!(
        handshake.join().unwrap(),
        "the TLS handshake should not have completed"
    );
}

#[test]
fn transport_is_clone_send_sync() {
    fn check<T: Clone + Send + Sync + 'static>() {}
    check::<UreqTransport>();
    check::<Client>();
}

#[test]
fn retries_idempotent_requests_on_503_when_configured() {
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
    });
    let policy =
        liveblocks_ureq::retry::RetryPolicy::new(3).initial_delay(Duration::from_millis(10));
    let config = |server: &Server| {
        Config::new("sk_test")
            .unwrap()
            .with_base_url(server.url())
            .unwrap()
            .with_retry(policy)
    };
    let client = Client::from_config(config(&server)).unwrap();
    let room = client.get_room("my-room").send().unwrap();
    assert_eq!(room.id, "my-room");
    assert_eq!(*calls.lock().unwrap(), 3);

    // A POST that may have been applied is not sent twice.
    let posts = Server::start(|_| Reply::json(503, "{}"));
    let client = Client::from_config(config(&posts)).unwrap();
    let err = client
        .update_room("my-room")
        .metadata("k", "v")
        .send()
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(503));
    posts.only_request();

    // Without a policy, nothing is retried.
    let plain = Server::start(|_| Reply::json(503, "{}"));
    assert!(plain.client().get_room("my-room").send().is_err());
    plain.only_request();
}

// ---- The call pipeline (core's), through ureq ----

fn config_of(server: &Server) -> Config {
    Config::new("sk_test")
        .unwrap()
        .with_base_url(server.url())
        .unwrap()
}

#[test]
fn deadline_bounds_the_whole_call_with_retries() {
    let server = Server::start(|_| Reply {
        delay: Duration::from_secs(3),
        ..Reply::json(200, ROOM)
    });
    let policy =
        liveblocks_ureq::retry::RetryPolicy::new(10).initial_delay(Duration::from_millis(50));
    let config = config_of(&server)
        .with_timeout(Duration::from_millis(200))
        .with_deadline(Duration::from_millis(600))
        .with_retry(policy);
    let client = Client::from_config(config).unwrap();
    let started = std::time::Instant::now();
    let err = client.get_room("my-room").send().unwrap_err();
    let took = started.elapsed();
    assert_eq!(transport_kind(&err), TransportErrorKind::Timeout, "{err}");
    assert!(
        took >= Duration::from_millis(400) && took < Duration::from_millis(1500),
        "the deadline of 600 ms ended the call after {took:?}"
    );
    let attempts = server.requests.lock().unwrap().len();
    assert!((2..=4).contains(&attempts), "{attempts} attempts");
    // The same client works afterwards.
    let ok = Server::start(|_| Reply::json(200, ROOM));
    let client = Client::from_config(config_of(&ok)).unwrap();
    assert_eq!(client.get_room("my-room").send().unwrap().id, "my-room");
}

#[test]
fn a_per_call_timeout_overrides_the_clients() {
    let server = Server::start(|_| Reply {
        delay: Duration::from_millis(400),
        ..Reply::json(200, ROOM)
    });
    let client =
        Client::from_config(config_of(&server).with_timeout(Duration::from_millis(100))).unwrap();
    let room = client
        .get_room("my-room")
        .with_timeout(Duration::from_secs(3))
        .send()
        .unwrap();
    assert_eq!(room.id, "my-room");
    let client =
        Client::from_config(config_of(&server).with_timeout(Duration::from_secs(10))).unwrap();
    let started = std::time::Instant::now();
    let err = client
        .get_room("my-room")
        .with_timeout(Duration::from_millis(100))
        .send()
        .unwrap_err();
    assert_eq!(transport_kind(&err), TransportErrorKind::Timeout, "{err}");
    assert!(
        started.elapsed() < Duration::from_millis(380),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_per_call_header_reaches_the_wire() {
    let server = Server::start(|_| Reply::json(200, ROOM));
    server
        .client()
        .get_room("my-room")
        .with_header("x-trace-id", "trace-123")
        .with_header("idempotency-key", "key-456")
        .send()
        .unwrap();
    let seen = server.only_request();
    assert_eq!(seen.header("x-trace-id"), Some("trace-123"));
    assert_eq!(seen.header("idempotency-key"), Some("key-456"));
}

#[test]
fn zero_durations_are_invalid_input_before_any_request() {
    let server = Server::start(|_| Reply::json(200, ROOM));
    let client = Client::from_config(config_of(&server).with_timeout(Duration::ZERO)).unwrap();
    let err = client.get_room("my-room").send().unwrap_err();
    assert!(err.is_invalid_input(), "{err:?}");
    let err = server
        .client()
        .get_room("my-room")
        .with_deadline(Duration::ZERO)
        .send()
        .unwrap_err();
    assert!(err.is_invalid_input(), "{err:?}");
    assert!(server.requests.lock().unwrap().is_empty());
}

#[test]
fn an_absurd_content_length_is_no_panic() {
    // A 404 announcing 2^64 - 1 bytes, then a short body and the end of the connection.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut buf = [0u8; 4096];
        let _ = stream.read(&mut buf);
        let _ = stream.write_all(
            b"HTTP/1.1 404 Not Found\r\ncontent-type: application/json\r\n\
              content-length: 18446744073709551615\r\n\r\n{\"error\":\"x\"}",
        );
    });
    let config = Config::new("sk_test")
        .unwrap()
        .with_base_url(format!("http://{addr}"))
        .unwrap()
        .with_timeout(Duration::from_secs(5));
    // Whatever ureq makes of it, the call ends with an error, not a panic or a hang.
    let result = liveblocks_ureq::Client::from_config(config)
        .unwrap()
        .get_room("r")
        .send();
    assert!(result.is_err(), "{result:?}");
}
