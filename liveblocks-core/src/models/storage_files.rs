//! Storage files: files uploaded into a room, referenced from Storage through `LiveFile` nodes.
//!
//! The upload answers with a [`LiveFileData`], the value a `LiveFile` node carries.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::models::Timestamp;

pub use crate::models::storage::LiveFileData;

/// The characters a storage file ID is made of after its `fl_` prefix (64 of them, so one
/// random byte's low 6 bits pick one uniformly).
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

/// How many characters follow the `fl_` prefix.
const ID_LEN: usize = 21;

/// A storage file ID: `fl_` followed by 21 characters among `A-Z a-z 0-9 _ -`.
///
/// The client picks the ID before uploading. Core does no I/O and reads no randomness, so it
/// either checks an ID you already have ([`StorageFileId::new`]) or builds one from 21 random
/// bytes you supply ([`StorageFileId::from_random_bytes`]).
///
/// ```
/// use liveblocks_core::models::storage_files::StorageFileId;
///
/// let id = StorageFileId::new("fl_abc123456789012345678")?;
/// assert_eq!(id.as_str(), "fl_abc123456789012345678");
/// assert!(StorageFileId::new("fl_short").is_err());
///
/// // With bytes from any random source (rand, getrandom, crypto.getRandomValues...):
/// let random_bytes = [7u8; 21];
/// let id = StorageFileId::from_random_bytes(random_bytes);
/// assert!(StorageFileId::new(id.as_str()).is_ok());
/// # Ok::<(), liveblocks_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct StorageFileId(String);

impl StorageFileId {
    /// Checks that `id` matches `^fl_[A-Za-z0-9_-]{21}$`; anything else is
    /// [`Error::InvalidInput`].
    pub fn new(id: impl Into<String>) -> Result<Self, Error> {
        let id = id.into();
        validate_file_id(&id)?;
        Ok(StorageFileId(id))
    }

    /// Builds an ID from 21 random bytes, one character per byte (its low 6 bits).
    ///
    /// The ID is as unpredictable as the bytes are: pass bytes from a cryptographic source.
    pub fn from_random_bytes(bytes: [u8; ID_LEN]) -> Self {
        let mut id = String::with_capacity(3 + ID_LEN);
        id.push_str("fl_");
        id.extend(bytes.iter().map(|b| ALPHABET[usize::from(b & 63)] as char));
        StorageFileId(id)
    }

    /// The ID as sent on the wire.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for StorageFileId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let id = String::deserialize(deserializer)?;
        StorageFileId::new(id).map_err(serde::de::Error::custom)
    }
}

impl fmt::Display for StorageFileId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for StorageFileId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<StorageFileId> for String {
    fn from(id: StorageFileId) -> Self {
        id.0
    }
}

impl std::str::FromStr for StorageFileId {
    type Err = Error;

    fn from_str(id: &str) -> Result<Self, Self::Err> {
        StorageFileId::new(id)
    }
}

/// Checks the `^fl_[A-Za-z0-9_-]{21}$` pattern.
pub(crate) fn validate_file_id(id: &str) -> Result<(), Error> {
    let valid = id
        .strip_prefix("fl_")
        .is_some_and(|rest| rest.len() == ID_LEN && rest.bytes().all(|b| ALPHABET.contains(&b)));
    if valid {
        Ok(())
    } else {
        Err(Error::invalid_input(format!(
            "invalid storage file ID {id:?}: it must be \"fl_\" followed by 21 characters \
             among A-Z, a-z, 0-9, \"_\" and \"-\""
        )))
    }
}

/// A stored file with a signed download URL (schema `StorageFileWithUrl`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct StorageFileWithUrl {
    /// The file ID (`fl_...`).
    pub id: String,
    /// The file name.
    pub name: String,
    /// The size in bytes.
    pub size: u64,
    /// The MIME type.
    pub mime_type: String,
    /// A signed URL that downloads the file until [`StorageFileWithUrl::expires_at`].
    pub url: String,
    /// When the URL stops working.
    #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
    pub expires_at: Timestamp,
}

/// A multipart upload that was started (schema `StorageFileMultipartUpload`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct StorageFileMultipartUpload {
    /// The file ID the upload is for.
    pub file_id: String,
    /// The upload's ID, needed to send parts, complete and abort.
    pub upload_id: String,
}

/// One uploaded part of a multipart upload (schema `StorageFileMultipartPart`).
///
/// Upload answers give these; hand them all back to complete the upload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct StorageFileMultipartPart {
    /// The part's number, from 1.
    pub part_number: u32,
    /// The part's entity tag, as the upload answered.
    pub etag: String,
}

impl StorageFileMultipartPart {
    /// A part, e.g. one whose upload answer you stored yourself.
    pub fn new(part_number: u32, etag: impl Into<String>) -> Self {
        StorageFileMultipartPart {
            part_number,
            etag: etag.into(),
        }
    }
}

/// The body that completes a multipart upload (schema
/// `CompleteStorageFileMultipartUploadRequestBody`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CompleteStorageFileMultipartUploadRequestBody {
    /// Every uploaded part.
    pub parts: Vec<StorageFileMultipartPart>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_id_pattern() {
        for good in [
            "fl_abc123456789012345678",
            "fl_AAAAAAAAAAAAAAAAAAAAA",
            "fl_-_-_-_-_-_-_-_-_-_-_-",
        ] {
            assert_eq!(StorageFileId::new(good).unwrap().as_str(), good);
        }
        for bad in [
            "",
            "fl_",
            "fl_abc12345678901234567",   // 20
            "fl_abc1234567890123456789", // 22
            "at_abc123456789012345678",
            "FL_abc123456789012345678",
            "fl_abc12345678901234567!",
            "fl_abc12345678901234567 ",
            "fl_abc1234567890123456é",
        ] {
            let err = StorageFileId::new(bad).unwrap_err();
            assert!(err.is_invalid_input(), "{bad:?} gave {err:?}");
        }
    }

    #[test]
    fn random_ids_are_valid_and_use_every_character() {
        let mut seen = std::collections::BTreeSet::new();
        for start in (0u8..=255).step_by(21) {
            let mut bytes = [0u8; 21];
            for (i, b) in bytes.iter_mut().enumerate() {
                *b = start.wrapping_add(i as u8);
            }
            let id = StorageFileId::from_random_bytes(bytes);
            assert!(StorageFileId::new(id.as_str()).is_ok(), "{id}");
            seen.extend(id.as_str()[3..].chars());
        }
        assert_eq!(seen.len(), 64);
        assert_eq!(
            StorageFileId::from_random_bytes([0; 21]).as_str(),
            "fl_AAAAAAAAAAAAAAAAAAAAA"
        );
        assert_eq!(
            StorageFileId::from_random_bytes([255; 21]).as_str(),
            "fl_---------------------"
        );
    }

    #[test]
    fn file_id_serde() {
        let id: StorageFileId = serde_json::from_str(r#""fl_abc123456789012345678""#).unwrap();
        assert_eq!(
            serde_json::to_string(&id).unwrap(),
            r#""fl_abc123456789012345678""#
        );
        assert!(serde_json::from_str::<StorageFileId>(r#""fl_nope""#).is_err());
        assert_eq!(
            "fl_abc123456789012345678"
                .parse::<StorageFileId>()
                .unwrap()
                .to_string(),
            "fl_abc123456789012345678"
        );
    }
}
