//! Inbox notifications: read, list, walk, delete, mark as read, trigger.

use super::*;

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
