//! Comments: threads, comments and their rich-text bodies, reactions, metadata, thread
//! subscriptions and a thread's inbox notifications.
//!
//! Attachment types live in [`super::attachments`].

use std::collections::BTreeMap;

use serde::de::Error as _;
use serde::ser::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use super::attachments::CommentAttachment;
use super::{open_enum, Timestamp};

open_enum! {
    /// Who can see a thread.
    pub enum ThreadVisibility {
        /// Everyone with comments access to the room (`public`, the default).
        Public = "public",
        /// Only users with private comments access (`private`).
        Private = "private",
    }
}

open_enum! {
    /// What a subscription is about.
    pub enum SubscriptionKind {
        /// A thread (`thread`).
        Thread = "thread",
    }
}

open_enum! {
    /// Whom a mention in a comment points at.
    pub enum MentionKind {
        /// One user (`user`).
        User = "user",
        /// A group (`group`).
        Group = "group",
    }
}

// ---------------------------------------------------------------------------------------
// Metadata
// ---------------------------------------------------------------------------------------

/// One thread or comment metadata value: a string (at most 4000 characters), a number or a
/// boolean.
///
/// Whole numbers are sent without a fractional part (`25`, not `25.0`). NaN and infinities
/// can't be sent: serializing them fails, so a request containing one is rejected with
/// [`Error::InvalidInput`](crate::Error::InvalidInput) before anything is sent.
///
/// ```
/// use liveblocks_core::models::comments::MetadataValue;
///
/// assert_eq!(serde_json::to_string(&MetadataValue::from(25)).unwrap(), "25");
/// assert_eq!(serde_json::to_string(&MetadataValue::from(2.5)).unwrap(), "2.5");
/// assert_eq!(serde_json::to_string(&MetadataValue::from("blue")).unwrap(), r#""blue""#);
/// let value: MetadataValue = serde_json::from_str("true").unwrap();
/// assert_eq!(value, MetadataValue::Boolean(true));
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum MetadataValue {
    /// A string.
    String(String),
    /// A number.
    Number(f64),
    /// A boolean.
    Boolean(bool),
}

impl MetadataValue {
    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            MetadataValue::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number, if this is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            MetadataValue::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The boolean, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            MetadataValue::Boolean(b) => Some(*b),
            _ => None,
        }
    }
}

/// The largest integer an `f64` holds exactly (2^53).
const MAX_EXACT_INTEGER: f64 = 9_007_199_254_740_992.0;

impl Serialize for MetadataValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            MetadataValue::String(s) => serializer.serialize_str(s),
            MetadataValue::Boolean(b) => serializer.serialize_bool(*b),
            MetadataValue::Number(n) if !n.is_finite() => Err(S::Error::custom(format!(
                "metadata number {n} is not finite"
            ))),
            MetadataValue::Number(n) if n.fract() == 0.0 && n.abs() <= MAX_EXACT_INTEGER => {
                // Exact: |n| <= 2^53 and no fractional part.
                serializer.serialize_i64(*n as i64)
            }
            MetadataValue::Number(n) => serializer.serialize_f64(*n),
        }
    }
}

impl From<&str> for MetadataValue {
    fn from(value: &str) -> Self {
        MetadataValue::String(value.to_owned())
    }
}

impl From<String> for MetadataValue {
    fn from(value: String) -> Self {
        MetadataValue::String(value)
    }
}

impl From<bool> for MetadataValue {
    fn from(value: bool) -> Self {
        MetadataValue::Boolean(value)
    }
}

impl From<f64> for MetadataValue {
    fn from(value: f64) -> Self {
        MetadataValue::Number(value)
    }
}

macro_rules! metadata_from_int {
    ($($ty:ty),*) => {$(
        impl From<$ty> for MetadataValue {
            fn from(value: $ty) -> Self {
                MetadataValue::Number(f64::from(value))
            }
        }
    )*};
}
metadata_from_int!(i8, i16, i32, u8, u16, u32);

/// A thread's metadata (schema `ThreadMetadata`): at most 50 keys of at most 40 characters.
pub type ThreadMetadata = BTreeMap<String, MetadataValue>;

/// A comment's metadata (schema `CommentMetadata`): at most 50 keys of at most 40 characters.
pub type CommentMetadata = BTreeMap<String, MetadataValue>;

/// Changes to a thread's or a comment's metadata (schemas `EditThreadMetadataRequestBody` and
/// `EditCommentMetadataRequestBody`, which are the same).
///
/// Keys not named are kept; removing a key sends `null` for it.
///
/// ```
/// use liveblocks_core::models::comments::MetadataUpdate;
///
/// let update = MetadataUpdate::new("alice").set("status", "open").set("priority", 2).remove("color");
/// assert_eq!(
///     serde_json::to_string(&update).unwrap(),
///     r#"{"metadata":{"color":null,"priority":2,"status":"open"},"userId":"alice"}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MetadataUpdate {
    /// The changes: a value sets the key, `None` (sent as `null`) removes it.
    pub metadata: BTreeMap<String, Option<MetadataValue>>,
    /// The user making the change.
    pub user_id: String,
    /// When the change happened (the server's clock when left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
}

impl MetadataUpdate {
    /// An update by `user_id` that changes nothing yet.
    pub fn new(user_id: impl Into<String>) -> Self {
        MetadataUpdate {
            metadata: BTreeMap::new(),
            user_id: user_id.into(),
            updated_at: None,
        }
    }

    /// Sets one key.
    pub fn set(mut self, key: impl Into<String>, value: impl Into<MetadataValue>) -> Self {
        self.metadata.insert(key.into(), Some(value.into()));
        self
    }

    /// Removes one key (sends `null`).
    pub fn remove(mut self, key: impl Into<String>) -> Self {
        self.metadata.insert(key.into(), None);
        self
    }

    /// When the change happened.
    pub fn updated_at(mut self, updated_at: Timestamp) -> Self {
        self.updated_at = Some(updated_at);
        self
    }
}

/// The body of `edit-thread-metadata` (schema `EditThreadMetadataRequestBody`).
pub type EditThreadMetadataRequestBody = MetadataUpdate;
/// The body of `edit-comment-metadata` (schema `EditCommentMetadataRequestBody`).
pub type EditCommentMetadataRequestBody = MetadataUpdate;

// ---------------------------------------------------------------------------------------
// Comment bodies
// ---------------------------------------------------------------------------------------

/// The rich-text content of a comment (schema `CommentBody`): `{version: 1, content: [...]}`.
///
/// The spec types the blocks as free objects; they are modelled after the Liveblocks client
/// types, and anything else is kept as raw JSON ([`CommentBlock::Other`],
/// [`CommentInline::Other`]) so a new kind of element never fails a decode.
///
/// ```
/// use liveblocks_core::models::comments::{CommentBlock, CommentBody, CommentInline, CommentText};
/// use serde_json::json;
///
/// let body = CommentBody::new([CommentBlock::paragraph([
///     CommentInline::text("Hello "),
///     CommentInline::mention_user("alice"),
///     CommentText::new("!").bold().into(),
/// ])]);
/// assert_eq!(
///     serde_json::to_value(&body).unwrap(),
///     json!({"version": 1, "content": [{"type": "paragraph", "children": [
///         {"text": "Hello "},
///         {"type": "mention", "kind": "user", "id": "alice"},
///         {"text": "!", "bold": true},
///     ]}]})
/// );
/// assert_eq!(body.plain_text(), "Hello @alice!");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CommentBody {
    /// The format version, `1`.
    pub version: i64,
    /// The blocks, in order.
    pub content: Vec<CommentBlock>,
}

impl CommentBody {
    /// A version 1 body with these blocks.
    pub fn new(content: impl IntoIterator<Item = CommentBlock>) -> Self {
        CommentBody {
            version: 1,
            content: content.into_iter().collect(),
        }
    }

    /// A body of one paragraph of plain text.
    pub fn text(text: impl Into<String>) -> Self {
        CommentBody::new([CommentBlock::paragraph([CommentInline::text(text)])])
    }

    /// The body as plain text: paragraphs joined by newlines, mentions as `@id`, links as
    /// their text (or URL). Unknown elements are skipped.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        for (i, block) in self.content.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            if let CommentBlock::Paragraph { children } = block {
                for inline in children {
                    match inline {
                        CommentInline::Text(t) => out.push_str(&t.text),
                        CommentInline::Mention(m) => {
                            out.push('@');
                            out.push_str(&m.id);
                        }
                        CommentInline::Link(l) => {
                            out.push_str(l.text.as_deref().unwrap_or(&l.url));
                        }
                        CommentInline::Other(_) => {}
                    }
                }
            }
        }
        out
    }
}

impl From<&str> for CommentBody {
    /// One paragraph of plain text.
    fn from(text: &str) -> Self {
        CommentBody::text(text)
    }
}

impl From<String> for CommentBody {
    /// One paragraph of plain text.
    fn from(text: String) -> Self {
        CommentBody::text(text)
    }
}

/// A block of a comment body.
///
/// Decoding never fails on a block: one without a known `type`, or whose known shape doesn't
/// fit, is kept as [`CommentBlock::Other`] and sent back unchanged.
#[derive(Debug, Clone, PartialEq)]
pub enum CommentBlock {
    /// `{"type": "paragraph", "children": [...]}`.
    Paragraph {
        /// The inline elements of the paragraph.
        children: Vec<CommentInline>,
    },
    /// Any other block, as received.
    Other(Value),
}

impl CommentBlock {
    /// A paragraph of these inline elements.
    pub fn paragraph(children: impl IntoIterator<Item = CommentInline>) -> Self {
        CommentBlock::Paragraph {
            children: children.into_iter().collect(),
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase")]
enum KnownBlock<C> {
    Paragraph { children: C },
}

impl Serialize for CommentBlock {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            CommentBlock::Paragraph { children } => {
                KnownBlock::Paragraph { children }.serialize(serializer)
            }
            CommentBlock::Other(value) => value.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for CommentBlock {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        if value.get("type").and_then(Value::as_str) == Some("paragraph") {
            if let Ok(KnownBlock::Paragraph { children }) =
                KnownBlock::<Vec<CommentInline>>::deserialize(&value)
            {
                return Ok(CommentBlock::Paragraph { children });
            }
        }
        Ok(CommentBlock::Other(value))
    }
}

/// An inline element of a paragraph.
///
/// Text has no `type` field; mentions and links do. Decoding never fails on an inline
/// element: anything else is kept as [`CommentInline::Other`].
#[derive(Debug, Clone, PartialEq)]
pub enum CommentInline {
    /// A run of text (no `type` field).
    Text(CommentText),
    /// `{"type": "mention", ...}`.
    Mention(CommentMention),
    /// `{"type": "link", ...}`.
    Link(CommentLink),
    /// Any other element, as received.
    Other(Value),
}

impl CommentInline {
    /// Plain text; see [`CommentText`] for formatted text.
    pub fn text(text: impl Into<String>) -> Self {
        CommentInline::Text(CommentText::new(text))
    }

    /// A mention of a user.
    pub fn mention_user(user_id: impl Into<String>) -> Self {
        CommentInline::Mention(CommentMention {
            kind: MentionKind::User,
            id: user_id.into(),
            user_ids: None,
        })
    }

    /// A mention of a group; `user_ids`, when given, limits who in the group is notified.
    pub fn mention_group(group_id: impl Into<String>, user_ids: Option<Vec<String>>) -> Self {
        CommentInline::Mention(CommentMention {
            kind: MentionKind::Group,
            id: group_id.into(),
            user_ids,
        })
    }

    /// A link; `text` is what is shown instead of the URL.
    pub fn link(url: impl Into<String>, text: Option<String>) -> Self {
        CommentInline::Link(CommentLink {
            url: url.into(),
            text,
        })
    }
}

impl From<CommentText> for CommentInline {
    fn from(text: CommentText) -> Self {
        CommentInline::Text(text)
    }
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase")]
enum KnownInline<M, L> {
    Mention(M),
    Link(L),
}

impl Serialize for CommentInline {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            CommentInline::Text(text) => text.serialize(serializer),
            CommentInline::Mention(m) => {
                KnownInline::<_, &CommentLink>::Mention(m).serialize(serializer)
            }
            CommentInline::Link(l) => {
                KnownInline::<&CommentMention, _>::Link(l).serialize(serializer)
            }
            CommentInline::Other(value) => value.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for CommentInline {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        let parsed = match value.get("type") {
            None => CommentText::deserialize(&value)
                .map(CommentInline::Text)
                .ok(),
            Some(Value::String(t)) if t == "mention" || t == "link" => {
                KnownInline::<CommentMention, CommentLink>::deserialize(&value)
                    .ok()
                    .map(|known| match known {
                        KnownInline::Mention(m) => CommentInline::Mention(m),
                        KnownInline::Link(l) => CommentInline::Link(l),
                    })
            }
            Some(_) => None,
        };
        Ok(parsed.unwrap_or(CommentInline::Other(value)))
    }
}

/// A run of text with its formatting.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CommentText {
    /// The text.
    pub text: String,
    /// Bold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bold: Option<bool>,
    /// Italic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub italic: Option<bool>,
    /// Struck through.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strikethrough: Option<bool>,
    /// Inline code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<bool>,
}

impl CommentText {
    /// Unformatted text.
    pub fn new(text: impl Into<String>) -> Self {
        CommentText {
            text: text.into(),
            ..Self::default()
        }
    }

    /// Makes it bold.
    pub fn bold(mut self) -> Self {
        self.bold = Some(true);
        self
    }

    /// Makes it italic.
    pub fn italic(mut self) -> Self {
        self.italic = Some(true);
        self
    }

    /// Strikes it through.
    pub fn strikethrough(mut self) -> Self {
        self.strikethrough = Some(true);
        self
    }

    /// Makes it inline code.
    pub fn code(mut self) -> Self {
        self.code = Some(true);
        self
    }
}

/// A mention of a user or a group (`{"type": "mention", "kind", "id", "userIds"?}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CommentMention {
    /// Whom the mention points at. Older bodies have no `kind`; they mention a user, so a
    /// missing kind reads as [`MentionKind::User`] (and is sent back as `"user"`).
    #[serde(default = "default_mention_kind")]
    pub kind: MentionKind,
    /// The user or group ID.
    pub id: String,
    /// For a group mention, the members to notify (all of them when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_ids: Option<Vec<String>>,
}

fn default_mention_kind() -> MentionKind {
    MentionKind::User
}

/// A link (`{"type": "link", "url", "text"?}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CommentLink {
    /// The URL.
    pub url: String,
    /// The text shown instead of the URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

// ---------------------------------------------------------------------------------------
// Threads, comments, reactions
// ---------------------------------------------------------------------------------------

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
    pub created_at: Timestamp,
    /// When the thread last changed.
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
    pub created_at: Timestamp,
    /// When the comment was last edited, if ever.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited_at: Option<Timestamp>,
    /// When the comment was deleted, if it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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

// ---------------------------------------------------------------------------------------
// Request bodies
// ---------------------------------------------------------------------------------------

/// A new comment: the body of `create-comment` (schema `CreateCommentRequestBody`) and the
/// first comment of `create-thread`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateCommentRequestBody {
    /// The author.
    pub user_id: String,
    /// When the comment was written (the server's clock when left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
    pub removed_at: Option<Timestamp>,
}

// ---------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------

/// A room's threads (schema `GetThreadsResponse`). Not paginated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GetThreadsResponse {
    /// The threads.
    pub data: Vec<Thread>,
}

/// The authors of and users mentioned in a thread (schema `GetThreadParticipantsResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GetThreadParticipantsResponse {
    /// Unique user IDs.
    pub participant_ids: Vec<String>,
}

/// A user's subscription (schema `Subscription`), as `subscribe-to-thread` returns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Subscription {
    /// What kind of subject.
    pub kind: SubscriptionKind,
    /// The subject, e.g. the thread ID.
    pub subject_id: String,
    /// When the subscription started.
    pub created_at: Timestamp,
}

/// A subscription with its user (schema `UserSubscription`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UserSubscription {
    /// What kind of subject.
    pub kind: SubscriptionKind,
    /// The subject, e.g. the thread ID.
    pub subject_id: String,
    /// When the subscription started.
    pub created_at: Timestamp,
    /// The subscribed user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
}

/// Everyone subscribed to a thread (schema `GetThreadSubscriptionsResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GetThreadSubscriptionsResponse {
    /// The subscriptions.
    pub data: Vec<UserSubscription>,
}

/// A thread notification in some user's inbox: an item of `get-thread-inbox-notifications`
/// (schema `InboxNotificationThreadData` plus the required `userId`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ThreadInboxNotification {
    /// The notification ID (`in_...`).
    pub id: String,
    /// The notification kind, `"thread"`.
    pub kind: String,
    /// The thread.
    pub thread_id: String,
    /// The room of the thread.
    pub room_id: String,
    /// The organization of the room.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// When the user read it; `None` while unread.
    #[serde(deserialize_with = "super::required_nullable")]
    pub read_at: Option<Timestamp>,
    /// When the user was last notified.
    pub notified_at: Timestamp,
    /// The user whose inbox holds it.
    pub user_id: String,
}

/// A thread's notifications across all inboxes (the inline response schema of
/// `get-thread-inbox-notifications`). Not paginated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GetThreadInboxNotificationsResponse {
    /// The notifications.
    pub data: Vec<ThreadInboxNotification>,
}
