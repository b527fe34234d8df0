//! Webhooks over real sockets: a Node script signs requests the way Liveblocks does (and
//! checks `@liveblocks/node`'s `WebhookHandler` accepts them), POSTs them to a receiver in this
//! test, which verifies them with `liveblocks_core::webhooks`. One receiver per adapter
//! flavour: async (tokio + hyper, as with `liveblocks-hyper`) and blocking (std sockets, as
//! with `liveblocks-ureq`).
//!
//! ```sh
//! cargo test -p liveblocks-tests --test webhooks_live -- --nocapture
//! ```

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::Command;

use liveblocks_core::webhooks::{WebhookEvent, WebhookHandler};

const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

fn post_with_node(url: &str) -> std::process::Output {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    Command::new(std::env::var("NODE").unwrap_or_else(|_| "node".into()))
        .arg("tests/oracles/post-webhooks.mjs")
        .arg(url)
        .arg(SECRET)
        .current_dir(root)
        .output()
        .expect("cannot run node (set NODE)")
}

/// 200 and the event type when verified, 401 otherwise.
fn answer(handler: &WebhookHandler, request: &http::Request<Vec<u8>>) -> (u16, String) {
    match handler.verify_request(request, liveblocks_core::models::Timestamp::now()) {
        Ok(event) => {
            assert!(!matches!(event, WebhookEvent::Unknown(_)));
            (200, event.event_type().to_owned())
        }
        Err(e) => (401, e.to_string()),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hyper_receiver_verifies_node_signed_webhooks() {
    use http_body_util::{BodyExt, Full};
    use hyper::body::Bytes;

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/webhooks", listener.local_addr().unwrap());
    let handler = std::sync::Arc::new(WebhookHandler::new(SECRET).unwrap());
    let server = tokio::spawn(async move {
        loop {
            let (stream, _) = listener.accept().await.unwrap();
            let handler = handler.clone();
            tokio::spawn(async move {
                let service = hyper::service::service_fn(
                    move |req: hyper::Request<hyper::body::Incoming>| {
                        let handler = handler.clone();
                        async move {
                            let (parts, body) = req.into_parts();
                            let body = body.collect().await?.to_bytes().to_vec();
                            let (status, text) =
                                answer(&handler, &http::Request::from_parts(parts, body));
                            let mut response = hyper::Response::new(Full::new(Bytes::from(text)));
                            *response.status_mut() = hyper::StatusCode::from_u16(status).unwrap();
                            Ok::<_, hyper::Error>(response)
                        }
                    },
                );
                let io = hyper_util::rt::TokioIo::new(stream);
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(io, service)
                    .await;
            });
        }
    });
    let output = tokio::task::spawn_blocking(move || post_with_node(&url))
        .await
        .unwrap();
    server.abort();
    print!("{}", String::from_utf8_lossy(&output.stdout));
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn blocking_receiver_verifies_node_signed_webhooks() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/webhooks", listener.local_addr().unwrap());
    let handler = WebhookHandler::new(SECRET).unwrap();
    let node = std::thread::spawn(move || post_with_node(&url));
    let mut served = 0;
    // One request per connection (we answer `connection: close`); stop
    // once all 9 requests are served or Node has exited (a failure it reports itself).
    listener.set_nonblocking(true).unwrap();
    while served < 9 && !node.is_finished() {
        let stream = match listener.accept() {
            Ok((stream, _)) => stream,
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                std::thread::sleep(std::time::Duration::from_millis(10));
                continue;
            }
            Err(e) => panic!("accept: {e}"),
        };
        stream.set_nonblocking(false).unwrap();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut stream = stream;
        // One request per connection (`connection: close`).
        'connection: {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                break 'connection;
            }
            let mut parts = line.split_whitespace();
            let mut builder = http::Request::builder()
                .method(parts.next().unwrap())
                .uri(parts.next().unwrap());
            let mut length = 0;
            loop {
                let mut header = Vec::new();
                reader.read_until(b'\n', &mut header).unwrap();
                let header = header.strip_suffix(b"\r\n").unwrap_or(&header).to_vec();
                if header.is_empty() {
                    break;
                }
                let colon = header.iter().position(|&b| b == b':').unwrap();
                let name = String::from_utf8(header[..colon].to_vec()).unwrap();
                let value = header[colon + 1..].trim_ascii().to_vec();
                if name.eq_ignore_ascii_case("content-length") {
                    length = String::from_utf8_lossy(&value).parse().unwrap();
                }
                builder = builder.header(name, http::HeaderValue::from_bytes(&value).unwrap());
            }
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap();
            let (status, text) = answer(&handler, &builder.body(body).unwrap());
            write!(
                stream,
                "HTTP/1.1 {status} X\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{text}",
                text.len()
            )
            .unwrap();
            served += 1;
        }
    }
    let output = node.join().unwrap();
    print!("{}", String::from_utf8_lossy(&output.stdout));
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
