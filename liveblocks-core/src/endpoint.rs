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
use crate::error::{ApiError, DecodeError, Error};
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

/// Shorthand for an [`Operation`] literal.
pub(crate) const fn op(
    id: &'static str,
    method: Method,
    path: &'static str,
    query: &'static [&'static str],
    request_body: BodyKind,
    response_body: BodyKind,
) -> Operation {
    Operation {
        id,
        method,
        path,
        query,
        request_body,
        response_body,
    }
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
    /// [`Endpoint::parse`].
    fn response(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        let response = check_status(response)?;
        self.parse(response)
    }
}

/// Turns a non-2xx response into [`Error::Api`]; passes any 2xx through.
pub fn check_status(response: HttpResponse) -> Result<HttpResponse, Error> {
    if response.status().is_success() {
        return Ok(response);
    }
    let (parts, body) = response.into_parts();
    Err(Error::Api(Box::new(ApiError::from_response(
        parts.status,
        parts.headers,
        body,
    ))))
}

/// Decodes a JSON body, reporting the JSON path of the first field that doesn't fit.
///
/// The body is decoded once without tracking the path (the fast path every successful call
/// takes); only when that fails is it decoded again with [`serde_path_to_error`] to name the
/// failing field. The error keeps the raw body either way.
pub fn decode_json<T: DeserializeOwned>(response: HttpResponse) -> Result<T, Error> {
    let (parts, body) = response.into_parts();
    // One UTF-8 check of the whole body is much cheaper than `from_slice`'s check of each
    // string, and one reader type (`from_str`'s) keeps one copy of each type's decoder.
    let decoded = match std::str::from_utf8(&body) {
        // On wasm32 the size of the module matters more than decode speed: one decode, with
        // the path tracked, so each type's decoder is compiled once, not twice.
        #[cfg(target_arch = "wasm32")]
        Ok(text) => locate::<T>(text),
        #[cfg(not(target_arch = "wasm32"))]
        Ok(text) => serde_json::from_str(text).or_else(|_| locate::<T>(text)),
        Err(e) => Err((".".to_owned(), format!("the body is not UTF-8 JSON: {e}"))),
    };
    decoded.map_err(|(path, message)| {
        Error::Decode(Box::new(DecodeError {
            status: parts.status,
            path,
            message,
            raw_body: body,
        }))
    })
}

/// Decodes `text` as `T` tracking the path, to name the failing field if it fails. Natively
/// it runs only after the fast decode failed: kept out of line.
#[cfg_attr(not(target_arch = "wasm32"), cold, inline(never))]
fn locate<T: DeserializeOwned>(text: &str) -> Result<T, (String, String)> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize::<_, T>(&mut deserializer)
        .map_err(|e| (e.path().to_string(), e.inner().to_string()))?;
    // Trailing data after the value.
    deserializer
        .end()
        .map_err(|e| (".".to_owned(), e.to_string()))?;
    Ok(value)
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
    /// `""`, `"."` and `".."` are rejected: URL parsers drop or resolve such segments (even
    /// percent-encoded), so the request would silently address another resource.
    pub fn path_param(mut self, name: &str, value: &str) -> Self {
        if let Err(error) = check_not_empty(self.operation.id, name, value) {
            return self.fail(error);
        }
        if value == "." || value == ".." {
            let message = format!(
                "`{name}` can't be {value:?}: URLs treat it as a relative path ({})",
                self.operation.id
            );
            return self.fail(Error::invalid_input(message));
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
        let authorization =
            HeaderValue::try_from(self.config.authorization()).map_err(|e| invalid(&e))?;
        let user_agent =
            HeaderValue::try_from(self.config.user_agent()).map_err(|e| invalid(&e))?;
        let mut request = http::Request::new(self.body);
        *request.method_mut() = self.operation.method.clone();
        *request.uri_mut() = uri;
        let headers = request.headers_mut();
        headers.reserve(3);
        headers.insert(AUTHORIZATION, authorization);
        headers.insert(USER_AGENT, user_agent);
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
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(byte >> 4)] as char);
            out.push(HEX[usize::from(byte & 15)] as char);
        }
    }
}

/// Returns `()` for a 2xx response whatever its body (the API sometimes sends one where the
/// spec documents none).
pub(crate) fn ignore_body(_response: HttpResponse) -> Result<(), Error> {
    Ok(())
}

/// Returns a 2xx response's body as raw bytes.
pub(crate) fn body_bytes(response: HttpResponse) -> Result<Bytes, Error> {
    Ok(response.into_body())
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

/// Declares an endpoint whose only parameters are path segments (no query, no body): the
/// struct, its `new`, and its [`Endpoint`] impl.
///
/// ```text
/// path_endpoint!(
///     /// The struct's doc.
///     GetThing, "get-thing", GET, "/things/{thingId}", Json, Thing, decode_json,
///     /// The doc of `new`.
///     new(thing_id = "thingId")
/// );
/// ```
///
/// The response part is `Json, Type, decode_json`, `None, (), ignore_body`, or
/// `Binary, Bytes, <fn>`. Path parameters are filled in the order `new` lists them.
macro_rules! path_endpoint {
    (
        $(#[$meta:meta])*
        $name:ident, $id:literal, $method:ident, $path:literal,
        $response:ident, $output:ty, $parse:expr,
        $(#[$new_meta:meta])*
        new($($field:ident = $param:literal),+ $(,)?)
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $name {
            $($field: String,)+
        }

        #[allow(deprecated)]
        impl $name {
            $(#[$new_meta])*
            pub fn new($($field: impl Into<String>),+) -> Self {
                $name { $($field: $field.into()),+ }
            }
        }

        #[allow(deprecated)]
        impl $crate::endpoint::Endpoint for $name {
            type Output = $output;
            const OPERATION: $crate::endpoint::Operation = $crate::endpoint::op(
                $id,
                $crate::http::Method::$method,
                $path,
                &[],
                $crate::endpoint::BodyKind::None,
                $crate::endpoint::BodyKind::$response,
            );

            fn request(
                &self,
                config: &$crate::config::Config,
            ) -> Result<$crate::transport::HttpRequest, $crate::error::Error> {
                $crate::endpoint::RequestBuilder::new(config, &Self::OPERATION)
                    $(.path_param($param, &self.$field))+
                    .build()
            }

            fn parse(
                &self,
                response: $crate::transport::HttpResponse,
            ) -> Result<Self::Output, $crate::error::Error> {
                $parse(response)
            }
        }
    };
}
pub(crate) use path_endpoint;

/// Declares a paginated `GET` endpoint whose only parameters are path segments, `limit`
/// (1 to 100) and a cursor: the struct, its `new`, `limit` and cursor setters (on the
/// endpoint and on [`Call`](crate::Call)), its [`Endpoint`] and
/// [`Paginated`](crate::Paginated) impls.
///
/// ```text
/// list_endpoint!(
///     /// The struct's doc.
///     GetThings, "get-things", "/rooms/{roomId}/things", Thing,
///     starting_after = "startingAfter",
///     /// The doc of `new`.
///     new(room_id = "roomId")
/// );
/// ```
///
/// `starting_after = "startingAfter"` names the cursor setter and its query parameter.
macro_rules! list_endpoint {
    (
        $(#[$meta:meta])*
        $name:ident, $id:literal, $path:literal, $item:ty,
        $cursor_setter:ident = $cursor:literal,
        $(#[$new_meta:meta])*
        new($($field:ident = $param:literal),* $(,)?)
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $name {
            $($field: String,)*
            limit: Option<u32>,
            cursor: Option<$crate::models::Cursor>,
        }

        impl $name {
            $(#[$new_meta])*
            pub fn new($($field: impl Into<String>),*) -> Self {
                $name { $($field: $field.into(),)* limit: None, cursor: None }
            }

            /// Page size, 1 to 100 (server default 20).
            pub fn limit(mut self, limit: u32) -> Self {
                self.limit = Some(limit);
                self
            }

            #[doc = concat!("The page after this cursor (a previous page's `next_cursor`), sent as `", $cursor, "`.")]
            pub fn $cursor_setter(mut self, cursor: $crate::models::Cursor) -> Self {
                self.cursor = Some(cursor);
                self
            }
        }

        $crate::client::call_setters!($name {
            limit(limit: u32),
            $cursor_setter(cursor: $crate::models::Cursor),
        });

        impl $crate::endpoint::Endpoint for $name {
            type Output = $crate::models::Page<$item>;
            const OPERATION: $crate::endpoint::Operation = $crate::endpoint::op(
                $id,
                $crate::http::Method::GET,
                $path,
                &["limit", $cursor],
                $crate::endpoint::BodyKind::None,
                $crate::endpoint::BodyKind::Json,
            );

            fn request(
                &self,
                config: &$crate::config::Config,
            ) -> Result<$crate::transport::HttpRequest, $crate::error::Error> {
                if let Some(limit) = self.limit {
                    $crate::endpoint::check_range("limit", limit, 1, 100)?;
                }
                $crate::endpoint::RequestBuilder::new(config, &Self::OPERATION)
                    $(.path_param($param, &self.$field))*
                    .query_opt("limit", self.limit)
                    .query_opt($cursor, self.cursor.as_ref())
                    .build()
            }

            fn parse(
                &self,
                response: $crate::transport::HttpResponse,
            ) -> Result<Self::Output, $crate::error::Error> {
                $crate::endpoint::decode_json(response)
            }
        }

        impl $crate::pagination::Paginated for $name {
            type Item = $item;

            fn after(self, cursor: $crate::models::Cursor) -> Self {
                self.$cursor_setter(cursor)
            }
        }
    };
}
pub(crate) use list_endpoint;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_one_segment() {
        assert_eq!(
            encode_component("liveblocks:engineering/α #1?x"),
            "liveblocks%3Aengineering%2F%CE%B1%20%231%3Fx"
        );
        assert_eq!(encode_component("a-b.c_d~e"), "a-b.c_d~e");
        assert_eq!(encode_component("a&b=c+d%"), "a%26b%3Dc%2Bd%25");
    }

    #[test]
    fn decode_reports_the_path() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Item {
            count: u32,
        }
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Page {
            data: Vec<Item>,
        }
        let response = http::Response::builder()
            .status(200)
            .body(Bytes::from_static(
                br#"{"data":[{"count":1},{"count":"x"}]}"#,
            ))
            .unwrap();
        let err = decode_json::<Page>(response).unwrap_err();
        let Error::Decode(decode) = &err else {
            panic!("{err:?}")
        };
        assert_eq!(decode.path, "data[1].count");
        assert_eq!(
            decode.raw_body,
            Bytes::from_static(br#"{"data":[{"count":1},{"count":"x"}]}"#)
        );
        assert!(err.to_string().contains("data[1].count"), "{err}");
    }

    /// The scan names the same path as `serde_path_to_error` for each kind of failure.
    #[test]
    fn decode_path_matches_path_tracking() {
        use std::collections::BTreeMap;
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Item {
            count: u32,
            #[serde(default)]
            at: Option<crate::models::Timestamp>,
            #[serde(default)]
            tags: BTreeMap<String, crate::models::rooms::MetadataValue>,
        }
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        #[serde(tag = "kind")]
        enum Tagged {
            A { n: u32 },
        }
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Page {
            data: Vec<Item>,
            #[serde(default)]
            tagged: Vec<Tagged>,
        }
        let cases = [
            r#"{"data":[{"count":1},{"count":"x"}]}"#,
            r#"{"data":[{"count":1},{}]}"#,
            "{\n  \"data\": [\n    {\"count\": 1},\n    {\"count\": 2, \"at\": \"nope\"}\n  ]\n}",
            r#"{"data":[{"count":1,"tags":{"a":"b","c":["d",3]}}]}"#,
            r#"{"data":[{"count":1,"tags":{"a\"q":5}}]}"#,
            r#"{"data":[],"tagged":[{"kind":"A","n":1},{"kind":"B"}]}"#,
            r#"{"data":[],"tagged":[{"kind":"A","n":"x"}]}"#,
            r#"{"data":{}}"#,
            r#"{"data":[]} x"#,
            r#"{"data":[{"count":1}"#,
            r#"[1]"#,
            "",
        ];
        for body in cases {
            let response = http::Response::builder()
                .status(200)
                .body(Bytes::from(body))
                .unwrap();
            let err = decode_json::<Page>(response).unwrap_err();
            let Error::Decode(decode) = &err else {
                panic!("{err:?}")
            };
            let mut deserializer = serde_json::Deserializer::from_str(body);
            let expected = match serde_path_to_error::deserialize::<_, Page>(&mut deserializer) {
                Err(e) => e.path().to_string(),
                Ok(_) => ".".to_owned(),
            };
            assert_eq!(decode.path, expected, "{body}: {}", decode.message);
            assert_eq!(decode.raw_body, body.as_bytes(), "{body}");
        }
    }

    #[test]
    fn decode_rejects_trailing_garbage_and_html() {
        for body in [&b"{} x"[..], b"<html></html>", b""] {
            let response = http::Response::builder()
                .status(200)
                .body(Bytes::copy_from_slice(body))
                .unwrap();
            let err = decode_json::<serde_json::Value>(response).unwrap_err();
            assert!(matches!(err, Error::Decode(_)), "{err:?}");
        }
    }
}
