//! Input checked before any request, API and decode errors, and the registry.

use super::*;

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
    // The registry's `comments` domain (one `OPERATIONS` per file) and `attachments` domain.
    let domain = |name: &str| {
        liveblocks_core::endpoints::DOMAINS
            .iter()
            .find(|d| d.name == name)
            .unwrap_or_else(|| panic!("{name} is in endpoints::DOMAINS"))
    };
    let comments = domain("comments");
    let attachments = domain("attachments");
    assert!(comments.files.len() > 1, "comments is split by sub-domain");
    assert!(comments.files.iter().all(|file| !file.is_empty()));
    assert_eq!(
        attachments.files,
        [liveblocks_core::attachments::OPERATIONS]
    );
    let ids: Vec<&str> = comments
        .operations()
        .chain(attachments.operations())
        .map(|op| op.id)
        .collect();
    assert!(!ids.is_empty());
    let unique: std::collections::BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
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
