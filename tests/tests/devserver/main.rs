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
//! The dev server really implements 29 of the 121 operations ([`DEVSERVER_OPERATIONS`]):
//! rooms, active users, Storage, storage files, Yjs, the two token endpoints, and the 9 Feeds
//! operations, which answer canned dummy data. The suite calls every one of them (checked by
//! `every_devserver_operation_is_exercised`), and 7 of the room and Storage operations it only
//! stubs with `501` (`rooms::stub_operations_answer_501`). Where the server differs from the
//! spec, the assertions follow the server and say so.
//!
//! Modules: [`rooms`] (rooms, active users, auth errors, stubs), [`storage`] (Storage and
//! Yjs), [`files`] (storage files), [`tokens`] (authorize/identify user), [`feeds`].

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::future::IntoFuture;
use std::io::Write;

use liveblocks_core as lb;
use liveblocks_core::endpoint::{Endpoint, RequestBuilder};
use liveblocks_core::models::rooms::RoomPermission::RoomWrite;
use liveblocks_core::transport::{HttpRequest, HttpResponse};
use liveblocks_core::{
    ApiError, BlockingTransport, Call, Client, Config, DecodeError, Error, Transport,
    TransportError,
};
use liveblocks_tests::{devserver_config, unique_room_id, ClientTransport};
use serde_json::json;

mod feeds;
mod files;
mod rooms;
mod storage;
mod tokens;

type Result<T = (), E = Error> = std::result::Result<T, E>;

// ---------------------------------------------------------------------------------------------
// Drivers: one per adapter.
// ---------------------------------------------------------------------------------------------

thread_local! {
    /// The operations whose requests this test thread built and handed to a transport.
    static SENT: RefCell<BTreeSet<&'static str>> = const { RefCell::new(BTreeSet::new()) };
}

/// Notes that a request for `operation` is about to be sent from this thread.
fn record_sent(operation: &'static str) {
    SENT.with(|sent| sent.borrow_mut().insert(operation));
}

/// The operations this test thread has sent so far.
fn sent_so_far() -> BTreeSet<&'static str> {
    SENT.with(|sent| sent.borrow().clone())
}

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

    /// Runs one call to completion the adapter's way (awaits it, or sends it).
    fn complete<E>(&self, call: Call<Self::T, E>) -> Result<E::Output>
    where
        E: Endpoint + Send + 'static,
        E::Output: Send;

    /// Sends a raw request through the adapter's transport, to look at the response itself.
    fn exchange(&self, request: HttpRequest) -> Result<HttpResponse, TransportError>;

    /// Runs one call, noting its operation as sent when its request builds (a call refused
    /// before any request counts as nothing sent).
    fn run<E>(&self, call: Call<Self::T, E>) -> Result<E::Output>
    where
        E: Endpoint + Send + 'static,
        E::Output: Send,
    {
        if call.endpoint().request(self.client().config()).is_ok() {
            record_sent(E::OPERATION.id);
        }
        self.complete(call)
    }

    /// Builds `endpoint`'s request and sends it through the transport, returning the raw
    /// response (decode it with `endpoint.response`).
    fn exchange_endpoint<E: Endpoint>(&self, endpoint: &E) -> Result<HttpResponse> {
        let request = endpoint.request(self.client().config())?;
        record_sent(E::OPERATION.id);
        Ok(self.exchange(request)?)
    }
}

type HyperTransport = <liveblocks_hyper::Client as ClientTransport>::Transport;
type UreqTransport = <liveblocks_ureq::Client as ClientTransport>::Transport;

/// `liveblocks-hyper`, each call awaited on a multi-thread tokio runtime.
struct Hyper {
    runtime: tokio::runtime::Runtime,
    client: liveblocks_hyper::Client,
}

fn tokio_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime")
}

impl Driver for Hyper {
    type T = HyperTransport;
    const NAME: &'static str = "hyper";

    fn from_config(config: Config) -> Self {
        let runtime = tokio_runtime();
        let client = {
            let _guard = runtime.enter();
            liveblocks_hyper::Client::from_config(config).expect("a hyper client")
        };
        Hyper { runtime, client }
    }

    fn from_env() -> Result<Self> {
        let runtime = tokio_runtime();
        let client = {
            let _guard = runtime.enter();
            liveblocks_hyper::Client::from_env()?
        };
        Ok(Hyper { runtime, client })
    }

    fn client(&self) -> &Client<Self::T> {
        &self.client
    }

    fn complete<E>(&self, call: Call<Self::T, E>) -> Result<E::Output>
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

    fn complete<E>(&self, call: Call<Self::T, E>) -> Result<E::Output>
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

/// A driver whose base URL nothing listens on (the discard port): any request that got sent
/// would fail with a transport error, so an `InvalidInput` proves nothing was sent.
fn unreachable_driver<D: Driver>() -> D {
    let config = devserver_config()
        .with_base_url("http://127.0.0.1:9")
        .expect("a valid base URL");
    D::from_config(config)
}

// ---------------------------------------------------------------------------------------------
// The scenarios, and the operations each one must send.
// ---------------------------------------------------------------------------------------------

/// Declares every scenario with the endpoints it must send a request for, and runs each one
/// through both adapters (`hyper::<name>`, `ureq::<name>`). After a scenario, the operations
/// it declared are checked against those its thread really sent, so the declarations are the
/// suite's real list of exercised operations.
macro_rules! scenarios {
    ($($module:ident :: $scenario:ident => [$($op:ty),* $(,)?]),* $(,)?) => {
        /// Every scenario's name with the operation IDs it sends.
        fn scenarios() -> Vec<(&'static str, Vec<&'static str>)> {
            vec![$((stringify!($scenario), vec![$(<$op as Endpoint>::OPERATION.id),*])),*]
        }

        mod hyper {
            $(
                #[test]
                fn $scenario() -> super::Result {
                    super::run_scenario::<super::Hyper>(
                        stringify!($scenario),
                        super::$module::$scenario,
                    )
                }
            )*
        }

        mod ureq {
            $(
                #[test]
                fn $scenario() -> super::Result {
                    super::run_scenario::<super::Ureq>(
                        stringify!($scenario),
                        super::$module::$scenario,
                    )
                }
            )*
        }
    };
}

scenarios! {
    rooms::clients_from_env => [lb::rooms::CreateRoom, lb::rooms::GetRoom],
    rooms::room_lifecycle => [
        lb::rooms::CreateRoom, lb::rooms::GetRoom, lb::rooms::UpdateRoom, lb::rooms::DeleteRoom,
    ],
    rooms::get_rooms_lists_everything_oldest_first => [lb::rooms::GetRooms],
    rooms::get_rooms_rejects_bad_query_syntax => [lb::rooms::GetRooms],
    rooms::create_room_conflict_and_idempotent => [lb::rooms::CreateRoom],
    rooms::update_room_rejects_null_metadata_and_default_accesses => [lb::rooms::UpdateRoom],
    rooms::active_users_empty_without_connections => [lb::rooms::GetActiveUsers],
    rooms::active_users_with_websocket_sessions => [
        lb::auth::AuthorizeUser, lb::rooms::GetActiveUsers,
    ],
    rooms::special_room_id_round_trips => [
        lb::rooms::CreateRoom, lb::rooms::GetRoom, lb::rooms::UpdateRoom, lb::rooms::GetRooms,
        lb::rooms::GetActiveUsers, lb::rooms::DeleteRoom,
        lb::storage::InitializeStorageDocument, lb::storage::GetStorageDocument,
        lb::storage::DeleteStorageDocument,
        lb::yjs::SendYjsBinaryUpdate, lb::yjs::GetYjsDocument, lb::yjs::GetYjsDocumentAsBinaryUpdate,
    ],
    rooms::missing_room_is_404 => [
        lb::rooms::GetRoom, lb::rooms::UpdateRoom, lb::storage::GetStorageDocument,
        lb::storage::InitializeStorageDocument, lb::yjs::GetYjsDocument,
        lb::yjs::GetYjsDocumentAsBinaryUpdate, lb::yjs::SendYjsBinaryUpdate,
    ],
    rooms::wrong_secret_key_is_403 => [lb::rooms::GetRooms],
    rooms::missing_authorization_is_401 => [lb::rooms::GetRooms],
    rooms::malformed_secret_key_fails_before_any_request => [],
    rooms::stub_operations_answer_501 => [
        lb::rooms::PrewarmRoom, lb::rooms::UpsertRoom, lb::rooms::UpdateRoomId,
        lb::rooms::UpdateRoomOrganizationId, lb::rooms::SetPresence, lb::rooms::BroadcastEvent,
        lb::storage::PatchStorageDocument,
    ],
    storage::storage_document_lifecycle => [
        lb::storage::GetStorageDocument, lb::storage::InitializeStorageDocument,
        lb::storage::DeleteStorageDocument,
    ],
    storage::storage_delete_answers_204 => [lb::storage::DeleteStorageDocument],
    storage::yjs_binary_round_trip => [
        lb::yjs::SendYjsBinaryUpdate, lb::yjs::GetYjsDocument, lb::yjs::GetYjsDocumentAsBinaryUpdate,
    ],
    storage::yjs_rejects_garbage_update => [lb::yjs::SendYjsBinaryUpdate],
    files::upload_get_and_download => [
        lb::storage_files::UploadStorageFile, lb::storage_files::GetStorageFile,
    ],
    files::reupload_is_idempotent_and_another_name_conflicts => [
        lb::storage_files::UploadStorageFile, lb::storage_files::CreateStorageFileMultipartUpload,
    ],
    files::multipart_upload_of_6_mib => [
        lb::storage_files::CreateStorageFileMultipartUpload,
        lb::storage_files::UploadStorageFileMultipartPart,
        lb::storage_files::CompleteStorageFileMultipartUpload,
        lb::storage_files::GetStorageFile,
    ],
    files::multipart_abort_answers_200 => [
        lb::storage_files::CreateStorageFileMultipartUpload,
        lb::storage_files::UploadStorageFileMultipartPart,
        lb::storage_files::AbortStorageFileMultipartUpload,
        lb::storage_files::CompleteStorageFileMultipartUpload,
        lb::storage_files::GetStorageFile,
    ],
    files::bad_file_input_fails_before_any_request => [],
    files::unknown_file_is_404 => [lb::storage_files::GetStorageFile],
    files::non_latin1_name_breaks_the_download => [
        lb::storage_files::UploadStorageFile, lb::storage_files::GetStorageFile,
    ],
    files::live_file_in_storage => [
        lb::storage_files::UploadStorageFile, lb::storage::InitializeStorageDocument,
        lb::storage::GetStorageDocument,
    ],
    tokens::authorize_user_token => [lb::auth::AuthorizeUser],
    tokens::identify_user_token => [lb::auth::IdentifyUser],
    tokens::authorize_user_rejects_unknown_permission => [lb::auth::AuthorizeUser],
    tokens::bad_permissions_fail_before_any_request => [],
    feeds::feed_lists_and_items_are_decode_errors => [
        lb::feeds::GetFeeds, lb::feeds::GetFeed, lb::feeds::CreateFeed,
        lb::feeds::GetFeedMessages, lb::feeds::CreateFeedMessage,
    ],
    feeds::feed_updates_decode_canned_content => [
        lb::feeds::UpdateFeed, lb::feeds::UpdateFeedMessage,
    ],
    feeds::feed_deletes_answer_200_ok => [lb::feeds::DeleteFeed, lb::feeds::DeleteFeedMessage],
    feeds::feed_answers_are_marked_dummy => [
        lb::feeds::GetFeeds, lb::feeds::CreateFeed, lb::feeds::GetFeed, lb::feeds::UpdateFeed,
        lb::feeds::DeleteFeed, lb::feeds::GetFeedMessages, lb::feeds::CreateFeedMessage,
        lb::feeds::UpdateFeedMessage, lb::feeds::DeleteFeedMessage,
    ],
    feeds::feeds_of_a_missing_room_are_404 => [
        lb::feeds::GetFeeds, lb::feeds::CreateFeed, lb::feeds::GetFeed, lb::feeds::UpdateFeed,
        lb::feeds::DeleteFeed, lb::feeds::GetFeedMessages, lb::feeds::CreateFeedMessage,
        lb::feeds::UpdateFeedMessage, lb::feeds::DeleteFeedMessage,
    ],
}

/// Runs one scenario through driver `D`, then checks it sent every operation it declares.
fn run_scenario<D: Driver>(name: &str, scenario: fn(&D) -> Result) -> Result {
    SENT.with(|sent| sent.borrow_mut().clear());
    scenario(&driver::<D>())?;
    let sent = sent_so_far();
    let (_, declared) = scenarios()
        .into_iter()
        .find(|(scenario, _)| *scenario == name)
        .unwrap_or_else(|| panic!("scenario {name} is not declared"));
    let missing: Vec<_> = declared.iter().filter(|id| !sent.contains(*id)).collect();
    assert!(
        missing.is_empty(),
        "{name} through {}: declares {missing:?} but never sent them (sent: {sent:?})",
        D::NAME
    );
    Ok(())
}

/// The 29 operations the dev server really implements (devserver-map §1): 15 that match the
/// spec and 14 that deviate (among them the 9 Feeds operations, answering canned data).
const DEVSERVER_OPERATIONS: &[&str] = &[
    // rooms and active users
    "get-rooms",
    "create-room",
    "get-room",
    "update-room",
    "delete-room",
    "get-active-users",
    // Storage
    "get-storage-document",
    "initialize-storage-document",
    "delete-storage-document",
    // storage files
    "get-storage-file",
    "upload-storage-file",
    "create-storage-file-multipart-upload",
    "upload-storage-file-multipart-part",
    "complete-storage-file-multipart-upload",
    "abort-storage-file-multipart-upload",
    // Yjs
    "get-yjs-document",
    "send-yjs-binary-update",
    "get-yjs-document-as-binary-update",
    // tokens
    "authorize-user",
    "identify-user",
    // feeds (dummy answers)
    "get-feeds",
    "create-feed",
    "get-feed",
    "update-feed",
    "delete-feed",
    "get-feed-messages",
    "create-feed-message",
    "update-feed-message",
    "delete-feed-message",
];

/// The room and Storage operations whose routes exist but answer `501 Not implemented`.
const DEVSERVER_STUBS: &[&str] = &[
    "prewarm-room",
    "upsert-room",
    "update-room-id",
    "update-room-organization-id",
    "set-presence",
    "broadcast-event",
    "patch-storage-document",
];

/// Counts the implemented operations the scenarios exercise (their declarations, which each
/// scenario run checks against what it really sent) and prints
/// `devserver: N/29 operations exercised`, failing if any is left out.
#[test]
fn every_devserver_operation_is_exercised() {
    let known: BTreeSet<&str> = lb::endpoints::all_operations().map(|op| op.id).collect();
    let implemented: BTreeSet<&str> = DEVSERVER_OPERATIONS.iter().copied().collect();
    let stubs: BTreeSet<&str> = DEVSERVER_STUBS.iter().copied().collect();
    assert_eq!(implemented.len(), DEVSERVER_OPERATIONS.len(), "duplicates");
    for id in implemented.iter().chain(&stubs) {
        assert!(known.contains(id), "{id} is no liveblocks-core operation");
    }

    let exercised: BTreeSet<&str> = scenarios().into_iter().flat_map(|(_, ops)| ops).collect();
    let unclassified: Vec<_> = exercised
        .iter()
        .filter(|id| !implemented.contains(*id) && !stubs.contains(*id))
        .collect();
    assert!(
        unclassified.is_empty(),
        "the suite calls operations it doesn't classify: {unclassified:?}"
    );
    let covered = exercised.intersection(&implemented).count();
    let stubbed = exercised.intersection(&stubs).count();
    let line = format!(
        "devserver: {covered}/{} operations exercised (and {stubbed}/{} stubs answering 501)",
        implemented.len(),
        stubs.len()
    );
    println!("{line}");
    // Also straight to the terminal, past the test harness's output capture.
    let _ = writeln!(std::io::stderr(), "{line}");

    let missing: Vec<_> = implemented.difference(&exercised).collect();
    assert!(missing.is_empty(), "never exercised: {missing:?}");
    assert_eq!(covered, 29, "{line}");
    assert_eq!(stubbed, stubs.len(), "{line}");
}

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

/// The decode error of a call whose 2xx body had to fail to decode.
fn decode_error<T: std::fmt::Debug>(what: &str, result: Result<T>) -> Box<DecodeError> {
    match result {
        Err(Error::Decode(e)) => e,
        other => panic!("{what}: expected a decode error, got {other:?}"),
    }
}

/// Asserts a call was refused with `InvalidInput` (by a client that can't reach any server,
/// so nothing was sent).
fn expect_invalid_input<T: std::fmt::Debug>(what: &str, result: Result<T>) -> String {
    match result {
        Err(Error::InvalidInput(message)) => message,
        other => panic!("{what}: expected InvalidInput before any request, got {other:?}"),
    }
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

/// A JSON body as a value, or a panic showing the bytes.
fn json_body(what: &str, body: &[u8]) -> serde_json::Value {
    serde_json::from_slice(body)
        .unwrap_or_else(|e| panic!("{what}: not JSON ({e}): {}", String::from_utf8_lossy(body)))
}

// ---------------------------------------------------------------------------------------------
// Tests that aren't scenarios
// ---------------------------------------------------------------------------------------------

/// The hand-written base64url decoder used for tokens, on RFC 4648's test vectors.
#[test]
fn base64url_decoder() {
    use liveblocks_tests::base64url_decode;
    for (encoded, decoded) in [
        ("", ""),
        ("Zg", "f"),
        ("Zm8", "fo"),
        ("Zm9v", "foo"),
        ("Zm9vYg", "foob"),
        ("Zm9vYmE", "fooba"),
        ("Zm9vYmFy", "foobar"),
        ("Zm9vYmE=", "fooba"),
    ] {
        assert_eq!(
            base64url_decode(encoded).as_deref(),
            Some(decoded.as_bytes()),
            "{encoded}"
        );
    }
    assert_eq!(base64url_decode("-_8").unwrap(), [0xfb, 0xff]);
    assert_eq!(base64url_decode("Z"), None);
    assert_eq!(base64url_decode("Zm+v"), None);
}

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
                .send_yjs_binary_update(&id, storage::sample_yjs_update())
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
        assert_eq!(room.metadata["n"], rooms::text(&n.to_string()));
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
                .path_param("roomId", &self.0)
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
