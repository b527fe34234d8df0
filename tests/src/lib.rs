//! Helpers shared by the live suites in `tests/tests/`.
//!
//! The suites need a running server. They never skip: a missing variable is a panic that says
//! how to start the server, so a misconfigured run fails instead of passing empty.
//!
//! - `devserver/` reads `LIVEBLOCKS_BASE_URL` and `LIVEBLOCKS_SECRET_KEY`, which
//!   `npx liveblocks dev --cmd "..."` sets for the command it runs.
//! - `prism.rs` reads `PRISM_URL` (`prism mock --errors` on the derived spec) and
//!   `PRISM_PLAIN_URL` (the same without `--errors`), `prism_dynamic.rs` reads
//!   `PRISM_DYNAMIC_URL` (`prism mock -d`); `scripts/test.sh` starts all three.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod faults;

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use liveblocks_core::config::{ENV_BASE_URL, ENV_SECRET_KEY};
use liveblocks_core::Config;

/// Reads a required environment variable, or panics with `how` (how to provide it).
pub fn require_env(name: &str, how: &str) -> String {
    match std::env::var(name) {
        Ok(value) if !value.trim().is_empty() => value,
        _ => panic!("the environment variable {name} is not set: {how}"),
    }
}

/// How to run the dev-server suite, for panic messages.
pub const DEVSERVER_HOW: &str = "run this suite through the dev server: \
    npx liveblocks dev --random-port --no-check --cmd \"cargo test -p liveblocks-tests --test devserver\" \
    (or ./scripts/test.sh)";

/// The dev server's base URL (`LIVEBLOCKS_BASE_URL`); panics if it is not set.
pub fn devserver_base_url() -> String {
    require_env(ENV_BASE_URL, DEVSERVER_HOW)
}

/// The config for the dev server, from `LIVEBLOCKS_BASE_URL` and `LIVEBLOCKS_SECRET_KEY`;
/// panics if either is missing or invalid.
pub fn devserver_config() -> Config {
    let secret = require_env(ENV_SECRET_KEY, DEVSERVER_HOW);
    let base_url = devserver_base_url();
    Config::new(secret)
        .and_then(|config| config.with_base_url(&base_url))
        .unwrap_or_else(|e| panic!("invalid dev server settings ({base_url}): {e}"))
}

/// A room ID no other test (in this run or an earlier one) uses: `rs-<label>-<time>-<n>`.
pub fn unique_room_id(label: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!("rs-{label}-{}-{nanos:x}-{n}", std::process::id())
}

/// Gives the transport type of a client type, so tests can name
/// `liveblocks_hyper::Client`'s transport without spelling it.
pub trait ClientTransport {
    /// The transport.
    type Transport;
}

impl<T> ClientTransport for liveblocks_core::Client<T> {
    type Transport = T;
}

/// Decodes unpadded base64url (RFC 4648 §5, the alphabet JWTs use); `None` for any other
/// character or an impossible length. Padding (`=`) at the end is accepted and ignored.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    fn value(c: u8) -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        } as u32)
    }
    let text = text.trim_end_matches('=').as_bytes();
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.chunks(4) {
        let mut bits = 0u32;
        for &c in chunk {
            bits = (bits << 6) | value(c)?;
        }
        // 2, 3 or 4 characters carry 1, 2 or 3 bytes; shift them to the top of 24 bits.
        bits <<= 6 * (4 - chunk.len() as u32);
        let bytes = bits.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Some(out)
}

/// A JWT split into its decoded header and payload, and its signature as sent (base64url).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jwt {
    /// The decoded header (JSON bytes).
    pub header: Vec<u8>,
    /// The decoded payload (JSON bytes).
    pub payload: Vec<u8>,
    /// The third part, still encoded (empty for an unsigned token).
    pub signature: String,
}

/// Splits `token` at its two dots and decodes the header and payload; `None` if it isn't
/// three parts or a part isn't base64url.
pub fn decode_jwt(token: &str) -> Option<Jwt> {
    let mut parts = token.split('.');
    let (header, payload, signature) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    Some(Jwt {
        header: base64url_decode(header)?,
        payload: base64url_decode(payload)?,
        signature: signature.to_owned(),
    })
}

/// An open WebSocket connection: the handshake only, no frames. The server counts it as a
/// session (a connected user) until it is dropped.
#[derive(Debug)]
pub struct WebSocketSession {
    stream: std::net::TcpStream,
    /// The handshake answer's status line, such as `HTTP/1.1 101 Switching Protocols`.
    pub status_line: String,
}

impl WebSocketSession {
    /// Opens `path_and_query` (e.g. `/v8?roomId=...&tok=...`) on the `http://` server at
    /// `base_url` and reads the handshake answer's headers.
    pub fn open(base_url: &str, path_and_query: &str) -> std::io::Result<Self> {
        use std::io::{Error, ErrorKind, Read, Write};

        let authority = base_url
            .strip_prefix("http://")
            .map(|rest| rest.split('/').next().unwrap_or(rest))
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::InvalidInput,
                    format!("{base_url} is not an http:// URL"),
                )
            })?;
        let mut stream = std::net::TcpStream::connect(authority)?;
        stream.set_read_timeout(Some(std::time::Duration::from_secs(10)))?;
        // Any 16 bytes, base64-encoded, make a valid key; the answer isn't checked here.
        write!(
            stream,
            "GET {path_and_query} HTTP/1.1\r\nHost: {authority}\r\nUpgrade: websocket\r\n\
             Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\
             Sec-WebSocket-Version: 13\r\n\r\n"
        )?;
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") {
            if stream.read(&mut byte)? == 0 {
                break;
            }
            head.push(byte[0]);
        }
        let head = String::from_utf8_lossy(&head);
        let status_line = head.lines().next().unwrap_or_default().to_owned();
        Ok(WebSocketSession {
            stream,
            status_line,
        })
    }

    /// Closes the connection (dropping the session does the same).
    pub fn close(self) {
        let _ = self.stream.shutdown(std::net::Shutdown::Both);
    }
}
