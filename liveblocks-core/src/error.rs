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
    #[error("invalid input: {}", cap(.0))]
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

    /// Worth retrying later: 408, 429, 5xx (but 501), a connection that could not be made or
    /// was reset, or a timeout (see [`crate::retry`] for which methods core retries).
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
                    TransportErrorKind::Connect
                        | TransportErrorKind::Reset
                        | TransportErrorKind::Timeout
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
    /// The body as received, or its first [`MAX_ERROR_BODY_BYTES`] bytes when
    /// [`ApiError::truncated`] is set.
    ///
    /// [`MAX_ERROR_BODY_BYTES`]: crate::transport::MAX_ERROR_BODY_BYTES
    pub raw_body: Bytes,
    /// The transport kept only the beginning of a longer error body
    /// ([`MAX_ERROR_BODY_BYTES`](crate::transport::MAX_ERROR_BODY_BYTES)); the call still
    /// fails with this error, not with a size error.
    pub truncated: bool,
    /// The operation's answers carry secrets (see [`SENSITIVE_OPERATIONS`]): `Debug` and
    /// `Display` never show the body. [`ApiError::raw_body`] still holds it.
    ///
    /// [`SENSITIVE_OPERATIONS`]: crate::endpoint::SENSITIVE_OPERATIONS
    pub sensitive: bool,
}

impl ApiError {
    /// Reads an error response. Never fails: unknown shapes fall back to the body text.
    ///
    /// The message, code, suggestion and docs link are each cut to [`MAX_SHOWN_CHARS`]
    /// characters, so a hostile body can't make the error's text unbounded.
    pub fn from_response(status: StatusCode, headers: HeaderMap, body: Bytes) -> Self {
        let json = serde_json::from_slice::<serde_json::Value>(&body).ok();
        let field = |name: &str| -> Option<String> {
            match json.as_ref()?.get(name)? {
                serde_json::Value::String(s) if !s.is_empty() => Some(cap(s)),
                serde_json::Value::Null => None,
                other if !other.is_string() => Some(cap(&other.to_string())),
                _ => None,
            }
        };
        let code = field("error");
        // A bare JSON string is a message too.
        let bare_string = match &json {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => Some(cap(s.trim())),
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
            truncated: false,
            sensitive: false,
        }
    }

    /// The body as text (lossy for non-UTF-8 bytes).
    pub fn body_text(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.raw_body)
    }
}

/// The most characters of a server-sent text (an error message, a body preview) that an
/// error keeps or shows: 1024. Longer texts end with `…`.
pub const MAX_SHOWN_CHARS: usize = 1024;

/// `text` cut to [`MAX_SHOWN_CHARS`] characters, with `…` when cut.
pub(crate) fn cap(text: &str) -> String {
    match text.char_indices().nth(MAX_SHOWN_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// A bounded view of a body for `Debug`: its first [`MAX_SHOWN_CHARS`] characters (lossy
/// UTF-8) and its length, or only its length when it carries secrets.
struct BodyPreview<'a> {
    body: &'a [u8],
    truncated: bool,
    sensitive: bool,
}

impl fmt::Debug for BodyPreview<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let more = if self.truncated { " or more" } else { "" };
        if self.sensitive {
            return write!(
                f,
                "[hidden: {} bytes{more} of an answer that carries secrets]",
                self.body.len()
            );
        }
        // At most 4 bytes per char: enough bytes for the preview, never the whole body.
        let head = &self.body[..self.body.len().min(MAX_SHOWN_CHARS * 4)];
        let text = String::from_utf8_lossy(head);
        write!(f, "{:?} ({} bytes{more})", cap(&text), self.body.len())
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
            write!(f, " {}", cap(code))?;
        }
        write!(f, ": {}", cap(&self.message))?;
        if let Some(suggestion) = &self.suggestion {
            write!(f, " (suggestion: {})", cap(suggestion))?;
        }
        if let Some(docs) = &self.docs {
            write!(f, " (see {})", cap(docs))?;
        }
        Ok(())
    }
}

impl fmt::Debug for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiError")
            .field("status", &self.status)
            .field("code", &self.code.as_deref().map(cap))
            .field("message", &cap(&self.message))
            .field("suggestion", &self.suggestion.as_deref().map(cap))
            .field("docs", &self.docs.as_deref().map(cap))
            .field(
                "raw_body",
                &BodyPreview {
                    body: &self.raw_body,
                    truncated: self.truncated,
                    sensitive: self.sensitive,
                },
            )
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
    /// What was wrong there. For an operation whose answers carry secrets, the values it
    /// quotes are replaced with `[redacted]`.
    pub message: String,
    /// The body exactly as received.
    pub raw_body: Bytes,
    /// The operation's answers carry secrets (see
    /// [`SENSITIVE_OPERATIONS`](crate::endpoint::SENSITIVE_OPERATIONS)): `Debug` and `Display`
    /// never show the body. [`DecodeError::raw_body`] still holds it (a key just rolled would
    /// otherwise be lost); don't log it.
    pub sensitive: bool,
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
            "could not decode the {} response at `{}`: {} ({} bytes)",
            self.status.as_u16(),
            cap(&self.path),
            cap(&self.message),
            self.raw_body.len()
        )
    }
}

impl fmt::Debug for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DecodeError")
            .field("status", &self.status)
            .field("path", &cap(&self.path))
            .field("message", &cap(&self.message))
            .field(
                "raw_body",
                &BodyPreview {
                    body: &self.raw_body,
                    truncated: false,
                    sensitive: self.sensitive,
                },
            )
            .finish()
    }
}

impl std::error::Error for DecodeError {}

/// What kind of transport failure happened, for retry decisions (see [`crate::retry`] for
/// which kinds core retries).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// No connection could be made (DNS, refused, unreachable): the server got nothing.
    Connect,
    /// The connection was closed or reset before a complete response: the server may have
    /// processed the request.
    Reset,
    /// The configured timeout ran out.
    Timeout,
    /// The request was cancelled (for example by an `AbortSignal`).
    Aborted,
    /// The response body was larger than the call allows
    /// ([`Config::with_max_response_bytes`](crate::Config::with_max_response_bytes)).
    TooLarge,
    /// TLS failed: the server's certificate is not trusted (expired, wrong host, unknown
    /// CA) or the handshake failed. Not transient: fix the certificate or the trust roots.
    Tls,
    /// The request could not be sent as built (an invalid URI, a header the HTTP stack
    /// refuses): sending it again would fail the same way.
    InvalidRequest,
    /// The server's answer is not valid HTTP (garbage, a bad chunk size, oversized headers,
    /// a redirect the runtime hides).
    Protocol,
    /// Anything else.
    Other,
}

impl TransportErrorKind {
    /// A short description, as `Display` shows it.
    pub fn describe(self) -> &'static str {
        match self {
            TransportErrorKind::Connect => "connection failed",
            TransportErrorKind::Reset => "connection closed before a complete response",
            TransportErrorKind::Timeout => "request timed out",
            TransportErrorKind::Aborted => "request aborted",
            TransportErrorKind::TooLarge => "response too large",
            TransportErrorKind::Tls => "TLS failed",
            TransportErrorKind::InvalidRequest => "invalid request",
            TransportErrorKind::Protocol => "invalid HTTP response",
            TransportErrorKind::Other => "transport error",
        }
    }
}

/// A request that got no complete response.
pub struct TransportError {
    kind: TransportErrorKind,
    message: String,
    request: Option<String>,
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

impl TransportError {
    /// A transport error with a message and no underlying cause.
    pub fn new(kind: TransportErrorKind, message: impl Into<String>) -> Self {
        TransportError {
            kind,
            message: message.into(),
            request: None,
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
            request: None,
            source: Some(source),
        }
    }

    /// The error for a response body over `max` bytes, saying how to raise the limit.
    pub fn too_large(max: u64) -> Self {
        TransportError::new(
            TransportErrorKind::TooLarge,
            format!(
                "the response body is larger than the limit of {max} bytes; raise it with \
                 Config::with_max_response_bytes or Call::with_max_response_bytes if such \
                 answers are expected"
            ),
        )
    }

    /// Names the request that failed (`GET api.liveblocks.io/v2/rooms/r`): its method, host
    /// and path, never its query or headers. Core's call pipeline does it for every call.
    pub fn for_request<B>(mut self, request: &http::Request<B>) -> Self {
        let uri = request.uri();
        let host = uri.authority().map_or("", |a| a.as_str());
        // An authority never holds credentials here (Config rejects them), but be sure.
        let host = host.rsplit('@').next().unwrap_or(host);
        self.request = Some(format!("{} {host}{}", request.method(), cap(uri.path())));
        self
    }

    /// The kind of failure.
    pub fn kind(&self) -> TransportErrorKind {
        self.kind
    }

    /// A description of the failure.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The request that failed (method, host and path), when core named it.
    pub fn request(&self) -> Option<&str> {
        self.request.as_deref()
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.kind.describe())?;
        if let Some(request) = &self.request {
            write!(f, " ({request})")?;
        }
        write!(f, ": {}", cap(&self.message))
    }
}

impl fmt::Debug for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TransportError")
            .field("kind", &self.kind)
            .field("request", &self.request)
            .field("message", &cap(&self.message))
            .field(
                "source",
                &self.source.as_ref().map(|s| cap(&format!("{s:?}"))),
            )
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
#[path = "error_tests.rs"]
mod tests;
