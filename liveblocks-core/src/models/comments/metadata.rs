//! Thread and comment metadata: values, and the changes `edit-thread-metadata` and
//! `edit-comment-metadata` send.

use std::collections::BTreeMap;

use serde::ser::Error as _;
use serde::{Deserialize, Serialize, Serializer};

use crate::models::Timestamp;

/// One thread or comment metadata value: a string (at most 4000 characters), a number or a
/// boolean.
///
/// Whole numbers are sent without a fractional part (`25`, not `25.0`). NaN and infinities
/// can't be sent: serializing them fails, so a request containing one is rejected with
/// [`Error::InvalidInput`](crate::Error::InvalidInput) before anything is sent.
///
/// ```
/// use liveblocks_core::models::comments::MetadataValue;
///
/// assert_eq!(serde_json::to_string(&MetadataValue::from(25)).unwrap(), "25");
/// assert_eq!(serde_json::to_string(&MetadataValue::from(2.5)).unwrap(), "2.5");
/// assert_eq!(serde_json::to_string(&MetadataValue::from("blue")).unwrap(), r#""blue""#);
/// let value: MetadataValue = serde_json::from_str("true").unwrap();
/// assert_eq!(value, MetadataValue::Boolean(true));
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum MetadataValue {
    /// A string.
    String(String),
    /// A number.
    Number(f64),
    /// A boolean.
    Boolean(bool),
}

impl MetadataValue {
    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            MetadataValue::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number, if this is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            MetadataValue::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The boolean, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            MetadataValue::Boolean(b) => Some(*b),
            _ => None,
        }
    }
}

/// The largest integer an `f64` holds exactly (2^53).
const MAX_EXACT_INTEGER: f64 = 9_007_199_254_740_992.0;

impl Serialize for MetadataValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            MetadataValue::String(s) => serializer.serialize_str(s),
            MetadataValue::Boolean(b) => serializer.serialize_bool(*b),
            MetadataValue::Number(n) if !n.is_finite() => Err(S::Error::custom(format!(
                "metadata number {n} is not finite"
            ))),
            MetadataValue::Number(n) if n.fract() == 0.0 && n.abs() <= MAX_EXACT_INTEGER => {
                // Exact: |n| <= 2^53 and no fractional part.
                serializer.serialize_i64(*n as i64)
            }
            MetadataValue::Number(n) => serializer.serialize_f64(*n),
        }
    }
}

impl From<&str> for MetadataValue {
    fn from(value: &str) -> Self {
        MetadataValue::String(value.to_owned())
    }
}

impl From<String> for MetadataValue {
    fn from(value: String) -> Self {
        MetadataValue::String(value)
    }
}

impl From<bool> for MetadataValue {
    fn from(value: bool) -> Self {
        MetadataValue::Boolean(value)
    }
}

impl From<f64> for MetadataValue {
    fn from(value: f64) -> Self {
        MetadataValue::Number(value)
    }
}

macro_rules! metadata_from_int {
    ($($ty:ty),*) => {$(
        impl From<$ty> for MetadataValue {
            fn from(value: $ty) -> Self {
                MetadataValue::Number(f64::from(value))
            }
        }
    )*};
}
metadata_from_int!(i8, i16, i32, u8, u16, u32);

/// A thread's metadata (schema `ThreadMetadata`): at most 50 keys of at most 40 characters.
pub type ThreadMetadata = BTreeMap<String, MetadataValue>;

/// A comment's metadata (schema `CommentMetadata`): at most 50 keys of at most 40 characters.
pub type CommentMetadata = BTreeMap<String, MetadataValue>;

/// Changes to a thread's or a comment's metadata (schemas `EditThreadMetadataRequestBody` and
/// `EditCommentMetadataRequestBody`, which are the same).
///
/// Keys not named are kept; removing a key sends `null` for it.
///
/// ```
/// use liveblocks_core::models::comments::MetadataUpdate;
///
/// let update = MetadataUpdate::new("alice").set("status", "open").set("priority", 2).remove("color");
/// assert_eq!(
///     serde_json::to_string(&update).unwrap(),
///     r#"{"metadata":{"color":null,"priority":2,"status":"open"},"userId":"alice"}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MetadataUpdate {
    /// The changes: a value sets the key, `None` (sent as `null`) removes it.
    pub metadata: BTreeMap<String, Option<MetadataValue>>,
    /// The user making the change.
    pub user_id: String,
    /// When the change happened (the server's clock when left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::models::timestamp::option")]
    pub updated_at: Option<Timestamp>,
}

impl MetadataUpdate {
    /// An update by `user_id` that changes nothing yet.
    pub fn new(user_id: impl Into<String>) -> Self {
        MetadataUpdate {
            metadata: BTreeMap::new(),
            user_id: user_id.into(),
            updated_at: None,
        }
    }

    /// Sets one key.
    pub fn set(mut self, key: impl Into<String>, value: impl Into<MetadataValue>) -> Self {
        self.metadata.insert(key.into(), Some(value.into()));
        self
    }

    /// Removes one key (sends `null`).
    pub fn remove(mut self, key: impl Into<String>) -> Self {
        self.metadata.insert(key.into(), None);
        self
    }

    /// When the change happened.
    pub fn updated_at(mut self, updated_at: Timestamp) -> Self {
        self.updated_at = Some(updated_at);
        self
    }
}

/// The body of `edit-thread-metadata` (schema `EditThreadMetadataRequestBody`).
pub type EditThreadMetadataRequestBody = MetadataUpdate;
/// The body of `edit-comment-metadata` (schema `EditCommentMetadataRequestBody`).
pub type EditCommentMetadataRequestBody = MetadataUpdate;
