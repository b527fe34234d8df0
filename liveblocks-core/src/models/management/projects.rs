//! Projects: a project, its settings and the bodies that create and change it.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::keys::{ManagementProjectPublicKey, ManagementProjectSecretKey};
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
    #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
    pub created_at: Timestamp,
    /// When the project last changed.
    #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
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
}
