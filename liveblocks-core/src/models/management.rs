//! Management API (beta): a team's projects, their API keys, and their webhooks.
//!
//! These calls take a Management API access token, not a project secret key: build the client
//! from [`Config::management`](crate::Config::management).

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::Error;
use crate::models::{open_enum, Page, Timestamp};

open_enum! {
    /// A project's environment (schema `ManagementProjectType`).
    pub enum ManagementProjectType {
        /// A development project.
        Dev = "dev",
        /// A production project.
        Prod = "prod",
    }
}

open_enum! {
    /// Where a project's data lives (schema `ManagementProjectRegion`).
    pub enum ManagementProjectRegion {
        /// Anywhere (the default).
        Earth = "earth",
        /// The European Union.
        Eu = "eu",
        /// FedRAMP.
        Fedramp = "fedramp",
    }
}

/// How long a document stays idle before a version is made automatically (schema
/// `ManagementProjectVersionCreationTimeout`): on the wire `false`, or a number of seconds
/// from 30 to 300.
///
/// ```
/// use liveblocks_core::models::management::VersionCreationTimeout;
///
/// let t = VersionCreationTimeout::seconds(60)?;
/// assert_eq!(serde_json::to_string(&t).unwrap(), "60");
/// assert_eq!(
///     serde_json::from_str::<VersionCreationTimeout>("false").unwrap(),
///     VersionCreationTimeout::Disabled
/// );
/// assert!(VersionCreationTimeout::seconds(10).is_err());
/// # Ok::<(), liveblocks_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VersionCreationTimeout {
    /// No automatic versions (`false`).
    Disabled,
    /// A version after this many idle seconds (30 to 300 when sent).
    Seconds(u32),
}

impl VersionCreationTimeout {
    /// The smallest number of seconds the API accepts.
    pub const MIN_SECONDS: u32 = 30;
    /// The largest number of seconds the API accepts.
    pub const MAX_SECONDS: u32 = 300;

    /// A timeout of `seconds`, which must be between 30 and 300.
    pub fn seconds(seconds: u32) -> Result<Self, Error> {
        let timeout = VersionCreationTimeout::Seconds(seconds);
        timeout.validate()?;
        Ok(timeout)
    }

    /// Checks the range before a request sends the value.
    pub(crate) fn validate(self) -> Result<(), Error> {
        match self {
            VersionCreationTimeout::Seconds(s)
                if !(Self::MIN_SECONDS..=Self::MAX_SECONDS).contains(&s) =>
            {
                Err(Error::invalid_input(format!(
                    "`versionCreationTimeout` must be false or between {} and {} seconds, got {s}",
                    Self::MIN_SECONDS,
                    Self::MAX_SECONDS
                )))
            }
            _ => Ok(()),
        }
    }
}

impl Serialize for VersionCreationTimeout {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            VersionCreationTimeout::Disabled => serializer.serialize_bool(false),
            VersionCreationTimeout::Seconds(s) => serializer.serialize_u32(*s),
        }
    }
}

impl<'de> Deserialize<'de> for VersionCreationTimeout {
    /// Reads `false` or a non-negative whole number. The 30-300 range is not enforced when
    /// reading, so a value the server allows later still decodes.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;

        impl serde::de::Visitor<'_> for Visitor {
            type Value = VersionCreationTimeout;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("false or a number of seconds")
            }

            fn visit_bool<E: serde::de::Error>(self, value: bool) -> Result<Self::Value, E> {
                if value {
                    Err(E::invalid_value(serde::de::Unexpected::Bool(true), &self))
                } else {
                    Ok(VersionCreationTimeout::Disabled)
                }
            }

            fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<Self::Value, E> {
                u32::try_from(value)
                    .map(VersionCreationTimeout::Seconds)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(value), &self))
            }

            fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<Self::Value, E> {
                u64::try_from(value)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Signed(value), &self))
                    .and_then(|v| self.visit_u64(v))
            }

            fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<Self::Value, E> {
                if value.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&value) {
                    Ok(VersionCreationTimeout::Seconds(value as u32))
                } else {
                    Err(E::invalid_value(serde::de::Unexpected::Float(value), &self))
                }
            }
        }

        deserializer.deserialize_any(Visitor)
    }
}

/// A project's public key (schema `ManagementProjectPublicKey`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ManagementProjectPublicKey {
    /// Whether the public key can be used.
    pub activated: bool,
    /// When the key was made.
    pub created_at: Timestamp,
    /// The key (`pk_...`).
    pub value: String,
}

/// A project's secret key (schema `ManagementProjectSecretKey`).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ManagementProjectSecretKey {
    /// When the key was made.
    pub created_at: Timestamp,
    /// The key (`sk_...`); left out of `Debug` output.
    pub value: String,
}

impl fmt::Debug for ManagementProjectSecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ManagementProjectSecretKey")
            .field("created_at", &self.created_at)
            .field("value", &"[redacted]")
            .finish()
    }
}

/// A project (schema `ManagementProject`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ManagementProject {
    /// The project ID.
    pub id: String,
    /// The team the project belongs to.
    pub team_id: String,
    /// Development or production.
    #[serde(rename = "type")]
    pub project_type: ManagementProjectType,
    /// The project name.
    pub name: String,
    /// The project description. Required (nullable) in the schema, yet the spec's own
    /// examples of this schema leave it out, so a missing value reads as `None`.
    #[serde(default)]
    pub description: Option<String>,
    /// When the project was made.
    pub created_at: Timestamp,
    /// When the project last changed.
    pub updated_at: Timestamp,
    /// The public key.
    pub public_key: ManagementProjectPublicKey,
    /// The secret key, `None` when it isn't shown.
    #[serde(deserialize_with = "crate::models::required_nullable")]
    pub secret_key: Option<ManagementProjectSecretKey>,
    /// Where the project's data lives.
    pub region: ManagementProjectRegion,
    /// Automatic version creation.
    pub version_creation_timeout: VersionCreationTimeout,
}

/// One page of projects (schema `GetManagementProjectsResponse`).
pub type GetManagementProjectsResponse = Page<ManagementProject>;

/// The body that creates a project (schema `CreateManagementProjectRequestBody`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateManagementProjectRequestBody {
    /// Development or production.
    #[serde(rename = "type")]
    pub project_type: ManagementProjectType,
    /// The project name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The project description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Automatic version creation (server default: disabled).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version_creation_timeout: Option<VersionCreationTimeout>,
}

/// The body that changes a project; unset fields stay as they are (schema
/// `UpdateManagementProjectRequestBody`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateManagementProjectRequestBody {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// A new version creation timeout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version_creation_timeout: Option<VersionCreationTimeout>,
}

open_enum! {
    /// When the previous key stops working after a roll (`expirationIn`). The API accepts a
    /// few spellings of each; these send one of them, and `Other` sends any string as is.
    pub enum KeyExpiration {
        /// Immediately (the server default).
        Now = "now",
        /// After one hour.
        OneHour = "1 hour",
        /// After 24 hours.
        TwentyFourHours = "24 hours",
        /// After 3 days.
        ThreeDays = "3 days",
        /// After 7 days.
        SevenDays = "7 days",
    }
}

open_enum! {
    /// When the newly rolled secret key expires (`newKeyExpirationIn`). The API accepts a few
    /// spellings of each; these send one of them, and `Other` sends any string as is.
    pub enum NewKeyExpiration {
        /// Immediately.
        Now = "now",
        /// After 3 minutes.
        ThreeMinutes = "3 minutes",
        /// After 5 minutes.
        FiveMinutes = "5 minutes",
        /// After one hour.
        OneHour = "1 hour",
        /// After 24 hours.
        TwentyFourHours = "24 hours",
        /// After 48 hours.
        FortyEightHours = "48 hours",
        /// After 3 days.
        ThreeDays = "3 days",
        /// After 7 days.
        SevenDays = "7 days",
        /// After 21 days.
        TwentyOneDays = "21 days",
        /// After 30 days.
        ThirtyDays = "30 days",
        /// After one year.
        OneYear = "1 year",
    }
}

/// The body of a public key roll (schema `RollProjectPublicApiKeyRequestBody`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RollProjectPublicApiKeyRequestBody {
    /// When the previous key stops working.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration_in: Option<KeyExpiration>,
}

/// The body of a secret key roll (schema `RollProjectSecretApiKeyRequestBody`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RollProjectSecretApiKeyRequestBody {
    /// When the previous key stops working.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration_in: Option<KeyExpiration>,
    /// When the new key expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_key_expiration_in: Option<NewKeyExpiration>,
}

/// The new public key (schema `RollProjectPublicApiKeyResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RollProjectPublicApiKeyResponse {
    /// The new key.
    pub public_key: ManagementProjectPublicKey,
}

/// The new secret key (schema `RollProjectSecretApiKeyResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RollProjectSecretApiKeyResponse {
    /// The new key.
    pub secret_key: ManagementProjectSecretKey,
}

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
    pub created_at: Timestamp,
    /// When the webhook last changed.
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
    pub delivered_at: Option<Timestamp>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_creation_timeout_wire_forms() {
        let cases = [
            ("false", VersionCreationTimeout::Disabled),
            ("30", VersionCreationTimeout::Seconds(30)),
            ("300", VersionCreationTimeout::Seconds(300)),
        ];
        for (json, value) in cases {
            assert_eq!(
                serde_json::from_str::<VersionCreationTimeout>(json).unwrap(),
                value
            );
            assert_eq!(serde_json::to_string(&value).unwrap(), json);
        }
        // Read leniently: outside the documented range still decodes, 60.0 too.
        assert_eq!(
            serde_json::from_str::<VersionCreationTimeout>("5").unwrap(),
            VersionCreationTimeout::Seconds(5)
        );
        assert_eq!(
            serde_json::from_str::<VersionCreationTimeout>("60.0").unwrap(),
            VersionCreationTimeout::Seconds(60)
        );
        for bad in ["true", "-1", "1.5", "\"60\"", "null", "{}", "5000000000"] {
            let err = serde_json::from_str::<VersionCreationTimeout>(bad).unwrap_err();
            assert!(
                err.to_string().contains("false or a number of seconds")
                    || err.to_string().contains("invalid type"),
                "{bad}: {err}"
            );
        }
    }

    #[test]
    fn version_creation_timeout_range() {
        assert!(VersionCreationTimeout::seconds(30).is_ok());
        assert!(VersionCreationTimeout::seconds(300).is_ok());
        for bad in [0, 29, 301] {
            let err = VersionCreationTimeout::seconds(bad).unwrap_err();
            assert!(err.is_invalid_input(), "{bad}: {err:?}");
        }
        assert!(VersionCreationTimeout::Disabled.validate().is_ok());
    }

    #[test]
    fn secrets_are_redacted_in_debug() {
        let key: ManagementProjectSecretKey = serde_json::from_str(
            r#"{"createdAt":"2024-09-03T12:34:56.000Z","value":"sk_dev_topsecret"}"#,
        )
        .unwrap();
        assert!(!format!("{key:?}").contains("topsecret"));
        let secret: ManagementWebhookSecret =
            serde_json::from_str(r#"{"value":"whsec_topsecret"}"#).unwrap();
        assert!(!format!("{secret:?}").contains("topsecret"));
        assert_eq!(secret.value, "whsec_topsecret");
    }
}
