//! Shared helpers for the no-network tests: a recording closure transport, canned replies,
//! request assertions, and realistic response bodies (spec examples and what the local dev
//! server really sends).

// Each test file uses a different subset of these helpers.
#![allow(dead_code)]

use std::sync::{Arc, Mutex};

use bytes::Bytes;
use http::{Method, Request, Response};
use liveblocks_core::endpoint::{BodyKind, Operation};
use liveblocks_core::{ApiError, Client, Config, DecodeError, Endpoint, Error, TransportError};
use serde_json::Value;

/// The secret key every test config uses.
pub const SECRET: &str = "sk_test_0123456789abcdef";
/// The hosted API, the default base URL.
pub const BASE: &str = "https://api.liveblocks.io";
/// A room ID with every character that must not leak out of its path segment.
pub const ROOM: &str = "liveblocks:engineering/α #1?x";
/// [`ROOM`] percent-encoded as one path segment.
pub const ROOM_ENC: &str = "liveblocks%3Aengineering%2F%CE%B1%20%231%3Fx";

/// The config every test uses unless it says otherwise.
pub fn config() -> Config {
    Config::new(SECRET).expect("the test secret is valid")
}

/// A blocking transport: any closure from request to response.
pub type Transport = Box<dyn Fn(Request<Bytes>) -> Result<Response<Bytes>, TransportError>>;
/// A client over the recording transport.
pub type MockClient = Client<Transport>;

/// A canned response the mock transport answers every request with.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Bytes,
}

impl Reply {
    /// A JSON body, with the content type the dev server sends.
    pub fn json(status: u16, body: &str) -> Self {
        Reply::with_type(status, "application/json; charset=utf-8", body.as_bytes())
    }

    /// A JSON body built with `json!`.
    pub fn value(status: u16, body: Value) -> Self {
        Reply::json(status, &body.to_string())
    }

    /// No body and no content type (a 204, or a bare proxy error).
    pub fn empty(status: u16) -> Self {
        Reply {
            status,
            headers: Vec::new(),
            body: Bytes::new(),
        }
    }

    /// Raw bytes with `application/octet-stream`.
    pub fn binary(status: u16, body: &[u8]) -> Self {
        Reply::with_type(status, "application/octet-stream", body)
    }

    /// Any body with the given content type.
    pub fn with_type(status: u16, content_type: &str, body: &[u8]) -> Self {
        Reply {
            status,
            headers: vec![("content-type", content_type.to_owned())],
            body: Bytes::copy_from_slice(body),
        }
    }

    /// Adds a response header.
    pub fn header(mut self, name: &'static str, value: &str) -> Self {
        self.headers.push((name, value.to_owned()));
        self
    }

    /// The `http::Response` this reply stands for.
    pub fn to_response(&self) -> Response<Bytes> {
        let mut builder = Response::builder().status(self.status);
        for (name, value) in &self.headers {
            builder = builder.header(*name, value);
        }
        builder
            .body(self.body.clone())
            .expect("canned responses are valid")
    }
}

/// A client whose transport records every request and answers with one canned reply.
pub struct Mock {
    pub client: MockClient,
    seen: Arc<Mutex<Vec<Request<Bytes>>>>,
}

impl Mock {
    /// A mock with the default config.
    pub fn new(reply: Reply) -> Self {
        Mock::with_config(config(), reply)
    }

    /// A mock with a given config.
    pub fn with_config(config: Config, reply: Reply) -> Self {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let recorder = Arc::clone(&seen);
        let transport: Transport = Box::new(move |request| {
            recorder.lock().unwrap().push(request);
            Ok(reply.to_response())
        });
        Mock {
            client: Client::with_transport(config, transport),
            seen,
        }
    }

    /// How many requests reached the transport.
    pub fn calls(&self) -> usize {
        self.seen.lock().unwrap().len()
    }

    /// The one request that reached the transport.
    pub fn only_request(&self) -> Request<Bytes> {
        let mut seen = self.seen.lock().unwrap();
        assert_eq!(seen.len(), 1, "expected exactly one request");
        seen.pop().unwrap()
    }
}

/// What a request body must be.
#[derive(Debug, Clone)]
pub enum Body {
    /// No body and no content type.
    None,
    /// `application/json`, compared as parsed JSON (so `null` and an absent key differ).
    Json(Value),
    /// `application/octet-stream`, compared byte for byte.
    Binary(Vec<u8>),
}

/// The request an operation must produce.
#[derive(Debug, Clone)]
pub struct Expected {
    pub method: Method,
    pub uri: String,
    pub body: Body,
}

/// The request `method BASE/v2{path_and_query}` with `body`.
pub fn expect(method: Method, path_and_query: &str, body: Body) -> Expected {
    Expected {
        method,
        uri: format!("{BASE}/v2{path_and_query}"),
        body,
    }
}

/// Checks every part of a request: method, full URI, the exact header set and the body.
pub fn assert_request(request: &Request<Bytes>, expected: &Expected) {
    let uri = &expected.uri;
    assert_eq!(request.method(), expected.method, "method of {uri}");
    assert_eq!(request.uri().to_string(), expected.uri, "URI");
    let headers = request.headers();
    assert_eq!(
        headers.get(http::header::AUTHORIZATION).unwrap(),
        &format!("Bearer {SECRET}"),
        "Authorization of {uri}"
    );
    assert_eq!(
        headers.get(http::header::USER_AGENT).unwrap(),
        &format!("liveblocks-rs/{}", env!("CARGO_PKG_VERSION")),
        "User-Agent of {uri}"
    );
    let content_type = headers
        .get(http::header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap());
    match &expected.body {
        Body::None => {
            assert_eq!(content_type, None, "Content-Type of bodyless {uri}");
            assert!(request.body().is_empty(), "body of bodyless {uri}");
            assert_eq!(headers.len(), 2, "headers of {uri}: {headers:?}");
        }
        Body::Json(json) => {
            assert_eq!(
                content_type,
                Some("application/json"),
                "Content-Type of {uri}"
            );
            let sent: Value = serde_json::from_slice(request.body())
                .unwrap_or_else(|e| panic!("body of {uri} is not JSON: {e}"));
            assert_eq!(&sent, json, "JSON body of {uri}");
            assert_eq!(headers.len(), 3, "headers of {uri}: {headers:?}");
        }
        Body::Binary(bytes) => {
            assert_eq!(
                content_type,
                Some("application/octet-stream"),
                "Content-Type of {uri}"
            );
            assert_eq!(request.body().as_ref(), bytes.as_slice(), "body of {uri}");
            assert_eq!(headers.len(), 3, "headers of {uri}: {headers:?}");
        }
    }
}

/// Runs one operation both ways and checks the request each way builds:
/// through `Client` (the closure transport records it) and through `Endpoint::request`.
/// Returns what the client call returned for the canned `reply`.
///
/// For operations whose only path parameter is `{roomId}` (filled with [`ROOM_ENC`]); see
/// [`check_op_with`] for others.
pub fn check_op<E: Endpoint, O>(
    reply: Reply,
    via_client: impl FnOnce(&MockClient) -> Result<O, Error>,
    direct: E,
    expected: &Expected,
) -> O {
    check_op_with(reply, via_client, direct, expected, &[])
}

/// Like [`check_op`], with `params` = (name, percent-encoded value) filling the other path
/// parameters of the operation's template (`{roomId}`, unless given, is [`ROOM_ENC`]).
pub fn check_op_with<E: Endpoint, O>(
    reply: Reply,
    via_client: impl FnOnce(&MockClient) -> Result<O, Error>,
    direct: E,
    expected: &Expected,
    params: &[(&str, &str)],
) -> O {
    assert_matches_operation::<E>(expected, params);
    let mock = Mock::new(reply);
    let output = via_client(&mock.client)
        .unwrap_or_else(|e| panic!("{} {} failed: {e:?}", expected.method, expected.uri));
    assert_request(&mock.only_request(), expected);
    let request = direct
        .request(&config())
        .unwrap_or_else(|e| panic!("{} direct request failed: {e:?}", E::OPERATION.id));
    assert_request(&request, expected);
    output
}

/// The operation's path template with every parameter filled: `params` (name, encoded value)
/// first, each of which must be in the template, then `{roomId}` with [`ROOM_ENC`]. Fails
/// if any parameter is left unfilled.
pub fn fill_path(operation: &Operation, params: &[(&str, &str)]) -> String {
    let mut path = operation.path.to_owned();
    for (name, value) in params {
        let placeholder = format!("{{{name}}}");
        assert!(
            path.contains(&placeholder),
            "{} has no {placeholder}",
            operation.id
        );
        path = path.replace(&placeholder, value);
    }
    path = path.replace("{roomId}", ROOM_ENC);
    assert!(!path.contains('{'), "{}: unfilled {path}", operation.id);
    path
}

/// Checks `expected` against the endpoint's own `Operation` description: same method, the
/// path template filled by [`fill_path`], only declared query names, the declared body kind.
pub fn assert_matches_operation<E: Endpoint>(expected: &Expected, params: &[(&str, &str)]) {
    let operation = E::OPERATION;
    assert_eq!(expected.method, operation.method, "{}", operation.id);
    let (path, query) = match expected.uri.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (expected.uri.as_str(), None),
    };
    let template = format!("{BASE}/v2{}", fill_path(&operation, params));
    assert_eq!(path, template, "{}", operation.id);
    for pair in query.into_iter().flat_map(|q| q.split('&')) {
        let name = pair.split('=').next().unwrap();
        assert!(
            operation.query.contains(&name),
            "{} sends undeclared query parameter {name}",
            operation.id
        );
    }
    let kind = match expected.body {
        Body::None => BodyKind::None,
        Body::Json(_) => BodyKind::Json,
        Body::Binary(_) => BodyKind::Binary,
    };
    assert_eq!(kind, operation.request_body, "{}", operation.id);
}

/// Asserts that `result` is `Error::InvalidInput` mentioning `needle`.
pub fn assert_invalid<O: std::fmt::Debug>(result: Result<O, Error>, needle: &str) {
    match result {
        Err(err @ Error::InvalidInput(_)) => {
            assert!(err.to_string().contains(needle), "{err} lacks {needle:?}")
        }
        other => panic!("expected InvalidInput mentioning {needle:?}, got {other:?}"),
    }
}

/// The API error inside `error`, or a panic naming what it was instead.
pub fn api_error(error: &Error) -> &ApiError {
    match error {
        Error::Api(api) => api,
        other => panic!("expected Error::Api, got {other:?}"),
    }
}

/// The decode error inside `error`, or a panic naming what it was instead.
pub fn decode_error(error: &Error) -> &DecodeError {
    match error {
        Error::Decode(decode) => decode,
        other => panic!("expected Error::Decode, got {other:?}"),
    }
}

/// A JSON response with `status`, for driving `Endpoint::response` by hand.
pub fn response(status: u16, body: &str) -> Response<Bytes> {
    Reply::json(status, body).to_response()
}

// ---------------------------------------------------------------------------------------
// Realistic success bodies.
// ---------------------------------------------------------------------------------------

/// The spec's `get-room` example.
pub const ROOM_BODY: &str = r#"{
    "type": "room",
    "id": "react-todo-list",
    "lastConnectionAt": "2022-08-04T21:07:09.380Z",
    "createdAt": "2022-07-13T14:32:50.697Z",
    "organizationId": "org_123456789",
    "metadata": {"color": "blue", "size": "10", "target": ["abc", "def"]},
    "defaultAccesses": ["*:write"],
    "groupsAccesses": {"marketing": ["*:write"]},
    "usersAccesses": {"alice": ["*:write"], "vinod": ["*:write"]}
}"#;

/// A room as the dev server sends it: no `lastConnectionAt`, organization `default`.
pub const DEV_ROOM_BODY: &str = r#"{
    "type": "room",
    "id": "liveblocks:engineering/α #1?x",
    "organizationId": "default",
    "createdAt": "2024-05-01T10:00:00.000Z",
    "defaultAccesses": ["room:write"],
    "usersAccesses": {"alice": ["room:read", "room:presence:write"]},
    "groupsAccesses": {},
    "metadata": {"color": "red", "tags": ["a", "b"]}
}"#;

/// The spec's `get-active-users` example.
pub const ACTIVE_USERS_BODY: &str = r#"{"data": [
    {"type": "user", "connectionId": 16, "id": "alice", "info": {}},
    {"type": "user", "connectionId": 20, "id": "bob", "info": {}}
]}"#;

/// The spec's plain-LSON Storage example (`get-storage-document`, `initialize-storage-document`).
pub const STORAGE_LSON_BODY: &str = r#"{
    "liveblocksType": "LiveObject",
    "data": {
        "aLiveObject": {"liveblocksType": "LiveObject", "data": {"a": 1}},
        "aLiveList": {"liveblocksType": "LiveList", "data": ["a", "b"]},
        "aLiveMap": {"liveblocksType": "LiveMap", "data": {"a": 1, "b": 2}},
        "aLiveFile": {"liveblocksType": "LiveFile", "data": {
            "id": "fl_abc123456789012345678", "name": "photo.png", "size": 12345, "mimeType": "image/png"
        }}
    }
}"#;

/// The same Storage in the simplified `json` format.
pub const STORAGE_JSON_BODY: &str = r#"{
    "aLiveObject": {"a": 1},
    "aLiveList": ["a", "b"],
    "aLiveMap": {"a": 1, "b": 2},
    "aLiveFile": {"id": "fl_abc123456789012345678", "name": "photo.png", "size": 12345, "mimeType": "image/png"}
}"#;

/// What the dev server's `get-yjs-document` returned for a doc with a Y.Map and a Y.Text.
pub const YDOC_BODY: &str = r#"{"mymap": {"greeting": "hello", "count": 3}, "mytext": "hi there"}"#;

/// A Yjs update with bytes that are not valid UTF-8.
pub const YJS_UPDATE: &[u8] = &[
    0x01, 0x02, 0xa7, 0xc3, 0x8e, 0x9f, 0x0b, 0x00, 0x28, 0x01, 0x05, 0x6d, 0x79, 0x6d, 0x61, 0x70,
    0xff, 0xfe, 0x00, 0x80,
];
