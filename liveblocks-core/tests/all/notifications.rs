//! Notifications, no network: the exact request of each of the 16 operations, the decoding of
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

// ---------------------------------------------------------------------------------------
// Inbox notifications
// ---------------------------------------------------------------------------------------

#[test]
fn get_inbox_notification() {
    let params = [
        ("userId", USER_ENC),
        ("inboxNotificationId", NOTIFICATION_ENC),
    ];
    let expected = expect(
        Method::GET,
        &user_path(&format!("/inbox-notifications/{NOTIFICATION_ENC}")),
        Body::None,
    );
    let out = check_op_with(
        Reply::json(200, THREAD_BODY),
        |c| c.get_inbox_notification(USER, NOTIFICATION).send(),
        GetInboxNotification::new(USER, NOTIFICATION),
        &expected,
        &params,
    );
    let InboxNotification::Thread(thread) = &out else {
        panic!("expected a thread notification, got {out:?}")
    };
    assert_spec_thread(thread);
    assert_eq!(out.id(), Some("in_abc123"));
    assert_eq!(out.kind(), Some("thread"));
    assert_eq!(out.room_id(), Some("my-room-id"));
    assert_eq!(out.read_at(), None);
    assert_eq!(out.notified_at(), Some(ts("2024-01-15T10:30:00Z")));

    let out = check_op_with(
        Reply::json(200, CUSTOM_BODY),
        |c| c.get_inbox_notification(USER, NOTIFICATION).send(),
        GetInboxNotification::new(USER, NOTIFICATION),
        &expected,
        &params,
    );
    let InboxNotification::Custom(custom) = &out else {
        panic!("expected a custom notification, got {out:?}")
    };
    assert_spec_custom(custom);
    assert_eq!(out.room_id(), None);
}

#[test]
fn get_inbox_notifications() {
    let page = || Reply::value(200, json!({"data": [], "nextCursor": null}));
    let params = [("userId", USER_ENC)];

    let expected = expect(Method::GET, &user_path("/inbox-notifications"), Body::None);
    let out = check_op_with(
        page(),
        |c| c.get_inbox_notifications(USER).send(),
        GetInboxNotifications::new(USER),
        &expected,
        &params,
    );
    assert!(out.data.is_empty());
    assert_eq!(out.next_cursor, None);

    // Every parameter, in the spec's order, each encoded as one query value.
    let expected = expect(
        Method::GET,
        &user_path(
            "/inbox-notifications?organizationId=org%201\
             &query=unread%3Atrue\
             &limit=20\
             &startingAfter=eyJjcmVhdGVkQXQiOjE2NjAwMDA5ODgxMzd9",
        ),
        Body::None,
    );
    check_op_with(
        page(),
        |c| {
            c.get_inbox_notifications(USER)
                .organization_id("org 1")
                .query("unread:true")
                .limit(20)
                .starting_after(Cursor::new("eyJjcmVhdGVkQXQiOjE2NjAwMDA5ODgxMzd9"))
                .send()
        },
        GetInboxNotifications::new(USER)
            .organization_id("org 1")
            .query("unread:true")
            .limit(20)
            .starting_after(Cursor::new("eyJjcmVhdGVkQXQiOjE2NjAwMDA5ODgxMzd9")),
        &expected,
        &params,
    );

    // The limit bounds are accepted.
    for limit in [1, 50] {
        let expected = expect(
            Method::GET,
            &user_path(&format!("/inbox-notifications?limit={limit}")),
            Body::None,
        );
        check_op_with(
            page(),
            |c| c.get_inbox_notifications(USER).limit(limit).send(),
            GetInboxNotifications::new(USER).limit(limit),
            &expected,
            &params,
        );
    }

    // The spec's example.
    let body = r#"{"nextCursor": null, "data": [{
        "kind": "thread", "id": "in_abc123", "roomId": "my-room-id", "threadId": "th_abc123",
        "notifiedAt": "2024-01-15T10:30:00.000Z", "readAt": null
    }]}"#;
    let page = GetInboxNotifications::new(USER)
        .response(response(200, body))
        .unwrap();
    assert_eq!(page.next_cursor, None);
    assert_eq!(page.data.len(), 1);
    let InboxNotification::Thread(thread) = &page.data[0] else {
        panic!("{:?}", page.data[0])
    };
    assert_eq!(thread.thread_id, "th_abc123");
    assert_eq!(thread.organization_id, None);

    // A page with every kind, an unknown one included, and a cursor.
    let body = format!(
        r#"{{"nextCursor": "next-1", "data": [{THREAD_BODY}, {TEXT_MENTION_BODY},
            {DOLLAR_CUSTOM_BODY}, {CUSTOM_BODY}, {{"kind": "aiSummary", "id": "in_u"}}]}}"#
    );
    let page = GetInboxNotifications::new(USER)
        .response(response(200, &body))
        .unwrap();
    assert_eq!(page.next_cursor, Some(Cursor::new("next-1")));
    let kinds: Vec<_> = page.data.iter().map(|n| n.kind().unwrap()).collect();
    assert_eq!(
        kinds,
        [
            "thread",
            "textMention",
            "$fileUploaded",
            "custom",
            "aiSummary"
        ]
    );
    assert!(matches!(page.data[0], InboxNotification::Thread(_)));
    assert!(matches!(page.data[1], InboxNotification::TextMention(_)));
    assert!(matches!(page.data[2], InboxNotification::Custom(_)));
    assert!(matches!(page.data[3], InboxNotification::Custom(_)));
    assert!(matches!(page.data[4], InboxNotification::Unknown(_)));
    assert_eq!(page.data[4].id(), Some("in_u"));
}

#[test]
fn inbox_notifications_walk_every_page() {
    let responses = [
        format!(r#"{{"nextCursor": "c1", "data": [{THREAD_BODY}]}}"#),
        format!(r#"{{"nextCursor": null, "data": [{CUSTOM_BODY}, {TEXT_MENTION_BODY}]}}"#),
    ];
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let recorder = std::sync::Arc::clone(&seen);
    let transport: Transport = Box::new(move |request| {
        let mut seen = recorder.lock().unwrap();
        seen.push(request.uri().to_string());
        let body = &responses[seen.len() - 1];
        Ok(Reply::json(200, body).to_response())
    });
    let client = liveblocks_core::Client::with_transport(config(), transport);
    let ids: Vec<String> = client
        .get_inbox_notifications(USER)
        .limit(1)
        .into_items()
        .map(|n| n.map(|n| n.id().unwrap().to_owned()))
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(ids, ["in_abc123", "in_xyz789", "in_tm1"]);
    assert_eq!(
        *seen.lock().unwrap(),
        [
            format!("{BASE}/v2/users/{USER_ENC}/inbox-notifications?limit=1"),
            format!("{BASE}/v2/users/{USER_ENC}/inbox-notifications?limit=1&startingAfter=c1"),
        ]
    );
}

#[test]
fn delete_inbox_notification() {
    let expected = expect(
        Method::DELETE,
        &user_path(&format!("/inbox-notifications/{NOTIFICATION_ENC}")),
        Body::None,
    );
    check_op_with(
        Reply::empty(204),
        |c| c.delete_inbox_notification(USER, NOTIFICATION).send(),
        DeleteInboxNotification::new(USER, NOTIFICATION),
        &expected,
        &[
            ("userId", USER_ENC),
            ("inboxNotificationId", NOTIFICATION_ENC),
        ],
    );
}

#[test]
fn delete_all_inbox_notifications() {
    let expected = expect(
        Method::DELETE,
        &user_path("/inbox-notifications"),
        Body::None,
    );
    check_op_with(
        Reply::empty(204),
        |c| c.delete_all_inbox_notifications(USER).send(),
        DeleteAllInboxNotifications::new(USER),
        &expected,
        &[("userId", USER_ENC)],
    );
}

#[test]
fn mark_inbox_notification_as_read() {
    let expected = expect(
        Method::POST,
        &format!("/inbox-notifications/{NOTIFICATION_ENC}/read"),
        Body::None,
    );
    // 200 with no body, as the spec says.
    check_op_with(
        Reply::empty(200),
        |c| c.mark_inbox_notification_as_read(NOTIFICATION).send(),
        MarkInboxNotificationAsRead::new(NOTIFICATION),
        &expected,
        &[("inboxNotificationId", NOTIFICATION_ENC)],
    );
    // Any 2xx body is ignored.
    check_op_with(
        Reply::json(200, r#"{"success":true}"#),
        |c| c.mark_inbox_notification_as_read(NOTIFICATION).send(),
        MarkInboxNotificationAsRead::new(NOTIFICATION),
        &expected,
        &[("inboxNotificationId", NOTIFICATION_ENC)],
    );
}

#[test]
fn trigger_inbox_notification() {
    // The spec's example body; `activityData` is always sent.
    let expected = expect(
        Method::POST,
        "/inbox-notifications/trigger",
        Body::Json(json!({
            "userId": "alice",
            "kind": "$fileUploaded",
            "subjectId": "file123",
            "activityData": {"url": "url-to-file"}
        })),
    );
    check_op(
        Reply::empty(200),
        |c| {
            c.trigger_inbox_notification("alice", "$fileUploaded", "file123")
                .activity("url", "url-to-file")
                .send()
        },
        TriggerInboxNotification::new("alice", "$fileUploaded", "file123")
            .activity("url", "url-to-file"),
        &expected,
    );

    // No data: an empty object, not a missing key.
    let expected = expect(
        Method::POST,
        "/inbox-notifications/trigger",
        Body::Json(json!({
            "userId": USER, "kind": "$a", "subjectId": "s", "activityData": {}
        })),
    );
    check_op(
        Reply::empty(200),
        |c| c.trigger_inbox_notification(USER, "$a", "s").send(),
        TriggerInboxNotification::new(USER, "$a", "s"),
        &expected,
    );

    // Everything: every value type, a room and an organization.
    let expected = expect(
        Method::POST,
        "/inbox-notifications/trigger",
        Body::Json(json!({
            "userId": "alice",
            "kind": "$file_Uploaded",
            "subjectId": "file123",
            "roomId": ROOM,
            "organizationId": "org_1",
            "activityData": {
                "url": "https://x/f", "size": 2048, "negative": -3, "ratio": 0.5,
                "public": true, "draft": false
            }
        })),
    );
    let data = || {
        let mut data = ActivityData::new();
        data.insert("url".into(), "https://x/f".into());
        data.insert("size".into(), 2048u32.into());
        data.insert("negative".into(), (-3i64).into());
        data.insert("ratio".into(), ActivityValue::float(0.5).unwrap());
        data.insert("public".into(), true.into());
        data
    };
    check_op(
        Reply::json(200, "{}"),
        |c| {
            c.trigger_inbox_notification("alice", "$file_Uploaded", "file123")
                .activity_data(data())
                .activity("draft", false)
                .room_id(ROOM)
                .organization_id("org_1")
                .send()
        },
        TriggerInboxNotification::new("alice", "$file_Uploaded", "file123")
            .activity_data(data())
            .activity("draft", false)
            .room_id(ROOM)
            .organization_id("org_1"),
        &expected,
    );
}

#[test]
fn trigger_inbox_notification_kind_must_match_the_pattern() {
    let long_ok = format!("${}", "a".repeat(128));
    let too_long = format!("${}", "a".repeat(129));
    for kind in [
        "$a",
        "$_",
        "$fileUploaded",
        "$File_Uploaded_",
        long_ok.as_str(),
    ] {
        assert!(is_valid_custom_kind(kind), "{kind}");
        let mock = Mock::new(Reply::empty(200));
        mock.client
            .trigger_inbox_notification("alice", kind, "s")
            .send()
            .unwrap_or_else(|e| panic!("{kind}: {e:?}"));
        assert_eq!(mock.calls(), 1);
    }
    for kind in [
        "",
        "$",
        "fileUploaded",
        "custom",
        "thread",
        "$$a",
        "$file-uploaded",
        "$file1",
        "$é",
        "$a b",
        " $a",
        "$a\n",
        too_long.as_str(),
    ] {
        assert!(!is_valid_custom_kind(kind), "{kind:?}");
        let mock = Mock::new(Reply::empty(200));
        let err = mock
            .client
            .trigger_inbox_notification("alice", kind, "s")
            .send()
            .unwrap_err();
        assert!(matches!(err, Error::InvalidInput(_)), "{kind:?}: {err:?}");
        assert!(err.to_string().contains("kind"), "{err}");
        assert_eq!(mock.calls(), 0, "{kind:?} reached the transport");
        let direct = TriggerInboxNotification::new("alice", kind, "s").request(&config());
        assert!(direct.is_err_and(|e| e.is_invalid_input()), "{kind:?}");
    }
}

// ---------------------------------------------------------------------------------------
// Notification settings
// ---------------------------------------------------------------------------------------

/// The spec's `NotificationSettings` example.
const SETTINGS_BODY: &str = r#"{
    "email": {"thread": true, "textMention": false, "$customNotification": true},
    "slack": {"thread": true, "textMention": true, "$customNotification": false},
    "teams": {"thread": false, "textMention": true, "$customNotification": true},
    "webPush": {"thread": true, "textMention": true, "$customNotification": false}
}"#;

fn assert_spec_settings(settings: &NotificationSettings) {
    let email = settings.email.as_ref().unwrap();
    assert_eq!(email.thread, Some(true));
    assert_eq!(email.text_mention, Some(false));
    assert!(email.custom["$customNotification"]);
    assert_eq!(email.custom.len(), 1);
    let slack = settings.slack.as_ref().unwrap();
    assert_eq!(slack.get("thread"), Some(true));
    assert_eq!(slack.get("textMention"), Some(true));
    assert_eq!(slack.get("$customNotification"), Some(false));
    assert_eq!(slack.get("$other"), None);
    let teams = settings.teams.as_ref().unwrap();
    assert_eq!(
        (teams.thread, teams.text_mention),
        (Some(false), Some(true))
    );
    let web_push = settings.web_push.as_ref().unwrap();
    assert!(!web_push.custom["$customNotification"]);
}

#[test]
fn get_notification_settings() {
    let expected = expect(
        Method::GET,
        &user_path("/notification-settings"),
        Body::None,
    );
    let settings = check_op_with(
        Reply::json(200, SETTINGS_BODY),
        |c| c.get_notification_settings(USER).send(),
        GetNotificationSettings::new(USER),
        &expected,
        &[("userId", USER_ENC)],
    );
    assert_spec_settings(&settings);
    // Round trip: the same JSON back.
    let back = serde_json::to_value(&settings).unwrap();
    assert_eq!(back, serde_json::from_str::<Value>(SETTINGS_BODY).unwrap());

    // A project with only some channels: the others are absent (or null).
    let settings = GetNotificationSettings::new(USER)
        .response(response(
            200,
            r#"{"email": {"thread": false}, "slack": null}"#,
        ))
        .unwrap();
    assert_eq!(settings.email.as_ref().unwrap().thread, Some(false));
    assert_eq!(settings.email.as_ref().unwrap().text_mention, None);
    assert_eq!(settings.slack, None);
    assert_eq!(settings.teams, None);
    assert_eq!(settings.web_push, None);
}

#[test]
fn update_notification_settings() {
    // The spec's example body.
    let expected = expect(
        Method::POST,
        &user_path("/notification-settings"),
        Body::Json(json!({
            "email": {"thread": true, "textMention": false},
            "slack": {"textMention": false},
            "webPush": {"thread": true}
        })),
    );
    let settings = check_op_with(
        Reply::json(200, SETTINGS_BODY),
        |c| {
            c.update_notification_settings(USER)
                .email(
                    NotificationChannelSettings::new()
                        .thread(true)
                        .text_mention(false),
                )
                .slack(NotificationChannelSettings::new().text_mention(false))
                .web_push(NotificationChannelSettings::new().thread(true))
                .send()
        },
        UpdateNotificationSettings::from_update(
            USER,
            NotificationSettingsUpdate::new()
                .email(
                    NotificationChannelSettings::new()
                        .thread(true)
                        .text_mention(false),
                )
                .slack(NotificationChannelSettings::new().text_mention(false))
                .web_push(NotificationChannelSettings::new().thread(true)),
        ),
        &expected,
        &[("userId", USER_ENC)],
    );
    assert_spec_settings(&settings);

    // Custom kinds and Teams; `custom("thread")` sets the thread field, never a second key.
    let expected = expect(
        Method::POST,
        &user_path("/notification-settings"),
        Body::Json(json!({
            "teams": {"thread": false, "$fileUploaded": true, "$invite": false}
        })),
    );
    let channel = || {
        NotificationChannelSettings::new()
            .thread(true)
            .custom("$fileUploaded", true)
            .custom("$invite", false)
            .custom("thread", false)
    };
    check_op_with(
        Reply::json(200, "{}"),
        |c| c.update_notification_settings(USER).teams(channel()).send(),
        UpdateNotificationSettings::new(USER).teams(channel()),
        &expected,
        &[("userId", USER_ENC)],
    );
    let body = serde_json::to_string(&channel()).unwrap();
    assert_eq!(body.matches("\"thread\"").count(), 1, "{body}");
    assert_eq!(
        channel().custom("textMention", true).text_mention,
        Some(true)
    );

    // Nothing set: an empty object.
    let expected = expect(
        Method::POST,
        &user_path("/notification-settings"),
        Body::Json(json!({})),
    );
    check_op_with(
        Reply::json(200, "{}"),
        |c| c.update_notification_settings(USER).send(),
        UpdateNotificationSettings::new(USER),
        &expected,
        &[("userId", USER_ENC)],
    );
}

#[test]
fn delete_notification_settings() {
    let expected = expect(
        Method::DELETE,
        &user_path("/notification-settings"),
        Body::None,
    );
    check_op_with(
        Reply::empty(204),
        |c| c.delete_notification_settings(USER).send(),
        DeleteNotificationSettings::new(USER),
        &expected,
        &[("userId", USER_ENC)],
    );
}

// ---------------------------------------------------------------------------------------
// Room subscription settings (and their deprecated twins)
// ---------------------------------------------------------------------------------------

const ROOM_SETTINGS_BODY: &str = r#"{"threads": "all", "textMentions": "mine"}"#;

fn room_params() -> [(&'static str, &'static str); 2] {
    [("roomId", ROOM_ENC), ("userId", USER_ENC)]
}

#[test]
fn get_room_subscription_settings() {
    let expected = expect(
        Method::GET,
        &room_user_path("/subscription-settings"),
        Body::None,
    );
    let settings = check_op_with(
        Reply::json(200, ROOM_SETTINGS_BODY),
        |c| c.get_room_subscription_settings(ROOM, USER).send(),
        GetRoomSubscriptionSettings::new(ROOM, USER),
        &expected,
        &room_params(),
    );
    assert_eq!(settings.threads, ThreadsSubscription::All);
    assert_eq!(settings.text_mentions, TextMentionsSubscription::Mine);

    // Every value, and one this SDK does not know.
    for (wire, value) in [
        ("all", ThreadsSubscription::All),
        (
            "replies_and_mentions",
            ThreadsSubscription::RepliesAndMentions,
        ),
        ("none", ThreadsSubscription::None),
        ("important", ThreadsSubscription::Other("important".into())),
    ] {
        let body = format!(r#"{{"threads": "{wire}", "textMentions": "none"}}"#);
        let settings = GetRoomSubscriptionSettings::new(ROOM, USER)
            .response(response(200, &body))
            .unwrap();
        assert_eq!(settings.threads, value);
        assert_eq!(settings.threads.as_str(), wire);
        assert_eq!(settings.text_mentions, TextMentionsSubscription::None);
    }

    // Both fields are required.
    let err = GetRoomSubscriptionSettings::new(ROOM, USER)
        .response(response(200, r#"{"threads": "all"}"#))
        .unwrap_err();
    assert!(decode_error(&err).message.contains("textMentions"), "{err}");
}

#[test]
fn update_room_subscription_settings() {
    // The spec's example body.
    let expected = expect(
        Method::POST,
        &room_user_path("/subscription-settings"),
        Body::Json(json!({"threads": "replies_and_mentions", "textMentions": "none"})),
    );
    let settings = check_op_with(
        Reply::json(
            200,
            r#"{"threads": "replies_and_mentions", "textMentions": "none"}"#,
        ),
        |c| {
            c.update_room_subscription_settings(ROOM, USER)
                .threads(ThreadsSubscription::RepliesAndMentions)
                .text_mentions(TextMentionsSubscription::None)
                .send()
        },
        UpdateRoomSubscriptionSettings::from_update(
            ROOM,
            USER,
            RoomSubscriptionSettingsUpdate::new()
                .threads(ThreadsSubscription::RepliesAndMentions)
                .text_mentions(TextMentionsSubscription::None),
        ),
        &expected,
        &room_params(),
    );
    assert_eq!(settings.threads, ThreadsSubscription::RepliesAndMentions);
    assert_eq!(settings.text_mentions, TextMentionsSubscription::None);

    // Only one field.
    let expected = expect(
        Method::POST,
        &room_user_path("/subscription-settings"),
        Body::Json(json!({"textMentions": "mine"})),
    );
    check_op_with(
        Reply::json(200, ROOM_SETTINGS_BODY),
        |c| {
            c.update_room_subscription_settings(ROOM, USER)
                .text_mentions(TextMentionsSubscription::Mine)
                .send()
        },
        UpdateRoomSubscriptionSettings::new(ROOM, USER)
            .text_mentions(TextMentionsSubscription::Mine),
        &expected,
        &room_params(),
    );
}

#[test]
fn delete_room_subscription_settings() {
    let expected = expect(
        Method::DELETE,
        &room_user_path("/subscription-settings"),
        Body::None,
    );
    check_op_with(
        Reply::empty(204),
        |c| c.delete_room_subscription_settings(ROOM, USER).send(),
        DeleteRoomSubscriptionSettings::new(ROOM, USER),
        &expected,
        &room_params(),
    );
}

#[test]
fn get_user_room_subscription_settings() {
    let params = [("userId", USER_ENC)];
    // The spec's example.
    let body = r#"{"nextCursor": null, "data": [
        {"threads": "all", "textMentions": "mine", "roomId": "my-room-id"}
    ]}"#;
    let expected = expect(
        Method::GET,
        &user_path("/room-subscription-settings"),
        Body::None,
    );
    let page = check_op_with(
        Reply::json(200, body),
        |c| c.get_user_room_subscription_settings(USER).send(),
        GetUserRoomSubscriptionSettings::new(USER),
        &expected,
        &params,
    );
    assert_eq!(page.next_cursor, None);
    assert_eq!(page.data.len(), 1);
    assert_eq!(page.data[0].room_id, "my-room-id");
    assert_eq!(page.data[0].threads, ThreadsSubscription::All);
    assert_eq!(page.data[0].text_mentions, TextMentionsSubscription::Mine);

    // Every parameter, in the spec's order.
    let expected = expect(
        Method::GET,
        &user_path(
            "/room-subscription-settings?startingAfter=abc%3D&limit=50&organizationId=org_1",
        ),
        Body::None,
    );
    check_op_with(
        Reply::json(200, body),
        |c| {
            c.get_user_room_subscription_settings(USER)
                .starting_after(Cursor::new("abc="))
                .limit(50)
                .organization_id("org_1")
                .send()
        },
        GetUserRoomSubscriptionSettings::new(USER)
            .starting_after(Cursor::new("abc="))
            .limit(50)
            .organization_id("org_1"),
        &expected,
        &params,
    );
    let expected = expect(
        Method::GET,
        &user_path("/room-subscription-settings?limit=1"),
        Body::None,
    );
    check_op_with(
        Reply::json(200, body),
        |c| c.get_user_room_subscription_settings(USER).limit(1).send(),
        GetUserRoomSubscriptionSettings::new(USER).limit(1),
        &expected,
        &params,
    );
}

#[test]
fn deprecated_room_notification_settings() {
    let expected = expect(
        Method::GET,
        &room_user_path("/notification-settings"),
        Body::None,
    );
    let settings = check_op_with(
        Reply::json(200, ROOM_SETTINGS_BODY),
        |c| c.get_room_notification_settings(ROOM, USER).send(),
        GetRoomNotificationSettings::new(ROOM, USER),
        &expected,
        &room_params(),
    );
    assert_eq!(settings.threads, ThreadsSubscription::All);

    let expected = expect(
        Method::POST,
        &room_user_path("/notification-settings"),
        Body::Json(json!({"threads": "none"})),
    );
    let settings = check_op_with(
        Reply::json(200, r#"{"threads": "none", "textMentions": "mine"}"#),
        |c| {
            c.update_room_notification_settings(ROOM, USER)
                .threads(ThreadsSubscription::None)
                .send()
        },
        UpdateRoomNotificationSettings::new(ROOM, USER).threads(ThreadsSubscription::None),
        &expected,
        &room_params(),
    );
    assert_eq!(settings.threads, ThreadsSubscription::None);

    let expected = expect(
        Method::DELETE,
        &room_user_path("/notification-settings"),
        Body::None,
    );
    check_op_with(
        Reply::empty(204),
        |c| c.delete_room_notification_settings(ROOM, USER).send(),
        DeleteRoomNotificationSettings::new(ROOM, USER),
        &expected,
        &room_params(),
    );
}

#[test]
fn operations_list_every_notifications_operation_once() {
    let ids: Vec<&str> = OPERATIONS.iter().map(|op| op.id).collect();
    assert_eq!(ids.len(), 16);
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), 16, "{ids:?}");
    for op in OPERATIONS {
        let registered = liveblocks_core::endpoints::all_operations().any(|o| o == op);
        assert!(registered, "{} is missing from all_operations()", op.id);
    }
}

// ---------------------------------------------------------------------------------------
// The inbox notification union
// ---------------------------------------------------------------------------------------

/// Decodes `json`, and checks it encodes back to the same JSON (timestamps compared as
/// instants: `10:30:00.000Z` comes back as `10:30:00Z`).
fn round_trip(json: &str) -> InboxNotification {
    fn normalize(value: &mut Value) {
        match value {
            Value::String(s) => {
                if let Ok(t) = s.parse::<Timestamp>() {
                    *s = t.to_string();
                }
            }
            Value::Array(items) => items.iter_mut().for_each(normalize),
            Value::Object(map) => map.values_mut().for_each(normalize),
            _ => {}
        }
    }
    let notification: InboxNotification = serde_json::from_str(json).unwrap();
    let mut back = serde_json::to_value(&notification).unwrap();
    let mut sent: Value = serde_json::from_str(json).unwrap();
    normalize(&mut back);
    normalize(&mut sent);
    assert_eq!(back, sent, "{json}");
    let again: InboxNotification = serde_json::from_value(back).unwrap();
    assert_eq!(again, notification);
    notification
}

#[test]
fn thread_notification() {
    let n = round_trip(THREAD_BODY);
    let InboxNotification::Thread(thread) = &n else {
        panic!("{n:?}")
    };
    assert_spec_thread(thread);

    // Read.
    let body = THREAD_BODY.replace(r#""readAt": null"#, r#""readAt": "2024-01-16T00:00:00Z""#);
    let n = round_trip(&body);
    assert_eq!(n.read_at(), Some(ts("2024-01-16T00:00:00Z")));

    // `readAt` is required (nullable): a missing one is an error, not "unread".
    let body = r#"{"kind":"thread","id":"i","roomId":"r","threadId":"t","notifiedAt":"2024-01-15T10:30:00Z"}"#;
    let err = serde_json::from_str::<InboxNotification>(body).unwrap_err();
    assert!(err.to_string().contains("readAt"), "{err}");

    // A thread notification without its thread is an error, not an unknown kind.
    let body = r#"{"kind":"thread","id":"i","roomId":"r","notifiedAt":"2024-01-15T10:30:00Z","readAt":null}"#;
    let err = serde_json::from_str::<InboxNotification>(body).unwrap_err();
    assert!(err.to_string().contains("threadId"), "{err}");
}

#[test]
fn text_mention_notification() {
    let n = round_trip(TEXT_MENTION_BODY);
    let InboxNotification::TextMention(mention) = &n else {
        panic!("{n:?}")
    };
    assert_eq!(mention.id, "in_tm1");
    assert_eq!(mention.kind, "textMention");
    assert_eq!(mention.room_id, "my-room-id");
    assert_eq!(mention.created_by, "bob");
    assert_eq!(mention.mention_id, "mn_1");
    assert_eq!(mention.read_at, Some(ts("2024-02-01T09:00:00Z")));
    assert_eq!(mention.notified_at, ts("2024-02-01T08:00:00Z"));
    assert_eq!(mention.mention.kind, MentionKind::Group);
    assert_eq!(mention.mention.id, "engineering");
    assert_eq!(
        mention.mention.user_ids.as_deref(),
        Some(&["alice".to_owned(), "carol".to_owned()][..])
    );

    // A user mention, in an organization.
    let body = r#"{"kind":"textMention","id":"in_tm2","roomId":"r","organizationId":"org_1",
        "notifiedAt":"2024-02-01T08:00:00Z","readAt":null,"createdBy":"bob","mentionId":"mn_2",
        "mention":{"kind":"user","id":"alice"}}"#;
    let n = round_trip(body);
    let InboxNotification::TextMention(mention) = &n else {
        panic!("{n:?}")
    };
    assert_eq!(mention.organization_id.as_deref(), Some("org_1"));
    assert_eq!(mention.mention.kind, MentionKind::User);
    assert_eq!(mention.mention.user_ids, None);

    // A mention kind added later is kept.
    let body = body.replace(r#""kind":"user""#, r#""kind":"team""#);
    let n = round_trip(&body);
    let InboxNotification::TextMention(mention) = &n else {
        panic!("{n:?}")
    };
    assert_eq!(mention.mention.kind, MentionKind::Other("team".into()));
}

#[test]
fn custom_notification() {
    // The real `$<name>` kind.
    let n = round_trip(DOLLAR_CUSTOM_BODY);
    let InboxNotification::Custom(custom) = &n else {
        panic!("{n:?}")
    };
    assert_eq!(custom.kind, "$fileUploaded");
    assert_eq!(custom.room_id.as_deref(), Some("my-room-id"));
    assert_eq!(custom.activities.len(), 2);
    let data = &custom.activities[0].data;
    assert_eq!(data["url"], ActivityValue::String("https://x/f".into()));
    assert_eq!(data["size"], ActivityValue::from(2048));
    assert_eq!(data["ratio"], ActivityValue::float(0.5).unwrap());
    assert_eq!(data["public"], ActivityValue::Bool(true));
    assert!(custom.activities[1].data.is_empty());

    // The spec's literal `custom` kind: `roomId: null` reads as no room.
    let n: InboxNotification = serde_json::from_str(CUSTOM_BODY).unwrap();
    let InboxNotification::Custom(custom) = &n else {
        panic!("{n:?}")
    };
    assert_spec_custom(custom);
    let back = serde_json::to_value(&n).unwrap();
    assert_eq!(back.get("roomId"), None, "no room is left out, not null");

    // Activities are required.
    let body = r#"{"kind":"$x","id":"i","subjectId":"s","notifiedAt":"2024-01-15T10:30:00Z","readAt":null}"#;
    let err = serde_json::from_str::<InboxNotification>(body).unwrap_err();
    assert!(err.to_string().contains("activities"), "{err}");

    assert!(InboxNotification::is_custom_kind("$x"));
    assert!(InboxNotification::is_custom_kind("custom"));
    assert!(!InboxNotification::is_custom_kind("thread"));
}

#[test]
fn unknown_notification_kind_is_kept_as_raw_json() {
    let body = r#"{"kind":"aiDigest","id":"in_new","roomId":"r","weird":[1,{"x":null}]}"#;
    let n = round_trip(body);
    let InboxNotification::Unknown(raw) = &n else {
        panic!("{n:?}")
    };
    assert_eq!(raw["weird"][1]["x"], Value::Null);
    assert_eq!(n.id(), Some("in_new"));
    assert_eq!(n.kind(), Some("aiDigest"));
    assert_eq!(n.room_id(), Some("r"));
    assert_eq!(n.read_at(), None);
    assert_eq!(n.notified_at(), None);

    // Even one that says nothing else.
    let n = round_trip(r#"{"kind":"x"}"#);
    assert_eq!(n.id(), None);
    assert!(matches!(n, InboxNotification::Unknown(_)));
}

#[test]
fn notification_without_a_string_kind_fails_with_its_path() {
    for (body, mentions) in [
        (r#"{"id":"i"}"#, "kind"),
        (r#"{"kind":3,"id":"i"}"#, "kind"),
        (r#"{"kind":null}"#, "kind"),
        (r#""thread""#, ""),
        ("[]", ""),
    ] {
        let page = format!(r#"{{"nextCursor":null,"data":[{THREAD_BODY},{body}]}}"#);
        let err = GetInboxNotifications::new(USER)
            .response(response(200, &page))
            .unwrap_err();
        let decode = decode_error(&err);
        assert_eq!(decode.path, "data[1]", "{body}");
        assert!(
            decode.message.contains(mentions),
            "{body}: {}",
            decode.message
        );
        assert_eq!(decode.raw_body.as_ref(), page.as_bytes());
    }
}

#[test]
fn activity_values() {
    let data: ActivityData =
        serde_json::from_str(r#"{"s":"x","i":-1,"u":18446744073709551615,"f":1.5,"b":false}"#)
            .unwrap();
    assert_eq!(data["s"], ActivityValue::from("x".to_owned()));
    assert_eq!(data["i"], ActivityValue::from(-1i32));
    assert_eq!(data["u"], ActivityValue::from(u64::MAX));
    assert_eq!(data["f"], ActivityValue::float(1.5).unwrap());
    assert_eq!(data["b"], ActivityValue::from(false));
    assert_eq!(
        serde_json::to_string(&data).unwrap(),
        r#"{"b":false,"f":1.5,"i":-1,"s":"x","u":18446744073709551615}"#
    );
    assert_eq!(ActivityValue::float(f64::INFINITY), None);
    assert_eq!(ActivityValue::float(f64::NAN), None);
    // Nested values are not activity data.
    assert!(serde_json::from_str::<ActivityData>(r#"{"o":{}}"#).is_err());
    assert!(serde_json::from_str::<ActivityData>(r#"{"n":null}"#).is_err());
}

// ---------------------------------------------------------------------------------------
// Input rejected before any request, and API errors
// ---------------------------------------------------------------------------------------

type Op = fn(&MockClient) -> Result<(), Error>;

fn assert_rejected(what: &str, mentions: &str, op: Op) {
    let mock = Mock::new(Reply::json(200, "{}"));
    let err = op(&mock.client).expect_err(what);
    assert_eq!(mock.calls(), 0, "{what}: the transport was called");
    assert!(matches!(err, Error::InvalidInput(_)), "{what}: {err:?}");
    assert!(
        err.to_string().contains(mentions),
        "{what}: {err} does not mention {mentions:?}"
    );
}

#[test]
fn limits_out_of_range_are_rejected() {
    let cases: [(&str, Op); 4] = [
        ("inbox limit 0", |c| {
            c.get_inbox_notifications(USER).limit(0).send().map(drop)
        }),
        ("inbox limit 51", |c| {
            c.get_inbox_notifications(USER).limit(51).send().map(drop)
        }),
        ("room settings limit 0", |c| {
            c.get_user_room_subscription_settings(USER)
                .limit(0)
                .send()
                .map(drop)
        }),
        ("room settings limit 51", |c| {
            c.get_user_room_subscription_settings(USER)
                .limit(51)
                .send()
                .map(drop)
        }),
    ];
    for (what, op) in cases {
        assert_rejected(what, "limit", op);
    }
}

#[test]
fn empty_ids_are_rejected() {
    let cases: [(&str, &str, Op); 19] = [
        ("get_inbox_notification user", "userId", |c| {
            c.get_inbox_notification("", "in_1").send().map(drop)
        }),
        ("get_inbox_notification id", "inboxNotificationId", |c| {
            c.get_inbox_notification("alice", "").send().map(drop)
        }),
        ("delete_inbox_notification user", "userId", |c| {
            c.delete_inbox_notification("", "in_1").send()
        }),
        ("delete_inbox_notification id", "inboxNotificationId", |c| {
            c.delete_inbox_notification("alice", "").send()
        }),
        ("delete_all_inbox_notifications", "userId", |c| {
            c.delete_all_inbox_notifications("").send()
        }),
        ("get_inbox_notifications", "userId", |c| {
            c.get_inbox_notifications("").send().map(drop)
        }),
        ("get_notification_settings", "userId", |c| {
            c.get_notification_settings("").send().map(drop)
        }),
        ("update_notification_settings", "userId", |c| {
            c.update_notification_settings("").send().map(drop)
        }),
        ("delete_notification_settings", "userId", |c| {
            c.delete_notification_settings("").send()
        }),
        ("get_room_subscription_settings", "roomId", |c| {
            c.get_room_subscription_settings("", "alice")
                .send()
                .map(drop)
        }),
        ("update_room_subscription_settings", "userId", |c| {
            c.update_room_subscription_settings(ROOM, "")
                .send()
                .map(drop)
        }),
        ("delete_room_subscription_settings", "roomId", |c| {
            c.delete_room_subscription_settings("", "alice").send()
        }),
        ("get_user_room_subscription_settings", "userId", |c| {
            c.get_user_room_subscription_settings("").send().map(drop)
        }),
        ("get_room_notification_settings", "userId", |c| {
            c.get_room_notification_settings(ROOM, "").send().map(drop)
        }),
        ("update_room_notification_settings", "roomId", |c| {
            c.update_room_notification_settings("", "alice")
                .send()
                .map(drop)
        }),
        ("delete_room_notification_settings", "roomId", |c| {
            c.delete_room_notification_settings("", "alice").send()
        }),
        (
            "mark_inbox_notification_as_read",
            "inboxNotificationId",
            |c| c.mark_inbox_notification_as_read("").send(),
        ),
        ("trigger_inbox_notification user", "userId", |c| {
            c.trigger_inbox_notification("", "$a", "s").send()
        }),
        ("trigger_inbox_notification subject", "subjectId", |c| {
            c.trigger_inbox_notification("alice", "$a", "").send()
        }),
    ];
    for (what, mentions, op) in cases {
        assert_rejected(what, mentions, op);
    }
}

#[test]
fn api_errors_are_typed() {
    // The hosted API's 404 for a missing notification.
    let mock = Mock::new(Reply::value(
        404,
        json!({"error": "INBOX_NOTIFICATION_NOT_FOUND", "message": "Inbox notification not found"}),
    ));
    let err = mock
        .client
        .get_inbox_notification(USER, NOTIFICATION)
        .send()
        .unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
    assert_eq!(err.code(), Some("INBOX_NOTIFICATION_NOT_FOUND"));
    assert_eq!(api_error(&err).message, "Inbox notification not found");

    // The spec documents bare "Unauthorized"/"Forbidden" statuses: an empty body works too.
    let mock = Mock::new(Reply::empty(403));
    let err = mock
        .client
        .get_notification_settings(USER)
        .send()
        .unwrap_err();
    assert_eq!(err.status(), Some(http::StatusCode::FORBIDDEN));
    assert!(err.is_unauthorized(), "{err:?}");

    // The dev server's stub for every notifications route.
    let mock = Mock::new(
        Reply::value(
            501,
            json!({"error": "Not implemented",
                   "message": "This endpoint isn't implemented in the Liveblocks dev server."}),
        )
        .header("x-lb-warn", "This endpoint isn't implemented"),
    );
    let err = mock
        .client
        .trigger_inbox_notification("alice", "$a", "s")
        .send()
        .unwrap_err();
    assert_eq!(err.status(), Some(http::StatusCode::NOT_IMPLEMENTED));
    assert_eq!(err.code(), Some("Not implemented"));

    // The 422 of a bad update.
    let mock = Mock::new(Reply::json(
        422,
        r#"{"error":"UNPROCESSABLE_ENTITY","message":"Invalid notification settings"}"#,
    ));
    let err = mock
        .client
        .update_room_subscription_settings(ROOM, USER)
        .threads(ThreadsSubscription::Other("sometimes".into()))
        .send()
        .unwrap_err();
    assert_eq!(err.status(), Some(http::StatusCode::UNPROCESSABLE_ENTITY));
    let request = mock.only_request();
    assert_eq!(request.body().as_ref(), br#"{"threads":"sometimes"}"#);
}

#[test]
fn pages_keep_the_item_type() {
    let page: Page<UserRoomSubscriptionSettings> = serde_json::from_str(
        r#"{"data":[{"roomId":"a","threads":"none","textMentions":"none","extra":1}],"nextCursor":"n"}"#,
    )
    .unwrap();
    assert_eq!(page.data[0].room_id, "a");
    assert_eq!(page.next_cursor.as_ref().map(Cursor::as_str), Some("n"));
}
