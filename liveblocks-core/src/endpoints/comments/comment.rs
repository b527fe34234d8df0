//! One comment of a thread: create, read, edit, delete.

use super::{check_attachments, check_full_metadata};
use crate::declare::operations;
use crate::endpoint::check_body_id;
use crate::models::comments::{
    Comment, CommentBody, CommentMetadata, CreateCommentRequestBody, EditCommentRequestBody,
    MetadataValue,
};
use crate::models::Timestamp;

operations! {
    /// Adds a comment `body` by `user_id` to a thread.
    ///
    /// ```no_run
    /// # async fn run(client: liveblocks_core::Client<impl liveblocks_core::Transport + 'static>) -> Result<(), liveblocks_core::Error> {
    /// let comment = client
    ///     .create_comment("my-room", "th_abc123", "bob", "Looks good to me")
    ///     .metadata("reviewed", true)
    ///     .await?;
    /// # Ok(()) }
    /// ```
    CreateComment {
        "create-comment", POST "/rooms/{roomId}/threads/{threadId}/comments",
            Json -> Json Comment;
        fn create_comment(
            room_id: impl Into<String>,
            thread_id: impl Into<String>,
            user_id: impl Into<String>,
            body: impl Into<CommentBody>,
        );
        struct {
            room_id: String = room_id.into(),
            thread_id: String = thread_id.into(),
            body: CreateCommentRequestBody = CreateCommentRequestBody::new(user_id, body),
        }
        set {
            /// When the comment was written.
            fn created_at(self, created_at: Timestamp) {
                self.body.created_at = Some(created_at);
            }
            /// Sets one key of the comment's metadata.
            fn metadata(self, key: impl Into<String>, value: impl Into<MetadataValue>) {
                self.body
                    .metadata
                    .get_or_insert_with(CommentMetadata::new)
                    .insert(key.into(), value.into());
            }
            /// Attaches uploaded attachments (at most 10).
            fn attachment_ids(self, ids: impl IntoIterator<Item = impl Into<String>>) {
                self.body.attachment_ids = Some(ids.into_iter().map(Into::into).collect());
            }
            /// Replaces the whole new comment at once, its author and content included.
            fn comment(self, comment: CreateCommentRequestBody) {
                self.body = comment;
            }
        }
        path ["roomId" = room_id, "threadId" = thread_id];
        request(self, req) {
            let id = Self::OPERATION.id;
            check_body_id(id, "userId", &self.body.user_id)?;
            check_full_metadata(id, self.body.metadata.as_ref())?;
            check_attachments(id, self.body.attachment_ids.as_ref())?;
            req.json(&self.body)
        }
    }

    /// Reads a comment.
    GetComment {
        "get-comment", GET "/rooms/{roomId}/threads/{threadId}/comments/{commentId}",
            None -> Json Comment;
        fn get_comment(
            room_id: impl Into<String>,
            thread_id: impl Into<String>,
            comment_id: impl Into<String>,
        );
        struct {
            room_id: String = room_id.into(),
            thread_id: String = thread_id.into(),
            comment_id: String = comment_id.into(),
        }
        path ["roomId" = room_id, "threadId" = thread_id, "commentId" = comment_id];
    }

    /// Replaces a comment's content with `body`.
    EditComment {
        "edit-comment", POST "/rooms/{roomId}/threads/{threadId}/comments/{commentId}",
            Json -> Json Comment;
        fn edit_comment(
            room_id: impl Into<String>,
            thread_id: impl Into<String>,
            comment_id: impl Into<String>,
            body: impl Into<CommentBody>,
        );
        struct {
            room_id: String = room_id.into(),
            thread_id: String = thread_id.into(),
            comment_id: String = comment_id.into(),
            body: EditCommentRequestBody = EditCommentRequestBody {
                edited_at: None,
                body: body.into(),
                metadata: None,
                attachment_ids: None,
            },
        }
        set {
            /// When the edit happened.
            fn edited_at(self, edited_at: Timestamp) {
                self.body.edited_at = Some(edited_at);
            }
            /// Sets one key of the comment's new metadata.
            fn metadata(self, key: impl Into<String>, value: impl Into<MetadataValue>) {
                self.body
                    .metadata
                    .get_or_insert_with(CommentMetadata::new)
                    .insert(key.into(), value.into());
            }
            /// The attachments the comment has after the edit (at most 10).
            fn attachment_ids(self, ids: impl IntoIterator<Item = impl Into<String>>) {
                self.body.attachment_ids = Some(ids.into_iter().map(Into::into).collect());
            }
            /// Replaces the whole edit at once, the new content included.
            fn edit(self, edit: EditCommentRequestBody) {
                self.body = edit;
            }
        }
        path ["roomId" = room_id, "threadId" = thread_id, "commentId" = comment_id];
        request(self, req) {
            let id = Self::OPERATION.id;
            check_full_metadata(id, self.body.metadata.as_ref())?;
            check_attachments(id, self.body.attachment_ids.as_ref())?;
            req.json(&self.body)
        }
    }

    /// Deletes a comment; deleting a thread's last comment deletes the thread.
    DeleteComment {
        "delete-comment", DELETE "/rooms/{roomId}/threads/{threadId}/comments/{commentId}",
            None -> None ();
        fn delete_comment(
            room_id: impl Into<String>,
            thread_id: impl Into<String>,
            comment_id: impl Into<String>,
        );
        struct {
            room_id: String = room_id.into(),
            thread_id: String = thread_id.into(),
            comment_id: String = comment_id.into(),
        }
        path ["roomId" = room_id, "threadId" = thread_id, "commentId" = comment_id];
    }
}
