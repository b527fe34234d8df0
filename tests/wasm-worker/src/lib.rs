//! Live scenarios for `liveblocks-wasm`, compiled to wasm32 and run inside workerd.
//!
//! `tests/wasm-runtimes/run.mjs` loads this crate's `wasm-bindgen --target web` output into
//! miniflare and calls [`run`] once per name in [`scenarios`]. `scripts/test-wasm.sh` starts
//! two servers for them: the local dev server (real semantics: rooms, Storage, Yjs, storage
//! files, tokens, Feeds) and Prism mocking the official OpenAPI spec with request validation
//! (the `prism_*` scenarios: comments, attachments, notifications, groups, AI, version
//! history and the Management API, which the dev server does not implement). Every scenario
//! records named checks (each a real comparison of what the server sent back through
//! `FetchTransport`) and returns them as JSON; the runner prints them and fails the suite on
//! any failed check.
//!
//! The crate also builds natively (it is a workspace member), where it is only type-checked:
//! its scenarios need the JS `fetch` of a wasm32 host.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::collections::BTreeMap;
use std::fmt::Debug;
use std::time::Duration;

use liveblocks_wasm::liveblocks_core::models::rooms::{MetadataValue, RoomPermission};
use liveblocks_wasm::liveblocks_core::models::storage::{
    LiveNode, Lson, StorageDocument, StorageFormat, StorageRoot,
};
use liveblocks_wasm::liveblocks_core::models::yjs::YjsType;
use liveblocks_wasm::liveblocks_core::TransportErrorKind;
use liveblocks_wasm::{Client, Config, Error};
use serde::{Deserialize, Serialize};
use serde_json::json;
use wasm_bindgen::prelude::*;

mod devserver;
mod faults;
mod options;
mod prism;
mod uploads;
mod webhooks;

/// The scenario names [`run`] accepts, in the order the runner should use.
const SCENARIOS: &[&str] = &[
    "rooms",
    "storage",
    "yjs",
    "not_found",
    "conflict",
    "special_room_id",
    "bad_secret",
    "transport_echo",
    "timeout",
    "retry",
    "call_options",
    "connect_error",
    "storage_files",
    "multipart",
    "uploads",
    "auth",
    "feeds",
    "prism_validation",
    "prism_comments",
    "prism_attachments",
    "prism_notifications",
    "prism_groups",
    "prism_ai",
    "prism_versions",
    "prism_management",
    "webhooks",
    "faults",
];

/// The scenario names, comma-separated, for the runner to iterate over.
#[wasm_bindgen]
pub fn scenarios() -> String {
    SCENARIOS.join(",")
}

/// What the runner passes to every scenario (as JSON, camelCase keys).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Params {
    /// The dev server's base URL.
    base_url: String,
    /// Its secret key (`sk_localdev`).
    secret: String,
    /// A prefix unique to this run, for room IDs.
    prefix: String,
    /// A Yjs V1 update made by the runner with the npm `yjs` package.
    #[serde(default)]
    yjs_update: Vec<u8>,
    /// What the document holds once that update is applied, as the dev server renders it.
    #[serde(default)]
    yjs_expected: serde_json::Value,
    /// The runner's helper server: `/hang/...` never answers, `/echo/...` describes the
    /// request it got, `/binary` sends bytes 0 to 255.
    #[serde(default)]
    helper_url: Option<String>,
    /// A URL where nothing listens.
    #[serde(default)]
    closed_url: Option<String>,
    /// The fault server's base URL (`liveblocks_tests::faults`), for the `faults` scenario.
    #[serde(default)]
    fault_url: Option<String>,
    /// Prism's base URL (serving the spec's paths under `/v2`), for the `prism_*` scenarios.
    #[serde(default)]
    prism_url: Option<String>,
    /// The JS runtime the runner loaded this module into: `workerd`, `node` or `chromium`.
    #[serde(default)]
    runtime: String,
}

/// How much of a passing check's detail is kept.
const MAX_DETAIL: usize = 160;

/// One named assertion.
#[derive(Debug, Serialize)]
struct Check {
    name: String,
    pass: bool,
    detail: String,
}

/// The outcome of one scenario.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
struct Report {
    checks: Vec<Check>,
    /// Bytes for the runner to check with the npm `yjs` package.
    #[serde(skip_serializing_if = "Option::is_none")]
    yjs_binary: Option<Vec<u8>>,
    /// Rooms to delete when the scenario ends, however it ends.
    #[serde(skip)]
    rooms: Vec<String>,
}

/// A scenario stopped early; the reason is already recorded as a failed check.
struct Abort;

type Step<T = ()> = Result<T, Abort>;

impl Report {
    fn check(&mut self, name: &str, pass: bool, detail: impl Into<String>) -> bool {
        let mut detail = detail.into();
        // Keep passing checks readable; a failure keeps its whole story.
        if pass && detail.chars().count() > MAX_DETAIL {
            detail = detail.chars().take(MAX_DETAIL).collect::<String>() + "…";
        }
        self.checks.push(Check {
            name: name.to_owned(),
            pass,
            detail,
        });
        pass
    }

    /// Passes when `actual == expected`.
    fn eq<T: PartialEq + Debug + ?Sized>(&mut self, name: &str, actual: &T, expected: &T) -> bool {
        let pass = actual == expected;
        let detail = if pass {
            format!("{actual:?}")
        } else {
            format!("got {actual:?}, expected {expected:?}")
        };
        self.check(name, pass, detail)
    }

    /// Passes when `actual` is one of the named acceptable values.
    fn one_of<T: PartialEq + Debug>(
        &mut self,
        name: &str,
        actual: &T,
        options: &[(&str, T)],
    ) -> bool {
        match options.iter().find(|(_, value)| value == actual) {
            Some((label, _)) => self.check(name, true, format!("{label}: {actual:?}")),
            None => {
                let expected: Vec<&T> = options.iter().map(|(_, value)| value).collect();
                self.check(
                    name,
                    false,
                    format!("got {actual:?}, expected one of {expected:?}"),
                )
            }
        }
    }

    /// A call that must succeed: records a pass, or a failure that stops the scenario.
    fn ok<T>(&mut self, name: &str, result: Result<T, Error>) -> Step<T> {
        match result {
            Ok(value) => {
                self.check(name, true, "succeeded");
                Ok(value)
            }
            Err(e) => {
                self.check(name, false, format!("unexpected error: {e} ({e:?})"));
                Err(Abort)
            }
        }
    }

    /// A call that must fail with this HTTP status and error code.
    fn api_error<T: Debug>(
        &mut self,
        name: &str,
        result: Result<T, Error>,
        status: u16,
        code: &str,
    ) {
        match result {
            Ok(value) => {
                self.check(
                    name,
                    false,
                    format!("expected {status} {code}, got Ok({value:?})"),
                );
            }
            Err(e) => {
                let got_status = e.status().map(|s| s.as_u16());
                let pass =
                    e.as_api().is_some() && got_status == Some(status) && e.code() == Some(code);
                self.check(
                    name,
                    pass,
                    format!("status {got_status:?}, code {:?}: {e}", e.code()),
                );
            }
        }
    }

    /// A call that must fail in the transport with this kind.
    fn transport_error<T: Debug>(
        &mut self,
        name: &str,
        result: Result<T, Error>,
        kinds: &[TransportErrorKind],
    ) -> bool {
        match result {
            Ok(value) => self.check(
                name,
                false,
                format!("expected {kinds:?}, got Ok({value:?})"),
            ),
            Err(Error::Transport(e)) => {
                let pass = kinds.contains(&e.kind());
                self.check(name, pass, format!("{:?}: {}", e.kind(), e.message()))
            }
            Err(e) => self.check(name, false, format!("expected {kinds:?}, got {e:?}")),
        }
    }
}

impl Params {
    fn config(&self, r: &mut Report) -> Step<Config> {
        let config = Config::new(self.secret.clone())
            .and_then(|c| c.with_base_url(self.base_url.clone()))
            .map(|c| c.with_timeout(Duration::from_secs(20)));
        r.ok("config from the runner's base URL and secret", config)
    }

    fn client(&self, r: &mut Report) -> Step<Client> {
        let config = self.config(r)?;
        r.ok("Client::from_config", Client::from_config(config))
    }

    fn helper_url(&self, r: &mut Report) -> Step<String> {
        match &self.helper_url {
            Some(url) => Ok(url.clone()),
            None => {
                r.check(
                    "the runner sent its helper server's URL",
                    false,
                    "helperUrl missing",
                );
                Err(Abort)
            }
        }
    }

    fn room_id(&self, name: &str) -> String {
        format!("{}-{name}", self.prefix)
    }
}

/// Runs one scenario and returns its report as JSON:
/// `{"checks":[{"name","pass","detail"}...], "yjsBinary"?: [bytes]}`.
///
/// Throws only when the scenario name or the parameters are wrong; a failing server call is
/// a failed check, not an exception.
#[wasm_bindgen]
pub async fn run(scenario: String, params: String) -> Result<String, JsError> {
    let params: Params = serde_json::from_str(&params)
        .map_err(|e| JsError::new(&format!("bad scenario parameters: {e}")))?;
    let mut report = Report::default();
    let r = &mut report;
    let _stopped_early: Step = match scenario.as_str() {
        "rooms" => rooms(&params, r).await,
        "storage" => storage(&params, r).await,
        "yjs" => yjs(&params, r).await,
        "not_found" => not_found(&params, r).await,
        "conflict" => conflict(&params, r).await,
        "special_room_id" => special_room_id(&params, r).await,
        "bad_secret" => bad_secret(&params, r).await,
        "transport_echo" => transport_echo(&params, r).await,
        "timeout" => timeout(&params, r).await,
        "retry" => retry(&params, r).await,
        "call_options" => options::call_options(&params, r).await,
        "connect_error" => connect_error(&params, r).await,
        "storage_files" => devserver::storage_files(&params, r).await,
        "multipart" => devserver::multipart(&params, r).await,
        "uploads" => uploads::uploads(&params, r).await,
        "auth" => devserver::auth(&params, r).await,
        "feeds" => devserver::feeds(&params, r).await,
        "prism_validation" => prism::prism_validation(&params, r).await,
        "prism_comments" => prism::prism_comments(&params, r).await,
        "prism_attachments" => prism::prism_attachments(&params, r).await,
        "prism_notifications" => prism::prism_notifications(&params, r).await,
        "prism_groups" => prism::prism_groups(&params, r).await,
        "prism_ai" => prism::prism_ai(&params, r).await,
        "prism_versions" => prism::prism_versions(&params, r).await,
        "prism_management" => prism::prism_management(&params, r).await,
        "webhooks" => webhooks::webhooks(r),
        "faults" => faults::faults(&params, r).await,
        other => {
            return Err(JsError::new(&format!(
                "unknown scenario {other:?}; known: {}",
                scenarios()
            )))
        }
    };
    cleanup(&params, &mut report).await;
    if report.checks.is_empty() {
        return Err(JsError::new(&format!(
            "scenario {scenario} checked nothing"
        )));
    }
    serde_json::to_string(&report).map_err(|e| JsError::new(&e.to_string()))
}

/// Deletes the rooms a scenario left behind (best effort; a failure here is a failed check).
async fn cleanup(p: &Params, r: &mut Report) {
    let rooms = std::mem::take(&mut r.rooms);
    if rooms.is_empty() {
        return;
    }
    let Ok(client) = Config::new(p.secret.clone())
        .and_then(|c| c.with_base_url(p.base_url.clone()))
        .and_then(Client::from_config)
    else {
        return;
    };
    for id in rooms {
        if let Err(e) = client.delete_room(&id).await {
            r.check(
                &format!("cleanup: delete_room({id:?})"),
                false,
                e.to_string(),
            );
        }
    }
}

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
async fn rooms(p: &Params, r: &mut Report) -> Step {
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
async fn storage(p: &Params, r: &mut Report) -> Step {
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
async fn yjs(p: &Params, r: &mut Report) -> Step {
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
async fn not_found(p: &Params, r: &mut Report) -> Step {
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
async fn conflict(p: &Params, r: &mut Report) -> Step {
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
async fn special_room_id(p: &Params, r: &mut Report) -> Step {
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
async fn bad_secret(p: &Params, r: &mut Report) -> Step {
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

/// A server that never answers: the `AbortController` timer ends the call with `Timeout`.
async fn timeout(p: &Params, r: &mut Report) -> Step {
    let helper = p.helper_url(r)?;
    let limit = Duration::from_millis(300);
    let config = Config::new(p.secret.clone())
        .and_then(|c| c.with_base_url(format!("{helper}/hang")))
        .map(|c| c.with_timeout(limit));
    let client = r.ok(
        "Client with a 300 ms timeout",
        config.and_then(Client::from_config),
    )?;
    let started = js_sys::Date::now();
    let result = client.get_room("never-answered").await;
    let elapsed = js_sys::Date::now() - started;
    let is_timeout =
        r.transport_error("get_room times out", result, &[TransportErrorKind::Timeout]);
    if is_timeout {
        r.check(
            "timed out after the limit, not long after",
            (250.0..10_000.0).contains(&elapsed),
            format!("{elapsed} ms for a {} ms limit", limit.as_millis()),
        );
    }
    // The transport is not poisoned: the next call with the normal client works.
    let client = p.client(r)?;
    let page = client.get_rooms().await;
    r.ok("a call after a timeout succeeds", page)?;
    Ok(())
}

/// A server that answers 503 twice, then the room: with a retry policy the call succeeds
/// after waiting (through `setTimeout`); without one the first 503 is the answer.
async fn retry(p: &Params, r: &mut Report) -> Step {
    use liveblocks_wasm::liveblocks_core::retry::RetryPolicy;
    let helper = p.helper_url(r)?;
    let key = format!("k{}", js_sys::Date::now() as u64);
    let policy = RetryPolicy::new(3).initial_delay(Duration::from_millis(100));
    let config = Config::new(p.secret.clone())
        .and_then(|c| c.with_base_url(format!("{helper}/flaky/{key}")))
        .map(|c| c.with_retry(policy));
    let client = r.ok(
        "Client with 3 retries",
        config.and_then(Client::from_config),
    )?;
    let started = js_sys::Date::now();
    let room = r.ok(
        "get_room succeeds after two 503s",
        client.get_room("flaky").await,
    )?;
    let elapsed = js_sys::Date::now() - started;
    r.check("the room came back", room.id == "flaky", &room.id);
    r.check(
        "it waited 100 ms then 200 ms between attempts",
        (290.0..10_000.0).contains(&elapsed),
        format!("{elapsed} ms"),
    );
    let config = Config::new(p.secret.clone())
        .and_then(|c| c.with_base_url(format!("{helper}/flaky/{key}-plain")));
    let client = r.ok(
        "Client without retries",
        config.and_then(Client::from_config),
    )?;
    let result = client.get_room("flaky").await;
    r.check(
        "without a policy the first 503 is the answer",
        result
            .as_ref()
            .err()
            .and_then(|e| e.status())
            .map(|s| s.as_u16())
            == Some(503),
        format!("{result:?}"),
    );
    Ok(())
}

/// Nothing listens at the URL: the rejected `fetch` becomes a `Connect` transport error.
async fn connect_error(p: &Params, r: &mut Report) -> Step {
    let Some(closed_url) = &p.closed_url else {
        r.check(
            "the runner sent a closed port's URL",
            false,
            "closedUrl missing",
        );
        return Err(Abort);
    };
    let config = Config::new(p.secret.clone()).and_then(|c| c.with_base_url(closed_url.clone()));
    let client = r.ok(
        "Client for a closed port",
        config.and_then(Client::from_config),
    )?;
    let result = client.get_room("nobody-home").await;
    if let Err(e) = &result {
        r.check("is_retryable()", e.is_retryable(), e.to_string());
    }
    r.transport_error(
        "get_room on a closed port",
        result,
        &[TransportErrorKind::Connect],
    );
    Ok(())
}

/// The transport alone against the runner's echo server: the method, URL, headers (a
/// non-ASCII byte included) and body bytes go out as given, and the status, headers and
/// binary body come back as sent.
async fn transport_echo(p: &Params, r: &mut Report) -> Step {
    use liveblocks_wasm::liveblocks_core::bytes::Bytes;
    use liveblocks_wasm::liveblocks_core::http;
    use liveblocks_wasm::liveblocks_core::Transport;
    use liveblocks_wasm::FetchTransport;

    let helper = p.helper_url(r)?;
    let transport = FetchTransport::new();
    let all_bytes: Vec<u8> = (0..=255).collect();
    let path = "/echo/a%20b/%CE%B1?q=x%20y&empty=";
    let request = http::Request::builder()
        .method(http::Method::PUT)
        .uri(format!("{helper}{path}"))
        .header("content-type", "application/octet-stream")
        .header("user-agent", "liveblocks-wasm-test/1")
        .header("x-custom", "one two")
        .header("x-latin1", &b"caf\xe9"[..])
        .body(Bytes::from(all_bytes.clone()));
    let request = match request {
        Ok(request) => request,
        Err(e) => {
            r.check("build the echo request", false, e.to_string());
            return Err(Abort);
        }
    };
    let response = match transport.send(request).await {
        Ok(response) => response,
        Err(e) => {
            r.check("PUT to the echo server", false, e.to_string());
            return Err(Abort);
        }
    };
    r.eq("response status", &response.status().as_u16(), &201);
    let header = |name: &str| response.headers().get(name).map(|v| v.as_bytes().to_vec());
    r.eq(
        "response header",
        &header("x-reply"),
        &Some(b"pong".to_vec()),
    );
    r.eq(
        "repeated response header, combined",
        &header("x-multi"),
        &Some(b"a, b".to_vec()),
    );
    // Non-ASCII header bytes are runtime-dependent: the Fetch standard maps them one byte to
    // one char both ways (what the transport assumes); workerd decodes response header bytes
    // as UTF-8, replacing an invalid byte with U+FFFD.
    r.one_of(
        "response header with a Latin-1 byte",
        &header("x-latin1"),
        &[
            ("Fetch standard", Some(b"caf\xe9".to_vec())),
            ("workerd: U+FFFD", Some("caf\u{fffd}".as_bytes().to_vec())),
        ],
    );
    let echo: serde_json::Value = match serde_json::from_slice(response.body()) {
        Ok(echo) => echo,
        Err(e) => {
            r.check("the echo is JSON", false, e.to_string());
            return Err(Abort);
        }
    };
    r.eq("echoed method", &echo["method"], &json!("PUT"));
    r.eq("echoed path and query", &echo["url"], &json!(path));
    let sent = &echo["headers"];
    r.eq("echoed header", &sent["x-custom"], &json!("one two"));
    // Likewise on the way out: the byte 0xE9 goes out as is per the Fetch standard; workerd
    // sends the char U+00E9 as UTF-8 (C3 A9), which Node reads as Latin-1 "Ã©".
    r.one_of(
        "echoed Latin-1 header byte",
        &sent["x-latin1"],
        &[
            ("Fetch standard", json!("caf\u{e9}")),
            ("workerd: UTF-8", json!("caf\u{c3}\u{a9}")),
        ],
    );
    if p.runtime == "chromium" {
        // Chromium never lets a page's fetch set User-Agent: it sends its own
        // (https://crbug.com/571722), whatever the transport asks for.
        let agent = sent["user-agent"].as_str().unwrap_or_default();
        r.check(
            "echoed user-agent: the browser's own (Chromium ignores a fetch's User-Agent)",
            agent.contains("Chrome/"),
            agent.to_owned(),
        );
    } else {
        r.eq(
            "echoed user-agent",
            &sent["user-agent"],
            &json!("liveblocks-wasm-test/1"),
        );
    }
    r.eq(
        "echoed content-type",
        &sent["content-type"],
        &json!("application/octet-stream"),
    );
    r.eq(
        "echoed body: bytes 0 to 255",
        &echo["body"],
        &json!(all_bytes),
    );

    let request = http::Request::builder()
        .method(http::Method::DELETE)
        .uri(format!("{helper}/echo/empty"))
        .body(Bytes::new());
    let Ok(request) = request else {
        r.check("build the bodiless request", false, "invalid request");
        return Err(Abort);
    };
    match transport.send(request).await {
        Ok(response) => {
            let echo: serde_json::Value =
                serde_json::from_slice(response.body()).unwrap_or_default();
            r.eq("bodiless DELETE: method", &echo["method"], &json!("DELETE"));
            r.eq("bodiless DELETE: no body sent", &echo["body"], &json!([]));
        }
        Err(e) => {
            r.check("bodiless DELETE", false, e.to_string());
        }
    }

    let request = http::Request::builder()
        .uri(format!("{helper}/binary"))
        .body(Bytes::new());
    let Ok(request) = request else {
        r.check("build the binary request", false, "invalid request");
        return Err(Abort);
    };
    match transport.send(request).await {
        Ok(response) => {
            r.eq("binary response: status", &response.status().as_u16(), &203);
            r.eq(
                "binary response: bytes 0 to 255",
                response.body().as_ref(),
                all_bytes.as_slice(),
            );
        }
        Err(e) => {
            r.check("GET binary", false, e.to_string());
        }
    }
    Ok(())
}
