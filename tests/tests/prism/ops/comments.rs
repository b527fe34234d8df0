//! Comments and threads: the exercises of the `comments` domain.

use liveblocks_core::models::comments::{
    Comment, CommentBlock, CommentBody, CommentInline, CommentText, MetadataValue as Meta,
    SubscriptionKind, Thread, ThreadVisibility,
};

use super::examples::{
    expect_status, ts, ATTACHMENT, GROUP, NOTIFICATION, ORG, ROOM, THREAD, USER,
};
use crate::harness::{ensure, ensure_eq, Failure, Mode, Session};

const COMMENT: &str = "cm_abc123";
const WHEN: &str = "2022-07-13T14:32:50.697Z";

/// A comment body with every kind of inline element.
fn rich_body() -> CommentBody {
    CommentBody::new([CommentBlock::paragraph([
        CommentInline::text("Hello "),
        CommentInline::mention_user("bob"),
        CommentText::new(", see ").bold().into(),
        CommentInline::link("https://liveblocks.io/docs", Some("the docs".to_owned())),
        CommentInline::mention_group(GROUP, Some(vec!["carol".to_owned()])),
    ])])
}

/// The comment of the `Thread` and `GetThreadsResponse` examples.
fn ensure_example_comment_of_thread(comment: &Comment) -> Result<(), Failure> {
    ensure_eq("comment.type", comment.object_type.as_str(), "comment")?;
    ensure_eq("comment.id", comment.id.as_str(), COMMENT)?;
    ensure_eq("comment.threadId", comment.thread_id.as_str(), THREAD)?;
    ensure_eq("comment.roomId", comment.room_id.as_str(), ROOM)?;
    ensure_eq("comment.userId", comment.user_id.as_str(), USER)?;
    ensure_eq("comment.createdAt", comment.created_at, ts(WHEN))?;
    ensure_eq("comment.editedAt", comment.edited_at, None)?;
    ensure_eq(
        "comment.body",
        comment.body.as_ref(),
        Some(&CommentBody::new([])),
    )?;
    ensure(
        comment.metadata.is_empty() && comment.reactions.is_empty(),
        || format!("comment metadata/reactions: {comment:?}"),
    )?;
    ensure(comment.attachments.is_empty(), || {
        format!("comment attachments: {:?}", comment.attachments)
    })
}

/// The `Thread` example; `metadata_color` is its `metadata.color` (absent in the list's).
fn ensure_example_thread(thread: &Thread, metadata_color: Option<&str>) -> Result<(), Failure> {
    ensure_eq("type", thread.object_type.as_str(), "thread")?;
    ensure_eq("id", thread.id.as_str(), THREAD)?;
    ensure_eq("roomId", thread.room_id.as_str(), ROOM)?;
    ensure_eq("createdAt", thread.created_at, ts(WHEN))?;
    ensure_eq("updatedAt", thread.updated_at, ts(WHEN))?;
    ensure_eq(
        "metadata.color",
        thread.metadata.get("color").and_then(Meta::as_str),
        metadata_color,
    )?;
    ensure_eq(
        "metadata keys",
        thread.metadata.len(),
        metadata_color.iter().count(),
    )?;
    ensure_eq("resolved", thread.resolved, false)?;
    ensure_eq("visibility", &thread.visibility, &ThreadVisibility::Public)?;
    ensure_eq("comments", thread.comments.len(), 1)?;
    ensure_example_comment_of_thread(&thread.comments[0])
}

/// The `Comment` schema's example, which the comment operations all serve. Its `body: {}`
/// breaks `CommentBody` (which requires `version` and `content`); the SDK reads an empty
/// object as "no body" (its lenient decode) instead of failing.
fn ensure_example_comment(comment: &Comment) -> Result<(), Failure> {
    let when = ts("2019-08-24T14:15:22Z");
    ensure_eq("type", comment.object_type.as_str(), "comment")?;
    ensure_eq("id", comment.id.as_str(), "comment-id")?;
    ensure_eq("threadId", comment.thread_id.as_str(), "thread-id")?;
    ensure_eq("roomId", comment.room_id.as_str(), "room-id")?;
    ensure_eq("userId", comment.user_id.as_str(), "string")?;
    ensure_eq(
        "dates",
        (comment.created_at, comment.edited_at, comment.deleted_at),
        (when, Some(when), Some(when)),
    )?;
    ensure_eq("body ({} read leniently)", &comment.body, &None)?;
    ensure(
        comment.metadata.is_empty()
            && comment.reactions.is_empty()
            && comment.attachments.is_empty(),
        || format!("metadata/reactions/attachments: {comment:?}"),
    )
}

/// Runs the exercise of `op`, an operation of this domain.
pub async fn exercise(s: &Session, op: &str, mode: Mode) -> Result<(), Failure> {
    let c = &s.app;
    let is_static = mode == Mode::Static;
    match op {
        "get-threads" => {
            let threads = s
                .fetch(c.get_threads(ROOM).query(
                    r#"metadata["status"]:"open" AND resolved:false AND visibility:"private""#,
                ))
                .await?;
            mode.check(|| {
                ensure_eq("threads", threads.data.len(), 1)?;
                ensure_example_thread(&threads.data[0], None)
            })?;
            if is_static {
                // The response's "Success" example has `body: {}`: read leniently.
                s.prefer(Some("example=Success"));
                let success = s.fetch_plain(c.get_threads(ROOM)).await;
                s.prefer(None);
                let success = success?;
                let comment = &success.data[0].comments[0];
                ensure_eq("Success example: comment body", &comment.body, &None)?;
                ensure_eq(
                    "Success example: comment deletedAt",
                    comment.deleted_at,
                    Some(ts("2019-08-24T14:15:22Z")),
                )?;
            }
            Ok(())
        }
        "create-thread" => {
            let thread = s
                .fetch(
                    c.create_thread(ROOM, USER, rich_body())
                        .metadata("color", "blue")
                        .metadata("priority", 2)
                        .metadata("urgent", true)
                        .visibility(ThreadVisibility::Private)
                        .created_at(ts(WHEN))
                        .comment_metadata("tag", "important")
                        .comment_metadata("score", 2.5)
                        .attachment_ids([ATTACHMENT]),
                )
                .await?;
            let minimal = s.fetch(c.create_thread(ROOM, USER, "Plain text")).await?;
            mode.check(|| {
                ensure_example_thread(&thread, Some("blue"))?;
                ensure_example_thread(&minimal, Some("blue"))
            })
        }
        "get-thread" => {
            let thread = s.fetch(c.get_thread(ROOM, THREAD)).await?;
            mode.check(|| ensure_example_thread(&thread, Some("blue")))?;
            if is_static {
                s.prefer(Some("example=Success"));
                let success = s.fetch_plain(c.get_thread(ROOM, THREAD)).await;
                s.prefer(None);
                let success = success?;
                ensure_eq("Success example: id", success.id.as_str(), "thread-id")?;
                ensure_eq(
                    "Success example: comment body ({} read leniently)",
                    &success.comments[0].body,
                    &None,
                )?;
            }
            Ok(())
        }
        "delete-thread" => {
            s.fetch(c.delete_thread(ROOM, THREAD)).await?;
            mode.check(|| expect_status(s, 204))
        }
        "get-thread-participants" => {
            let participants = s.fetch(c.get_thread_participants(ROOM, THREAD)).await?;
            mode.check(|| {
                ensure_eq(
                    "participantIds",
                    participants.participant_ids.as_slice(),
                    &["user-1".to_owned(), "user-2".to_owned()],
                )
            })
        }
        "edit-thread-metadata" => {
            let metadata = s
                .fetch(
                    c.edit_thread_metadata(ROOM, THREAD, USER)
                        .metadata("color", "yellow")
                        .metadata("priority", 3)
                        .metadata("pinned", false)
                        .remove_metadata("old")
                        .updated_at(ts("2023-07-13T14:32:50.697Z")),
                )
                .await?;
            mode.check(|| {
                ensure_eq(
                    "metadata",
                    metadata.into_iter().collect::<Vec<_>>(),
                    // The `ThreadMetadata` schema's example, not the response's "Success" one.
                    vec![
                        ("age".to_owned(), Meta::Number(25.0)),
                        ("color".to_owned(), Meta::String("blue".to_owned())),
                    ],
                )
            })
        }
        "mark-thread-as-resolved" => {
            let thread = s
                .fetch(c.mark_thread_as_resolved(ROOM, THREAD, USER))
                .await?;
            mode.check(|| ensure_example_thread(&thread, Some("blue")))
        }
        "mark-thread-as-unresolved" => {
            let thread = s
                .fetch(c.mark_thread_as_unresolved(ROOM, THREAD, USER))
                .await?;
            mode.check(|| ensure_example_thread(&thread, Some("blue")))
        }
        "subscribe-to-thread" => {
            let subscription = s.fetch(c.subscribe_to_thread(ROOM, THREAD, USER)).await?;
            mode.check(|| {
                ensure_eq(
                    "subscription",
                    (
                        &subscription.kind,
                        subscription.subject_id.as_str(),
                        subscription.created_at,
                    ),
                    (&SubscriptionKind::Thread, THREAD, ts(WHEN)),
                )
            })
        }
        "unsubscribe-from-thread" => {
            s.fetch(c.unsubscribe_from_thread(ROOM, THREAD, USER))
                .await?;
            mode.check(|| expect_status(s, 200))
        }
        "get-thread-subscriptions" => {
            let subscriptions = s.fetch(c.get_thread_subscriptions(ROOM, THREAD)).await?;
            mode.check(|| {
                let got: Vec<_> = subscriptions
                    .data
                    .iter()
                    .map(|x| {
                        (
                            &x.kind,
                            x.subject_id.as_str(),
                            x.created_at,
                            x.user_id.as_deref(),
                        )
                    })
                    .collect();
                ensure_eq(
                    "subscriptions",
                    got,
                    vec![(&SubscriptionKind::Thread, THREAD, ts(WHEN), Some(USER))],
                )
            })
        }
        "create-comment" => {
            let comment = s
                .fetch(
                    c.create_comment(ROOM, THREAD, USER, rich_body())
                        .created_at(ts(WHEN))
                        .metadata("tag", "important")
                        .metadata("spam", false)
                        .attachment_ids([ATTACHMENT]),
                )
                .await?;
            let minimal = s
                .fetch(c.create_comment(ROOM, THREAD, USER, CommentBody::new([])))
                .await?;
            mode.check(|| {
                ensure_example_comment(&comment)?;
                ensure_example_comment(&minimal)
            })
        }
        "get-comment" => {
            let comment = s.fetch(c.get_comment(ROOM, THREAD, COMMENT)).await?;
            mode.check(|| ensure_example_comment(&comment))
        }
        "edit-comment" => {
            let comment = s
                .fetch(
                    c.edit_comment(ROOM, THREAD, COMMENT, CommentBody::text("Edited"))
                        .edited_at(ts(WHEN))
                        .metadata("tag", "important")
                        .attachment_ids([ATTACHMENT]),
                )
                .await?;
            mode.check(|| ensure_example_comment(&comment))
        }
        "delete-comment" => {
            s.fetch(c.delete_comment(ROOM, THREAD, COMMENT)).await?;
            mode.check(|| expect_status(s, 204))
        }
        "add-comment-reaction" => {
            let reaction = s
                .fetch(
                    c.add_comment_reaction(ROOM, THREAD, COMMENT, USER, "👨‍👩‍👧")
                        .created_at(ts(WHEN)),
                )
                .await?;
            mode.check(|| {
                ensure_eq(
                    "reaction",
                    (
                        reaction.user_id.as_str(),
                        reaction.emoji.as_str(),
                        reaction.created_at,
                    ),
                    (USER, "👨‍👩‍👧", ts(WHEN)),
                )
            })
        }
        "remove-comment-reaction" => {
            s.fetch(
                c.remove_comment_reaction(ROOM, THREAD, COMMENT, USER, "👍")
                    .removed_at(ts(WHEN)),
            )
            .await?;
            mode.check(|| expect_status(s, 204))
        }
        "edit-comment-metadata" => {
            let metadata = s
                .fetch(
                    c.edit_comment_metadata(ROOM, THREAD, COMMENT, USER)
                        .metadata("tag", "important")
                        .metadata("reviewed", false)
                        .metadata("score", 0.5)
                        .remove_metadata("spam")
                        .updated_at(ts("2023-07-13T14:32:50.697Z")),
                )
                .await?;
            mode.check(|| {
                ensure_eq(
                    "metadata",
                    metadata.into_iter().collect::<Vec<_>>(),
                    // The `CommentMetadata` schema's example, not the response's "Success" one.
                    vec![
                        ("spam".to_owned(), Meta::Boolean(false)),
                        ("tag".to_owned(), Meta::String("important".to_owned())),
                    ],
                )
            })
        }
        "get-thread-inbox-notifications" => {
            let notifications = s
                .fetch(c.get_thread_inbox_notifications(ROOM, THREAD))
                .await?;
            mode.check(|| {
                ensure_eq("notifications", notifications.data.len(), 1)?;
                let n = &notifications.data[0];
                ensure_eq(
                    "notification",
                    (
                        n.id.as_str(),
                        n.kind.as_str(),
                        n.room_id.as_str(),
                        n.thread_id.as_str(),
                        n.organization_id.as_deref(),
                        n.user_id.as_str(),
                    ),
                    (NOTIFICATION, "thread", ROOM, THREAD, Some(ORG), "string"),
                )?;
                ensure_eq(
                    "dates",
                    (n.notified_at, n.read_at),
                    (ts("2024-01-15T10:30:00.000Z"), None),
                )
            })
        }
        other => Err(Failure::Check(format!("no exercise for operation {other}"))),
    }
}
