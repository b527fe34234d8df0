//! Feeds: list, create, read, update and delete a room's feeds and their messages.
//!
//! Times are Unix epoch milliseconds ([`EpochMillis`]); the list endpoints page with a
//! `cursor` and can start after a time with `since`.

use serde_json::{Map, Value};

use crate::declare::operations;
use crate::endpoint::{check_body_id, check_range};
use crate::error::Error;
use crate::models::feeds::{
    CreateFeedMessageRequestBody, CreateFeedRequestBody, EpochMillis, Feed, FeedMessage,
    UpdateFeedMessageRequestBody, UpdateFeedRequestBody,
};
use crate::models::{Cursor, Page};

operations! {
    /// Lists a room's feeds; set `cursor`/`since`/`limit`, or walk every page with
    /// `into_pages()`/`into_items()`.
    GetFeeds {
        "get-feeds", GET "/rooms/{roomId}/feeds", None -> Json Page<Feed>;
        query ["cursor", "since", "limit"];
        fn get_feeds(room_id: impl Into<String>);
        struct {
            room_id: String = room_id.into(),
            cursor: Option<Cursor> = None,
            since: Option<EpochMillis> = None,
            limit: Option<u32> = None,
        }
        set {
            /// The page after this cursor (a previous page's `next_cursor`).
            fn cursor(self, cursor: Cursor) {
                self.cursor = Some(cursor);
            }
            /// Only feeds created after this time (an [`EpochMillis`], milliseconds as `i64`,
            /// or a `Timestamp`).
            fn since(self, since: impl Into<EpochMillis>) {
                self.since = Some(since.into());
            }
            /// Page size, 1 to 100 (server default 20).
            fn limit(self, limit: u32) {
                self.limit = Some(limit);
            }
        }
        pages Feed, cursor;
        path ["roomId" = room_id];
        request(self, req) {
            if let Some(limit) = self.limit {
                check_range("limit", limit, 1, 100)?;
            }
            req.query_opt("cursor", self.cursor.as_ref())
                .query_opt("since", self.since)
                .query_opt("limit", self.limit)
        }
    }

    /// Creates a feed in a room.
    ///
    /// ```no_run
    /// # fn run(client: liveblocks_core::Client<impl liveblocks_core::BlockingTransport>) -> Result<(), liveblocks_core::Error> {
    /// let feed = client
    ///     .create_feed("my-room", "general")
    ///     .metadata(serde_json::json!({"name": "General"}))
    ///     .send()?;
    /// println!("created at {:?}", feed.created_at.to_timestamp());
    /// # Ok(()) }
    /// ```
    CreateFeed {
        "create-feed", POST "/rooms/{roomId}/feeds", Json -> Json Feed;
        fn create_feed(room_id: impl Into<String>, feed_id: impl Into<String>);
        struct {
            room_id: String = room_id.into(),
            feed_id: String = feed_id.into(),
            metadata: Option<Value> = None,
            timestamp: Option<EpochMillis> = None,
        }
        set {
            /// Free-form metadata; must be a JSON object.
            fn metadata(self, metadata: Value) {
                self.metadata = Some(metadata);
            }
            /// The creation time to record instead of now.
            fn timestamp(self, timestamp: impl Into<EpochMillis>) {
                self.timestamp = Some(timestamp.into());
            }
        }
        path ["roomId" = room_id];
        request(self, req) {
            check_body_id(Self::OPERATION.id, "feedId", &self.feed_id)?;
            let metadata = match &self.metadata {
                Some(value) => Some(object(value, "feed `metadata`", Self::OPERATION.id)?),
                None => None,
            };
            req.json(&CreateFeedRequestBody {
                feed_id: self.feed_id.clone(),
                metadata,
                timestamp: self.timestamp,
                })
        }
    }

    /// Reads a feed.
    GetFeed {
        "get-feed", GET "/rooms/{roomId}/feeds/{feedId}", None -> Json Feed;
        fn get_feed(room_id: impl Into<String>, feed_id: impl Into<String>);
        struct {
            room_id: String = room_id.into(),
            feed_id: String = feed_id.into(),
        }
        path ["roomId" = room_id, "feedId" = feed_id];
    }

    /// Replaces a feed's metadata; `metadata` must be a JSON object.
    UpdateFeed {
        "update-feed", PATCH "/rooms/{roomId}/feeds/{feedId}", Json -> Json Feed;
        fn update_feed(room_id: impl Into<String>, feed_id: impl Into<String>, metadata: Value);
        struct {
            room_id: String = room_id.into(),
            feed_id: String = feed_id.into(),
            metadata: Value = metadata,
        }
        path ["roomId" = room_id, "feedId" = feed_id];
        request(self, req) {
            let metadata = object(&self.metadata, "feed `metadata`", Self::OPERATION.id)?;
            req.json(&UpdateFeedRequestBody { metadata })
        }
    }

    /// Deletes a feed. Any 2xx answer counts as success, whatever its body.
    DeleteFeed {
        "delete-feed", DELETE "/rooms/{roomId}/feeds/{feedId}", None -> None ();
        fn delete_feed(room_id: impl Into<String>, feed_id: impl Into<String>);
        struct {
            room_id: String = room_id.into(),
            feed_id: String = feed_id.into(),
        }
        path ["roomId" = room_id, "feedId" = feed_id];
    }

    /// Lists a feed's messages; set `cursor`/`since`/`limit`, or walk every page with
    /// `into_pages()`/`into_items()`.
    GetFeedMessages {
        "get-feed-messages", GET "/rooms/{roomId}/feeds/{feedId}/messages",
            None -> Json Page<FeedMessage>;
        query ["cursor", "since", "limit"];
        fn get_feed_messages(room_id: impl Into<String>, feed_id: impl Into<String>);
        struct {
            room_id: String = room_id.into(),
            feed_id: String = feed_id.into(),
            cursor: Option<Cursor> = None,
            since: Option<EpochMillis> = None,
            limit: Option<u32> = None,
        }
        set {
            /// The page after this cursor (a previous page's `next_cursor`).
            fn cursor(self, cursor: Cursor) {
                self.cursor = Some(cursor);
            }
            /// Only messages created after this time (an [`EpochMillis`], milliseconds as
            /// `i64`, or a `Timestamp`).
            fn since(self, since: impl Into<EpochMillis>) {
                self.since = Some(since.into());
            }
            /// Page size, 1 to 100 (server default 20).
            fn limit(self, limit: u32) {
                self.limit = Some(limit);
            }
        }
        pages FeedMessage, cursor;
        path ["roomId" = room_id, "feedId" = feed_id];
        request(self, req) {
            if let Some(limit) = self.limit {
                check_range("limit", limit, 1, 100)?;
            }
            req.query_opt("cursor", self.cursor.as_ref())
                .query_opt("since", self.since)
                .query_opt("limit", self.limit)
        }
    }

    /// Adds a message to a feed; `data` must be a JSON object.
    CreateFeedMessage {
        "create-feed-message", POST "/rooms/{roomId}/feeds/{feedId}/messages",
            Json -> Json FeedMessage;
        fn create_feed_message(room_id: impl Into<String>, feed_id: impl Into<String>, data: Value);
        struct {
            room_id: String = room_id.into(),
            feed_id: String = feed_id.into(),
            data: Value = data,
            id: Option<String> = None,
            timestamp: Option<EpochMillis> = None,
        }
        set {
            /// A message ID of your choice instead of a generated one.
            fn id(self, id: impl Into<String>) {
                self.id = Some(id.into());
            }
            /// The creation time to record instead of now.
            fn timestamp(self, timestamp: impl Into<EpochMillis>) {
                self.timestamp = Some(timestamp.into());
            }
        }
        path ["roomId" = room_id, "feedId" = feed_id];
        request(self, req) {
            if self.id.as_deref() == Some("") {
                return Err(Error::invalid_input(
                    "message `id` must not be empty (create-feed-message)",
                ));
            }
            let data = object(&self.data, "message `data`", Self::OPERATION.id)?;
            req.json(&CreateFeedMessageRequestBody {
                id: self.id.clone(),
                timestamp: self.timestamp,
                data,
                })
        }
    }

    /// Replaces a feed message's content; `data` must be a JSON object.
    UpdateFeedMessage {
        "update-feed-message", PATCH "/rooms/{roomId}/feeds/{feedId}/messages/{messageId}",
            Json -> Json FeedMessage;
        fn update_feed_message(
            room_id: impl Into<String>,
            feed_id: impl Into<String>,
            message_id: impl Into<String>,
            data: Value,
        );
        struct {
            room_id: String = room_id.into(),
            feed_id: String = feed_id.into(),
            message_id: String = message_id.into(),
            data: Value = data,
            timestamp: Option<EpochMillis> = None,
        }
        set {
            /// The update time to record instead of now.
            fn timestamp(self, timestamp: impl Into<EpochMillis>) {
                self.timestamp = Some(timestamp.into());
            }
        }
        path ["roomId" = room_id, "feedId" = feed_id, "messageId" = message_id];
        request(self, req) {
            let data = object(&self.data, "message `data`", Self::OPERATION.id)?;
            req.json(&UpdateFeedMessageRequestBody {
                data,
                timestamp: self.timestamp,
                })
        }
    }

    /// Deletes a feed message. Any 2xx answer counts as success, whatever its body.
    DeleteFeedMessage {
        "delete-feed-message", DELETE "/rooms/{roomId}/feeds/{feedId}/messages/{messageId}",
            None -> None ();
        fn delete_feed_message(
            room_id: impl Into<String>,
            feed_id: impl Into<String>,
            message_id: impl Into<String>,
        );
        struct {
            room_id: String = room_id.into(),
            feed_id: String = feed_id.into(),
            message_id: String = message_id.into(),
        }
        path ["roomId" = room_id, "feedId" = feed_id, "messageId" = message_id];
    }
}

/// A JSON value that must be an object, as a map.
fn object(value: &Value, what: &str, operation: &str) -> Result<Map<String, Value>, Error> {
    match value {
        Value::Object(map) => Ok(map.clone()),
        other => Err(Error::invalid_input(format!(
            "{what} must be a JSON object, got {other} ({operation})"
        ))),
    }
}
