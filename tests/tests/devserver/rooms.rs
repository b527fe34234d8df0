//! Rooms: CRUD, listing, active users (with real WebSocket sessions), auth errors, and the
//! room and Storage operations the dev server only stubs.

use std::time::{Duration, Instant};

use liveblocks_core::models::auth::FULL_ACCESS;
use liveblocks_core::models::rooms::{
    ActiveUsers, MetadataValue, NewRoom, Room, RoomPermission, RoomUpdate, UserInfo,
};
use liveblocks_core::models::storage::{Lson, StorageDocument, StorageRoot};
use liveblocks_core::models::yjs::YjsType;
use liveblocks_core::models::{Cursor, Page};
use liveblocks_core::{Config, Endpoint, Error};
use liveblocks_tests::{devserver_base_url, unique_room_id, WebSocketSession};
use serde_json::json;

use crate::storage::sample_yjs_update;
use crate::{expect_api, new_room, room_id, Driver, Result};

use RoomPermission::{RoomPresenceWrite, RoomRead, RoomWrite};

fn list(items: &[&str]) -> MetadataValue {
    MetadataValue::List(items.iter().map(|s| (*s).to_owned()).collect())
}

pub(crate) fn text(s: &str) -> MetadataValue {
    MetadataValue::String(s.to_owned())
}

fn ids(page: &Page<Room>) -> Vec<&str> {
    page.data.iter().map(|room| room.id.as_str()).collect()
}

/// `Client::from_env` reads the variables `liveblocks dev` sets, for both adapters.
pub(crate) fn clients_from_env<D: Driver>(_configured: &D) -> Result {
    // driver() already panicked with instructions if the variables were missing.
    let base_url = devserver_base_url();
    let d = D::from_env()?;
    assert_eq!(
        d.client().config().base_url(),
        base_url.trim_end_matches('/')
    );
    let id = new_room(&d, "from-env")?;
    assert_eq!(d.run(d.client().get_room(&id))?.id, id);
    Ok(())
}

/// Create, read, update, delete one room with every field set.
pub(crate) fn room_lifecycle<D: Driver>(d: &D) -> Result {
    let c = d.client();
    let id = room_id::<D>("lifecycle");
    let org = format!("org-{id}");

    let created = d.run(
        c.create_room(&id, [RoomRead, RoomPresenceWrite])
            .organization_id(&org)
            .user_access("alice", [RoomWrite])
            .user_access("bob", [RoomRead])
            .group_access("engineering", [RoomWrite])
            .group_access("design", [RoomRead])
            .metadata("color", "blue")
            .metadata("tags", ["a", "b"]),
    )?;
    assert_eq!(created.id, id);
    assert_eq!(created.object_type, "room");
    assert_eq!(created.organization_id, org);
    assert_eq!(created.default_accesses, vec![RoomRead, RoomPresenceWrite]);
    assert_eq!(created.users_accesses["alice"], vec![RoomWrite]);
    assert_eq!(created.groups_accesses["design"], vec![RoomRead]);
    assert_eq!(created.metadata["color"], text("blue"));
    assert_eq!(created.metadata["tags"], list(&["a", "b"]));
    // The dev server never reports a connection time.
    assert_eq!(created.last_connection_at, None);

    let fetched = d.run(c.get_room(&id))?;
    assert_eq!(fetched, created);

    let updated = d.run(
        c.update_room(&id)
            .default_accesses([RoomWrite])
            .user_access("carol", [RoomRead])
            .remove_user_access("bob")
            .remove_group_access("engineering")
            .metadata("color", "red"),
    )?;
    assert_eq!(updated.id, id);
    assert_eq!(updated.created_at, created.created_at);
    assert_eq!(updated.default_accesses, vec![RoomWrite]);
    let users: Vec<&str> = updated.users_accesses.keys().map(String::as_str).collect();
    assert_eq!(
        users,
        ["alice", "carol"],
        "bob removed by null, carol added"
    );
    let groups: Vec<&str> = updated.groups_accesses.keys().map(String::as_str).collect();
    assert_eq!(groups, ["design"], "engineering removed by null");
    // Metadata updates merge: `tags` was not named and is kept.
    assert_eq!(updated.metadata["color"], text("red"));
    assert_eq!(updated.metadata["tags"], list(&["a", "b"]));
    assert_eq!(d.run(c.get_room(&id))?, updated);

    d.run(c.delete_room(&id))?;
    expect_api(
        "get after delete",
        d.run(c.get_room(&id)),
        404,
        "ROOM_NOT_FOUND",
    );
    // Deleting a room that no longer exists succeeds (204 again).
    d.run(c.delete_room(&id))?;
    Ok(())
}

/// The dev server has no pagination: `limit` and `startingAfter` are ignored, `nextCursor` is
/// null, and rooms come oldest first (the spec says newest first). `organizationId` filters.
pub(crate) fn get_rooms_lists_everything_oldest_first<D: Driver>(d: &D) -> Result {
    let c = d.client();
    let org = format!("org-{}", room_id::<D>("list"));
    let mut created = Vec::new();
    for n in 0..3 {
        let id = room_id::<D>(&format!("list{n}"));
        d.run(c.create_room(&id, [RoomWrite]).organization_id(&org))?;
        created.push(id);
    }

    let page = d.run(c.get_rooms().organization_id(&org).limit(1))?;
    assert_eq!(ids(&page), created, "all 3, oldest first, despite limit=1");
    assert_eq!(page.next_cursor, None);
    assert!(page.data.iter().all(|room| room.organization_id == org));

    // startingAfter is ignored too: the "next page" is the same page.
    let again = d.run(
        c.get_rooms()
            .organization_id(&org)
            .limit(1)
            .starting_after(Cursor::new(created[0].clone())),
    )?;
    assert_eq!(ids(&again), created);

    // A well-formed query is parsed but not applied.
    let queried = d.run(
        c.get_rooms()
            .organization_id(&org)
            .query(r#"roomId^"no-room-starts-like-this""#),
    )?;
    assert_eq!(ids(&queried), created);

    // Without a filter, our rooms are there among the others, still in creation order.
    let all = d.run(c.get_rooms())?;
    let positions: Vec<usize> = created
        .iter()
        .map(|id| {
            ids(&all)
                .iter()
                .position(|x| x == id)
                .unwrap_or_else(|| panic!("{id} missing from get_rooms"))
        })
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");

    let empty = d.run(c.get_rooms().organization_id(format!("{org}-none")))?;
    assert!(empty.data.is_empty());
    Ok(())
}

/// A query that doesn't parse is the one thing the dev server's filter does: 422 INVALID_QUERY.
pub(crate) fn get_rooms_rejects_bad_query_syntax<D: Driver>(d: &D) -> Result {
    let e = expect_api(
        "unterminated string in query",
        d.run(d.client().get_rooms().query(r#"roomId^""#)),
        422,
        "INVALID_QUERY",
    );
    assert!(
        !e.message.is_empty() && e.message != "INVALID_QUERY",
        "{e:?}"
    );
    Ok(())
}

/// Creating an existing room is a 409; with `idempotent` the existing room comes back unchanged.
pub(crate) fn create_room_conflict_and_idempotent<D: Driver>(d: &D) -> Result {
    let c = d.client();
    let id = room_id::<D>("idempotent");
    let original = d.run(c.create_room(&id, [RoomRead]).metadata("color", "blue"))?;

    let e = expect_api(
        "create twice",
        d.run(c.create_room(&id, [RoomRead])),
        409,
        "ROOM_ALREADY_EXISTS",
    );
    assert!(e.message.contains(&id), "{e:?}");
    assert!(Error::Api(e).is_conflict());

    // Different settings in the body are ignored: the existing room is returned as it is.
    let same = d.run(
        c.create_room(&id, [RoomWrite])
            .metadata("color", "green")
            .user_access("mallory", [RoomWrite])
            .idempotent(true),
    )?;
    assert_eq!(same, original);

    // For a new ID, idempotent creation creates.
    let fresh = room_id::<D>("idempotent-new");
    let created = d.run(c.create_room(&fresh, [RoomWrite]).idempotent(true))?;
    assert_eq!(created.id, fresh);
    assert_eq!(created.default_accesses, vec![RoomWrite]);
    Ok(())
}

/// Stricter than the spec: `null` for a metadata key or for `defaultAccesses` is a 422 whose
/// text is in `reason` (not `message`); the room stays unchanged.
pub(crate) fn update_room_rejects_null_metadata_and_default_accesses<D: Driver>(d: &D) -> Result {
    let c = d.client();
    let id = room_id::<D>("null-update");
    let room = d.run(c.create_room(&id, [RoomWrite]).metadata("color", "blue"))?;

    let attempts = [
        (
            "remove_metadata",
            d.run(c.update_room(&id).remove_metadata("color")),
        ),
        (
            "reset_default_accesses",
            d.run(c.update_room(&id).reset_default_accesses()),
        ),
    ];
    for (what, result) in attempts {
        let e = expect_api(what, result, 422, "Unprocessable Entity");
        let body: serde_json::Value = serde_json::from_slice(&e.raw_body).expect("a JSON body");
        let reason = body["reason"].as_str().expect("a `reason` field");
        assert_eq!(e.message, reason, "{what}: the message comes from `reason`");
        assert!(body.get("message").is_none(), "{what}: {body}");
    }
    assert_eq!(d.run(c.get_room(&id))?, room);
    Ok(())
}

/// With no WebSocket connected the list is empty (set-presence is a stub, so nothing fills it).
pub(crate) fn active_users_empty_without_connections<D: Driver>(d: &D) -> Result {
    let id = new_room(d, "active")?;
    let users = d.run(d.client().get_active_users(&id))?;
    assert!(users.data.is_empty(), "{users:?}");
    Ok(())
}

/// Polls `get_active_users` until it lists `count` connections (the server registers and
/// drops WebSocket sessions asynchronously), for at most 10 s.
fn wait_for_active_users<D: Driver>(d: &D, room: &str, count: usize) -> Result<ActiveUsers> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let users = d.run(d.client().get_active_users(room))?;
        if users.data.len() == count || Instant::now() > deadline {
            assert_eq!(users.data.len(), count, "active users of {room}: {users:?}");
            return Ok(users);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Two WebSocket sessions (handshake only) make two active users: one that entered with an
/// access token from `authorize_user` is listed with its ID and info; an anonymous one (public
/// key) is listed without `id` and `info`, which the spec requires but the client tolerates.
pub(crate) fn active_users_with_websocket_sessions<D: Driver>(d: &D) -> Result {
    let c = d.client();
    let id = new_room(d, "presence")?;
    let user = format!("alice-{}", D::NAME);
    let token = d
        .run(
            c.authorize_user(&user)
                .allow(&id, FULL_ACCESS.iter().cloned())
                .user_info(UserInfo::new().name("Alice").color("#f00")),
        )?
        .token;

    // Room IDs from `room_id` and tokens (base64url and dots) need no escaping in a query.
    let base_url = devserver_base_url();
    let open = |query: String| {
        let session = WebSocketSession::open(&base_url, &format!("/v8?roomId={id}&{query}"))
            .unwrap_or_else(|e| panic!("WebSocket to {base_url}: {e}"));
        assert!(
            session.status_line.contains(" 101 "),
            "WebSocket handshake: {}",
            session.status_line
        );
        session
    };
    let alice = open(format!("tok={token}"));
    let anonymous = open("pubkey=pk_localdev".to_owned());

    let mut users = wait_for_active_users(d, &id, 2)?.data;
    users.sort_by_key(|user| user.id.is_none());
    let (known, unknown) = (&users[0], &users[1]);
    assert_eq!(known.object_type, "user");
    assert_eq!(known.id.as_deref(), Some(user.as_str()), "{users:?}");
    assert_eq!(
        serde_json::Value::Object(known.info.clone()),
        json!({"name": "Alice", "color": "#f00"})
    );
    assert_eq!(unknown.object_type, "user");
    assert_eq!(unknown.id, None, "{users:?}");
    assert!(unknown.info.is_empty(), "{users:?}");
    assert_ne!(known.connection_id, unknown.connection_id);

    alice.close();
    anonymous.close();
    wait_for_active_users(d, &id, 0)?;
    Ok(())
}

/// A room ID with `:`, `/`, non-ASCII, space, `#`, `?`, `&` and `=` stays one path segment
/// through every room, Storage and Yjs route.
pub(crate) fn special_room_id_round_trips<D: Driver>(d: &D) -> Result {
    let c = d.client();
    let id = format!(
        "liveblocks:engineering/α #1?x&adapter={}",
        unique_room_id(D::NAME)
    );
    let room = d.run(c.create_room(&id, [RoomWrite]).metadata("name", "α β"))?;
    assert_eq!(room.id, id);
    assert_eq!(d.run(c.get_room(&id))?.id, id);
    assert_eq!(
        d.run(c.update_room(&id).metadata("name", "γ"))?.metadata["name"],
        text("γ")
    );
    assert!(d.run(c.get_rooms())?.data.iter().any(|room| room.id == id));
    assert!(d.run(c.get_active_users(&id))?.data.is_empty());

    let root = StorageRoot::new([("k", Lson::from(json!("v")))]);
    d.run(c.initialize_storage_document(&id, root.clone()))?;
    assert_eq!(
        d.run(c.get_storage_document(&id))?,
        StorageDocument::Lson(root)
    );
    d.run(c.delete_storage_document(&id))?;

    d.run(c.send_yjs_binary_update(&id, sample_yjs_update()))?;
    assert_eq!(
        d.run(
            c.get_yjs_document(&id)
                .key("mytext")
                .yjs_type(YjsType::YText)
        )?,
        json!("hi there")
    );
    assert!(!d.run(c.get_yjs_document_as_binary_update(&id))?.is_empty());

    d.run(c.delete_room(&id))?;
    expect_api(
        "after delete",
        d.run(c.get_room(&id)),
        404,
        "ROOM_NOT_FOUND",
    );
    // The prefix alone (what an unencoded `/` would address) was never created.
    expect_api(
        "prefix",
        d.run(c.get_room("liveblocks:engineering")),
        404,
        "ROOM_NOT_FOUND",
    );
    Ok(())
}

/// A missing room is `404 ROOM_NOT_FOUND` on the room, Storage and Yjs routes.
pub(crate) fn missing_room_is_404<D: Driver>(d: &D) -> Result {
    let c = d.client();
    let id = room_id::<D>("missing");
    let results = [
        ("get_room", d.run(c.get_room(&id)).map(drop)),
        (
            "update_room",
            d.run(c.update_room(&id).metadata("a", "b")).map(drop),
        ),
        (
            "get_storage_document",
            d.run(c.get_storage_document(&id)).map(drop),
        ),
        (
            "initialize_storage_document",
            d.run(c.initialize_storage_document(&id, StorageRoot::default()))
                .map(drop),
        ),
        ("get_yjs_document", d.run(c.get_yjs_document(&id)).map(drop)),
        (
            "get_yjs_document_as_binary_update",
            d.run(c.get_yjs_document_as_binary_update(&id)).map(drop),
        ),
        (
            "send_yjs_binary_update",
            d.run(c.send_yjs_binary_update(&id, sample_yjs_update())),
        ),
    ];
    for (what, result) in results {
        let e = expect_api(what, result, 404, "ROOM_NOT_FOUND");
        assert!(e.message.contains(&id), "{what}: {e:?}");
        assert!(Error::Api(e).is_not_found());
    }
    Ok(())
}

/// A well-formed but wrong key is refused with 403 and the server's explanation.
pub(crate) fn wrong_secret_key_is_403<D: Driver>(_d: &D) -> Result {
    let config = Config::new("sk_wrongkey")?.with_base_url(devserver_base_url())?;
    let wrong = D::from_config(config);
    let e = expect_api(
        "wrong key",
        wrong.run(wrong.client().get_rooms()),
        403,
        "Forbidden",
    );
    assert!(e.message.contains("Invalid secret key"), "{e:?}");
    assert!(e.headers.contains_key("x-lb-warn"), "{e:?}");
    let e = Error::Api(e);
    assert!(e.is_unauthorized() && !e.is_retryable());
    Ok(())
}

/// A request without `Authorization` (which the SDK never sends; stripped here on the way to
/// the adapter's transport) is a 401 that decodes like any API error.
pub(crate) fn missing_authorization_is_401<D: Driver>(d: &D) -> Result {
    let endpoint = liveblocks_core::rooms::GetRooms::new();
    let mut request = endpoint.request(d.client().config())?;
    assert!(request.headers_mut().remove("authorization").is_some());
    crate::record_sent(liveblocks_core::rooms::GetRooms::OPERATION.id);
    let response = d.exchange(request)?;
    let e = expect_api(
        "no Authorization",
        endpoint.response(response),
        401,
        "Unauthorized",
    );
    assert_eq!(e.message, "Missing secret key", "{e:?}");
    assert!(Error::Api(e).is_unauthorized());
    Ok(())
}

/// A key that isn't `sk_...` (or an empty ID) is refused before any request is made.
pub(crate) fn malformed_secret_key_fails_before_any_request<D: Driver>(d: &D) -> Result {
    for bad in ["pk_localdev", "", "sk_local dev"] {
        let err = Config::new(bad).unwrap_err();
        assert!(matches!(err, Error::InvalidInput(_)), "{bad:?}: {err:?}");
    }
    let err = liveblocks_ureq::Client::new("pk_localdev").unwrap_err();
    assert!(err.is_invalid_input(), "{err:?}");
    let err = {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a tokio runtime");
        let _guard = runtime.enter();
        liveblocks_hyper::Client::new("pk_localdev").unwrap_err()
    };
    assert!(err.is_invalid_input(), "{err:?}");

    let err = d.run(d.client().get_room("")).unwrap_err();
    assert!(matches!(err, Error::InvalidInput(_)), "{err:?}");
    let err = d.run(d.client().get_rooms().limit(1000)).unwrap_err();
    assert!(matches!(err, Error::InvalidInput(_)), "{err:?}");
    Ok(())
}

/// The 7 operations the dev server only stubs decode into a typed 501.
pub(crate) fn stub_operations_answer_501<D: Driver>(d: &D) -> Result {
    use liveblocks_core::models::rooms::UserInfo;
    use liveblocks_core::models::storage::JsonPatchOp;

    let c = d.client();
    let id = new_room(d, "stubs")?;
    let results = [
        ("prewarm_room", d.run(c.prewarm_room(&id)).map(drop)),
        (
            "upsert_room",
            d.run(
                c.upsert_room(&id, RoomUpdate::new().metadata("color", "blue"))
                    .create(NewRoom::new([RoomWrite])),
            )
            .map(drop),
        ),
        (
            "update_room_id",
            d.run(c.update_room_id(&id, format!("{id}-renamed")))
                .map(drop),
        ),
        (
            "update_room_organization_id",
            d.run(c.update_room_organization_id(&id, "default", "org-other"))
                .map(drop),
        ),
        (
            "set_presence",
            d.run(
                c.set_presence(&id, "agent", json!({"status": "active"}))
                    .user_info(UserInfo::new().name("Agent"))
                    .ttl(60),
            ),
        ),
        (
            "broadcast_event",
            d.run(c.broadcast_event(&id, json!({"type": "EMOJI", "emoji": "🔥"}))),
        ),
        (
            "patch_storage_document",
            d.run(c.patch_storage_document(&id, [JsonPatchOp::add("/score", json!(42))])),
        ),
    ];
    for (what, result) in results {
        let e = expect_api(what, result, 501, "Not implemented");
        assert!(e.message.contains("isn't implemented"), "{what}: {e:?}");
        assert!(e.headers.contains_key("x-lb-warn"), "{what}: {e:?}");
        assert!(
            !Error::Api(e).is_retryable(),
            "{what}: 501 is not retryable"
        );
    }
    // Nothing was renamed or moved.
    let room = d.run(c.get_room(&id))?;
    assert_eq!(room.organization_id, "default");
    assert!(room.metadata.is_empty());
    Ok(())
}
