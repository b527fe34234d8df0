//! Input the API would reject (or misroute) fails with `Error::InvalidInput` before any
//! request leaves: the recording transport is never called.

use crate::common::*;
use liveblocks_core::models::rooms::{RoomPermission, RoomUpdate};
use liveblocks_core::models::storage::{JsonPatchOp, StorageRoot};
use liveblocks_core::rooms::{GetRoom, GetRooms, SetPresence};
use liveblocks_core::storage::PatchStorageDocument;
use liveblocks_core::{Endpoint, Error};
use serde_json::json;

/// Runs `call` on a fresh mock and checks it failed with `InvalidInput` mentioning
/// `mentions`, without reaching the transport.
fn assert_rejected<O: std::fmt::Debug>(
    what: &str,
    mentions: &str,
    call: impl FnOnce(&MockClient) -> Result<O, Error>,
) {
    let mock = Mock::new(Reply::json(200, "{}"));
    let result = call(&mock.client);
    assert_eq!(mock.calls(), 0, "{what}: the transport was called");
    let err = result.expect_err(what);
    assert!(err.is_invalid_input(), "{what}: {err:?}");
    assert!(matches!(err, Error::InvalidInput(_)), "{what}: {err:?}");
    assert!(
        err.to_string().contains(mentions),
        "{what}: {err} does not mention {mentions:?}"
    );
    assert_eq!(err.status(), None, "{what}");
    assert!(!err.is_retryable(), "{what}");
}

#[test]
fn empty_room_id_is_rejected_by_every_room_operation() {
    type Op = fn(&MockClient) -> Result<(), Error>;
    let ops: [(&str, Op); 18] = [
        ("create_room", |c| c.create_room("", []).send().map(drop)),
        ("get_room", |c| c.get_room("").send().map(drop)),
        ("update_room", |c| {
            c.update_room("").metadata("a", "b").send().map(drop)
        }),
        ("delete_room", |c| c.delete_room("").send()),
        ("prewarm_room", |c| c.prewarm_room("").send()),
        ("upsert_room", |c| {
            c.upsert_room("", RoomUpdate::new()).send().map(drop)
        }),
        ("update_room_id", |c| {
            c.update_room_id("", "new-id").send().map(drop)
        }),
        ("update_room_organization_id", |c| {
            c.update_room_organization_id("", "org_a", "org_b")
                .send()
                .map(drop)
        }),
        ("get_active_users", |c| {
            c.get_active_users("").send().map(drop)
        }),
        ("set_presence", |c| {
            c.set_presence("", "alice", json!({})).send()
        }),
        ("broadcast_event", |c| {
            c.broadcast_event("", json!({})).send()
        }),
        ("get_storage_document", |c| {
            c.get_storage_document("").send().map(drop)
        }),
        ("initialize_storage_document", |c| {
            c.initialize_storage_document("", StorageRoot::default())
                .send()
                .map(drop)
        }),
        ("delete_storage_document", |c| {
            c.delete_storage_document("").send()
        }),
        ("patch_storage_document", |c| {
            c.patch_storage_document("", [JsonPatchOp::remove("/a")])
                .send()
        }),
        ("get_yjs_document", |c| {
            c.get_yjs_document("").send().map(drop)
        }),
        ("send_yjs_binary_update", |c| {
            c.send_yjs_binary_update("", vec![0, 0]).send()
        }),
        ("get_yjs_document_as_binary_update", |c| {
            c.get_yjs_document_as_binary_update("").send().map(drop)
        }),
    ];
    for (name, op) in ops {
        // create_room names its body field `id`; the others name the path parameter.
        let mentions = if name == "create_room" {
            "`id`"
        } else {
            "roomId"
        };
        assert_rejected(name, mentions, op);
    }
}

#[test]
fn empty_new_room_id_is_rejected() {
    assert_rejected("update_room_id with an empty new ID", "newRoomId", |c| {
        c.update_room_id(ROOM, "").send()
    });
}

#[test]
fn the_endpoint_trait_rejects_empty_ids_too() {
    let err = GetRoom::new("").request(&config()).unwrap_err();
    assert!(err.is_invalid_input(), "{err:?}");
    let err = SetPresence::new("", "u", json!({}))
        .request(&config())
        .unwrap_err();
    assert!(err.is_invalid_input(), "{err:?}");
}

#[test]
fn limit_outside_1_to_100_is_rejected() {
    for limit in [0, 101, u32::MAX] {
        assert_rejected(&format!("limit {limit}"), "limit", |c| {
            c.get_rooms().limit(limit).send()
        });
        let err = GetRooms::new().limit(limit).request(&config()).unwrap_err();
        assert!(err.is_invalid_input(), "{err:?}");
    }
}

#[test]
fn ttl_outside_2_to_3599_is_rejected() {
    for ttl in [0, 1, 3600, 86_400] {
        assert_rejected(&format!("ttl {ttl}"), "ttl", |c| {
            c.set_presence(ROOM, "alice", json!({"x": 1}))
                .ttl(ttl)
                .send()
        });
    }
}

#[test]
fn presence_data_must_be_an_object() {
    for data in [
        json!(null),
        json!("active"),
        json!(42),
        json!(true),
        json!([{"x": 1}]),
    ] {
        assert_rejected(&format!("presence data {data}"), "data", |c| {
            c.set_presence(ROOM, "alice", data.clone()).send()
        });
    }
}

#[test]
fn patch_paths_must_be_json_pointers() {
    let bad = [
        JsonPatchOp::add("score", json!(1)),
        JsonPatchOp::remove("oldKey"),
        JsonPatchOp::replace("title", json!("x")),
        JsonPatchOp::test("name", json!("x")),
        JsonPatchOp::copy("/ok", "nope"),
        JsonPatchOp::copy("nope", "/ok"),
        JsonPatchOp::move_to("from", "/ok"),
        JsonPatchOp::move_to("/ok", "to"),
    ];
    for op in bad {
        // A bad op anywhere in the list fails the whole call.
        let ops = [JsonPatchOp::add("/fine", json!(1)), op.clone()];
        assert_rejected(&format!("{op:?}"), "must start with \"/\"", |c| {
            c.patch_storage_document(ROOM, ops.clone()).send()
        });
        let err = PatchStorageDocument::new(ROOM, ops)
            .request(&config())
            .unwrap_err();
        assert!(err.is_invalid_input(), "{err:?}");
    }
}

#[test]
fn valid_neighbours_of_the_rejected_values_are_sent() {
    // The same calls with acceptable values reach the transport exactly once.
    let mock = Mock::new(Reply::empty(204));
    mock.client
        .set_presence(ROOM, "alice", json!({}))
        .ttl(2)
        .send()
        .unwrap();
    assert_eq!(mock.calls(), 1);

    let mock = Mock::new(Reply::empty(200));
    mock.client
        .patch_storage_document(ROOM, [JsonPatchOp::move_to("/a/0", "/b/-")])
        .send()
        .unwrap();
    assert_eq!(mock.calls(), 1);

    let mock = Mock::new(Reply::json(200, ROOM_BODY));
    mock.client
        .create_room("x", [RoomPermission::RoomWrite])
        .send()
        .unwrap();
    assert_eq!(mock.calls(), 1);
}
