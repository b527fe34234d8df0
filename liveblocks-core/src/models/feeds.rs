//! Feeds: named streams of JSON messages inside a room.
//!
//! Unlike the rest of the API, feeds write times as Unix epoch **milliseconds** (JSON
//! numbers), read here as [`EpochMillis`].

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use super::Timestamp;

/// A point in time as Unix epoch milliseconds, the way feeds write it.
///
/// Decoding accepts any JSON number (the spec types these as `number`); a fractional part is
/// dropped. Encoding writes an integer.
///
/// ```
/// use liveblocks_core::models::feeds::EpochMillis;
///
/// let t: EpochMillis = serde_json::from_str("1660000988137").unwrap();
/// assert_eq!(t.as_millis(), 1_660_000_988_137);
/// assert_eq!(t.to_timestamp().unwrap().to_string(), "2022-08-08T23:23:08.137Z");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EpochMillis(i64);

impl EpochMillis {
    /// Wraps milliseconds since the Unix epoch.
    pub const fn new(millis: i64) -> Self {
        EpochMillis(millis)
    }

    /// Milliseconds since the Unix epoch.
    pub const fn as_millis(self) -> i64 {
        self.0
    }

    /// The same instant as a [`Timestamp`], or `None` if it is outside the range `jiff`
    /// supports.
    pub fn to_timestamp(self) -> Option<Timestamp> {
        Timestamp::from_millisecond(self.0).ok()
    }
}

impl From<i64> for EpochMillis {
    fn from(millis: i64) -> Self {
        EpochMillis(millis)
    }
}

impl From<Timestamp> for EpochMillis {
    fn from(timestamp: Timestamp) -> Self {
        EpochMillis(timestamp.as_millisecond())
    }
}

impl std::fmt::Display for EpochMillis {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl Serialize for EpochMillis {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.0)
    }
}

impl<'de> Deserialize<'de> for EpochMillis {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;

        impl serde::de::Visitor<'_> for Visitor {
            type Value = EpochMillis;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a Unix time in milliseconds")
            }

            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<EpochMillis, E> {
                Ok(EpochMillis(v))
            }

            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<EpochMillis, E> {
                i64::try_from(v)
                    .map(EpochMillis)
                    .map_err(|_| E::custom(format!("time {v} ms is out of range")))
            }

            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<EpochMillis, E> {
                // i64::MIN/MAX as f64 are exact powers of two, so this bounds check is exact.
                if v.is_finite() && v >= i64::MIN as f64 && v < i64::MAX as f64 {
                    Ok(EpochMillis(v.trunc() as i64))
                } else {
                    Err(E::custom(format!("time {v} ms is out of range")))
                }
            }
        }

        deserializer.deserialize_any(Visitor)
    }
}

/// A feed (schema `Feed`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Feed {
    /// The feed ID, unique in its room.
    pub feed_id: String,
    /// Free-form metadata.
    pub metadata: Map<String, Value>,
    /// When it was created.
    pub created_at: EpochMillis,
    /// When it was last changed.
    pub updated_at: EpochMillis,
}

/// A message of a feed (schema `FeedMessage`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct FeedMessage {
    /// The message ID.
    pub id: String,
    /// When it was created.
    pub created_at: EpochMillis,
    /// When it was last changed.
    pub updated_at: EpochMillis,
    /// Its content, free-form.
    pub data: Map<String, Value>,
}

/// The body of `create-feed` (schema `CreateFeedRequestBody`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateFeedRequestBody {
    /// The new feed's ID.
    pub feed_id: String,
    /// Free-form metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Map<String, Value>>,
    /// Its creation time; the server uses the current time when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<EpochMillis>,
}

/// The body of `update-feed` (schema `UpdateFeedRequestBody`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateFeedRequestBody {
    /// The new metadata.
    pub metadata: Map<String, Value>,
}

/// The body of `create-feed-message` (schema `CreateFeedMessageRequestBody`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateFeedMessageRequestBody {
    /// A message ID of your choice; the server makes one when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its creation time; the server uses the current time when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<EpochMillis>,
    /// Its content.
    pub data: Map<String, Value>,
}

/// The body of `update-feed-message` (schema `UpdateFeedMessageRequestBody`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateFeedMessageRequestBody {
    /// The new content.
    pub data: Map<String, Value>,
    /// The update time; the server uses the current time when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<EpochMillis>,
}
