//! Threads, comments and their reactions, as responses return them.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::{CommentBody, CommentMetadata, ThreadMetadata, ThreadVisibility};
use crate::models::attachments::CommentAttachment;
use crate::models::Timestamp;

/// A comment thread (schema `Thread`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Thread {
    /// The object type, always `"thread"`.
    #[serde(rename = "type")]
    pub object_type: String,
    /// The thread ID (`th_...`).
    pub id: String,
    /// The room the thread is in.
    pub room_id: String,
    /// The comments, oldest first.
    pub comments: Vec<Comment>,
    /// When the thread was created.
    #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
    pub created_at: Timestamp,
    /// When the thread last changed.
    #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
    pub updated_at: Timestamp,
    /// The thread's metadata.
    pub metadata: ThreadMetadata,
    /// Whether the thread is resolved.
    pub resolved: bool,
    /// Who can see the thread.
    pub visibility: ThreadVisibility,
}

/// A comment (schema `Comment`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Comment {
    /// The object type, always `"comment"`.
    #[serde(rename = "type")]
    pub object_type: String,
    /// The thread the comment belongs to.
    pub thread_id: String,
    /// The room the comment is in.
    pub room_id: String,
    /// The comment ID (`cm_...`).
    pub id: String,
    /// The author.
    pub user_id: String,
    /// When the comment was created.
    #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
    pub created_at: Timestamp,
    /// When the comment was last edited, if ever.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::models::timestamp::option")]
    pub edited_at: Option<Timestamp>,
    /// When the comment was deleted, if it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::models::timestamp::option")]
    pub deleted_at: Option<Timestamp>,
    /// The content; `None` for a deleted comment.
    ///
    /// An empty object `{}` (what the spec's examples show) also reads as `None`, since it
    /// holds no content; any other body that doesn't fit [`CommentBody`] is a decode error.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_body"
    )]
    pub body: Option<CommentBody>,
    /// The comment's metadata.
    pub metadata: CommentMetadata,
    /// The reactions.
    pub reactions: Vec<Reaction>,
    /// The attached files.
    pub attachments: Vec<CommentAttachment>,
}

fn lenient_body<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<CommentBody>, D::Error> {
    let value = Option::<Value>::deserialize(deserializer)?;
    match value {
        None => Ok(None),
        Some(Value::Object(map)) if map.is_empty() => Ok(None),
        Some(value) => serde_path_to_error::deserialize(value)
            .map(Some)
            .map_err(|e| D::Error::custom(format!("{}: {}", e.path(), e.inner()))),
    }
}

/// One user's reaction (schema `CommentReaction`): what adding a reaction returns, and what
/// the spec says a comment's `reactions` hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CommentReaction {
    /// Who reacted.
    pub user_id: String,
    /// The emoji.
    pub emoji: String,
    /// When.
    #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
    pub created_at: Timestamp,
}

/// One emoji with everyone who reacted with it, the shape the Liveblocks client types give
/// a comment's reactions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GroupedReaction {
    /// The emoji.
    pub emoji: String,
    /// When the first user reacted with it.
    #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
    pub created_at: Timestamp,
    /// Who reacted with it.
    pub users: Vec<ReactionUser>,
}

/// A user in a [`GroupedReaction`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReactionUser {
    /// The user ID.
    pub id: String,
}

/// A reaction inside a [`Comment`].
///
/// Two shapes are known: the spec's one reaction per user
/// (`{userId, emoji, createdAt}`) and the client types' one entry per emoji
/// (`{emoji, createdAt, users: [{id}]}`). Both decode; anything else is kept as
/// [`Reaction::Other`], so reactions never fail a comment's decode.
///
/// ```
/// use liveblocks_core::models::comments::Reaction;
///
/// let reactions: Vec<Reaction> = serde_json::from_str(r#"[
///     {"userId": "alice", "emoji": "👍", "createdAt": "2024-01-01T00:00:00Z"},
///     {"emoji": "🎉", "createdAt": "2024-01-01T00:00:00Z", "users": [{"id": "bob"}, {"id": "carol"}]}
/// ]"#).unwrap();
/// assert_eq!(reactions[0].user_ids(), ["alice"]);
/// assert_eq!(reactions[1].emoji(), Some("🎉"));
/// assert_eq!(reactions[1].user_ids(), ["bob", "carol"]);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Reaction {
    /// One user's reaction.
    User(CommentReaction),
    /// One emoji and everyone who used it.
    Grouped(GroupedReaction),
    /// Any other shape, as received.
    Other(Value),
}

impl Reaction {
    /// The emoji, unless the shape is unknown.
    pub fn emoji(&self) -> Option<&str> {
        match self {
            Reaction::User(r) => Some(&r.emoji),
            Reaction::Grouped(r) => Some(&r.emoji),
            Reaction::Other(_) => None,
        }
    }

    /// When the reaction was added, unless the shape is unknown.
    pub fn created_at(&self) -> Option<Timestamp> {
        match self {
            Reaction::User(r) => Some(r.created_at),
            Reaction::Grouped(r) => Some(r.created_at),
            Reaction::Other(_) => None,
        }
    }

    /// Who reacted (empty when the shape is unknown).
    pub fn user_ids(&self) -> Vec<&str> {
        match self {
            Reaction::User(r) => vec![r.user_id.as_str()],
            Reaction::Grouped(r) => r.users.iter().map(|u| u.id.as_str()).collect(),
            Reaction::Other(_) => Vec::new(),
        }
    }
}
