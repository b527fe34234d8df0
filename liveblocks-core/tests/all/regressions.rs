//! Regression tests for bugs found while writing the request tests (dot-segment IDs,
//! duplicate user-info keys).

use crate::common::*;
use liveblocks_core::models::rooms::{RoomUpdate, UserInfo};
use liveblocks_core::models::storage::{JsonPatchOp, StorageRoot};
use liveblocks_core::storage::DeleteStorageDocument;
use liveblocks_core::{Endpoint, Error};
use serde_json::json;

type RoomOp = fn(&MockClient, &str) -> Result<(), Error>;

/// Every operation that puts a room ID in the path.
const ROOM_OPERATIONS: [(&str, RoomOp); 17] = [
    ("get_room", |c, r| c.get_room(r).send().map(drop)),
    ("update_room", |c, r| {
        c.update_room(r).metadata("k", "v").send().map(drop)
    }),
    ("delete_room", |c, r| c.delete_room(r).send()),
    ("prewarm_room", |c, r| c.prewarm_room(r).send()),
    ("upsert_room", |c, r| {
        c.upsert_room(r, RoomUpdate::new()).send().map(drop)
    }),
    ("update_room_id", |c, r| {
        c.update_room_id(r, "renamed").send().map(drop)
    }),
    ("update_room_organization_id", |c, r| {
        c.update_room_organization_id(r, "org_a", "org_b")
            .send()
            .map(drop)
    }),
    ("get_active_users", |c, r| {
        c.get_active_users(r).send().map(drop)
    }),
    ("set_presence", |c, r| {
        c.set_presence(r, "alice", json!({})).send()
    }),
    ("broadcast_event", |c, r| {
        c.broadcast_event(r, json!({})).send()
    }),
    ("get_storage_document", |c, r| {
        c.get_storage_document(r).send().map(drop)
    }),
    ("initialize_storage_document", |c, r| {
        c.initialize_storage_document(r, StorageRoot::default())
            .send()
            .map(drop)
    }),
    ("delete_storage_document", |c, r| {
        c.delete_storage_document(r).send()
    }),
    ("patch_storage_document", |c, r| {
        c.patch_storage_document(r, [JsonPatchOp::remove("/a")])
            .send()
    }),
    ("get_yjs_document", |c, r| {
        c.get_yjs_document(r).send().map(drop)
    }),
    ("send_yjs_binary_update", |c, r| {
        c.send_yjs_binary_update(r, vec![0, 0]).send()
    }),
    ("get_yjs_document_as_binary_update", |c, r| {
        c.get_yjs_document_as_binary_update(r).send().map(drop)
    }),
];

/// BUG: `RequestBuilder::path_param` (src/endpoint.rs) rejects an empty value because "it
/// would silently address another resource", but lets `.` and `..` through unencoded
/// (`encode_component` keeps `.` as an unreserved character). URL parsers remove these dot
/// segments: WHATWG URL (`fetch`, the Workers runtime, the dev server's `new URL(req.url)`)
/// and the `url` crate resolve `/v2/rooms/./storage` to `/v2/rooms/storage`, and they treat
/// `%2E` the same way, so no encoding can carry these two IDs. Observed on the dev server:
/// `DELETE /v2/rooms/./storage` (the request `delete_storage_document(".")` builds) answered
/// 204 and deleted the room named `storage`. `delete_room("..")` becomes `DELETE /v2/`.
///
/// Fix: in `path_param`, reject `.` and `..` with `Error::InvalidInput` like the empty string.
#[test]
fn dot_segment_room_ids_are_rejected_before_any_request() {
    for room_id in [".", ".."] {
        for (name, op) in ROOM_OPERATIONS {
            let mock = Mock::new(Reply::json(200, ROOM_BODY));
            let result = op(&mock.client, room_id);
            let sent = (mock.calls() > 0).then(|| mock.only_request().uri().to_string());
            assert!(
                matches!(result, Err(Error::InvalidInput(_))) && sent.is_none(),
                "{name}({room_id:?}) should be rejected before any request, but sent {sent:?} \
                 (a URL parser resolves that path to another resource)"
            );
        }
    }
    // The same through the Endpoint trait.
    let built = DeleteStorageDocument::new(".").request(&config());
    assert!(
        built.as_ref().is_err_and(Error::is_invalid_input),
        "DeleteStorageDocument::new(\".\") built {:?}, which is `DELETE /v2/rooms/storage` \
         (delete the room named \"storage\") once dot segments are removed",
        built.map(|r| r.uri().to_string())
    );
}

/// BUG: `UserInfo` (src/models/rooms.rs) serializes `name`, `avatar` and `color` and then its
/// flattened `extra` map, so `UserInfo::new().name("A").extra("name", "B")` produces
/// `{"name":"A","name":"B"}`: a JSON object with a duplicate key, which set_presence sends
/// as is. Parsers disagree on duplicates (JS keeps the last, others reject the body).
///
/// Fix: make `UserInfo::extra` route `name`/`avatar`/`color` to the typed fields (or skip
/// colliding `extra` keys when serializing) so each key is written once.
#[test]
fn set_presence_never_sends_duplicate_user_info_keys() {
    let info = UserInfo::new()
        .name("Alice")
        .color("#f00")
        .extra("name", "Alice B.")
        .extra("color", "#0f0");
    let mock = Mock::new(Reply::empty(204));
    mock.client
        .set_presence(ROOM, "alice", json!({}))
        .user_info(info)
        .send()
        .unwrap();
    let request = mock.only_request();
    let body = std::str::from_utf8(request.body()).unwrap();
    for key in ["\"name\"", "\"color\""] {
        assert_eq!(
            body.matches(key).count(),
            1,
            "{key} appears more than once in the set_presence body: {body}"
        );
    }
}
