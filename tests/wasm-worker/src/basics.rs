//! Scenarios against the dev server's rooms, Storage and Yjs, and its typed errors.

use std::collections::BTreeMap;

use liveblocks_wasm::liveblocks_core::models::rooms::{MetadataValue, RoomPermission};
use liveblocks_wasm::liveblocks_core::models::storage::{
    LiveNode, Lson, StorageDocument, StorageFormat, StorageRoot,
};
use liveblocks_wasm::liveblocks_core::models::yjs::YjsType;
use liveblocks_wasm::{Client, Config};
use serde_json::json;

use crate::{Abort, Params, Report, Step};

fn metadata(entries: &[(&str, MetadataValue)]) -> BTreeMap<String, MetadataValue> {
    entries
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect()
}

fn accesses(entries: &[(&str, &[RoomPermission])]) -> BTreeMap<String, Vec<RoomPermission>> {
    entries
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.to_vec()))
        .collect()
}

/// Create, read, update (metadata, a user access added, one removed with `null`), delete.
pub(crate) async fn rooms(p: &Params, r: &mut Report) -> Step {
    use RoomPermission::{RoomRead, RoomWrite};
    let client = p.client(r)?;
    let id = p.room_id("rooms");

    let created = client
        .create_room(&id, [RoomWrite])
        .metadata("color", "blue")
        .metadata("tags", ["a", "b"])
        .user_access("alice", [RoomRead])
        .await;
    let created = r.ok("create_room", created)?;
    r.rooms.push(id.clone());
    r.eq("create_room: id", created.id.as_str(), id.as_str());
    r.eq("create_room: type", created.object_type.as_str(), "room");
    r.eq(
        "create_room: defaultAccesses",
        &created.default_accesses,
        &vec![RoomWrite],
    );
    let blue = metadata(&[("color", "blue".into()), ("tags", ["a", "b"].into())]);
    r.eq("create_room: metadata", &created.metadata, &blue);
    r.eq(
        "create_room: usersAccesses",
        &created.users_accesses,
        &accesses(&[("alice", &[RoomRead])]),
    );

    let got = r.ok("get_room", client.get_room(&id).await)?;
    r.eq("get_room: the room as created", &got, &created);

    let updated = client
        .update_room(&id)
        .metadata("color", "red")
        .user_access("bob", [RoomWrite])
        .await;
    let updated = r.ok("update_room: set metadata and a user access", updated)?;
    let red = metadata(&[("color", "red".into()), ("tags", ["a", "b"].into())]);
    r.eq(
        "update_room: metadata merged (color changed, tags kept)",
        &updated.metadata,
        &red,
    );
    r.eq(
        "update_room: bob added next to alice",
        &updated.users_accesses,
        &accesses(&[("alice", &[RoomRead]), ("bob", &[RoomWrite])]),
    );

    let removed = client.update_room(&id).remove_user_access("alice").await;
    let removed = r.ok("update_room: remove alice with null", removed)?;
    r.eq(
        "update_room: alice is gone, bob stays",
        &removed.users_accesses,
        &accesses(&[("bob", &[RoomWrite])]),
    );

    let got = r.ok("get_room after the updates", client.get_room(&id).await)?;
    r.eq("get_room: metadata after updates", &got.metadata, &red);
    r.eq(
        "get_room: usersAccesses after updates",
        &got.users_accesses,
        &accesses(&[("bob", &[RoomWrite])]),
    );
    r.eq(
        "get_room: createdAt unchanged",
        &got.created_at,
        &created.created_at,
    );

    r.ok("delete_room", client.delete_room(&id).await)?;
    r.rooms.retain(|room| room != &id);
    let gone = client.get_room(&id).await;
    r.api_error("get_room after delete_room", gone, 404, "ROOM_NOT_FOUND");
    Ok(())
}

/// Initialize Storage with nested live structures, read it back in both formats, delete it.
pub(crate) async fn storage(p: &Params, r: &mut Report) -> Step {
    let client = p.client(r)?;
    let id = p.room_id("storage");
    r.ok(
        "create_room",
        client.create_room(&id, [RoomPermission::RoomWrite]).await,
    )?;
    r.rooms.push(id.clone());

    let root = StorageRoot::new([
        ("title", Lson::from(json!("Roadmap α"))),
        (
            "items",
            LiveNode::list([
                Lson::from(json!("first")),
                Lson::from(json!(2)),
                LiveNode::object([("done", Lson::from(json!(true)))]).into(),
            ])
            .into(),
        ),
        (
            "owners",
            LiveNode::map([
                ("alice", Lson::from(json!({"role": "admin"}))),
                (
                    "bob",
                    LiveNode::object([("role", Lson::from(json!("viewer")))]).into(),
                ),
            ])
            .into(),
        ),
    ]);
    let expected_json = json!({
        "title": "Roadmap α",
        "items": ["first", 2, {"done": true}],
        "owners": {"alice": {"role": "admin"}, "bob": {"role": "viewer"}},
    });

    let echoed = client.initialize_storage_document(&id, root.clone()).await;
    let echoed = r.ok("initialize_storage_document", echoed)?;
    r.eq(
        "initialize_storage_document: echoes the root",
        &echoed,
        &root,
    );

    let lson = client.get_storage_document(&id).await;
    match r.ok("get_storage_document (plain LSON)", lson)? {
        StorageDocument::Lson(got) => {
            r.eq("plain LSON: same live structures", &got, &root);
        }
        other => {
            r.check(
                "plain LSON: same live structures",
                false,
                format!("{other:?}"),
            );
        }
    }

    let plain = client
        .get_storage_document(&id)
        .format(StorageFormat::Json)
        .await;
    match r.ok("get_storage_document (json)", plain)? {
        StorageDocument::Json(got) => {
            r.eq(
                "json format: simplified values",
                &serde_json::Value::Object(got),
                &expected_json,
            );
        }
        other => {
            r.check(
                "json format: simplified values",
                false,
                format!("{other:?}"),
            );
        }
    }

    let again = client.initialize_storage_document(&id, root.clone()).await;
    r.api_error(
        "initialize_storage_document twice",
        again,
        409,
        "CANNOT_UPDATE_EXISTING_STORAGE",
    );

    r.ok(
        "delete_storage_document",
        client.delete_storage_document(&id).await,
    )?;
    let empty = client.get_storage_document(&id).await;
    match r.ok("get_storage_document after delete", empty)? {
        StorageDocument::Lson(got) => {
            r.eq(
                "Storage is empty after delete",
                &got,
                &StorageRoot::new(Vec::<(String, Lson)>::new()),
            );
        }
        other => {
            r.check("Storage is empty after delete", false, format!("{other:?}"));
        }
    }
    Ok(())
}

/// Apply a binary Yjs update made by the npm `yjs` package, read the document as JSON and as
/// one binary update (handed back to the runner to decode), and re-apply that update.
pub(crate) async fn yjs(p: &Params, r: &mut Report) -> Step {
    let client = p.client(r)?;
    if !r.check(
        "the runner sent a Yjs update and its expected content",
        !p.yjs_update.is_empty() && p.yjs_expected.is_object(),
        format!("{} bytes, expected {}", p.yjs_update.len(), p.yjs_expected),
    ) {
        return Err(Abort);
    }
    let id = p.room_id("yjs");
    r.ok(
        "create_room",
        client.create_room(&id, [RoomPermission::RoomWrite]).await,
    )?;
    r.rooms.push(id.clone());

    let sent = client
        .send_yjs_binary_update(&id, p.yjs_update.clone())
        .await;
    r.ok("send_yjs_binary_update", sent)?;

    let doc = r.ok("get_yjs_document", client.get_yjs_document(&id).await)?;
    r.eq("get_yjs_document: content", &doc, &p.yjs_expected);

    if let Some(text) = p.yjs_expected.get("mytext") {
        let only = client
            .get_yjs_document(&id)
            .key("mytext")
            .yjs_type(YjsType::YText)
            .await;
        let only = r.ok("get_yjs_document(key=mytext, type=ytext)", only)?;
        r.eq("get_yjs_document: the one Y.Text", &only, text);
    }

    let binary = client.get_yjs_document_as_binary_update(&id).await;
    let binary = r.ok("get_yjs_document_as_binary_update", binary)?;
    r.check(
        "binary update is not empty",
        binary.len() > 2,
        format!("{} bytes", binary.len()),
    );

    // Applying the document's own state again must change nothing.
    let resent = client.send_yjs_binary_update(&id, binary.clone()).await;
    r.ok("send_yjs_binary_update with the fetched state", resent)?;
    let doc = r.ok(
        "get_yjs_document after re-applying",
        client.get_yjs_document(&id).await,
    )?;
    r.eq("re-applying the state is a no-op", &doc, &p.yjs_expected);

    r.yjs_binary = Some(binary.to_vec());
    Ok(())
}

/// `get_room` on a missing room: a typed 404 with the `ROOM_NOT_FOUND` code.
pub(crate) async fn not_found(p: &Params, r: &mut Report) -> Step {
    let client = p.client(r)?;
    let id = p.room_id("does-not-exist");
    let result = client.get_room(&id).await;
    if let Err(e) = &result {
        r.check("is_not_found()", e.is_not_found(), e.to_string());
        r.check(
            "message names the room",
            e.as_api().is_some_and(|api| api.message.contains(&id)),
            e.as_api()
                .map(|api| api.message.clone())
                .unwrap_or_default(),
        );
    }
    r.api_error("get_room on a missing room", result, 404, "ROOM_NOT_FOUND");
    Ok(())
}

/// `create_room` of an existing room: a typed 409 `ROOM_ALREADY_EXISTS`.
pub(crate) async fn conflict(p: &Params, r: &mut Report) -> Step {
    let client = p.client(r)?;
    let id = p.room_id("conflict");
    r.ok(
        "create_room",
        client.create_room(&id, [RoomPermission::RoomWrite]).await,
    )?;
    r.rooms.push(id.clone());
    let again = client.create_room(&id, [RoomPermission::RoomWrite]).await;
    if let Err(e) = &again {
        r.check("is_conflict()", e.is_conflict(), e.to_string());
    }
    r.api_error("create_room again", again, 409, "ROOM_ALREADY_EXISTS");
    Ok(())
}

/// A room ID with `:`, `/`, a non-ASCII letter, a space, `#` and `?` survives every path.
pub(crate) async fn special_room_id(p: &Params, r: &mut Report) -> Step {
    const ID: &str = "liveblocks:engineering/α #1?x";
    let client = p.client(r)?;
    // The ID is fixed, so clear what an earlier run against the same server may have left.
    r.ok(
        "delete_room (leftover from a past run)",
        client.delete_room(ID).await,
    )?;

    let created = client
        .create_room(ID, [RoomPermission::RoomRead])
        .metadata("id", ID)
        .await;
    let created = r.ok("create_room", created)?;
    r.rooms.push(ID.to_owned());
    r.eq("create_room: id", created.id.as_str(), ID);

    let got = r.ok("get_room", client.get_room(ID).await)?;
    r.eq("get_room: id", got.id.as_str(), ID);
    r.eq(
        "get_room: metadata value",
        &got.metadata,
        &metadata(&[("id", ID.into())]),
    );

    let updated = client.update_room(ID).metadata("checked", "yes").await;
    let updated = r.ok("update_room", updated)?;
    r.eq("update_room: id", updated.id.as_str(), ID);

    let page = r.ok("get_rooms", client.get_rooms().await)?;
    r.check(
        "get_rooms lists the room",
        page.data.iter().any(|room| room.id == ID),
        format!("{} rooms", page.data.len()),
    );

    let root = StorageRoot::new([("k", Lson::from(json!("v")))]);
    let stored = client.initialize_storage_document(ID, root.clone()).await;
    r.ok("initialize_storage_document", stored)?;
    let storage = client.get_storage_document(ID).await;
    let storage = r.ok("get_storage_document", storage)?;
    r.eq(
        "get_storage_document: same Storage",
        &storage,
        &StorageDocument::Lson(root),
    );

    r.ok("delete_room", client.delete_room(ID).await)?;
    r.rooms.retain(|room| room != ID);
    let gone = client.get_room(ID).await;
    r.api_error("get_room after delete_room", gone, 404, "ROOM_NOT_FOUND");
    Ok(())
}

/// A secret the dev server does not accept: a typed 403.
pub(crate) async fn bad_secret(p: &Params, r: &mut Report) -> Step {
    let config =
        Config::new("sk_not_the_dev_key").and_then(|c| c.with_base_url(p.base_url.clone()));
    let client = r.ok(
        "Client with a wrong secret",
        config.and_then(Client::from_config),
    )?;
    let result = client.get_rooms().await;
    if let Err(e) = &result {
        r.check("is_unauthorized()", e.is_unauthorized(), e.to_string());
    }
    match result {
        Ok(page) => {
            r.check("get_rooms is refused", false, format!("Ok({page:?})"));
        }
        Err(e) => {
            r.eq(
                "get_rooms is refused with 403",
                &e.status().map(|s| s.as_u16()),
                &Some(403),
            );
        }
    }
    Ok(())
}
