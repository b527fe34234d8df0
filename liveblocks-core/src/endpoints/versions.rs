//! Version history: list a room's versions, snapshot the current document, download a version
//! as a Yjs update, delete a version.

use bytes::Bytes;
use http::Method;

use crate::client::{call_setters, Call, Client};
use crate::config::Config;
use crate::endpoint::{
    decode_json, ignore_body, op, BodyKind, Endpoint, Operation, RequestBuilder,
};
use crate::endpoints::rooms::check_range;
use crate::error::Error;
use crate::models::versions::{CreateVersionHistorySnapshotResponse, HistoryVersion};
use crate::models::{Cursor, Page};
use crate::pagination::Paginated;
use crate::transport::{HttpRequest, HttpResponse};

/// Every operation of this domain.
pub const OPERATIONS: &[Operation] = &[
    GetVersionHistory::OPERATION,
    CreateVersionHistorySnapshot::OPERATION,
    GetYjsVersion::OPERATION,
    DeleteVersion::OPERATION,
];

/// Lists a room's versions, one page at a time (`GET /v2/rooms/{roomId}/versions`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetVersionHistory {
    room_id: String,
    limit: Option<u32>,
    cursor: Option<Cursor>,
}

impl GetVersionHistory {
    /// The first page of `room_id`'s versions.
    pub fn new(room_id: impl Into<String>) -> Self {
        GetVersionHistory {
            room_id: room_id.into(),
            limit: None,
            cursor: None,
        }
    }

    /// Page size, 1 to 100 (server default 20).
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    /// The page at this cursor (a previous page's `next_cursor`).
    pub fn cursor(mut self, cursor: Cursor) -> Self {
        self.cursor = Some(cursor);
        self
    }
}

call_setters!(GetVersionHistory {
    limit(limit: u32),
    cursor(cursor: Cursor),
});

impl Endpoint for GetVersionHistory {
    type Output = Page<HistoryVersion>;
    const OPERATION: Operation = op(
        "get-version-history",
        Method::GET,
        "/rooms/{roomId}/versions",
        &["limit", "cursor"],
        BodyKind::None,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        if let Some(limit) = self.limit {
            check_range("limit", limit, 1, 100)?;
        }
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("roomId", &self.room_id)?
            .query_opt("limit", self.limit)
            .query_opt("cursor", self.cursor.as_ref())
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

impl Paginated for GetVersionHistory {
    type Item = HistoryVersion;

    fn after(self, cursor: Cursor) -> Self {
        self.cursor(cursor)
    }
}

/// Saves the room's current Yjs document as a new version (`POST /v2/rooms/{roomId}/versions`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateVersionHistorySnapshot {
    room_id: String,
}

impl CreateVersionHistorySnapshot {
    /// Snapshots `room_id`.
    pub fn new(room_id: impl Into<String>) -> Self {
        CreateVersionHistorySnapshot {
            room_id: room_id.into(),
        }
    }
}

impl Endpoint for CreateVersionHistorySnapshot {
    type Output = CreateVersionHistorySnapshotResponse;
    const OPERATION: Operation = op(
        "create-version-history-snapshot",
        Method::POST,
        "/rooms/{roomId}/versions",
        &[],
        BodyKind::None,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("roomId", &self.room_id)?
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

/// Declares an endpoint that addresses one version of one room.
macro_rules! version_endpoint {
    ($(#[$meta:meta])* $name:ident, $id:literal, $method:ident, $path:literal, $response:ident, $output:ty, $parse:expr) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $name {
            room_id: String,
            version_id: String,
        }

        impl $name {
            /// The endpoint for `version_id` of `room_id`.
            pub fn new(room_id: impl Into<String>, version_id: impl Into<String>) -> Self {
                $name {
                    room_id: room_id.into(),
                    version_id: version_id.into(),
                }
            }
        }

        impl Endpoint for $name {
            type Output = $output;
            const OPERATION: Operation =
                op($id, Method::$method, $path, &[], BodyKind::None, BodyKind::$response);

            fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
                RequestBuilder::new(config, &Self::OPERATION)
                    .path_param("roomId", &self.room_id)?
                    .path_param("versionId", &self.version_id)?
                    .build()
            }

            fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
                $parse(response)
            }
        }
    };
}

fn body_bytes(response: HttpResponse) -> Result<Bytes, Error> {
    Ok(response.into_body())
}

version_endpoint!(
    /// Downloads one version as a binary Yjs update
    /// (`GET /v2/rooms/{roomId}/versions/{versionId}/yjs`), ready for `Y.applyUpdate`.
    GetYjsVersion, "get-yjs-version", GET, "/rooms/{roomId}/versions/{versionId}/yjs", Binary, Bytes, body_bytes
);
version_endpoint!(
    /// Deletes one version (`DELETE /v2/rooms/{roomId}/versions/{versionId}`).
    DeleteVersion, "delete-version", DELETE, "/rooms/{roomId}/versions/{versionId}", None, (), ignore_body
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
