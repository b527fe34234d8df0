//! Storage: read, initialize, delete and patch a room's document of live structures.

use crate::declare::operations;
use crate::endpoint::decode_json;
use crate::error::Error;
use crate::models::storage::{JsonPatchOp, StorageDocument, StorageFormat, StorageRoot};

operations! {
    /// Reads a room's Storage, as plain LSON unless [`GetStorageDocument::format`] says
    /// otherwise.
    GetStorageDocument {
        "get-storage-document", GET "/rooms/{roomId}/storage", None -> Json StorageDocument;
        query ["format"];
        fn get_storage_document(room_id: impl Into<String>);
        struct {
            room_id: String = room_id.into(),
            format: StorageFormat = StorageFormat::PlainLson,
        }
        set {
            /// Chooses the format of the answer; see [`StorageDocument`].
            fn format(self, format: StorageFormat) {
                self.format = format;
            }
        }
        path ["roomId" = room_id];
        request(self, req) {
            // Plain LSON is the server's default, so it is not sent.
            let format = (self.format != StorageFormat::PlainLson).then(|| self.format.as_str());
            req.query_opt("format", format)
        }
        parse(self, response) {
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

    /// Sets the Storage of a room whose Storage is empty; returns what was stored.
    ///
    /// The server answers 409 `CANNOT_UPDATE_EXISTING_STORAGE` when Storage already has
    /// content; delete it first to replace it.
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
    InitializeStorageDocument {
        "initialize-storage-document", POST "/rooms/{roomId}/storage", Json -> Json StorageRoot;
        fn initialize_storage_document(room_id: impl Into<String>, root: StorageRoot);
        struct {
            room_id: String = room_id.into(),
            root: StorageRoot = root,
        }
        path ["roomId" = room_id];
        request(self, req) {
            req.json(&self.root)
        }
    }

    /// Deletes a room's Storage.
    DeleteStorageDocument {
        "delete-storage-document", DELETE "/rooms/{roomId}/storage", None -> None ();
        fn delete_storage_document(room_id: impl Into<String>);
        struct { room_id: String = room_id.into() }
        path ["roomId" = room_id];
    }

    /// Applies JSON Patch operations, in order, to a room's Storage, all or nothing.
    PatchStorageDocument {
        "patch-storage-document", PATCH "/rooms/{roomId}/storage/json-patch", Json -> None ();
        fn patch_storage_document(
            room_id: impl Into<String>,
            ops: impl IntoIterator<Item = JsonPatchOp>,
        );
        struct {
            room_id: String = room_id.into(),
            ops: Vec<JsonPatchOp> = ops.into_iter().collect(),
        }
        path ["roomId" = room_id];
        request(self, req) {
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
            req.json(&self.ops)
        }
    }
}

/// Reads only whether a Storage answer's root carries a `liveblocksType` tag.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct RootTag {
    liveblocks_type: Option<serde::de::IgnoredAny>,
}
