//! Feeds, without network: the exact request of each operation, the decoding of
//! the spec's examples, epoch-millisecond times, and what the local dev server's canned
//! dummy answers turn into (typed decode errors, never panics).

use std::sync::{Arc, Mutex};

use crate::common::*;
use bytes::Bytes;
use http::Method;
use liveblocks_core::feeds::{
    CreateFeed, CreateFeedMessage, DeleteFeed, DeleteFeedMessage, GetFeed, GetFeedMessages,
    GetFeeds, UpdateFeed, UpdateFeedMessage,
};
use liveblocks_core::models::feeds::*;
use liveblocks_core::models::{Cursor, Page, Timestamp};
use liveblocks_core::{Endpoint, Error, Paginated};
use serde_json::{json, Value};

/// A feed ID and a message ID that must stay one path segment each.
const FEED: &str = "feed/α 1";
const FEED_ENC: &str = "feed%2F%CE%B1%201";
const MSG: &str = "msg#?2";
const MSG_ENC: &str = "msg%23%3F2";

fn feeds_path(suffix: &str) -> String {
    format!("/rooms/{ROOM_ENC}/feeds{suffix}")
}

// The spec's examples.

const FEED_BODY: &str = r#"{"feedId": "my-feed-id", "metadata": {"type": "chat", "name": "General Discussion"},
    "createdAt": 1660000988137, "updatedAt": 1660000988137}"#;
const FEEDS_BODY: &str = r#"{"nextCursor": "eyJjcmVhdGVkQXQiOjE2NjAwMDA5ODgxMzd9", "data": [
    {"feedId": "my-feed-id", "metadata": {"type": "chat", "name": "General Discussion"},
     "createdAt": 1660000988137, "updatedAt": 1660000988137}]}"#;
const MESSAGE_BODY: &str = r#"{"id": "msg_xyz789", "data": {"type": "text", "content": "Hello, world!"},
    "createdAt": 1660000988137, "updatedAt": 1660000988137}"#;
const MESSAGES_BODY: &str = r#"{"nextCursor": "eyJjcmVhdGVkQXQiOjE2NjAwMDA5ODgxMzd9", "data": [
    {"id": "msg_xyz789", "data": {"type": "text", "content": "Hello, world!"},
     "createdAt": 1660000988137, "updatedAt": 1660000988137}]}"#;

// What the local dev server (liveblocks 1.9.0) answers, word for word from its source; the
// times are `Date.now()` there.

const DEV_GET_FEEDS: &str = r#"{"feeds":[{"feedId":"123","metadata":{"title":"Test Feed","description":"This is a test feed"},"timestamp":1715000000000}],"nextCursor":null}"#;
const DEV_FEED: &str = r#"{"feedId":"123","timestamp":1715000000000,"metadata":{"title":"Test Feed","description":"This is a test feed"}}"#;
const DEV_GET_MESSAGES: &str = r#"{"messages":[{"messageId":"123","data":{"content":"This is a test message"}}],"nextCursor":null}"#;
const DEV_CREATE_MESSAGE: &str =
    r#"{"id":"123","timestamp":1715000000000,"data":{"content":"This is a test message"}}"#;
const DEV_UPDATE_FEED: &str = r#"{"feedId":"feed-1","createdAt":1715000000000,"updatedAt":1715000000000,"metadata":{"title":"Test Feed","description":"This is a test feed"}}"#;
const DEV_UPDATE_MESSAGE: &str = r#"{"id":"msg-1","createdAt":1715000000000,"updatedAt":1715000000000,"data":{"content":"This is a test message"}}"#;
const DEV_DELETE: &str = r#"{"ok":true}"#;
const DEV_WARN: &str = "This is a dummy response.";

fn dev_reply(body: &str) -> Reply {
    Reply::json(200, body).header("x-lb-warn", DEV_WARN)
}

#[test]
fn get_feeds() {
    let expected = expect(Method::GET, &feeds_path(""), Body::None);
    let page = check_op(
        Reply::json(200, FEEDS_BODY),
        |c| c.get_feeds(ROOM).send(),
        GetFeeds::new(ROOM),
        &expected,
    );
    assert_eq!(
        page.next_cursor,
        Some(Cursor::new("eyJjcmVhdGVkQXQiOjE2NjAwMDA5ODgxMzd9"))
    );
    let feed = &page.data[0];
    assert_eq!(feed.feed_id, "my-feed-id");
    assert_eq!(feed.metadata["name"], "General Discussion");
    assert_eq!(feed.created_at, EpochMillis::new(1_660_000_988_137));
    assert_eq!(feed.updated_at.as_millis(), 1_660_000_988_137);

    // cursor, since (ms) and limit, in the spec's order.
    let expected = expect(
        Method::GET,
        &feeds_path("?cursor=eyJj%2B%2F%3D&since=1660000988137&limit=100"),
        Body::None,
    );
    check_op(
        Reply::value(200, json!({"data": [], "nextCursor": null})),
        |c| {
            c.get_feeds(ROOM)
                .limit(100)
                .since(1_660_000_988_137)
                .cursor(Cursor::new("eyJj+/="))
                .send()
        },
        GetFeeds::new(ROOM)
            .cursor(Cursor::new("eyJj+/="))
            .since(EpochMillis::new(1_660_000_988_137))
            .limit(100),
        &expected,
    );

    // `since` from a Timestamp is sent in milliseconds.
    let since: Timestamp = "2022-08-08T23:23:08.137Z".parse().unwrap();
    let request = GetFeeds::new("r").since(since).request(&config()).unwrap();
    assert_eq!(request.uri().query(), Some("since=1660000988137"));

    // The paginator sets `cursor`.
    let request = GetFeeds::new("r")
        .limit(5)
        .after(Cursor::new("c2"))
        .request(&config())
        .unwrap();
    assert_eq!(request.uri().query(), Some("cursor=c2&limit=5"));
}

#[test]
fn feed_lists_walk_every_page() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let recorder = Arc::clone(&seen);
    let transport: Transport = Box::new(move |request| {
        let query = request.uri().query().map(str::to_owned);
        recorder.lock().unwrap().push(query.clone());
        let message =
            |id: &str| format!(r#"{{"id":"{id}","data":{{}},"createdAt":1,"updatedAt":2}}"#);
        let body = match query.as_deref() {
            Some("since=10") => format!(r#"{{"data":[{}],"nextCursor":"c1"}}"#, message("a")),
            Some("cursor=c1&since=10") => {
                format!(r#"{{"data":[{}],"nextCursor":null}}"#, message("b"))
            }
            other => panic!("unexpected query {other:?}"),
        };
        Ok(http::Response::new(Bytes::from(body)))
    });
    let client = liveblocks_core::Client::with_transport(config(), transport);
    let ids: Vec<String> = client
        .get_feed_messages("r", "f")
        .since(10)
        .into_items()
        .map(|m| m.map(|m| m.id))
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(ids, ["a", "b"]);
    assert_eq!(seen.lock().unwrap().len(), 2);
}

#[test]
fn create_feed() {
    // The spec's request example.
    let expected = expect(
        Method::POST,
        &feeds_path(""),
        Body::Json(json!({
            "feedId": "my-feed-id",
            "metadata": {"type": "chat", "name": "General Discussion"}
        })),
    );
    let metadata = json!({"type": "chat", "name": "General Discussion"});
    let feed = check_op(
        Reply::json(200, FEED_BODY),
        |c| {
            c.create_feed(ROOM, "my-feed-id")
                .metadata(metadata.clone())
                .send()
        },
        CreateFeed::new(ROOM, "my-feed-id").metadata(metadata.clone()),
        &expected,
    );
    assert_eq!(feed.feed_id, "my-feed-id");
    assert_eq!(feed.metadata["type"], "chat");
    assert_eq!(
        feed.created_at.to_timestamp().unwrap().to_string(),
        "2022-08-08T23:23:08.137Z"
    );

    // Only the ID, and a custom time sent as `timestamp` in ms (not createdAt).
    let expected = expect(
        Method::POST,
        &feeds_path(""),
        Body::Json(json!({"feedId": FEED, "timestamp": 1_700_000_000_000_i64})),
    );
    check_op(
        Reply::json(200, FEED_BODY),
        |c| {
            c.create_feed(ROOM, FEED)
                .timestamp(1_700_000_000_000)
                .send()
        },
        CreateFeed::new(ROOM, FEED).timestamp(EpochMillis::new(1_700_000_000_000)),
        &expected,
    );
}

#[test]
fn get_update_delete_feed() {
    let expected = expect(
        Method::GET,
        &feeds_path(&format!("/{FEED_ENC}")),
        Body::None,
    );
    let feed = check_op_with(
        Reply::json(200, FEED_BODY),
        |c| c.get_feed(ROOM, FEED).send(),
        GetFeed::new(ROOM, FEED),
        &expected,
        &[("feedId", FEED_ENC)],
    );
    assert_eq!(feed.feed_id, "my-feed-id");

    // The spec's update example.
    let metadata = json!({"type": "chat", "name": "Updated Discussion"});
    let expected = expect(
        Method::PATCH,
        &feeds_path(&format!("/{FEED_ENC}")),
        Body::Json(json!({"metadata": {"type": "chat", "name": "Updated Discussion"}})),
    );
    let updated = check_op_with(
        Reply::json(200, &FEED_BODY.replace("General", "Updated")),
        |c| c.update_feed(ROOM, FEED, metadata.clone()).send(),
        UpdateFeed::new(ROOM, FEED, metadata.clone()),
        &expected,
        &[("feedId", FEED_ENC)],
    );
    assert_eq!(updated.metadata["name"], "Updated Discussion");

    let expected = expect(
        Method::DELETE,
        &feeds_path(&format!("/{FEED_ENC}")),
        Body::None,
    );
    check_op_with(
        Reply::empty(204),
        |c| c.delete_feed(ROOM, FEED).send(),
        DeleteFeed::new(ROOM, FEED),
        &expected,
        &[("feedId", FEED_ENC)],
    );
}

#[test]
fn feed_messages() {
    let messages = feeds_path(&format!("/{FEED_ENC}/messages"));
    let expected = expect(Method::GET, &messages, Body::None);
    let page = check_op_with(
        Reply::json(200, MESSAGES_BODY),
        |c| c.get_feed_messages(ROOM, FEED).send(),
        GetFeedMessages::new(ROOM, FEED),
        &expected,
        &[("feedId", FEED_ENC)],
    );
    let message = &page.data[0];
    assert_eq!(message.id, "msg_xyz789");
    assert_eq!(message.data["content"], "Hello, world!");
    assert_eq!(message.created_at.as_millis(), 1_660_000_988_137);
    assert!(page.next_cursor.is_some());

    let expected = expect(
        Method::GET,
        &format!("{messages}?cursor=abc&since=0&limit=1"),
        Body::None,
    );
    check_op_with(
        Reply::json(200, r#"{"data":[],"nextCursor":null}"#),
        |c| {
            c.get_feed_messages(ROOM, FEED)
                .cursor(Cursor::new("abc"))
                .since(0)
                .limit(1)
                .send()
        },
        GetFeedMessages::new(ROOM, FEED)
            .limit(1)
            .since(0)
            .cursor(Cursor::new("abc")),
        &expected,
        &[("feedId", FEED_ENC)],
    );

    // The spec's create example; then with a custom time.
    let data = json!({"type": "text", "content": "Hello, world!"});
    let expected = expect(
        Method::POST,
        &messages,
        Body::Json(
            json!({"id": "msg_xyz789", "data": {"type": "text", "content": "Hello, world!"}}),
        ),
    );
    let created = check_op_with(
        Reply::json(200, MESSAGE_BODY),
        |c| {
            c.create_feed_message(ROOM, FEED, data.clone())
                .id("msg_xyz789")
                .send()
        },
        CreateFeedMessage::new(ROOM, FEED, data.clone()).id("msg_xyz789"),
        &expected,
        &[("feedId", FEED_ENC)],
    );
    assert_eq!(created.id, "msg_xyz789");
    let expected = expect(
        Method::POST,
        &messages,
        Body::Json(json!({"data": {}, "timestamp": 5})),
    );
    check_op_with(
        Reply::json(200, MESSAGE_BODY),
        |c| {
            c.create_feed_message(ROOM, FEED, json!({}))
                .timestamp(5)
                .send()
        },
        CreateFeedMessage::new(ROOM, FEED, json!({})).timestamp(5),
        &expected,
        &[("feedId", FEED_ENC)],
    );

    // The spec's update example, with and without a time.
    let one = format!("{messages}/{MSG_ENC}");
    let data = json!({"type": "text", "content": "Updated message content"});
    let expected = expect(
        Method::PATCH,
        &one,
        Body::Json(json!({"data": {"type": "text", "content": "Updated message content"}})),
    );
    let updated = check_op_with(
        Reply::json(
            200,
            &MESSAGE_BODY.replace("Hello, world!", "Updated message content"),
        ),
        |c| c.update_feed_message(ROOM, FEED, MSG, data.clone()).send(),
        UpdateFeedMessage::new(ROOM, FEED, MSG, data.clone()),
        &expected,
        &[("feedId", FEED_ENC), ("messageId", MSG_ENC)],
    );
    assert_eq!(updated.data["content"], "Updated message content");
    let expected = expect(
        Method::PATCH,
        &one,
        Body::Json(json!({"data": {"a": 1}, "timestamp": 1_700_000_000_001_i64})),
    );
    check_op_with(
        Reply::json(200, MESSAGE_BODY),
        |c| {
            c.update_feed_message(ROOM, FEED, MSG, json!({"a": 1}))
                .timestamp(1_700_000_000_001)
                .send()
        },
        UpdateFeedMessage::new(ROOM, FEED, MSG, json!({"a": 1})).timestamp(1_700_000_000_001),
        &expected,
        &[("feedId", FEED_ENC), ("messageId", MSG_ENC)],
    );

    let expected = expect(Method::DELETE, &one, Body::None);
    check_op_with(
        Reply::empty(204),
        |c| c.delete_feed_message(ROOM, FEED, MSG).send(),
        DeleteFeedMessage::new(ROOM, FEED, MSG),
        &expected,
        &[("feedId", FEED_ENC), ("messageId", MSG_ENC)],
    );
}

// -------------------------------------------------------------------------------------
// The dev server's dummy answers.
// -------------------------------------------------------------------------------------

/// Runs `call` against a server that answers `body` and returns its decode error.
fn dev_decode_error<O: std::fmt::Debug>(
    body: &str,
    call: impl FnOnce(&MockClient) -> Result<O, Error>,
) -> liveblocks_core::DecodeError {
    let mock = Mock::new(dev_reply(body));
    let err = call(&mock.client).expect_err("a dummy body must not decode as the spec's shape");
    let decode = decode_error(&err).clone();
    assert_eq!(decode.status, 200);
    assert_eq!(decode.raw_body, Bytes::copy_from_slice(body.as_bytes()));
    assert!(err.to_string().contains(&decode.message), "{err}");
    decode
}

#[test]
fn dev_server_dummy_lists_are_decode_errors() {
    // {"feeds": [...]} instead of {"data": [...]}.
    let decode = dev_decode_error(DEV_GET_FEEDS, |c| c.get_feeds(ROOM).send());
    assert_eq!(decode.path, ".");
    assert!(
        decode.message.contains("missing field `data`"),
        "{}",
        decode.message
    );

    // {"messages": [...]} instead of {"data": [...]}.
    let decode = dev_decode_error(DEV_GET_MESSAGES, |c| c.get_feed_messages(ROOM, FEED).send());
    assert_eq!(decode.path, ".");
    assert!(
        decode.message.contains("missing field `data`"),
        "{}",
        decode.message
    );

    // Walking pages stops at the first error instead of panicking or looping.
    let mock = Mock::new(dev_reply(DEV_GET_FEEDS));
    let results: Vec<Result<Feed, Error>> = mock.client.get_feeds(ROOM).into_items().collect();
    assert_eq!(results.len(), 1);
    decode_error(results[0].as_ref().unwrap_err());
    assert_eq!(mock.calls(), 1);
}

#[test]
fn dev_server_dummy_items_are_decode_errors() {
    // `timestamp` instead of `createdAt`/`updatedAt`.
    for decode in [
        dev_decode_error(DEV_FEED, |c| c.get_feed(ROOM, FEED).send()),
        dev_decode_error(DEV_FEED, |c| c.create_feed(ROOM, FEED).send()),
    ] {
        assert_eq!(decode.path, ".");
        assert!(
            decode.message.contains("missing field `createdAt`"),
            "{}",
            decode.message
        );
    }
    let decode = dev_decode_error(DEV_CREATE_MESSAGE, |c| {
        c.create_feed_message(ROOM, FEED, json!({"content": "hi"}))
            .send()
    });
    assert_eq!(decode.path, ".");
    assert!(
        decode.message.contains("missing field `createdAt`"),
        "{}",
        decode.message
    );

    // Inside a list the item is located: a dummy item (messageId, no times) in a `data` array.
    let body = r#"{"data":[{"messageId":"123","data":{"content":"This is a test message"}}],"nextCursor":null}"#;
    let decode = dev_decode_error(body, |c| c.get_feed_messages(ROOM, FEED).send());
    assert_eq!(decode.path, "data[0]");
    assert!(
        decode.message.contains("missing field `id`"),
        "{}",
        decode.message
    );
}

#[test]
fn dev_server_answers_that_fit_the_spec_decode() {
    let mock = Mock::new(dev_reply(DEV_UPDATE_FEED));
    let feed = mock
        .client
        .update_feed(ROOM, FEED, json!({"name": "Renamed"}))
        .send()
        .unwrap();
    assert_eq!(feed.feed_id, "feed-1");
    assert_eq!(feed.metadata["title"], "Test Feed");
    assert_eq!(feed.created_at.as_millis(), 1_715_000_000_000);

    let mock = Mock::new(dev_reply(DEV_UPDATE_MESSAGE));
    let message = mock
        .client
        .update_feed_message(ROOM, FEED, MSG, json!({"content": "edited"}))
        .send()
        .unwrap();
    assert_eq!(message.id, "msg-1");
    assert_eq!(message.data["content"], "This is a test message");

    // Deletes answer 200 {"ok":true} instead of 204: any 2xx is a success.
    let mock = Mock::new(dev_reply(DEV_DELETE));
    mock.client.delete_feed(ROOM, FEED).send().unwrap();
    mock.client
        .delete_feed_message(ROOM, FEED, MSG)
        .send()
        .unwrap();
    assert_eq!(mock.calls(), 2);
}

#[test]
fn missing_room_is_a_typed_404() {
    let mock = Mock::new(Reply::json(
        404,
        r#"{"error":"ROOM_NOT_FOUND","message":"Room with id \"nope\" not found."}"#,
    ));
    let err = mock.client.get_feeds("nope").send().unwrap_err();
    assert!(err.is_not_found());
    assert_eq!(err.code(), Some("ROOM_NOT_FOUND"));
    assert_eq!(api_error(&err).status, 404);
}

// -------------------------------------------------------------------------------------
// Epoch milliseconds and models.
// -------------------------------------------------------------------------------------

#[test]
fn epoch_millis_are_read_leniently() {
    let cases = [
        ("1660000988137", 1_660_000_988_137),
        ("1660000988137.0", 1_660_000_988_137),
        ("1660000988137.9", 1_660_000_988_137),
        ("1.660000988137e12", 1_660_000_988_137),
        ("0", 0),
        ("-1000", -1000),
    ];
    for (json, millis) in cases {
        let t: EpochMillis = serde_json::from_str(json).unwrap();
        assert_eq!(t.as_millis(), millis, "{json}");
    }
    // Written back as an integer.
    assert_eq!(
        serde_json::to_string(&EpochMillis::new(1_660_000_988_137)).unwrap(),
        "1660000988137"
    );
    assert_eq!(EpochMillis::new(-1000).to_string(), "-1000");
    assert_eq!(
        EpochMillis::new(-1000).to_timestamp().unwrap().to_string(),
        "1969-12-31T23:59:59Z"
    );
    // Out of jiff's range: no timestamp, no panic.
    assert_eq!(EpochMillis::new(i64::MAX).to_timestamp(), None);
    // Not numbers, or numbers too large for i64: errors.
    for bad in [
        r#""1660000988137""#,
        r#""2022-08-08T23:23:08.137Z""#,
        "null",
        "true",
        "18446744073709551615",
        "1e300",
    ] {
        assert!(serde_json::from_str::<EpochMillis>(bad).is_err(), "{bad}");
    }
    // A string time in a feed is located by the decode error.
    let body = FEED_BODY.replace(
        "\"createdAt\": 1660000988137",
        "\"createdAt\": \"2022-08-08\"",
    );
    let err = GetFeed::new("r", "f")
        .response(response(200, &body))
        .unwrap_err();
    assert_eq!(decode_error(&err).path, "createdAt");
}

#[test]
fn models_round_trip() {
    let cases: [(&str, RoundTrip); 8] = [
        (FEED_BODY, |s| round::<Feed>(s)),
        (MESSAGE_BODY, |s| round::<FeedMessage>(s)),
        (FEEDS_BODY, |s| round::<Page<Feed>>(s)),
        (MESSAGES_BODY, |s| round::<Page<FeedMessage>>(s)),
        (
            r#"{"feedId":"f","metadata":{"a":[1]},"timestamp":3}"#,
            |s| round::<CreateFeedRequestBody>(s),
        ),
        (r#"{"metadata":{}}"#, |s| round::<UpdateFeedRequestBody>(s)),
        (r#"{"id":"m","timestamp":4,"data":{"x":null}}"#, |s| {
            round::<CreateFeedMessageRequestBody>(s)
        }),
        (r#"{"data":{"nested":{"deep":true}}}"#, |s| {
            round::<UpdateFeedMessageRequestBody>(s)
        }),
    ];
    for (json, round_trip) in cases {
        let original: Value = serde_json::from_str(json).unwrap();
        assert_eq!(round_trip(json), original, "{json}");
    }
    // Extra keys the server may add are ignored.
    let feed: Feed =
        serde_json::from_str(&FEED_BODY.replace("{\"feedId\"", "{\"roomId\": \"r\", \"feedId\""))
            .unwrap();
    assert_eq!(feed.feed_id, "my-feed-id");
}

/// Decodes as one model type and encodes back.
type RoundTrip = fn(&str) -> Value;

fn round<T: serde::de::DeserializeOwned + serde::Serialize>(json: &str) -> Value {
    serde_json::to_value(serde_json::from_str::<T>(json).unwrap()).unwrap()
}

// -------------------------------------------------------------------------------------
// Invalid input.
// -------------------------------------------------------------------------------------

#[test]
fn invalid_input_is_rejected_before_sending() {
    let mock = Mock::new(Reply::json(200, FEED_BODY));
    let c = &mock.client;
    let errors = [
        c.get_feeds(ROOM).limit(0).send().unwrap_err(),
        c.get_feeds(ROOM).limit(101).send().unwrap_err(),
        c.get_feed_messages(ROOM, FEED).limit(0).send().unwrap_err(),
        c.get_feeds("").send().unwrap_err(),
        c.get_feed(ROOM, "").send().unwrap_err(),
        c.create_feed(ROOM, "").send().unwrap_err(),
        c.create_feed("", "f").send().unwrap_err(),
        c.create_feed(ROOM, "f")
            .metadata(json!([1, 2]))
            .send()
            .unwrap_err(),
        c.create_feed(ROOM, "f")
            .metadata(json!("x"))
            .send()
            .unwrap_err(),
        c.update_feed(ROOM, FEED, json!(null)).send().unwrap_err(),
        c.update_feed(ROOM, "", json!({})).send().unwrap_err(),
        c.delete_feed(ROOM, "").send().unwrap_err(),
        c.create_feed_message(ROOM, FEED, json!(1))
            .send()
            .unwrap_err(),
        c.create_feed_message(ROOM, FEED, json!({}))
            .id("")
            .send()
            .unwrap_err(),
        c.update_feed_message(ROOM, FEED, MSG, json!([]))
            .send()
            .unwrap_err(),
        c.update_feed_message(ROOM, FEED, "", json!({}))
            .send()
            .unwrap_err(),
        c.delete_feed_message(ROOM, FEED, "").send().unwrap_err(),
    ];
    for err in &errors {
        assert!(err.is_invalid_input(), "{err:?}");
    }
    assert_eq!(mock.calls(), 0, "nothing may be sent");
}
