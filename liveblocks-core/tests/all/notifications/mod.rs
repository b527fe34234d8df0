//! Notifications, no network: the exact request of each operation, the decoding of
//! the spec's examples and of every inbox notification kind, and input rejected before any
//! request.

#![allow(deprecated)] // The three deprecated room notification settings ops are tested too.

use crate::common::*;
use http::Method;
use liveblocks_core::models::notifications::*;
use liveblocks_core::models::{Cursor, Page, Timestamp};
use liveblocks_core::notifications::*;
use liveblocks_core::{Endpoint, Error};
use serde_json::{json, Value};

mod checks;
mod inbox;
mod room_settings;
mod settings;
mod union;

/// A user ID with characters that must stay inside one path segment.
const USER: &str = "user:alice/β #2?y";
const USER_ENC: &str = "user%3Aalice%2F%CE%B2%20%232%3Fy";
/// An inbox notification ID with a slash.
const NOTIFICATION: &str = "in_abc/123";
const NOTIFICATION_ENC: &str = "in_abc%2F123";

fn user_path(suffix: &str) -> String {
    format!("/users/{USER_ENC}{suffix}")
}

fn room_user_path(suffix: &str) -> String {
    format!("/rooms/{ROOM_ENC}/users/{USER_ENC}{suffix}")
}

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

/// The spec's `InboxNotificationThreadData` example.
const THREAD_BODY: &str = r#"{
    "kind": "thread",
    "id": "in_abc123",
    "roomId": "my-room-id",
    "organizationId": "org_123456789",
    "threadId": "th_abc123",
    "notifiedAt": "2024-01-15T10:30:00.000Z",
    "readAt": null
}"#;

/// The spec's `InboxNotificationCustomData` example (with the spec's literal `custom` kind).
const CUSTOM_BODY: &str = r#"{
    "kind": "custom",
    "id": "in_xyz789",
    "subjectId": "file123",
    "roomId": null,
    "notifiedAt": "2024-01-15T10:30:00.000Z",
    "readAt": null,
    "activities": [
        {"id": "act_abc123", "createdAt": "2024-01-15T10:30:00.000Z", "data": {"url": "url-to-file"}}
    ]
}"#;

/// A text mention as the official client types describe it.
const TEXT_MENTION_BODY: &str = r#"{
    "kind": "textMention",
    "id": "in_tm1",
    "roomId": "my-room-id",
    "notifiedAt": "2024-02-01T08:00:00.000Z",
    "readAt": "2024-02-01T09:00:00.000Z",
    "createdBy": "bob",
    "mentionId": "mn_1",
    "mention": {"kind": "group", "id": "engineering", "userIds": ["alice", "carol"]}
}"#;

/// A custom notification as the API really names it: `$<name>`.
const DOLLAR_CUSTOM_BODY: &str = r#"{
    "kind": "$fileUploaded",
    "id": "in_c2",
    "subjectId": "file123",
    "roomId": "my-room-id",
    "notifiedAt": "2024-03-01T12:00:00Z",
    "readAt": null,
    "activities": [
        {"id": "act_1", "createdAt": "2024-03-01T12:00:00Z",
         "data": {"url": "https://x/f", "size": 2048, "ratio": 0.5, "public": true}},
        {"id": "act_2", "createdAt": "2024-03-01T12:05:00Z", "data": {}}
    ]
}"#;

fn assert_spec_thread(n: &InboxNotificationThreadData) {
    assert_eq!(n.id, "in_abc123");
    assert_eq!(n.kind, "thread");
    assert_eq!(n.room_id, "my-room-id");
    assert_eq!(n.organization_id.as_deref(), Some("org_123456789"));
    assert_eq!(n.thread_id, "th_abc123");
    assert_eq!(n.notified_at, ts("2024-01-15T10:30:00Z"));
    assert_eq!(n.read_at, None);
}

fn assert_spec_custom(n: &InboxNotificationCustomData) {
    assert_eq!(n.id, "in_xyz789");
    assert_eq!(n.kind, "custom");
    assert_eq!(n.subject_id, "file123");
    assert_eq!(n.room_id, None);
    assert_eq!(n.read_at, None);
    assert_eq!(n.notified_at, ts("2024-01-15T10:30:00Z"));
    assert_eq!(n.activities.len(), 1);
    let activity = &n.activities[0];
    assert_eq!(activity.id, "act_abc123");
    assert_eq!(activity.created_at, ts("2024-01-15T10:30:00Z"));
    assert_eq!(activity.data["url"], ActivityValue::from("url-to-file"));
}
