//! Property tests, on stable with proptest and a fixed budget (no persisted failures, so a run
//! is the same everywhere); each prints how many cases it ran.
//!
//! - every response decoder: arbitrary bytes and arbitrary JSON values fed to
//!   `Endpoint::response` of every operation of the registry ([`DOMAINS`]; the list below is
//!   checked against it), as 2xx and as errors: never a panic, and every error prints bounded;
//! - the error-body reader, `ApiError::from_response`: any status, content type and body;
//! - path encoding: `encode_component` round-trips through percent-decoding and stays one
//!   segment; `check_id` accepts exactly what can be addressed.

// Deprecated operations are read like the others.
#![allow(deprecated)]

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicU64, Ordering};

use bytes::Bytes;
use http::{HeaderMap, StatusCode};
use liveblocks_core::endpoint::{check_id, encode_component, MAX_ID_CHARS};
use liveblocks_core::endpoints::DOMAINS;
use liveblocks_core::error::MAX_SHOWN_CHARS;
use liveblocks_core::*;
use proptest::prelude::*;
use proptest::test_runner::{Config as RunnerConfig, TestRunner};

/// Cases per strategy per output type (decoders) and per property (the others).
const DECODER_CASES: u32 = 48;
const CASES: u32 = 2_000;

/// The longest a printed error may be: previews are 1 KiB of characters (4 bytes each at most,
/// escaped in Debug) per field, a handful of fields.
const MAX_PRINTED: usize = 48 * 1024;

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(RunnerConfig {
        cases,
        failure_persistence: None,
        ..RunnerConfig::default()
    })
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ".{0,40}".prop_map(Value::String),
        // Names the models use, so decoders get past the first field sometimes.
        prop::sample::select(vec![
            "room",
            "thread",
            "comment",
            "2024-05-01T10:00:00.000Z",
            "room:write",
            "data",
            "nextCursor",
            "id",
            "sk_live_MARKER",
            "",
            "1",
            "true",
        ])
        .prop_map(|s| Value::String(s.to_owned())),
    ];
    leaf.prop_recursive(4, 48, 8, |inner| {
        let keys = prop::sample::select(vec![
            "type",
            "id",
            "data",
            "nextCursor",
            "createdAt",
            "roomId",
            "metadata",
            "token",
            "secretKey",
            "error",
            "message",
            "userId",
            "threadId",
            "comments",
            "body",
            "x",
        ]);
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(keys.prop_map(str::to_owned), inner, 0..8)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

fn body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..256),
        json_value().prop_map(|v| serde_json::to_vec(&v).unwrap()),
        // A long string: previews must stay bounded.
        (0usize..20_000)
            .prop_map(|n| format!(r#"{{"error":"E","message":"{}"}}"#, "é".repeat(n)).into_bytes()),
    ]
}

/// One operation's response reader: its status check, then its decoder.
struct Decoder {
    id: &'static str,
    read: fn(u16, Bytes) -> Option<Error>,
}

fn read<T: serde::de::DeserializeOwned>(status: u16, body: Bytes) -> Option<Error> {
    let response = http::Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(body)
        .unwrap();
    endpoint::check_status(response)
        .and_then(endpoint::decode_json::<T>)
        .err()
}

/// Reads through the endpoint's own `response` (status check, its `parse`).
fn read_value<E: Endpoint>(endpoint: E, status: u16, body: Bytes) -> Option<Error> {
    let response = http::Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(body)
        .unwrap();
    endpoint.response(response).err()
}

fn id_of<E: Endpoint>(_: &E) -> &'static str {
    E::OPERATION.id
}

macro_rules! decoders {
    (json: [$($json:path),* $(,)?], values: [$($value:expr),* $(,)?] $(,)?) => {
        fn decoders() -> Vec<Decoder> {
            vec![
                $(Decoder {
                    id: <$json as Endpoint>::OPERATION.id,
                    read: read::<<$json as Endpoint>::Output>,
                },)*
                $(Decoder { id: id_of(&$value), read: |status, body| read_value($value, status, body) },)*
            ]
        }
    };
}

decoders! {
    json: [
        attachments::AbortAttachmentMultipartUpload,
        storage_files::AbortStorageFileMultipartUpload,
        management::ActivateProjectPublicApiKey,
        comments::AddCommentReaction,
        groups::AddGroupMembers,
        auth::AuthorizeUser,
        rooms::BroadcastEvent,
        attachments::CompleteAttachmentMultipartUpload,
        storage_files::CompleteStorageFileMultipartUpload,
        ai::CreateAiCopilot,
        attachments::CreateAttachmentMultipartUpload,
        comments::CreateComment,
        feeds::CreateFeed,
        feeds::CreateFeedMessage,
        ai::CreateFileKnowledgeSource,
        groups::CreateGroup,
        management::CreateManagementProject,
        management::CreateManagementWebhook,
        rooms::CreateRoom,
        storage_files::CreateStorageFileMultipartUpload,
        comments::CreateThread,
        versions::CreateVersionHistorySnapshot,
        ai::CreateWebKnowledgeSource,
        management::DeactivateProjectPublicApiKey,
        ai::DeleteAiCopilot,
        notifications::DeleteAllInboxNotifications,
        comments::DeleteComment,
        feeds::DeleteFeed,
        feeds::DeleteFeedMessage,
        ai::DeleteFileKnowledgeSource,
        groups::DeleteGroup,
        notifications::DeleteInboxNotification,
        management::DeleteManagementProject,
        management::DeleteManagementWebhook,
        management::DeleteManagementWebhookAdditionalHeaders,
        notifications::DeleteNotificationSettings,
        rooms::DeleteRoom,
        notifications::DeleteRoomNotificationSettings,
        notifications::DeleteRoomSubscriptionSettings,
        storage::DeleteStorageDocument,
        comments::DeleteThread,
        versions::DeleteVersion,
        ai::DeleteWebKnowledgeSource,
        comments::EditComment,
        comments::EditCommentMetadata,
        comments::EditThreadMetadata,
        rooms::GetActiveUsers,
        ai::GetAiCopilot,
        ai::GetAiCopilots,
        attachments::GetAttachment,
        comments::GetComment,
        feeds::GetFeed,
        feeds::GetFeedMessages,
        feeds::GetFeeds,
        ai::GetFileKnowledgeSourceMarkdown,
        groups::GetGroup,
        groups::GetGroups,
        notifications::GetInboxNotification,
        notifications::GetInboxNotifications,
        ai::GetKnowledgeSource,
        ai::GetKnowledgeSources,
        management::GetManagementProject,
        management::GetManagementProjects,
        management::GetManagementWebhook,
        management::GetManagementWebhookAdditionalHeaders,
        management::GetManagementWebhooks,
        notifications::GetNotificationSettings,
        rooms::GetRoom,
        notifications::GetRoomNotificationSettings,
        notifications::GetRoomSubscriptionSettings,
        rooms::GetRooms,
        storage_files::GetStorageFile,
        comments::GetThread,
        comments::GetThreadInboxNotifications,
        comments::GetThreadParticipants,
        comments::GetThreadSubscriptions,
        comments::GetThreads,
        groups::GetUserGroups,
        notifications::GetUserRoomSubscriptionSettings,
        versions::GetVersionHistory,
        ai::GetWebKnowledgeSourceLinks,
        yjs::GetYjsDocument,
        auth::IdentifyUser,
        storage::InitializeStorageDocument,
        notifications::MarkInboxNotificationAsRead,
        comments::MarkThreadAsResolved,
        comments::MarkThreadAsUnresolved,
        storage::PatchStorageDocument,
        rooms::PrewarmRoom,
        management::RecoverFailedWebhookMessages,
        comments::RemoveCommentReaction,
        groups::RemoveGroupMembers,
        management::RollManagementWebhookSecret,
        management::RollProjectPublicApiKey,
        management::RollProjectSecretApiKey,
        management::SendTestWebhook,
        yjs::SendYjsBinaryUpdate,
        rooms::SetPresence,
        comments::SubscribeToThread,
        notifications::TriggerInboxNotification,
        comments::UnsubscribeFromThread,
        ai::UpdateAiCopilot,
        feeds::UpdateFeed,
        feeds::UpdateFeedMessage,
        management::UpdateManagementProject,
        management::UpdateManagementWebhook,
        notifications::UpdateNotificationSettings,
        rooms::UpdateRoom,
        rooms::UpdateRoomId,
        notifications::UpdateRoomNotificationSettings,
        rooms::UpdateRoomOrganizationId,
        notifications::UpdateRoomSubscriptionSettings,
        attachments::UploadAttachment,
        attachments::UploadAttachmentMultipartPart,
        storage_files::UploadStorageFile,
        storage_files::UploadStorageFileMultipartPart,
        management::UpsertManagementWebhookAdditionalHeaders,
        rooms::UpsertRoom
    ],
    // Their own `parse` (not `decode_json`): read through `Endpoint::response`.
    values: [
        storage::GetStorageDocument::new("r"),
        storage::GetStorageDocument::new("r").format(models::storage::StorageFormat::Json),
        yjs::GetYjsDocumentAsBinaryUpdate::new("r"),
        versions::GetYjsVersion::new("r", "v"),
    ],
}

fn printed(error: &Error) -> String {
    format!("{error}\n{error:?}\n{error:#?}")
}

#[test]
fn every_response_decoder_survives_anything_and_prints_bounded() {
    let decoders = decoders();
    // The list is the registry, no more, no less.
    let listed: BTreeSet<&str> = decoders.iter().map(|d| d.id).collect();
    let registry: BTreeSet<&str> = DOMAINS
        .iter()
        .flat_map(|d| d.operations())
        .map(|op| op.id)
        .collect();
    assert_eq!(
        listed, registry,
        "the decoders listed here must be the registry's operations"
    );
    // (get-storage-document is read in both of its formats.)
    assert_eq!(
        listed.len() + 1,
        decoders.len(),
        "an operation is listed twice"
    );

    let cases = AtomicU64::new(0);
    for decoder in &decoders {
        let mut runner = runner(DECODER_CASES);
        let strategy = (
            prop::sample::select(vec![200u16, 201, 204, 400, 404, 409, 422, 429, 500, 503]),
            body(),
        );
        runner
            .run(&strategy, |(status, bytes)| {
                cases.fetch_add(1, Ordering::Relaxed);
                let secret_inside = bytes.windows(6).any(|w| w == b"MARKER");
                let error = (decoder.read)(status, Bytes::from(bytes));
                if let Some(mut error) = error {
                    if endpoint::is_sensitive(decoder.id) {
                        error = endpoint::redact_sensitive(error);
                    }
                    let text = printed(&error);
                    prop_assert!(
                        text.len() < MAX_PRINTED,
                        "{}: {} bytes printed",
                        decoder.id,
                        text.len()
                    );
                    // The answer of a sensitive operation (its 2xx body) never prints; an error
                    // answer's code and message are the server's explanation and stay shown.
                    if endpoint::is_sensitive(decoder.id)
                        && secret_inside
                        && (200..300).contains(&status)
                    {
                        prop_assert!(!text.contains("MARKER"), "{}: {text}", decoder.id);
                    }
                } else {
                    prop_assert!(
                        (200..300).contains(&status),
                        "{} accepted a {status}",
                        decoder.id
                    );
                }
                Ok(())
            })
            .unwrap_or_else(|e| panic!("{}: {e}", decoder.id));
    }
    println!(
        "decoders: {} cases over {} response readers ({} operations of the registry)",
        cases.load(Ordering::Relaxed),
        decoders.len(),
        listed.len()
    );
}

#[test]
fn the_error_body_reader_reads_anything_boundedly() {
    let mut runner = runner(CASES);
    let content_type =
        prop::sample::select(vec!["", "application/json", "text/plain", "text/html"]);
    let strategy = (400u16..600, content_type, body(), any::<bool>());
    let cases = AtomicU64::new(0);
    runner
        .run(&strategy, |(status, content_type, bytes, retry_after)| {
            cases.fetch_add(1, Ordering::Relaxed);
            let mut headers = HeaderMap::new();
            if !content_type.is_empty() {
                headers.insert("content-type", content_type.parse().unwrap());
            }
            if retry_after {
                headers.insert("retry-after", "3".parse().unwrap());
            }
            let status = StatusCode::from_u16(status).unwrap();
            let error = ApiError::from_response(status, headers, Bytes::from(bytes.clone()));
            prop_assert_eq!(error.status, status);
            prop_assert!(!error.message.is_empty());
            for field in [
                Some(&error.message),
                error.code.as_ref(),
                error.suggestion.as_ref(),
                error.docs.as_ref(),
            ]
            .into_iter()
            .flatten()
            {
                prop_assert!(
                    field.chars().count() <= MAX_SHOWN_CHARS + 1,
                    "{} chars",
                    field.chars().count()
                );
            }
            prop_assert_eq!(&error.raw_body[..], &bytes[..]);
            let text = format!("{error}\n{error:?}\n{error:#?}");
            prop_assert!(text.len() < MAX_PRINTED, "{} bytes printed", text.len());
            prop_assert_eq!(error.retry_after().is_some(), retry_after);
            Ok(())
        })
        .unwrap();
    println!("error bodies: {} cases", cases.load(Ordering::Relaxed));
}

fn percent_decode(encoded: &str) -> Vec<u8> {
    let bytes = encoded.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&encoded[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

#[test]
fn path_encoding_round_trips_as_one_segment() {
    let mut runner = runner(CASES);
    let strategy = prop_oneof![
        any::<String>(),
        "[./%?#&=+ a-z:é\\u{0}-\\u{1f}]{0,12}",
        prop::sample::select(vec!["", ".", "..", "...", "%2e", "a/b", "a\nb"])
            .prop_map(str::to_owned),
        (0usize..300).prop_map(|n| "x".repeat(n)),
    ];
    let config = Config::new("sk_test").unwrap();
    let cases = AtomicU64::new(0);
    let addressable = AtomicU64::new(0);
    runner
        .run(&strategy, |value| {
            cases.fetch_add(1, Ordering::Relaxed);
            let encoded = encode_component(&value);
            prop_assert!(encoded
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)));
            prop_assert_eq!(percent_decode(&encoded), value.as_bytes());
            // What check_id accepts can be created and addressed; what it refuses, neither.
            let get = rooms::GetRoom::new(value.clone()).request(&config);
            let create = rooms::CreateRoom::new(value.clone(), []).request(&config);
            let ok = check_id("roomId", &value).is_ok();
            prop_assert_eq!(get.is_ok(), ok);
            prop_assert_eq!(create.is_ok(), ok);
            prop_assert_eq!(
                ok,
                !value.is_empty()
                    && value != "."
                    && value != ".."
                    && value.chars().count() <= MAX_ID_CHARS
                    && !value.chars().any(char::is_control)
            );
            if let Ok(request) = get {
                addressable.fetch_add(1, Ordering::Relaxed);
                let path = request.uri().path();
                let segments: Vec<&str> = path.split('/').collect();
                prop_assert_eq!(segments.len(), 4, "{}", path);
                prop_assert_eq!(segments[3], encoded.as_str());
                prop_assert_eq!(request.uri().query(), None);
            } else {
                let message = get.unwrap_err().to_string();
                prop_assert!(message.len() < 1024, "{}", message);
            }
            Ok(())
        })
        .unwrap();
    println!(
        "path encoding: {} cases ({} addressable IDs round-tripped as one segment)",
        cases.load(Ordering::Relaxed),
        addressable.load(Ordering::Relaxed)
    );
}
