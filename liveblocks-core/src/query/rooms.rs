//! The rooms query language (`get_rooms`): `roomId` prefix, metadata values and prefixes.

use super::ast::{Condition, Literal};
use super::criteria::Criteria;
use super::QueryString;
use crate::error::Error;

/// A filter for [`get_rooms`](crate::Client::get_rooms): `roomId^"prefix"`,
/// `metadata["key"]:"value"`, `metadata["key"]^"prefix"`, all required.
///
/// The same criteria as `@liveblocks/node`'s `getRooms({ query: { roomId: { startsWith },
/// metadata: { key: value } } })`, written the same way.
///
/// ```
/// use liveblocks_core::query::RoomsQuery;
///
/// let query = RoomsQuery::new()
///     .metadata("type", "whiteboard")
///     .room_id_starts_with("liveblocks:engineering")
///     .build()?;
/// assert_eq!(
///     query.as_str(),
///     "roomId^'liveblocks:engineering' metadata['type']:'whiteboard'"
/// );
/// // Hostile values stay values.
/// let query = RoomsQuery::new().metadata("color", "x' OR roomId^'").build()?;
/// assert_eq!(query.as_str(), r#"metadata['color']:"x' OR roomId^'""#);
/// # Ok::<(), liveblocks_core::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RoomsQuery {
    criteria: Criteria,
}

impl RoomsQuery {
    /// No criteria yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Rooms whose ID starts with `prefix` (not empty). Setting it again replaces it.
    pub fn room_id_starts_with(mut self, prefix: impl Into<String>) -> Self {
        self.criteria.direct_ops("roomId").starts_with = Some(prefix.into());
        self
    }

    /// Rooms whose metadata `key` is `value` (or, for list metadata, contains it). Setting a
    /// key again replaces its criterion.
    pub fn metadata(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.criteria
            .set_metadata(key.into(), Literal::String(value.into()));
        self
    }

    /// Rooms whose metadata `key` starts with `prefix` (not empty).
    pub fn metadata_starts_with(
        mut self,
        key: impl Into<String>,
        prefix: impl Into<String>,
    ) -> Self {
        self.criteria.metadata_ops(key.into()).starts_with = Some(prefix.into());
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
