//! Feeds: the exercises of the `feeds` domain.

use liveblocks_core::models::feeds::{EpochMillis, Feed, FeedMessage};
use serde_json::json;

use super::examples::{cursor, expect_status, single, ts, CURSOR, ROOM};
use crate::harness::{ensure_eq, Failure, Mode, Session};

const FEED: &str = "my-feed-id";
const MESSAGE: &str = "msg_xyz789";

/// The `Feed` example; `name` and `updated_at` differ between examples.
fn ensure_example_feed(feed: &Feed, name: &str, updated_at: i64) -> Result<(), Failure> {
    ensure_eq("feedId", feed.feed_id.as_str(), FEED)?;
    ensure_eq(
        "metadata",
        serde_json::Value::Object(feed.metadata.clone()),
        json!({"type": "chat", "name": name}),
    )?;
    ensure_eq(
        "createdAt",
        feed.created_at,
        EpochMillis::new(1660000988137),
    )?;
    ensure_eq("updatedAt", feed.updated_at, EpochMillis::new(updated_at))?;
    ensure_eq(
        "createdAt as a timestamp",
        feed.created_at.to_timestamp(),
        Some(ts("2022-08-08T23:23:08.137Z")),
    )
}

/// The `FeedMessage` example; `content` and `updated_at` differ between examples.
fn ensure_example_message(
    message: &FeedMessage,
    content: &str,
    updated_at: i64,
) -> Result<(), Failure> {
    ensure_eq("id", message.id.as_str(), MESSAGE)?;
    ensure_eq(
        "data",
        serde_json::Value::Object(message.data.clone()),
        json!({"type": "text", "content": content}),
    )?;
    ensure_eq(
        "createdAt",
        message.created_at,
        EpochMillis::new(1660000988137),
    )?;
    ensure_eq(
        "updatedAt",
        message.updated_at,
        EpochMillis::new(updated_at),
    )
}

/// Runs the exercise of `op`, an operation of this domain.
pub async fn exercise(s: &Session, op: &str, mode: Mode) -> Result<(), Failure> {
    let c = &s.app;
    match op {
        "get-feeds" => {
            let page = s
                .fetch(
                    c.get_feeds(ROOM)
                        .cursor(cursor())
                        .since(1660000988137_i64)
                        .limit(20),
                )
                .await?;
            mode.check(|| {
                single(&page, Some(CURSOR))?;
                ensure_example_feed(&page.data[0], "General Discussion", 1660000988137)
            })
        }
        "create-feed" => {
            let feed = s
                .fetch(
                    c.create_feed(ROOM, FEED)
                        .metadata(json!({"type": "chat", "name": "General Discussion"}))
                        .timestamp(ts("2022-08-08T23:23:08.137Z")),
                )
                .await?;
            let minimal = s.fetch(c.create_feed(ROOM, "feed-2")).await?;
            mode.check(|| {
                ensure_example_feed(&feed, "General Discussion", 1660000988137)?;
                ensure_example_feed(&minimal, "General Discussion", 1660000988137)
            })
        }
        "get-feed" => {
            let feed = s.fetch(c.get_feed(ROOM, FEED)).await?;
            mode.check(|| ensure_example_feed(&feed, "General Discussion", 1660000988137))
        }
        "update-feed" => {
            let feed = s
                .fetch(c.update_feed(
                    ROOM,
                    FEED,
                    json!({"type": "chat", "name": "Updated Discussion"}),
                ))
                .await?;
            mode.check(|| ensure_example_feed(&feed, "Updated Discussion", 1660001000000))
        }
        "delete-feed" => {
            s.fetch(c.delete_feed(ROOM, FEED)).await?;
            mode.check(|| expect_status(s, 204))
        }
        "get-feed-messages" => {
            let page = s
                .fetch(
                    c.get_feed_messages(ROOM, FEED)
                        .cursor(cursor())
                        .since(1660000988137_i64)
                        .limit(100),
                )
                .await?;
            mode.check(|| {
                single(&page, Some(CURSOR))?;
                ensure_example_message(&page.data[0], "Hello, world!", 1660000988137)
            })
        }
        "create-feed-message" => {
            let message = s
                .fetch(
                    c.create_feed_message(
                        ROOM,
                        FEED,
                        json!({"type": "text", "content": "Hello, world!"}),
                    )
                    .id(MESSAGE)
                    .timestamp(1660000988137_i64),
                )
                .await?;
            let minimal = s
                .fetch(c.create_feed_message(ROOM, FEED, json!({})))
                .await?;
            mode.check(|| {
                ensure_example_message(&message, "Hello, world!", 1660000988137)?;
                ensure_example_message(&minimal, "Hello, world!", 1660000988137)
            })
        }
        "update-feed-message" => {
            let message = s
                .fetch(
                    c.update_feed_message(
                        ROOM,
                        FEED,
                        MESSAGE,
                        json!({"type": "text", "content": "Updated message content"}),
                    )
                    .timestamp(1660001000000_i64),
                )
                .await?;
            mode.check(|| {
                ensure_example_message(&message, "Updated message content", 1660001000000)
            })
        }
        "delete-feed-message" => {
            s.fetch(c.delete_feed_message(ROOM, FEED, MESSAGE)).await?;
            mode.check(|| expect_status(s, 204))
        }
        other => Err(Failure::Check(format!("no exercise for operation {other}"))),
    }
}
