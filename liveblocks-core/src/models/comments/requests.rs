//! The request bodies of the comments operations.

use serde::{Deserialize, Serialize};

use super::{CommentBody, CommentMetadata, ThreadMetadata, ThreadVisibility};
use crate::models::Timestamp;

/// A new comment: the body of `create-comment` (schema `CreateCommentRequestBody`) and the
/// first comment of `create-thread`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateCommentRequestBody {
    /// The author.
    pub user_id: String,
    /// When the comment was written (the server's clock when left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::models::timestamp::option")]
    pub created_at: Option<Timestamp>,
    /// The content.
    pub body: CommentBody,
    /// The comment's metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<CommentMetadata>,
    /// Uploaded attachments to attach, at most 10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment_ids: Option<Vec<String>>,
}

impl CreateCommentRequestBody {
    /// A comment by `user_id`.
    pub fn new(user_id: impl Into<String>, body: impl Into<CommentBody>) -> Self {
        CreateCommentRequestBody {
            user_id: user_id.into(),
            created_at: None,
            body: body.into(),
            metadata: None,
            attachment_ids: None,
        }
    }
}

/// The body of `create-thread` (schema `CreateThreadRequestBody`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateThreadRequestBody {
    /// The thread's first comment.
    pub comment: CreateCommentRequestBody,
    /// The thread's metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ThreadMetadata>,
    /// Who can see the thread (the server's default is public).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility: Option<ThreadVisibility>,
}

/// The body of `edit-comment` (schema `EditCommentRequestBody`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EditCommentRequestBody {
    /// When the edit happened (the server's clock when left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::models::timestamp::option")]
    pub edited_at: Option<Timestamp>,
    /// The new content.
    pub body: CommentBody,
    /// The comment's new metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<CommentMetadata>,
    /// The attachments the comment keeps or gains, at most 10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment_ids: Option<Vec<String>>,
}

/// A body holding only the acting user: the bodies of `mark-thread-as-resolved`,
/// `mark-thread-as-unresolved`, `subscribe-to-thread` and `unsubscribe-from-thread`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserIdRequestBody {
    /// The acting user.
    pub user_id: String,
}

/// Schema `MarkThreadAsResolvedRequestBody`.
pub type MarkThreadAsResolvedRequestBody = UserIdRequestBody;
/// Schema `MarkThreadAsUnresolvedRequestBody`.
pub type MarkThreadAsUnresolvedRequestBody = UserIdRequestBody;
/// Schema `SubscribeToThreadRequestBody`.
pub type SubscribeToThreadRequestBody = UserIdRequestBody;
/// Schema `UnsubscribeFromThreadRequestBody`.
pub type UnsubscribeFromThreadRequestBody = UserIdRequestBody;

/// The body of `add-comment-reaction` (schema `AddCommentReactionRequestBody`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AddCommentReactionRequestBody {
    /// Who reacts.
    pub user_id: String,
    /// The emoji.
    pub emoji: String,
    /// When (the server's clock when left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::models::timestamp::option")]
    pub created_at: Option<Timestamp>,
}

/// The body of `remove-comment-reaction` (schema `RemoveCommentReactionRequestBody`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RemoveCommentReactionRequestBody {
    /// Whose reaction to remove.
    pub user_id: String,
    /// The emoji.
    pub emoji: String,
    /// When (the server's clock when left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::models::timestamp::option")]
    pub removed_at: Option<Timestamp>,
}
