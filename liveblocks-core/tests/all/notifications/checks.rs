//! Input rejected before any request, and API errors.

use super::*;

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
