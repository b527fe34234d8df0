//! Typed filters for the three query languages of the API: rooms ([`RoomsQuery`]), threads
//! ([`ThreadsQuery`]) and inbox notifications ([`InboxNotificationsQuery`]).
//!
//! A builder checks its criteria and writes them with every value escaped, so a value can
//! never change the query's structure (`"' OR roomId^'"` stays one value). What the official
//! parser cannot read back is an [`Error::InvalidInput`](crate::Error::InvalidInput) saying
//! what to do: an empty prefix or metadata key, a number that isn't finite, a backslash
//! followed by `n`, `t` or `r` (see [`quote`]). The result, a [`QueryString`], goes wherever
//! an operation takes `query`; a plain string still does too, as an escape hatch.
//!
//! ```
//! use liveblocks_core::query::{RoomsQuery, ThreadsQuery};
//! use liveblocks_core::{Config, Endpoint, comments::GetThreads, rooms::GetRooms};
//!
//! let rooms = RoomsQuery::new()
//!     .room_id_starts_with("liveblocks:")
//!     .metadata("color", "blue")
//!     .build()?;
//! assert_eq!(rooms.as_str(), "roomId^'liveblocks:' metadata['color']:'blue'");
//! let request = GetRooms::new().query(rooms).request(&Config::new("sk_test")?)?;
//!
//! let threads = ThreadsQuery::new()
//!     .resolved(false)
//!     .metadata("priority", 3)
//!     .metadata_starts_with("org", "acme:")
//!     .build()?;
//! assert_eq!(
//!     threads.as_str(),
//!     "resolved:false metadata['priority']:3 metadata['org']^'acme:'"
//! );
//! let request = GetThreads::new("my-room").query(threads).request(&Config::new("sk_test")?)?;
//! # Ok::<(), liveblocks_core::Error>(())
//! ```
//!
//! The whole grammar (OR groups, negation, `null`, comparisons on any field) is reachable
//! through [`Condition`] and each builder's `and` / `any_of`; the server decides which of it
//! each language accepts.
//!
//! The builders write their criteria in `@liveblocks/node`'s order (plain fields, then
//! operators, then metadata values, then metadata operators, metadata keys in JavaScript's
//! property order), so for the criteria its objects can express both SDKs send the same text.

mod ast;
mod criteria;
mod escape;
mod notifications;
mod rooms;
mod threads;

use std::fmt;

pub use ast::{Comparison, Condition, Field, Group, Literal, Query, Test};
pub use escape::{is_identifier, number, quote};
pub use notifications::InboxNotificationsQuery;
pub use rooms::RoomsQuery;
pub use threads::ThreadsQuery;

/// A checked query, written in the query language. Pass it where an operation takes `query`
/// (it converts into `String`), or read it with [`QueryString::as_str`].
#[derive(Debug, Clone, PartialEq)]
pub struct QueryString {
    pub(crate) text: String,
    pub(crate) query: Query,
}

impl QueryString {
    /// The query text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The conditions it was written from.
    pub fn query(&self) -> &Query {
        &self.query
    }
}

impl fmt::Display for QueryString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl AsRef<str> for QueryString {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl From<QueryString> for String {
    fn from(query: QueryString) -> Self {
        query.text
    }
}

impl From<&QueryString> for String {
    fn from(query: &QueryString) -> Self {
        query.text.clone()
    }
}
