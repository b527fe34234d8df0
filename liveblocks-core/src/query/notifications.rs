//! The inbox notifications query language (`get_inbox_notifications`): `unread`.

use super::ast::{Condition, Literal};
use super::criteria::Criteria;
use super::QueryString;
use crate::error::Error;

/// A filter for [`get_inbox_notifications`](crate::Client::get_inbox_notifications):
/// `unread:true` or `unread:false`.
///
/// The same criteria as `@liveblocks/node`'s `getInboxNotifications({ query: { unread } })`,
/// written the same way.
///
/// ```
/// use liveblocks_core::query::InboxNotificationsQuery;
///
/// let query = InboxNotificationsQuery::new().unread(true).build()?;
/// assert_eq!(query.as_str(), "unread:true");
/// # Ok::<(), liveblocks_core::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InboxNotificationsQuery {
    criteria: Criteria,
}

impl InboxNotificationsQuery {
    /// No criteria yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only unread (`true`) or read (`false`) notifications.
    pub fn unread(mut self, unread: bool) -> Self {
        self.criteria.set_direct("unread", Literal::Boolean(unread));
        self
    }

    /// Adds any other required condition.
    pub fn and(mut self, condition: Condition) -> Self {
        self.criteria.push(super::Group::Condition(condition));
        self
    }

    /// Adds a required OR group.
    pub fn any_of(mut self, conditions: impl IntoIterator<Item = Condition>) -> Self {
        self.criteria
            .push(super::Group::AnyOf(conditions.into_iter().collect()));
        self
    }

    /// Checks and writes the query.
    pub fn build(&self) -> Result<QueryString, Error> {
        self.criteria.to_query().build()
    }
}
