//! One exercise per operation of the spec: the calls, with realistic optional parameters so
//! their encodings get validated too, and (in static mode) checks of every decoded value
//! against the example Prism serves.
//!
//! Prism serves a schema's own `example` when it has one, else the response's first named
//! example, else a placeholder built from the schema (`"string"`, `0`, `true`...). The values
//! checked below are those.

#![allow(deprecated)] // The deprecated operations are part of the spec too.

use bytes::Bytes;
use liveblocks_core::models::ai::{
    AiCopilot, AiCopilotProvider, AiCopilotProviderSettings, AiProvider, KnowledgeSource,
    KnowledgeSourceKind, KnowledgeSourceStatus, OpenAiModel, OpenAiOptions, ProviderOptions,
    ReasoningEffort, WebKnowledgeSourceType, WebSearchOptions,
};
use liveblocks_core::models::attachments::{AttachmentMultipartPart, CommentAttachment};
use liveblocks_core::models::comments::{
    Comment, CommentBlock, CommentBody, CommentInline, CommentText, MetadataValue as Meta,
    SubscriptionKind, Thread, ThreadVisibility,
};
use liveblocks_core::models::feeds::{EpochMillis, Feed, FeedMessage};
use liveblocks_core::models::groups::{Group, GroupScopes};
use liveblocks_core::models::management::{
    KeyExpiration, ManagementProject, ManagementProjectRegion, ManagementProjectType,
    ManagementWebhook, ManagementWebhookEvent, NewKeyExpiration, VersionCreationTimeout,
};
use liveblocks_core::models::notifications::{
    InboxNotification, NotificationChannelSettings, NotificationSettings, RoomSubscriptionSettings,
    TextMentionsSubscription, ThreadsSubscription,
};
use liveblocks_core::models::rooms::{
    MetadataValue, NewRoom, Room, RoomPermission, RoomUpdate, StorageEngine, UserInfo,
};
use liveblocks_core::models::storage::{
    JsonPatchOp, LiveFileData, LiveNode, Lson, StorageDocument, StorageFormat, StorageRoot,
};
use liveblocks_core::models::storage_files::{StorageFileId, StorageFileMultipartPart};
use liveblocks_core::models::yjs::YjsType;
use liveblocks_core::models::{Cursor, Page, Timestamp};
use liveblocks_core::Error;
use serde_json::json;
use yrs::{Map, ReadTxn, StateVector, Transact};

use crate::harness::{ensure, ensure_eq, Failure, Mode, Session};

use RoomPermission::AllWrite;

const ROOM: &str = "my-room-id";
const ORG: &str = "org_123456789";
const USER: &str = "alice";
const FILE: &str = "fl_abc123456789012345678";
const ATTACHMENT: &str = "at_abc123456789012345678";
const UPLOAD: &str = "upload-abc123";
const THREAD: &str = "th_abc123";
const COMMENT: &str = "cm_abc123";
const VERSION: &str = "vh_abc123";
const FEED: &str = "my-feed-id";
const MESSAGE: &str = "msg_xyz789";
const NOTIFICATION: &str = "in_abc123";
const GROUP: &str = "engineering";
const COPILOT: &str = "cp_abc123";
const KNOWLEDGE: &str = "ks_abc123";
const PROJECT: &str = "683d49ed6b4d1cec5a597b13";
const WEBHOOK: &str = "wh_abc123";
const CURSOR: &str = "eyJjcmVhdGVkQXQiOjE2NjAwMDA5ODgxMzd9";
const WHEN: &str = "2022-07-13T14:32:50.697Z";
/// The token both auth examples carry.
const TOKEN: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIi...";
/// What Prism serves for a `format: binary` answer without an example.
const BINARY_PLACEHOLDER: &[u8] = b"string";

fn ts(s: &str) -> Timestamp {
    s.parse().expect("an RFC 3339 timestamp")
}

fn cursor() -> Cursor {
    Cursor::new(CURSOR)
}

fn expect_status(s: &Session, status: u16) -> Result<(), Failure> {
    ensure_eq("status", s.last_status(), Some(status))
}

/// A real Yjs V1 update (a map with one key).
fn yjs_update() -> Vec<u8> {
    let doc = yrs::Doc::new();
    let map = doc.get_or_insert_map("mymap");
    let mut txn = doc.transact_mut();
    map.insert(&mut txn, "greeting", "hello");
    txn.encode_state_as_update_v1(&StateVector::default())
}

/// Some bytes of a PNG file (its signature and the start of a header chunk).
fn png_bytes() -> Bytes {
    Bytes::from_static(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")
}

/// A comment body with every kind of inline element.
fn rich_body() -> CommentBody {
    CommentBody::new([CommentBlock::paragraph([
        CommentInline::text("Hello "),
        CommentInline::mention_user("bob"),
        CommentText::new(", see ").bold().into(),
        CommentInline::link("https://liveblocks.io/docs", Some("the docs".to_owned())),
        CommentInline::mention_group(GROUP, Some(vec!["carol".to_owned()])),
    ])])
}

/// The spec's example LiveFile.
fn example_file() -> LiveFileData {
    LiveFileData::new(FILE, "photo.png", 12345, "image/png")
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

fn text(s: &str) -> MetadataValue {
    MetadataValue::String(s.to_owned())
}

/// Checks every field of the spec's `Room` example.
fn ensure_example_room(room: &Room) -> Result<(), Failure> {
    ensure_eq("id", room.id.as_str(), ROOM)?;
    ensure_eq("type", room.object_type.as_str(), "room")?;
    ensure_eq("organizationId", room.organization_id.as_str(), ORG)?;
    ensure_eq("createdAt", room.created_at, ts("2022-07-13T14:32:50.697Z"))?;
    ensure_eq(
        "lastConnectionAt",
        room.last_connection_at,
        Some(ts("2022-08-04T21:07:09.380Z")),
    )?;
    ensure_eq(
        "metadata.color",
        room.metadata.get("color"),
        Some(&text("blue")),
    )?;
    ensure_eq(
        "metadata.type",
        room.metadata.get("type"),
        Some(&text("whiteboard")),
    )?;
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
        room.users_accesses.get(USER).map(Vec::as_slice),
        Some(&[AllWrite][..]),
    )
}

/// The comment of the `Thread` and `GetThreadsResponse` examples.
fn ensure_example_comment_of_thread(comment: &Comment) -> Result<(), Failure> {
    ensure_eq("comment.type", comment.object_type.as_str(), "comment")?;
    ensure_eq("comment.id", comment.id.as_str(), COMMENT)?;
    ensure_eq("comment.threadId", comment.thread_id.as_str(), THREAD)?;
    ensure_eq("comment.roomId", comment.room_id.as_str(), ROOM)?;
    ensure_eq("comment.userId", comment.user_id.as_str(), USER)?;
    ensure_eq("comment.createdAt", comment.created_at, ts(WHEN))?;
    ensure_eq("comment.editedAt", comment.edited_at, None)?;
    ensure_eq(
        "comment.body",
        comment.body.as_ref(),
        Some(&CommentBody::new([])),
    )?;
    ensure(
        comment.metadata.is_empty() && comment.reactions.is_empty(),
        || format!("comment metadata/reactions: {comment:?}"),
    )?;
    ensure(comment.attachments.is_empty(), || {
        format!("comment attachments: {:?}", comment.attachments)
    })
}

/// The `Thread` example; `metadata_color` is its `metadata.color` (absent in the list's).
fn ensure_example_thread(thread: &Thread, metadata_color: Option<&str>) -> Result<(), Failure> {
    ensure_eq("type", thread.object_type.as_str(), "thread")?;
    ensure_eq("id", thread.id.as_str(), THREAD)?;
    ensure_eq("roomId", thread.room_id.as_str(), ROOM)?;
    ensure_eq("createdAt", thread.created_at, ts(WHEN))?;
    ensure_eq("updatedAt", thread.updated_at, ts(WHEN))?;
    ensure_eq(
        "metadata.color",
        thread.metadata.get("color").and_then(Meta::as_str),
        metadata_color,
    )?;
    ensure_eq(
        "metadata keys",
        thread.metadata.len(),
        metadata_color.iter().count(),
    )?;
    ensure_eq("resolved", thread.resolved, false)?;
    ensure_eq("visibility", &thread.visibility, &ThreadVisibility::Public)?;
    ensure_eq("comments", thread.comments.len(), 1)?;
    ensure_example_comment_of_thread(&thread.comments[0])
}

/// The `Comment` schema's example, which the comment operations all serve. Its `body: {}`
/// breaks `CommentBody` (which requires `version` and `content`); the SDK reads an empty
/// object as "no body" (its lenient decode) instead of failing.
fn ensure_example_comment(comment: &Comment) -> Result<(), Failure> {
    let when = ts("2019-08-24T14:15:22Z");
    ensure_eq("type", comment.object_type.as_str(), "comment")?;
    ensure_eq("id", comment.id.as_str(), "comment-id")?;
    ensure_eq("threadId", comment.thread_id.as_str(), "thread-id")?;
    ensure_eq("roomId", comment.room_id.as_str(), "room-id")?;
    ensure_eq("userId", comment.user_id.as_str(), "string")?;
    ensure_eq(
        "dates",
        (comment.created_at, comment.edited_at, comment.deleted_at),
        (when, Some(when), Some(when)),
    )?;
    ensure_eq("body ({} read leniently)", &comment.body, &None)?;
    ensure(
        comment.metadata.is_empty()
            && comment.reactions.is_empty()
            && comment.attachments.is_empty(),
        || format!("metadata/reactions/attachments: {comment:?}"),
    )
}

/// The `CommentAttachment` example.
fn ensure_example_attachment(attachment: &CommentAttachment) -> Result<(), Failure> {
    ensure_eq(
        "attachment",
        (
            attachment.object_type.as_str(),
            attachment.id.as_str(),
            attachment.mime_type.as_str(),
            attachment.name.as_str(),
            attachment.size,
        ),
        (
            "attachment",
            "at_abc123",
            "image/png",
            "screenshot.png",
            12345,
        ),
    )
}

/// The `Feed` example; `name` and `updated_at` differ between examples.
fn ensure_example_feed(feed: &Feed, name: &str, updated_at: i64) -> Result<(), Failure> {
    ensure_eq("feedId", feed.feed_id.as_str(), FEED)?;
    ensure_eq(
        "metadata",
        serde_json::Value::Object(feed.metadata.clone()),
        json!({"type": "chat", "name": name}),
    )?;
    ensure_eq(
        "createdAt",
        feed.created_at,
        EpochMillis::new(1660000988137),
    )?;
    ensure_eq("updatedAt", feed.updated_at, EpochMillis::new(updated_at))?;
    ensure_eq(
        "createdAt as a timestamp",
        feed.created_at.to_timestamp(),
        Some(ts("2022-08-08T23:23:08.137Z")),
    )
}

/// The `FeedMessage` example; `content` and `updated_at` differ between examples.
fn ensure_example_message(
    message: &FeedMessage,
    content: &str,
    updated_at: i64,
) -> Result<(), Failure> {
    ensure_eq("id", message.id.as_str(), MESSAGE)?;
    ensure_eq(
        "data",
        serde_json::Value::Object(message.data.clone()),
        json!({"type": "text", "content": content}),
    )?;
    ensure_eq(
        "createdAt",
        message.created_at,
        EpochMillis::new(1660000988137),
    )?;
    ensure_eq(
        "updatedAt",
        message.updated_at,
        EpochMillis::new(updated_at),
    )
}

/// The thread notification of the inbox examples.
fn ensure_example_notification(
    notification: &InboxNotification,
    organization_id: Option<&str>,
) -> Result<(), Failure> {
    let InboxNotification::Thread(n) = notification else {
        return Err(Failure::Check(format!(
            "expected a thread notification, got {notification:?}"
        )));
    };
    ensure_eq("id", n.id.as_str(), NOTIFICATION)?;
    ensure_eq("kind", n.kind.as_str(), "thread")?;
    ensure_eq("roomId", n.room_id.as_str(), ROOM)?;
    ensure_eq("threadId", n.thread_id.as_str(), THREAD)?;
    ensure_eq(
        "organizationId",
        n.organization_id.as_deref(),
        organization_id,
    )?;
    ensure_eq("notifiedAt", n.notified_at, ts("2024-01-15T10:30:00.000Z"))?;
    ensure_eq("readAt", n.read_at, None)
}

/// The `NotificationSettings` example, channel by channel.
fn ensure_example_settings(settings: &NotificationSettings) -> Result<(), Failure> {
    let channel = |c: &Option<NotificationChannelSettings>| {
        c.as_ref().map(|c| {
            (
                c.get("thread"),
                c.get("textMention"),
                c.get("$customNotification"),
            )
        })
    };
    let on = Some(true);
    let off = Some(false);
    ensure_eq("email", channel(&settings.email), Some((on, off, on)))?;
    ensure_eq("slack", channel(&settings.slack), Some((on, on, off)))?;
    ensure_eq("teams", channel(&settings.teams), Some((off, on, on)))?;
    ensure_eq("webPush", channel(&settings.web_push), Some((on, on, off)))
}

/// The `RoomSubscriptionSettings` example.
fn ensure_example_room_settings(settings: &RoomSubscriptionSettings) -> Result<(), Failure> {
    ensure_eq(
        "settings",
        (&settings.threads, &settings.text_mentions),
        (&ThreadsSubscription::All, &TextMentionsSubscription::Mine),
    )
}

/// The `Group` example; `members` lists the IDs it has (the list examples have one).
fn ensure_example_group(group: &Group, members: &[&str]) -> Result<(), Failure> {
    ensure_eq("type", group.object_type.as_str(), "group")?;
    ensure_eq("id", group.id.as_str(), GROUP)?;
    ensure_eq("organizationId", group.organization_id.as_str(), ORG)?;
    ensure_eq(
        "createdAt",
        group.created_at,
        ts("2024-01-15T10:30:00.000Z"),
    )?;
    ensure_eq(
        "updatedAt",
        group.updated_at,
        ts("2024-01-15T10:30:00.000Z"),
    )?;
    ensure_eq("scopes.mention", group.scopes.mention, Some(true))?;
    let got: Vec<&str> = group.members.iter().map(|m| m.id.as_str()).collect();
    ensure_eq("members", got.as_slice(), members)?;
    ensure_eq(
        "members[0].addedAt",
        group.members.first().map(|m| m.added_at),
        Some(ts("2024-01-15T10:30:00.000Z")),
    )?;
    if members.len() > 1 {
        ensure_eq(
            "members[1].addedAt",
            group.members[1].added_at,
            ts("2024-01-16T09:00:00.000Z"),
        )?;
    }
    Ok(())
}

/// The `AiCopilot` example; the list's has no settings.
fn ensure_example_copilot(copilot: &AiCopilot, with_settings: bool) -> Result<(), Failure> {
    let base = &copilot.base;
    ensure_eq("type", base.object_type.as_str(), "copilot")?;
    ensure_eq("id", base.id.as_str(), COPILOT)?;
    ensure_eq("name", base.name.as_str(), "My Copilot")?;
    ensure_eq(
        "systemPrompt",
        base.system_prompt.as_str(),
        "You are a helpful assistant.",
    )?;
    ensure_eq("description", base.description.as_deref(), None)?;
    ensure_eq("alwaysUseKnowledge", base.always_use_knowledge, true)?;
    ensure_eq("createdAt", base.created_at, ts("2024-06-01T12:00:00.000Z"))?;
    ensure_eq("updatedAt", base.updated_at, ts("2024-06-01T12:00:00.000Z"))?;
    ensure_eq("lastUsedAt", base.last_used_at, None)?;
    let AiCopilotProvider::OpenAi(provider) = &copilot.provider else {
        return Err(Failure::Check(format!(
            "expected the openai provider, got {:?}",
            copilot.provider
        )));
    };
    ensure_eq(
        "providerModel",
        &provider.provider_model,
        &OpenAiModel::Gpt4o,
    )?;
    ensure_eq("providerOptions", &provider.provider_options, &None)?;
    let settings = base
        .settings
        .as_ref()
        .map(|s| (s.max_tokens, s.temperature, s.top_p));
    let expected = with_settings.then_some((Some(4096), Some(0.7), None));
    ensure_eq("settings", settings, expected)
}

/// The `KnowledgeSource` examples (web sources).
fn ensure_example_knowledge(source: &KnowledgeSource, id: &str) -> Result<(), Failure> {
    let base = &source.base;
    ensure_eq("id", base.id.as_str(), id)?;
    let when = ts("2024-06-01T12:00:00.000Z");
    ensure_eq(
        "dates",
        (base.created_at, base.updated_at, base.last_indexed_at),
        (when, when, when),
    )?;
    ensure_eq("status", &base.status, &KnowledgeSourceStatus::Ready)?;
    ensure_eq("errorMessage", base.error_message.as_deref(), None)?;
    let KnowledgeSourceKind::Web { link } = &source.kind else {
        return Err(Failure::Check(format!(
            "expected a web source, got {:?}",
            source.kind
        )));
    };
    ensure_eq("link.url", link.url.as_str(), "https://docs.example.com")?;
    ensure_eq("link.type", &link.link_type, &WebKnowledgeSourceType::Crawl)
}

/// The `ManagementProject` example.
fn ensure_example_project(project: &ManagementProject) -> Result<(), Failure> {
    let when = ts("2024-09-03T12:34:56.000Z");
    ensure_eq("id", project.id.as_str(), PROJECT)?;
    ensure_eq("teamId", project.team_id.as_str(), "team_123")?;
    ensure_eq("type", &project.project_type, &ManagementProjectType::Dev)?;
    ensure_eq("name", project.name.as_str(), "My Project")?;
    ensure_eq("description", project.description.as_deref(), None)?;
    ensure_eq(
        "dates",
        (project.created_at, project.updated_at),
        (when, when),
    )?;
    ensure_eq(
        "publicKey",
        (
            project.public_key.activated,
            project.public_key.created_at,
            project.public_key.value.as_str(),
        ),
        (true, when, "pk_dev_123"),
    )?;
    ensure_eq(
        "secretKey",
        project
            .secret_key
            .as_ref()
            .map(|k| (k.created_at, k.value.as_str())),
        Some((when, "sk_dev_123")),
    )?;
    ensure_eq("region", &project.region, &ManagementProjectRegion::Earth)?;
    ensure_eq(
        "versionCreationTimeout",
        project.version_creation_timeout,
        VersionCreationTimeout::Disabled,
    )
}

/// The `ManagementWebhook` example.
fn ensure_example_webhook(webhook: &ManagementWebhook) -> Result<(), Failure> {
    let when = ts("2024-09-03T12:34:56.000Z");
    ensure_eq("id", webhook.id.as_str(), WEBHOOK)?;
    ensure_eq(
        "dates",
        (webhook.created_at, webhook.updated_at),
        (when, when),
    )?;
    ensure_eq("url", webhook.url.as_str(), "https://example.com/webhooks")?;
    ensure_eq("disabled", webhook.disabled, false)?;
    ensure_eq("rateLimit", webhook.rate_limit, None)?;
    ensure_eq(
        "subscribedEvents",
        webhook.subscribed_events.as_slice(),
        &[
            ManagementWebhookEvent::StorageUpdated,
            ManagementWebhookEvent::UserEntered,
        ],
    )?;
    ensure_eq(
        "secret",
        webhook.secret.as_ref().map(|s| s.value.as_str()),
        Some("whsec_abc123"),
    )?;
    ensure_eq("additionalHeaders", &webhook.additional_headers, &None)?;
    ensure_eq(
        "throttles",
        (
            webhook.storage_updated_throttle_seconds,
            webhook.y_doc_updated_throttle_seconds,
        ),
        (10, 10),
    )
}

/// The one-item pages of the list examples.
fn single<T: std::fmt::Debug>(page: &Page<T>, next_cursor: Option<&str>) -> Result<(), Failure> {
    ensure_eq("items", page.data.len(), 1)?;
    ensure_eq(
        "nextCursor",
        page.next_cursor.as_ref().map(Cursor::as_str),
        next_cursor,
    )
}

/// Static mode: asks the plain server for the response's named example `name` (Prism's
/// `Prefer: example=...`), which breaks its own schema, and checks that decoding it fails with
/// a typed [`Error::Decode`] at `path` whose message contains `message`.
async fn expect_broken_example<E>(
    s: &Session,
    name: &'static str,
    call: liveblocks_core::Call<crate::harness::BoxedTransport, E>,
    path: &str,
    message: &str,
) -> Result<(), Failure>
where
    E: liveblocks_core::Endpoint + Clone + Send + 'static,
    E::Output: Send + std::fmt::Debug,
{
    s.prefer(Some(name));
    let outcome = s.fetch_plain(call).await;
    s.prefer(None);
    match outcome {
        Err(Error::Decode(decode)) => {
            ensure_eq("decode error path", decode.path.as_str(), path)?;
            ensure(decode.message.contains(message), || {
                format!(
                    "decode error message {:?} lacks {message:?}",
                    decode.message
                )
            })
        }
        other => Err(Failure::Check(format!(
            "the broken example {name} should fail to decode, got {other:?}"
        ))),
    }
}

/// Runs the exercise of operation `op`: `Ok` if every call succeeded and (in static mode)
/// returned the example's values.
pub async fn exercise(s: &Session, op: &str, mode: Mode) -> Result<(), Failure> {
    let c = &s.app;
    let m = &s.mgmt;
    let is_static = mode == Mode::Static;
    match op {
        // ---------------------------------------------------------------------------------
        // Rooms
        // ---------------------------------------------------------------------------------
        "get-rooms" => {
            let page = s
                .fetch(
                    c.get_rooms()
                        .limit(20)
                        .starting_after(cursor())
                        .organization_id(ORG)
                        .query(r#"metadata["roomType"]:"whiteboard" AND roomId^"liveblocks:engineering""#)
                        .user_id("user-123")
                        .group_ids(["group1", "group2"]),
                )
                .await?;
            mode.check(|| {
                single(&page, Some(CURSOR))?;
                let room = &page.data[0];
                ensure_eq("id", room.id.as_str(), ROOM)?;
                ensure_eq("createdAt", room.created_at, ts("2022-08-08T23:23:15.281Z"))?;
                ensure_eq(
                    "lastConnectionAt",
                    room.last_connection_at,
                    Some(ts("2022-08-08T23:23:15.281Z")),
                )?;
                ensure_eq(
                    "metadata.color",
                    room.metadata.get("color"),
                    Some(&text("blue")),
                )?;
                ensure_eq(
                    "groupsAccesses.product",
                    room.groups_accesses.get("product").map(Vec::as_slice),
                    Some(&[AllWrite][..]),
                )?;
                ensure_eq(
                    "usersAccesses.alice",
                    room.users_accesses.get(USER).map(Vec::as_slice),
                    Some(&[AllWrite][..]),
                )
            })
        }
        "create-room" => {
            let room = s
                .fetch(
                    c.create_room(ROOM, [AllWrite])
                        .organization_id(ORG)
                        .user_access(USER, [RoomPermission::RoomWrite])
                        .group_access("product", [RoomPermission::CommentsWrite])
                        .metadata("color", "blue")
                        .metadata("tags", ["a", "b"])
                        .engine(StorageEngine::V2)
                        .idempotent(true),
                )
                .await?;
            let minimal = s.fetch(c.create_room(ROOM, [])).await?;
            mode.check(|| {
                ensure_example_room(&room)?;
                ensure_example_room(&minimal)
            })
        }
        "get-room" => {
            // A room ID with characters that must be percent-encoded in a path segment.
            let room = s.fetch(c.get_room("liveblocks:engineering/α #1")).await?;
            mode.check(|| ensure_example_room(&room))
        }
        "update-room" => {
            let room = s
                .fetch(
                    c.update_room(ROOM)
                        .default_accesses([RoomPermission::RoomRead])
                        .user_access("vinod", [AllWrite])
                        .remove_user_access("bob")
                        .group_access("marketing", [AllWrite])
                        .remove_group_access("sales")
                        .metadata("color", "blue")
                        .metadata("target", ["abc", "def"])
                        .remove_metadata("old"),
                )
                .await?;
            // `defaultAccesses: null` resets them: the other tri-state.
            let reset = s
                .fetch(c.update_room(ROOM).reset_default_accesses())
                .await?;
            let empty = s.fetch(c.update_room(ROOM)).await?;
            mode.check(|| {
                ensure_example_room(&room)?;
                ensure_example_room(&reset)?;
                ensure_example_room(&empty)
            })
        }
        "delete-room" => {
            s.fetch(c.delete_room(ROOM)).await?;
            mode.check(|| expect_status(s, 204))
        }
        "prewarm-room" => {
            s.fetch(c.prewarm_room(ROOM)).await?;
            mode.check(|| expect_status(s, 204))
        }
        "upsert-room" => {
            let update = RoomUpdate::new()
                .user_access(USER, [AllWrite])
                .remove_user_access("bob")
                .group_access("marketing", [AllWrite])
                .metadata("color", "blue")
                .remove_metadata("old");
            let create = NewRoom::new([AllWrite])
                .organization_id(ORG)
                .user_access("vinod", [AllWrite])
                .group_access("product", [AllWrite])
                .metadata("size", "10");
            let room = s.fetch(c.upsert_room(ROOM, update).create(create)).await?;
            let minimal = s.fetch(c.upsert_room(ROOM, RoomUpdate::new())).await?;
            mode.check(|| {
                ensure_example_room(&room)?;
                ensure_example_room(&minimal)
            })
        }
        "update-room-id" => {
            let room = s.fetch(c.update_room_id(ROOM, "new-room-id")).await?;
            // Prism answers with the Room example, not the renamed room.
            mode.check(|| ensure_example_room(&room))
        }
        "update-room-organization-id" => {
            let room = s
                .fetch(c.update_room_organization_id(ROOM, ORG, "org_987654321"))
                .await?;
            mode.check(|| ensure_example_room(&room))
        }
        "get-active-users" => {
            let users = s.fetch(c.get_active_users(ROOM)).await?;
            mode.check(|| {
                let got: Vec<(&str, Option<&str>, i64, bool)> = users
                    .data
                    .iter()
                    .map(|u| {
                        (
                            u.object_type.as_str(),
                            u.id.as_deref(),
                            u.connection_id,
                            u.info.is_empty(),
                        )
                    })
                    .collect();
                ensure_eq(
                    "users",
                    got,
                    vec![
                        ("user", Some(USER), 16, true),
                        ("user", Some("bob"), 20, true),
                    ],
                )
            })
        }
        "set-presence" => {
            let info = UserInfo::new()
                .name("AI Assistant")
                .avatar("https://example.org/images/agent123.jpg")
                .color("#ff0000")
                .extra("role", "agent");
            s.fetch(
                c.set_presence(
                    ROOM,
                    "agent-123",
                    json!({"status": "active", "cursor": {"x": 100, "y": 200}}),
                )
                .user_info(info)
                .ttl(60),
            )
            .await?;
            s.fetch(c.set_presence(ROOM, "agent-123", json!({})))
                .await?;
            mode.check(|| expect_status(s, 204))
        }
        "broadcast-event" => {
            s.fetch(c.broadcast_event(ROOM, json!({"type": "EMOJI", "emoji": "🔥"})))
                .await?;
            mode.check(|| expect_status(s, 204))
        }

        // ---------------------------------------------------------------------------------
        // Storage
        // ---------------------------------------------------------------------------------
        "get-storage-document" => {
            let json = s
                .fetch(c.get_storage_document(ROOM).format(StorageFormat::Json))
                .await?;
            let lson = s.fetch(c.get_storage_document(ROOM)).await?;
            mode.check(|| {
                let StorageDocument::Lson(root) = &lson else {
                    return Err(Failure::Check(format!("expected LSON, got {lson:?}")));
                };
                ensure_eq("LSON document", root, &example_storage())?;
                let StorageDocument::Json(map) = &json else {
                    return Err(Failure::Check(format!("expected JSON, got {json:?}")));
                };
                // The spec has one example for both formats: the LSON one, read as JSON.
                ensure_eq(
                    "JSON document",
                    serde_json::Value::Object(map.clone()),
                    serde_json::to_value(example_storage()).expect("JSON"),
                )
            })
        }
        "initialize-storage-document" => {
            let echoed = s
                .fetch(c.initialize_storage_document(ROOM, example_storage()))
                .await?;
            mode.check(|| {
                // Prism answers with the schema's example (the Storage example without
                // aLiveMap), not an echo.
                let mut expected = example_storage();
                expected.data.remove("aLiveMap");
                ensure_eq("document", &echoed, &expected)
            })
        }
        "delete-storage-document" => {
            s.fetch(c.delete_storage_document(ROOM)).await?;
            mode.check(|| expect_status(s, 200))
        }
        "patch-storage-document" => {
            let file = serde_json::to_value(LiveNode::LiveFile(example_file())).expect("JSON");
            s.fetch(c.patch_storage_document(
                ROOM,
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
            ))
            .await?;
            mode.check(|| expect_status(s, 200))
        }

        // ---------------------------------------------------------------------------------
        // Storage files
        // ---------------------------------------------------------------------------------
        "get-storage-file" => {
            let file = s.fetch(c.get_storage_file(ROOM, FILE)).await?;
            // No example in the spec, and the placeholder ID breaks the schema's pattern (see
            // the spec problems): the plain mock's placeholders.
            mode.check(|| {
                ensure_eq(
                    "file",
                    (
                        file.id.as_str(),
                        file.name.as_str(),
                        file.size,
                        file.mime_type.as_str(),
                        file.url.as_str(),
                    ),
                    ("string", "string", 0, "string", "http://example.com"),
                )?;
                ensure_eq("expiresAt", file.expires_at, ts("2019-08-24T14:15:22Z"))
            })
        }
        "upload-storage-file" => {
            let id = StorageFileId::new(FILE).map_err(Failure::Call)?;
            let content = png_bytes();
            let size = content.len() as u64;
            let file = s
                .fetch(
                    c.upload_storage_file(ROOM, id, "photo.png", content)
                        .file_size(size),
                )
                .await?;
            mode.check(|| ensure_eq("file", &file, &example_file()))
        }
        "create-storage-file-multipart-upload" => {
            let upload = s
                .fetch(
                    c.create_storage_file_multipart_upload(ROOM, FILE, "video.mp4")
                        .file_size(10_485_760),
                )
                .await?;
            mode.check(|| {
                ensure_eq(
                    "upload (placeholders)",
                    (upload.file_id.as_str(), upload.upload_id.as_str()),
                    ("string", "string"),
                )
            })
        }
        "upload-storage-file-multipart-part" => {
            let part = s
                .fetch(c.upload_storage_file_multipart_part(ROOM, FILE, UPLOAD, 1, png_bytes()))
                .await?;
            mode.check(|| {
                ensure_eq(
                    "part (placeholder etag)",
                    &part,
                    &StorageFileMultipartPart::new(1, "string"),
                )
            })
        }
        "complete-storage-file-multipart-upload" => {
            let parts = [
                StorageFileMultipartPart::new(1, "\"etag-1\""),
                StorageFileMultipartPart::new(2, "\"etag-2\""),
            ];
            let file = s
                .fetch(c.complete_storage_file_multipart_upload(ROOM, FILE, UPLOAD, parts))
                .await?;
            mode.check(|| ensure_eq("file", &file, &example_file()))
        }
        "abort-storage-file-multipart-upload" => {
            s.fetch(c.abort_storage_file_multipart_upload(ROOM, FILE, UPLOAD))
                .await?;
            mode.check(|| expect_status(s, 204))
        }

        // ---------------------------------------------------------------------------------
        // Yjs
        // ---------------------------------------------------------------------------------
        "get-yjs-document" => {
            let plain = s.fetch(c.get_yjs_document(ROOM)).await?;
            let keyed = s
                .fetch(
                    c.get_yjs_document(ROOM)
                        .formatting(true)
                        .key("someYText")
                        .yjs_type(YjsType::YText),
                )
                .await?;
            mode.check(|| {
                let expected = json!({"someYText": "Contents of YText"});
                ensure_eq("document", &plain, &expected)?;
                ensure_eq("keyed", &keyed, &expected)
            })
        }
        "send-yjs-binary-update" => {
            s.fetch(
                c.send_yjs_binary_update(ROOM, yjs_update())
                    .guid("subdoc-guid-123"),
            )
            .await?;
            s.fetch(c.send_yjs_binary_update(ROOM, Bytes::from(yjs_update())))
                .await?;
            mode.check(|| expect_status(s, 200))
        }
        "get-yjs-document-as-binary-update" => {
            let root = s.fetch(c.get_yjs_document_as_binary_update(ROOM)).await?;
            let sub = s
                .fetch(
                    c.get_yjs_document_as_binary_update(ROOM)
                        .guid("subdoc-guid-123"),
                )
                .await?;
            mode.check(|| {
                ensure_eq("root", root.as_ref(), BINARY_PLACEHOLDER)?;
                ensure_eq("subdocument", sub.as_ref(), BINARY_PLACEHOLDER)
            })
        }

        // ---------------------------------------------------------------------------------
        // Version history
        // ---------------------------------------------------------------------------------
        "get-version-history" => {
            let page = s
                .fetch(c.get_version_history(ROOM).limit(50).cursor(cursor()))
                .await?;
            mode.check(|| {
                single(
                    &page,
                    Some("eyJjcmVhdGVkQXQiOiIyMDI0LTEwLTE1VDEwOjMwOjAwLjAwMFoifQ=="),
                )?;
                let version = &page.data[0];
                ensure_eq("id", version.id.as_str(), VERSION)?;
                ensure_eq(
                    "createdAt",
                    version.created_at,
                    ts("2024-10-15T10:30:00.000Z"),
                )?;
                let authors: Vec<Option<&str>> =
                    version.authors.iter().map(|a| a.id.as_deref()).collect();
                ensure_eq("authors", authors, vec![Some("user-123")])
            })
        }
        "create-version-history-snapshot" => {
            let snapshot = s.fetch(c.create_version_history_snapshot(ROOM)).await?;
            mode.check(|| ensure_eq("id", snapshot.id(), VERSION))
        }
        "get-yjs-version" => {
            let update = s.fetch(c.get_yjs_version(ROOM, VERSION)).await?;
            mode.check(|| ensure_eq("update", update.as_ref(), BINARY_PLACEHOLDER))
        }
        "delete-version" => {
            s.fetch(c.delete_version(ROOM, VERSION)).await?;
            mode.check(|| expect_status(s, 204))
        }

        // ---------------------------------------------------------------------------------
        // Comments
        // ---------------------------------------------------------------------------------
        "get-threads" => {
            let threads = s
                .fetch(c.get_threads(ROOM).query(
                    r#"metadata["status"]:"open" AND resolved:false AND visibility:"private""#,
                ))
                .await?;
            mode.check(|| {
                ensure_eq("threads", threads.data.len(), 1)?;
                ensure_example_thread(&threads.data[0], None)
            })?;
            if is_static {
                // The response's "Success" example has `body: {}`: read leniently.
                s.prefer(Some("example=Success"));
                let success = s.fetch_plain(c.get_threads(ROOM)).await;
                s.prefer(None);
                let success = success?;
                let comment = &success.data[0].comments[0];
                ensure_eq("Success example: comment body", &comment.body, &None)?;
                ensure_eq(
                    "Success example: comment deletedAt",
                    comment.deleted_at,
                    Some(ts("2019-08-24T14:15:22Z")),
                )?;
            }
            Ok(())
        }
        "create-thread" => {
            let thread = s
                .fetch(
                    c.create_thread(ROOM, USER, rich_body())
                        .metadata("color", "blue")
                        .metadata("priority", 2)
                        .metadata("urgent", true)
                        .visibility(ThreadVisibility::Private)
                        .created_at(ts(WHEN))
                        .comment_metadata("tag", "important")
                        .comment_metadata("score", 2.5)
                        .attachment_ids([ATTACHMENT]),
                )
                .await?;
            let minimal = s.fetch(c.create_thread(ROOM, USER, "Plain text")).await?;
            mode.check(|| {
                ensure_example_thread(&thread, Some("blue"))?;
                ensure_example_thread(&minimal, Some("blue"))
            })
        }
        "get-thread" => {
            let thread = s.fetch(c.get_thread(ROOM, THREAD)).await?;
            mode.check(|| ensure_example_thread(&thread, Some("blue")))?;
            if is_static {
                s.prefer(Some("example=Success"));
                let success = s.fetch_plain(c.get_thread(ROOM, THREAD)).await;
                s.prefer(None);
                let success = success?;
                ensure_eq("Success example: id", success.id.as_str(), "thread-id")?;
                ensure_eq(
                    "Success example: comment body ({} read leniently)",
                    &success.comments[0].body,
                    &None,
                )?;
            }
            Ok(())
        }
        "delete-thread" => {
            s.fetch(c.delete_thread(ROOM, THREAD)).await?;
            mode.check(|| expect_status(s, 204))
        }
        "get-thread-participants" => {
            let participants = s.fetch(c.get_thread_participants(ROOM, THREAD)).await?;
            mode.check(|| {
                ensure_eq(
                    "participantIds",
                    participants.participant_ids.as_slice(),
                    &["user-1".to_owned(), "user-2".to_owned()],
                )
            })
        }
        "edit-thread-metadata" => {
            let metadata = s
                .fetch(
                    c.edit_thread_metadata(ROOM, THREAD, USER)
                        .metadata("color", "yellow")
                        .metadata("priority", 3)
                        .metadata("pinned", false)
                        .remove_metadata("old")
                        .updated_at(ts("2023-07-13T14:32:50.697Z")),
                )
                .await?;
            mode.check(|| {
                ensure_eq(
                    "metadata",
                    metadata.into_iter().collect::<Vec<_>>(),
                    // The `ThreadMetadata` schema's example, not the response's "Success" one.
                    vec![
                        ("age".to_owned(), Meta::Number(25.0)),
                        ("color".to_owned(), Meta::String("blue".to_owned())),
                    ],
                )
            })
        }
        "mark-thread-as-resolved" => {
            let thread = s
                .fetch(c.mark_thread_as_resolved(ROOM, THREAD, USER))
                .await?;
            mode.check(|| ensure_example_thread(&thread, Some("blue")))
        }
        "mark-thread-as-unresolved" => {
            let thread = s
                .fetch(c.mark_thread_as_unresolved(ROOM, THREAD, USER))
                .await?;
            mode.check(|| ensure_example_thread(&thread, Some("blue")))
        }
        "subscribe-to-thread" => {
            let subscription = s.fetch(c.subscribe_to_thread(ROOM, THREAD, USER)).await?;
            mode.check(|| {
                ensure_eq(
                    "subscription",
                    (
                        &subscription.kind,
                        subscription.subject_id.as_str(),
                        subscription.created_at,
                    ),
                    (&SubscriptionKind::Thread, THREAD, ts(WHEN)),
                )
            })
        }
        "unsubscribe-from-thread" => {
            s.fetch(c.unsubscribe_from_thread(ROOM, THREAD, USER))
                .await?;
            mode.check(|| expect_status(s, 200))
        }
        "get-thread-subscriptions" => {
            let subscriptions = s.fetch(c.get_thread_subscriptions(ROOM, THREAD)).await?;
            mode.check(|| {
                let got: Vec<_> = subscriptions
                    .data
                    .iter()
                    .map(|x| {
                        (
                            &x.kind,
                            x.subject_id.as_str(),
                            x.created_at,
                            x.user_id.as_deref(),
                        )
                    })
                    .collect();
                ensure_eq(
                    "subscriptions",
                    got,
                    vec![(&SubscriptionKind::Thread, THREAD, ts(WHEN), Some(USER))],
                )
            })
        }
        "create-comment" => {
            let comment = s
                .fetch(
                    c.create_comment(ROOM, THREAD, USER, rich_body())
                        .created_at(ts(WHEN))
                        .metadata("tag", "important")
                        .metadata("spam", false)
                        .attachment_ids([ATTACHMENT]),
                )
                .await?;
            let minimal = s
                .fetch(c.create_comment(ROOM, THREAD, USER, CommentBody::new([])))
                .await?;
            mode.check(|| {
                ensure_example_comment(&comment)?;
                ensure_example_comment(&minimal)
            })
        }
        "get-comment" => {
            let comment = s.fetch(c.get_comment(ROOM, THREAD, COMMENT)).await?;
            mode.check(|| ensure_example_comment(&comment))
        }
        "edit-comment" => {
            let comment = s
                .fetch(
                    c.edit_comment(ROOM, THREAD, COMMENT, CommentBody::text("Edited"))
                        .edited_at(ts(WHEN))
                        .metadata("tag", "important")
                        .attachment_ids([ATTACHMENT]),
                )
                .await?;
            mode.check(|| ensure_example_comment(&comment))
        }
        "delete-comment" => {
            s.fetch(c.delete_comment(ROOM, THREAD, COMMENT)).await?;
            mode.check(|| expect_status(s, 204))
        }
        "add-comment-reaction" => {
            let reaction = s
                .fetch(
                    c.add_comment_reaction(ROOM, THREAD, COMMENT, USER, "👨‍👩‍👧")
                        .created_at(ts(WHEN)),
                )
                .await?;
            mode.check(|| {
                ensure_eq(
                    "reaction",
                    (
                        reaction.user_id.as_str(),
                        reaction.emoji.as_str(),
                        reaction.created_at,
                    ),
                    (USER, "👨‍👩‍👧", ts(WHEN)),
                )
            })
        }
        "remove-comment-reaction" => {
            s.fetch(
                c.remove_comment_reaction(ROOM, THREAD, COMMENT, USER, "👍")
                    .removed_at(ts(WHEN)),
            )
            .await?;
            mode.check(|| expect_status(s, 204))
        }
        "edit-comment-metadata" => {
            let metadata = s
                .fetch(
                    c.edit_comment_metadata(ROOM, THREAD, COMMENT, USER)
                        .metadata("tag", "important")
                        .metadata("reviewed", false)
                        .metadata("score", 0.5)
                        .remove_metadata("spam")
                        .updated_at(ts("2023-07-13T14:32:50.697Z")),
                )
                .await?;
            mode.check(|| {
                ensure_eq(
                    "metadata",
                    metadata.into_iter().collect::<Vec<_>>(),
                    // The `CommentMetadata` schema's example, not the response's "Success" one.
                    vec![
                        ("spam".to_owned(), Meta::Boolean(false)),
                        ("tag".to_owned(), Meta::String("important".to_owned())),
                    ],
                )
            })
        }
        "get-thread-inbox-notifications" => {
            let notifications = s
                .fetch(c.get_thread_inbox_notifications(ROOM, THREAD))
                .await?;
            mode.check(|| {
                ensure_eq("notifications", notifications.data.len(), 1)?;
                let n = &notifications.data[0];
                ensure_eq(
                    "notification",
                    (
                        n.id.as_str(),
                        n.kind.as_str(),
                        n.room_id.as_str(),
                        n.thread_id.as_str(),
                        n.organization_id.as_deref(),
                        n.user_id.as_str(),
                    ),
                    (NOTIFICATION, "thread", ROOM, THREAD, Some(ORG), "string"),
                )?;
                ensure_eq(
                    "dates",
                    (n.notified_at, n.read_at),
                    (ts("2024-01-15T10:30:00.000Z"), None),
                )
            })
        }

        // ---------------------------------------------------------------------------------
        // Attachments
        // ---------------------------------------------------------------------------------
        "get-attachment" => {
            let attachment = s.fetch(c.get_attachment(ROOM, ATTACHMENT)).await?;
            mode.check(|| {
                ensure_eq(
                    "attachment",
                    (
                        attachment.object_type.as_str(),
                        attachment.id.as_str(),
                        attachment.mime_type.as_str(),
                        attachment.name.as_str(),
                        attachment.size,
                    ),
                    (
                        "attachment",
                        "at_abc123",
                        "image/png",
                        "screenshot.png",
                        12345,
                    ),
                )?;
                ensure_eq(
                    "url",
                    attachment.url.as_str(),
                    "https://example.com/at_abc123?X-Amz-Expires=3600&X-Amz-Signature=...",
                )?;
                ensure_eq(
                    "expiresAt",
                    attachment.expires_at,
                    ts("2026-03-16T14:00:00.000Z"),
                )
            })
        }
        "upload-attachment" => {
            let content = png_bytes();
            let size = content.len() as u64;
            let attachment = s
                .fetch(
                    c.upload_attachment(ROOM, ATTACHMENT, "screenshot.png", USER, content)
                        .file_size(size),
                )
                .await?;
            mode.check(|| ensure_example_attachment(&attachment))
        }
        "create-attachment-multipart-upload" => {
            let upload = s
                .fetch(
                    c.create_attachment_multipart_upload(ROOM, ATTACHMENT, "video.mp4")
                        .file_size(10_485_760),
                )
                .await?;
            mode.check(|| {
                ensure_eq(
                    "upload (placeholders)",
                    (upload.attachment_id.as_str(), upload.upload_id.as_str()),
                    ("string", "string"),
                )
            })
        }
        "upload-attachment-multipart-part" => {
            let part = s
                .fetch(c.upload_attachment_multipart_part(ROOM, ATTACHMENT, UPLOAD, 2, png_bytes()))
                .await?;
            // The placeholder's part number is the schema's minimum, whatever was sent.
            mode.check(|| {
                ensure_eq(
                    "part (placeholders)",
                    &part,
                    &AttachmentMultipartPart::new(1, "string"),
                )
            })
        }
        "complete-attachment-multipart-upload" => {
            let parts = [
                AttachmentMultipartPart::new(1, "\"etag-1\""),
                AttachmentMultipartPart::new(2, "\"etag-2\""),
            ];
            let attachment = s
                .fetch(
                    c.complete_attachment_multipart_upload(ROOM, ATTACHMENT, UPLOAD, USER, parts),
                )
                .await?;
            mode.check(|| ensure_example_attachment(&attachment))
        }
        "abort-attachment-multipart-upload" => {
            s.fetch(c.abort_attachment_multipart_upload(ROOM, ATTACHMENT, UPLOAD))
                .await?;
            mode.check(|| expect_status(s, 204))
        }

        // ---------------------------------------------------------------------------------
        // Feeds
        // ---------------------------------------------------------------------------------
        "get-feeds" => {
            let page = s
                .fetch(
                    c.get_feeds(ROOM)
                        .cursor(cursor())
                        .since(1660000988137_i64)
                        .limit(20),
                )
                .await?;
            mode.check(|| {
                single(&page, Some(CURSOR))?;
                ensure_example_feed(&page.data[0], "General Discussion", 1660000988137)
            })
        }
        "create-feed" => {
            let feed = s
                .fetch(
                    c.create_feed(ROOM, FEED)
                        .metadata(json!({"type": "chat", "name": "General Discussion"}))
                        .timestamp(ts("2022-08-08T23:23:08.137Z")),
                )
                .await?;
            let minimal = s.fetch(c.create_feed(ROOM, "feed-2")).await?;
            mode.check(|| {
                ensure_example_feed(&feed, "General Discussion", 1660000988137)?;
                ensure_example_feed(&minimal, "General Discussion", 1660000988137)
            })
        }
        "get-feed" => {
            let feed = s.fetch(c.get_feed(ROOM, FEED)).await?;
            mode.check(|| ensure_example_feed(&feed, "General Discussion", 1660000988137))
        }
        "update-feed" => {
            let feed = s
                .fetch(c.update_feed(
                    ROOM,
                    FEED,
                    json!({"type": "chat", "name": "Updated Discussion"}),
                ))
                .await?;
            mode.check(|| ensure_example_feed(&feed, "Updated Discussion", 1660001000000))
        }
        "delete-feed" => {
            s.fetch(c.delete_feed(ROOM, FEED)).await?;
            mode.check(|| expect_status(s, 204))
        }
        "get-feed-messages" => {
            let page = s
                .fetch(
                    c.get_feed_messages(ROOM, FEED)
                        .cursor(cursor())
                        .since(1660000988137_i64)
                        .limit(100),
                )
                .await?;
            mode.check(|| {
                single(&page, Some(CURSOR))?;
                ensure_example_message(&page.data[0], "Hello, world!", 1660000988137)
            })
        }
        "create-feed-message" => {
            let message = s
                .fetch(
                    c.create_feed_message(
                        ROOM,
                        FEED,
                        json!({"type": "text", "content": "Hello, world!"}),
                    )
                    .id(MESSAGE)
                    .timestamp(1660000988137_i64),
                )
                .await?;
            let minimal = s
                .fetch(c.create_feed_message(ROOM, FEED, json!({})))
                .await?;
            mode.check(|| {
                ensure_example_message(&message, "Hello, world!", 1660000988137)?;
                ensure_example_message(&minimal, "Hello, world!", 1660000988137)
            })
        }
        "update-feed-message" => {
            let message = s
                .fetch(
                    c.update_feed_message(
                        ROOM,
                        FEED,
                        MESSAGE,
                        json!({"type": "text", "content": "Updated message content"}),
                    )
                    .timestamp(1660001000000_i64),
                )
                .await?;
            mode.check(|| {
                ensure_example_message(&message, "Updated message content", 1660001000000)
            })
        }
        "delete-feed-message" => {
            s.fetch(c.delete_feed_message(ROOM, FEED, MESSAGE)).await?;
            mode.check(|| expect_status(s, 204))
        }

        // ---------------------------------------------------------------------------------
        // Auth
        // ---------------------------------------------------------------------------------
        "authorize-user" => {
            let token = s
                .fetch(
                    c.authorize_user("user-123")
                        .allow("my-room-1", [AllWrite])
                        .allow(
                            "my-room-*",
                            [RoomPermission::RoomRead, RoomPermission::CommentsRead],
                        )
                        .user_info(
                            UserInfo::new()
                                .name("bob")
                                .avatar("https://example.org/images/user123.jpg"),
                        )
                        .organization_id("acme-corp"),
                )
                .await?;
            let minimal = s.fetch(c.authorize_user("user-123")).await?;
            mode.check(|| {
                ensure_eq("token", token.token.as_str(), TOKEN)?;
                ensure_eq("minimal token", minimal.token.as_str(), TOKEN)
            })
        }
        "identify-user" => {
            let token = s
                .fetch(
                    c.identify_user("user-123")
                        .organization_id("acme-corp")
                        .group_ids(["marketing", GROUP])
                        .user_info(UserInfo::new().name("bob").extra("team", "growth")),
                )
                .await?;
            let minimal = s.fetch(c.identify_user("user-123")).await?;
            mode.check(|| {
                ensure_eq("token", token.token.as_str(), TOKEN)?;
                ensure_eq("minimal token", minimal.token.as_str(), TOKEN)
            })
        }

        // ---------------------------------------------------------------------------------
        // Notifications
        // ---------------------------------------------------------------------------------
        "get-inbox-notification" => {
            let n = s
                .fetch(c.get_inbox_notification(USER, NOTIFICATION))
                .await?;
            mode.check(|| ensure_example_notification(&n, Some(ORG)))
        }
        "delete-inbox-notification" => {
            s.fetch(c.delete_inbox_notification(USER, NOTIFICATION))
                .await?;
            mode.check(|| expect_status(s, 204))
        }
        "delete-all-inbox-notifications" => {
            s.fetch(c.delete_all_inbox_notifications(USER)).await?;
            mode.check(|| expect_status(s, 204))
        }
        "get-inbox-notifications" => {
            let page = s
                .fetch(
                    c.get_inbox_notifications(USER)
                        .organization_id(ORG)
                        .query("unread:true")
                        .limit(50)
                        .starting_after(cursor()),
                )
                .await?;
            mode.check(|| {
                single(&page, None)?;
                ensure_example_notification(&page.data[0], None)
            })
        }
        "get-notification-settings" => {
            let settings = s.fetch(c.get_notification_settings(USER)).await?;
            mode.check(|| ensure_example_settings(&settings))
        }
        "update-notification-settings" => {
            let settings = s
                .fetch(
                    c.update_notification_settings(USER)
                        .email(
                            NotificationChannelSettings::new()
                                .thread(true)
                                .text_mention(false),
                        )
                        .slack(NotificationChannelSettings::new().text_mention(false))
                        .teams(NotificationChannelSettings::new().custom("$fileUploaded", true))
                        .web_push(NotificationChannelSettings::new().thread(true)),
                )
                .await?;
            let empty = s.fetch(c.update_notification_settings(USER)).await?;
            mode.check(|| {
                ensure_example_settings(&settings)?;
                ensure_example_settings(&empty)
            })
        }
        "delete-notification-settings" => {
            s.fetch(c.delete_notification_settings(USER)).await?;
            mode.check(|| expect_status(s, 204))
        }
        "get-room-subscription-settings" => {
            let settings = s
                .fetch(c.get_room_subscription_settings(ROOM, USER))
                .await?;
            mode.check(|| ensure_example_room_settings(&settings))
        }
        "update-room-subscription-settings" => {
            let settings = s
                .fetch(
                    c.update_room_subscription_settings(ROOM, USER)
                        .threads(ThreadsSubscription::RepliesAndMentions)
                        .text_mentions(TextMentionsSubscription::None),
                )
                .await?;
            mode.check(|| ensure_example_room_settings(&settings))
        }
        "delete-room-subscription-settings" => {
            s.fetch(c.delete_room_subscription_settings(ROOM, USER))
                .await?;
            mode.check(|| expect_status(s, 204))
        }
        "get-user-room-subscription-settings" => {
            let page = s
                .fetch(
                    c.get_user_room_subscription_settings(USER)
                        .starting_after(cursor())
                        .limit(50)
                        .organization_id(ORG),
                )
                .await?;
            mode.check(|| {
                single(&page, None)?;
                let item = &page.data[0];
                ensure_eq(
                    "settings",
                    (item.room_id.as_str(), &item.threads, &item.text_mentions),
                    (
                        ROOM,
                        &ThreadsSubscription::All,
                        &TextMentionsSubscription::Mine,
                    ),
                )
            })
        }
        "get-room-notification-settings" => {
            let settings = s
                .fetch(c.get_room_notification_settings(ROOM, USER))
                .await?;
            mode.check(|| ensure_example_room_settings(&settings))
        }
        "update-room-notification-settings" => {
            let settings = s
                .fetch(
                    c.update_room_notification_settings(ROOM, USER)
                        .threads(ThreadsSubscription::None)
                        .text_mentions(TextMentionsSubscription::Mine),
                )
                .await?;
            mode.check(|| ensure_example_room_settings(&settings))
        }
        "delete-room-notification-settings" => {
            s.fetch(c.delete_room_notification_settings(ROOM, USER))
                .await?;
            mode.check(|| expect_status(s, 204))
        }
        "trigger-inbox-notification" => {
            s.fetch(
                c.trigger_inbox_notification(USER, "$fileUploaded", "file123")
                    .activity("file", "report.pdf")
                    .activity("size", 12345)
                    .activity("urgent", true)
                    .room_id(ROOM)
                    .organization_id(ORG),
            )
            .await?;
            s.fetch(c.trigger_inbox_notification(USER, "$a", "file123"))
                .await?;
            mode.check(|| expect_status(s, 200))
        }
        "mark-inbox-notification-as-read" => {
            s.fetch(c.mark_inbox_notification_as_read(NOTIFICATION))
                .await?;
            mode.check(|| expect_status(s, 200))
        }

        // ---------------------------------------------------------------------------------
        // Groups
        // ---------------------------------------------------------------------------------
        "create-group" => {
            let group = s
                .fetch(
                    c.create_group(GROUP)
                        .member_ids([USER, "bob"])
                        .organization_id(ORG)
                        .scopes(GroupScopes::new().mention()),
                )
                .await?;
            let minimal = s.fetch(c.create_group("design")).await?;
            mode.check(|| {
                ensure_example_group(&group, &[USER, "bob"])?;
                ensure_example_group(&minimal, &[USER, "bob"])
            })
        }
        "get-groups" => {
            let page = s
                .fetch(c.get_groups().limit(100).starting_after(cursor()))
                .await?;
            mode.check(|| {
                single(&page, None)?;
                ensure_example_group(&page.data[0], &[USER])
            })
        }
        "get-group" => {
            let group = s.fetch(c.get_group(GROUP)).await?;
            mode.check(|| ensure_example_group(&group, &[USER, "bob"]))
        }
        "delete-group" => {
            s.fetch(c.delete_group(GROUP)).await?;
            mode.check(|| expect_status(s, 204))
        }
        "add-group-members" => {
            let group = s
                .fetch(c.add_group_members(GROUP, ["charlie", "dave"]))
                .await?;
            mode.check(|| ensure_example_group(&group, &[USER, "bob"]))
        }
        "remove-group-members" => {
            let group = s.fetch(c.remove_group_members(GROUP, ["charlie"])).await?;
            mode.check(|| ensure_example_group(&group, &[USER, "bob"]))
        }
        "get-user-groups" => {
            let page = s
                .fetch(c.get_user_groups(USER).limit(1).starting_after(cursor()))
                .await?;
            mode.check(|| {
                single(&page, None)?;
                ensure_example_group(&page.data[0], &[USER])
            })
        }

        // ---------------------------------------------------------------------------------
        // AI
        // ---------------------------------------------------------------------------------
        "get-ai-copilots" => {
            let page = s
                .fetch(c.get_ai_copilots().limit(20).starting_after(cursor()))
                .await?;
            mode.check(|| {
                single(&page, None)?;
                ensure_example_copilot(&page.data[0], false)
            })
        }
        "create-ai-copilot" => {
            let options = ProviderOptions::OpenAi(OpenAiOptions {
                reasoning_effort: Some(ReasoningEffort::Medium),
                web_search: Some(WebSearchOptions {
                    allowed_domains: Some(vec!["liveblocks.io".to_owned()]),
                }),
            });
            let copilot = s
                .fetch(
                    c.create_ai_copilot(
                        "My Copilot",
                        "You are a helpful assistant.",
                        "sk-provider-key",
                        AiCopilotProvider::openai(OpenAiModel::Gpt4o),
                    )
                    .description("Answers questions about the docs")
                    .knowledge_prompt("Use the docs first.")
                    .always_use_knowledge(true)
                    .settings(AiCopilotProviderSettings {
                        max_tokens: Some(4096),
                        temperature: Some(0.7),
                        stop_sequences: Some(vec!["END".to_owned()]),
                        ..Default::default()
                    })
                    .provider_options(options),
                )
                .await?;
            let minimal = s
                .fetch(c.create_ai_copilot(
                    "Minimal",
                    "Be brief.",
                    "sk-provider-key",
                    AiCopilotProvider::openai_compatible(
                        "llama-3",
                        "my-provider",
                        "https://llm.example.com/v1",
                    ),
                ))
                .await?;
            mode.check(|| {
                ensure_eq("status", s.last_status(), Some(201))?;
                ensure_example_copilot(&copilot, true)?;
                ensure_example_copilot(&minimal, true)
            })
        }
        "get-ai-copilot" => {
            let copilot = s.fetch(c.get_ai_copilot(COPILOT)).await?;
            mode.check(|| ensure_example_copilot(&copilot, true))
        }
        "update-ai-copilot" => {
            let set = s
                .fetch(
                    c.update_ai_copilot(COPILOT)
                        .name("Updated Copilot")
                        .description("Now with more docs")
                        .system_prompt("You are an updated helpful assistant.")
                        .knowledge_prompt("Prefer the changelog.")
                        .always_use_knowledge(false)
                        .settings(AiCopilotProviderSettings {
                            max_tokens: Some(8192),
                            top_p: Some(0.9),
                            seed: Some(7),
                            ..Default::default()
                        })
                        .provider_api_key("sk-new-provider-key")
                        .provider(AiProvider::OpenAi)
                        .provider_model("gpt-4o")
                        .provider_options(ProviderOptions::OpenAi(OpenAiOptions {
                            reasoning_effort: Some(ReasoningEffort::High),
                            web_search: None,
                        })),
                )
                .await?;
            // Every nullable field cleared with `null`; the compatible provider's fields.
            let cleared = s
                .fetch(
                    c.update_ai_copilot(COPILOT)
                        .clear_description()
                        .clear_knowledge_prompt()
                        .clear_settings()
                        .clear_provider_options()
                        .provider(AiProvider::OpenAiCompatible)
                        .compatible_provider_name("my-provider")
                        .provider_base_url("https://llm.example.com/v1"),
                )
                .await?;
            let empty = s.fetch(c.update_ai_copilot(COPILOT)).await?;
            mode.check(|| {
                ensure_example_copilot(&set, true)?;
                ensure_example_copilot(&cleared, true)?;
                ensure_example_copilot(&empty, true)
            })
        }
        "delete-ai-copilot" => {
            s.fetch(c.delete_ai_copilot(COPILOT)).await?;
            mode.check(|| expect_status(s, 204))
        }
        "get-knowledge-sources" => {
            let page = s
                .fetch(
                    c.get_knowledge_sources(COPILOT)
                        .limit(20)
                        .starting_after(cursor()),
                )
                .await?;
            mode.check(|| {
                single(&page, None)?;
                ensure_example_knowledge(&page.data[0], KNOWLEDGE)
            })
        }
        "get-knowledge-source" => {
            let source = s
                .fetch(c.get_knowledge_source(COPILOT, "ks_web123"))
                .await?;
            mode.check(|| ensure_example_knowledge(&source, "ks_web123"))
        }
        "create-web-knowledge-source" => {
            let created = s
                .fetch(c.create_web_knowledge_source(
                    COPILOT,
                    "https://docs.example.com",
                    WebKnowledgeSourceType::Crawl,
                ))
                .await?;
            mode.check(|| ensure_eq("id", created.id.as_str(), KNOWLEDGE))
        }
        "create-file-knowledge-source" => {
            let created = s
                .fetch(c.create_file_knowledge_source(
                    COPILOT,
                    "guide.pdf",
                    Bytes::from_static(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
                ))
                .await?;
            // Inline schema without an example: the placeholder.
            mode.check(|| ensure_eq("id", created.id.as_str(), "string"))
        }
        "get-file-knowledge-source-markdown" => {
            let markdown = s
                .fetch(c.get_file_knowledge_source_markdown(COPILOT, KNOWLEDGE))
                .await?;
            mode.check(|| {
                ensure_eq(
                    "markdown",
                    (markdown.id.as_str(), markdown.content.as_str()),
                    (
                        KNOWLEDGE,
                        "# Document Title\n\nThis is the content of the uploaded file.",
                    ),
                )
            })
        }
        "delete-file-knowledge-source" => {
            s.fetch(c.delete_file_knowledge_source(COPILOT, KNOWLEDGE))
                .await?;
            mode.check(|| expect_status(s, 204))
        }
        "delete-web-knowledge-source" => {
            s.fetch(c.delete_web_knowledge_source(COPILOT, KNOWLEDGE))
                .await?;
            mode.check(|| expect_status(s, 204))
        }
        "get-web-knowledge-source-links" => {
            let page = s
                .fetch(
                    c.get_web_knowledge_source_links(COPILOT, KNOWLEDGE)
                        .limit(20)
                        .starting_after(cursor()),
                )
                .await?;
            mode.check(|| {
                single(&page, None)?;
                let link = &page.data[0];
                let when = ts("2024-06-01T12:00:00.000Z");
                ensure_eq(
                    "link",
                    (
                        link.id.as_str(),
                        link.url.as_str(),
                        &link.status,
                        link.created_at,
                        link.last_indexed_at,
                    ),
                    (
                        "ksl_abc123",
                        "https://docs.example.com/getting-started",
                        &KnowledgeSourceStatus::Ready,
                        when,
                        when,
                    ),
                )
            })
        }

        // ---------------------------------------------------------------------------------
        // Management
        // ---------------------------------------------------------------------------------
        "get-management-projects" => {
            let page = s
                .fetch(m.get_management_projects().limit(20).cursor(cursor()))
                .await?;
            mode.check(|| {
                single(&page, None)?;
                ensure_example_project(&page.data[0])
            })?;
            if is_static {
                // The response's named example wraps the list in `projects`.
                expect_broken_example(
                    s,
                    "example=example",
                    m.get_management_projects(),
                    ".",
                    "missing field `data`",
                )
                .await?;
            }
            Ok(())
        }
        "create-management-project" => {
            let project = s
                .fetch(
                    m.create_management_project(ManagementProjectType::Dev)
                        .name("My Project")
                        .description("Project description")
                        .version_creation_timeout(VersionCreationTimeout::Seconds(60)),
                )
                .await?;
            let disabled = s
                .fetch(
                    m.create_management_project(ManagementProjectType::Prod)
                        .version_creation_timeout(VersionCreationTimeout::Disabled),
                )
                .await?;
            mode.check(|| {
                ensure_example_project(&project)?;
                ensure_example_project(&disabled)
            })?;
            if is_static {
                // The response's named example wraps the project in `project`.
                expect_broken_example(
                    s,
                    "example=example",
                    m.create_management_project(ManagementProjectType::Dev),
                    ".",
                    "missing field `id`",
                )
                .await?;
            }
            Ok(())
        }
        "get-management-project" => {
            let project = s.fetch(m.get_management_project(PROJECT)).await?;
            mode.check(|| ensure_example_project(&project))
        }
        "update-management-project" => {
            let project = s
                .fetch(
                    m.update_management_project(PROJECT)
                        .name("Updated Project Name")
                        .description("Updated project description")
                        .version_creation_timeout(VersionCreationTimeout::Seconds(300)),
                )
                .await?;
            let empty = s.fetch(m.update_management_project(PROJECT)).await?;
            mode.check(|| {
                ensure_example_project(&project)?;
                ensure_example_project(&empty)
            })
        }
        "delete-management-project" => {
            s.fetch(m.delete_management_project(PROJECT)).await?;
            mode.check(|| expect_status(s, 200))
        }
        "activate-project-public-api-key" => {
            s.fetch(m.activate_project_public_api_key(PROJECT)).await?;
            mode.check(|| expect_status(s, 200))
        }
        "deactivate-project-public-api-key" => {
            s.fetch(m.deactivate_project_public_api_key(PROJECT))
                .await?;
            mode.check(|| expect_status(s, 200))
        }
        "roll-project-public-api-key" => {
            let rolled = s
                .fetch(
                    m.roll_project_public_api_key(PROJECT)
                        .expiration_in(KeyExpiration::OneHour),
                )
                .await?;
            let now = s.fetch(m.roll_project_public_api_key(PROJECT)).await?;
            mode.check(|| {
                for key in [&rolled.public_key, &now.public_key] {
                    ensure_eq(
                        "publicKey",
                        (key.activated, key.created_at, key.value.as_str()),
                        (true, ts("2024-09-03T12:34:56.000Z"), "pk_dev_123"),
                    )?;
                }
                Ok(())
            })
        }
        "roll-project-secret-api-key" => {
            let rolled = s
                .fetch(
                    m.roll_project_secret_api_key(PROJECT)
                        .expiration_in(KeyExpiration::ThreeDays)
                        .new_key_expiration_in(NewKeyExpiration::OneYear),
                )
                .await?;
            let now = s.fetch(m.roll_project_secret_api_key(PROJECT)).await?;
            mode.check(|| {
                for key in [&rolled.secret_key, &now.secret_key] {
                    ensure_eq(
                        "secretKey",
                        (key.created_at, key.value.as_str()),
                        (ts("2024-09-03T12:34:56.000Z"), "sk_dev_123"),
                    )?;
                }
                Ok(())
            })
        }
        "get-management-webhooks" => {
            let page = s
                .fetch(
                    m.get_management_webhooks(PROJECT)
                        .limit(100)
                        .cursor(cursor()),
                )
                .await?;
            mode.check(|| {
                single(&page, None)?;
                ensure_example_webhook(&page.data[0])
            })
        }
        "create-management-webhook" => {
            let webhook = s
                .fetch(
                    m.create_management_webhook(
                        PROJECT,
                        "https://example.com/webhooks",
                        [
                            ManagementWebhookEvent::StorageUpdated,
                            ManagementWebhookEvent::UserEntered,
                        ],
                    )
                    .rate_limit(100)
                    .additional_header("X-Custom-Header", "value")
                    .storage_updated_throttle_seconds(10)
                    .y_doc_updated_throttle_seconds(10),
                )
                .await?;
            let minimal = s
                .fetch(m.create_management_webhook(
                    PROJECT,
                    "https://example.com/hooks/minimal",
                    [ManagementWebhookEvent::Notification],
                ))
                .await?;
            mode.check(|| {
                ensure_example_webhook(&webhook)?;
                ensure_example_webhook(&minimal)
            })
        }
        "get-management-webhook" => {
            let webhook = s.fetch(m.get_management_webhook(PROJECT, WEBHOOK)).await?;
            mode.check(|| ensure_example_webhook(&webhook))
        }
        "update-management-webhook" => {
            let webhook = s
                .fetch(
                    m.update_management_webhook(PROJECT, WEBHOOK)
                        .url("https://example.com/webhooks/v2")
                        .subscribed_events([
                            ManagementWebhookEvent::ThreadCreated,
                            ManagementWebhookEvent::YdocUpdated,
                        ])
                        .rate_limit(65534)
                        .storage_updated_throttle_seconds(5)
                        .y_doc_updated_throttle_seconds(5)
                        .disabled(true),
                )
                .await?;
            let empty = s
                .fetch(m.update_management_webhook(PROJECT, WEBHOOK))
                .await?;
            mode.check(|| {
                ensure_example_webhook(&webhook)?;
                ensure_example_webhook(&empty)
            })
        }
        "delete-management-webhook" => {
            s.fetch(m.delete_management_webhook(PROJECT, WEBHOOK))
                .await?;
            mode.check(|| expect_status(s, 200))
        }
        "roll-management-webhook-secret" => {
            let rolled = s
                .fetch(m.roll_management_webhook_secret(PROJECT, WEBHOOK))
                .await?;
            mode.check(|| {
                ensure_eq(
                    "rolled",
                    (rolled.secret.value.as_str(), rolled.message.as_str()),
                    (
                        "whsec_new_abc123",
                        "Previous secret remains valid for 24 hours.",
                    ),
                )
            })
        }
        "upsert-management-webhook-additional-headers" => {
            let headers = s
                .fetch(m.upsert_management_webhook_additional_headers(
                    PROJECT,
                    WEBHOOK,
                    [("X-Custom-Header", "value"), ("X-Another-Header", "other")],
                ))
                .await?;
            mode.check(|| {
                ensure_eq(
                    "headers",
                    headers.headers.into_iter().collect::<Vec<_>>(),
                    vec![("X-Custom-Header".to_owned(), "value".to_owned())],
                )
            })
        }
        "get-management-webhook-additional-headers" => {
            let headers = s
                .fetch(m.get_management_webhook_additional_headers(PROJECT, WEBHOOK))
                .await?;
            mode.check(|| {
                ensure_eq(
                    "headers",
                    headers.headers.into_iter().collect::<Vec<_>>(),
                    vec![("X-Custom-Header".to_owned(), "value".to_owned())],
                )
            })
        }
        "delete-management-webhook-additional-headers" => {
            let headers = s
                .fetch(m.delete_management_webhook_additional_headers(
                    PROJECT,
                    WEBHOOK,
                    ["X-Custom-Header", "X-Another-Header"],
                ))
                .await?;
            mode.check(|| {
                ensure_eq(
                    "remaining headers",
                    headers.headers.into_iter().collect::<Vec<_>>(),
                    vec![("X-Remaining-Header".to_owned(), "value".to_owned())],
                )
            })
        }
        "recover-failed-webhook-messages" => {
            s.fetch(m.recover_failed_webhook_messages(
                PROJECT,
                WEBHOOK,
                ts("2026-01-21T00:00:00.000Z"),
            ))
            .await?;
            mode.check(|| expect_status(s, 200))
        }
        "send-test-webhook" => {
            let sent = s
                .fetch(m.send_test_webhook(
                    PROJECT,
                    WEBHOOK,
                    ManagementWebhookEvent::StorageUpdated,
                ))
                .await?;
            mode.check(|| {
                ensure_eq(
                    "message",
                    (sent.message.id.as_str(), sent.message.delivered_at),
                    ("msg_abc123", Some(ts("2024-09-03T12:34:56.000Z"))),
                )
            })
        }

        other => Err(Failure::Check(format!("no exercise for operation {other}"))),
    }
}
