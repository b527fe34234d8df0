//! Storage: read, initialize, delete and patch a room's document of live structures.

use http::Method;

use crate::call::Call;
use crate::client::{call_setters, Client};
use crate::config::Config;
use crate::endpoint::{
    decode_json, ignore_body, op, path_endpoint, BodyKind, Endpoint, Operation, RequestBuilder,
};
use crate::error::Error;
use crate::models::storage::{JsonPatchOp, StorageDocument, StorageFormat, StorageRoot};
use crate::transport::{HttpRequest, HttpResponse};

/// Every operation of this domain.
pub const OPERATIONS: &[Operation] = &[
    GetStorageDocument::OPERATION,
    InitializeStorageDocument::OPERATION,
    DeleteStorageDocument::OPERATION,
    PatchStorageDocument::OPERATION,
];

/// Reads a room's Storage (`GET /v2/rooms/{roomId}/storage`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetStorageDocument {
    room_id: String,
    format: StorageFormat,
}

impl GetStorageDocument {
    /// Reads `room_id`'s Storage as plain LSON.
    pub fn new(room_id: impl Into<String>) -> Self {
        GetStorageDocument {
            room_id: room_id.into(),
            format: StorageFormat::PlainLson,
        }
    }

    /// Chooses the format of the answer; see [`StorageDocument`].
    pub fn format(mut self, format: StorageFormat) -> Self {
        self.format = format;
        self
    }
}

call_setters!(GetStorageDocument { format(format: StorageFormat) });

impl Endpoint for GetStorageDocument {
    type Output = StorageDocument;
    const OPERATION: Operation = op(
        "get-storage-document",
        Method::GET,
        "/rooms/{roomId}/storage",
        &["format"],
        BodyKind::None,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        // Plain LSON is the server's default, so it is not sent.
        let format = (self.format != StorageFormat::PlainLson).then(|| self.format.as_str());
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("roomId", &self.room_id)
            .query_opt("format", format)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        // The spec types the answer as any object: a plain-LSON answer whose root is not
        // tagged `liveblocksType` is kept as plain JSON rather than rejected.
        let tagged_root = self.format == StorageFormat::PlainLson
            && serde_json::from_slice::<RootTag>(response.body())
                .is_ok_and(|root| root.liveblocks_type.is_some());
        Ok(if tagged_root {
            StorageDocument::Lson(decode_json(response)?)
        } else {
            StorageDocument::Json(decode_json(response)?)
        })
    }
}

/// Reads only whether a Storage answer's root carries a `liveblocksType` tag.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct RootTag {
    liveblocks_type: Option<serde::de::IgnoredAny>,
}

/// Sets the Storage of a room whose Storage is empty (`POST /v2/rooms/{roomId}/storage`).
///
/// The server answers 409 `CANNOT_UPDATE_EXISTING_STORAGE` when Storage already has content;
/// delete it first to replace it.
#[derive(Debug, Clone, PartialEq)]
pub struct InitializeStorageDocument {
    room_id: String,
    root: StorageRoot,
}

impl InitializeStorageDocument {
    /// Initializes `room_id`'s Storage with `root`.
    pub fn new(room_id: impl Into<String>, root: StorageRoot) -> Self {
        InitializeStorageDocument {
            room_id: room_id.into(),
            root,
        }
    }
}

impl Endpoint for InitializeStorageDocument {
    type Output = StorageRoot;
    const OPERATION: Operation = op(
        "initialize-storage-document",
        Method::POST,
        "/rooms/{roomId}/storage",
        &[],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("roomId", &self.room_id)
            .json(&self.root)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

path_endpoint!(
    /// Deletes a room's Storage (`DELETE /v2/rooms/{roomId}/storage`).
    DeleteStorageDocument, "delete-storage-document", DELETE, "/rooms/{roomId}/storage",
    None, (), ignore_body,
    /// Deletes `room_id`'s Storage.
    new(room_id = "roomId")
);

/// Applies JSON Patch operations to Storage, all or nothing
/// (`PATCH /v2/rooms/{roomId}/storage/json-patch`).
#[derive(Debug, Clone, PartialEq)]
pub struct PatchStorageDocument {
    room_id: String,
    ops: Vec<JsonPatchOp>,
}

impl PatchStorageDocument {
    /// Applies `ops` in order to `room_id`'s Storage.
    pub fn new(room_id: impl Into<String>, ops: impl IntoIterator<Item = JsonPatchOp>) -> Self {
        PatchStorageDocument {
            room_id: room_id.into(),
            ops: ops.into_iter().collect(),
        }
    }
}

impl Endpoint for PatchStorageDocument {
    type Output = ();
    const OPERATION: Operation = op(
        "patch-storage-document",
        Method::PATCH,
        "/rooms/{roomId}/storage/json-patch",
        &[],
        BodyKind::Json,
        BodyKind::None,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        if let Some(bad) = self
            .ops
            .iter()
            .flat_map(JsonPatchOp::pointers)
            .find(|pointer| !pointer.is_empty() && !pointer.starts_with('/'))
        {
            return Err(Error::invalid_input(format!(
                "JSON Patch path {bad:?} is not a JSON Pointer (it must start with \"/\")"
            )));
        }
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("roomId", &self.room_id)
            .json(&self.ops)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        ignore_body(response)
    }
}

/// Storage.
impl<T> Client<T> {
    /// Reads a room's Storage, as plain LSON unless [`GetStorageDocument::format`] says
    /// otherwise.
    pub fn get_storage_document(&self, room_id: impl Into<String>) -> Call<T, GetStorageDocument> {
        self.call(GetStorageDocument::new(room_id))
    }

    /// Sets the Storage of a room whose Storage is empty; returns what was stored.
    ///
    /// ```no_run
    /// # async fn run(client: liveblocks_core::Client<impl liveblocks_core::Transport + 'static>) -> Result<(), liveblocks_core::Error> {
    /// use liveblocks_core::models::storage::{LiveNode, Lson, StorageRoot};
    /// use serde_json::json;
    ///
    /// let root = StorageRoot::new([
    ///     ("title", Lson::from(json!("Roadmap"))),
    ///     ("items", LiveNode::list([]).into()),
    /// ]);
    /// client.initialize_storage_document("my-room", root).await?;
    /// # Ok(()) }
    /// ```
    pub fn initialize_storage_document(
        &self,
        room_id: impl Into<String>,
        root: StorageRoot,
    ) -> Call<T, InitializeStorageDocument> {
        self.call(InitializeStorageDocument::new(room_id, root))
    }

    /// Deletes a room's Storage.
    pub fn delete_storage_document(
        &self,
        room_id: impl Into<String>,
    ) -> Call<T, DeleteStorageDocument> {
        self.call(DeleteStorageDocument::new(room_id))
    }

    /// Applies JSON Patch operations to a room's Storage, all or nothing.
    pub fn patch_storage_document(
        &self,
        room_id: impl Into<String>,
        ops: impl IntoIterator<Item = JsonPatchOp>,
    ) -> Call<T, PatchStorageDocument> {
        self.call(PatchStorageDocument::new(room_id, ops))
    }
}
