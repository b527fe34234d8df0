//! Bring your own HTTP stack: `liveblocks_core::Client` over `reqwest`.
//!
//! A transport only sends one request and sleeps; retries, the per-attempt timeout, the
//! overall deadline and per-call headers run in `liveblocks-core`, exactly as with the shipped
//! adapters. Run it against the local dev server:
//!
//! ```sh
//! npx liveblocks dev --random-port --no-check --cmd "cargo run -p liveblocks-example-reqwest"
//! ```
#![forbid(unsafe_code)]

use std::time::Duration;

use liveblocks_core::bytes::Bytes;
use liveblocks_core::models::rooms::RoomPermission;
use liveblocks_core::retry::RetryPolicy;
use liveblocks_core::transport::{HttpRequest, HttpResponse, Limits};
use liveblocks_core::{Client, Config, Transport, TransportError, TransportErrorKind};

/// A [`Transport`] over a shared `reqwest::Client` (cheap to clone, pooled).
#[derive(Clone)]
struct ReqwestTransport {
    http: reqwest::Client,
}

impl ReqwestTransport {
    fn new() -> Result<Self, reqwest::Error> {
        let http = reqwest::Client::builder()
            // Core reads 3xx answers as errors; never follow them with the key.
            .redirect(reqwest::redirect::Policy::none())
            .build()?;
        Ok(ReqwestTransport { http })
    }
}

#[liveblocks_core::async_trait::async_trait]
impl Transport for ReqwestTransport {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        // What core allots this attempt: its time and the largest body to accept.
        let limits = Limits::of(&request);
        let request = reqwest::Request::try_from(request)
            .map_err(|e| TransportError::with_source(TransportErrorKind::InvalidRequest, e))?;
        let mut response = self
            .http
            .execute(request)
            .await
            .map_err(|e| TransportError::with_source(kind(&e), e))?;
        let mut parts = http_parts(&response);
        // Read the body chunk by chunk, so a huge answer fails at the cap, not after it.
        let mut body = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| TransportError::with_source(kind(&e), e))?
        {
            if (body.len() + chunk.len()) as u64 > limits.max_response_bytes {
                return Err(TransportError::new(
                    TransportErrorKind::TooLarge,
                    format!(
                        "the answer is larger than {} bytes",
                        limits.max_response_bytes
                    ),
                ));
            }
            body.extend_from_slice(&chunk);
        }
        *parts.body_mut() = Bytes::from(body);
        Ok(parts)
    }

    async fn sleep(&self, duration: Duration) {
        tokio::time::sleep(duration).await;
    }
}

/// The status and headers of a reqwest response as an `http::Response` (body filled later).
fn http_parts(response: &reqwest::Response) -> HttpResponse {
    let mut out = HttpResponse::new(Bytes::new());
    *out.status_mut() = response.status();
    *out.headers_mut() = response.headers().clone();
    out
}

/// Sorts reqwest's errors into core's kinds, which decide what is retried.
fn kind(error: &reqwest::Error) -> TransportErrorKind {
    if error.is_timeout() {
        TransportErrorKind::Timeout
    } else if error.is_connect() {
        TransportErrorKind::Connect
    } else if error.is_builder() || error.is_request() {
        TransportErrorKind::InvalidRequest
    } else {
        TransportErrorKind::Other
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    // reqwest is built without a default TLS provider; use ring, as the other adapters do.
    let _ = rustls::crypto::ring::default_provider().install_default();

    let config = Config::from_env()? // LIVEBLOCKS_SECRET_KEY, LIVEBLOCKS_BASE_URL
        .with_timeout(Duration::from_secs(10))
        .with_retry(RetryPolicy::new(2));
    let client = Client::with_transport(config, ReqwestTransport::new()?);

    let room_id = format!("reqwest-example-{}", std::process::id());
    let room = client
        .create_room(&room_id, [RoomPermission::RoomWrite])
        .metadata("via", "reqwest")
        .with_header("x-request-id", "example-1")
        .await?;
    println!("created {} through reqwest", room.id);

    let read = client
        .get_room(&room_id)
        .with_timeout(Duration::from_secs(5))
        .await?;
    println!("read it back: metadata {:?}", read.metadata);

    client.delete_room(&room_id).await?;
    match client.get_room(&room_id).await {
        Err(e) if e.is_not_found() => println!("deleted: {e}"),
        Err(e) => return Err(e.into()),
        Ok(room) => return Err(format!("{} still exists", room.id).into()),
    }
    Ok(())
}
