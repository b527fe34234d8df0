//! Webhooks: a project's webhooks, their additional headers, and the bodies and answers of
//! their operations.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::models::{open_enum, Page, Timestamp};

open_enum! {
    /// An event a webhook can subscribe to (schema `ManagementWebhookEvent`).
    pub enum ManagementWebhookEvent {
        /// Storage changed.
        StorageUpdated = "storageUpdated",
        /// A user entered a room.
        UserEntered = "userEntered",
        /// A user left a room.
        UserLeft = "userLeft",
        /// A room was created.
        RoomCreated = "roomCreated",
        /// A room was deleted.
        RoomDeleted = "roomDeleted",
        /// A comment was created.
        CommentCreated = "commentCreated",
        /// A comment was edited.
        CommentEdited = "commentEdited",
        /// A comment was deleted.
        CommentDeleted = "commentDeleted",
        /// A reaction was added to a comment.
        CommentReactionAdded = "commentReactionAdded",
        /// A reaction was removed from a comment.
        CommentReactionRemoved = "commentReactionRemoved",
        /// A comment's metadata changed.
        CommentMetadataUpdated = "commentMetadataUpdated",
        /// A thread's metadata changed.
        ThreadMetadataUpdated = "threadMetadataUpdated",
        /// A thread was created.
        ThreadCreated = "threadCreated",
        /// A thread was deleted.
        ThreadDeleted = "threadDeleted",
        /// A Yjs document changed.
        YdocUpdated = "ydocUpdated",
        /// A notification is ready.
        Notification = "notification",
        /// A thread was resolved.
        ThreadMarkedAsResolved = "threadMarkedAsResolved",
        /// A thread was reopened.
        ThreadMarkedAsUnresolved = "threadMarkedAsUnresolved",
    }
}

/// A webhook's signing secret (schema `ManagementWebhookSecret`).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ManagementWebhookSecret {
    /// The secret (`whsec_...`); left out of `Debug` output.
    pub value: String,
}

impl fmt::Debug for ManagementWebhookSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ManagementWebhookSecret")
            .field("value", &"[redacted]")
            .finish()
    }
}

/// Extra headers a webhook sends with each delivery, by name (schema
/// `ManagementWebhookAdditionalHeaders`).
pub type ManagementWebhookAdditionalHeaders = BTreeMap<String, String>;

/// A webhook (schema `ManagementWebhook`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ManagementWebhook {
    /// The webhook ID.
    pub id: String,
    /// When the webhook was made.
    #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
    pub created_at: Timestamp,
    /// When the webhook last changed.
    #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
    pub updated_at: Timestamp,
    /// Where events are delivered.
    pub url: String,
    /// Whether deliveries are paused.
    pub disabled: bool,
    /// The most deliveries per second.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_limit: Option<u32>,
    /// The events delivered.
    pub subscribed_events: Vec<ManagementWebhookEvent>,
    /// The signing secret, `None` when it isn't shown.
    #[serde(deserialize_with = "crate::models::required_nullable")]
    pub secret: Option<ManagementWebhookSecret>,
    /// Extra headers sent with each delivery.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_headers: Option<ManagementWebhookAdditionalHeaders>,
    /// The smallest gap between two `storageUpdated` events of a room, in seconds.
    pub storage_updated_throttle_seconds: i64,
    /// The smallest gap between two `ydocUpdated` events of a room, in seconds.
    pub y_doc_updated_throttle_seconds: i64,
}

/// One page of webhooks (schema `GetManagementWebhooksResponse`).
pub type GetManagementWebhooksResponse = Page<ManagementWebhook>;

/// The body that creates a webhook (schema `CreateManagementWebhookRequestBody`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateManagementWebhookRequestBody {
    /// Where events are delivered.
    pub url: String,
    /// The events delivered.
    pub subscribed_events: Vec<ManagementWebhookEvent>,
    /// The most deliveries per second, 1 to 65534.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_limit: Option<u32>,
    /// Extra headers sent with each delivery.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_headers: Option<ManagementWebhookAdditionalHeaders>,
    /// The smallest gap between two `storageUpdated` events of a room, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage_updated_throttle_seconds: Option<i64>,
    /// The smallest gap between two `ydocUpdated` events of a room, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y_doc_updated_throttle_seconds: Option<i64>,
}

/// The body that changes a webhook; unset fields stay as they are (schema
/// `UpdateManagementWebhookRequestBody`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateManagementWebhookRequestBody {
    /// A new URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A new event list (replaces the old one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscribed_events: Option<Vec<ManagementWebhookEvent>>,
    /// A new rate limit, 1 to 65534.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_limit: Option<u32>,
    /// A new `storageUpdated` throttle, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage_updated_throttle_seconds: Option<i64>,
    /// A new `ydocUpdated` throttle, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y_doc_updated_throttle_seconds: Option<i64>,
    /// Pauses (`true`) or resumes (`false`) deliveries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled: Option<bool>,
}

/// The body that adds or replaces additional headers (schema
/// `UpsertManagementWebhookHeadersRequestBody`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpsertManagementWebhookHeadersRequestBody {
    /// The headers to add or replace, by name.
    pub headers: ManagementWebhookAdditionalHeaders,
}

/// A webhook's additional headers after a read or a change (schemas
/// `GetManagementWebhookHeadersResponse`, `UpsertManagementWebhookHeadersResponse` and
/// `DeleteManagementWebhookHeadersResponse`, which are identical).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ManagementWebhookHeaders {
    /// All of the webhook's additional headers, by name.
    pub headers: ManagementWebhookAdditionalHeaders,
}

/// The body that removes additional headers by name (schemas
/// `DeleteManagementWebhookHeadersRequestBody` and `ManagementWebhookHeadersDelete`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeleteManagementWebhookHeadersRequestBody {
    /// The names of the headers to remove (at least one).
    pub headers: Vec<String>,
}

/// The new signing secret after a roll (schema `RotateManagementWebhookSecretResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RotateManagementWebhookSecretResponse {
    /// The new secret.
    pub secret: ManagementWebhookSecret,
    /// A note from the server, e.g. how long the previous secret stays valid.
    pub message: String,
}

/// The body that requeues failed deliveries (schema
/// `RecoverManagementWebhookFailedMessagesRequestBody`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RecoverManagementWebhookFailedMessagesRequestBody {
    /// Deliveries that failed from this instant on are retried (sent as RFC 3339).
    #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
    pub since: Timestamp,
}

/// The body that sends a test event (schema `TestManagementWebhookRequestBody`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TestManagementWebhookRequestBody {
    /// The event to send; the webhook must subscribe to it.
    pub subscribed_event: ManagementWebhookEvent,
}

/// The test delivery (schema `TestManagementWebhookResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TestManagementWebhookResponse {
    /// The message that was sent.
    pub message: TestWebhookMessage,
}

/// The message a test delivery made (the `message` of `TestManagementWebhookResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TestWebhookMessage {
    /// The message ID (`msg_...`).
    pub id: String,
    /// When it was delivered; `None` if not (yet).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::models::timestamp::option")]
    pub delivered_at: Option<Timestamp>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn webhook_secrets_are_redacted_in_debug() {
        let secret: ManagementWebhookSecret =
            serde_json::from_str(r#"{"value":"whsec_topsecret"}"#).unwrap();
        assert!(!format!("{secret:?}").contains("topsecret"));
        assert_eq!(secret.value, "whsec_topsecret");
    }
}
