//! The adapters against the real local Liveblocks dev server.
//!
//! Run it through the dev server, which sets `LIVEBLOCKS_BASE_URL` and
//! `LIVEBLOCKS_SECRET_KEY` for the command:
//!
//! ```sh
//! npx liveblocks dev --random-port --no-check --cmd "cargo test -p liveblocks-tests --test devserver"
//! ```
//!
//! Every scenario is a plain function over a [`Driver`] and runs twice, once through
//! `liveblocks-hyper` (async, awaited on a tokio runtime) and once through `liveblocks-ureq`
//! (blocking): the tests are `hyper::<scenario>` and `ureq::<scenario>`.
//!
//! The dev server covers 12 of the 19 room, Storage and Yjs operations; the other 7 answer
//! `501 Not implemented` (checked in `stub_operations_answer_501`). Where the server differs
//! from the spec, the assertions follow the server and say so.

use std::future::IntoFuture;

use bytes::Bytes;
use http::StatusCode;
use liveblocks_core::endpoint::{Endpoint, RequestBuilder};
use liveblocks_core::models::rooms::{MetadataValue, NewRoom, Room, RoomPermission, RoomUpdate};
use liveblocks_core::models::storage::{
    LiveNode, Lson, StorageDocument, StorageFormat, StorageRoot,
};
use liveblocks_core::models::yjs::YjsType;
use liveblocks_core::models::{Cursor, Page};
use liveblocks_core::storage::DeleteStorageDocument;
use liveblocks_core::transport::{HttpRequest, HttpResponse};
use liveblocks_core::yjs::SendYjsBinaryUpdate;
use liveblocks_core::{
    ApiError, BlockingTransport, Call, Client, Config, Error, Transport, TransportError,
};
use liveblocks_tests::{devserver_base_url, devserver_config, unique_room_id, ClientTransport};
use serde_json::json;
use yrs::updates::decoder::Decode;
use yrs::{GetString, Map, ReadTxn, StateVector, Text, Transact, Update};

use RoomPermission::{RoomPresenceWrite, RoomRead, RoomWrite};

type Result<T = (), E = Error> = std::result::Result<T, E>;

// ---------------------------------------------------------------------------------------------
// Drivers: one per adapter.
// ---------------------------------------------------------------------------------------------

/// Runs calls through one adapter, so each scenario is written once.
trait Driver {
    /// The adapter's transport.
    type T;

    /// The adapter's name, for room IDs and messages.
    const NAME: &'static str;

    /// A client for `config`, built the way users build one.
    fn from_config(config: Config) -> Self;

    /// A client from `LIVEBLOCKS_SECRET_KEY` and `LIVEBLOCKS_BASE_URL` (`Client::from_env`).
    fn from_env() -> Result<Self>
    where
        Self: Sized;

    /// The client under test.
    fn client(&self) -> &Client<Self::T>;

    /// Runs one call to completion (awaits it, or sends it).
    fn run<E>(&self, call: Call<Self::T, E>) -> Result<E::Output>
    where
        E: Endpoint + Send + 'static,
        E::Output: Send;

    /// Sends a raw request through the adapter's transport, to look at the response itself.
    fn exchange(&self, request: HttpRequest) -> Result<HttpResponse, TransportError>;
}

type HyperTransport = <liveblocks_hyper::Client as ClientTransport>::Transport;
type UreqTransport = <liveblocks_ureq::Client as ClientTransport>::Transport;

/// `liveblocks-hyper`, each call awaited on a multi-thread tokio runtime.
struct Hyper {
    runtime: tokio::runtime::Runtime,
    client: liveblocks_hyper::Client,
}

impl Driver for Hyper {
    type T = HyperTransport;
    const NAME: &'static str = "hyper";

    fn from_config(config: Config) -> Self {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("a tokio runtime");
        let client = {
            let _guard = runtime.enter();
            liveblocks_hyper::Client::from_config(config).expect("a hyper client")
        };
        Hyper { runtime, client }
    }

    fn from_env() -> Result<Self> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("a tokio runtime");
        let client = {
            let _guard = runtime.enter();
            liveblocks_hyper::Client::from_env()?
        };
        Ok(Hyper { runtime, client })
    }

    fn client(&self) -> &Client<Self::T> {
        &self.client
    }

    fn run<E>(&self, call: Call<Self::T, E>) -> Result<E::Output>
    where
        E: Endpoint + Send + 'static,
        E::Output: Send,
    {
        self.runtime.block_on(call.into_future())
    }

    fn exchange(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        self.runtime
            .block_on(Transport::send(self.client.transport(), request))
    }
}

/// `liveblocks-ureq`, each call sent and waited for.
struct Ureq {
    client: liveblocks_ureq::Client,
}

impl Driver for Ureq {
    type T = UreqTransport;
    const NAME: &'static str = "ureq";

    fn from_config(config: Config) -> Self {
        let client = liveblocks_ureq::Client::from_config(config).expect("a ureq client");
        Ureq { client }
    }

    fn from_env() -> Result<Self> {
        Ok(Ureq {
            client: liveblocks_ureq::Client::from_env()?,
        })
    }

    fn client(&self) -> &Client<Self::T> {
        &self.client
    }

    fn run<E>(&self, call: Call<Self::T, E>) -> Result<E::Output>
    where
        E: Endpoint + Send + 'static,
        E::Output: Send,
    {
        call.send()
    }

    fn exchange(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        BlockingTransport::send(self.client.transport(), request)
    }
}

/// A driver for the dev server from the environment `liveblocks dev` sets.
fn driver<D: Driver>() -> D {
    D::from_config(devserver_config())
}

/// Runs each scenario through both adapters: `hyper::<name>` and `ureq::<name>`.
macro_rules! on_both_adapters {
    ($($scenario:ident),* $(,)?) => {
        mod hyper {
            $(
                #[test]
                fn $scenario() -> super::Result {
                    super::$scenario(&super::driver::<super::Hyper>())
                }
            )*
        }
        mod ureq {
            $(
                #[test]
                fn $scenario() -> super::Result {
                    super::$scenario(&super::driver::<super::Ureq>())
                }
            )*
        }
    };
}

on_both_adapters!(
    clients_from_env,
    room_lifecycle,
    get_rooms_lists_everything_oldest_first,
    get_rooms_rejects_bad_query_syntax,
    create_room_conflict_and_idempotent,
    update_room_rejects_null_metadata_and_default_accesses,
    active_users_empty_without_connections,
    storage_document_lifecycle,
    storage_delete_answers_204,
    yjs_binary_round_trip,
    yjs_rejects_garbage_update,
    special_room_id_round_trips,
    missing_room_is_404,
    wrong_secret_key_is_403,
    missing_authorization_is_401,
    malformed_secret_key_fails_before_any_request,
    stub_operations_answer_501,
);

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// The API error of a call that had to fail, or a panic naming what came back instead.
fn api_error<T: std::fmt::Debug>(what: &str, result: Result<T>) -> Box<ApiError> {
    match result {
        Err(Error::Api(e)) => e,
        other => panic!("{what}: expected an API error, got {other:?}"),
    }
}

/// Asserts an API error's status and `error` code, and returns it.
fn expect_api<T: std::fmt::Debug>(
    what: &str,
    result: Result<T>,
    status: u16,
    code: &str,
) -> Box<ApiError> {
    let e = api_error(what, result);
    assert_eq!(e.status.as_u16(), status, "{what}: {e:?}");
    assert_eq!(e.code.as_deref(), Some(code), "{what}: {e:?}");
    e
}

/// A room ID unique to this test and adapter.
fn room_id<D: Driver>(label: &str) -> String {
    unique_room_id(&format!("{}-{label}", D::NAME))
}

/// Creates a room everyone may write, for scenarios about something else.
fn new_room<D: Driver>(d: &D, label: &str) -> Result<String> {
    let id = room_id::<D>(label);
    let room = d.run(d.client().create_room(&id, [RoomWrite]))?;
    assert_eq!(room.id, id);
    Ok(id)
}

fn list(items: &[&str]) -> MetadataValue {
    MetadataValue::List(items.iter().map(|s| (*s).to_owned()).collect())
}

fn text(s: &str) -> MetadataValue {
    MetadataValue::String(s.to_owned())
}

fn ids(page: &Page<Room>) -> Vec<&str> {
    page.data.iter().map(|room| room.id.as_str()).collect()
}

// ---------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------

/// `Client::from_env` reads the variables `liveblocks dev` sets, for both adapters.
fn clients_from_env<D: Driver>(_configured: &D) -> Result {
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
fn room_lifecycle<D: Driver>(d: &D) -> Result {
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
fn get_rooms_lists_everything_oldest_first<D: Driver>(d: &D) -> Result {
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
fn get_rooms_rejects_bad_query_syntax<D: Driver>(d: &D) -> Result {
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
fn create_room_conflict_and_idempotent<D: Driver>(d: &D) -> Result {
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
fn update_room_rejects_null_metadata_and_default_accesses<D: Driver>(d: &D) -> Result {
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
fn active_users_empty_without_connections<D: Driver>(d: &D) -> Result {
    let id = new_room(d, "active")?;
    let users = d.run(d.client().get_active_users(&id))?;
    assert!(users.data.is_empty(), "{users:?}");
    Ok(())
}

fn sample_storage() -> StorageRoot {
    StorageRoot::new([
        ("title", Lson::from(json!("Roadmap"))),
        ("tags", Lson::from(json!(["x", "y"]))),
        (
            "items",
            LiveNode::list([
                LiveNode::object([
                    ("text", Lson::from(json!("ship it"))),
                    ("done", Lson::from(json!(false))),
                ])
                .into(),
                Lson::from(json!(3)),
            ])
            .into(),
        ),
        (
            "owners",
            LiveNode::map([("alice", Lson::from(json!({"role": "admin"})))]).into(),
        ),
    ])
}

/// Read, initialize, re-read in both formats, refuse a second initialization, delete.
fn storage_document_lifecycle<D: Driver>(d: &D) -> Result {
    let c = d.client();
    let id = new_room(d, "storage")?;

    let empty = d.run(c.get_storage_document(&id))?;
    assert_eq!(empty, StorageDocument::Lson(StorageRoot::default()));

    let root = sample_storage();
    let echoed = d.run(c.initialize_storage_document(&id, root.clone()))?;
    assert_eq!(echoed, root, "the response echoes what was stored");

    let stored = d.run(c.get_storage_document(&id))?;
    assert_eq!(stored, StorageDocument::Lson(root.clone()));

    let simplified = d.run(c.get_storage_document(&id).format(StorageFormat::Json))?;
    let StorageDocument::Json(simplified) = simplified else {
        panic!("asked for JSON, got {simplified:?}");
    };
    assert_eq!(
        serde_json::Value::Object(simplified),
        json!({
            "title": "Roadmap",
            "tags": ["x", "y"],
            "items": [{"text": "ship it", "done": false}, 3],
            "owners": {"alice": {"role": "admin"}},
        })
    );

    let e = expect_api(
        "initialize twice",
        d.run(c.initialize_storage_document(&id, root.clone())),
        409,
        "CANNOT_UPDATE_EXISTING_STORAGE",
    );
    assert!(e.suggestion.is_some(), "{e:?}");

    d.run(c.delete_storage_document(&id))?;
    let after = d.run(c.get_storage_document(&id))?;
    assert_eq!(after, StorageDocument::Lson(StorageRoot::default()));

    // Empty again, so it can be initialized again.
    let other = StorageRoot::new([("count", Lson::from(json!(1)))]);
    assert_eq!(
        d.run(c.initialize_storage_document(&id, other.clone()))?,
        other
    );
    d.run(c.delete_room(&id))?;
    Ok(())
}

/// `delete_storage_document` answers 204 where the spec says 200; the client accepts it.
fn storage_delete_answers_204<D: Driver>(d: &D) -> Result {
    let config = d.client().config();
    let id = new_room(d, "storage-204")?;
    d.run(
        d.client()
            .initialize_storage_document(&id, StorageRoot::new([("a", Lson::from(json!(1)))])),
    )?;
    let endpoint = DeleteStorageDocument::new(&id);
    let response = d.exchange(endpoint.request(config)?)?;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert!(response.body().is_empty());
    endpoint.response(response)?;
    Ok(())
}

/// A Yjs document with a map, a text and an array, as one V1 update.
fn sample_yjs_update() -> Vec<u8> {
    let doc = yrs::Doc::new();
    let map = doc.get_or_insert_map("mymap");
    let text = doc.get_or_insert_text("mytext");
    let array = doc.get_or_insert_array("myarray");
    let mut txn = doc.transact_mut();
    map.insert(&mut txn, "greeting", "hello");
    map.insert(&mut txn, "count", 3.0_f64);
    map.insert(&mut txn, "done", true);
    text.insert(&mut txn, 0, "hi there");
    yrs::Array::insert_range(&array, &mut txn, 0, [1.0_f64, 2.0_f64]);
    txn.encode_state_as_update_v1(&StateVector::default())
}

/// A yrs value as serde JSON.
fn yrs_json(any: &yrs::Any) -> serde_json::Value {
    let mut out = String::new();
    any.to_json(&mut out);
    serde_json::from_str(&out).expect("yrs writes JSON")
}

/// A real yrs update goes in, comes back as JSON, and as a binary update that a fresh yrs
/// document applies to the same content.
fn yjs_binary_round_trip<D: Driver>(d: &D) -> Result {
    let c = d.client();
    let id = new_room(d, "yjs")?;
    let config = c.config();

    // The dev server answers the PUT with a JSON body the spec doesn't have.
    let update = sample_yjs_update();
    let endpoint = SendYjsBinaryUpdate::new(&id, update.clone());
    let response = d.exchange(endpoint.request(config)?)?;
    assert_eq!(response.status(), StatusCode::OK);
    let body: serde_json::Value = serde_json::from_slice(response.body()).expect("JSON");
    assert_eq!(body, json!({"success": true}));
    endpoint.response(response)?;

    // The same update again through the client: applying it twice changes nothing.
    d.run(c.send_yjs_binary_update(&id, update))?;

    let expected = json!({
        "mymap": {"greeting": "hello", "count": 3, "done": true},
        "mytext": "hi there",
        "myarray": [1, 2],
    });
    assert_eq!(d.run(c.get_yjs_document(&id))?, expected);

    // One key alone: an object with just that key.
    let only = d.run(c.get_yjs_document(&id).key("mytext"))?;
    assert_eq!(only, json!({"mytext": "hi there"}));
    // One key with its type: the bare value (a string for a Y.Text).
    let mytext = d.run(
        c.get_yjs_document(&id)
            .key("mytext")
            .yjs_type(YjsType::YText),
    )?;
    assert_eq!(mytext, json!("hi there"));
    let mymap = d.run(c.get_yjs_document(&id).key("mymap").yjs_type(YjsType::YMap))?;
    assert_eq!(mymap, expected["mymap"]);
    // With formatting, a Y.Text becomes a list of its runs (one unformatted run here).
    let formatted = d.run(c.get_yjs_document(&id).formatting(true))?;
    let mut expected_formatted = expected.clone();
    expected_formatted["mytext"] = json!(["hi there"]);
    assert_eq!(formatted, expected_formatted);

    let binary: Bytes = d.run(c.get_yjs_document_as_binary_update(&id))?;
    assert!(!binary.is_empty());
    let fresh = yrs::Doc::new();
    let map = fresh.get_or_insert_map("mymap");
    let text = fresh.get_or_insert_text("mytext");
    let array = fresh.get_or_insert_array("myarray");
    let mut txn = fresh.transact_mut();
    let update = Update::decode_v1(&binary).expect("a V1 update");
    txn.apply_update(update).expect("the update applies");
    assert_eq!(text.get_string(&txn), "hi there");
    assert_eq!(
        yrs_json(&yrs::types::ToJson::to_json(&map, &txn)),
        expected["mymap"]
    );
    assert_eq!(
        yrs_json(&yrs::types::ToJson::to_json(&array, &txn)),
        expected["myarray"]
    );
    assert_eq!(
        yrs_json(&yrs::types::ToJson::to_json(&fresh, &txn)),
        expected
    );
    Ok(())
}

/// Bytes that are no Yjs update are refused with a 422.
fn yjs_rejects_garbage_update<D: Driver>(d: &D) -> Result {
    let id = new_room(d, "yjs-garbage")?;
    let e = api_error(
        "garbage update",
        d.run(
            d.client()
                .send_yjs_binary_update(&id, vec![0xff, 0xfe, 0xfd]),
        ),
    );
    assert_eq!(e.status, StatusCode::UNPROCESSABLE_ENTITY, "{e:?}");
    // The document is still empty.
    assert_eq!(d.run(d.client().get_yjs_document(&id))?, json!({}));
    Ok(())
}

/// A room ID with `:`, `/`, non-ASCII, space, `#`, `?`, `&` and `=` stays one path segment
/// through every room, Storage and Yjs route.
fn special_room_id_round_trips<D: Driver>(d: &D) -> Result {
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
fn missing_room_is_404<D: Driver>(d: &D) -> Result {
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
fn wrong_secret_key_is_403<D: Driver>(_d: &D) -> Result {
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
fn missing_authorization_is_401<D: Driver>(d: &D) -> Result {
    let endpoint = liveblocks_core::rooms::GetRooms::new();
    let mut request = endpoint.request(d.client().config())?;
    assert!(request.headers_mut().remove("authorization").is_some());
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
fn malformed_secret_key_fails_before_any_request<D: Driver>(d: &D) -> Result {
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
fn stub_operations_answer_501<D: Driver>(d: &D) -> Result {
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

// ---------------------------------------------------------------------------------------------
// liveblocks-hyper under tokio::spawn
// ---------------------------------------------------------------------------------------------

/// The hyper client is `Send + Sync` and its calls are `Send` futures: spawned tasks on a
/// multi-thread runtime share one client and run concurrently.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hyper_calls_run_concurrently_under_tokio_spawn() -> Result {
    let client = liveblocks_hyper::Client::from_config(devserver_config())?;
    let prefix = unique_room_id("hyper-spawn");
    let mut tasks = tokio::task::JoinSet::new();
    for n in 0..8 {
        let client = client.clone();
        let id = format!("{prefix}-{n}");
        tasks.spawn(async move {
            let created = client
                .create_room(&id, [RoomWrite])
                .metadata("n", n.to_string())
                .await?;
            let fetched = client.get_room(&id).await?;
            assert_eq!(fetched, created);
            client
                .send_yjs_binary_update(&id, sample_yjs_update())
                .await?;
            let doc = client.get_yjs_document(&id).key("mytext").await?;
            assert_eq!(doc, json!({"mytext": "hi there"}));
            Ok::<_, Error>((n, fetched))
        });
    }
    // A listing runs alongside the writers.
    let lister = {
        let client = client.clone();
        tokio::spawn(async move { client.get_rooms().await })
    };

    let mut seen = Vec::new();
    while let Some(joined) = tasks.join_next().await {
        let (n, room) = joined.expect("the task did not panic")?;
        assert_eq!(room.metadata["n"], text(&n.to_string()));
        seen.push(n);
    }
    seen.sort_unstable();
    assert_eq!(seen, (0..8).collect::<Vec<_>>());
    lister.await.expect("the task did not panic")?;

    let page = client.get_rooms().await?;
    for n in 0..8 {
        let id = format!("{prefix}-{n}");
        assert!(page.data.iter().any(|room| room.id == id), "{id} missing");
        client.delete_room(&id).await?;
    }
    Ok(())
}

/// Builds requests for an endpoint outside the crate, to check `RequestBuilder` is usable
/// from the outside against a real server (a GET of one room).
#[test]
fn custom_endpoint_through_ureq() -> Result {
    struct RawRoom(String);
    impl Endpoint for RawRoom {
        type Output = serde_json::Value;
        const OPERATION: liveblocks_core::Operation =
            <liveblocks_core::rooms::GetRoom as Endpoint>::OPERATION;
        fn request(&self, config: &Config) -> Result<HttpRequest> {
            RequestBuilder::new(config, &Self::OPERATION)
                .path_param("roomId", &self.0)?
                .build()
        }
        fn parse(&self, response: HttpResponse) -> Result<Self::Output> {
            liveblocks_core::endpoint::decode_json(response)
        }
    }
    let d: Ureq = driver();
    let id = new_room(&d, "custom")?;
    let raw = d.client().call(RawRoom(id.clone())).send()?;
    assert_eq!(raw["id"], json!(id));
    assert_eq!(raw["type"], json!("room"));
    Ok(())
}
