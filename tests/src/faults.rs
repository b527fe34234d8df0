//! A misbehaving HTTP server on loopback, written on raw TCP so that it can send anything:
//! the fault-injection suite (`tests/tests/faults.rs`), the wasm fault scenario (through
//! `src/bin/fault-server.rs`, started by `tests/workerd/run.mjs`) and the soak benchmark
//! (`src/bin/soak.rs`) talk to it.
//!
//! The route is the last segment of the request path (the room ID of a `get_room` call);
//! what follows a `~` in it is a key for the routes that count requests (`503-then-ok~k`).
//!
//! | route | answer |
//! |---|---|
//! | `ok` | 200, a room (keep-alive) |
//! | `close-before` | reads the request, closes without answering |
//! | `reset-mid-body` | chunked 200, one chunk, then closes |
//! | `truncated` | 200 `Content-Length: 1000`, 100 bytes, closes |
//! | `stall-headers` | never answers (until the client goes) |
//! | `stall-body` | 200 headers and part of the body, then nothing |
//! | `garbage` | bytes that are not HTTP |
//! | `invalid-json` | 200, a cut JSON document |
//! | `wrong-shape` | 200, JSON that is no room |
//! | `too-large-length` | 200 `Content-Length` of 64 MiB, streamed |
//! | `too-large-chunked` | 200 chunked, no length, chunks until the client goes (1 GiB at most) |
//! | `huge-error` | 500 with a 8 MiB body |
//! | `huge-headers` | 200 with a 1 MiB header |
//! | `bad-chunk` | 200 chunked with a chunk size that is not hex |
//! | `429-small` | 429 `Retry-After: 1` on the first request of its key, then a room |
//! | `429-huge` | 429 `Retry-After: 86400`, always |
//! | `503-then-ok` | 503 on the first two requests of its key, then a room |
//! | `redirect-301`, `redirect-307` | a redirect to the `ok` route of another port |
//! | `keepalive-drop` | 200 room with keep-alive, then closes the connection anyway |
//! | `gzip-bomb` | 200 `Content-Encoding: gzip`, a stream of zeros that inflates to 1 GiB |
//! | `gzip-ok` | 200 `Content-Encoding: gzip`, a room |
//! | `rooms` (the `get_rooms` path) | 200, a page of 100 rooms, gzipped if the client accepts it |
//! | `secret`, `authorize-user`, `identify-user`, `roll` | 200 `{"secretKey": "sk_leaked...", "token": {"value": "sk_leaked..."}}`: decodes as none of them |

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// A room, as the API sends it.
pub const ROOM: &str = r#"{"type":"room","id":"ok","organizationId":"default","createdAt":"2024-05-01T10:00:00.000Z","defaultAccesses":["room:write"],"usersAccesses":{},"groupsAccesses":{},"metadata":{}}"#;

/// The secret the `secret` route leaks, for the secrets checks.
pub const LEAKED_SECRET: &str = "sk_leaked_0123456789abcdef";

/// A running fault server (it runs until the process ends).
#[derive(Debug, Clone)]
pub struct FaultServer {
    addr: SocketAddr,
    /// Requests seen by the redirect target (must stay 0: redirects are not followed).
    pub redirect_target_hits: Arc<AtomicU64>,
    /// Every request served, for the soak benchmark.
    pub requests: Arc<AtomicU64>,
}

impl FaultServer {
    /// Starts the server (and its redirect target) on loopback ports chosen by the OS.
    pub fn start() -> std::io::Result<FaultServer> {
        let target = TcpListener::bind("127.0.0.1:0")?;
        let target_addr = target.local_addr()?;
        let redirect_target_hits = Arc::new(AtomicU64::new(0));
        let hits = redirect_target_hits.clone();
        let target_state = State::new(target_addr, Arc::new(AtomicU64::new(0)));
        thread::spawn(move || {
            for stream in target.incoming().flatten() {
                hits.fetch_add(1, Ordering::SeqCst);
                let state = target_state.clone();
                thread::spawn(move || serve(stream, &state));
            }
        });
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let addr = listener.local_addr()?;
        let requests = Arc::new(AtomicU64::new(0));
        let state = State::new(target_addr, requests.clone());
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let state = state.clone();
                thread::spawn(move || serve(stream, &state));
            }
        });
        Ok(FaultServer {
            addr,
            redirect_target_hits,
            requests,
        })
    }

    /// `http://127.0.0.1:PORT`, the base URL to configure.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

#[derive(Clone)]
struct State {
    redirect_target: SocketAddr,
    counts: Arc<Mutex<HashMap<String, u32>>>,
    requests: Arc<AtomicU64>,
}

impl State {
    fn new(redirect_target: SocketAddr, requests: Arc<AtomicU64>) -> State {
        State {
            redirect_target,
            counts: Arc::new(Mutex::new(HashMap::new())),
            requests,
        }
    }

    /// How many requests with this key came before, this one included.
    fn count(&self, key: &str) -> u32 {
        let mut counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        let n = counts.entry(key.to_owned()).or_insert(0);
        *n += 1;
        *n
    }
}

/// A request's path and whether it accepts gzip (its body, if any, is read and dropped).
struct Head {
    path: String,
    gzip: bool,
}

fn read_request(reader: &mut BufReader<TcpStream>) -> Option<Head> {
    let mut line = String::new();
    if reader.read_line(&mut line).ok()? == 0 {
        return None;
    }
    let path = line.split_whitespace().nth(1)?.to_owned();
    let mut length = 0usize;
    let mut gzip = false;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).ok()? == 0 {
            return None;
        }
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().unwrap_or(0);
            }
            if name.eq_ignore_ascii_case("accept-encoding") && value.contains("gzip") {
                gzip = true;
            }
        }
    }
    let mut body = vec![0; length.min(16 * 1024 * 1024)];
    reader.read_exact(&mut body).ok()?;
    Some(Head { path, gzip })
}

fn serve(stream: TcpStream, state: &State) {
    let _ = stream.set_nodelay(true);
    let Ok(write_half) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(stream);
    let mut out = write_half;
    while let Some(Head { path, gzip }) = read_request(&mut reader) {
        state.requests.fetch_add(1, Ordering::Relaxed);
        let segment = path
            .split('?')
            .next()
            .unwrap_or("")
            .rsplit('/')
            .next()
            .unwrap_or("")
            .to_owned();
        let segment = percent_decode(&segment);
        let route = segment.split('~').next().unwrap_or("").to_owned();
        if route == "rooms" {
            // A list page (`get_rooms`): for the compression measurement.
            let (body, encoding) = page(gzip);
            let mut headers = vec![json()];
            headers.extend(encoding.map(|e| ("content-encoding", e.to_owned())));
            if respond(&mut out, "200 OK", &headers, &body) {
                continue;
            }
            return;
        }
        match answer(&route, &segment, state, &mut out) {
            Ok(true) => continue,
            _ => return,
        }
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
            if let Ok(b) = u8::from_str_radix(hex, 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn respond(out: &mut TcpStream, status: &str, headers: &[(&str, String)], body: &[u8]) -> bool {
    let mut head = format!("HTTP/1.1 {status}\r\ncontent-length: {}\r\n", body.len());
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    out.write_all(head.as_bytes()).is_ok() && out.write_all(body).is_ok()
}

fn json() -> (&'static str, String) {
    ("content-type", "application/json".to_owned())
}

/// Answers one request; `Ok(true)` keeps the connection for the next one.
fn answer(route: &str, key: &str, state: &State, out: &mut TcpStream) -> std::io::Result<bool> {
    let zeros = [0u8; 64 * 1024];
    match route {
        "ok" => Ok(respond(out, "200 OK", &[json()], ROOM.as_bytes())),
        "close-before" => Ok(false),
        "reset-mid-body" => {
            out.write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n10\r\n{\"type\":\"room\",\"\r\n")?;
            Ok(false)
        }
        "truncated" => {
            out.write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n")?;
            out.write_all(&ROOM.as_bytes()[..100])?;
            Ok(false)
        }
        "stall-headers" => {
            stall(out);
            Ok(false)
        }
        "stall-body" => {
            out.write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{\"type\":")?;
            stall(out);
            Ok(false)
        }
        "garbage" => {
            out.write_all(
                b"SSH-2.0-OpenSSH_9.6\r\n\x00\x01\x02 this is not HTTP \xff\xfe\r\n\r\n",
            )?;
            Ok(false)
        }
        "invalid-json" => Ok(respond(out, "200 OK", &[json()], &ROOM.as_bytes()[..60])),
        "wrong-shape" => Ok(respond(out, "200 OK", &[json()], br#"{"hello":"world"}"#)),
        "secret" | "authorize-user" | "identify-user" | "roll" => {
            let body = format!(
                r#"{{"secretKey":"{LEAKED_SECRET}","token":{{"value":"{LEAKED_SECRET}"}}}}"#
            );
            Ok(respond(out, "200 OK", &[json()], body.as_bytes()))
        }
        "too-large-length" => {
            let total = 64 * 1024 * 1024;
            out.write_all(format!("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {total}\r\n\r\n").as_bytes())?;
            for _ in 0..total / zeros.len() {
                out.write_all(&zeros)?;
            }
            Ok(false)
        }
        "too-large-chunked" => {
            out.write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n")?;
            let chunk = format!("{:x}\r\n", zeros.len());
            for _ in 0..(1u64 << 30) / zeros.len() as u64 {
                out.write_all(chunk.as_bytes())?;
                out.write_all(&zeros)?;
                out.write_all(b"\r\n")?;
            }
            out.write_all(b"0\r\n\r\n")?;
            Ok(false)
        }
        "huge-error" => {
            let total = 8 * 1024 * 1024;
            out.write_all(format!("HTTP/1.1 500 Internal Server Error\r\ncontent-type: text/plain\r\ncontent-length: {total}\r\n\r\n").as_bytes())?;
            let line = [b'x'; 64 * 1024];
            for _ in 0..total / line.len() {
                out.write_all(&line)?;
            }
            Ok(false)
        }
        "huge-headers" => {
            out.write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nx-huge: ")?;
            let filler = [b'a'; 64 * 1024];
            for _ in 0..16 {
                out.write_all(&filler)?;
            }
            out.write_all(format!("\r\ncontent-length: {}\r\n\r\n{ROOM}", ROOM.len()).as_bytes())?;
            Ok(false)
        }
        "bad-chunk" => {
            out.write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n")?;
            Ok(false)
        }
        "429-small" => {
            if state.count(key) == 1 {
                Ok(respond(
                    out,
                    "429 Too Many Requests",
                    &[json(), ("retry-after", "1".into())],
                    br#"{"error":"RATE_LIMITED","message":"slow down"}"#,
                ))
            } else {
                Ok(respond(out, "200 OK", &[json()], ROOM.as_bytes()))
            }
        }
        "429-huge" => Ok(respond(
            out,
            "429 Too Many Requests",
            &[json(), ("retry-after", "86400".into())],
            br#"{"error":"RATE_LIMITED","message":"come back tomorrow"}"#,
        )),
        "503-then-ok" => {
            if state.count(key) <= 2 {
                Ok(respond(
                    out,
                    "503 Service Unavailable",
                    &[json()],
                    br#"{"error":"UNAVAILABLE","message":"try again"}"#,
                ))
            } else {
                Ok(respond(out, "200 OK", &[json()], ROOM.as_bytes()))
            }
        }
        "redirect-301" | "redirect-307" => {
            let status = if route.ends_with("301") {
                "301 Moved Permanently"
            } else {
                "307 Temporary Redirect"
            };
            let location = format!("http://{}/v2/rooms/ok", state.redirect_target);
            Ok(respond(out, status, &[("location", location)], b""))
        }
        "keepalive-drop" => {
            respond(out, "200 OK", &[json()], ROOM.as_bytes());
            let _ = out.flush();
            Ok(false)
        }
        "gzip-ok" => {
            let mut encoder =
                flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            encoder.write_all(ROOM.as_bytes())?;
            let body = encoder.finish()?;
            Ok(respond(
                out,
                "200 OK",
                &[json(), ("content-encoding", "gzip".into())],
                &body,
            ))
        }
        "gzip-bomb" => {
            out.write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-encoding: gzip\r\ntransfer-encoding: chunked\r\n\r\n")?;
            // Compressed as it is sent: the client stops long before 1 GiB.
            let mut encoder = flate2::write::GzEncoder::new(
                ChunkedWriter(out.try_clone()?),
                flate2::Compression::fast(),
            );
            let megabyte = vec![0u8; 1024 * 1024];
            for _ in 0..1024 {
                encoder.write_all(&megabyte)?;
            }
            let mut inner = encoder.finish()?;
            inner.0.write_all(b"0\r\n\r\n")?;
            Ok(false)
        }
        _ => Ok(respond(
            out,
            "404 Not Found",
            &[json()],
            br#"{"error":"ROOM_NOT_FOUND","message":"no such fault route"}"#,
        )),
    }
}

/// A page of 100 rooms with some metadata and accesses (about 40 KB of JSON), gzipped at the
/// default level when the client accepts gzip (as an API server or CDN would).
fn page(gzip: bool) -> (Vec<u8>, Option<&'static str>) {
    use std::sync::OnceLock;
    static PAGES: OnceLock<(Vec<u8>, Vec<u8>)> = OnceLock::new();
    let (plain, gzipped) = PAGES.get_or_init(|| {
        let rooms: Vec<String> = (0..100)
            .map(|i| {
                format!(
                    r#"{{"type":"room","id":"liveblocks:engineering:project-{i:04}","organizationId":"org_2Hk8sNqW","createdAt":"2024-05-01T10:00:{:02}.000Z","lastConnectionAt":"2024-06-11T08:14:{:02}.512Z","defaultAccesses":["room:read","room:presence:write"],"usersAccesses":{{"alice@example.com":["room:write"],"bob-{i}@example.com":["room:read","room:presence:write"]}},"groupsAccesses":{{"engineering":["room:write"]}},"metadata":{{"color":"blue","title":"Project {i} roadmap and planning","tags":["q3","planning","team-{}"]}}}}"#,
                    i % 60,
                    (i * 7) % 60,
                    i % 5
                )
            })
            .collect();
        let plain = format!(r#"{{"data":[{}],"nextCursor":null}}"#, rooms.join(",")).into_bytes();
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        let _ = encoder.write_all(&plain);
        let gzipped = encoder.finish().unwrap_or_default();
        (plain, gzipped)
    });
    if gzip {
        (gzipped.clone(), Some("gzip"))
    } else {
        (plain.clone(), None)
    }
}

/// Writes each write as one HTTP/1.1 chunk.
struct ChunkedWriter(TcpStream);

impl Write for ChunkedWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        self.0
            .write_all(format!("{:x}\r\n", buf.len()).as_bytes())?;
        self.0.write_all(buf)?;
        self.0.write_all(b"\r\n")?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// Holds the connection open without answering until the client goes (or 30 s).
fn stall(out: &mut TcpStream) {
    let _ = out.flush();
    let _ = out.set_read_timeout(Some(Duration::from_secs(30)));
    let mut byte = [0u8; 1];
    let _ = out.read(&mut byte);
}
