//! What the editor readers (Lexical, Tiptap) and the text-mention step share: the nodes of
//! the text around a mention, what a reader found, and why a document could not be read. Kept
//! apart so that the readers and `text_mention.rs` depend on it, not on each other.

use crate::models::comments::MentionKind;

/// A piece of the text around a mention, as `@liveblocks/emails` passes it to its `Text` and
/// `Mention` components.
///
/// ```
/// use liveblocks_core::notification_content::TextMentionNode;
///
/// fn plain(nodes: &[TextMentionNode]) -> String {
///     nodes.iter().map(|node| match node {
///         TextMentionNode::Text(text) => text.text.clone(),
///         TextMentionNode::Mention { id, .. } => format!("@{id}"),
///         _ => String::new(),
///     }).collect()
/// }
/// assert_eq!(plain(&[]), "");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TextMentionNode {
    /// Text, with its formatting.
    Text(TextMentionText),
    /// A mention of a user or a group.
    Mention {
        /// User or group.
        kind: MentionKind,
        /// The user or group ID.
        id: String,
    },
}

/// Formatted text around a mention.
///
/// ```
/// use liveblocks_core::notification_content::TextMentionText;
///
/// let text = TextMentionText::default();
/// assert!(!text.bold && !text.italic && !text.strikethrough && !text.code && text.text.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct TextMentionText {
    /// The text.
    pub text: String,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// Struck through.
    pub strikethrough: bool,
    /// Inline code.
    pub code: bool,
}

/// Why the document of a text mention could not be read.
///
/// ```
/// use liveblocks_core::models::{notifications::InboxNotification, rooms::Room};
/// use liveblocks_core::notification_content::{select_text_mention, TextMentionError};
///
/// # fn run(room: &Room, inbox: &InboxNotification) {
/// match select_text_mention(room, inbox, &[1, 2, 3]) {
///     Err(TextMentionError::Document(reason)) => eprintln!("not a Yjs update: {reason}"),
///     Err(other) => eprintln!("{other}"),
///     Ok(_) => {}
/// }
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TextMentionError {
    /// The binary update is not a Yjs update (or yrs could not apply it).
    #[error("the room's Yjs document could not be read: {0}")]
    Document(String),
    /// The room reports a text editor other than Lexical and Tiptap.
    #[error("unsupported text editor `{0}`")]
    UnsupportedEditor(String),
    /// The editor's tree holds a node its reader cannot read (Tiptap: a fragment inside the
    /// tree, a mention without attributes), where `@liveblocks/emails` throws.
    #[error("malformed {editor} document: {reason}")]
    Malformed {
        /// `lexical` or `tiptap`.
        editor: &'static str,
        /// What is wrong.
        reason: String,
    },
}

/// What an editor reader found: the mention and the text around it.
pub(crate) struct Found {
    pub(crate) kind: MentionKind,
    pub(crate) id: String,
    pub(crate) user_ids: Option<Vec<String>>,
    pub(crate) nodes: Vec<TextMentionNode>,
}
