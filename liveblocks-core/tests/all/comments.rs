//! Comments and attachments: the exact request of every operation, the decoding of the spec's
//! examples, the comment body / reaction / metadata unions, and input and error cases.



use bytes::Bytes;
use crate::common::*;
use http::Method;
use liveblocks_core::attachments::*;
use liveblocks_core::comments::*;
use liveblocks_core::models::attachments::*;
use liveblocks_core::models::comments::*;
use liveblocks_core::models::Timestamp;
use liveblocks_core::{Endpoint, Error};
use serde_json::{json, Value};

const THREAD: &str = "th:1/α ?#";
const THREAD_ENC: &str = "th%3A1%2F%CE%B1%20%3F%23";
const COMMENT: &str = "cm 1&x=y";
const COMMENT_ENC: &str = "cm%201%26x%3Dy";
const ATTACHMENT: &str = "at_abc123456789012345678";
const UPLOAD: &str = "up/1?x";
const UPLOAD_ENC: &str = "up%2F1%3Fx";
const NAME: &str = "my file/é.png";
const NAME_ENC: &str = "my%20file%2F%C3%A9.png";
const FAMILY: &str = "👨‍👩‍👧";

fn ts(s: &str) -> Timestamp {
    s.parse().expect("valid timestamp")
}

fn thread_path(rest: &str) -> String {
    format!("/rooms/{ROOM_ENC}/threads/{THREAD_ENC}{rest}")
}

fn comment_path(rest: &str) -> String {
    thread_path(&format!("/comments/{COMMENT_ENC}{rest}"))
}

fn attachment_path(rest: &str) -> String {
    format!("/rooms/{ROOM_ENC}/attachments/{ATTACHMENT}{rest}")
}

/// Asserts the call failed with `InvalidInput` before any request reached the transport.
fn assert_rejected<O: std::fmt::Debug>(
    call: impl FnOnce(&MockClient) -> Result<O, Error>,
    needle: &str,
) {
    let mock = Mock::new(Reply::empty(500));
    let err = call(&mock.client).unwrap_err();
    assert!(err.is_invalid_input(), "{err:?}");
    assert!(err.to_string().contains(needle), "{err} lacks {needle:?}");
    assert_eq!(mock.calls(), 0, "nothing may be sent");
}

// ---------------------------------------------------------------------------------------
// Spec examples
// ---------------------------------------------------------------------------------------

/// The spec's `get-thread` / `get-threads` response example item (comment body `{}`).
fn spec_thread() -> Value {
    json!({
        "type": "thread", "id": "thread-id", "roomId": "room-id",
        "comments": [{
            "type": "comment", "threadId": "thread-id", "roomId": "room-id", "id": "comment-id",
            "userId": "string", "createdAt": "2019-08-24T14:15:22Z",
            "editedAt": "2019-08-24T14:15:22Z", "deletedAt": "2019-08-24T14:15:22Z",
            "body": {}, "metadata": {}, "reactions": [], "attachments": []
        }],
        "createdAt": "2019-08-24T14:15:22Z", "metadata": {}, "resolved": false,
        "visibility": "public", "updatedAt": "2019-08-24T14:15:22Z"
    })
}

/// The `Thread` schema example (comment body with version and content).
fn schema_thread() -> Value {
    json!({
        "type": "thread", "id": "th_abc123", "roomId": "my-room-id",
        "comments": [{
            "type": "comment", "threadId": "th_abc123", "roomId": "my-room-id", "id": "cm_abc123",
            "userId": "alice", "createdAt": "2022-07-13T14:32:50.697Z",
            "body": {"version": 1, "content": []},
            "metadata": {}, "reactions": [], "attachments": []
        }],
        "createdAt": "2022-07-13T14:32:50.697Z", "updatedAt": "2022-07-13T14:32:50.697Z",
        "metadata": {"color": "blue"}, "resolved": false, "visibility": "public"
    })
}

/// The spec's `create-comment` / `edit-comment` response example.
fn spec_comment() -> Value {
    json!({
        "type": "comment", "threadId": "thread-id", "roomId": "room-id", "id": "comment-id",
        "userId": "alice", "createdAt": "2022-07-13T14:32:50.697Z", "body": {},
        "metadata": {}, "reactions": [], "attachments": []
    })
}

/// A realistic comment: a rich body, metadata, both reaction shapes, an attachment.
fn rich_comment() -> Value {
    json!({
        "type": "comment", "threadId": "th_1", "roomId": "room", "id": "cm_1",
        "userId": "alice", "createdAt": "2024-01-01T10:00:00.123Z",
        "editedAt": "2024-01-01T11:00:00.123Z",
        "body": {"version": 1, "content": [
            {"type": "paragraph", "children": [
                {"text": "Hi "},
                {"type": "mention", "kind": "user", "id": "bob"},
                {"text": " see ", "italic": true},
                {"type": "link", "url": "https://liveblocks.io", "text": "docs"},
                {"text": "now", "bold": true, "strikethrough": false, "code": true}
            ]},
            {"type": "paragraph", "children": [
                {"type": "mention", "kind": "group", "id": "design", "userIds": ["carol", "dan"]}
            ]}
        ]},
        "metadata": {"tag": "important", "spam": false, "score": 4.5, "count": 3},
        "reactions": [
            {"userId": "bob", "emoji": "👍", "createdAt": "2024-01-01T10:01:00.123Z"},
            {"emoji": "🎉", "createdAt": "2024-01-01T10:02:00.123Z", "users": [{"id": "carol"}]}
        ],
        "attachments": [
            {"type": "attachment", "id": "at_abc123", "mimeType": "image/png",
             "name": "screenshot.png", "size": 12345}
        ]
    })
}

fn attachment_example() -> Value {
    json!({"type": "attachment", "id": "at_abc123", "mimeType": "image/png",
           "name": "screenshot.png", "size": 12345})
}

fn assert_spec_thread(thread: &Thread) {
    assert_eq!(thread.object_type, "thread");
    assert_eq!(thread.id, "thread-id");
    assert_eq!(thread.room_id, "room-id");
    assert_eq!(thread.created_at, ts("2019-08-24T14:15:22Z"));
    assert_eq!(thread.updated_at, ts("2019-08-24T14:15:22Z"));
    assert!(!thread.resolved);
    assert_eq!(thread.visibility, ThreadVisibility::Public);
    assert!(thread.metadata.is_empty());
    let comment = &thread.comments[0];
    assert_eq!(comment.object_type, "comment");
    assert_eq!(comment.id, "comment-id");
    assert_eq!(comment.thread_id, "thread-id");
    assert_eq!(comment.user_id, "string");
    assert_eq!(comment.edited_at, Some(ts("2019-08-24T14:15:22Z")));
    assert_eq!(comment.deleted_at, Some(ts("2019-08-24T14:15:22Z")));
    // The examples' `body: {}` holds no content: it decodes as no body.
    assert_eq!(comment.body, None);
    assert!(comment.reactions.is_empty() && comment.attachments.is_empty());
}

fn assert_schema_thread(thread: &Thread) {
    assert_eq!(thread.id, "th_abc123");
    assert_eq!(
        thread.metadata.get("color"),
        Some(&MetadataValue::from("blue"))
    );
    let comment = &thread.comments[0];
    assert_eq!(comment.user_id, "alice");
    assert_eq!(comment.created_at, ts("2022-07-13T14:32:50.697Z"));
    assert_eq!(comment.body, Some(CommentBody::new([])));
    assert_eq!(comment.edited_at, None);
}

// ---------------------------------------------------------------------------------------
// Threads
// ---------------------------------------------------------------------------------------

#[test]
fn get_threads() {
    let threads = check_op(
        Reply::value(200, json!({"data": [spec_thread()]})),
        |c| c.get_threads(ROOM).send(),
        GetThreads::new(ROOM),
        &expect(
            Method::GET,
            &format!("/rooms/{ROOM_ENC}/threads"),
            Body::None,
        ),
    );
    assert_eq!(threads.data.len(), 1);
    assert_spec_thread(&threads.data[0]);

    let query = r#"metadata["status"]:"open" AND resolved:true"#;
    let threads = check_op(
        Reply::value(200, json!({"data": [schema_thread()]})),
        |c| c.get_threads(ROOM).query(query).send(),
        GetThreads::new(ROOM).query(query),
        &expect(
            Method::GET,
            &format!(
                "/rooms/{ROOM_ENC}/threads?query=metadata%5B%22status%22%5D%3A%22open%22%20AND%20resolved%3Atrue"
            ),
            Body::None,
        ),
    );
    assert_schema_thread(&threads.data[0]);
}

#[test]
fn create_thread_minimal() {
    let thread = check_op(
        Reply::value(200, schema_thread()),
        |c| c.create_thread(ROOM, "alice", "Hello").send(),
        CreateThread::new(ROOM, "alice", CommentBody::text("Hello")),
        &expect(
            Method::POST,
            &format!("/rooms/{ROOM_ENC}/threads"),
            Body::Json(json!({"comment": {
                "userId": "alice",
                "body": {"version": 1, "content": [
                    {"type": "paragraph", "children": [{"text": "Hello"}]}
                ]}
            }})),
        ),
    );
    assert_schema_thread(&thread);
}

#[test]
fn create_thread_full() {
    let at = ts("2022-07-13T14:32:50.697Z");
    let expected_body = json!({
        "comment": {
            "userId": "alice",
            "createdAt": "2022-07-13T14:32:50.697Z",
            "body": {"version": 1, "content": []},
            "metadata": {"tag": "important", "spam": false},
            "attachmentIds": [ATTACHMENT]
        },
        "metadata": {"color": "blue", "priority": 2},
        "visibility": "private"
    });
    let thread = check_op(
        Reply::value(
            200,
            json!({
                "type": "thread", "id": "thread-id", "roomId": "room-id",
                "comments": [spec_comment()],
                "createdAt": "2022-07-13T14:32:50.697Z", "updatedAt": "2022-07-13T14:32:50.697Z",
                "metadata": {"color": "blue"}, "resolved": false, "visibility": "public"
            }),
        ),
        |c| {
            c.create_thread(ROOM, "alice", CommentBody::new([]))
                .created_at(at)
                .comment_metadata("tag", "important")
                .comment_metadata("spam", false)
                .attachment_ids([ATTACHMENT])
                .metadata("color", "blue")
                .metadata("priority", 2)
                .visibility(ThreadVisibility::Private)
                .send()
        },
        CreateThread::new(ROOM, "alice", CommentBody::new([]))
            .created_at(at)
            .comment_metadata("tag", "important")
            .comment_metadata("spam", false)
            .attachment_ids([ATTACHMENT])
            .metadata("color", "blue")
            .metadata("priority", 2)
            .visibility(ThreadVisibility::Private),
        &expect(
            Method::POST,
            &format!("/rooms/{ROOM_ENC}/threads"),
            Body::Json(expected_body.clone()),
        ),
    );
    assert_eq!(thread.comments[0].body, None);
    assert_eq!(thread.comments[0].user_id, "alice");

    // The body type round-trips the spec's request example, and `from_body` sends it as is.
    let spec_request = json!({
        "comment": {
            "userId": "alice", "createdAt": "2022-07-13T14:32:50.697Z",
            "body": {"version": 1, "content": []},
            "metadata": {"tag": "important", "spam": false}
        },
        "metadata": {"color": "blue"}
    });
    let body: CreateThreadRequestBody = serde_json::from_value(spec_request.clone()).unwrap();
    assert_eq!(serde_json::to_value(&body).unwrap(), spec_request);
    let request = CreateThread::from_body(ROOM, body)
        .request(&config())
        .unwrap();
    let sent: Value = serde_json::from_slice(request.body()).unwrap();
    assert_eq!(sent, spec_request);
}

#[test]
fn get_thread() {
    let thread = check_op_with(
        Reply::value(200, spec_thread()),
        |c| c.get_thread(ROOM, THREAD).send(),
        GetThread::new(ROOM, THREAD),
        &expect(Method::GET, &thread_path(""), Body::None),
        &[("threadId", THREAD_ENC)],
    );
    assert_spec_thread(&thread);
    let thread: Thread = serde_json::from_value(schema_thread()).unwrap();
    assert_schema_thread(&thread);
}

#[test]
fn delete_thread() {
    check_op_with(
        Reply::empty(204),
        |c| c.delete_thread(ROOM, THREAD).send(),
        DeleteThread::new(ROOM, THREAD),
        &expect(Method::DELETE, &thread_path(""), Body::None),
        &[("threadId", THREAD_ENC)],
    );
}

#[test]
#[allow(deprecated)]
fn get_thread_participants() {
    let participants = check_op_with(
        Reply::value(200, json!({"participantIds": ["user-1", "user-2"]})),
        |c| c.get_thread_participants(ROOM, THREAD).send(),
        GetThreadParticipants::new(ROOM, THREAD),
        &expect(Method::GET, &thread_path("/participants"), Body::None),
        &[("threadId", THREAD_ENC)],
    );
    assert_eq!(participants.participant_ids, ["user-1", "user-2"]);
}

#[test]
fn edit_thread_metadata() {
    let at = ts("2023-07-13T14:32:50.697Z");
    let metadata = check_op_with(
        Reply::value(
            200,
            json!({"color": "yellow", "priority": 2, "urgent": true}),
        ),
        |c| {
            c.edit_thread_metadata(ROOM, THREAD, "alice")
                .metadata("color", "yellow")
                .metadata("priority", 2)
                .metadata("urgent", true)
                .remove_metadata("owner")
                .updated_at(at)
                .send()
        },
        EditThreadMetadata::from_update(
            ROOM,
            THREAD,
            MetadataUpdate::new("alice")
                .set("color", "yellow")
                .set("priority", 2)
                .set("urgent", true)
                .remove("owner")
                .updated_at(at),
        ),
        &expect(
            Method::POST,
            &thread_path("/metadata"),
            Body::Json(json!({
                "metadata": {"color": "yellow", "priority": 2, "urgent": true, "owner": null},
                "userId": "alice",
                "updatedAt": "2023-07-13T14:32:50.697Z"
            })),
        ),
        &[("threadId", THREAD_ENC)],
    );
    assert_eq!(metadata["color"], MetadataValue::from("yellow"));
    assert_eq!(metadata["priority"].as_f64(), Some(2.0));
    assert_eq!(metadata["urgent"].as_bool(), Some(true));

    // An empty edit still sends the required `metadata` object and `userId`.
    check_op_with(
        Reply::value(200, json!({"color": "yellow"})),
        |c| c.edit_thread_metadata(ROOM, THREAD, "alice").send(),
        EditThreadMetadata::new(ROOM, THREAD, "alice"),
        &expect(
            Method::POST,
            &thread_path("/metadata"),
            Body::Json(json!({"metadata": {}, "userId": "alice"})),
        ),
        &[("threadId", THREAD_ENC)],
    );
}

#[test]
fn edit_thread_metadata_spec_request_example() {
    // The spec's example says `createdAt` where the schema says `updatedAt`; the unknown key
    // is ignored when reading, and only schema fields are written back.
    let example = json!({"metadata": {"color": "yellow"}, "userId": "alice",
                         "createdAt": "2023-07-13T14:32:50.697Z"});
    let update: EditThreadMetadataRequestBody = serde_json::from_value(example).unwrap();
    assert_eq!(update.updated_at, None);
    assert_eq!(
        serde_json::to_value(&update).unwrap(),
        json!({"metadata": {"color": "yellow"}, "userId": "alice"})
    );
}

#[test]
fn mark_thread_as_resolved_and_unresolved() {
    let mut resolved = schema_thread();
    resolved["resolved"] = json!(true);
    let thread = check_op_with(
        Reply::value(200, resolved),
        |c| c.mark_thread_as_resolved(ROOM, THREAD, "alice").send(),
        MarkThreadAsResolved::new(ROOM, THREAD, "alice"),
        &expect(
            Method::POST,
            &thread_path("/mark-as-resolved"),
            Body::Json(json!({"userId": "alice"})),
        ),
        &[("threadId", THREAD_ENC)],
    );
    assert!(thread.resolved);

    let thread = check_op_with(
        Reply::value(200, schema_thread()),
        |c| c.mark_thread_as_unresolved(ROOM, THREAD, "alice").send(),
        MarkThreadAsUnresolved::new(ROOM, THREAD, "alice"),
        &expect(
            Method::POST,
            &thread_path("/mark-as-unresolved"),
            Body::Json(json!({"userId": "alice"})),
        ),
        &[("threadId", THREAD_ENC)],
    );
    assert!(!thread.resolved);
}

#[test]
fn subscribe_and_unsubscribe() {
    let subscription = check_op_with(
        Reply::value(
            200,
            json!({"kind": "thread", "subjectId": "th_abc123",
                   "createdAt": "2022-07-13T14:32:50.697Z"}),
        ),
        |c| c.subscribe_to_thread(ROOM, THREAD, "alice").send(),
        SubscribeToThread::new(ROOM, THREAD, "alice"),
        &expect(
            Method::POST,
            &thread_path("/subscribe"),
            Body::Json(json!({"userId": "alice"})),
        ),
        &[("threadId", THREAD_ENC)],
    );
    assert_eq!(subscription.kind, SubscriptionKind::Thread);
    assert_eq!(subscription.subject_id, "th_abc123");
    assert_eq!(subscription.created_at, ts("2022-07-13T14:32:50.697Z"));

    // 200 with no body, or with one: both are fine.
    for reply in [Reply::empty(200), Reply::json(200, r#"{"success":true}"#)] {
        check_op_with(
            reply,
            |c| c.unsubscribe_from_thread(ROOM, THREAD, "alice").send(),
            UnsubscribeFromThread::new(ROOM, THREAD, "alice"),
            &expect(
                Method::POST,
                &thread_path("/unsubscribe"),
                Body::Json(json!({"userId": "alice"})),
            ),
            &[("threadId", THREAD_ENC)],
        );
    }
}

#[test]
fn get_thread_subscriptions() {
    let subscriptions = check_op_with(
        Reply::value(
            200,
            json!({"data": [
                {"kind": "thread", "subjectId": "th_abc123",
                 "createdAt": "2022-07-13T14:32:50.697Z", "userId": "alice"},
                {"kind": "someday", "subjectId": "x", "createdAt": "2022-07-13T14:32:50Z"}
            ]}),
        ),
        |c| c.get_thread_subscriptions(ROOM, THREAD).send(),
        GetThreadSubscriptions::new(ROOM, THREAD),
        &expect(Method::GET, &thread_path("/subscriptions"), Body::None),
        &[("threadId", THREAD_ENC)],
    );
    let first = &subscriptions.data[0];
    assert_eq!(first.kind, SubscriptionKind::Thread);
    assert_eq!(first.user_id.as_deref(), Some("alice"));
    assert_eq!(first.subject_id, "th_abc123");
    let second = &subscriptions.data[1];
    assert_eq!(second.kind, SubscriptionKind::Other("someday".into()));
    assert_eq!(second.user_id, None);
}

#[test]
fn get_thread_inbox_notifications() {
    let notifications = check_op_with(
        Reply::value(
            200,
            json!({"data": [
                {"kind": "thread", "id": "in_abc123", "roomId": "my-room-id",
                 "organizationId": "org_123456789", "threadId": "th_abc123",
                 "notifiedAt": "2024-01-15T10:30:00.000Z", "readAt": null, "userId": "alice"},
                {"kind": "thread", "id": "in_def456", "roomId": "my-room-id",
                 "threadId": "th_abc123", "notifiedAt": "2024-01-15T10:30:00.000Z",
                 "readAt": "2024-01-16T08:00:00.000Z", "userId": "bob"}
            ]}),
        ),
        |c| c.get_thread_inbox_notifications(ROOM, THREAD).send(),
        GetThreadInboxNotifications::new(ROOM, THREAD),
        &expect(
            Method::GET,
            &thread_path("/inbox-notifications"),
            Body::None,
        ),
        &[("threadId", THREAD_ENC)],
    );
    let [alice, bob] = &notifications.data[..] else {
        panic!("two notifications expected")
    };
    assert_eq!(alice.kind, "thread");
    assert_eq!(alice.id, "in_abc123");
    assert_eq!(alice.thread_id, "th_abc123");
    assert_eq!(alice.organization_id.as_deref(), Some("org_123456789"));
    assert_eq!(alice.read_at, None);
    assert_eq!(alice.notified_at, ts("2024-01-15T10:30:00.000Z"));
    assert_eq!(alice.user_id, "alice");
    assert_eq!(bob.read_at, Some(ts("2024-01-16T08:00:00.000Z")));
    assert_eq!(bob.organization_id, None);
    let back = serde_json::to_value(alice).unwrap();
    assert_eq!(
        back["readAt"],
        Value::Null,
        "readAt is written even when null"
    );

    // `userId` and `readAt` are required (readAt may be null, but not missing).
    for missing in ["userId", "readAt", "threadId"] {
        let mut item = json!({"kind": "thread", "id": "in_1", "roomId": "r", "threadId": "t",
                              "notifiedAt": "2024-01-15T10:30:00.000Z", "readAt": null,
                              "userId": "alice"});
        item.as_object_mut().unwrap().remove(missing);
        let endpoint = GetThreadInboxNotifications::new(ROOM, THREAD);
        let err = endpoint
            .response(response(200, &json!({"data": [item]}).to_string()))
            .unwrap_err();
        let decode = decode_error(&err);
        assert!(decode.path.starts_with("data[0]"), "{}", decode.path);
        assert!(decode.message.contains(missing), "{}", decode.message);
    }
}

// ---------------------------------------------------------------------------------------
// Comments
// ---------------------------------------------------------------------------------------

#[test]
fn create_comment() {
    let at = ts("2022-07-13T14:32:50.697Z");
    let comment = check_op_with(
        Reply::value(200, spec_comment()),
        |c| {
            c.create_comment(ROOM, THREAD, "alice", CommentBody::new([]))
                .created_at(at)
                .metadata("tag", "important")
                .metadata("spam", false)
                .send()
        },
        CreateComment::new(ROOM, THREAD, "alice", CommentBody::new([]))
            .created_at(at)
            .metadata("tag", "important")
            .metadata("spam", false),
        // The spec's request example, exactly.
        &expect(
            Method::POST,
            &thread_path("/comments"),
            Body::Json(json!({
                "userId": "alice", "createdAt": "2022-07-13T14:32:50.697Z",
                "body": {"version": 1, "content": []},
                "metadata": {"tag": "important", "spam": false}
            })),
        ),
        &[("threadId", THREAD_ENC)],
    );
    assert_eq!(comment.id, "comment-id");
    assert_eq!(comment.user_id, "alice");
    assert_eq!(comment.created_at, at);
    assert_eq!(comment.body, None);

    let comment = check_op_with(
        Reply::value(200, rich_comment()),
        |c| {
            c.create_comment(ROOM, THREAD, "alice", "See attached")
                .attachment_ids([ATTACHMENT, "at_other"])
                .send()
        },
        CreateComment::new(ROOM, THREAD, "alice", "See attached")
            .attachment_ids([ATTACHMENT, "at_other"]),
        &expect(
            Method::POST,
            &thread_path("/comments"),
            Body::Json(json!({
                "userId": "alice",
                "body": {"version": 1, "content": [
                    {"type": "paragraph", "children": [{"text": "See attached"}]}
                ]},
                "attachmentIds": [ATTACHMENT, "at_other"]
            })),
        ),
        &[("threadId", THREAD_ENC)],
    );
    assert_eq!(comment.attachments[0].id, "at_abc123");
}

#[test]
fn get_comment() {
    let comment = check_op_with(
        Reply::value(
            200,
            json!({
                "type": "comment", "threadId": "thread-id", "roomId": "room-id", "id": "comment-id",
                "userId": "alice", "createdAt": "2019-08-24T14:15:22Z",
                "editedAt": "2019-08-24T14:15:22Z", "deletedAt": "2019-08-24T14:15:22Z",
                "body": {}, "metadata": {}, "reactions": [], "attachments": []
            }),
        ),
        |c| c.get_comment(ROOM, THREAD, COMMENT).send(),
        GetComment::new(ROOM, THREAD, COMMENT),
        &expect(Method::GET, &comment_path(""), Body::None),
        &[("threadId", THREAD_ENC), ("commentId", COMMENT_ENC)],
    );
    assert_eq!(comment.deleted_at, Some(ts("2019-08-24T14:15:22Z")));
    assert_eq!(comment.body, None);

    // A rich comment decodes every part, and re-encodes to the same JSON.
    let comment: Comment = serde_json::from_value(rich_comment()).unwrap();
    let body = comment.body.as_ref().unwrap();
    assert_eq!(body.plain_text(), "Hi @bob see docsnow\n@design");
    assert_eq!(comment.metadata["score"].as_f64(), Some(4.5));
    assert_eq!(comment.metadata["count"], MetadataValue::Number(3.0));
    assert_eq!(comment.metadata["spam"].as_bool(), Some(false));
    assert_eq!(comment.metadata["tag"].as_str(), Some("important"));
    assert_eq!(comment.reactions[0].user_ids(), ["bob"]);
    assert_eq!(comment.reactions[1].user_ids(), ["carol"]);
    assert_eq!(comment.attachments[0].size, 12345);
    assert_eq!(serde_json::to_value(&comment).unwrap(), rich_comment());
}

#[test]
fn edit_comment() {
    let at = ts("2023-07-13T14:32:50.697Z");
    let mut edited = spec_comment();
    edited["createdAt"] = json!("2023-07-13T14:32:50.697Z");
    let comment = check_op_with(
        Reply::value(200, edited),
        |c| {
            c.edit_comment(ROOM, THREAD, COMMENT, CommentBody::new([]))
                .edited_at(at)
                .send()
        },
        EditComment::new(ROOM, THREAD, COMMENT, CommentBody::new([])).edited_at(at),
        // The spec's request example.
        &expect(
            Method::POST,
            &comment_path(""),
            Body::Json(json!({
                "editedAt": "2023-07-13T14:32:50.697Z",
                "body": {"version": 1, "content": []}
            })),
        ),
        &[("threadId", THREAD_ENC), ("commentId", COMMENT_ENC)],
    );
    assert_eq!(comment.created_at, at);

    check_op_with(
        Reply::value(200, rich_comment()),
        |c| {
            c.edit_comment(ROOM, THREAD, COMMENT, "v2")
                .metadata("reviewed", true)
                .attachment_ids(Vec::<String>::new())
                .send()
        },
        EditComment::new(ROOM, THREAD, COMMENT, "v2")
            .metadata("reviewed", true)
            .attachment_ids(Vec::<String>::new()),
        &expect(
            Method::POST,
            &comment_path(""),
            Body::Json(json!({
                "body": {"version": 1, "content": [
                    {"type": "paragraph", "children": [{"text": "v2"}]}
                ]},
                "metadata": {"reviewed": true},
                "attachmentIds": []
            })),
        ),
        &[("threadId", THREAD_ENC), ("commentId", COMMENT_ENC)],
    );
}

#[test]
fn delete_comment() {
    check_op_with(
        Reply::empty(204),
        |c| c.delete_comment(ROOM, THREAD, COMMENT).send(),
        DeleteComment::new(ROOM, THREAD, COMMENT),
        &expect(Method::DELETE, &comment_path(""), Body::None),
        &[("threadId", THREAD_ENC), ("commentId", COMMENT_ENC)],
    );
}

#[test]
fn add_and_remove_comment_reaction() {
    let at = ts("2022-07-13T14:32:50.697Z");
    let reaction = check_op_with(
        Reply::value(
            200,
            json!({"emoji": FAMILY, "createdAt": "2022-07-13T14:32:50.697Z", "userId": "alice"}),
        ),
        |c| {
            c.add_comment_reaction(ROOM, THREAD, COMMENT, "alice", FAMILY)
                .created_at(at)
                .send()
        },
        AddCommentReaction::new(ROOM, THREAD, COMMENT, "alice", FAMILY).created_at(at),
        &expect(
            Method::POST,
            &comment_path("/add-reaction"),
            Body::Json(
                json!({"emoji": FAMILY, "createdAt": "2022-07-13T14:32:50.697Z",
                              "userId": "alice"}),
            ),
        ),
        &[("threadId", THREAD_ENC), ("commentId", COMMENT_ENC)],
    );
    assert_eq!(reaction.emoji, FAMILY);
    assert_eq!(reaction.user_id, "alice");
    assert_eq!(reaction.created_at, at);

    check_op_with(
        Reply::value(
            200,
            json!({"emoji": "👍", "createdAt": "2022-07-13T14:32:50Z", "userId": "bob"}),
        ),
        |c| {
            c.add_comment_reaction(ROOM, THREAD, COMMENT, "bob", "👍")
                .send()
        },
        AddCommentReaction::new(ROOM, THREAD, COMMENT, "bob", "👍"),
        &expect(
            Method::POST,
            &comment_path("/add-reaction"),
            Body::Json(json!({"emoji": "👍", "userId": "bob"})),
        ),
        &[("threadId", THREAD_ENC), ("commentId", COMMENT_ENC)],
    );

    check_op_with(
        Reply::empty(204),
        |c| {
            c.remove_comment_reaction(ROOM, THREAD, COMMENT, "alice", FAMILY)
                .removed_at(at)
                .send()
        },
        RemoveCommentReaction::new(ROOM, THREAD, COMMENT, "alice", FAMILY).removed_at(at),
        &expect(
            Method::POST,
            &comment_path("/remove-reaction"),
            Body::Json(json!({"emoji": FAMILY, "userId": "alice",
                              "removedAt": "2022-07-13T14:32:50.697Z"})),
        ),
        &[("threadId", THREAD_ENC), ("commentId", COMMENT_ENC)],
    );
}

#[test]
fn edit_comment_metadata() {
    let at = ts("2023-07-13T14:32:50.697Z");
    let metadata = check_op_with(
        Reply::value(200, json!({"tag": "important", "reviewed": false})),
        |c| {
            c.edit_comment_metadata(ROOM, THREAD, COMMENT, "alice")
                .remove_metadata("tag")
                .metadata("reviewed", true)
                .updated_at(at)
                .send()
        },
        EditCommentMetadata::new(ROOM, THREAD, COMMENT, "alice")
            .remove_metadata("tag")
            .metadata("reviewed", true)
            .updated_at(at),
        // The spec's request example: `null` removes `tag`.
        &expect(
            Method::POST,
            &comment_path("/metadata"),
            Body::Json(json!({
                "metadata": {"tag": null, "reviewed": true},
                "userId": "alice",
                "updatedAt": "2023-07-13T14:32:50.697Z"
            })),
        ),
        &[("threadId", THREAD_ENC), ("commentId", COMMENT_ENC)],
    );
    assert_eq!(metadata["tag"].as_str(), Some("important"));
    assert_eq!(metadata["reviewed"].as_bool(), Some(false));

    let update: EditCommentMetadataRequestBody = serde_json::from_value(json!({
        "metadata": {"tag": null, "reviewed": true, "n": 1.5}, "userId": "alice"
    }))
    .unwrap();
    assert_eq!(update.metadata["tag"], None);
    assert_eq!(
        update.metadata["reviewed"],
        Some(MetadataValue::Boolean(true))
    );
    assert_eq!(update.metadata["n"], Some(MetadataValue::Number(1.5)));
    let err = serde_json::from_value::<EditCommentMetadataRequestBody>(json!({"metadata": {}}))
        .unwrap_err();
    assert!(err.to_string().contains("userId"), "{err}");
}

// ---------------------------------------------------------------------------------------
// Attachments
// ---------------------------------------------------------------------------------------

#[test]
fn get_attachment() {
    let attachment = check_op_with(
        Reply::value(
            200,
            json!({"type": "attachment", "id": "at_abc123", "mimeType": "image/png",
                   "name": "screenshot.png", "size": 12345,
                   "url": "https://example.com/at_abc123?X-Amz-Expires=3600&X-Amz-Signature=...",
                   "expiresAt": "2026-03-16T14:00:00.000Z"}),
        ),
        |c| c.get_attachment(ROOM, ATTACHMENT).send(),
        GetAttachment::new(ROOM, ATTACHMENT),
        &expect(Method::GET, &attachment_path(""), Body::None),
        &[("attachmentId", ATTACHMENT)],
    );
    assert_eq!(attachment.object_type, "attachment");
    assert_eq!(attachment.id, "at_abc123");
    assert_eq!(attachment.mime_type, "image/png");
    assert_eq!(attachment.name, "screenshot.png");
    assert_eq!(attachment.size, 12345);
    assert!(attachment.url.starts_with("https://example.com/at_abc123?"));
    assert_eq!(attachment.expires_at, ts("2026-03-16T14:00:00.000Z"));
}

#[test]
fn upload_attachment() {
    let attachment = check_op_with(
        Reply::value(200, attachment_example()),
        |c| {
            c.upload_attachment(ROOM, ATTACHMENT, NAME, "alice b", YJS_UPDATE.to_vec())
                .file_size(20)
                .send()
        },
        UploadAttachment::new(
            ROOM,
            ATTACHMENT,
            NAME,
            "alice b",
            Bytes::from_static(YJS_UPDATE),
        )
        .file_size(20),
        &expect(
            Method::PUT,
            &attachment_path(&format!("/upload/{NAME_ENC}?userId=alice%20b&fileSize=20")),
            Body::Binary(YJS_UPDATE.to_vec()),
        ),
        &[("attachmentId", ATTACHMENT), ("name", NAME_ENC)],
    );
    assert_eq!(attachment.id, "at_abc123");
    assert_eq!(attachment.size, 12345);
    assert_eq!(attachment.mime_type, "image/png");

    check_op_with(
        Reply::value(200, attachment_example()),
        |c| {
            c.upload_attachment(ROOM, ATTACHMENT, NAME, "alice", &b""[..])
                .send()
        },
        UploadAttachment::new(ROOM, ATTACHMENT, NAME, "alice", Bytes::new()),
        &expect(
            Method::PUT,
            &attachment_path(&format!("/upload/{NAME_ENC}?userId=alice")),
            Body::Binary(Vec::new()),
        ),
        &[("attachmentId", ATTACHMENT), ("name", NAME_ENC)],
    );
}

#[test]
fn multipart_upload() {
    let upload = check_op_with(
        Reply::value(200, json!({"attachmentId": ATTACHMENT, "uploadId": "up_1"})),
        |c| {
            c.create_attachment_multipart_upload(ROOM, ATTACHMENT, NAME)
                .file_size(10_485_760)
                .send()
        },
        CreateAttachmentMultipartUpload::new(ROOM, ATTACHMENT, NAME).file_size(10_485_760),
        &expect(
            Method::POST,
            &attachment_path(&format!("/multipart/{NAME_ENC}?fileSize=10485760")),
            Body::None,
        ),
        &[("attachmentId", ATTACHMENT), ("name", NAME_ENC)],
    );
    assert_eq!(upload.attachment_id, ATTACHMENT);
    assert_eq!(upload.upload_id, "up_1");

    check_op_with(
        Reply::value(200, json!({"attachmentId": ATTACHMENT, "uploadId": "up_1"})),
        |c| {
            c.create_attachment_multipart_upload(ROOM, ATTACHMENT, NAME)
                .send()
        },
        CreateAttachmentMultipartUpload::new(ROOM, ATTACHMENT, NAME),
        &expect(
            Method::POST,
            &attachment_path(&format!("/multipart/{NAME_ENC}")),
            Body::None,
        ),
        &[("attachmentId", ATTACHMENT), ("name", NAME_ENC)],
    );

    let part = check_op_with(
        Reply::value(200, json!({"partNumber": 3, "etag": "\"abc\""})),
        |c| {
            c.upload_attachment_multipart_part(ROOM, ATTACHMENT, UPLOAD, 3, YJS_UPDATE)
                .send()
        },
        UploadAttachmentMultipartPart::new(ROOM, ATTACHMENT, UPLOAD, 3, YJS_UPDATE),
        &expect(
            Method::PUT,
            &attachment_path(&format!("/multipart/{UPLOAD_ENC}/3")),
            Body::Binary(YJS_UPDATE.to_vec()),
        ),
        &[
            ("attachmentId", ATTACHMENT),
            ("uploadId", UPLOAD_ENC),
            ("partNumber", "3"),
        ],
    );
    assert_eq!(part, AttachmentMultipartPart::new(3, "\"abc\""));

    let attachment = check_op_with(
        Reply::value(200, attachment_example()),
        |c| {
            c.complete_attachment_multipart_upload(
                ROOM,
                ATTACHMENT,
                UPLOAD,
                "alice",
                [AttachmentMultipartPart::new(1, "e1"), part.clone()],
            )
            .send()
        },
        CompleteAttachmentMultipartUpload::new(
            ROOM,
            ATTACHMENT,
            UPLOAD,
            "alice",
            [AttachmentMultipartPart::new(1, "e1"), part.clone()],
        ),
        &expect(
            Method::POST,
            &attachment_path(&format!("/multipart/{UPLOAD_ENC}/complete?userId=alice")),
            Body::Json(json!({"parts": [
                {"partNumber": 1, "etag": "e1"},
                {"partNumber": 3, "etag": "\"abc\""}
            ]})),
        ),
        &[("attachmentId", ATTACHMENT), ("uploadId", UPLOAD_ENC)],
    );
    assert_eq!(attachment.name, "screenshot.png");

    check_op_with(
        Reply::empty(204),
        |c| {
            c.abort_attachment_multipart_upload(ROOM, ATTACHMENT, UPLOAD)
                .send()
        },
        AbortAttachmentMultipartUpload::new(ROOM, ATTACHMENT, UPLOAD),
        &expect(
            Method::DELETE,
            &attachment_path(&format!("/multipart/{UPLOAD_ENC}")),
            Body::None,
        ),
        &[("attachmentId", ATTACHMENT), ("uploadId", UPLOAD_ENC)],
    );
}

#[test]
fn attachment_input_is_checked() {
    for bad in [
        "at_short",
        "at_abc12345678901234567/",
        "fl_abc123456789012345678",
        "",
    ] {
        assert!(!is_valid_attachment_id(bad), "{bad}");
        assert_rejected(
            |c| {
                c.upload_attachment(ROOM, bad, NAME, "alice", &b"x"[..])
                    .send()
            },
            "attachment ID",
        );
        assert_rejected(
            |c| c.create_attachment_multipart_upload(ROOM, bad, NAME).send(),
            "attachment ID",
        );
        assert_rejected(
            |c| {
                c.upload_attachment_multipart_part(ROOM, bad, UPLOAD, 1, &b"x"[..])
                    .send()
            },
            "attachment ID",
        );
        assert_rejected(
            |c| {
                c.abort_attachment_multipart_upload(ROOM, bad, UPLOAD)
                    .send()
            },
            "attachment ID",
        );
    }
    assert!(is_valid_attachment_id("at_-_abcdefghijABCDEFGHI"));
    assert_rejected(
        |c| {
            c.upload_attachment_multipart_part(ROOM, ATTACHMENT, UPLOAD, 0, &b"x"[..])
                .send()
        },
        "partNumber",
    );
    assert_rejected(
        |c| {
            c.complete_attachment_multipart_upload(ROOM, ATTACHMENT, UPLOAD, "alice", [])
                .send()
        },
        "parts",
    );
    assert_rejected(
        |c| {
            c.complete_attachment_multipart_upload(
                ROOM,
                ATTACHMENT,
                UPLOAD,
                "alice",
                [AttachmentMultipartPart::new(0, "e")],
            )
            .send()
        },
        "partNumber",
    );
    assert_rejected(
        |c| {
            c.complete_attachment_multipart_upload(
                ROOM,
                ATTACHMENT,
                UPLOAD,
                "",
                [AttachmentMultipartPart::new(1, "e")],
            )
            .send()
        },
        "userId",
    );
    assert_rejected(
        |c| {
            c.upload_attachment(ROOM, ATTACHMENT, NAME, "", &b"x"[..])
                .send()
        },
        "userId",
    );
    assert_rejected(
        |c| {
            c.upload_attachment(ROOM, ATTACHMENT, "", "alice", &b"x"[..])
                .send()
        },
        "name",
    );
    assert_rejected(
        |c| {
            c.upload_attachment_multipart_part(ROOM, ATTACHMENT, "", 1, &b"x"[..])
                .send()
        },
        "uploadId",
    );
    // get-attachment takes any existing ID (the spec's own example is `at_abc123`).
    let mock = Mock::new(Reply::value(
        200,
        json!({"type": "attachment", "id": "at_abc123", "mimeType": "image/png",
               "name": "a.png", "size": 1, "url": "https://x", "expiresAt": "2026-03-16T14:00:00Z"}),
    ));
    mock.client
        .get_attachment(ROOM, "at_abc123")
        .send()
        .unwrap();
}

// ---------------------------------------------------------------------------------------
// Comment bodies
// ---------------------------------------------------------------------------------------

#[test]
fn comment_body_every_known_element_round_trips() {
    let json = rich_comment()["body"].clone();
    let body: CommentBody = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(body.version, 1);
    let CommentBlock::Paragraph { children } = &body.content[0] else {
        panic!("paragraph expected: {:?}", body.content[0])
    };
    let CommentInline::Text(hi) = &children[0] else {
        panic!("text expected")
    };
    assert_eq!(hi.text, "Hi ");
    assert_eq!((hi.bold, hi.italic), (None, None));
    let CommentInline::Mention(bob) = &children[1] else {
        panic!("mention expected")
    };
    assert_eq!((&bob.kind, bob.id.as_str()), (&MentionKind::User, "bob"));
    let CommentInline::Text(see) = &children[2] else {
        panic!("text expected")
    };
    assert_eq!(see.italic, Some(true));
    let CommentInline::Link(link) = &children[3] else {
        panic!("link expected")
    };
    assert_eq!(link.url, "https://liveblocks.io");
    assert_eq!(link.text.as_deref(), Some("docs"));
    let CommentInline::Text(now) = &children[4] else {
        panic!("text expected")
    };
    assert_eq!(
        (now.bold, now.strikethrough, now.code),
        (Some(true), Some(false), Some(true))
    );
    let CommentBlock::Paragraph { children } = &body.content[1] else {
        panic!("paragraph expected")
    };
    let CommentInline::Mention(group) = &children[0] else {
        panic!("mention expected")
    };
    assert_eq!(group.kind, MentionKind::Group);
    assert_eq!(group.id, "design");
    assert_eq!(
        group.user_ids.as_deref(),
        Some(&["carol".to_owned(), "dan".to_owned()][..])
    );
    assert_eq!(serde_json::to_value(&body).unwrap(), json);

    // The same body, built.
    let mut now = CommentText::new("now").bold().code();
    now.strikethrough = Some(false);
    let built = CommentBody::new([
        CommentBlock::paragraph([
            CommentInline::text("Hi "),
            CommentInline::mention_user("bob"),
            CommentText::new(" see ").italic().into(),
            CommentInline::link("https://liveblocks.io", Some("docs".into())),
            CommentInline::Text(now),
        ]),
        CommentBlock::paragraph([CommentInline::mention_group(
            "design",
            Some(vec!["carol".into(), "dan".into()]),
        )]),
    ]);
    assert_eq!(built, body);
}

#[test]
fn comment_body_unknown_elements_are_kept_raw() {
    let json = json!({"version": 1, "content": [
        {"type": "code-block", "language": "rust", "children": [{"text": "fn main() {}"}]},
        {"type": "paragraph"},
        {"type": "paragraph", "children": "not a list"},
        {"no": "type"},
        "a string block",
        {"type": "paragraph", "children": [
            {"type": "emoji", "name": "smile"},
            {"type": "mention"},
            {"type": "link", "text": "no url"},
            {"type": 7},
            {"bold": true},
            42,
            {"type": "mention", "id": "old-style-user"},
            {"type": "link", "url": "https://x.test"},
            {"text": "t", "underline": true}
        ]}
    ]});
    let body: CommentBody = serde_json::from_value(json.clone()).unwrap();
    for block in &body.content[..5] {
        assert!(matches!(block, CommentBlock::Other(_)), "{block:?}");
    }
    assert_eq!(
        body.content[0],
        CommentBlock::Other(json["content"][0].clone())
    );
    let CommentBlock::Paragraph { children } = &body.content[5] else {
        panic!("paragraph expected")
    };
    for inline in &children[..6] {
        assert!(matches!(inline, CommentInline::Other(_)), "{inline:?}");
    }
    // A mention without `kind` is an older user mention.
    let CommentInline::Mention(old) = &children[6] else {
        panic!("mention expected: {:?}", children[6])
    };
    assert_eq!(
        (&old.kind, old.id.as_str()),
        (&MentionKind::User, "old-style-user")
    );
    let CommentInline::Link(link) = &children[7] else {
        panic!("link expected")
    };
    assert_eq!(link.text, None);
    // Unknown formatting flags on text are ignored.
    let CommentInline::Text(text) = &children[8] else {
        panic!("text expected")
    };
    assert_eq!(text.text, "t");

    // Raw elements are sent back unchanged.
    let back = serde_json::to_value(&body).unwrap();
    let items = |v: &Value| v.as_array().unwrap().clone();
    assert_eq!(items(&back["content"])[..5], items(&json["content"])[..5]);
    assert_eq!(
        items(&back["content"][5]["children"])[..6],
        items(&json["content"][5]["children"])[..6]
    );
    assert_eq!(
        back["content"][5]["children"][6],
        json!({"type": "mention", "kind": "user", "id": "old-style-user"})
    );
    assert_eq!(
        body.plain_text(),
        "\n\n\n\n\n@old-style-userhttps://x.testt"
    );
}

#[test]
fn comment_body_that_is_not_a_body_is_a_typed_error() {
    // `{}` and a missing body read as no body; any other misfit is a decode error with a path.
    let mut comment = spec_comment();
    comment.as_object_mut().unwrap().remove("body");
    let decoded: Comment = serde_json::from_value(comment.clone()).unwrap();
    assert_eq!(decoded.body, None);
    assert!(serde_json::to_value(&decoded)
        .unwrap()
        .get("body")
        .is_none());
    comment["body"] = Value::Null;
    assert_eq!(
        serde_json::from_value::<Comment>(comment.clone())
            .unwrap()
            .body,
        None
    );

    for (bad_body, needle) in [
        (json!({"version": "1", "content": []}), "version"),
        (json!({"content": []}), "version"),
        (json!({"version": 1}), "content"),
        (json!({"version": 1, "content": {}}), "content"),
        (json!("text"), "CommentBody"),
        (json!([]), "CommentBody"),
    ] {
        comment["body"] = bad_body.clone();
        let endpoint = GetComment::new(ROOM, THREAD, COMMENT);
        let err = endpoint
            .response(response(200, &comment.to_string()))
            .unwrap_err();
        let decode = decode_error(&err);
        assert_eq!(decode.path, "body", "{bad_body}");
        assert!(
            decode.message.contains(needle),
            "{bad_body}: {} lacks {needle}",
            decode.message
        );
    }
    // The schema itself is strict: `version` and `content` are required.
    assert!(serde_json::from_value::<CommentBody>(json!({})).is_err());
}

#[test]
fn comment_body_from_text() {
    let body = CommentBody::from("hello");
    assert_eq!(
        serde_json::to_value(&body).unwrap(),
        json!({"version": 1, "content": [{"type": "paragraph", "children": [{"text": "hello"}]}]})
    );
    assert_eq!(CommentBody::from(String::from("hello")), body);
    assert_eq!(body.plain_text(), "hello");
}

// ---------------------------------------------------------------------------------------
// Reactions and metadata
// ---------------------------------------------------------------------------------------

#[test]
fn reactions_decode_in_both_shapes_and_fall_back() {
    let json = json!([
        {"userId": "alice", "emoji": "👍", "createdAt": "2024-01-01T00:00:00.123Z"},
        {"emoji": "🎉", "createdAt": "2024-01-02T00:00:00.123Z",
         "users": [{"id": "bob"}, {"id": "carol"}]},
        {"emoji": "❓"},
        "weird"
    ]);
    let reactions: Vec<Reaction> = serde_json::from_value(json.clone()).unwrap();
    let Reaction::User(alice) = &reactions[0] else {
        panic!("per-user reaction expected")
    };
    assert_eq!(alice.user_id, "alice");
    assert_eq!(reactions[0].emoji(), Some("👍"));
    assert_eq!(
        reactions[0].created_at(),
        Some(ts("2024-01-01T00:00:00.123Z"))
    );
    let Reaction::Grouped(party) = &reactions[1] else {
        panic!("grouped reaction expected")
    };
    assert_eq!(party.users.len(), 2);
    assert_eq!(reactions[1].user_ids(), ["bob", "carol"]);
    assert_eq!(
        reactions[1].created_at(),
        Some(ts("2024-01-02T00:00:00.123Z"))
    );
    for raw in &reactions[2..] {
        assert!(matches!(raw, Reaction::Other(_)), "{raw:?}");
        assert_eq!(raw.emoji(), None);
        assert_eq!(raw.created_at(), None);
        assert!(raw.user_ids().is_empty());
    }
    assert_eq!(serde_json::to_value(&reactions).unwrap(), json);

    // A whole comment with grouped reactions decodes.
    let mut comment = spec_comment();
    comment["reactions"] = json!([json[1].clone()]);
    let comment: Comment = serde_json::from_value(comment).unwrap();
    assert_eq!(comment.reactions[0].emoji(), Some("🎉"));

    // The add-reaction response is strict: all three fields are required.
    for missing in ["userId", "emoji", "createdAt"] {
        let mut reaction = json[0].clone();
        reaction.as_object_mut().unwrap().remove(missing);
        assert!(serde_json::from_value::<CommentReaction>(reaction).is_err());
    }
}

#[test]
fn metadata_values() {
    let metadata: ThreadMetadata =
        serde_json::from_value(json!({"s": "x", "i": 25, "f": -0.5, "b": true, "big": 1e300}))
            .unwrap();
    assert_eq!(metadata["s"], MetadataValue::String("x".into()));
    assert_eq!(metadata["i"], MetadataValue::Number(25.0));
    assert_eq!(metadata["f"], MetadataValue::Number(-0.5));
    assert_eq!(metadata["b"], MetadataValue::Boolean(true));
    assert_eq!(metadata["s"].as_f64(), None);
    assert_eq!(metadata["i"].as_str(), None);
    assert_eq!(metadata["s"].as_bool(), None);
    assert_eq!(
        serde_json::to_string(&metadata).unwrap(),
        r#"{"b":true,"big":1e+300,"f":-0.5,"i":25,"s":"x"}"#
    );
    assert_eq!(MetadataValue::from(3u8), MetadataValue::Number(3.0));
    assert_eq!(MetadataValue::from(-3i32), MetadataValue::Number(-3.0));
    assert_eq!(
        MetadataValue::from(String::from("y")),
        MetadataValue::String("y".into())
    );
    assert_eq!(
        serde_json::to_string(&MetadataValue::from(-7)).unwrap(),
        "-7"
    );

    // Null, lists and objects are not metadata values in responses.
    for bad in [
        json!({"k": null}),
        json!({"k": [1]}),
        json!({"k": {"a": 1}}),
    ] {
        let mut comment = spec_comment();
        comment["metadata"] = bad.clone();
        let err = GetComment::new(ROOM, THREAD, COMMENT)
            .response(response(200, &comment.to_string()))
            .unwrap_err();
        assert_eq!(decode_error(&err).path, "metadata.k", "{bad}");
    }

    // Non-finite numbers can't be sent.
    for n in [f64::NAN, f64::INFINITY] {
        assert!(serde_json::to_string(&MetadataValue::Number(n)).is_err());
        assert_rejected(
            |c| {
                c.edit_thread_metadata(ROOM, THREAD, "alice")
                    .metadata("n", n)
                    .send()
            },
            "not finite",
        );
    }
}

// ---------------------------------------------------------------------------------------
// Input checks and errors
// ---------------------------------------------------------------------------------------

#[test]
fn comment_input_is_checked() {
    assert_rejected(|c| c.get_thread(ROOM, "").send(), "threadId");
    assert_rejected(|c| c.get_comment(ROOM, THREAD, "").send(), "commentId");
    assert_rejected(|c| c.get_threads("").send(), "roomId");
    assert_rejected(|c| c.create_thread(ROOM, "", "x").send(), "userId");
    assert_rejected(|c| c.create_comment(ROOM, THREAD, "", "x").send(), "userId");
    assert_rejected(
        |c| c.mark_thread_as_resolved(ROOM, THREAD, "").send(),
        "userId",
    );
    assert_rejected(|c| c.subscribe_to_thread(ROOM, THREAD, "").send(), "userId");
    assert_rejected(
        |c| c.edit_thread_metadata(ROOM, THREAD, "").send(),
        "userId",
    );
    assert_rejected(
        |c| {
            c.add_comment_reaction(ROOM, THREAD, COMMENT, "alice", "")
                .send()
        },
        "emoji",
    );
    assert_rejected(
        |c| {
            c.remove_comment_reaction(ROOM, THREAD, COMMENT, "", "👍")
                .send()
        },
        "userId",
    );

    let eleven: Vec<String> = (0..11).map(|i| format!("at_{i}")).collect();
    assert_rejected(
        |c| {
            c.create_comment(ROOM, THREAD, "alice", "x")
                .attachment_ids(eleven.clone())
                .send()
        },
        "at most 10",
    );
    assert_rejected(
        |c| {
            c.create_thread(ROOM, "alice", "x")
                .attachment_ids(eleven.clone())
                .send()
        },
        "at most 10",
    );
    assert_rejected(
        |c| {
            c.edit_comment(ROOM, THREAD, COMMENT, "x")
                .attachment_ids([""])
                .send()
        },
        "attachment IDs",
    );

    let long_key = "k".repeat(41);
    assert_rejected(
        |c| {
            c.create_thread(ROOM, "alice", "x")
                .metadata(&*long_key, 1)
                .send()
        },
        "longer than 40",
    );
    assert_rejected(
        |c| {
            c.edit_comment_metadata(ROOM, THREAD, COMMENT, "alice")
                .remove_metadata(&*long_key)
                .send()
        },
        "longer than 40",
    );
    // 4001 UTF-16 units: 2000 astral characters (2 units each) and one more.
    let long_value = format!("{}x", "😀".repeat(2000));
    assert_rejected(
        |c| {
            c.create_comment(ROOM, THREAD, "alice", "x")
                .metadata("k", long_value.as_str())
                .send()
        },
        "longer than 4000",
    );
    assert_rejected(
        |c| {
            c.edit_thread_metadata(ROOM, THREAD, "alice")
                .metadata("k", long_value.as_str())
                .send()
        },
        "longer than 4000",
    );
    let mut thread = CreateThread::new(ROOM, "alice", "x");
    for i in 0..51 {
        thread = thread.comment_metadata(format!("k{i}"), i);
    }
    let err = thread.request(&config()).unwrap_err();
    assert!(err.to_string().contains("51 keys"), "{err}");

    // At the limits, the requests go out.
    let ok_value = "😀".repeat(2000);
    let mut edit = EditComment::new(ROOM, THREAD, COMMENT, "x")
        .metadata("k".repeat(40), ok_value.as_str())
        .attachment_ids((0..10).map(|i| format!("at_{i}")));
    for i in 0..49 {
        edit = edit.metadata(format!("k{i}"), i);
    }
    edit.request(&config()).unwrap();
}

#[test]
fn api_errors_keep_the_spec_error_body() {
    let cases = [
        (404, "Thread not found", "RESOURCE_NOT_FOUND"),
        (409, "Reaction already exists", "RESOURCE_ALREADY_EXISTS"),
        (404, "Comment reaction not found", "RESOURCE_NOT_FOUND"),
    ];
    for (status, message, code) in cases {
        let mock = Mock::new(Reply::value(
            status,
            json!({"error": code, "message": message}),
        ));
        let err = mock
            .client
            .add_comment_reaction(ROOM, THREAD, COMMENT, "alice", "👍")
            .send()
            .unwrap_err();
        let api = api_error(&err);
        assert_eq!(api.status.as_u16(), status);
        assert_eq!(api.code.as_deref(), Some(code));
        assert_eq!(api.message, message);
        assert_eq!(err.is_not_found(), status == 404);
        assert_eq!(err.is_conflict(), status == 409);
    }
    // The dev server answers every comments route with 501.
    let mock = Mock::new(Reply::value(501, json!({"error": "Not implemented"})));
    let err = mock.client.get_threads(ROOM).send().unwrap_err();
    assert_eq!(api_error(&err).status.as_u16(), 501);
    assert!(!err.is_retryable());
}

#[test]
fn truncated_or_foreign_success_bodies_are_decode_errors() {
    for body in ["", "<html>oops</html>", r#"{"data": [{"type": "thread"}]}"#] {
        let err = GetThreads::new(ROOM)
            .response(response(200, body))
            .unwrap_err();
        decode_error(&err);
    }
    let err = GetThreads::new(ROOM)
        .response(response(200, r#"{"data": [{"type": "thread"}]}"#))
        .unwrap_err();
    assert_eq!(decode_error(&err).path, "data[0]");
}

#[test]
fn operations_are_listed_once() {
    let ids: Vec<&str> = liveblocks_core::comments::OPERATIONS
        .iter()
        .chain(liveblocks_core::attachments::OPERATIONS)
        .map(|op| op.id)
        .collect();
    assert_eq!(ids.len(), 25);
    let unique: std::collections::BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), 25);
    for id in &ids {
        assert!(
            liveblocks_core::endpoints::all_operations().any(|op| op.id == *id),
            "{id} is not in all_operations()"
        );
    }
    #[allow(deprecated)]
    let deprecated = GetThreadParticipants::OPERATION;
    assert_eq!(deprecated.id, "get-thread-participants");
}
