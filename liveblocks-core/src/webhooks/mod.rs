//! Webhooks: verify what Liveblocks POSTs to your endpoint and read its typed event.
//!
//! [`WebhookHandler`] checks the `webhook-id`, `webhook-timestamp` and `webhook-signature`
//! headers over the raw body exactly as `@liveblocks/node`'s `WebhookHandler.verifyRequest`
//! (HMAC-SHA256, several signatures for secret rotation, constant-time comparison, five
//! minutes of tolerance), and [`WebhookEvent`] holds every event type it declares.
//!
//! Sans-IO: the current time is an argument, so it works the same in every adapter and in a
//! Worker. See `liveblocks-hyper/examples/webhook_server.rs` for a whole endpoint.

mod data;
mod events;
mod verify;

pub use events::*;
pub use verify::{
    WebhookHandler, DEFAULT_TOLERANCE, WEBHOOK_ID, WEBHOOK_SIGNATURE, WEBHOOK_TIMESTAMP,
};

/// Why a webhook request was refused. Each variant says what to check.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WebhookError {
    /// The signing secret is malformed (it is never printed).
    #[error("invalid webhook secret: {reason}")]
    InvalidSecret {
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A required header is missing: is the request really from Liveblocks, and does your
    /// framework pass the headers through?
    #[error("missing `{name}` header: pass the request's headers unchanged")]
    MissingHeader {
        /// The header.
        name: &'static str,
    },
    /// `webhook-timestamp` is not a number.
    #[error("invalid `webhook-timestamp` header {value:?}: expected seconds since the Unix epoch")]
    InvalidTimestamp {
        /// The header as received.
        value: String,
    },
    /// The request was sent too long ago (a replay, or a clock far off).
    #[error(
        "webhook timestamp {value} is too old: check the clock, or this is a replayed request"
    )]
    TimestampTooOld {
        /// The header as received.
        value: String,
    },
    /// The request claims to be from the future (a clock far off).
    #[error("webhook timestamp {value} is in the future: check the server's clock")]
    TimestampTooNew {
        /// The header as received.
        value: String,
    },
    /// No signature matches: wrong secret, or a body changed after signing (verify the raw
    /// bytes, before any JSON parsing or re-serialisation).
    #[error("invalid webhook signature: check the secret, and verify the raw body as received")]
    InvalidSignature,
    /// The signed body is not JSON.
    #[error("webhook body is not JSON: {reason}")]
    InvalidBody {
        /// The parser's message.
        reason: String,
    },
    /// An event of a known type whose data doesn't have the documented shape.
    #[error("webhook event `{event_type}` does not have the expected shape: {reason}")]
    InvalidEvent {
        /// The event type.
        event_type: String,
        /// What didn't fit, with its JSON path.
        reason: String,
    },
}

impl WebhookError {
    /// True when the request should be refused as not authentic (`401`), as opposed to
    /// authentic but unreadable (`400`/`422`) or a misconfigured secret (`500`).
    pub fn is_unauthenticated(&self) -> bool {
        matches!(
            self,
            WebhookError::MissingHeader { .. }
                | WebhookError::InvalidTimestamp { .. }
                | WebhookError::TimestampTooOld { .. }
                | WebhookError::TimestampTooNew { .. }
                | WebhookError::InvalidSignature
        )
    }
}

impl From<WebhookError> for crate::Error {
    fn from(error: WebhookError) -> Self {
        crate::Error::invalid_input(error.to_string())
    }
}
