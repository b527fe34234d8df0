//! Version history: list a room's versions, snapshot the current document, download a version
//! as a Yjs update, delete a version.

use bytes::Bytes;

use crate::declare::operations;
use crate::endpoint::check_range;
use crate::models::versions::{CreateVersionHistorySnapshotResponse, HistoryVersion};
use crate::models::{Cursor, Page};

operations! {
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
    GetVersionHistory {
        "get-version-history", GET "/rooms/{roomId}/versions", None -> Json Page<HistoryVersion>;
        query ["limit", "cursor"];
        fn get_version_history(room_id: impl Into<String>);
        struct {
            room_id: String = room_id.into(),
            limit: Option<u32> = None,
            cursor: Option<Cursor> = None,
        }
        set {
            /// Page size, 1 to 100 (server default 20).
            fn limit(self, limit: u32) {
                self.limit = Some(limit);
            }
            /// The page after this cursor (a previous page's `next_cursor`), sent as `cursor`.
            fn cursor(self, cursor: Cursor) {
                self.cursor = Some(cursor);
            }
        }
        pages HistoryVersion, cursor;
        path ["roomId" = room_id];
        request(self, req) {
            if let Some(limit) = self.limit {
                check_range("limit", limit, 1, 100)?;
            }
            req.query_opt("limit", self.limit)
                .query_opt("cursor", self.cursor.as_ref())
        }
    }

    /// Saves the room's current Yjs document as a new version.
    CreateVersionHistorySnapshot {
        "create-version-history-snapshot", POST "/rooms/{roomId}/versions",
            None -> Json CreateVersionHistorySnapshotResponse;
        fn create_version_history_snapshot(room_id: impl Into<String>);
        struct { room_id: String = room_id.into() }
        path ["roomId" = room_id];
    }

    /// Downloads one version as a binary Yjs update, ready for `Y.applyUpdate`.
    GetYjsVersion {
        "get-yjs-version", GET "/rooms/{roomId}/versions/{versionId}/yjs", None -> Binary Bytes;
        fn get_yjs_version(room_id: impl Into<String>, version_id: impl Into<String>);
        struct {
            room_id: String = room_id.into(),
            version_id: String = version_id.into(),
        }
        path ["roomId" = room_id, "versionId" = version_id];
    }

    /// Deletes one version.
    DeleteVersion {
        "delete-version", DELETE "/rooms/{roomId}/versions/{versionId}", None -> None ();
        fn delete_version(room_id: impl Into<String>, version_id: impl Into<String>);
        struct {
            room_id: String = room_id.into(),
            version_id: String = version_id.into(),
        }
        path ["roomId" = room_id, "versionId" = version_id];
    }
}
