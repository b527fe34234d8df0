//! Feeds: list, create, read, update and delete a room's feeds and their messages.
//!
//! Times are Unix epoch milliseconds ([`EpochMillis`]); the list endpoints page with a
//! `cursor` and can start after a time with `since`.

use http::Method;
use serde_json::{Map, Value};

use crate::call::Call;
use crate::client::{call_setters, Client};
use crate::config::Config;
use crate::endpoint::{
    check_not_empty, check_range, decode_json, ignore_body, op, path_endpoint, BodyKind, Endpoint,
    Operation, RequestBuilder,
};
use crate::error::Error;
use crate::models::feeds::{
    CreateFeedMessageRequestBody, CreateFeedRequestBody, EpochMillis, Feed, FeedMessage,
    UpdateFeedMessageRequestBody, UpdateFeedRequestBody,
};
use crate::models::{Cursor, Page};
use crate::pagination::Paginated;
use crate::transport::{HttpRequest, HttpResponse};

/// Every operation of this domain.
pub const OPERATIONS: &[Operation] = &[
    GetFeeds::OPERATION,
    CreateFeed::OPERATION,
    GetFeed::OPERATION,
    UpdateFeed::OPERATION,
    DeleteFeed::OPERATION,
    GetFeedMessages::OPERATION,
    CreateFeedMessage::OPERATION,
    UpdateFeedMessage::OPERATION,
    DeleteFeedMessage::OPERATION,
];

/// A JSON value that must be an object, as a map.
fn object(value: &Value, what: &str, operation: &str) -> Result<Map<String, Value>, Error> {
    match value {
        Value::Object(map) => Ok(map.clone()),
        other => Err(Error::invalid_input(format!(
            "{what} must be a JSON object, got {other} ({operation})"
        ))),
    }
}

/// The query shared by both feed lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct ListQuery {
    cursor: Option<Cursor>,
    since: Option<EpochMillis>,
    limit: Option<u32>,
}

impl ListQuery {
    fn apply<'a>(&self, builder: RequestBuilder<'a>) -> Result<RequestBuilder<'a>, Error> {
        if let Some(limit) = self.limit {
            check_range("limit", limit, 1, 100)?;
        }
        Ok(builder
            .query_opt("cursor", self.cursor.as_ref())
            .query_opt("since", self.since)
            .query_opt("limit", self.limit))
    }
}

/// Lists a room's feeds, one page at a time (`GET /v2/rooms/{roomId}/feeds`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetFeeds {
    room_id: String,
    query: ListQuery,
}

impl GetFeeds {
    /// The first page of `room_id`'s feeds.
    pub fn new(room_id: impl Into<String>) -> Self {
        GetFeeds {
            room_id: room_id.into(),
            query: ListQuery::default(),
        }
    }

    /// The page after this cursor (a previous page's `next_cursor`).
    pub fn cursor(mut self, cursor: Cursor) -> Self {
        self.query.cursor = Some(cursor);
        self
    }

    /// Only feeds created after this time (an [`EpochMillis`], milliseconds as `i64`, or a
    /// `Timestamp`).
    pub fn since(mut self, since: impl Into<EpochMillis>) -> Self {
        self.query.since = Some(since.into());
        self
    }

    /// Page size, 1 to 100 (server default 20).
    pub fn limit(mut self, limit: u32) -> Self {
        self.query.limit = Some(limit);
        self
    }
}

call_setters!(GetFeeds {
    cursor(cursor: Cursor),
    since(since: impl Into<EpochMillis>),
    limit(limit: u32),
});

impl Endpoint for GetFeeds {
    type Output = Page<Feed>;
    const OPERATION: Operation = op(
        "get-feeds",
        Method::GET,
        "/rooms/{roomId}/feeds",
        &["cursor", "since", "limit"],
        BodyKind::None,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        let operation = Self::OPERATION;
        let builder = RequestBuilder::new(config, &operation).path_param("roomId", &self.room_id);
        self.query.apply(builder)?.build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

impl Paginated for GetFeeds {
    type Item = Feed;

    fn after(self, cursor: Cursor) -> Self {
        self.cursor(cursor)
    }
}

/// Creates a feed in a room (`POST /v2/rooms/{roomId}/feeds`).
#[derive(Debug, Clone, PartialEq)]
pub struct CreateFeed {
    room_id: String,
    feed_id: String,
    metadata: Option<Value>,
    timestamp: Option<EpochMillis>,
}

impl CreateFeed {
    /// A feed `feed_id` in `room_id`.
    pub fn new(room_id: impl Into<String>, feed_id: impl Into<String>) -> Self {
        CreateFeed {
            room_id: room_id.into(),
            feed_id: feed_id.into(),
            metadata: None,
            timestamp: None,
        }
    }

    /// Free-form metadata; must be a JSON object.
    pub fn metadata(mut self, metadata: Value) -> Self {
        self.metadata = Some(metadata);
        self
    }

    /// The creation time to record instead of now.
    pub fn timestamp(mut self, timestamp: impl Into<EpochMillis>) -> Self {
        self.timestamp = Some(timestamp.into());
        self
    }
}

call_setters!(CreateFeed {
    metadata(metadata: Value),
    timestamp(timestamp: impl Into<EpochMillis>),
});

impl Endpoint for CreateFeed {
    type Output = Feed;
    const OPERATION: Operation = op(
        "create-feed",
        Method::POST,
        "/rooms/{roomId}/feeds",
        &[],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        check_not_empty(Self::OPERATION.id, "feedId", &self.feed_id)?;
        let metadata = match &self.metadata {
            Some(value) => Some(object(value, "feed `metadata`", "create-feed")?),
            None => None,
        };
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("roomId", &self.room_id)
            .json(&CreateFeedRequestBody {
                feed_id: self.feed_id.clone(),
                metadata,
                timestamp: self.timestamp,
            })
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

path_endpoint!(
    /// Reads a feed (`GET /v2/rooms/{roomId}/feeds/{feedId}`).
    GetFeed, "get-feed", GET, "/rooms/{roomId}/feeds/{feedId}",
    Json, Feed, decode_json,
    /// The endpoint for these IDs.
    new(room_id = "roomId", feed_id = "feedId")
);

path_endpoint!(
    /// Deletes a feed (`DELETE /v2/rooms/{roomId}/feeds/{feedId}`). Any 2xx answer counts as
    /// success, whatever its body.
    DeleteFeed, "delete-feed", DELETE, "/rooms/{roomId}/feeds/{feedId}",
    None, (), ignore_body,
    /// The endpoint for these IDs.
    new(room_id = "roomId", feed_id = "feedId")
);

/// Replaces a feed's metadata (`PATCH /v2/rooms/{roomId}/feeds/{feedId}`).
#[derive(Debug, Clone, PartialEq)]
pub struct UpdateFeed {
    room_id: String,
    feed_id: String,
    metadata: Value,
}

impl UpdateFeed {
    /// Sets `feed_id`'s metadata to `metadata`, which must be a JSON object.
    pub fn new(room_id: impl Into<String>, feed_id: impl Into<String>, metadata: Value) -> Self {
        UpdateFeed {
            room_id: room_id.into(),
            feed_id: feed_id.into(),
            metadata,
        }
    }
}

impl Endpoint for UpdateFeed {
    type Output = Feed;
    const OPERATION: Operation = op(
        "update-feed",
        Method::PATCH,
        "/rooms/{roomId}/feeds/{feedId}",
        &[],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        let metadata = object(&self.metadata, "feed `metadata`", "update-feed")?;
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("roomId", &self.room_id)
            .path_param("feedId", &self.feed_id)
            .json(&UpdateFeedRequestBody { metadata })
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

/// Lists a feed's messages, one page at a time
/// (`GET /v2/rooms/{roomId}/feeds/{feedId}/messages`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetFeedMessages {
    room_id: String,
    feed_id: String,
    query: ListQuery,
}

impl GetFeedMessages {
    /// The first page of `feed_id`'s messages.
    pub fn new(room_id: impl Into<String>, feed_id: impl Into<String>) -> Self {
        GetFeedMessages {
            room_id: room_id.into(),
            feed_id: feed_id.into(),
            query: ListQuery::default(),
        }
    }

    /// The page after this cursor (a previous page's `next_cursor`).
    pub fn cursor(mut self, cursor: Cursor) -> Self {
        self.query.cursor = Some(cursor);
        self
    }

    /// Only messages created after this time (an [`EpochMillis`], milliseconds as `i64`, or
    /// a `Timestamp`).
    pub fn since(mut self, since: impl Into<EpochMillis>) -> Self {
        self.query.since = Some(since.into());
        self
    }

    /// Page size, 1 to 100 (server default 20).
    pub fn limit(mut self, limit: u32) -> Self {
        self.query.limit = Some(limit);
        self
    }
}

call_setters!(GetFeedMessages {
    cursor(cursor: Cursor),
    since(since: impl Into<EpochMillis>),
    limit(limit: u32),
});

impl Endpoint for GetFeedMessages {
    type Output = Page<FeedMessage>;
    const OPERATION: Operation = op(
        "get-feed-messages",
        Method::GET,
        "/rooms/{roomId}/feeds/{feedId}/messages",
        &["cursor", "since", "limit"],
        BodyKind::None,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        let operation = Self::OPERATION;
        let builder = RequestBuilder::new(config, &operation)
            .path_param("roomId", &self.room_id)
            .path_param("feedId", &self.feed_id);
        self.query.apply(builder)?.build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

impl Paginated for GetFeedMessages {
    type Item = FeedMessage;

    fn after(self, cursor: Cursor) -> Self {
        self.cursor(cursor)
    }
}

/// Adds a message to a feed (`POST /v2/rooms/{roomId}/feeds/{feedId}/messages`).
#[derive(Debug, Clone, PartialEq)]
pub struct CreateFeedMessage {
    room_id: String,
    feed_id: String,
    data: Value,
    id: Option<String>,
    timestamp: Option<EpochMillis>,
}

impl CreateFeedMessage {
    /// A message with content `data`, which must be a JSON object.
    pub fn new(room_id: impl Into<String>, feed_id: impl Into<String>, data: Value) -> Self {
        CreateFeedMessage {
            room_id: room_id.into(),
            feed_id: feed_id.into(),
            data,
            id: None,
            timestamp: None,
        }
    }

    /// A message ID of your choice instead of a generated one.
    pub fn id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// The creation time to record instead of now.
    pub fn timestamp(mut self, timestamp: impl Into<EpochMillis>) -> Self {
        self.timestamp = Some(timestamp.into());
        self
    }
}

call_setters!(CreateFeedMessage {
    id(id: impl Into<String>),
    timestamp(timestamp: impl Into<EpochMillis>),
});

impl Endpoint for CreateFeedMessage {
    type Output = FeedMessage;
    const OPERATION: Operation = op(
        "create-feed-message",
        Method::POST,
        "/rooms/{roomId}/feeds/{feedId}/messages",
        &[],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        if self.id.as_deref() == Some("") {
            return Err(Error::invalid_input(
                "message `id` must not be empty (create-feed-message)",
            ));
        }
        let data = object(&self.data, "message `data`", "create-feed-message")?;
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("roomId", &self.room_id)
            .path_param("feedId", &self.feed_id)
            .json(&CreateFeedMessageRequestBody {
                id: self.id.clone(),
                timestamp: self.timestamp,
                data,
            })
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

/// Replaces a feed message's content
/// (`PATCH /v2/rooms/{roomId}/feeds/{feedId}/messages/{messageId}`).
#[derive(Debug, Clone, PartialEq)]
pub struct UpdateFeedMessage {
    room_id: String,
    feed_id: String,
    message_id: String,
    data: Value,
    timestamp: Option<EpochMillis>,
}

impl UpdateFeedMessage {
    /// Sets `message_id`'s content to `data`, which must be a JSON object.
    pub fn new(
        room_id: impl Into<String>,
        feed_id: impl Into<String>,
        message_id: impl Into<String>,
        data: Value,
    ) -> Self {
        UpdateFeedMessage {
            room_id: room_id.into(),
            feed_id: feed_id.into(),
            message_id: message_id.into(),
            data,
            timestamp: None,
        }
    }

    /// The update time to record instead of now.
    pub fn timestamp(mut self, timestamp: impl Into<EpochMillis>) -> Self {
        self.timestamp = Some(timestamp.into());
        self
    }
}

call_setters!(UpdateFeedMessage {
    timestamp(timestamp: impl Into<EpochMillis>)
});

impl Endpoint for UpdateFeedMessage {
    type Output = FeedMessage;
    const OPERATION: Operation = op(
        "update-feed-message",
        Method::PATCH,
        "/rooms/{roomId}/feeds/{feedId}/messages/{messageId}",
        &[],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        let data = object(&self.data, "message `data`", "update-feed-message")?;
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("roomId", &self.room_id)
            .path_param("feedId", &self.feed_id)
            .path_param("messageId", &self.message_id)
            .json(&UpdateFeedMessageRequestBody {
                data,
                timestamp: self.timestamp,
            })
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

path_endpoint!(
    /// Deletes a feed message
    /// (`DELETE /v2/rooms/{roomId}/feeds/{feedId}/messages/{messageId}`). Any 2xx answer
    /// counts as success, whatever its body.
    DeleteFeedMessage, "delete-feed-message", DELETE,
    "/rooms/{roomId}/feeds/{feedId}/messages/{messageId}",
    None, (), ignore_body,
    /// The endpoint for these IDs.
    new(room_id = "roomId", feed_id = "feedId", message_id = "messageId")
);

/// Feeds and feed messages.
impl<T> Client<T> {
    /// Lists a room's feeds; set `cursor`/`since`/`limit`, or walk every page with
    /// `into_pages()`/`into_items()`.
    pub fn get_feeds(&self, room_id: impl Into<String>) -> Call<T, GetFeeds> {
        self.call(GetFeeds::new(room_id))
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
    pub fn create_feed(
        &self,
        room_id: impl Into<String>,
        feed_id: impl Into<String>,
    ) -> Call<T, CreateFeed> {
        self.call(CreateFeed::new(room_id, feed_id))
    }

    /// Reads a feed.
    pub fn get_feed(
        &self,
        room_id: impl Into<String>,
        feed_id: impl Into<String>,
    ) -> Call<T, GetFeed> {
        self.call(GetFeed::new(room_id, feed_id))
    }

    /// Replaces a feed's metadata; `metadata` must be a JSON object.
    pub fn update_feed(
        &self,
        room_id: impl Into<String>,
        feed_id: impl Into<String>,
        metadata: Value,
    ) -> Call<T, UpdateFeed> {
        self.call(UpdateFeed::new(room_id, feed_id, metadata))
    }

    /// Deletes a feed.
    pub fn delete_feed(
        &self,
        room_id: impl Into<String>,
        feed_id: impl Into<String>,
    ) -> Call<T, DeleteFeed> {
        self.call(DeleteFeed::new(room_id, feed_id))
    }

    /// Lists a feed's messages.
    pub fn get_feed_messages(
        &self,
        room_id: impl Into<String>,
        feed_id: impl Into<String>,
    ) -> Call<T, GetFeedMessages> {
        self.call(GetFeedMessages::new(room_id, feed_id))
    }

    /// Adds a message to a feed; `data` must be a JSON object.
    pub fn create_feed_message(
        &self,
        room_id: impl Into<String>,
        feed_id: impl Into<String>,
        data: Value,
    ) -> Call<T, CreateFeedMessage> {
        self.call(CreateFeedMessage::new(room_id, feed_id, data))
    }

    /// Replaces a feed message's content; `data` must be a JSON object.
    pub fn update_feed_message(
        &self,
        room_id: impl Into<String>,
        feed_id: impl Into<String>,
        message_id: impl Into<String>,
        data: Value,
    ) -> Call<T, UpdateFeedMessage> {
        self.call(UpdateFeedMessage::new(room_id, feed_id, message_id, data))
    }

    /// Deletes a feed message.
    pub fn delete_feed_message(
        &self,
        room_id: impl Into<String>,
        feed_id: impl Into<String>,
        message_id: impl Into<String>,
    ) -> Call<T, DeleteFeedMessage> {
        self.call(DeleteFeedMessage::new(room_id, feed_id, message_id))
    }
}
