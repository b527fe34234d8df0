//! Markdown.

use super::text::display_name;
use super::{flag, Elements, MentionInfo};
use crate::models::comments::{CommentLink, CommentMention, CommentText};

pub(crate) struct Markdown;

/// Backslash-escapes ``_ * # ` ~ ! | ( ) { } [ ]``, as `@liveblocks/core`.
pub(crate) fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        if matches!(
            c,
            '_' | '*' | '#' | '`' | '~' | '!' | '|' | '(' | ')' | '{' | '}' | '[' | ']'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

impl Elements for Markdown {
    fn paragraph(&self, children: String) -> String {
        children
    }

    fn text(&self, text: &CommentText) -> String {
        // Unformatted text is passed through unescaped, as @liveblocks/core does.
        if text.text.is_empty() {
            return String::new();
        }
        let formatted =
            flag(text.bold) || flag(text.italic) || flag(text.strikethrough) || flag(text.code);
        if !formatted {
            return text.text.clone();
        }
        let mut out = escape(&text.text);
        if flag(text.bold) {
            out = format!("**{out}**");
        }
        if flag(text.italic) {
            out = format!("_{out}_");
        }
        if flag(text.strikethrough) {
            out = format!("~~{out}~~");
        }
        if flag(text.code) {
            out = format!("`{out}`");
        }
        out
    }

    fn link(&self, link: &CommentLink, href: &str) -> String {
        let text = link.text.as_deref().unwrap_or(&link.url);
        format!("[{}]({})", escape(text), escape(href))
    }

    fn mention(
        &self,
        mention: &CommentMention,
        user: Option<&MentionInfo>,
        group: Option<&MentionInfo>,
    ) -> String {
        format!("@{}", escape(display_name(mention, user, group)))
    }
}
