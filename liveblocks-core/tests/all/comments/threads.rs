//! Threads: list, create, read, delete, resolve; their metadata, subscriptions and
//! inbox notifications.

use super::*;

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

    // The body type round-trips the spec's request example, and `thread(..)` sends it as is
    // (the author and content given to `new` included).
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
    let request = CreateThread::new(ROOM, "bob", "replaced")
        .thread(body)
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
        EditThreadMetadata::new(ROOM, THREAD, "alice").changes(
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
