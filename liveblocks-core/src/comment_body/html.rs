//! HTML, escaped; optionally with inline styles, as the e-mails of `@liveblocks/emails`.

use super::text::truthy_name;
use super::{flag, Elements, MentionInfo};
use crate::models::comments::{CommentLink, CommentMention, CommentText};

/// Escapes `& < > " '` as `@liveblocks/core` does.
pub fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Inline CSS for the elements of rendered HTML (each a `style` attribute value, e.g.
/// `font-size:14px;`), as `@liveblocks/emails` puts in e-mails. `None` leaves the attribute
/// out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct HtmlStyles {
    /// `<p>`.
    pub paragraph: Option<String>,
    /// `<strong>`.
    pub strong: Option<String>,
    /// `<code>`.
    pub code: Option<String>,
    /// `<span data-mention>`.
    pub mention: Option<String>,
    /// `<a>`.
    pub link: Option<String>,
}

impl HtmlStyles {
    /// The default styles of `prepareThreadNotificationEmailAsHtml` (`@liveblocks/emails` 3.13).
    pub fn email() -> Self {
        HtmlStyles {
            paragraph: Some("font-size:14px;".to_owned()),
            strong: Some("font-weight:500;".to_owned()),
            code: Some(
                "font-family:ui-monospace, Menlo, Monaco, \"Cascadia Mono\", \"Segoe UI Mono\", \
                 \"Roboto Mono\", \"Oxygen Mono\", \"Ubuntu Mono\", \"Source Code Pro\", \
                 \"Fira Mono\", \"Droid Sans Mono\", \"Consolas\", \"Courier New\", monospace;\
                 background-color:rgba(0,0,0,0.05);border:solid 1px rgba(0,0,0,0.1);\
                 border-radius:4px;"
                    .to_owned(),
            ),
            mention: Some("color:blue;".to_owned()),
            link: Some("text-decoration:underline;".to_owned()),
        }
    }
}

pub(crate) struct Html<'s> {
    pub(crate) styles: Option<&'s HtmlStyles>,
}

impl Html<'static> {
    pub(crate) const PLAIN: Html<'static> = Html { styles: None };
}

impl Html<'_> {
    fn style(&self, pick: fn(&HtmlStyles) -> &Option<String>) -> String {
        match self.styles.and_then(|s| pick(s).as_deref()) {
            Some(style) => format!(" style=\"{}\"", escape(style)),
            None => String::new(),
        }
    }
}

impl Elements for Html<'_> {
    fn paragraph(&self, children: String) -> String {
        if children.is_empty() {
            return children;
        }
        format!("<p{}>{children}</p>", self.style(|s| &s.paragraph))
    }

    fn text(&self, text: &CommentText) -> String {
        let mut out = escape(&text.text);
        if out.is_empty() {
            return out;
        }
        if flag(text.bold) {
            out = format!("<strong{}>{out}</strong>", self.style(|s| &s.strong));
        }
        if flag(text.italic) {
            out = format!("<em>{out}</em>");
        }
        if flag(text.strikethrough) {
            out = format!("<s>{out}</s>");
        }
        if flag(text.code) {
            out = format!("<code{}>{out}</code>", self.style(|s| &s.code));
        }
        out
    }

    fn link(&self, link: &CommentLink, href: &str) -> String {
        let text = link
            .text
            .as_deref()
            .filter(|t| !t.is_empty())
            .unwrap_or(&link.url);
        format!(
            "<a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\"{}>{}</a>",
            escape(href),
            self.style(|s| &s.link),
            escape(text)
        )
    }

    fn mention(
        &self,
        mention: &CommentMention,
        user: Option<&MentionInfo>,
        group: Option<&MentionInfo>,
    ) -> String {
        format!(
            "<span data-mention{}>@{}</span>",
            self.style(|s| &s.mention),
            escape(truthy_name(mention, user, group))
        )
    }
}
