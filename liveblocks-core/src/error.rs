//! The one error type every call returns.

use std::fmt;

use bytes::Bytes;
use http::{HeaderMap, StatusCode};

use std::time::Duration;

/// Everything that can go wrong with a call.
///
/// ```
/// # fn handle(result: Result<(), liveblocks_core::Error>) {
/// match result {
///     Err(e) if e.is_not_found() => eprintln!("no such room ({:?})", e.code()),
///     Err(e) if e.is_retryable() => eprintln!("try again later: {e}"),
///     Err(e) => eprintln!("failed: {e}"),
///     Ok(()) => {}
/// }
/// # }
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The server answered with a non-2xx status.
    #[error(transparent)]
    Api(Box<ApiError>),
    /// The request never got a complete answer (connection, TLS, timeout...).
    #[error(transparent)]
    Transport(#[from] TransportError),
    /// The server answered 2xx, but the body is not what the operation returns.
    #[error(transparent)]
    Decode(Box<DecodeError>),
    /// An argument or setting was rejected before any request was made.
    #[error("invalid input: {0}")]
    InvalidInput(String),
}

impl Error {
    pub(crate) fn invalid_input(message: impl Into<String>) -> Self {
        Error::InvalidInput(message.into())
    }

    /// The HTTP status, for API errors and decode errors.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Api(e) => Some(e.status),
            Error::Decode(e) => Some(e.status),
            _ => None,
        }
    }

    /// The machine-readable `error` code of an API error, such as `ROOM_NOT_FOUND`.
    pub fn code(&self) -> Option<&str> {
        match self {
            Error::Api(e) => e.code.as_deref(),
            _ => None,
        }
    }

    /// The API error, if this is one.
    pub fn as_api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(e) => Some(e),
            _ => None,
        }
    }

    /// 404 Not Found.
    pub fn is_not_found(&self) -> bool {
        self.status() == Some(StatusCode::NOT_FOUND) && self.as_api().is_some()
    }

    /// 409 Conflict (for example a room that already exists).
    pub fn is_conflict(&self) -> bool {
        self.status() == Some(StatusCode::CONFLICT) && self.as_api().is_some()
    }

    /// 401 or 403: a missing, wrong or under-privileged key.
    pub fn is_unauthorized(&self) -> bool {
        matches!(
            self.as_api().map(|e| e.status),
            Some(StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN)
        )
    }

    /// The input was rejected before any request was made.
    pub fn is_invalid_input(&self) -> bool {
        matches!(self, Error::InvalidInput(_))
    }

    /// Worth retrying later: 408, 429, 5xx (but 501), or a connection failure or timeout.
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Api(e) => {
                let s = e.status;
                s == StatusCode::REQUEST_TIMEOUT
                    || s == StatusCode::TOO_MANY_REQUESTS
                    || (s.is_server_error() && s != StatusCode::NOT_IMPLEMENTED)
            }
            Error::Transport(e) => {
                matches!(
                    e.kind(),
                    TransportErrorKind::Connect | TransportErrorKind::Timeout
                )
            }
            _ => false,
        }
    }

    /// The raw response body, for API and decode errors.
    pub fn raw_body(&self) -> Option<&Bytes> {
        match self {
            Error::Api(e) => Some(&e.raw_body),
            Error::Decode(e) => Some(&e.raw_body),
            _ => None,
        }
    }
}

/// A non-2xx answer, with everything the server said.
///
/// The API's error body is `{"error", "message", "suggestion", "docs"}`, each field optional.
/// The dev server also sends `{"error": "Not Found"}` with no message and
/// `{"error": "...", "reason": "..."}` for validation failures; proxies send HTML or plain text.
/// All of them end up here, and [`ApiError::raw_body`] keeps the bytes as received.
#[derive(Clone)]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// The `error` field: a code such as `ROOM_NOT_FOUND`, or a reason phrase.
    pub code: Option<String>,
    /// A human-readable message: the body's `message`, else its `reason`, else its text,
    /// else the status's reason phrase.
    pub message: String,
    /// The body's `suggestion`, if any.
    pub suggestion: Option<String>,
    /// The body's `docs` link, if any and not empty.
    pub docs: Option<String>,
    /// The response headers (for `Retry-After`, `X-LB-Warn`...).
    pub headers: HeaderMap,
    /// The body exactly as received.
    pub raw_body: Bytes,
}

impl ApiError {
    /// Reads an error response. Never fails: unknown shapes fall back to the body text.
    pub fn from_response(status: StatusCode, headers: HeaderMap, body: Bytes) -> Self {
        let json = serde_json::from_slice::<serde_json::Value>(&body).ok();
        let field = |name: &str| -> Option<String> {
            match json.as_ref()?.get(name)? {
                serde_json::Value::String(s) if !s.is_empty() => Some(s.clone()),
                serde_json::Value::Null => None,
                other if !other.is_string() => Some(other.to_string()),
                _ => None,
            }
        };
        let code = field("error");
        // A bare JSON string is a message too.
        let bare_string = match &json {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
            _ => None,
        };
        let message = field("message")
            .or_else(|| field("reason"))
            .or(bare_string)
            .or_else(|| text_message(json.is_some(), &headers, &body))
            .or_else(|| code.clone())
            .unwrap_or_else(|| {
                status
                    .canonical_reason()
                    .unwrap_or("the server sent no error message")
                    .to_owned()
            });
        ApiError {
            status,
            code,
            message,
            suggestion: field("suggestion"),
            docs: field("docs"),
            headers,
            raw_body: body,
        }
    }

    /// The body as text (lossy for non-UTF-8 bytes).
    pub fn body_text(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.raw_body)
    }
}

/// A short message from a non-JSON body: plain text is kept (trimmed and capped), HTML is not.
fn text_message(is_json: bool, headers: &HeaderMap, body: &[u8]) -> Option<String> {
    if is_json {
        return None;
    }
    let text = std::str::from_utf8(body).ok()?.trim();
    let is_html = headers
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.contains("html"))
        || text.starts_with('<');
    if text.is_empty() || is_html {
        return None;
    }
    const MAX: usize = 500;
    Some(match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    })
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Liveblocks API error {}", self.status.as_u16())?;
        if let Some(code) = &self.code {
            write!(f, " {code}")?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(suggestion) = &self.suggestion {
            write!(f, " (suggestion: {suggestion})")?;
        }
        if let Some(docs) = &self.docs {
            write!(f, " (see {docs})")?;
        }
        Ok(())
    }
}

impl fmt::Debug for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiError")
            .field("status", &self.status)
            .field("code", &self.code)
            .field("message", &self.message)
            .field("suggestion", &self.suggestion)
            .field("docs", &self.docs)
            .field("raw_body", &self.body_text())
            .finish()
    }
}

impl std::error::Error for ApiError {}

/// The error body the API documents (schema `Error`); every field is optional.
///
/// [`ApiError::from_response`] reads bodies more leniently than this type (non-string values,
/// the dev server's `reason`); this type is what the spec describes.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ErrorBody {
    /// A machine-readable code such as `ROOM_NOT_FOUND`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// A human-readable message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// How to fix it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    /// A documentation link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub docs: Option<String>,
}

/// A 2xx body that does not match the operation's response type.
#[derive(Clone)]
pub struct DecodeError {
    /// The HTTP status of the response.
    pub status: StatusCode,
    /// The JSON path of the failing field, such as `data[3].createdAt` (`.` for the root).
    pub path: String,
    /// What was wrong there.
    pub message: String,
    /// The body exactly as received.
    pub raw_body: Bytes,
}

impl DecodeError {
    /// The body as text (lossy for non-UTF-8 bytes).
    pub fn body_text(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.raw_body)
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "could not decode the {} response at `{}`: {}",
            self.status.as_u16(),
            self.path,
            self.message
        )
    }
}

impl fmt::Debug for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DecodeError")
            .field("status", &self.status)
            .field("path", &self.path)
            .field("message", &self.message)
            .field("raw_body", &self.body_text())
            .finish()
    }
}

impl std::error::Error for DecodeError {}

/// What kind of transport failure happened, for retry decisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// No connection could be made (DNS, refused, TLS handshake).
    Connect,
    /// The configured timeout ran out.
    Timeout,
    /// The request was cancelled (for example by an `AbortSignal`).
    Aborted,
    /// The response body was larger than the call allows
    /// ([`Config::with_max_response_bytes`](crate::Config::with_max_response_bytes)).
    TooLarge,
    /// Anything else: a broken connection, an invalid response...
    Other,
}

/// A request that got no complete response.
pub struct TransportError {
    kind: TransportErrorKind,
    message: String,
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

impl TransportError {
    /// A transport error with a message and no underlying cause.
    pub fn new(kind: TransportErrorKind, message: impl Into<String>) -> Self {
        TransportError {
            kind,
            message: message.into(),
            source: None,
        }
    }

    /// A transport error caused by another error (kept as `source()`).
    pub fn with_source(
        kind: TransportErrorKind,
        source: impl Into<Box<dyn std::error::Error + Send + Sync>>,
    ) -> Self {
        let source = source.into();
        TransportError {
            kind,
            message: source.to_string(),
            source: Some(source),
        }
    }

    /// The kind of failure.
    pub fn kind(&self) -> TransportErrorKind {
        self.kind
    }

    /// A description of the failure.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.kind {
            TransportErrorKind::Connect => "connection failed",
            TransportErrorKind::Timeout => "request timed out",
            TransportErrorKind::Aborted => "request aborted",
            TransportErrorKind::TooLarge => "response too large",
            TransportErrorKind::Other => "transport error",
        };
        write!(f, "{kind}: {}", self.message)
    }
}

impl fmt::Debug for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TransportError")
            .field("kind", &self.kind)
            .field("message", &self.message)
            .field("source", &self.source)
            .finish()
    }
}

impl std::error::Error for TransportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

impl ApiError {
    /// The server's `Retry-After`, in whole seconds, if it sent one.
    pub fn retry_after(&self) -> Option<Duration> {
        retry_after(&self.headers)
    }
}

impl Error {
    /// The server's `Retry-After` for an API error, if it sent one.
    pub fn retry_after(&self) -> Option<Duration> {
        self.as_api().and_then(ApiError::retry_after)
    }
}

/// Reads `Retry-After` in whole seconds (an HTTP date is not understood and gives `None`).
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(http::header::RETRY_AFTER)?.to_str().ok()?;
    value.trim().parse::<u64>().ok().map(Duration::from_secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api(status: u16, content_type: &str, body: &str) -> ApiError {
        let mut headers = HeaderMap::new();
        if !content_type.is_empty() {
            headers.insert(http::header::CONTENT_TYPE, content_type.parse().unwrap());
        }
        ApiError::from_response(
            StatusCode::from_u16(status).unwrap(),
            headers,
            Bytes::from(body.to_owned()),
        )
    }

    #[test]
    fn liveblocks_shape() {
        let e = api(
            409,
            "application/json",
            r#"{"error":"CANNOT_UPDATE_EXISTING_STORAGE","message":"Storage exists","suggestion":"Delete it first","docs":"https://liveblocks.io/docs"}"#,
        );
        assert_eq!(e.code.as_deref(), Some("CANNOT_UPDATE_EXISTING_STORAGE"));
        assert_eq!(e.message, "Storage exists");
        assert_eq!(e.suggestion.as_deref(), Some("Delete it first"));
        assert_eq!(e.docs.as_deref(), Some("https://liveblocks.io/docs"));
        let shown = e.to_string();
        assert!(
            shown.contains("409") && shown.contains("Delete it first"),
            "{shown}"
        );
    }

    #[test]
    fn auth_shape_and_empty_docs() {
        let e = api(
            403,
            "application/json",
            r#"{"error":"Forbidden","message":"Invalid secret key","docs":""}"#,
        );
        assert_eq!(e.code.as_deref(), Some("Forbidden"));
        assert_eq!(e.message, "Invalid secret key");
        assert_eq!(e.docs, None);
    }

    #[test]
    fn router_shape_without_message() {
        let e = api(404, "application/json", r#"{"error":"Not Found"}"#);
        assert_eq!(e.code.as_deref(), Some("Not Found"));
        assert_eq!(e.message, "Not Found");
    }

    #[test]
    fn validation_shape_with_reason() {
        let e = api(
            422,
            "application/json",
            r#"{"error":"Unprocessable Entity","reason":"Missing key: 'id'"}"#,
        );
        assert_eq!(e.code.as_deref(), Some("Unprocessable Entity"));
        assert_eq!(e.message, "Missing key: 'id'");
    }

    #[test]
    fn stub_shape() {
        let e = api(
            501,
            "application/json",
            r#"{"error":"Not implemented","message":"This endpoint isn't implemented in the Liveblocks dev server."}"#,
        );
        assert_eq!(e.code.as_deref(), Some("Not implemented"));
        assert!(e.message.contains("isn't implemented"));
        assert!(!Error::Api(Box::new(e)).is_retryable());
    }

    #[test]
    fn empty_html_and_text_bodies() {
        let empty = api(502, "", "");
        assert_eq!(empty.code, None);
        assert_eq!(empty.message, "Bad Gateway");
        let html = api(503, "text/html", "<html><body>down</body></html>");
        assert_eq!(html.message, "Service Unavailable");
        assert_eq!(html.body_text(), "<html><body>down</body></html>");
        let text = api(500, "text/plain", "  upstream exploded \n");
        assert_eq!(text.message, "upstream exploded");
        let long = api(500, "text/plain", &"x".repeat(2000));
        assert!(long.message.chars().count() <= 501);
        let bare = api(429, "application/json", r#""slow down""#);
        assert_eq!(bare.message, "slow down");
        let custom = api(599, "", "");
        assert_eq!(custom.message, "the server sent no error message");
    }

    #[test]
    fn helpers() {
        let not_found = Error::Api(Box::new(api(
            404,
            "application/json",
            r#"{"error":"ROOM_NOT_FOUND","message":"m"}"#,
        )));
        assert!(not_found.is_not_found());
        assert_eq!(not_found.code(), Some("ROOM_NOT_FOUND"));
        assert_eq!(not_found.status(), Some(StatusCode::NOT_FOUND));
        assert!(!not_found.is_retryable());
        let conflict = Error::Api(Box::new(api(409, "", "")));
        assert!(conflict.is_conflict());
        let unauthorized = Error::Api(Box::new(api(401, "", "")));
        assert!(unauthorized.is_unauthorized());
        let limited = Error::Api(Box::new(api(429, "", "")));
        assert!(limited.is_retryable());
        let timeout = Error::Transport(TransportError::new(
            TransportErrorKind::Timeout,
            "timed out",
        ));
        assert!(timeout.is_retryable());
        assert_eq!(timeout.status(), None);
    }
}
