//! Comments: create, read, edit, delete; reactions and comment metadata.

use super::*;

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
