//! Version history: snapshots of a room's Yjs document.

use serde::{Deserialize, Serialize};

use crate::models::{Page, Timestamp};

/// One version of a room's document (schema `HistoryVersion`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct HistoryVersion {
    /// The version ID (`vh_...`).
    pub id: String,
    /// When the version was made.
    #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
    pub created_at: Timestamp,
    /// The users whose changes the version holds.
    pub authors: Vec<HistoryVersionAuthor>,
}

/// An author of a [`HistoryVersion`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct HistoryVersionAuthor {
    /// The user ID (optional in the spec).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// One page of a room's versions, newest first (schema `GetVersionHistoryResponse`).
pub type GetVersionHistoryResponse = Page<HistoryVersion>;

/// The answer to a snapshot request (schema `CreateVersionHistorySnapshotResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CreateVersionHistorySnapshotResponse {
    /// The new version.
    pub data: VersionSnapshot,
}

impl CreateVersionHistorySnapshotResponse {
    /// The new version's ID.
    pub fn id(&self) -> &str {
        &self.data.id
    }
}

/// The version a snapshot made (the `data` of `CreateVersionHistorySnapshotResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct VersionSnapshot {
    /// The version ID (`vh_...`).
    pub id: String,
}
