//! Rooms, Storage, Yjs, storage files, version history, feeds and auth.

use liveblocks_wasm::liveblocks_core::models::rooms::{RoomPermission, RoomUpdate};
use liveblocks_wasm::liveblocks_core::models::storage::{
    JsonPatchOp, StorageDocument, StorageRoot,
};
use liveblocks_wasm::liveblocks_core::models::storage_files::StorageFileMultipartPart;
use liveblocks_wasm::{Client, Error};
use serde_json::Value;

use crate::{binary, empty, json, Args, Failure, Reply};

/// The answer of `operation` if it is one of this module's.
pub(crate) async fn route(c: &Client, operation: &str, a: &Args) -> Reply {
    let room = || a.s("roomId");
    match operation {
        // Rooms.
        "get-rooms" => json(c.get_rooms().await),
        "create-room" => json(
            c.create_room(room()?, a.get::<Vec<RoomPermission>>("defaultAccesses")?)
                .await,
        ),
        "get-room" => json(c.get_room(room()?).await),
        "update-room" => json(c.update_room(room()?).await),
        "delete-room" => empty(c.delete_room(room()?).await),
        "prewarm-room" => empty(c.prewarm_room(room()?).await),
        "upsert-room" => json(
            c.upsert_room(room()?, a.get::<RoomUpdate>("roomUpdate")?)
                .await,
        ),
        "update-room-id" => json(c.update_room_id(room()?, a.s("newRoomId")?).await),
        "update-room-organization-id" => json(
            c.update_room_organization_id(
                room()?,
                a.s("fromOrganizationId")?,
                a.s("toOrganizationId")?,
            )
            .await,
        ),
        "get-active-users" => json(c.get_active_users(room()?).await),
        "set-presence" => empty(
            c.set_presence(room()?, a.s("userId")?, a.get::<Value>("data")?)
                .await,
        ),
        "broadcast-event" => empty(c.broadcast_event(room()?, a.get::<Value>("event")?).await),
        // Storage.
        "get-storage-document" => storage(c.get_storage_document(room()?).await),
        "initialize-storage-document" => json(
            c.initialize_storage_document(room()?, a.get::<StorageRoot>("root")?)
                .await,
        ),
        "delete-storage-document" => empty(c.delete_storage_document(room()?).await),
        "patch-storage-document" => empty(
            c.patch_storage_document(room()?, a.get::<Vec<JsonPatchOp>>("ops")?)
                .await,
        ),
        // Yjs.
        "get-yjs-document" => json(c.get_yjs_document(room()?).await),
        "send-yjs-binary-update" => empty(c.send_yjs_binary_update(room()?, a.bytes()?).await),
        "get-yjs-document-as-binary-update" => {
            binary(c.get_yjs_document_as_binary_update(room()?).await)
        }
        // Storage files.
        "get-storage-file" => json(c.get_storage_file(room()?, a.s("fileId")?).await),
        "upload-storage-file" => json(
            c.upload_storage_file(room()?, a.s("fileId")?, a.s("name")?, a.bytes()?)
                .await,
        ),
        "create-storage-file-multipart-upload" => json(
            c.create_storage_file_multipart_upload(room()?, a.s("fileId")?, a.s("name")?)
                .await,
        ),
        "upload-storage-file-multipart-part" => json(
            c.upload_storage_file_multipart_part(
                room()?,
                a.s("fileId")?,
                a.s("uploadId")?,
                a.get("partNumber")?,
                a.bytes()?,
            )
            .await,
        ),
        "complete-storage-file-multipart-upload" => json(
            c.complete_storage_file_multipart_upload(
                room()?,
                a.s("fileId")?,
                a.s("uploadId")?,
                a.get::<Vec<StorageFileMultipartPart>>("parts")?,
            )
            .await,
        ),
        "abort-storage-file-multipart-upload" => empty(
            c.abort_storage_file_multipart_upload(room()?, a.s("fileId")?, a.s("uploadId")?)
                .await,
        ),
        // Version history.
        "get-version-history" => json(c.get_version_history(room()?).await),
        "create-version-history-snapshot" => json(c.create_version_history_snapshot(room()?).await),
        "get-yjs-version" => binary(c.get_yjs_version(room()?, a.s("versionId")?).await),
        "delete-version" => empty(c.delete_version(room()?, a.s("versionId")?).await),
        // Feeds.
        "get-feeds" => json(c.get_feeds(room()?).await),
        "create-feed" => json(c.create_feed(room()?, a.s("feedId")?).await),
        "get-feed" => json(c.get_feed(room()?, a.s("feedId")?).await),
        "update-feed" => json(
            c.update_feed(room()?, a.s("feedId")?, a.get::<Value>("metadata")?)
                .await,
        ),
        "delete-feed" => empty(c.delete_feed(room()?, a.s("feedId")?).await),
        "get-feed-messages" => json(c.get_feed_messages(room()?, a.s("feedId")?).await),
        "create-feed-message" => json(
            c.create_feed_message(room()?, a.s("feedId")?, a.get::<Value>("data")?)
                .await,
        ),
        "update-feed-message" => json(
            c.update_feed_message(
                room()?,
                a.s("feedId")?,
                a.s("messageId")?,
                a.get::<Value>("data")?,
            )
            .await,
        ),
        "delete-feed-message" => empty(
            c.delete_feed_message(room()?, a.s("feedId")?, a.s("messageId")?)
                .await,
        ),
        // Auth.
        "authorize-user" => json(c.authorize_user(a.s("userId")?).await),
        "identify-user" => json(c.identify_user(a.s("userId")?).await),
        _ => Err(Failure::Unknown),
    }
}

/// Storage as JSON: the live structures, or the plain JSON of the `json` format.
fn storage(output: Result<StorageDocument, Error>) -> Reply {
    match output? {
        StorageDocument::Lson(root) => json(Ok(root)),
        StorageDocument::Json(map) => json(Ok(map)),
    }
}
