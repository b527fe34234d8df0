//! The `tracing` feature: one span per call with the operation's facts, attempts and status,
//! and never a secret. (Run with `--features tracing`; without it this module is empty.)
#![cfg(feature = "tracing")]

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use liveblocks_core::retry::RetryPolicy;
use liveblocks_core::transport::{HttpRequest, HttpResponse};
use liveblocks_core::{Client, Config, TransportError};
use tracing_subscriber::fmt::format::FmtSpan;

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn one_span_per_call_without_secrets() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_span_events(FmtSpan::CLOSE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();

    let calls = Arc::new(Mutex::new(0));
    let count = Arc::clone(&calls);
    let transport = move |_: HttpRequest| -> Result<HttpResponse, TransportError> {
        let mut calls = count.lock().unwrap();
        *calls += 1;
        let status = if *calls == 1 { 503 } else { 404 };
        Ok(http::Response::builder()
            .status(status)
            .body(Bytes::from_static(
                br#"{"error":"ROOM_NOT_FOUND","message":"secret-body"}"#,
            ))
            .unwrap())
    };
    let config = Config::new("sk_supersecret_123")
        .unwrap()
        .with_retry(RetryPolicy::new(2).initial_delay(Duration::from_millis(1)));
    let client = Client::with_transport(config, transport);
    tracing::subscriber::with_default(subscriber, || {
        let _ = client.get_room("my-room").send();
    });

    let output = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(output.contains("liveblocks.call"), "{output}");
    assert!(output.contains(r#"operation="get-room""#), "{output}");
    assert!(output.contains("method=GET"), "{output}");
    assert!(output.contains(r#"path="/rooms/{roomId}""#), "{output}");
    assert!(output.contains("attempts=2"), "{output}");
    assert!(output.contains("status=404"), "{output}");
    assert!(output.contains("retrying"), "{output}");
    assert!(
        output.contains("close"),
        "the span's close event (with its duration): {output}"
    );
    for secret in ["supersecret", "secret-body", "my-room"] {
        assert!(!output.contains(secret), "{secret} leaked: {output}");
    }
}
