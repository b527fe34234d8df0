//! Version history: list a room's versions, snapshot the current document, download a version
//! as a Yjs update, delete a version.

use bytes::Bytes;

use crate::call::Call;
use crate::client::Client;
use crate::endpoint::{
    body_bytes, decode_json, ignore_body, list_endpoint, path_endpoint, Endpoint, Operation,
};
use crate::models::versions::{CreateVersionHistorySnapshotResponse, HistoryVersion};

/// Every operation of this domain.
pub const OPERATIONS: &[Operation] = &[
    GetVersionHistory::OPERATION,
    CreateVersionHistorySnapshot::OPERATION,
    GetYjsVersion::OPERATION,
    DeleteVersion::OPERATION,
];

list_endpoint!(
    /// Lists a room's versions, one page at a time (`GET /v2/rooms/{roomId}/versions`).
    GetVersionHistory, "get-version-history", "/rooms/{roomId}/versions", HistoryVersion,
    cursor = "cursor",
    /// The first page of `room_id`'s versions.
    new(room_id = "roomId")
);

path_endpoint!(
    /// Saves the room's current Yjs document as a new version (`POST /v2/rooms/{roomId}/versions`).
    CreateVersionHistorySnapshot, "create-version-history-snapshot", POST,
    "/rooms/{roomId}/versions", Json, CreateVersionHistorySnapshotResponse, decode_json,
    /// Snapshots `room_id`.
    new(room_id = "roomId")
);

path_endpoint!(
    /// Downloads one version as a binary Yjs update
    /// (`GET /v2/rooms/{roomId}/versions/{versionId}/yjs`), ready for `Y.applyUpdate`.
    GetYjsVersion, "get-yjs-version", GET, "/rooms/{roomId}/versions/{versionId}/yjs",
    Binary, Bytes, body_bytes,
    /// The endpoint for `version_id` of `room_id`.
    new(room_id = "roomId", version_id = "versionId")
);
path_endpoint!(
    /// Deletes one version (`DELETE /v2/rooms/{roomId}/versions/{versionId}`).
    DeleteVersion, "delete-version", DELETE, "/rooms/{roomId}/versions/{versionId}",
    None, (), ignore_body,
    /// The endpoint for `version_id` of `room_id`.
    new(room_id = "roomId", version_id = "versionId")
);

/// Version history.
impl<T> Client<T> {
    /// Lists a room's versions, one page at a time.
    ///
    /// ```no_run
    /// # async fn run(client: liveblocks_core::Client<impl liveblocks_core::Transport + 'static>) -> Result<(), liveblocks_core::Error> {
    /// let page = client.get_version_history("my-room").limit(50).await?;
    /// for version in &page.data {
    ///     println!("{} at {}", version.id, version.created_at);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn get_version_history(&self, room_id: impl Into<String>) -> Call<T, GetVersionHistory> {
        self.call(GetVersionHistory::new(room_id))
    }

    /// Saves the room's current Yjs document as a new version.
    pub fn create_version_history_snapshot(
        &self,
        room_id: impl Into<String>,
    ) -> Call<T, CreateVersionHistorySnapshot> {
        self.call(CreateVersionHistorySnapshot::new(room_id))
    }

    /// Downloads one version as a binary Yjs update.
    pub fn get_yjs_version(
        &self,
        room_id: impl Into<String>,
        version_id: impl Into<String>,
    ) -> Call<T, GetYjsVersion> {
        self.call(GetYjsVersion::new(room_id, version_id))
    }

    /// Deletes one version.
    pub fn delete_version(
        &self,
        room_id: impl Into<String>,
        version_id: impl Into<String>,
    ) -> Call<T, DeleteVersion> {
        self.call(DeleteVersion::new(room_id, version_id))
    }
}
