//! Room subscription settings (and their deprecated twins), and the registry.

use super::*;

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
        UpdateRoomSubscriptionSettings::new(ROOM, USER).changes(
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
    // The registry's `notifications` domain is exactly this module's `OPERATIONS`.
    let domain = liveblocks_core::endpoints::DOMAINS
        .iter()
        .find(|d| d.name == "notifications")
        .expect("notifications is in endpoints::DOMAINS");
    let registered: Vec<&str> = domain.operations().map(|op| op.id).collect();
    let ids: Vec<&str> = OPERATIONS.iter().map(|op| op.id).collect();
    assert!(!ids.is_empty());
    assert_eq!(registered, ids);
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
    for op in OPERATIONS {
        let registered = liveblocks_core::endpoints::all_operations().any(|o| o == op);
        assert!(registered, "{} is missing from all_operations()", op.id);
    }
}
