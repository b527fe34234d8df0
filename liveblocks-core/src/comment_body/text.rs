//! Plain text.

use super::{Elements, MentionInfo};
use crate::models::comments::{CommentLink, CommentMention, CommentText};

pub(crate) struct Plain;

impl Elements for Plain {
    fn paragraph(&self, children: String) -> String {
        children
    }

    fn text(&self, text: &CommentText) -> String {
        text.text.clone()
    }

    fn link(&self, link: &CommentLink, _href: &str) -> String {
        link.text.clone().unwrap_or_else(|| link.url.clone())
    }

    fn mention(
        &self,
        mention: &CommentMention,
        user: Option<&MentionInfo>,
        group: Option<&MentionInfo>,
    ) -> String {
        format!("@{}", display_name(mention, user, group))
    }
}

/// `user?.name ?? group?.name ?? element.id`.
pub(crate) fn display_name<'a>(
    mention: &'a CommentMention,
    user: Option<&'a MentionInfo>,
    group: Option<&'a MentionInfo>,
) -> &'a str {
    user.and_then(|u| u.name.as_deref())
        .or_else(|| group.and_then(|g| g.name.as_deref()))
        .unwrap_or(&mention.id)
}

/// `user?.name ? user.name : group?.name ? group.name : element.id` (empty names skipped).
pub(crate) fn truthy_name<'a>(
    mention: &'a CommentMention,
    user: Option<&'a MentionInfo>,
    group: Option<&'a MentionInfo>,
) -> &'a str {
    user.and_then(|u| u.name.as_deref())
        .filter(|n| !n.is_empty())
        .or_else(|| {
            group
                .and_then(|g| g.name.as_deref())
                .filter(|n| !n.is_empty())
        })
        .unwrap_or(&mention.id)
}
