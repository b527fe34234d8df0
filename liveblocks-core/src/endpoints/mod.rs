//! Every operation as an [`Endpoint`](crate::Endpoint) value, one file per API domain. Each
//! file also adds that domain's methods to [`Client`](crate::Client).

pub mod management;
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
        storage_files::OPERATIONS,
        versions::OPERATIONS,
        management::OPERATIONS,
    ]
    .into_iter()
    .flatten()
}
