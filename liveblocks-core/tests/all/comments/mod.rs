//! Comments and attachments: the exact request of every operation, the decoding of the spec's
//! examples, the comment body / reaction / metadata unions, and input and error cases.

use crate::common::*;
use bytes::Bytes;
use http::Method;
use liveblocks_core::attachments::*;
use liveblocks_core::comments::*;
use liveblocks_core::models::attachments::*;
use liveblocks_core::models::comments::*;
use liveblocks_core::models::Timestamp;
use liveblocks_core::{Endpoint, Error};
use serde_json::{json, Value};

mod attachments;
mod bodies;
mod checks;
mod comment;
mod threads;

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
