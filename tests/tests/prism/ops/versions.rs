//! Version history: the exercises of the `versions` domain.

use super::examples::{cursor, expect_status, single, ts, BINARY_PLACEHOLDER, ROOM};
use crate::harness::{ensure_eq, Failure, Mode, Session};

const VERSION: &str = "vh_abc123";

/// Runs the exercise of `op`, an operation of this domain.
pub async fn exercise(s: &Session, op: &str, mode: Mode) -> Result<(), Failure> {
    let c = &s.app;
    match op {
        "get-version-history" => {
            let page = s
                .fetch(c.get_version_history(ROOM).limit(50).cursor(cursor()))
                .await?;
            mode.check(|| {
                single(
                    &page,
                    Some("eyJjcmVhdGVkQXQiOiIyMDI0LTEwLTE1VDEwOjMwOjAwLjAwMFoifQ=="),
                )?;
                let version = &page.data[0];
                ensure_eq("id", version.id.as_str(), VERSION)?;
                ensure_eq(
                    "createdAt",
                    version.created_at,
                    ts("2024-10-15T10:30:00.000Z"),
                )?;
                let authors: Vec<Option<&str>> =
                    version.authors.iter().map(|a| a.id.as_deref()).collect();
                ensure_eq("authors", authors, vec![Some("user-123")])
            })
        }
        "create-version-history-snapshot" => {
            let snapshot = s.fetch(c.create_version_history_snapshot(ROOM)).await?;
            mode.check(|| ensure_eq("id", snapshot.id(), VERSION))
        }
        "get-yjs-version" => {
            let update = s.fetch(c.get_yjs_version(ROOM, VERSION)).await?;
            mode.check(|| ensure_eq("update", update.as_ref(), BINARY_PLACEHOLDER))
        }
        "delete-version" => {
            s.fetch(c.delete_version(ROOM, VERSION)).await?;
            mode.check(|| expect_status(s, 204))
        }
        other => Err(Failure::Check(format!("no exercise for operation {other}"))),
    }
}
