//! All 19 room, Storage and Yjs operations through `liveblocks-hyper` against Prism.
//!
//! Prism mocks the official OpenAPI spec (a copy whose paths carry the `/v2` prefix, see
//! `scripts/derive-prism-spec.mjs`) with `--errors`: it validates every request against the
//! spec, and a request that breaks it gets a `422` plus an `sl-violations` header listing
//! the violations. A valid request gets the spec's example response. So for each operation:
//!
//! - **valid**: every request got a 2xx and no `sl-violations` header;
//! - **decoded**: the example decoded into the typed output, with the values the example has.
//!
//! `scripts/test.sh` starts Prism and runs this with `PRISM_URL` set:
//!
//! ```sh
//! PRISM_URL=http://127.0.0.1:4010 cargo test -p liveblocks-tests --test prism -- --nocapture
//! ```

use std::future::{Future, IntoFuture};
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use liveblocks_core::endpoint::Endpoint;
use liveblocks_core::models::rooms::{
    MetadataValue, NewRoom, Room, RoomPermission, RoomUpdate, StorageEngine, UserInfo,
};
use liveblocks_core::models::storage::{
    JsonPatchOp, LiveFileData, LiveNode, Lson, StorageDocument, StorageFormat, StorageRoot,
};
use liveblocks_core::models::yjs::YjsType;
use liveblocks_core::models::{Cursor, Timestamp};
use liveblocks_core::rooms::CreateRoom;
use liveblocks_core::transport::{HttpRequest, HttpResponse};
use liveblocks_core::{Client, Error, FromConfig, Transport, TransportError};
use liveblocks_tests::{prism_config, ClientTransport};
use serde_json::json;
use yrs::{Map, ReadTxn, StateVector, Transact};

use RoomPermission::AllWrite;

type HyperTransport = <liveblocks_hyper::Client as ClientTransport>::Transport;

/// What one request got: its status and the `sl-violations` header, if any.
#[derive(Debug, Clone)]
struct Exchange {
    request: String,
    status: u16,
    violations: Option<String>,
}

/// The requests sent so far.
#[derive(Default)]
struct Recorder {
    exchanges: Mutex<Vec<Exchange>>,
}

impl Recorder {
    fn push(&self, exchange: Exchange) {
        self.exchanges.lock().expect("not poisoned").push(exchange);
    }

    fn take(&self) -> Vec<Exchange> {
        std::mem::take(&mut *self.exchanges.lock().expect("not poisoned"))
    }
}

/// A client whose transport is the hyper adapter's, wrapped to record each exchange.
fn recording_client() -> (Client<impl Transport + 'static>, Arc<Recorder>) {
    let config = prism_config();
    let inner = Arc::new(HyperTransport::from_config(&config).expect("a hyper transport"));
    let recorder = Arc::new(Recorder::default());
    let log = Arc::clone(&recorder);
    let transport = move |request: HttpRequest| {
        let inner = Arc::clone(&inner);
        let log = Arc::clone(&log);
        async move {
            let described = format!("{} {}", request.method(), request.uri());
            let response: HttpResponse = inner.send(request).await?;
            let violations = response
                .headers()
                .get("sl-violations")
                .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
            log.push(Exchange {
                request: described,
                status: response.status().as_u16(),
                violations,
            });
            Ok::<_, TransportError>(response)
        }
    };
    (Client::with_transport(config, transport), recorder)
}

/// The verdict on one operation.
struct Verdict {
    operation: &'static str,
    valid: bool,
    decoded: bool,
    problems: Vec<String>,
}

/// Runs the calls of one operation (`calls` returns its checked output, or what was wrong
/// with it) and judges the requests it made.
async fn check<F, Fut>(recorder: &Recorder, operation: &'static str, calls: F) -> Verdict
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<(), Failure>>,
{
    recorder.take();
    let outcome = calls().await;
    let exchanges = recorder.take();
    let mut problems = Vec::new();
    if exchanges.is_empty() {
        problems.push("no request was sent".to_owned());
    }
    let mut valid = !exchanges.is_empty();
    for exchange in &exchanges {
        if let Some(violations) = &exchange.violations {
            valid = false;
            problems.push(format!(
                "{} -> {}: sl-violations: {violations}",
                exchange.request, exchange.status
            ));
        } else if !(200..300).contains(&exchange.status) {
            valid = false;
            problems.push(format!("{} -> {}", exchange.request, exchange.status));
        }
    }
    let decoded = match outcome {
        Ok(()) => true,
        Err(Failure::Call(e)) => {
            problems.push(format!("call failed: {e}"));
            false
        }
        Err(Failure::Check(message)) => {
            problems.push(format!("wrong output: {message}"));
            false
        }
    };
    Verdict {
        operation,
        valid,
        decoded,
        problems,
    }
}

/// Why an operation's check failed: the call itself, or what it returned.
enum Failure {
    Call(Error),
    Check(String),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Call(e)
    }
}

/// Fails the check unless `cond` holds.
fn ensure(cond: bool, message: impl FnOnce() -> String) -> Result<(), Failure> {
    if cond {
        Ok(())
    } else {
        Err(Failure::Check(message()))
    }
}

/// Fails the check unless `left == right`.
fn ensure_eq<T: PartialEq + std::fmt::Debug>(what: &str, left: T, right: T) -> Result<(), Failure> {
    ensure(left == right, || format!("{what}: {left:?} != {right:?}"))
}

/// The status of the last request recorded so far in this check.
fn last_status(recorder: &Recorder) -> Option<u16> {
    recorder
        .exchanges
        .lock()
        .expect("not poisoned")
        .last()
        .map(|e| e.status)
}

/// A real Yjs V1 update (a map with one key).
fn yjs_update() -> Vec<u8> {
    let doc = yrs::Doc::new();
    let map = doc.get_or_insert_map("mymap");
    let mut txn = doc.transact_mut();
    map.insert(&mut txn, "greeting", "hello");
    txn.encode_state_as_update_v1(&StateVector::default())
}

/// The spec's Storage example, as a typed root.
fn example_storage() -> StorageRoot {
    StorageRoot::new([
        (
            "aLiveObject",
            LiveNode::object([("a", Lson::from(json!(1)))]).into(),
        ),
        (
            "aLiveList",
            LiveNode::list([Lson::from(json!("a")), Lson::from(json!("b"))]).into(),
        ),
        (
            "aLiveMap",
            LiveNode::map([("a", Lson::from(json!(1))), ("b", Lson::from(json!(2)))]).into(),
        ),
        ("aLiveFile", LiveNode::LiveFile(example_file()).into()),
    ])
}

/// The spec's example LiveFile.
fn example_file() -> LiveFileData {
    serde_json::from_value(json!({
        "id": "fl_abc123456789012345678", "name": "photo.png", "size": 12345, "mimeType": "image/png"
    }))
    .expect("a LiveFile")
}

fn ts(s: &str) -> Timestamp {
    s.parse().expect("an RFC 3339 timestamp")
}

fn text(s: &str) -> MetadataValue {
    MetadataValue::String(s.to_owned())
}

/// Checks every field of the spec's `Room` schema example, which Prism serves for every
/// operation that returns a room.
fn ensure_example_room(room: &Room) -> Result<(), Failure> {
    ensure_eq("id", room.id.as_str(), "my-room-id")?;
    ensure_eq("type", room.object_type.as_str(), "room")?;
    ensure_eq(
        "organizationId",
        room.organization_id.as_str(),
        "org_123456789",
    )?;
    ensure_eq("createdAt", room.created_at, ts("2022-07-13T14:32:50.697Z"))?;
    ensure_eq(
        "lastConnectionAt",
        room.last_connection_at,
        Some(ts("2022-08-04T21:07:09.380Z")),
    )?;
    ensure_eq("metadata.color", &room.metadata["color"], &text("blue"))?;
    ensure_eq("metadata.type", &room.metadata["type"], &text("whiteboard"))?;
    ensure_eq(
        "defaultAccesses",
        room.default_accesses.as_slice(),
        &[AllWrite],
    )?;
    ensure_eq(
        "groupsAccesses.marketing",
        room.groups_accesses.get("marketing").map(Vec::as_slice),
        Some(&[AllWrite][..]),
    )?;
    ensure_eq(
        "usersAccesses.alice",
        room.users_accesses.get("alice").map(Vec::as_slice),
        Some(&[AllWrite][..]),
    )
}

/// Runs all 19 operations, each with realistic optional parameters, and judges each.
async fn run_all() -> Vec<Verdict> {
    let (client, recorder) = recording_client();
    let c = &client;
    let r = &*recorder;
    let mut verdicts = Vec::new();

    verdicts.push(
        check(r, "get-rooms", || async {
            let page = c
                .get_rooms()
                .limit(20)
                .starting_after(Cursor::new("eyJjcmVhdGVkQXQiOjE2NjAwMDA5ODgxMzd9"))
                .organization_id("org_123456789")
                .query(r#"metadata["roomType"]:"whiteboard" AND roomId^"liveblocks:engineering""#)
                .user_id("user-123")
                .group_ids(["group1", "group2"])
                .await?;
            ensure_eq("rooms", page.data.len(), 1)?;
            let room = &page.data[0];
            ensure_eq("id", room.id.as_str(), "my-room-id")?;
            ensure_eq("createdAt", room.created_at, ts("2022-08-08T23:23:15.281Z"))?;
            ensure_eq("metadata.color", &room.metadata["color"], &text("blue"))?;
            ensure_eq(
                "groupsAccesses.product",
                room.groups_accesses["product"].as_slice(),
                &[AllWrite],
            )?;
            ensure_eq(
                "nextCursor",
                page.next_cursor.as_ref().map(Cursor::as_str),
                Some("eyJjcmVhdGVkQXQiOjE2NjAwMDA5ODgxMzd9"),
            )
        })
        .await,
    );

    verdicts.push(
        check(r, "create-room", || async {
            let room = c
                .create_room("my-room-id", [AllWrite])
                .organization_id("org_123456789")
                .user_access("alice", [AllWrite])
                .group_access("product", [AllWrite])
                .metadata("color", "blue")
                .metadata("tags", ["a", "b"])
                .engine(StorageEngine::V2)
                .idempotent(true)
                .await?;
            ensure_example_room(&room)
        })
        .await,
    );

    verdicts.push(
        check(r, "get-room", || async {
            let room = c.get_room("my-room-id").await?;
            ensure_example_room(&room)
        })
        .await,
    );

    verdicts.push(
        check(r, "update-room", || async {
            let room = c
                .update_room("my-room-id")
                .default_accesses([AllWrite])
                .user_access("vinod", [AllWrite])
                .remove_user_access("bob")
                .group_access("marketing", [AllWrite])
                .remove_group_access("sales")
                .metadata("color", "blue")
                .metadata("target", ["abc", "def"])
                .remove_metadata("old")
                .await?;
            ensure_example_room(&room)
        })
        .await,
    );

    verdicts.push(
        check(r, "delete-room", || async {
            c.delete_room("my-room-id").await?;
            ensure_eq("status", last_status(r), Some(204))
        })
        .await,
    );

    verdicts.push(
        check(r, "prewarm-room", || async {
            c.prewarm_room("my-room-id").await?;
            ensure_eq("status", last_status(r), Some(204))
        })
        .await,
    );

    verdicts.push(
        check(r, "upsert-room", || async {
            let update = RoomUpdate::new()
                .user_access("alice", [AllWrite])
                .remove_user_access("bob")
                .group_access("marketing", [AllWrite])
                .metadata("color", "blue")
                .remove_metadata("old");
            let create = NewRoom::new([AllWrite])
                .organization_id("org_123456789")
                .user_access("vinod", [AllWrite])
                .group_access("product", [AllWrite])
                .metadata("size", "10");
            let room = c.upsert_room("my-room-id", update).create(create).await?;
            ensure_example_room(&room)
        })
        .await,
    );

    verdicts.push(
        check(r, "update-room-id", || async {
            let room = c.update_room_id("my-room-id", "new-room-id").await?;
            // Prism answers with the Room example, not the renamed room.
            ensure_example_room(&room)
        })
        .await,
    );

    verdicts.push(
        check(r, "update-room-organization-id", || async {
            let room = c
                .update_room_organization_id("my-room-id", "org_123456789", "org_987654321")
                .await?;
            ensure_example_room(&room)
        })
        .await,
    );

    verdicts.push(
        check(r, "get-active-users", || async {
            let users = c.get_active_users("my-room-id").await?;
            let got: Vec<(Option<&str>, u64)> = users
                .data
                .iter()
                .map(|u| (u.id.as_deref(), u.connection_id))
                .collect();
            ensure_eq("users", got, vec![(Some("alice"), 16), (Some("bob"), 20)])?;
            ensure(users.data.iter().all(|u| u.object_type == "user"), || {
                "type is not user".into()
            })
        })
        .await,
    );

    verdicts.push(
        check(r, "set-presence", || async {
            let info = UserInfo::new()
                .name("AI Assistant")
                .avatar("https://example.org/images/agent123.jpg")
                .color("#ff0000")
                .extra("role", "agent");
            c.set_presence(
                "my-room-id",
                "agent-123",
                json!({"status": "active", "cursor": {"x": 100, "y": 200}}),
            )
            .user_info(info)
            .ttl(60)
            .await?;
            ensure_eq("status", last_status(r), Some(204))
        })
        .await,
    );

    verdicts.push(
        check(r, "broadcast-event", || async {
            c.broadcast_event("my-room-id", json!({"type": "EMOJI", "emoji": "🔥"}))
                .await?;
            ensure_eq("status", last_status(r), Some(204))
        })
        .await,
    );

    verdicts.push(
        check(r, "get-storage-document", || async {
            let lson = c.get_storage_document("my-room-id").await?;
            let StorageDocument::Lson(root) = lson else {
                return Err(Failure::Check(format!("expected LSON, got {lson:?}")));
            };
            let file = match root.data.get("aLiveFile") {
                Some(Lson::Live(LiveNode::LiveFile(file))) => file.clone(),
                other => return Err(Failure::Check(format!("aLiveFile: {other:?}"))),
            };
            ensure_eq(
                "aLiveFile",
                (file.id.as_str(), file.size, file.mime_type.as_str()),
                ("fl_abc123456789012345678", 12345, "image/png"),
            )?;
            ensure(
                matches!(root.data.get("aLiveList"), Some(Lson::Live(LiveNode::LiveList(items))) if items.len() == 2),
                || format!("aLiveList: {:?}", root.data.get("aLiveList")),
            )?;
            // format=json: Prism answers with the same example, read as simplified JSON.
            let json = c
                .get_storage_document("my-room-id")
                .format(StorageFormat::Json)
                .await?;
            let StorageDocument::Json(map) = json else {
                return Err(Failure::Check(format!("expected JSON, got {json:?}")));
            };
            // The spec has one example for both formats, so the LSON example comes back.
            ensure_eq("liveblocksType", map.get("liveblocksType"), Some(&json!("LiveObject")))
        })
        .await,
    );

    verdicts.push(
        check(r, "initialize-storage-document", || async {
            let echoed = c
                .initialize_storage_document("my-room-id", example_storage())
                .await?;
            // Prism answers with the schema's example (no aLiveMap), not an echo.
            ensure_eq(
                "aLiveObject",
                echoed.data.get("aLiveObject"),
                Some(&LiveNode::object([("a", Lson::from(json!(1)))]).into()),
            )?;
            ensure_eq(
                "aLiveFile",
                echoed.data.get("aLiveFile"),
                Some(&LiveNode::LiveFile(example_file()).into()),
            )
        })
        .await,
    );

    verdicts.push(
        check(r, "delete-storage-document", || async {
            c.delete_storage_document("my-room-id").await?;
            ensure_eq("status", last_status(r), Some(200))
        })
        .await,
    );

    verdicts.push(
        check(r, "patch-storage-document", || async {
            let file = serde_json::to_value(LiveNode::LiveFile(example_file())).expect("JSON");
            c.patch_storage_document(
                "my-room-id",
                [
                    JsonPatchOp::add("/score", json!(42)),
                    JsonPatchOp::add("/layers/-", json!("newLayer")),
                    JsonPatchOp::add("/photo", file),
                    JsonPatchOp::replace("/title", json!("Renamed")),
                    JsonPatchOp::test("/score", json!(42)),
                    JsonPatchOp::copy("/score", "/best"),
                    JsonPatchOp::move_to("/best", "/top"),
                    JsonPatchOp::remove("/oldKey"),
                ],
            )
            .await?;
            ensure_eq("status", last_status(r), Some(200))
        })
        .await,
    );

    verdicts.push(
        check(r, "get-yjs-document", || async {
            let plain = c.get_yjs_document("my-room-id").await?;
            ensure_eq("document", plain, json!({"someYText": "Contents of YText"}))?;
            let keyed = c
                .get_yjs_document("my-room-id")
                .formatting(true)
                .key("someYText")
                .yjs_type(YjsType::YText)
                .await?;
            ensure_eq("keyed", keyed, json!({"someYText": "Contents of YText"}))
        })
        .await,
    );

    verdicts.push(
        check(r, "send-yjs-binary-update", || async {
            c.send_yjs_binary_update("my-room-id", yjs_update())
                .guid("subdoc-guid-123")
                .await?;
            c.send_yjs_binary_update("my-room-id", Bytes::from(yjs_update()))
                .await?;
            ensure_eq("status", last_status(r), Some(200))
        })
        .await,
    );

    verdicts.push(
        check(r, "get-yjs-document-as-binary-update", || async {
            let root = c.get_yjs_document_as_binary_update("my-room-id").await?;
            ensure(!root.is_empty(), || "no bytes".into())?;
            let sub = c
                .get_yjs_document_as_binary_update("my-room-id")
                .guid("subdoc-guid-123")
                .await?;
            ensure(!sub.is_empty(), || "no bytes for the subdocument".into())
        })
        .await,
    );

    verdicts
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn all_19_operations_are_valid_and_decode() {
    let verdicts = run_all().await;
    assert_eq!(verdicts.len(), 19, "one verdict per operation");

    let mut failures = Vec::new();
    for v in &verdicts {
        let mark = |ok: bool| if ok { "ok" } else { "FAIL" };
        println!(
            "prism: {:<36} valid {:<4} decoded {:<4}",
            v.operation,
            mark(v.valid),
            mark(v.decoded)
        );
        for problem in &v.problems {
            println!("    {problem}");
            failures.push(format!("{}: {problem}", v.operation));
        }
    }
    let valid = verdicts.iter().filter(|v| v.valid).count();
    let decoded = verdicts.iter().filter(|v| v.decoded).count();
    println!(
        "prism: {valid}/{total} valid, {decoded}/{total} decoded",
        total = verdicts.len()
    );
    assert!(
        failures.is_empty() && valid == 19 && decoded == 19,
        "prism: {valid}/19 valid, {decoded}/19 decoded\n{}",
        failures.join("\n")
    );
}

/// The harness itself: Prism really validates (a request that breaks the spec gets a 422 and
/// `sl-violations`, and the recorder sees it), so a 2xx elsewhere means something.
#[tokio::test]
async fn a_request_that_breaks_the_spec_is_caught() {
    /// create-room without `defaultAccesses`, which the spec requires.
    struct CreateRoomWithoutAccesses;
    impl Endpoint for CreateRoomWithoutAccesses {
        type Output = ();
        const OPERATION: liveblocks_core::Operation = <CreateRoom as Endpoint>::OPERATION;
        fn request(&self, config: &liveblocks_core::Config) -> Result<HttpRequest, Error> {
            liveblocks_core::endpoint::RequestBuilder::new(config, &Self::OPERATION)
                .json(&json!({"id": "my-room-id"}))?
                .build()
        }
        fn parse(&self, _response: HttpResponse) -> Result<(), Error> {
            Ok(())
        }
    }

    let (client, recorder) = recording_client();
    let verdict = check(&recorder, "create-room (broken)", || async {
        client.call(CreateRoomWithoutAccesses).await?;
        Ok(())
    })
    .await;
    assert!(!verdict.valid && !verdict.decoded);
    let joined = verdict.problems.join("\n");
    assert!(joined.contains("422"), "{joined}");
    assert!(joined.contains("sl-violations"), "{joined}");
    assert!(joined.contains("defaultAccesses"), "{joined}");
}

/// Boolean query flags: Prism accepts `name=true` (what the SDK sends) and a bare `name`, and
/// rejects a value that isn't a boolean. Recorded to back the choice of flag encoding.
#[tokio::test]
async fn boolean_flags_bare_and_true_pass_validation() {
    let config = prism_config();
    let transport = HyperTransport::from_config(&config).expect("a hyper transport");
    let base = CreateRoom::new("my-room-id", [AllWrite])
        .request(&config)
        .expect("a request");
    let body = base.body().clone();
    let path = base.uri().path().to_owned();

    let mut outcomes = Vec::new();
    for query in ["idempotent=true", "idempotent", "idempotent=yes"] {
        let mut request = base.clone();
        *request.uri_mut() = format!("{}{path}?{query}", config.base_url())
            .parse()
            .expect("a URI");
        *request.body_mut() = body.clone();
        let response = transport.send(request).await.expect("Prism answers");
        outcomes.push((
            query,
            response.status().as_u16(),
            response.headers().contains_key("sl-violations"),
        ));
    }
    assert_eq!(
        outcomes,
        [
            ("idempotent=true", 200, false),
            ("idempotent", 200, false),
            ("idempotent=yes", 422, true),
        ]
    );

    // The same for get-yjs-document's `formatting`.
    let (client, recorder) = recording_client();
    client
        .get_yjs_document("my-room-id")
        .formatting(true)
        .into_future()
        .await
        .expect("formatting=true is valid");
    let exchanges = recorder.take();
    // `?formatting=true` today; a bare `?formatting` would pass as well.
    assert!(
        exchanges[0].request.contains("?formatting"),
        "{exchanges:?}"
    );
    assert_eq!(exchanges[0].status, 200, "{exchanges:?}");
    assert!(exchanges[0].violations.is_none(), "{exchanges:?}");
}
