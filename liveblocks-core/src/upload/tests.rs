//! The drivers against an in-memory server that implements both upload APIs (single, create,
//! part, complete, abort), counts parts in flight, and fails the parts it is told to.

use std::collections::{BTreeMap, HashMap};
use std::future::IntoFuture;
use std::sync::{Arc, Mutex};
use std::task::Poll;
use std::time::Duration;

use bytes::Bytes;
use serde_json::{json, Value};

use super::source::{from_bytes, from_reader, from_stream};
use super::{AbortOutcome, Progress, Stage};
use crate::retry::RetryPolicy;
use crate::transport::{from_fn, HttpRequest, HttpResponse, TransportError};
use crate::{Client, Config, Transport};

const FILE: &str = "fl_abc123456789012345678";
const ATTACHMENT: &str = "at_abc123456789012345678";

#[derive(Default)]
struct State {
    /// `METHOD path?query` of every request.
    log: Vec<String>,
    /// Part uploads by upload ID.
    uploads: HashMap<String, BTreeMap<u32, Bytes>>,
    /// Finished files by ID.
    files: HashMap<String, Bytes>,
    /// Part number -> how many more times it fails with 503.
    failing: HashMap<u32, u32>,
    in_flight: usize,
    max_in_flight: usize,
    next_upload: u32,
}

#[derive(Clone, Default)]
struct Fake(Arc<Mutex<State>>);

fn respond(status: u16, body: Value) -> HttpResponse {
    http::Response::builder()
        .status(status)
        .body(Bytes::from(body.to_string()))
        .unwrap()
}

impl Fake {
    fn failing(parts: &[(u32, u32)]) -> Self {
        let fake = Fake::default();
        fake.0.lock().unwrap().failing = parts.iter().copied().collect();
        fake
    }

    fn log(&self) -> Vec<String> {
        self.0.lock().unwrap().log.clone()
    }

    fn count(&self, prefix: &str) -> usize {
        self.log().iter().filter(|l| l.starts_with(prefix)).count()
    }

    fn file(&self, id: &str) -> Option<Bytes> {
        self.0.lock().unwrap().files.get(id).cloned()
    }

    fn handle(&self, request: &HttpRequest) -> HttpResponse {
        let mut s = self.0.lock().unwrap();
        let uri = request.uri();
        let method = request.method().as_str();
        s.log.push(format!("{method} {uri}"));
        let path: Vec<&str> = uri.path().split('/').skip(2).collect();
        // rooms/{room}/storage/files/{id}/... or rooms/{room}/attachments/{id}/...
        let (id, rest) = match path.as_slice() {
            ["rooms", _, "storage", "files", id, rest @ ..] => (*id, rest),
            ["rooms", _, "attachments", id, rest @ ..] => (*id, rest),
            _ => return respond(404, json!({"error": "NOT_FOUND"})),
        };
        let file = |name: &str, size: usize| {
            if id.starts_with("fl_") {
                json!({"id": id, "name": name, "size": size, "mimeType": "application/octet-stream"})
            } else {
                json!({"type": "attachment", "id": id, "name": name, "size": size, "mimeType": "application/octet-stream"})
            }
        };
        let body = request.body().clone();
        match (method, rest) {
            ("PUT", ["upload", name]) => {
                let size = body.len();
                s.files.insert(id.to_owned(), body);
                respond(200, file(name, size))
            }
            ("POST", ["multipart", _name]) => {
                s.next_upload += 1;
                let upload_id = format!("up-{}", s.next_upload);
                s.uploads.insert(upload_id.clone(), BTreeMap::new());
                respond(
                    200,
                    json!({"fileId": id, "attachmentId": id, "uploadId": upload_id}),
                )
            }
            ("PUT", ["multipart", upload_id, number]) => {
                let number: u32 = number.parse().unwrap();
                if let Some(left) = s.failing.get_mut(&number).filter(|left| **left > 0) {
                    *left -= 1;
                    return respond(503, json!({"error": "UNAVAILABLE"}));
                }
                let Some(parts) = s.uploads.get_mut(*upload_id) else {
                    return respond(404, json!({"error": "NO_SUCH_UPLOAD"}));
                };
                let etag = format!("etag-{number}-{}", body.len());
                parts.insert(number, body);
                respond(200, json!({"partNumber": number, "etag": etag}))
            }
            ("POST", ["multipart", upload_id, "complete"]) => {
                let Some(parts) = s.uploads.remove(*upload_id) else {
                    return respond(404, json!({"error": "NO_SUCH_UPLOAD"}));
                };
                let listed: Value = serde_json::from_slice(&body).unwrap();
                let mut whole = Vec::new();
                for (i, part) in listed["parts"].as_array().unwrap().iter().enumerate() {
                    let number = part["partNumber"].as_u64().unwrap() as u32;
                    assert_eq!(number as usize, i + 1, "parts listed in order");
                    let data = &parts[&number];
                    assert_eq!(part["etag"], format!("etag-{number}-{}", data.len()));
                    whole.extend_from_slice(data);
                }
                assert_eq!(listed["parts"].as_array().unwrap().len(), parts.len());
                let size = whole.len();
                s.files.insert(id.to_owned(), Bytes::from(whole));
                respond(200, file("big.bin", size))
            }
            ("DELETE", ["multipart", upload_id]) => match s.uploads.remove(*upload_id) {
                Some(_) => respond(204, Value::Null),
                None => respond(404, json!({"error": "NO_SUCH_UPLOAD"})),
            },
            _ => respond(405, json!({"error": "METHOD"})),
        }
    }

    fn blocking(&self) -> Client<impl Fn(HttpRequest) -> Result<HttpResponse, TransportError>> {
        let fake = self.clone();
        Client::with_transport(Config::new("sk_test").unwrap(), move |r: HttpRequest| {
            Ok(fake.handle(&r))
        })
    }

    /// An async client whose requests take a few polls each (so parts overlap), and whose
    /// part `hang` never answers.
    fn async_client(&self, hang: Option<u32>) -> Client<impl Transport> {
        let fake = self.clone();
        let send = move |request: HttpRequest| {
            let fake = fake.clone();
            async move {
                let part = request
                    .uri()
                    .path()
                    .rsplit('/')
                    .next()
                    .unwrap_or("")
                    .to_owned();
                if hang.is_some_and(|h| part == h.to_string()) && request.method() == "PUT" {
                    futures::future::pending::<()>().await;
                }
                {
                    let mut s = fake.0.lock().unwrap();
                    s.in_flight += 1;
                    s.max_in_flight = s.max_in_flight.max(s.in_flight);
                }
                for _ in 0..3 {
                    yield_now().await;
                }
                fake.0.lock().unwrap().in_flight -= 1;
                Ok::<_, TransportError>(fake.handle(&request))
            }
        };
        // Retry waits (short) pass at once; attempt timers (60 s) never fire.
        let sleep = |d: Duration| async move {
            if d >= Duration::from_secs(1) {
                futures::future::pending::<()>().await;
            }
        };
        Client::with_transport(Config::new("sk_test").unwrap(), from_fn(send, sleep))
    }
}

async fn yield_now() {
    let mut yielded = false;
    futures::future::poll_fn(|cx| {
        if yielded {
            Poll::Ready(())
        } else {
            yielded = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    })
    .await
}

fn data(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 31 % 251) as u8).collect()
}

fn quick_retry(retries: u32) -> RetryPolicy {
    RetryPolicy::new(retries).initial_delay(Duration::from_millis(1))
}

/// Sizes around the threshold, through both drivers and every source kind: single up to
/// the part size, multipart above; the stored bytes are the source's; progress ends at the
/// total.
#[test]
fn sizes_around_the_threshold() {
    const PART: usize = 8;
    for len in [0, 1, PART - 1, PART, PART + 1, 3 * PART, 3 * PART + 5] {
        let multipart = len > PART;
        let content = data(len);
        // Blocking, from a reader, size unknown.
        let fake = Fake::default();
        let mut progress = Vec::new();
        let out = fake
            .blocking()
            .upload_storage_file_from("r", FILE, "big.bin", from_reader(&content[..]))
            .part_size(PART as u64)
            .on_progress(|p| progress.push(p))
            .send()
            .unwrap();
        assert_eq!(out.size, len as u64);
        assert_eq!(fake.file(FILE).unwrap(), content, "blocking {len}");
        assert_eq!(fake.count("POST"), if multipart { 2 } else { 0 }, "{len}");
        assert_eq!(fake.count("PUT"), len.div_ceil(PART).max(1), "{len}");
        assert_eq!(progress.last().unwrap().sent, len as u64);
        assert!(progress.windows(2).all(|w| w[0].sent < w[1].sent));
        if !multipart {
            assert!(
                fake.log()[0].contains(&format!("fileSize={len}")),
                "{:?}",
                fake.log()
            );
        }

        // Async, from a stream of odd-sized chunks and from bytes (size known).
        let fake = Fake::default();
        let client = fake.async_client(None);
        let chunks: Vec<Result<Bytes, std::io::Error>> = content
            .chunks(3)
            .map(|c| Ok(Bytes::copy_from_slice(c)))
            .collect();
        let upload = client
            .upload_storage_file_from(
                "r",
                FILE,
                "big.bin",
                from_stream(futures::stream::iter(chunks)),
            )
            .part_size(PART as u64);
        futures::executor::block_on(upload.into_future()).unwrap();
        assert_eq!(fake.file(FILE).unwrap(), content, "async stream {len}");
        let fake = Fake::default();
        let last = Arc::new(Mutex::new(None));
        let seen = Arc::clone(&last);
        let upload = fake
            .async_client(None)
            .upload_attachment_from(
                "r",
                ATTACHMENT,
                "big.bin",
                "alice",
                from_bytes(content.clone()),
            )
            .part_size(PART as u64)
            .on_progress(move |p: Progress| *seen.lock().unwrap() = Some(p));
        let out = futures::executor::block_on(upload.into_future()).unwrap();
        assert_eq!(out.size, len as i64);
        let last = last.lock().unwrap().unwrap();
        assert_eq!((last.sent, last.total), (len as u64, Some(len as u64)));
        assert_eq!(
            fake.file(ATTACHMENT).unwrap(),
            content,
            "async attachment {len}"
        );
        if multipart {
            assert!(
                fake.log()[0].contains(&format!("fileSize={len}")),
                "{:?}",
                fake.log()
            );
            let complete = fake
                .log()
                .into_iter()
                .find(|l| l.contains("complete"))
                .unwrap();
            assert!(complete.contains("userId=alice"), "{complete}");
        }
    }
}

/// Several parts in flight on async transports, never more than the limit.
#[test]
fn async_parts_overlap_up_to_the_limit() {
    for limit in [1, 3, 5] {
        let fake = Fake::default();
        let upload = fake
            .async_client(None)
            .upload_storage_file_from("r", FILE, "big.bin", from_bytes(data(100)))
            .part_size(10)
            .parts_in_flight(limit);
        futures::executor::block_on(upload.into_future()).unwrap();
        let max = fake.0.lock().unwrap().max_in_flight;
        assert_eq!(max, limit, "limit {limit}");
        assert_eq!(fake.file(FILE).unwrap(), data(100));
    }
}

/// A part that fails twice with 503 is retried and the upload succeeds.
#[test]
fn a_transient_part_failure_is_retried() {
    let fake = Fake::failing(&[(2, 2)]);
    let out = fake
        .blocking()
        .upload_storage_file_from("r", FILE, "big.bin", from_bytes(data(30)))
        .part_size(10)
        .retry(quick_retry(3))
        .send()
        .unwrap();
    assert_eq!(out.size, 30);
    assert_eq!(fake.count("PUT https://api.liveblocks.io/v2/rooms/r/storage/files/fl_abc123456789012345678/multipart/up-1/2"), 3);
}

fn assert_aborted_at_part_3(fake: &Fake, error: &super::UploadError, retries: u32) {
    assert_eq!(error.stage, Stage::Part(3), "{error}");
    assert!(error.is_aborted(), "{error}");
    assert_eq!(error.upload_id.as_deref(), Some("up-1"));
    assert_eq!(
        error.error().and_then(|e| e.status()).map(|s| s.as_u16()),
        Some(503)
    );
    let part3 = fake
        .log()
        .iter()
        .filter(|l| l.starts_with("PUT") && l.ends_with("/3"))
        .count();
    assert_eq!(part3 as u32, retries + 1);
    assert_eq!(fake.count("DELETE"), 1, "{:?}", fake.log());
    assert_eq!(fake.count("POST"), 1, "never completed: {:?}", fake.log());
    assert!(
        fake.0.lock().unwrap().uploads.is_empty(),
        "nothing left on the server"
    );
    assert!(error.to_string().contains("aborted"), "{error}");
}

/// A part that keeps failing ends the upload with a typed error, after its retries, and
/// the multipart upload is aborted (blocking and async).
#[test]
fn a_permanent_part_failure_aborts() {
    let fake = Fake::failing(&[(3, u32::MAX)]);
    let error = fake
        .blocking()
        .upload_storage_file_from("r", FILE, "big.bin", from_bytes(data(50)))
        .part_size(10)
        .retry(quick_retry(2))
        .send()
        .unwrap_err();
    assert_aborted_at_part_3(&fake, &error, 2);
    assert!(crate::Error::from(error).is_retryable());

    let fake = Fake::failing(&[(3, u32::MAX)]);
    let upload = fake
        .async_client(None)
        .upload_storage_file_from("r", FILE, "big.bin", from_bytes(data(50)))
        .part_size(10)
        .parts_in_flight(2)
        .retry(quick_retry(1));
    let handle = upload.handle();
    let error = futures::executor::block_on(upload.into_future()).unwrap_err();
    assert_aborted_at_part_3(&fake, &error, 1);
    assert_eq!(handle.upload_id(), None, "the error path already aborted");
}

/// A source shorter or longer than the declared size fails, and aborts what was created.
#[test]
fn the_declared_size_is_checked() {
    let fake = Fake::default();
    let error = fake
        .blocking()
        .upload_storage_file_from("r", FILE, "big.bin", from_reader(&data(25)[..]))
        .file_size(40)
        .part_size(10)
        .send()
        .unwrap_err();
    assert_eq!(error.stage, Stage::Read);
    assert!(error.is_aborted(), "{error}");
    let fake = Fake::default();
    let error = fake
        .blocking()
        .upload_storage_file_from("r", FILE, "big.bin", from_reader(&data(5)[..]))
        .file_size(4)
        .part_size(10)
        .send()
        .unwrap_err();
    assert!(matches!(error.abort, AbortOutcome::NotNeeded));
    assert!(fake.log().is_empty(), "nothing sent: {:?}", fake.log());
    let bad = fake
        .blocking()
        .upload_storage_file_from("r", FILE, "x", from_bytes(&b"abc"[..]))
        .part_size(0)
        .send()
        .unwrap_err();
    assert_eq!(bad.stage, Stage::Options);
}

/// An async upload dropped mid-way leaves its multipart upload to the handle, which aborts
/// it (once).
#[test]
fn a_dropped_async_upload_is_aborted_through_its_handle() {
    let fake = Fake::default();
    let upload = fake
        .async_client(Some(2))
        .upload_storage_file_from("r", FILE, "big.bin", from_bytes(data(50)))
        .part_size(10);
    let handle = upload.handle();
    let mut future = upload.into_future();
    let waker = futures::task::noop_waker();
    let mut cx = std::task::Context::from_waker(&waker);
    for _ in 0..100 {
        assert!(future.as_mut().poll(&mut cx).is_pending());
    }
    drop(future);
    assert_eq!(handle.upload_id().as_deref(), Some("up-1"));
    assert_eq!(fake.count("DELETE"), 0);
    assert!(futures::executor::block_on(handle.abort()).unwrap());
    assert_eq!(fake.count("DELETE"), 1);
    assert!(fake.0.lock().unwrap().uploads.is_empty());
    assert!(!futures::executor::block_on(handle.abort()).unwrap());
    assert_eq!(fake.count("DELETE"), 1);
}

/// A blocking upload that unwinds (here: its progress callback panics) aborts in `Drop`.
#[test]
fn a_blocking_upload_that_unwinds_aborts() {
    let fake = Fake::default();
    let client = fake.blocking();
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        client
            .upload_storage_file_from("r", FILE, "big.bin", from_bytes(data(50)))
            .part_size(10)
            .on_progress(|p| assert!(p.sent < 20, "stop at the second part"))
            .send()
    }));
    assert!(result.is_err());
    assert_eq!(fake.count("DELETE"), 1, "{:?}", fake.log());
    assert!(fake.0.lock().unwrap().uploads.is_empty());
}

/// A failed create or single upload needs no abort; a bad ID is refused before any request.
#[test]
fn failures_before_a_multipart_upload_exists() {
    let fake = Fake::default();
    let error = fake
        .blocking()
        .upload_storage_file_from("r", "fl_bad", "x", from_bytes(data(50)))
        .part_size(10)
        .send()
        .unwrap_err();
    assert_eq!(error.stage, Stage::Create);
    assert!(error.error().unwrap().is_invalid_input());
    assert!(matches!(error.abort, AbortOutcome::NotNeeded));
    let error = fake
        .blocking()
        .upload_attachment_from("r", "at_bad", "x", "alice", from_bytes(data(5)))
        .send()
        .unwrap_err();
    assert_eq!(error.stage, Stage::Single);
    assert!(fake.log().is_empty());
}
