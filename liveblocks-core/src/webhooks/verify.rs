//! Signature and timestamp checks, exactly as `@liveblocks/node`'s `WebhookHandler`.

use std::borrow::Cow;
use std::fmt;
use std::time::Duration;

use base64::Engine as _;
use hmac::{Hmac, Mac};
use http::HeaderMap;
use sha2::Sha256;
use subtle::ConstantTimeEq;

use super::events::WebhookEvent;
use super::WebhookError;
use crate::models::Timestamp;

/// The header carrying the message ID.
pub const WEBHOOK_ID: &str = "webhook-id";
/// The header carrying the send time, in seconds since the Unix epoch.
pub const WEBHOOK_TIMESTAMP: &str = "webhook-timestamp";
/// The header carrying one or more space-separated `v1,<base64>` signatures.
pub const WEBHOOK_SIGNATURE: &str = "webhook-signature";

/// How far the `webhook-timestamp` may be from the current time, as in `@liveblocks/node`.
pub const DEFAULT_TOLERANCE: Duration = Duration::from_secs(5 * 60);

const SECRET_PREFIX: &str = "whsec_";

/// Verifies webhook requests signed with one endpoint's signing secret (`whsec_...`).
///
/// Sans-IO: give it the headers, the raw body and the current time; it never reads the clock
/// unless you call [`verify_now`](Self::verify_now) (native targets only; in a Worker, pass
/// the time yourself, e.g. from `liveblocks_wasm::webhook_now()`).
///
/// ```
/// use liveblocks_core::webhooks::{WebhookError, WebhookHandler};
/// use liveblocks_core::models::Timestamp;
///
/// let handler = WebhookHandler::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")?;
/// let mut headers = http::HeaderMap::new();
/// headers.insert("webhook-id", "msg_1".parse().unwrap());
/// headers.insert("webhook-timestamp", "1700000000".parse().unwrap());
/// let now = Timestamp::from_second(1_700_000_010).unwrap();
/// let body = br#"{"type":"roomDeleted","data":{"projectId":"p","roomId":"r","deletedAt":"2023-11-14T22:13:20.000Z"}}"#;
///
/// headers.insert("webhook-signature", handler.sign("msg_1", "1700000000", body).parse().unwrap());
/// let event = handler.verify(&headers, body, now)?;
/// assert_eq!(event.event_type(), "roomDeleted");
///
/// headers.insert("webhook-signature", "v1,bm9wZQ==".parse().unwrap());
/// assert!(matches!(handler.verify(&headers, body, now), Err(WebhookError::InvalidSignature)));
/// # Ok::<(), WebhookError>(())
/// ```
#[derive(Clone)]
pub struct WebhookHandler {
    key: Vec<u8>,
    tolerance: Duration,
}

impl fmt::Debug for WebhookHandler {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebhookHandler")
            .field("secret", &"whsec_[redacted]")
            .field("tolerance", &self.tolerance)
            .finish()
    }
}

impl WebhookHandler {
    /// A handler for the signing secret shown on the dashboard's webhooks page.
    ///
    /// The secret must be `whsec_` followed by standard base64 (padding optional) of a
    /// non-empty key; anything else is [`WebhookError::InvalidSecret`]. (`@liveblocks/node`
    /// silently drops characters that aren't base64; we refuse them, since they mean the
    /// secret was pasted wrong.)
    pub fn new(secret: &str) -> Result<Self, WebhookError> {
        let Some(encoded) = secret.strip_prefix(SECRET_PREFIX) else {
            return Err(WebhookError::InvalidSecret {
                reason:
                    "it must start with `whsec_`; copy it from the webhooks page of the dashboard",
            });
        };
        let engine = base64::engine::GeneralPurpose::new(
            &base64::alphabet::STANDARD,
            base64::engine::GeneralPurposeConfig::new()
                .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
        );
        let key = engine
            .decode(encoded)
            .map_err(|_| WebhookError::InvalidSecret {
                reason: "the part after `whsec_` is not valid base64; copy the whole secret again",
            })?;
        if key.is_empty() {
            return Err(WebhookError::InvalidSecret {
                reason: "the key after `whsec_` is empty",
            });
        }
        Ok(WebhookHandler {
            key,
            tolerance: DEFAULT_TOLERANCE,
        })
    }

    /// Accepts timestamps up to `tolerance` away from now (default [`DEFAULT_TOLERANCE`],
    /// five minutes, as `@liveblocks/node`).
    pub fn with_tolerance(mut self, tolerance: Duration) -> Self {
        self.tolerance = tolerance;
        self
    }

    /// The tolerance in use.
    pub fn tolerance(&self) -> Duration {
        self.tolerance
    }

    /// The `webhook-signature` value Liveblocks sends for this message: `v1,<base64 of
    /// HMAC-SHA256(key, "{id}.{timestamp}.{body}")>`. Useful to sign test requests.
    ///
    /// The body is signed as verification reads it: as UTF-8, a leading byte order mark
    /// dropped and invalid sequences replaced by U+FFFD.
    pub fn sign(&self, webhook_id: &str, timestamp: &str, body: &[u8]) -> String {
        format!(
            "v1,{}",
            self.signature(webhook_id, timestamp, &decode_utf8(body))
        )
    }

    fn signature(&self, webhook_id: &str, timestamp: &str, body: &str) -> String {
        // HMAC takes keys of any length (longer ones are hashed), so this cannot fail.
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.key)
            .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
        mac.update(webhook_id.as_bytes());
        mac.update(b".");
        mac.update(timestamp.as_bytes());
        mac.update(b".");
        mac.update(body.as_bytes());
        base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
    }

    /// Checks the headers, the timestamp against `now` and the signature, and returns the
    /// signed body as text, without decoding the event.
    ///
    /// The checks and their order are those of `@liveblocks/node` 3.24: the three headers
    /// must be present, the timestamp must read as an integer (JavaScript `parseInt`: leading
    /// spaces, a sign, then digits; what follows is ignored) within the tolerance, and one of
    /// the space-separated signatures (the part after the first `,` of each) must equal the
    /// expected one, compared in constant time. The body is read as UTF-8, invalid sequences
    /// replaced by U+FFFD and a leading byte order mark dropped, as a JavaScript server
    /// reading it with `request.text()` does.
    pub fn verify_payload<'b>(
        &self,
        headers: &HeaderMap,
        body: &'b [u8],
        now: Timestamp,
    ) -> Result<Cow<'b, str>, WebhookError> {
        let id = header(headers, WEBHOOK_ID)?;
        let timestamp = header(headers, WEBHOOK_TIMESTAMP)?;
        let signatures = header(headers, WEBHOOK_SIGNATURE)?;
        self.check_timestamp(&timestamp, now)?;
        let body = decode_utf8(body);
        let expected = self.signature(&id, &timestamp, &body);
        let mut found = subtle::Choice::from(0);
        for candidate in signatures.split(' ').filter_map(|s| s.split(',').nth(1)) {
            found |= expected.as_bytes().ct_eq(candidate.as_bytes());
        }
        if bool::from(found) {
            Ok(body)
        } else {
            Err(WebhookError::InvalidSignature)
        }
    }

    /// Verifies a request ([`verify_payload`](Self::verify_payload)) and decodes its event.
    ///
    /// An event of a type this version doesn't know (or a notification of an unknown kind)
    /// is [`WebhookEvent::Unknown`], never an error; a body that isn't JSON is
    /// [`WebhookError::InvalidBody`]; a known type whose data doesn't fit is
    /// [`WebhookError::InvalidEvent`].
    pub fn verify(
        &self,
        headers: &HeaderMap,
        body: &[u8],
        now: Timestamp,
    ) -> Result<WebhookEvent, WebhookError> {
        let body = self.verify_payload(headers, body, now)?;
        WebhookEvent::from_json(&body)
    }

    /// [`verify`](Self::verify) for a whole request.
    pub fn verify_request<B: AsRef<[u8]>>(
        &self,
        request: &http::Request<B>,
        now: Timestamp,
    ) -> Result<WebhookEvent, WebhookError> {
        self.verify(request.headers(), request.body().as_ref(), now)
    }

    /// [`verify`](Self::verify) against the system clock.
    ///
    /// Not available on `wasm32-unknown-unknown`, which has no clock: pass the time to
    /// [`verify`](Self::verify) (in `liveblocks-wasm`, `webhook_now()` reads JavaScript's).
    #[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
    pub fn verify_now(
        &self,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<WebhookEvent, WebhookError> {
        self.verify(headers, body, Timestamp::now())
    }

    fn check_timestamp(&self, value: &str, now: Timestamp) -> Result<(), WebhookError> {
        let Some(seconds) = js_parse_int(value) else {
            return Err(WebhookError::InvalidTimestamp {
                value: value.to_owned(),
            });
        };
        let now = now.as_second() as f64;
        let tolerance = self.tolerance.as_secs() as f64;
        if seconds < now - tolerance {
            return Err(WebhookError::TimestampTooOld {
                value: value.to_owned(),
            });
        }
        if seconds > now + tolerance {
            return Err(WebhookError::TimestampTooNew {
                value: value.to_owned(),
            });
        }
        Ok(())
    }
}

/// The body as JavaScript's `TextDecoder` (and so `request.text()`) reads it: a leading
/// byte order mark dropped, invalid sequences replaced by U+FFFD.
fn decode_utf8(body: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(body.strip_prefix(b"\xef\xbb\xbf").unwrap_or(body))
}

/// One header as `@liveblocks/node` sees it: several values joined with `, ` (as `fetch`'s
/// `Headers` and Node's `http` do), each byte read as Latin-1 (as Node's `http` does).
fn header(headers: &HeaderMap, name: &'static str) -> Result<String, WebhookError> {
    let mut values = headers.get_all(name).iter().peekable();
    if values.peek().is_none() {
        return Err(WebhookError::MissingHeader { name });
    }
    let mut out = String::new();
    for (i, value) in values.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        match value.to_str() {
            Ok(ascii) => out.push_str(ascii),
            Err(_) => out.extend(value.as_bytes().iter().map(|&b| char::from(b))),
        }
    }
    Ok(out)
}

/// JavaScript's `parseInt(value, 10)`, as a number (`None` for `NaN`).
fn js_parse_int(value: &str) -> Option<f64> {
    let trimmed = value.trim_start_matches(is_js_whitespace);
    let (negative, rest) = match trimmed.as_bytes().first() {
        Some(b'-') => (true, &trimmed[1..]),
        Some(b'+') => (false, &trimmed[1..]),
        _ => (false, trimmed),
    };
    let digits_end = rest
        .bytes()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(rest.len());
    let digits = &rest[..digits_end];
    if digits.is_empty() {
        return None;
    }
    // Rust's float parsing rounds like JavaScript's for a run of decimal digits.
    let magnitude: f64 = digits.parse().ok()?;
    Some(if negative { -magnitude } else { magnitude })
}

/// `\s` of JavaScript's `String.prototype.trim` (WhiteSpace and LineTerminator).
fn is_js_whitespace(c: char) -> bool {
    matches!(
        c,
        '\u{9}'..='\u{d}' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}'
            | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{feff}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_int_like_javascript() {
        assert_eq!(js_parse_int("123"), Some(123.0));
        assert_eq!(js_parse_int("  -12abc"), Some(-12.0));
        assert_eq!(js_parse_int("\u{a0}+7"), Some(7.0));
        assert_eq!(js_parse_int("0x10"), Some(0.0));
        assert_eq!(js_parse_int("1e3"), Some(1.0));
        assert_eq!(js_parse_int(""), None);
        assert_eq!(js_parse_int("-"), None);
        assert_eq!(js_parse_int("abc"), None);
        assert_eq!(js_parse_int("99999999999999999999"), Some(1e20));
    }

    #[test]
    fn secrets() {
        assert!(WebhookHandler::new("whsec_c2VjcmV0").is_ok());
        assert!(WebhookHandler::new("whsec_c2VjcmV0dA").is_ok());
        for bad in ["", "sk_abc", "whsec_", "whsec_!!!", "whsec_a"] {
            let err = WebhookHandler::new(bad).unwrap_err();
            assert!(matches!(err, WebhookError::InvalidSecret { .. }), "{bad}");
        }
        let debug = format!("{:?}", WebhookHandler::new("whsec_c2VjcmV0").unwrap());
        assert!(!debug.contains("c2VjcmV0"), "{debug}");
    }

    #[test]
    fn errors_in_order() {
        let handler = WebhookHandler::new("whsec_c2VjcmV0").unwrap();
        let now = Timestamp::from_second(1_000_000).unwrap();
        let mut headers = HeaderMap::new();
        let err = |h: &HeaderMap| handler.verify(h, b"{}", now).unwrap_err();
        assert!(matches!(
            err(&headers),
            WebhookError::MissingHeader { name: "webhook-id" }
        ));
        headers.insert(WEBHOOK_ID, "m".parse().unwrap());
        headers.insert(WEBHOOK_TIMESTAMP, "x".parse().unwrap());
        assert!(matches!(
            err(&headers),
            WebhookError::MissingHeader {
                name: "webhook-signature"
            }
        ));
        headers.insert(WEBHOOK_SIGNATURE, "v1,x".parse().unwrap());
        assert!(matches!(
            err(&headers),
            WebhookError::InvalidTimestamp { .. }
        ));
        headers.insert(WEBHOOK_TIMESTAMP, "999699".parse().unwrap());
        assert!(matches!(
            err(&headers),
            WebhookError::TimestampTooOld { .. }
        ));
        headers.insert(WEBHOOK_TIMESTAMP, "1000301".parse().unwrap());
        assert!(matches!(
            err(&headers),
            WebhookError::TimestampTooNew { .. }
        ));
        headers.insert(WEBHOOK_TIMESTAMP, "1000300".parse().unwrap());
        assert!(matches!(err(&headers), WebhookError::InvalidSignature));
        let good = handler.sign("m", "1000300", b"{}");
        headers.insert(WEBHOOK_SIGNATURE, format!("v1,bad {good}").parse().unwrap());
        assert_eq!(handler.verify_payload(&headers, b"{}", now).unwrap(), "{}");
        headers.insert(
            WEBHOOK_SIGNATURE,
            handler.sign("m", "1000300", b"{").parse().unwrap(),
        );
        assert!(matches!(
            handler.verify(&headers, b"{", now).unwrap_err(),
            WebhookError::InvalidBody { .. }
        ));
    }
}
