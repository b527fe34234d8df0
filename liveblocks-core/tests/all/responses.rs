//! Success bodies each operation decodes: the spec's examples and what the local dev server
//! really sends (extra keys, missing optional fields, anonymous users, 204 vs 200...).

use crate::common::*;
use bytes::Bytes;
use liveblocks_core::models::rooms::{ActiveUsers, MetadataValue, Room, RoomPermission as P};
use liveblocks_core::models::storage::{
    LiveNode, Lson, StorageDocument, StorageFormat, StorageRoot,
};
use liveblocks_core::models::Cursor;
use liveblocks_core::rooms::{GetActiveUsers, GetRoom, GetRooms};
use liveblocks_core::storage::{DeleteStorageDocument, GetStorageDocument};
use liveblocks_core::yjs::{GetYjsDocument, GetYjsDocumentAsBinaryUpdate, SendYjsBinaryUpdate};
use liveblocks_core::Endpoint;
use serde_json::json;

fn list(items: &[&str]) -> MetadataValue {
    MetadataValue::List(items.iter().map(|s| (*s).to_owned()).collect())
}

fn text(s: &str) -> MetadataValue {
    MetadataValue::String(s.to_owned())
}

/// The spec's `get-room` example ([`ROOM_BODY`]), field by field.
fn assert_spec_room(room: &Room) {
    assert_eq!(room.id, "react-todo-list");
    assert_eq!(room.object_type, "room");
    assert_eq!(room.organization_id, "org_123456789");
    assert_eq!(room.created_at.as_millisecond(), 1_657_722_770_697);
    assert_eq!(
        room.last_connection_at.map(|t| t.as_millisecond()),
        Some(1_659_647_229_380)
    );
    assert_eq!(room.default_accesses, vec![P::AllWrite]);
    assert_eq!(room.users_accesses.len(), 2);
    assert_eq!(room.users_accesses["alice"], vec![P::AllWrite]);
    assert_eq!(room.users_accesses["vinod"], vec![P::AllWrite]);
    assert_eq!(room.groups_accesses.len(), 1);
    assert_eq!(room.groups_accesses["marketing"], vec![P::AllWrite]);
    assert_eq!(room.metadata.len(), 3);
    assert_eq!(room.metadata["color"], text("blue"));
    assert_eq!(room.metadata["size"], text("10"));
    assert_eq!(room.metadata["target"], list(&["abc", "def"]));
}

/// [`DEV_ROOM_BODY`], field by field.
fn assert_dev_room(room: &Room) {
    assert_eq!(room.id, ROOM);
    assert_eq!(room.organization_id, "default");
    assert_eq!(room.created_at.as_millisecond(), 1_714_557_600_000);
    assert_eq!(room.last_connection_at, None);
    assert_eq!(room.default_accesses, vec![P::RoomWrite]);
    assert_eq!(
        room.users_accesses["alice"],
        vec![P::RoomRead, P::RoomPresenceWrite]
    );
    assert!(room.groups_accesses.is_empty());
    assert_eq!(room.metadata["color"], text("red"));
    assert_eq!(room.metadata["tags"], list(&["a", "b"]));
}

#[test]
fn get_rooms() {
    // The spec example: a cursor, lists as metadata values.
    let body = r#"{
        "nextCursor": "W1siaWQiLCJVRzhWYl82SHRUS0NzXzFvci1HZHQiXSxbImNyZWF0ZWRBdCIsMTY2MDAwMDk4ODEzN11d",
        "data": [{
            "type": "room", "id": "HTOGSiXcORTECjfNBBLii",
            "lastConnectionAt": "2022-08-08T23:23:15.281Z", "createdAt": "2022-08-08T23:23:15.281Z",
            "organizationId": "org_123456789",
            "metadata": {"name": ["My room"], "type": ["whiteboard"]},
            "defaultAccesses": ["*:write"],
            "groupsAccesses": {"product": ["*:write"]},
            "usersAccesses": {"vinod": ["*:write"]}
        }]
    }"#;
    let mock = Mock::new(Reply::json(200, body));
    let page = mock.client.get_rooms().send().unwrap();
    let cursor = page.next_cursor.clone().expect("a next cursor");
    assert_eq!(
        cursor.as_str(),
        "W1siaWQiLCJVRzhWYl82SHRUS0NzXzFvci1HZHQiXSxbImNyZWF0ZWRBdCIsMTY2MDAwMDk4ODEzN11d"
    );
    assert_eq!(page.data.len(), 1);
    let room = &page.data[0];
    assert_eq!(room.id, "HTOGSiXcORTECjfNBBLii");
    assert_eq!(room.created_at.as_millisecond(), 1_660_000_995_281);
    assert_eq!(room.last_connection_at, Some(room.created_at));
    assert_eq!(room.metadata["name"], list(&["My room"]));
    assert_eq!(room.metadata["type"], list(&["whiteboard"]));
    assert_eq!(room.groups_accesses["product"], vec![P::AllWrite]);
    assert_eq!(room.users_accesses["vinod"], vec![P::AllWrite]);

    // The cursor goes back out unchanged (and encoded) for the next page.
    let mock = Mock::new(Reply::json(200, body));
    mock.client
        .get_rooms()
        .starting_after(cursor)
        .send()
        .unwrap();
    assert_eq!(
        mock.only_request().uri().query(),
        Some("startingAfter=W1siaWQiLCJVRzhWYl82SHRUS0NzXzFvci1HZHQiXSxbImNyZWF0ZWRBdCIsMTY2MDAwMDk4ODEzN11d")
    );

    // The dev server: an extra `nextPage` key, a null cursor, rooms without
    // `lastConnectionAt`, and a permission this SDK does not know.
    let body = format!(
        r#"{{"nextCursor": null, "nextPage": null, "data": [{DEV_ROOM_BODY}, {{
            "type": "room", "id": "second", "organizationId": "default",
            "createdAt": "2024-05-01T10:00:01Z",
            "defaultAccesses": ["not:a:permission", "room:read"],
            "usersAccesses": {{}}, "groupsAccesses": {{}}, "metadata": {{}}
        }}]}}"#
    );
    let mock = Mock::new(Reply::json(200, &body));
    let page = mock.client.get_rooms().limit(20).send().unwrap();
    assert_eq!(page.next_cursor, None);
    assert_eq!(page.data.len(), 2);
    assert_dev_room(&page.data[0]);
    let second = &page.data[1];
    assert_eq!(second.created_at.as_millisecond(), 1_714_557_601_000);
    assert_eq!(
        second.default_accesses,
        vec![P::Other("not:a:permission".to_owned()), P::RoomRead]
    );
    assert_eq!(second.default_accesses[0].as_str(), "not:a:permission");
    assert!(second.metadata.is_empty());

    // An empty project.
    let page = GetRooms::new()
        .response(response(200, r#"{"data": [], "nextCursor": null}"#))
        .unwrap();
    assert!(page.data.is_empty());
    assert_eq!(page.next_cursor, None);
}

#[test]
fn create_room() {
    let body = r#"{
        "type": "room", "id": "my-room-3ebc26e2bf96",
        "lastConnectionAt": "2022-08-22T15:10:25.225Z", "createdAt": "2022-08-22T15:10:25.225Z",
        "organizationId": "org_123456789",
        "metadata": {"color": "blue"},
        "defaultAccesses": ["*:write"],
        "groupsAccesses": {"product": ["*:write"]},
        "usersAccesses": {"alice": ["*:write"]}
    }"#;
    let mock = Mock::new(Reply::json(200, body));
    let room = mock
        .client
        .create_room("my-room-3ebc26e2bf96", [P::AllWrite])
        .send()
        .unwrap();
    assert_eq!(room.id, "my-room-3ebc26e2bf96");
    assert_eq!(room.created_at.as_millisecond(), 1_661_181_025_225);
    assert_eq!(room.metadata["color"], text("blue"));
    assert_eq!(room.users_accesses["alice"], vec![P::AllWrite]);

    // The dev server's answer, with a 201 (any 2xx is a success).
    let mock = Mock::new(Reply::json(201, DEV_ROOM_BODY));
    let room = mock
        .client
        .create_room(ROOM, [P::RoomWrite])
        .send()
        .unwrap();
    assert_dev_room(&room);
}

#[test]
fn get_room() {
    let mock = Mock::new(Reply::json(200, ROOM_BODY));
    assert_spec_room(&mock.client.get_room(ROOM).send().unwrap());

    let room = GetRoom::new(ROOM)
        .response(response(200, DEV_ROOM_BODY))
        .unwrap();
    assert_dev_room(&room);

    // A timestamp without fractional seconds and with an explicit offset.
    let body = ROOM_BODY
        .replace("2022-07-13T14:32:50.697Z", "2022-07-13T16:32:50+02:00")
        .replace(r#""lastConnectionAt": "2022-08-04T21:07:09.380Z","#, "");
    let room = GetRoom::new(ROOM).response(response(200, &body)).unwrap();
    assert_eq!(room.created_at.as_millisecond(), 1_657_722_770_000);
    assert_eq!(room.last_connection_at, None);
}

#[test]
fn every_permission_decodes_to_its_variant() {
    let known = [
        ("*:read", P::AllRead),
        ("*:write", P::AllWrite),
        ("room:write", P::RoomWrite),
        ("room:read", P::RoomRead),
        ("room:presence:write", P::RoomPresenceWrite),
        ("storage:read", P::StorageRead),
        ("storage:write", P::StorageWrite),
        ("storage:none", P::StorageNone),
        ("comments:read", P::CommentsRead),
        ("comments:write", P::CommentsWrite),
        ("comments:none", P::CommentsNone),
        ("comments:public:read", P::CommentsPublicRead),
        ("comments:public:write", P::CommentsPublicWrite),
        ("comments:public:none", P::CommentsPublicNone),
        ("comments:private:read", P::CommentsPrivateRead),
        ("comments:private:write", P::CommentsPrivateWrite),
        ("comments:private:none", P::CommentsPrivateNone),
        ("feeds:read", P::FeedsRead),
        ("feeds:write", P::FeedsWrite),
        ("feeds:none", P::FeedsNone),
    ];
    let mut names: Vec<&str> = known.iter().map(|(name, _)| *name).collect();
    names.push("feeds:admin");
    let body = ROOM_BODY.replace(
        r#""defaultAccesses": ["*:write"]"#,
        &format!(r#""defaultAccesses": {}"#, json!(names)),
    );
    let mock = Mock::new(Reply::json(200, &body));
    let room = mock.client.get_room(ROOM).send().unwrap();
    assert_eq!(room.default_accesses.len(), known.len() + 1);
    for ((name, variant), got) in known.iter().zip(&room.default_accesses) {
        assert_eq!(got, variant, "{name}");
        assert_eq!(got.as_str(), *name);
    }
    assert_eq!(
        room.default_accesses.last(),
        Some(&P::Other("feeds:admin".to_owned()))
    );
}

#[test]
fn update_room() {
    let mock = Mock::new(Reply::json(200, ROOM_BODY));
    assert_spec_room(&mock.client.update_room(ROOM).send().unwrap());

    // What the dev server answered after removing bob and a group, and merging metadata.
    let mock = Mock::new(Reply::json(200, DEV_ROOM_BODY));
    let room = mock
        .client
        .update_room(ROOM)
        .remove_user_access("bob")
        .remove_group_access("engineering")
        .metadata("color", "red")
        .send()
        .unwrap();
    assert_dev_room(&room);
}

#[test]
fn delete_room() {
    // 204 with no body, as documented; a 200 with a body is fine too.
    for reply in [Reply::empty(204), Reply::empty(200), Reply::json(200, "{}")] {
        let mock = Mock::new(reply.clone());
        mock.client.delete_room(ROOM).send().unwrap();
        assert_eq!(mock.calls(), 1, "{reply:?}");
    }
}

#[test]
fn prewarm_room() {
    for reply in [Reply::empty(204), Reply::empty(200)] {
        let mock = Mock::new(reply.clone());
        mock.client.prewarm_room(ROOM).send().unwrap();
        assert_eq!(mock.calls(), 1, "{reply:?}");
    }
}

#[test]
fn upsert_room() {
    let mock = Mock::new(Reply::json(200, ROOM_BODY));
    let room = mock
        .client
        .upsert_room(ROOM, Default::default())
        .send()
        .unwrap();
    assert_spec_room(&room);
}

#[test]
fn update_room_id() {
    let body = ROOM_BODY.replace(r#""id": "react-todo-list""#, r#""id": "new-room-id""#);
    let mock = Mock::new(Reply::json(200, &body));
    let room = mock
        .client
        .update_room_id("react-todo-list", "new-room-id")
        .send()
        .unwrap();
    assert_eq!(room.id, "new-room-id");
    assert_eq!(room.created_at.as_millisecond(), 1_657_722_770_697);
}

#[test]
fn update_room_organization_id() {
    let body = ROOM_BODY.replace("org_123456789", "org_987654321");
    let mock = Mock::new(Reply::json(200, &body));
    let room = mock
        .client
        .update_room_organization_id(ROOM, "org_123456789", "org_987654321")
        .send()
        .unwrap();
    assert_eq!(room.organization_id, "org_987654321");
    assert_eq!(room.metadata["target"], list(&["abc", "def"]));
}

#[test]
fn get_active_users() {
    // The spec example.
    let mock = Mock::new(Reply::json(200, ACTIVE_USERS_BODY));
    let users = mock.client.get_active_users(ROOM).send().unwrap();
    assert_eq!(users.data.len(), 2);
    assert_eq!(users.data[0].object_type, "user");
    assert_eq!(users.data[0].connection_id, 16);
    assert_eq!(users.data[0].id.as_deref(), Some("alice"));
    assert!(users.data[0].info.is_empty());
    assert_eq!(users.data[1].connection_id, 20);
    assert_eq!(users.data[1].id.as_deref(), Some("bob"));

    // The dev server: a token session with info, an anonymous one without `id` or `info`,
    // and (as the spec allows) a null `id`.
    let body = r##"{"data": [
        {"type": "user", "connectionId": 0, "id": "alice", "info": {"name": "Alice", "color": "#f00"}},
        {"type": "user", "connectionId": 1},
        {"type": "user", "connectionId": 2, "id": null, "info": {}}
    ]}"##;
    let users: ActiveUsers = GetActiveUsers::new(ROOM)
        .response(response(200, body))
        .unwrap();
    assert_eq!(users.data.len(), 3);
    let alice = &users.data[0];
    assert_eq!(alice.id.as_deref(), Some("alice"));
    assert_eq!(alice.info["name"], json!("Alice"));
    assert_eq!(alice.info["color"], json!("#f00"));
    let anonymous = &users.data[1];
    assert_eq!(anonymous.connection_id, 1);
    assert_eq!(anonymous.id, None);
    assert!(anonymous.info.is_empty());
    assert_eq!(users.data[2].id, None);

    // Nobody connected.
    let mock = Mock::new(Reply::json(200, r#"{"data": []}"#));
    assert!(mock
        .client
        .get_active_users(ROOM)
        .send()
        .unwrap()
        .data
        .is_empty());
}

#[test]
fn set_presence() {
    for reply in [Reply::empty(204), Reply::empty(200), Reply::json(200, "{}")] {
        let mock = Mock::new(reply.clone());
        mock.client
            .set_presence(ROOM, "agent-123", json!({"status": "active"}))
            .send()
            .unwrap();
        assert_eq!(mock.calls(), 1, "{reply:?}");
    }
}

#[test]
fn broadcast_event() {
    for reply in [
        Reply::empty(204),
        Reply::with_type(200, "text/plain", b"OK"),
    ] {
        let mock = Mock::new(reply.clone());
        mock.client
            .broadcast_event(ROOM, json!({"type": "EMOJI", "emoji": "🔥"}))
            .send()
            .unwrap();
        assert_eq!(mock.calls(), 1, "{reply:?}");
    }
}

/// The spec's Storage example as plain LSON, node by node.
fn assert_spec_storage(root: &StorageRoot) {
    assert_eq!(root.data.len(), 4);
    let Lson::Live(LiveNode::LiveObject(object)) = &root.data["aLiveObject"] else {
        panic!("aLiveObject: {:?}", root.data["aLiveObject"]);
    };
    assert_eq!(object["a"], Lson::Json(json!(1)));
    assert_eq!(
        root.data["aLiveList"],
        Lson::Live(LiveNode::list([json!("a").into(), json!("b").into()]))
    );
    assert_eq!(
        root.data["aLiveMap"],
        Lson::Live(LiveNode::map([
            ("a", Lson::from(json!(1))),
            ("b", json!(2).into())
        ]))
    );
    let Lson::Live(LiveNode::LiveFile(file)) = &root.data["aLiveFile"] else {
        panic!("aLiveFile: {:?}", root.data["aLiveFile"]);
    };
    assert_eq!(file.id, "fl_abc123456789012345678");
    assert_eq!(file.name, "photo.png");
    assert_eq!(file.size, 12_345);
    assert_eq!(file.mime_type, "image/png");
}

#[test]
fn get_storage_document() {
    // Plain LSON (the dev server sends `application/json` without a charset here).
    let mock = Mock::new(Reply::with_type(
        200,
        "application/json",
        STORAGE_LSON_BODY.as_bytes(),
    ));
    match mock.client.get_storage_document(ROOM).send().unwrap() {
        StorageDocument::Lson(root) => assert_spec_storage(&root),
        other => panic!("expected plain LSON, got {other:?}"),
    }

    // The simplified JSON format.
    let mock = Mock::new(Reply::json(200, STORAGE_JSON_BODY));
    let doc = mock
        .client
        .get_storage_document(ROOM)
        .format(StorageFormat::Json)
        .send()
        .unwrap();
    let StorageDocument::Json(map) = doc else {
        panic!("expected JSON, got {doc:?}");
    };
    assert_eq!(map.len(), 4);
    assert_eq!(map["aLiveObject"], json!({"a": 1}));
    assert_eq!(map["aLiveList"], json!(["a", "b"]));
    assert_eq!(map["aLiveMap"], json!({"a": 1, "b": 2}));
    assert_eq!(map["aLiveFile"]["size"], json!(12345));

    // An empty room's Storage, through the Endpoint trait in both formats.
    let empty = r#"{"liveblocksType": "LiveObject", "data": {}}"#;
    let doc = GetStorageDocument::new(ROOM)
        .response(response(200, empty))
        .unwrap();
    assert_eq!(doc, StorageDocument::Lson(StorageRoot::default()));
    let doc = GetStorageDocument::new(ROOM)
        .format(StorageFormat::Json)
        .response(response(200, "{}"))
        .unwrap();
    assert_eq!(doc, StorageDocument::Json(serde_json::Map::new()));

    // The spec allows any object: an untagged root is kept as JSON, not rejected...
    let doc = GetStorageDocument::new(ROOM)
        .response(response(200, r#"{"title": "x"}"#))
        .unwrap();
    let StorageDocument::Json(map) = doc else {
        panic!("an untagged root reads as JSON: {doc:?}")
    };
    assert_eq!(map["title"], json!("x"));
    // ...while a tagged root that doesn't fit is a decode error with its path.
    let err = GetStorageDocument::new(ROOM)
        .response(response(
            200,
            r#"{"liveblocksType": "LiveObject", "data": 3}"#,
        ))
        .unwrap_err();
    let liveblocks_core::Error::Decode(decode) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(decode.path, "data");
}

#[test]
fn initialize_storage_document() {
    // The server echoes what was stored.
    let root: StorageRoot = serde_json::from_str(STORAGE_LSON_BODY).unwrap();
    let mock = Mock::new(Reply::json(200, STORAGE_LSON_BODY));
    let stored = mock
        .client
        .initialize_storage_document(ROOM, root.clone())
        .send()
        .unwrap();
    assert_spec_storage(&stored);
    assert_eq!(stored, root);
}

#[test]
fn delete_storage_document() {
    // The dev server answers 204, the spec says 200: both succeed, with or without a body.
    for reply in [Reply::empty(204), Reply::empty(200), Reply::json(200, "{}")] {
        let mock = Mock::new(reply.clone());
        mock.client.delete_storage_document(ROOM).send().unwrap();
        assert_eq!(mock.calls(), 1, "{reply:?}");
        DeleteStorageDocument::new(ROOM)
            .response(reply.to_response())
            .unwrap();
    }
}

#[test]
fn patch_storage_document() {
    for reply in [Reply::empty(200), Reply::empty(204), Reply::json(200, "{}")] {
        let mock = Mock::new(reply.clone());
        mock.client
            .patch_storage_document(
                ROOM,
                [liveblocks_core::models::storage::JsonPatchOp::remove("/a")],
            )
            .send()
            .unwrap();
        assert_eq!(mock.calls(), 1, "{reply:?}");
    }
}

#[test]
fn get_yjs_document() {
    // The whole document as the dev server sent it.
    let mock = Mock::new(Reply::json(200, YDOC_BODY));
    let doc = mock.client.get_yjs_document(ROOM).send().unwrap();
    assert_eq!(
        doc,
        json!({"mymap": {"greeting": "hello", "count": 3}, "mytext": "hi there"})
    );

    // The spec example; `formatting` turns a Y.Text into a list of runs.
    let doc = GetYjsDocument::new(ROOM)
        .response(response(200, r#"{"someYText": "Contents of YText"}"#))
        .unwrap();
    assert_eq!(doc["someYText"], json!("Contents of YText"));
    let doc = GetYjsDocument::new(ROOM)
        .formatting(true)
        .response(response(200, r#"{"mytext": ["hi there"]}"#))
        .unwrap();
    assert_eq!(doc, json!({"mytext": ["hi there"]}));

    // With key and type the server returns the bare value: a string for a Y.Text.
    let mock = Mock::new(Reply::json(200, r#""hi there""#));
    let value = mock
        .client
        .get_yjs_document(ROOM)
        .key("mytext")
        .yjs_type(liveblocks_core::models::yjs::YjsType::YText)
        .send()
        .unwrap();
    assert_eq!(value, json!("hi there"));
}

#[test]
fn send_yjs_binary_update() {
    // The dev server's `{"success":true}` and the spec's empty body both succeed.
    for reply in [
        Reply::json(200, r#"{"success":true}"#),
        Reply::empty(200),
        Reply::empty(204),
    ] {
        let mock = Mock::new(reply.clone());
        mock.client
            .send_yjs_binary_update(ROOM, YJS_UPDATE.to_vec())
            .send()
            .unwrap();
        assert_eq!(mock.calls(), 1, "{reply:?}");
        SendYjsBinaryUpdate::new(ROOM, vec![0, 0])
            .response(reply.to_response())
            .unwrap();
    }
}

#[test]
fn get_yjs_document_as_binary_update() {
    // Bytes come back exactly as sent, non-UTF-8 included.
    let mock = Mock::new(Reply::binary(200, YJS_UPDATE));
    let update = mock
        .client
        .get_yjs_document_as_binary_update(ROOM)
        .send()
        .unwrap();
    assert_eq!(update.as_ref(), YJS_UPDATE);

    // An unknown subdocument: the 2-byte empty update.
    let update = GetYjsDocumentAsBinaryUpdate::new(ROOM)
        .guid("unknown")
        .response(Reply::binary(200, &[0, 0]).to_response())
        .unwrap();
    assert_eq!(update, Bytes::from_static(&[0, 0]));

    // A large document, whatever the content type says.
    let big: Vec<u8> = (0..1_000_000u32).map(|i| (i % 251) as u8).collect();
    let update = GetYjsDocumentAsBinaryUpdate::new(ROOM)
        .response(Reply::with_type(200, "application/json", &big).to_response())
        .unwrap();
    assert_eq!(update.len(), big.len());
    assert!(update == big);
}

#[test]
fn a_cursor_can_be_stored_and_restored() {
    // Cursors are opaque strings: what comes in goes back out unchanged.
    let cursor = Cursor::new("eyJjcmVhdGVkQXQiOjE2NjAwMDA5ODgxMzd9");
    assert_eq!(cursor.to_string(), "eyJjcmVhdGVkQXQiOjE2NjAwMDA5ODgxMzd9");
    let request = GetRooms::new()
        .starting_after(cursor)
        .request(&config())
        .unwrap();
    assert_eq!(
        request.uri().query(),
        Some("startingAfter=eyJjcmVhdGVkQXQiOjE2NjAwMDA5ODgxMzd9")
    );
}
