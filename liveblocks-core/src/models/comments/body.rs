//! The rich-text content of a comment: blocks, inline elements, mentions and links.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use super::MentionKind;

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
