//! The exact request each operation builds: method, full URI, headers and body bytes, checked
//! both through `Client` (a recording closure transport) and through `Endpoint::request`.

use crate::common::*;
use bytes::Bytes;
use http::Method;
use liveblocks_core::models::rooms::{
    NewRoom, RoomPermission as P, RoomUpdate, StorageEngine, UserInfo,
};
use liveblocks_core::models::storage::{
    JsonPatchOp, LiveNode, Lson, StorageDocument, StorageFormat, StorageRoot,
};
use liveblocks_core::models::yjs::YjsType;
use liveblocks_core::models::Cursor;
use liveblocks_core::rooms::{
    BroadcastEvent, CreateRoom, DeleteRoom, GetActiveUsers, GetRoom, GetRooms, PrewarmRoom,
    SetPresence, UpdateRoom, UpdateRoomId, UpdateRoomOrganizationId, UpsertRoom,
};
use liveblocks_core::storage::{
    DeleteStorageDocument, GetStorageDocument, InitializeStorageDocument, PatchStorageDocument,
};
use liveblocks_core::yjs::{GetYjsDocument, GetYjsDocumentAsBinaryUpdate, SendYjsBinaryUpdate};
use liveblocks_core::{Client, Config, Endpoint, TransportError};
use serde_json::json;

fn room_reply() -> Reply {
    Reply::json(200, ROOM_BODY)
}

fn room_path(suffix: &str) -> String {
    format!("/rooms/{ROOM_ENC}{suffix}")
}

#[test]
fn get_rooms() {
    let page = || Reply::value(200, json!({"data": [], "nextCursor": null}));

    // No parameter set: no query string at all (the server default limit is not sent).
    let expected = expect(Method::GET, "/rooms", Body::None);
    let out = check_op(page(), |c| c.get_rooms().send(), GetRooms::new(), &expected);
    assert!(out.data.is_empty());

    // Every parameter, each encoded as one query value; group IDs joined with commas.
    let filter = r#"metadata["color"]:"blue" AND roomId^"liveblocks:""#;
    let expected = expect(
        Method::GET,
        "/rooms?limit=50\
         &startingAfter=W1siaWQiLDFd%3D%3D\
         &organizationId=org%201\
         &query=metadata%5B%22color%22%5D%3A%22blue%22%20AND%20roomId%5E%22liveblocks%3A%22\
         &userId=alice%40example.com\
         &groupIds=eng%2Cdesign%20team%2Cr%26d",
        Body::None,
    );
    check_op(
        page(),
        |c| {
            c.get_rooms()
                .limit(50)
                .starting_after(Cursor::new("W1siaWQiLDFd=="))
                .organization_id("org 1")
                .query(filter)
                .user_id("alice@example.com")
                .group_ids(["eng", "design team", "r&d"])
                .send()
        },
        GetRooms::new()
            .limit(50)
            .starting_after(Cursor::new("W1siaWQiLDFd=="))
            .organization_id("org 1")
            .query(filter)
            .user_id("alice@example.com")
            .group_ids(["eng", "design team", "r&d"]),
        &expected,
    );

    // An empty group list sends nothing; the limit bounds are accepted and sent.
    let expected = expect(Method::GET, "/rooms?userId=bob", Body::None);
    check_op(
        page(),
        |c| {
            c.get_rooms()
                .user_id("bob")
                .group_ids(Vec::<String>::new())
                .send()
        },
        GetRooms::new()
            .user_id("bob")
            .group_ids(Vec::<String>::new()),
        &expected,
    );
    for limit in [1, 100] {
        let expected = expect(Method::GET, &format!("/rooms?limit={limit}"), Body::None);
        check_op(
            page(),
            |c| c.get_rooms().limit(limit).send(),
            GetRooms::new().limit(limit),
            &expected,
        );
    }
}

#[test]
fn create_room() {
    // Minimal: the room ID goes in the body as is, `defaultAccesses` is always sent.
    let expected = expect(
        Method::POST,
        "/rooms",
        Body::Json(json!({"id": ROOM, "defaultAccesses": []})),
    );
    check_op(
        room_reply(),
        |c| c.create_room(ROOM, []).send(),
        CreateRoom::new(ROOM, []),
        &expected,
    );

    // Everything set, idempotent: a bare `?idempotent`, engine as an integer.
    let full_body = json!({
        "id": "my-room-3ebc26e2bf96",
        "organizationId": "org_123456789",
        "defaultAccesses": ["*:write"],
        "usersAccesses": {"alice": ["*:write"], "bob": ["room:read", "not:a:permission"]},
        "groupsAccesses": {"product": ["room:write", "comments:write"]},
        "metadata": {"color": "blue", "tags": ["a", "b"]},
        "engine": 2
    });
    let expected = expect(
        Method::POST,
        "/rooms?idempotent",
        Body::Json(full_body.clone()),
    );
    check_op(
        room_reply(),
        |c| {
            c.create_room("my-room-3ebc26e2bf96", [P::AllWrite])
                .organization_id("org_123456789")
                .user_access("alice", [P::AllWrite])
                .user_access("bob", [P::RoomRead, P::Other("not:a:permission".into())])
                .group_access("product", [P::RoomWrite, P::CommentsWrite])
                .metadata("color", "blue")
                .metadata("tags", ["a", "b"])
                .engine(StorageEngine::V2)
                .idempotent(true)
                .send()
        },
        CreateRoom::new("my-room-3ebc26e2bf96", [])
            .settings(
                NewRoom::new([P::AllWrite])
                    .organization_id("org_123456789")
                    .user_access("alice", [P::AllWrite])
                    .user_access("bob", [P::RoomRead, "not:a:permission".into()])
                    .group_access("product", [P::RoomWrite, P::CommentsWrite])
                    .metadata("color", "blue")
                    .metadata("tags", vec!["a".to_owned(), "b".to_owned()]),
            )
            .engine(StorageEngine::V2)
            .idempotent(true),
        &expected,
    );

    // idempotent(false) is left out (the server treats any value as true); engine 1.
    let expected = expect(
        Method::POST,
        "/rooms",
        Body::Json(json!({"id": "r", "defaultAccesses": ["room:read"], "engine": 1})),
    );
    check_op(
        room_reply(),
        |c| {
            c.create_room("r", [P::RoomRead])
                .engine(StorageEngine::V1)
                .idempotent(false)
                .send()
        },
        CreateRoom::new("r", [P::RoomRead])
            .engine(StorageEngine::V1)
            .idempotent(false),
        &expected,
    );
}

#[test]
fn get_room() {
    let expected = expect(Method::GET, &room_path(""), Body::None);
    let room = check_op(
        room_reply(),
        |c| c.get_room(ROOM).send(),
        GetRoom::new(ROOM),
        &expected,
    );
    assert_eq!(room.id, "react-todo-list");
}

#[test]
fn update_room() {
    // Nothing set: an empty object, no field sent.
    let expected = expect(Method::POST, &room_path(""), Body::Json(json!({})));
    check_op(
        room_reply(),
        |c| c.update_room(ROOM).send(),
        UpdateRoom::new(ROOM),
        &expected,
    );

    // Sets and removals: removed users, groups and metadata keys are sent as null.
    let expected = expect(
        Method::POST,
        &room_path(""),
        Body::Json(json!({
            "defaultAccesses": ["room:read", "room:presence:write"],
            "usersAccesses": {"alice": ["room:write"], "bob": null},
            "groupsAccesses": {"engineering": ["*:read"], "marketing": null},
            "metadata": {"color": "red", "tags": ["x", "y"], "size": null}
        })),
    );
    check_op(
        room_reply(),
        |c| {
            c.update_room(ROOM)
                .default_accesses([P::RoomRead, P::RoomPresenceWrite])
                .user_access("alice", [P::RoomWrite])
                .remove_user_access("bob")
                .group_access("engineering", [P::AllRead])
                .remove_group_access("marketing")
                .metadata("color", "red")
                .metadata("tags", ["x", "y"])
                .remove_metadata("size")
                .send()
        },
        UpdateRoom::new(ROOM).changes(
            RoomUpdate::new()
                .default_accesses([P::RoomRead, P::RoomPresenceWrite])
                .user_access("alice", [P::RoomWrite])
                .remove_user_access("bob")
                .group_access("engineering", [P::AllRead])
                .remove_group_access("marketing")
                .metadata("color", "red")
                .metadata("tags", ["x", "y"])
                .remove_metadata("size"),
        ),
        &expected,
    );

    // Resetting the default accesses sends `null`; nothing else appears.
    let expected = expect(
        Method::POST,
        &room_path(""),
        Body::Json(json!({"defaultAccesses": null})),
    );
    check_op(
        room_reply(),
        |c| c.update_room(ROOM).reset_default_accesses().send(),
        UpdateRoom::new(ROOM).reset_default_accesses(),
        &expected,
    );

    // Setting empty default accesses is not a reset: `[]`, not `null`.
    let expected = expect(
        Method::POST,
        &room_path(""),
        Body::Json(json!({"defaultAccesses": []})),
    );
    check_op(
        room_reply(),
        |c| c.update_room(ROOM).default_accesses([]).send(),
        UpdateRoom::new(ROOM).default_accesses([]),
        &expected,
    );
}

#[test]
fn delete_room() {
    let expected = expect(Method::DELETE, &room_path(""), Body::None);
    check_op(
        Reply::empty(204),
        |c| c.delete_room(ROOM).send(),
        DeleteRoom::new(ROOM),
        &expected,
    );
}

#[test]
fn prewarm_room() {
    let expected = expect(Method::GET, &room_path("/prewarm"), Body::None);
    check_op(
        Reply::empty(204),
        |c| c.prewarm_room(ROOM).send(),
        PrewarmRoom::new(ROOM),
        &expected,
    );
}

#[test]
fn upsert_room() {
    // `update` is always sent (even empty); `create` only when given.
    let expected = expect(
        Method::POST,
        &room_path("/upsert"),
        Body::Json(json!({"update": {}})),
    );
    check_op(
        room_reply(),
        |c| c.upsert_room(ROOM, RoomUpdate::new()).send(),
        UpsertRoom::new(ROOM, RoomUpdate::new()),
        &expected,
    );

    let update = RoomUpdate::new()
        .user_access("vinod", [P::AllWrite])
        .remove_user_access("mallory")
        .group_access("marketing", [P::AllWrite])
        .metadata("color", "blue")
        .remove_metadata("old")
        .reset_default_accesses();
    let create = NewRoom::new([P::AllWrite])
        .organization_id("org_123456789")
        .metadata("color", "green");
    let expected = expect(
        Method::POST,
        &room_path("/upsert"),
        Body::Json(json!({
            "update": {
                "defaultAccesses": null,
                "usersAccesses": {"vinod": ["*:write"], "mallory": null},
                "groupsAccesses": {"marketing": ["*:write"]},
                "metadata": {"color": "blue", "old": null}
            },
            "create": {
                "organizationId": "org_123456789",
                "defaultAccesses": ["*:write"],
                "metadata": {"color": "green"}
            }
        })),
    );
    check_op(
        room_reply(),
        |c| {
            c.upsert_room(ROOM, update.clone())
                .create(create.clone())
                .send()
        },
        UpsertRoom::new(ROOM, update.clone()).create(create.clone()),
        &expected,
    );
}

#[test]
fn update_room_id() {
    // The new ID travels in the body, unencoded.
    let expected = expect(
        Method::POST,
        &room_path("/update-room-id"),
        Body::Json(json!({"newRoomId": "liveblocks:design/β #2"})),
    );
    check_op(
        room_reply(),
        |c| c.update_room_id(ROOM, "liveblocks:design/β #2").send(),
        UpdateRoomId::new(ROOM, "liveblocks:design/β #2"),
        &expected,
    );
}

#[test]
fn update_room_organization_id() {
    let expected = expect(
        Method::POST,
        &room_path("/update-organization-id"),
        Body::Json(json!({
            "fromOrganizationId": "org_123456789",
            "toOrganizationId": "org_987654321"
        })),
    );
    check_op(
        room_reply(),
        |c| {
            c.update_room_organization_id(ROOM, "org_123456789", "org_987654321")
                .send()
        },
        UpdateRoomOrganizationId::new(ROOM, "org_123456789", "org_987654321"),
        &expected,
    );
}

#[test]
fn get_active_users() {
    let expected = expect(Method::GET, &room_path("/active-users"), Body::None);
    check_op(
        Reply::json(200, ACTIVE_USERS_BODY),
        |c| c.get_active_users(ROOM).send(),
        GetActiveUsers::new(ROOM),
        &expected,
    );
}

#[test]
fn set_presence() {
    // `userInfo` is required by the API: sent as `{}` when not set. No `ttl` unless set.
    let expected = expect(
        Method::POST,
        &room_path("/presence"),
        Body::Json(json!({
            "userId": "agent-123",
            "data": {"cursor": {"x": 100, "y": 200}},
            "userInfo": {}
        })),
    );
    check_op(
        Reply::empty(204),
        |c| {
            c.set_presence(ROOM, "agent-123", json!({"cursor": {"x": 100, "y": 200}}))
                .send()
        },
        SetPresence::new(ROOM, "agent-123", json!({"cursor": {"x": 100, "y": 200}})),
        &expected,
    );

    // The spec example, plus a color and an extra user-info field.
    let info = UserInfo::new()
        .name("AI Assistant")
        .avatar("https://example.org/images/agent123.jpg")
        .color("#f00")
        .extra("team", "design");
    let data = json!({"status": "active", "cursor": {"x": 100, "y": 200}});
    let expected = expect(
        Method::POST,
        &room_path("/presence"),
        Body::Json(json!({
            "userId": "agent-123",
            "data": data,
            "userInfo": {
                "name": "AI Assistant",
                "avatar": "https://example.org/images/agent123.jpg",
                "color": "#f00",
                "team": "design"
            },
            "ttl": 60
        })),
    );
    check_op(
        Reply::empty(204),
        |c| {
            c.set_presence(ROOM, "agent-123", data.clone())
                .user_info(info.clone())
                .ttl(60)
                .send()
        },
        SetPresence::new(ROOM, "agent-123", data.clone())
            .user_info(info.clone())
            .ttl(60),
        &expected,
    );

    // The ttl bounds are accepted and sent.
    for ttl in [2, 3599] {
        let expected = expect(
            Method::POST,
            &room_path("/presence"),
            Body::Json(json!({"userId": "u", "data": {}, "userInfo": {}, "ttl": ttl})),
        );
        check_op(
            Reply::empty(204),
            |c| c.set_presence(ROOM, "u", json!({})).ttl(ttl).send(),
            SetPresence::new(ROOM, "u", json!({})).ttl(ttl),
            &expected,
        );
    }
}

#[test]
fn broadcast_event() {
    // The spec example: any JSON value is the whole body.
    let event = json!({"type": "EMOJI", "emoji": "🔥"});
    let expected = expect(
        Method::POST,
        &room_path("/broadcast-event"),
        Body::Json(event.clone()),
    );
    check_op(
        Reply::empty(204),
        |c| c.broadcast_event(ROOM, event.clone()).send(),
        BroadcastEvent::new(ROOM, event.clone()),
        &expected,
    );

    // Not only objects: a string and an array are sent as they are.
    for event in [json!("ping"), json!([1, "two", null])] {
        let expected = expect(
            Method::POST,
            &room_path("/broadcast-event"),
            Body::Json(event.clone()),
        );
        check_op(
            Reply::empty(204),
            |c| c.broadcast_event(ROOM, event.clone()).send(),
            BroadcastEvent::new(ROOM, event.clone()),
            &expected,
        );
    }
}

#[test]
fn get_storage_document() {
    // Plain LSON is the default and is not sent, even when asked for explicitly.
    let expected = expect(Method::GET, &room_path("/storage"), Body::None);
    let doc = check_op(
        Reply::json(200, STORAGE_LSON_BODY),
        |c| c.get_storage_document(ROOM).send(),
        GetStorageDocument::new(ROOM),
        &expected,
    );
    assert!(matches!(doc, StorageDocument::Lson(_)), "{doc:?}");
    check_op(
        Reply::json(200, STORAGE_LSON_BODY),
        |c| {
            c.get_storage_document(ROOM)
                .format(StorageFormat::PlainLson)
                .send()
        },
        GetStorageDocument::new(ROOM).format(StorageFormat::PlainLson),
        &expected,
    );

    let expected = expect(Method::GET, &room_path("/storage?format=json"), Body::None);
    let doc = check_op(
        Reply::json(200, STORAGE_JSON_BODY),
        |c| {
            c.get_storage_document(ROOM)
                .format(StorageFormat::Json)
                .send()
        },
        GetStorageDocument::new(ROOM).format(StorageFormat::Json),
        &expected,
    );
    assert!(matches!(doc, StorageDocument::Json(_)), "{doc:?}");
}

#[test]
fn initialize_storage_document() {
    // A root built with the builders, nested structures included.
    let root = StorageRoot::new([
        ("title", Lson::from(json!("Roadmap"))),
        ("tags", Lson::from(json!(["a", "b"]))),
        (
            "items",
            LiveNode::list([
                LiveNode::object([("done", Lson::from(json!(false)))]).into(),
                Lson::from(json!(3)),
            ])
            .into(),
        ),
        (
            "owners",
            LiveNode::map([("alice", Lson::from(json!({"role": "admin"})))]).into(),
        ),
    ]);
    let wire = json!({
        "liveblocksType": "LiveObject",
        "data": {
            "title": "Roadmap",
            "tags": ["a", "b"],
            "items": {"liveblocksType": "LiveList", "data": [
                {"liveblocksType": "LiveObject", "data": {"done": false}},
                3
            ]},
            "owners": {"liveblocksType": "LiveMap", "data": {"alice": {"role": "admin"}}}
        }
    });
    let expected = expect(
        Method::POST,
        &room_path("/storage"),
        Body::Json(wire.clone()),
    );
    let echoed = check_op(
        Reply::value(200, wire),
        |c| c.initialize_storage_document(ROOM, root.clone()).send(),
        InitializeStorageDocument::new(ROOM, root.clone()),
        &expected,
    );
    assert_eq!(echoed, root);

    // The spec example (with a LiveFile) read from JSON and sent back byte-equivalent.
    let spec_root: StorageRoot = serde_json::from_str(STORAGE_LSON_BODY).unwrap();
    let expected = expect(
        Method::POST,
        &room_path("/storage"),
        Body::Json(serde_json::from_str(STORAGE_LSON_BODY).unwrap()),
    );
    check_op(
        Reply::json(200, STORAGE_LSON_BODY),
        |c| {
            c.initialize_storage_document(ROOM, spec_root.clone())
                .send()
        },
        InitializeStorageDocument::new(ROOM, spec_root.clone()),
        &expected,
    );
}

#[test]
fn delete_storage_document() {
    let expected = expect(Method::DELETE, &room_path("/storage"), Body::None);
    check_op(
        Reply::empty(204),
        |c| c.delete_storage_document(ROOM).send(),
        DeleteStorageDocument::new(ROOM),
        &expected,
    );
}

#[test]
fn patch_storage_document() {
    let ops = vec![
        JsonPatchOp::add("/score", json!(42)),
        JsonPatchOp::remove("/oldKey"),
        JsonPatchOp::replace("/title", json!(null)),
        JsonPatchOp::copy("/score", "/best"),
        JsonPatchOp::move_to("/best", "/layers/-"),
        JsonPatchOp::test("/name", json!({"first": "Ada"})),
        JsonPatchOp::add(
            "/photo",
            json!({"liveblocksType": "LiveFile", "data": {
                "id": "fl_abc123456789012345678", "name": "photo.png", "size": 12345, "mimeType": "image/png"
            }}),
        ),
    ];
    let expected = expect(
        Method::PATCH,
        &room_path("/storage/json-patch"),
        Body::Json(json!([
            {"op": "add", "path": "/score", "value": 42},
            {"op": "remove", "path": "/oldKey"},
            {"op": "replace", "path": "/title", "value": null},
            {"op": "copy", "from": "/score", "path": "/best"},
            {"op": "move", "from": "/best", "path": "/layers/-"},
            {"op": "test", "path": "/name", "value": {"first": "Ada"}},
            {"op": "add", "path": "/photo", "value": {"liveblocksType": "LiveFile", "data": {
                "id": "fl_abc123456789012345678", "name": "photo.png", "size": 12345, "mimeType": "image/png"
            }}}
        ])),
    );
    check_op(
        Reply::empty(200),
        |c| c.patch_storage_document(ROOM, ops.clone()).send(),
        PatchStorageDocument::new(ROOM, ops.clone()),
        &expected,
    );

    // No operation at all is an empty array, not a missing body.
    let expected = expect(
        Method::PATCH,
        &room_path("/storage/json-patch"),
        Body::Json(json!([])),
    );
    check_op(
        Reply::empty(200),
        |c| c.patch_storage_document(ROOM, []).send(),
        PatchStorageDocument::new(ROOM, []),
        &expected,
    );
}

#[test]
fn get_yjs_document() {
    let expected = expect(Method::GET, &room_path("/ydoc"), Body::None);
    check_op(
        Reply::json(200, YDOC_BODY),
        |c| c.get_yjs_document(ROOM).send(),
        GetYjsDocument::new(ROOM),
        &expected,
    );

    // `formatting` is a presence flag: absent when false, `true` when set.
    check_op(
        Reply::json(200, YDOC_BODY),
        |c| c.get_yjs_document(ROOM).formatting(false).send(),
        GetYjsDocument::new(ROOM).formatting(false),
        &expected,
    );
    let expected = expect(
        Method::GET,
        &room_path("/ydoc?formatting&key=my%20text%2F1&type=ytext"),
        Body::None,
    );
    check_op(
        Reply::json(200, r#""hi there""#),
        |c| {
            c.get_yjs_document(ROOM)
                .formatting(true)
                .key("my text/1")
                .yjs_type(YjsType::YText)
                .send()
        },
        GetYjsDocument::new(ROOM)
            .formatting(true)
            .key("my text/1")
            .yjs_type(YjsType::YText),
        &expected,
    );

    // Every type name as the server spells it.
    for (yjs_type, wire) in [
        (YjsType::YMap, "ymap"),
        (YjsType::YText, "ytext"),
        (YjsType::YXmlText, "yxmltext"),
        (YjsType::YXmlFragment, "yxmlfragment"),
        (YjsType::YArray, "yarray"),
    ] {
        let expected = expect(
            Method::GET,
            &room_path(&format!("/ydoc?key=k&type={wire}")),
            Body::None,
        );
        check_op(
            Reply::json(200, "{}"),
            |c| c.get_yjs_document(ROOM).key("k").yjs_type(yjs_type).send(),
            GetYjsDocument::new(ROOM).key("k").yjs_type(yjs_type),
            &expected,
        );
    }
}

#[test]
fn send_yjs_binary_update() {
    // The bytes go out untouched with exactly `application/octet-stream`.
    let expected = expect(
        Method::PUT,
        &room_path("/ydoc"),
        Body::Binary(YJS_UPDATE.to_vec()),
    );
    check_op(
        Reply::json(200, r#"{"success":true}"#),
        |c| c.send_yjs_binary_update(ROOM, YJS_UPDATE.to_vec()).send(),
        SendYjsBinaryUpdate::new(ROOM, Bytes::from_static(YJS_UPDATE)),
        &expected,
    );

    let expected = expect(
        Method::PUT,
        &room_path("/ydoc?guid=sub%20doc%2F1"),
        Body::Binary(YJS_UPDATE.to_vec()),
    );
    check_op(
        Reply::empty(200),
        |c| {
            c.send_yjs_binary_update(ROOM, Bytes::from_static(YJS_UPDATE))
                .guid("sub doc/1")
                .send()
        },
        SendYjsBinaryUpdate::new(ROOM, YJS_UPDATE.to_vec()).guid("sub doc/1"),
        &expected,
    );
}

#[test]
fn get_yjs_document_as_binary_update() {
    let expected = expect(Method::GET, &room_path("/ydoc-binary"), Body::None);
    check_op(
        Reply::binary(200, YJS_UPDATE),
        |c| c.get_yjs_document_as_binary_update(ROOM).send(),
        GetYjsDocumentAsBinaryUpdate::new(ROOM),
        &expected,
    );

    let expected = expect(
        Method::GET,
        &room_path("/ydoc-binary?guid=f47ac10b-58cc"),
        Body::None,
    );
    check_op(
        Reply::binary(200, &[0, 0]),
        |c| {
            c.get_yjs_document_as_binary_update(ROOM)
                .guid("f47ac10b-58cc")
                .send()
        },
        GetYjsDocumentAsBinaryUpdate::new(ROOM).guid("f47ac10b-58cc"),
        &expected,
    );
}

#[test]
fn base_url_with_a_path_prefix() {
    for base in [
        "https://proxy.example.com/lb",
        "https://proxy.example.com/lb/",
    ] {
        let config = Config::new(SECRET).unwrap().with_base_url(base).unwrap();

        let mock = Mock::with_config(
            config.clone(),
            Reply::value(200, json!({"data": [], "nextCursor": null})),
        );
        mock.client.get_rooms().send().unwrap();
        let expected = Expected {
            method: Method::GET,
            uri: "https://proxy.example.com/lb/v2/rooms".to_owned(),
            body: Body::None,
        };
        assert_request(&mock.only_request(), &expected);
        assert_request(&GetRooms::new().request(&config).unwrap(), &expected);

        let expected = Expected {
            method: Method::GET,
            uri: format!("https://proxy.example.com/lb/v2/rooms/{ROOM_ENC}/storage?format=json"),
            body: Body::None,
        };
        let endpoint = GetStorageDocument::new(ROOM).format(StorageFormat::Json);
        assert_request(&endpoint.request(&config).unwrap(), &expected);
    }

    // The dev server's base URL: plain http with a port.
    let config = Config::new(SECRET)
        .unwrap()
        .with_base_url("http://127.0.0.1:1153")
        .unwrap();
    let expected = Expected {
        method: Method::PUT,
        uri: format!("http://127.0.0.1:1153/v2/rooms/{ROOM_ENC}/ydoc"),
        body: Body::Binary(vec![0, 0]),
    };
    let endpoint = SendYjsBinaryUpdate::new(ROOM, vec![0, 0]);
    assert_request(&endpoint.request(&config).unwrap(), &expected);
}

#[test]
fn a_custom_user_agent_replaces_the_default() {
    let config = config().with_user_agent("my-app/2.0").unwrap();
    let request = GetRoom::new(ROOM).request(&config).unwrap();
    assert_eq!(request.headers()[http::header::USER_AGENT], "my-app/2.0");
    assert_eq!(
        request.headers()[http::header::AUTHORIZATION],
        format!("Bearer {SECRET}")
    );
}

/// Polls a future to completion; the transport below answers at once, so no real executor
/// (and no extra dependency) is needed.
fn block_on<F: std::future::Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
    }
}

#[test]
fn awaited_calls_build_the_same_requests() {
    use std::sync::{Arc, Mutex};

    let seen = Arc::new(Mutex::new(Vec::new()));
    let recorder = Arc::clone(&seen);
    let transport = move |request: http::Request<Bytes>| {
        let reply = match request.uri().path() {
            p if p.ends_with("/ydoc-binary") => Reply::binary(200, YJS_UPDATE),
            p if p.ends_with("/ydoc") => Reply::json(200, r#"{"success":true}"#),
            _ => Reply::json(200, ROOM_BODY),
        };
        recorder.lock().unwrap().push(request);
        std::future::ready(Ok::<_, TransportError>(reply.to_response()))
    };
    // Sleeps never end: no call here is retried or may time out.
    let transport =
        liveblocks_core::transport::from_fn(transport, |_| futures::future::pending::<()>());
    let client = Client::with_transport(config(), transport);

    block_on(async {
        let room = client
            .create_room(ROOM, [P::RoomWrite])
            .idempotent(true)
            .await
            .unwrap();
        assert_eq!(room.id, "react-todo-list");
        client
            .send_yjs_binary_update(ROOM, YJS_UPDATE.to_vec())
            .await
            .unwrap();
        let update = client
            .get_yjs_document_as_binary_update(ROOM)
            .await
            .unwrap();
        assert_eq!(update.as_ref(), YJS_UPDATE);
    });

    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 3);
    assert_request(
        &seen[0],
        &expect(
            Method::POST,
            "/rooms?idempotent",
            Body::Json(json!({"id": ROOM, "defaultAccesses": ["room:write"]})),
        ),
    );
    assert_request(
        &seen[1],
        &expect(
            Method::PUT,
            &room_path("/ydoc"),
            Body::Binary(YJS_UPDATE.to_vec()),
        ),
    );
    assert_request(
        &seen[2],
        &expect(Method::GET, &room_path("/ydoc-binary"), Body::None),
    );
}
