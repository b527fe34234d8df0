//! AI: copilots (their provider, model and options) and the knowledge sources they draw on.
//!
//! Two unions carry a tag and keep values this SDK version does not know:
//! [`AiCopilotProvider`] (tagged on `provider`) and [`KnowledgeSourceKind`] (tagged on
//! `type`). A known tag with a wrong shape is still a decode error.
//!
//! The types live in three files, [`providers`] (models, provider options and settings),
//! [`copilots`] and [`knowledge`]; every one of them is re-exported here.

use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

pub mod copilots;
pub mod knowledge;
pub mod providers;

pub use copilots::*;
pub use knowledge::*;
pub use providers::*;

/// Decodes a map tagged on `tag`: a known tag value goes to the strict derived decoder `K`,
/// any other string comes back as the raw map. A missing or non-string tag is an error.
pub(crate) fn decode_tagged<'de, D, K>(
    deserializer: D,
    tag: &'static str,
    known: &[&str],
) -> Result<Result<K, Map<String, Value>>, D::Error>
where
    D: Deserializer<'de>,
    K: DeserializeOwned,
{
    let fields = Map::<String, Value>::deserialize(deserializer)?;
    match fields.get(tag) {
        None => Err(D::Error::missing_field(tag)),
        Some(Value::String(value)) if known.contains(&value.as_str()) => {
            serde_json::from_value(Value::Object(fields))
                .map(Ok)
                .map_err(D::Error::custom)
        }
        Some(Value::String(_)) => Ok(Err(fields)),
        Some(other) => Err(D::Error::custom(format!(
            "`{tag}` must be a string, got {other}"
        ))),
    }
}
