//! Every operation as an [`Endpoint`](crate::Endpoint) value, one module per API domain (split
//! into files by sub-domain where a domain is large). Each operation is declared once, with
//! the crate-internal `operations!` macro (`src/declare.rs`), which also gives
//! [`Client`](crate::Client) its method.
//!
//! [`DOMAINS`] is the registry: the one list of every operation, by domain. The spec check,
//! the live suites and the README's table all take their lists and counts from it.

pub mod ai;
pub mod attachments;
pub mod auth;
pub mod comments;
pub mod feeds;
pub mod groups;
pub mod management;
pub mod notifications;
pub mod rooms;
pub mod storage;
pub mod storage_files;
pub mod versions;
pub mod yjs;

use crate::endpoint::Operation;

/// One API domain: its public module and the operations declared in its files.
#[derive(Debug, Clone, Copy)]
pub struct Domain {
    /// The module's name under `liveblocks_core` (and every adapter crate), e.g. `rooms`.
    pub name: &'static str,
    /// The `OPERATIONS` of each of the domain's files.
    pub files: &'static [&'static [Operation]],
}

impl Domain {
    /// The domain's operations, in declaration order.
    pub fn operations(&self) -> impl Iterator<Item = &'static Operation> {
        self.files.iter().copied().flatten()
    }
}

/// Every domain, in the order of the API reference.
pub const DOMAINS: &[Domain] = &[
    Domain {
        name: "rooms",
        files: &[rooms::OPERATIONS],
    },
    Domain {
        name: "storage",
        files: &[storage::OPERATIONS],
    },
    Domain {
        name: "storage_files",
        files: &[storage_files::OPERATIONS],
    },
    Domain {
        name: "yjs",
        files: &[yjs::OPERATIONS],
    },
    Domain {
        name: "versions",
        files: &[versions::OPERATIONS],
    },
    Domain {
        name: "comments",
        files: &[
            comments::threads::OPERATIONS,
            comments::metadata::OPERATIONS,
            comments::subscriptions::OPERATIONS,
            comments::comment::OPERATIONS,
            comments::reactions::OPERATIONS,
        ],
    },
    Domain {
        name: "attachments",
        files: &[attachments::OPERATIONS],
    },
    Domain {
        name: "notifications",
        files: &[notifications::OPERATIONS],
    },
    Domain {
        name: "groups",
        files: &[groups::OPERATIONS],
    },
    Domain {
        name: "auth",
        files: &[auth::OPERATIONS],
    },
    Domain {
        name: "ai",
        files: &[ai::copilots::OPERATIONS, ai::knowledge::OPERATIONS],
    },
    Domain {
        name: "feeds",
        files: &[feeds::OPERATIONS],
    },
    Domain {
        name: "management",
        files: &[
            management::projects::OPERATIONS,
            management::keys::OPERATIONS,
            management::webhooks::OPERATIONS,
        ],
    },
];

/// Every operation this crate implements, domain by domain.
pub fn all_operations() -> impl Iterator<Item = &'static Operation> {
    DOMAINS.iter().flat_map(Domain::operations)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn every_operation_is_registered_once() {
        let ids: Vec<_> = all_operations().map(|op| op.id).collect();
        let unique: BTreeSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "an operation is registered twice");
        let names: BTreeSet<_> = DOMAINS.iter().map(|d| d.name).collect();
        assert_eq!(names.len(), DOMAINS.len(), "a domain is listed twice");
    }
}
