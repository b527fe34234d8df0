//! What several domains share: the IDs the spec's examples carry and the checks of
//! examples served by more than one domain's operations.

use bytes::Bytes;
use liveblocks_core::models::notifications::InboxNotification;
use liveblocks_core::models::rooms::MetadataValue;
use liveblocks_core::models::storage::LiveFileData;
use liveblocks_core::models::{Cursor, Page, Timestamp};

use crate::harness::{ensure_eq, Failure, Session};

pub const ROOM: &str = "my-room-id";
pub const ORG: &str = "org_123456789";
pub const USER: &str = "alice";
pub const FILE: &str = "fl_abc123456789012345678";
pub const ATTACHMENT: &str = "at_abc123456789012345678";
pub const UPLOAD: &str = "upload-abc123";
pub const THREAD: &str = "th_abc123";
pub const NOTIFICATION: &str = "in_abc123";
pub const GROUP: &str = "engineering";
pub const CURSOR: &str = "eyJjcmVhdGVkQXQiOjE2NjAwMDA5ODgxMzd9";

/// What Prism serves for a `format: binary` answer without an example.
pub const BINARY_PLACEHOLDER: &[u8] = b"string";

pub fn ts(s: &str) -> Timestamp {
    s.parse().expect("an RFC 3339 timestamp")
}

pub fn cursor() -> Cursor {
    Cursor::new(CURSOR)
}

pub fn expect_status(s: &Session, status: u16) -> Result<(), Failure> {
    ensure_eq("status", s.last_status(), Some(status))
}

/// Some bytes of a PNG file (its signature and the start of a header chunk).
pub fn png_bytes() -> Bytes {
    Bytes::from_static(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")
}

/// The spec's example LiveFile.
pub fn example_file() -> LiveFileData {
    LiveFileData::new(FILE, "photo.png", 12345, "image/png")
}

pub fn text(s: &str) -> MetadataValue {
    MetadataValue::String(s.to_owned())
}

/// The thread notification of the inbox examples.
pub fn ensure_example_notification(
    notification: &InboxNotification,
    organization_id: Option<&str>,
) -> Result<(), Failure> {
    let InboxNotification::Thread(n) = notification else {
        return Err(Failure::Check(format!(
            "expected a thread notification, got {notification:?}"
        )));
    };
    ensure_eq("id", n.id.as_str(), NOTIFICATION)?;
    ensure_eq("kind", n.kind.as_str(), "thread")?;
    ensure_eq("roomId", n.room_id.as_str(), ROOM)?;
    ensure_eq("threadId", n.thread_id.as_str(), THREAD)?;
    ensure_eq(
        "organizationId",
        n.organization_id.as_deref(),
        organization_id,
    )?;
    ensure_eq("notifiedAt", n.notified_at, ts("2024-01-15T10:30:00.000Z"))?;
    ensure_eq("readAt", n.read_at, None)
}

/// The one-item pages of the list examples.
pub fn single<T: std::fmt::Debug>(
    page: &Page<T>,
    next_cursor: Option<&str>,
) -> Result<(), Failure> {
    ensure_eq("items", page.data.len(), 1)?;
    ensure_eq(
        "nextCursor",
        page.next_cursor.as_ref().map(Cursor::as_str),
        next_cursor,
    )
}
