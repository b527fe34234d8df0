//! The threads query language (`get_threads`): metadata, `resolved`, `visibility`.

use super::ast::{Condition, Literal};
use super::criteria::Criteria;
use super::QueryString;
use crate::error::Error;
use crate::models::comments::ThreadVisibility;

/// A filter for [`get_threads`](crate::Client::get_threads): `resolved`, `visibility` and
/// thread metadata (string, number or boolean values, absence, string prefixes, numeric
/// ranges), all required.
///
/// The same criteria as `@liveblocks/node`'s `getThreads({ query: { resolved, visibility,
/// metadata: { key: value | null | { startsWith } | { lt, gt, lte, gte } } } })`, written
/// the same way.
///
/// ```
/// use liveblocks_core::models::comments::ThreadVisibility;
/// use liveblocks_core::query::ThreadsQuery;
///
/// let query = ThreadsQuery::new()
///     .metadata("status", "open")
///     .metadata("pinned", false)
///     .metadata_gte("priority", 2)
///     .metadata_lt("priority", 5)
///     .resolved(true)
///     .visibility(ThreadVisibility::Private)
///     .build()?;
/// assert_eq!(
///     query.as_str(),
///     "resolved:true visibility:'private' metadata['status']:'open' \
///      metadata['pinned']:false metadata['priority']<5 metadata['priority']>=2"
/// );
/// # Ok::<(), liveblocks_core::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ThreadsQuery {
    criteria: Criteria,
}

impl ThreadsQuery {
    /// No criteria yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only resolved (`true`) or unresolved (`false`) threads.
    pub fn resolved(mut self, resolved: bool) -> Self {
        self.criteria
            .set_direct("resolved", Literal::Boolean(resolved));
        self
    }

    /// Only public or private threads.
    pub fn visibility(mut self, visibility: ThreadVisibility) -> Self {
        self.criteria.set_direct(
            "visibility",
            Literal::String(visibility.as_str().to_owned()),
        );
        self
    }

    /// Threads whose metadata `key` equals `value` (a string, number or boolean). Setting a
    /// key again replaces its criteria.
    pub fn metadata(mut self, key: impl Into<String>, value: impl Into<Literal>) -> Self {
        self.criteria.set_metadata(key.into(), value.into());
        self
    }

    /// Threads without metadata `key` (`metadata["key"]:null`).
    pub fn metadata_missing(mut self, key: impl Into<String>) -> Self {
        self.criteria.set_metadata(key.into(), Literal::Null);
        self
    }

    /// Threads whose string metadata `key` starts with `prefix` (not empty).
    pub fn metadata_starts_with(
        mut self,
        key: impl Into<String>,
        prefix: impl Into<String>,
    ) -> Self {
        self.criteria.metadata_ops(key.into()).starts_with = Some(prefix.into());
        self
    }

    /// Threads whose number metadata `key` is below `n`.
    pub fn metadata_lt(mut self, key: impl Into<String>, n: impl Into<f64>) -> Self {
        self.criteria.metadata_ops(key.into()).lt = Some(n.into());
        self
    }

    /// Threads whose number metadata `key` is above `n`.
    pub fn metadata_gt(mut self, key: impl Into<String>, n: impl Into<f64>) -> Self {
        self.criteria.metadata_ops(key.into()).gt = Some(n.into());
        self
    }

    /// Threads whose number metadata `key` is at most `n`.
    pub fn metadata_lte(mut self, key: impl Into<String>, n: impl Into<f64>) -> Self {
        self.criteria.metadata_ops(key.into()).lte = Some(n.into());
        self
    }

    /// Threads whose number metadata `key` is at least `n`.
    pub fn metadata_gte(mut self, key: impl Into<String>, n: impl Into<f64>) -> Self {
        self.criteria.metadata_ops(key.into()).gte = Some(n.into());
        self
    }

    /// Adds any other required condition (written after the criteria above).
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
