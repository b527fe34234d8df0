//! The endpoint abstraction: an operation is a value that builds an `http::Request` and reads
//! an `http::Response`. Nothing here does I/O, so you can drive the calls yourself:
//!
//! ```
//! use bytes::Bytes;
//! use liveblocks_core::{Config, Endpoint, rooms::GetRoom};
//!
//! let config = Config::new("sk_test")?;
//! let endpoint = GetRoom::new("liveblocks:engineering");
//! let request = endpoint.request(&config)?;
//! assert_eq!(request.uri(), "https://api.liveblocks.io/v2/rooms/liveblocks%3Aengineering");
//!
//! // ...send it with any HTTP client, then hand the response back:
//! let response = http::Response::builder()
//!     .status(200)
//!     .body(Bytes::from_static(br#"{"type":"room","id":"liveblocks:engineering",
//!         "organizationId":"default","createdAt":"2024-01-01T00:00:00.000Z",
//!         "defaultAccesses":["room:write"],"usersAccesses":{},"groupsAccesses":{},"metadata":{}}"#))
//!     .unwrap();
//! let room = endpoint.response(response)?;
//! assert_eq!(room.id, "liveblocks:engineering");
//! # Ok::<(), liveblocks_core::Error>(())
//! ```

use bytes::Bytes;
use http::header::{HeaderValue, AUTHORIZATION, CONTENT_TYPE, USER_AGENT};
use http::Method;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::config::Config;
use crate::error::{ApiError, Error};
use crate::transport::{HttpRequest, HttpResponse};

/// The static description of one operation, as the OpenAPI spec names it.
///
/// Every endpoint builds its request from this description, so the method, path template and
/// query names a request uses are the ones listed here, and tests compare these lists with
/// the spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operation {
    /// The spec's `operationId`, e.g. `get-room`.
    pub id: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The spec's path template, without the `/v2` prefix, e.g. `/rooms/{roomId}`.
    pub path: &'static str,
    /// Every query parameter the operation may send.
    pub query: &'static [&'static str],
    /// What the request body is.
    pub request_body: BodyKind,
    /// What a successful response body is.
    pub response_body: BodyKind,
}

/// The kind of body a request sends or a response returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    /// No body (or one that is ignored).
    None,
    /// `application/json`.
    Json,
    /// `application/octet-stream`.
    Binary,
}

impl BodyKind {
    /// The content type of this kind of body, if it has one.
    pub fn content_type(self) -> Option<&'static str> {
        match self {
            BodyKind::None => None,
            BodyKind::Json => Some("application/json"),
            BodyKind::Binary => Some("application/octet-stream"),
        }
    }
}

/// One REST operation with its parameters: builds the request, reads the response.
pub trait Endpoint {
    /// What a successful call returns.
    type Output;

    /// The operation this endpoint performs.
    const OPERATION: Operation;

    /// Builds the HTTP request. Fails only on invalid input (such as an empty ID).
    fn request(&self, config: &Config) -> Result<HttpRequest, Error>;

    /// Reads a successful (2xx) response.
    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error>;

    /// Reads any response: a non-2xx status becomes [`Error::Api`], a 2xx goes to
    /// [`Endpoint::parse`]. For the operations of [`SENSITIVE_OPERATIONS`], the errors are
    /// marked so that they never print the body ([`redact_sensitive`]).
    fn response(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        let result = check_status(response).and_then(|response| self.parse(response));
        if is_sensitive(Self::OPERATION.id) {
            result.map_err(redact_sensitive)
        } else {
            result
        }
    }
}

/// The operations whose answers carry secrets: access and ID tokens, project secret keys,
/// webhook signing secrets and the headers sent with deliveries, signed download URLs.
/// Errors of these operations never show the response body or the values a decode error
/// quotes ([`Endpoint::response`] marks them, [`redact_sensitive`]).
pub const SENSITIVE_OPERATIONS: &[&str] = &[
    // auth: tokens
    "authorize-user",
    "identify-user",
    // management: project secret keys
    "get-management-projects",
    "create-management-project",
    "get-management-project",
    "update-management-project",
    "roll-project-secret-api-key",
    // management: webhook signing secrets and delivery headers (may hold credentials)
    "get-management-webhooks",
    "create-management-webhook",
    "get-management-webhook",
    "update-management-webhook",
    "roll-management-webhook-secret",
    "get-management-webhook-additional-headers",
    "upsert-management-webhook-additional-headers",
    "delete-management-webhook-additional-headers",
    // signed download URLs
    "get-storage-file",
    "get-attachment",
];

/// Whether the operation `id`'s answers carry secrets (see [`SENSITIVE_OPERATIONS`]).
pub fn is_sensitive(id: &str) -> bool {
    SENSITIVE_OPERATIONS.contains(&id)
}

/// Marks an error of an operation whose answers carry secrets: its `Debug` and `Display`
/// then show the body's length only, and a decode error's message loses the values it quotes.
pub fn redact_sensitive(error: Error) -> Error {
    match error {
        Error::Api(mut e) => {
            e.sensitive = true;
            Error::Api(e)
        }
        Error::Decode(mut e) => {
            e.sensitive = true;
            e.message = redact_quoted(&e.message);
            Error::Decode(e)
        }
        other => other,
    }
}

/// Replaces what serde quotes in a message (`"..."` and `` `...` ``) with `[redacted]`,
/// except the field names of `missing field` and `unknown field` messages.
fn redact_quoted(message: &str) -> String {
    if message.starts_with("missing field") || message.starts_with("unknown field") {
        // `missing field `token`` quotes a name from the schema; `unknown field` quotes a
        // key the server sent, which is not a value either.
        if let Some(end) = message.find(" at line") {
            return message[..end].to_owned();
        }
        return message.to_owned();
    }
    let mut out = String::with_capacity(message.len().min(256));
    let mut quote: Option<char> = None;
    for c in message.chars() {
        match quote {
            Some(q) if c == q => {
                out.push_str("[redacted]");
                out.push(c);
                quote = None;
            }
            Some(_) => {}
            None => {
                out.push(c);
                if c == '"' || c == '`' {
                    quote = Some(c);
                }
            }
        }
    }
    if quote.is_some() {
        out.push_str("[redacted]");
    }
    out
}

/// Turns a non-2xx response into [`Error::Api`]; passes any 2xx through. A response the
/// transport marked [`Truncated`](crate::transport::Truncated) gives an error with
/// [`ApiError::truncated`] set.
pub fn check_status(response: HttpResponse) -> Result<HttpResponse, Error> {
    if response.status().is_success() {
        return Ok(response);
    }
    let (parts, body) = response.into_parts();
    let mut error = ApiError::from_response(parts.status, parts.headers, body);
    error.truncated = parts
        .extensions
        .get::<crate::transport::Truncated>()
        .is_some();
    Err(Error::Api(Box::new(error)))
}

/// Decodes a JSON body, reporting the JSON path of the first field that doesn't fit.
///
/// The body is decoded once without tracking the path (the fast path every successful call
/// takes); only when that fails is it decoded again with [`serde_path_to_error`] to name the
/// failing field. The error keeps the raw body either way.
pub fn decode_json<T: DeserializeOwned>(response: HttpResponse) -> Result<T, Error> {
    // One UTF-8 check of the whole body is much cheaper than `from_slice`'s check of each
    // string, and one reader type (`from_str`'s) keeps one copy of each type's decoder.
    let decoded = match std::str::from_utf8(response.body()) {
        Ok(text) => crate::decode::decode_text::<T>(text),
        Err(e) => Err(crate::decode::not_utf8(e)),
    };
    // Only the decode itself is compiled per type; the error is built out of line.
    decoded.map_err(|(path, message)| crate::decode::decode_error(response, path, message))
}

/// Builds a request from an [`Operation`]: fills the path template with encoded segments,
/// appends query parameters, sets the headers and the body.
///
/// Endpoints in this crate use it; it is public so endpoints can be written outside too.
#[derive(Debug)]
pub struct RequestBuilder<'a> {
    config: &'a Config,
    operation: &'a Operation,
    path: String,
    query: String,
    body: Bytes,
    /// The first invalid input met; [`RequestBuilder::build`] returns it. Deferring it keeps
    /// every step chainable.
    error: Option<Error>,
}

impl<'a> RequestBuilder<'a> {
    /// Starts a request for `operation` against `config`'s base URL.
    pub fn new(config: &'a Config, operation: &'a Operation) -> Self {
        RequestBuilder {
            config,
            operation,
            path: operation.path.to_owned(),
            query: String::new(),
            body: Bytes::new(),
            error: None,
        }
    }

    fn fail(mut self, error: Error) -> Self {
        self.error.get_or_insert(error);
        self
    }

    /// Fills `{name}` in the path template with `value`, percent-encoded as one segment.
    ///
    /// The value must pass [`check_id`] (not empty, not `.` or `..`, at most
    /// [`MAX_ID_CHARS`] characters, no control characters); the first one that doesn't is
    /// the [`Error::InvalidInput`] of [`RequestBuilder::build`].
    pub fn path_param(mut self, name: &str, value: &str) -> Self {
        if let Err(error) = check_id(name, value) {
            let error = match error {
                Error::InvalidInput(message) => {
                    Error::invalid_input(format!("{message} ({})", self.operation.id))
                }
                other => other,
            };
            return self.fail(error);
        }
        // `{name}` in the template, found without building the placeholder string.
        let at = self.path.match_indices(name).find_map(|(i, _)| {
            let end = i + name.len();
            let bytes = self.path.as_bytes();
            (i > 0 && bytes[i - 1] == b'{' && bytes.get(end) == Some(&b'}')).then_some(i - 1)
        });
        debug_assert!(
            at.is_some(),
            "{} has no path parameter {name}",
            self.operation.id
        );
        if let Some(at) = at {
            let mut encoded = String::with_capacity(value.len());
            push_encoded(&mut encoded, value);
            self.path.replace_range(at..at + name.len() + 2, &encoded);
        }
        self
    }

    /// Appends `name=a,b,c`: a list the API reads comma-separated. An empty list sends
    /// nothing; an item that is empty or holds a `,` is an [`Error::InvalidInput`] (the
    /// server would read it as several items).
    pub fn query_list<I, S>(self, name: &str, items: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut joined = String::new();
        for (i, item) in items.into_iter().enumerate() {
            let item = item.as_ref();
            if item.is_empty() || item.contains(',') {
                let why = if item.is_empty() {
                    "is empty".to_owned()
                } else {
                    format!("{} holds a `,`", preview(item))
                };
                let message = format!(
                    "`{name}` item {i} {why}: the list is sent comma-separated, so the server \
                     would read it as other items ({})",
                    self.operation.id
                );
                return self.fail(Error::invalid_input(message));
            }
            if i > 0 {
                joined.push(',');
            }
            joined.push_str(item);
        }
        if joined.is_empty() {
            return self;
        }
        self.query(name, &joined)
    }

    /// Appends `name=value` to the query string.
    pub fn query(mut self, name: &str, value: &str) -> Self {
        debug_assert!(
            self.operation.query.contains(&name),
            "{} has no query parameter {name}",
            self.operation.id
        );
        self.query
            .push(if self.query.is_empty() { '?' } else { '&' });
        push_encoded(&mut self.query, name);
        self.query.push('=');
        push_encoded(&mut self.query, value);
        self
    }

    /// Appends `name=value` when `value` is set.
    pub fn query_opt(self, name: &str, value: Option<impl ToString>) -> Self {
        match value {
            Some(value) => self.query(name, &value.to_string()),
            None => self,
        }
    }

    /// A presence flag: sent bare (`?name`) when set, left out otherwise, as the official
    /// Node SDK does. The server checks only that the name is present, so `name=false` would
    /// mean "on" too.
    pub fn flag(mut self, name: &str, on: bool) -> Self {
        if on {
            debug_assert!(
                self.operation.query.contains(&name),
                "{} has no query parameter {name}",
                self.operation.id
            );
            self.query
                .push(if self.query.is_empty() { '?' } else { '&' });
            push_encoded(&mut self.query, name);
        }
        self
    }

    /// Sets a JSON body.
    pub fn json<B: Serialize + ?Sized>(mut self, body: &B) -> Self {
        debug_assert_eq!(self.operation.request_body, BodyKind::Json);
        match serde_json::to_vec(body) {
            Ok(bytes) => {
                self.body = Bytes::from(bytes);
                self
            }
            Err(e) => self.fail(Error::invalid_input(format!(
                "the request body can't be serialized: {e}"
            ))),
        }
    }

    /// Fails the request with `error` (the first one wins) unless `check` passed.
    pub fn check(self, check: Result<(), Error>) -> Self {
        match check {
            Ok(()) => self,
            Err(error) => self.fail(error),
        }
    }

    /// Sets a raw binary body.
    pub fn binary(mut self, body: Bytes) -> Self {
        debug_assert_eq!(self.operation.request_body, BodyKind::Binary);
        self.body = body;
        self
    }

    /// Finishes the request, or returns the first invalid input met on the way.
    pub fn build(self) -> Result<HttpRequest, Error> {
        if let Some(error) = self.error {
            return Err(error);
        }
        debug_assert!(
            !self.path.contains('{'),
            "{}: unfilled path parameter in {}",
            self.operation.id,
            self.path
        );
        let base = self.config.base_url();
        let mut uri = String::with_capacity(base.len() + 3 + self.path.len() + self.query.len());
        uri.push_str(base);
        uri.push_str("/v2");
        uri.push_str(&self.path);
        uri.push_str(&self.query);
        let invalid = |e: &dyn std::fmt::Display| {
            Error::invalid_input(format!("the request can't be built: {e}"))
        };
        let uri = http::Uri::try_from(uri).map_err(|e| invalid(&e))?;
        let (authorization, user_agent) = self.config.headers();
        let mut request = http::Request::new(self.body);
        *request.method_mut() = self.operation.method.clone();
        *request.uri_mut() = uri;
        let headers = request.headers_mut();
        headers.reserve(3);
        headers.insert(AUTHORIZATION, authorization.clone());
        headers.insert(USER_AGENT, user_agent.clone());
        if let Some(content_type) = self.operation.request_body.content_type() {
            headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
        }
        Ok(request)
    }
}

/// Percent-encodes everything except RFC 3986 unreserved characters, so a value always stays
/// one path segment or one query value (`/`, `:`, `#`, `?`, `&`, spaces and non-ASCII included).
pub fn encode_component(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    push_encoded(&mut out, value);
    out
}

/// Appends `value` to `out`, percent-encoded as [`encode_component`] does.
fn push_encoded(out: &mut String, value: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut start = 0;
    for (i, &byte) in value.as_bytes().iter().enumerate() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            continue;
        }
        // The run of unreserved (ASCII) bytes before it in one copy: its ends are character
        // boundaries, so `get` always finds it.
        if let Some(run) = value.get(start..i) {
            out.push_str(run);
        }
        out.push('%');
        out.push(HEX[usize::from(byte >> 4)] as char);
        out.push(HEX[usize::from(byte & 15)] as char);
        start = i + 1;
    }
    if let Some(run) = value.get(start..) {
        out.push_str(run);
    }
}

/// The longest ID [`check_id`] accepts, in characters: 128, the limit Liveblocks documents for
/// room IDs (<https://liveblocks.io/docs/platform/technical-limits>), applied to every ID so
/// that whatever this crate can create it can also address. Percent-encoded, such an ID takes
/// at most 1,536 bytes of a URL, far below what servers and proxies accept (the dev server
/// answers `431` from about 16 KB).
pub const MAX_ID_CHARS: usize = 128;

/// The one rule for IDs: every path parameter of every operation, and the IDs a create body
/// sends (a room, a thread, a group...), so that whatever can be created can be addressed.
///
/// `kind` names the parameter in the error (`"roomId"`). Rejected, with
/// [`Error::InvalidInput`]:
/// - `""`: it would address the collection instead;
/// - `"."` and `".."`: URL parsers resolve them as relative paths (even percent-encoded),
///   so the request would address another resource;
/// - more than [`MAX_ID_CHARS`] characters;
/// - control characters (U+0000 to U+001F, U+007F to U+009F), named with their position.
///
/// Everything else is fine (`/`, `?`, `#`, spaces, any Unicode): path parameters are
/// percent-encoded as one segment.
///
/// ```
/// use liveblocks_core::endpoint::check_id;
///
/// assert!(check_id("roomId", "liveblocks:engineering/α #1?x").is_ok());
/// for bad in ["", ".", "..", "a\nb"] {
///     assert!(check_id("roomId", bad).unwrap_err().is_invalid_input());
/// }
/// assert!(check_id("roomId", &"x".repeat(129)).is_err());
/// ```
pub fn check_id(kind: &str, value: &str) -> Result<(), Error> {
    if value.is_empty() {
        return Err(Error::invalid_input(format!("`{kind}` must not be empty")));
    }
    if value == "." || value == ".." {
        return Err(Error::invalid_input(format!(
            "`{kind}` can't be {value:?}: URLs treat it as a relative path, so no request \
             could address it; pick another ID"
        )));
    }
    let chars = value.chars().count();
    if chars > MAX_ID_CHARS {
        return Err(Error::invalid_input(format!(
            "`{kind}` is {chars} characters long ({}); IDs may have at most {MAX_ID_CHARS} \
             characters (the limit Liveblocks documents for room IDs)",
            preview(value)
        )));
    }
    if let Some((position, c)) = value.chars().enumerate().find(|(_, c)| c.is_control()) {
        return Err(Error::invalid_input(format!(
            "`{kind}` holds the control character U+{:04X} at character {position} ({}); \
             IDs may not contain control characters (a stray newline or tab?)",
            u32::from(c),
            preview(value)
        )));
    }
    Ok(())
}

/// The start of a value for an error message: its first 32 characters, escaped.
fn preview(value: &str) -> String {
    match value.char_indices().nth(32) {
        Some((cut, _)) => format!("{:?}…", &value[..cut]),
        None => format!("{value:?}"),
    }
}

/// The ID rule ([`check_id`]) for an ID a request body sends (a user, a group, a feed...),
/// with the operation named when it is empty.
pub(crate) fn check_body_id(operation: &str, name: &str, value: &str) -> Result<(), Error> {
    check_not_empty(operation, name, value)?;
    check_id(name, value)
}

/// Rejects an empty `value` for the parameter `name` of `operation`.
pub(crate) fn check_not_empty(operation: &str, name: &str, value: &str) -> Result<(), Error> {
    if value.is_empty() {
        return Err(Error::invalid_input(format!(
            "`{name}` must not be empty ({operation})"
        )));
    }
    Ok(())
}

/// Rejects a `value` of the parameter `name` outside `min..=max`.
pub(crate) fn check_range(name: &str, value: u32, min: u32, max: u32) -> Result<(), Error> {
    if (min..=max).contains(&value) {
        Ok(())
    } else {
        Err(Error::invalid_input(format!(
            "`{name}` must be between {min} and {max}, got {value}"
        )))
    }
}

#[cfg(test)]
#[path = "endpoint_tests.rs"]
mod tests;
