//! One exercise per operation of the spec: the calls, with realistic optional parameters so
//! their encodings get validated too, and (in static mode) checks of every decoded value
//! against the example Prism serves.
//!
//! Prism serves a schema's own `example` when it has one, else the response's first named
//! example, else a placeholder built from the schema (`"string"`, `0`, `true`...). The values
//! checked are those.
//!
//! One module per domain of the registry ([`DOMAINS`]); [`exercise`] hands each operation to
//! its domain's module. What several domains share is in [`examples`].

#![allow(deprecated)] // The deprecated operations are part of the spec too.

mod ai;
mod attachments;
mod auth;
mod comments;
mod examples;
mod feeds;
mod groups;
mod management;
mod notifications;
mod rooms;
mod storage;
mod storage_files;
mod versions;
mod yjs;

use liveblocks_core::endpoints::DOMAINS;

use crate::harness::{Failure, Mode, Session};

/// Runs the exercise of operation `op` in the module of its domain: `Ok` if every call
/// succeeded and (in static mode) returned the example's values. An operation that isn't in
/// the registry, or that its domain's module has no exercise for, is a failure naming it.
pub async fn exercise(s: &Session, op: &str, mode: Mode) -> Result<(), Failure> {
    let Some(domain) = DOMAINS
        .iter()
        .find(|domain| domain.operations().any(|operation| operation.id == op))
    else {
        return Err(Failure::Check(format!(
            "operation {op} is in no domain of the registry"
        )));
    };
    match domain.name {
        "rooms" => rooms::exercise(s, op, mode).await,
        "storage" => storage::exercise(s, op, mode).await,
        "storage_files" => storage_files::exercise(s, op, mode).await,
        "yjs" => yjs::exercise(s, op, mode).await,
        "versions" => versions::exercise(s, op, mode).await,
        "comments" => comments::exercise(s, op, mode).await,
        "attachments" => attachments::exercise(s, op, mode).await,
        "notifications" => notifications::exercise(s, op, mode).await,
        "groups" => groups::exercise(s, op, mode).await,
        "auth" => auth::exercise(s, op, mode).await,
        "ai" => ai::exercise(s, op, mode).await,
        "feeds" => feeds::exercise(s, op, mode).await,
        "management" => management::exercise(s, op, mode).await,
        other => Err(Failure::Check(format!(
            "no exercises for the domain {other}, so none for operation {op}"
        ))),
    }
}
