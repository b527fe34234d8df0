//! Emoji reactions to a comment: add, remove.

use crate::declare::operations;
use crate::endpoint::{check_body_id, check_not_empty};
use crate::models::comments::{
    AddCommentReactionRequestBody, CommentReaction, RemoveCommentReactionRequestBody,
};
use crate::models::Timestamp;

operations! {
    /// Adds `user_id`'s `emoji` reaction to a comment.
    AddCommentReaction {
        "add-comment-reaction", POST
            "/rooms/{roomId}/threads/{threadId}/comments/{commentId}/add-reaction",
            Json -> Json CommentReaction;
        fn add_comment_reaction(
            room_id: impl Into<String>,
            thread_id: impl Into<String>,
            comment_id: impl Into<String>,
            user_id: impl Into<String>,
            emoji: impl Into<String>,
        );
        struct {
            room_id: String = room_id.into(),
            thread_id: String = thread_id.into(),
            comment_id: String = comment_id.into(),
            body: AddCommentReactionRequestBody = AddCommentReactionRequestBody {
                user_id: user_id.into(),
                emoji: emoji.into(),
                created_at: None,
            },
        }
        set {
            /// When the reaction was added.
            fn created_at(self, created_at: Timestamp) {
                self.body.created_at = Some(created_at);
            }
        }
        path ["roomId" = room_id, "threadId" = thread_id, "commentId" = comment_id];
        request(self, req) {
            check_body_id(Self::OPERATION.id, "userId", &self.body.user_id)?;
            check_not_empty(Self::OPERATION.id, "emoji", &self.body.emoji)?;
            req.json(&self.body)
        }
    }

    /// Removes `user_id`'s `emoji` reaction from a comment.
    RemoveCommentReaction {
        "remove-comment-reaction", POST
            "/rooms/{roomId}/threads/{threadId}/comments/{commentId}/remove-reaction",
            Json -> None ();
        fn remove_comment_reaction(
            room_id: impl Into<String>,
            thread_id: impl Into<String>,
            comment_id: impl Into<String>,
            user_id: impl Into<String>,
            emoji: impl Into<String>,
        );
        struct {
            room_id: String = room_id.into(),
            thread_id: String = thread_id.into(),
            comment_id: String = comment_id.into(),
            body: RemoveCommentReactionRequestBody = RemoveCommentReactionRequestBody {
                user_id: user_id.into(),
                emoji: emoji.into(),
                removed_at: None,
            },
        }
        set {
            /// When the reaction was removed.
            fn removed_at(self, removed_at: Timestamp) {
                self.body.removed_at = Some(removed_at);
            }
        }
        path ["roomId" = room_id, "threadId" = thread_id, "commentId" = comment_id];
        request(self, req) {
            check_body_id(Self::OPERATION.id, "userId", &self.body.user_id)?;
            check_not_empty(Self::OPERATION.id, "emoji", &self.body.emoji)?;
            req.json(&self.body)
        }
    }
}
