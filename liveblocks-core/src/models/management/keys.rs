//! API keys: a project's public and secret keys, and the bodies and answers of a roll.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::models::{open_enum, Timestamp};

/// A project's public key (schema `ManagementProjectPublicKey`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ManagementProjectPublicKey {
    /// Whether the public key can be used.
    pub activated: bool,
    /// When the key was made.
    #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
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
    #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_keys_are_redacted_in_debug() {
        let key: ManagementProjectSecretKey = serde_json::from_str(
            r#"{"createdAt":"2024-09-03T12:34:56.000Z","value":"sk_dev_topsecret"}"#,
        )
        .unwrap();
        assert!(!format!("{key:?}").contains("topsecret"));
    }
}
