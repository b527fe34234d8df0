//! Comment bodies as plain text, Markdown and HTML, and the mentions they hold.
//!
//! The output is byte-for-byte that of `stringifyCommentBody` and
//! `getMentionsFromCommentBody` of `@liveblocks/node` 3.24 for the same body and the same
//! resolved names (checked against the real package by `tests/tests/oracles`).
//!
//! Names of mentioned users and groups come from your resolvers: collect them with
//! [`MentionNames::resolve`] (sync) or [`MentionNames::resolve_async`], or fill a
//! [`MentionNames`] yourself, then render with [`stringify()`].
//!
//! ```
//! use liveblocks_core::comment_body::{stringify, Format, MentionInfo, MentionNames, StringifyOptions};
//! use liveblocks_core::models::comments::{CommentBlock, CommentBody, CommentInline, CommentText};
//!
//! let body = CommentBody::new([CommentBlock::paragraph([
//!     CommentInline::text("Hi "),
//!     CommentInline::mention_user("u1"),
//!     CommentText::new(" <3").bold().into(),
//! ])]);
//! let names = MentionNames::resolve(
//!     &body,
//!     |ids| Ok::<_, std::convert::Infallible>(ids.iter().map(|id| Some(MentionInfo::named(format!("User {id}")))).collect()),
//!     |_| Ok(vec![]),
//! )?;
//! let html = stringify(&body, &StringifyOptions::new(Format::Html).names(&names));
//! assert_eq!(html, "<p>Hi <span data-mention>@User u1</span><strong> &lt;3</strong></p>");
//! assert_eq!(stringify(&body, &StringifyOptions::new(Format::Plain).names(&names)), "Hi @User u1 <3");
//! assert_eq!(stringify(&body, &StringifyOptions::new(Format::Markdown)), "Hi @u1** <3**");
//! # Ok::<(), liveblocks_core::comment_body::ResolveError<std::convert::Infallible>>(())
//! ```

mod html;
mod markdown;
mod mentions;
mod text;
pub(crate) mod url;

use crate::models::comments::{
    CommentBlock, CommentBody, CommentInline, CommentLink, CommentMention, CommentText, MentionKind,
};

pub use html::HtmlStyles;
pub use mentions::{MentionIds, MentionInfo, MentionNames, ResolveError};

/// The output format of [`stringify()`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Format {
    /// Plain text (the default); paragraphs separated by `\n`.
    #[default]
    Plain,
    /// Markdown; paragraphs separated by `\n\n`.
    Markdown,
    /// HTML, escaped; paragraphs separated by `\n`.
    Html,
}

/// Options of [`stringify()`]: the format, the paragraph separator and the resolved names.
#[derive(Debug, Clone, Default)]
pub struct StringifyOptions<'a> {
    format: Format,
    separator: Option<String>,
    names: Option<&'a MentionNames>,
}

impl<'a> StringifyOptions<'a> {
    /// Options for this format, with its default separator and no names (mentions show IDs).
    pub fn new(format: Format) -> Self {
        StringifyOptions {
            format,
            separator: None,
            names: None,
        }
    }

    /// Joins paragraphs with `separator` instead of the format's default.
    pub fn separator(mut self, separator: impl Into<String>) -> Self {
        self.separator = Some(separator.into());
        self
    }

    /// Shows these names for mentioned users and groups.
    pub fn names(mut self, names: &'a MentionNames) -> Self {
        self.names = Some(names);
        self
    }
}

/// Renders a comment body, as `stringifyCommentBody` of `@liveblocks/node`.
///
/// Only paragraphs are rendered (other blocks are skipped), links that aren't `http(s)` are
/// shown as text, mentions without an ID are skipped. A mention shows the resolved name, else
/// the ID.
pub fn stringify(body: &CommentBody, options: &StringifyOptions<'_>) -> String {
    let empty = MentionNames::default();
    let names = options.names.unwrap_or(&empty);
    let (elements, default_separator): (&dyn Elements, &str) = match options.format {
        Format::Plain => (&text::Plain, "\n"),
        Format::Markdown => (&markdown::Markdown, "\n\n"),
        Format::Html => (&html::Html::PLAIN, "\n"),
    };
    let separator = options.separator.as_deref().unwrap_or(default_separator);
    render(body, elements, names, true).join(separator)
}

/// A body as `@liveblocks/emails` renders it in e-mails: HTML with these inline styles
/// ([`HtmlStyles::email`] are its defaults), paragraphs joined by `\n`. Unlike
/// [`stringify()`], a mention with an empty ID is rendered (as `@`).
pub fn render_email_html(body: &CommentBody, names: &MentionNames, styles: &HtmlStyles) -> String {
    let elements = html::Html {
        styles: Some(styles),
    };
    render(body, &elements, names, false).join("\n")
}

/// How one format renders each element (the `elements` of `stringifyCommentBody`).
pub(crate) trait Elements {
    /// A paragraph from its rendered children.
    fn paragraph(&self, children: String) -> String;
    /// A run of text.
    fn text(&self, text: &CommentText) -> String;
    /// A link with a sanitised `href`.
    fn link(&self, link: &CommentLink, href: &str) -> String;
    /// A mention with the resolved user or group, if any.
    fn mention(
        &self,
        mention: &CommentMention,
        user: Option<&MentionInfo>,
        group: Option<&MentionInfo>,
    ) -> String;
}

/// The rendered paragraphs of a body. `skip_empty_mentions` is `stringifyCommentBody`'s
/// behaviour; `@liveblocks/emails` renders them.
pub(crate) fn render(
    body: &CommentBody,
    elements: &dyn Elements,
    names: &MentionNames,
    skip_empty_mentions: bool,
) -> Vec<String> {
    let mut blocks = Vec::new();
    for block in &body.content {
        let CommentBlock::Paragraph { children } = block else {
            continue;
        };
        let mut out = String::new();
        for inline in children {
            match inline {
                CommentInline::Mention(m) => {
                    if m.id.is_empty() && skip_empty_mentions {
                        continue;
                    }
                    let user = (m.kind == MentionKind::User)
                        .then(|| names.user(&m.id))
                        .flatten();
                    let group = (m.kind == MentionKind::Group)
                        .then(|| names.group(&m.id))
                        .flatten();
                    out.push_str(&elements.mention(m, user, group));
                }
                CommentInline::Link(link) => match url::sanitize_url(&link.url) {
                    Some(href) => out.push_str(&elements.link(link, &href)),
                    None => {
                        let text = link.text.clone().unwrap_or_else(|| link.url.clone());
                        out.push_str(&elements.text(&CommentText::new(text)));
                    }
                },
                CommentInline::Text(text) => out.push_str(&elements.text(text)),
                CommentInline::Other(_) => {}
            }
        }
        blocks.push(elements.paragraph(out));
    }
    blocks
}

impl CommentBody {
    /// The body rendered with these options; see [`stringify()`].
    pub fn stringify(&self, options: &StringifyOptions<'_>) -> String {
        stringify(self, options)
    }

    /// The distinct mentions, in order (the first of each ID), as
    /// `getMentionsFromCommentBody` of `@liveblocks/node`.
    pub fn mentions(&self) -> Vec<CommentMention> {
        mentions::mentions(self)
    }
}

fn flag(value: Option<bool>) -> bool {
    value == Some(true)
}
