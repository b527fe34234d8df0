//! Every operation as an [`Endpoint`](crate::Endpoint) value, one file per API domain. Each
//! file also adds that domain's methods to [`Client`](crate::Client).

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

/// Every operation this crate implements, domain by domain.
pub fn all_operations() -> impl Iterator<Item = &'static Operation> {
    [
        rooms::OPERATIONS,
        storage::OPERATIONS,
        yjs::OPERATIONS,
        comments::OPERATIONS,
        attachments::OPERATIONS,
        notifications::OPERATIONS,
        groups::OPERATIONS,
        auth::OPERATIONS,
        ai::OPERATIONS,
        feeds::OPERATIONS,
        storage_files::OPERATIONS,
        versions::OPERATIONS,
        management::OPERATIONS,
    ]
    .into_iter()
    .flatten()
}
