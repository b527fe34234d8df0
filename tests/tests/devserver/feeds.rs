//! Feeds: the dev server answers all 9 operations with canned dummy data, marked with
//! `X-LB-Warn: This is a dummy response.`, whatever the request says. Five of those answers
//! don't have the spec's shape and must fail as typed decode errors (never a panic); the two
//! updates have the right shape with canned content; the two deletes answer 200
//! `{"ok":true}` (the spec says 204). A missing room is still a real 404.

use http::StatusCode;
use liveblocks_core::feeds::{
    CreateFeed, CreateFeedMessage, DeleteFeed, DeleteFeedMessage, GetFeed, GetFeedMessages,
    GetFeeds, UpdateFeed, UpdateFeedMessage,
};
use liveblocks_core::{DecodeError, Endpoint, Error};
use serde_json::{json, Value};

use crate::{decode_error, expect_api, json_body, new_room, room_id, Driver, Result};

/// The metadata every dummy feed has.
fn canned_metadata() -> Value {
    json!({"title": "Test Feed", "description": "This is a test feed"})
}

/// The content every dummy message has.
fn canned_message() -> Value {
    json!({"content": "This is a test message"})
}

/// Checks a decode error of a dummy answer: status 200, the failing path and field, and the
/// body kept as received; returns the body as JSON.
fn dummy_decode_error(what: &str, error: &DecodeError, path: &str, missing: &str) -> Value {
    assert_eq!(error.status, StatusCode::OK, "{what}: {error:?}");
    assert_eq!(error.path, path, "{what}: {error:?}");
    assert!(
        error
            .message
            .contains(&format!("missing field `{missing}`")),
        "{what}: {error:?}"
    );
    let shown = Error::Decode(Box::new(error.clone())).to_string();
    assert!(shown.contains(&error.message), "{what}: {shown}");
    json_body(what, &error.raw_body)
}

/// A dummy feed item: ID `123` whatever was asked, canned metadata, and one `timestamp` (epoch
/// milliseconds) instead of `createdAt`/`updatedAt`.
fn check_dummy_feed(what: &str, feed: &Value) {
    assert_eq!(feed["feedId"], "123", "{what}: {feed}");
    assert_eq!(feed["metadata"], canned_metadata(), "{what}: {feed}");
    assert!(feed["timestamp"].as_u64().is_some(), "{what}: {feed}");
    assert!(feed.get("createdAt").is_none(), "{what}: {feed}");
}

/// `get_feeds` (`feeds` instead of `data`), `get_feed_messages` (`messages` instead of
/// `data`), `get_feed`/`create_feed` and `create_feed_message` (`timestamp` instead of
/// `createdAt`/`updatedAt`) fail to decode, with `raw_body` holding the dummy answer.
pub(crate) fn feed_lists_and_items_are_decode_errors<D: Driver>(d: &D) -> Result {
    let c = d.client();
    let room = new_room(d, "feeds")?;

    let e = decode_error("get_feeds", d.run(c.get_feeds(&room).limit(5)));
    let body = dummy_decode_error("get_feeds", &e, ".", "data");
    assert_eq!(body["nextCursor"], Value::Null, "{body}");
    let feeds = body["feeds"].as_array().expect("a `feeds` list");
    assert_eq!(feeds.len(), 1, "{body}");
    check_dummy_feed("get_feeds", &feeds[0]);

    let e = decode_error("get_feed", d.run(c.get_feed(&room, "my-feed")));
    let body = dummy_decode_error("get_feed", &e, ".", "createdAt");
    check_dummy_feed("get_feed", &body);

    let e = decode_error(
        "create_feed",
        d.run(
            c.create_feed(&room, "my-feed")
                .metadata(json!({"name": "Mine"})),
        ),
    );
    let body = dummy_decode_error("create_feed", &e, ".", "createdAt");
    check_dummy_feed("create_feed", &body);

    let e = decode_error(
        "get_feed_messages",
        d.run(c.get_feed_messages(&room, "my-feed")),
    );
    let body = dummy_decode_error("get_feed_messages", &e, ".", "data");
    assert_eq!(
        body,
        json!({"messages": [{"messageId": "123", "data": canned_message()}], "nextCursor": null})
    );

    let e = decode_error(
        "create_feed_message",
        d.run(
            c.create_feed_message(&room, "my-feed", json!({"content": "hello"}))
                .id("my-message"),
        ),
    );
    let body = dummy_decode_error("create_feed_message", &e, ".", "createdAt");
    assert_eq!(body["id"], "123", "{body}");
    assert_eq!(body["data"], canned_message(), "{body}");
    assert!(body["timestamp"].as_u64().is_some(), "{body}");
    Ok(())
}

/// The two updates answer the spec's shape, so they decode: the IDs come from the path, the
/// content is canned (not what was sent), and both times are the same.
pub(crate) fn feed_updates_decode_canned_content<D: Driver>(d: &D) -> Result {
    let c = d.client();
    let room = new_room(d, "feed-updates")?;

    let feed = d.run(c.update_feed(&room, "my-feed", json!({"name": "Renamed"})))?;
    assert_eq!(feed.feed_id, "my-feed");
    assert_eq!(Value::Object(feed.metadata.clone()), canned_metadata());
    assert_eq!(feed.created_at, feed.updated_at);
    assert!(feed.created_at.to_timestamp().is_some(), "{feed:?}");

    let message = d.run(
        c.update_feed_message(&room, "my-feed", "my-message", json!({"content": "edited"}))
            .timestamp(1_700_000_000_000),
    )?;
    assert_eq!(message.id, "my-message");
    assert_eq!(Value::Object(message.data.clone()), canned_message());
    assert_eq!(message.created_at, message.updated_at);
    assert_ne!(
        message.updated_at.as_millis(),
        1_700_000_000_000,
        "the timestamp sent is ignored too"
    );
    Ok(())
}

/// The deletes answer 200 `{"ok":true}` where the spec says 204 with no body; the client takes
/// any 2xx as success.
pub(crate) fn feed_deletes_answer_200_ok<D: Driver>(d: &D) -> Result {
    let c = d.client();
    let room = new_room(d, "feed-deletes")?;
    d.run(c.delete_feed(&room, "my-feed"))?;
    d.run(c.delete_feed_message(&room, "my-feed", "my-message"))?;

    let feed = DeleteFeed::new(&room, "my-feed");
    let response = d.exchange_endpoint(&feed)?;
    assert_eq!(response.status(), StatusCode::OK, "the spec says 204");
    assert_eq!(
        json_body("delete_feed", response.body()),
        json!({"ok": true})
    );
    feed.response(response)?;

    let message = DeleteFeedMessage::new(&room, "my-feed", "my-message");
    let response = d.exchange_endpoint(&message)?;
    assert_eq!(response.status(), StatusCode::OK, "the spec says 204");
    assert_eq!(
        json_body("delete_feed_message", response.body()),
        json!({"ok": true})
    );
    message.response(response)?;
    Ok(())
}

/// Sends `endpoint` and checks its answer is a 200 marked as dummy.
fn check_marked_dummy<D: Driver, E: Endpoint>(d: &D, endpoint: &E) -> Result {
    let response = d.exchange_endpoint(endpoint)?;
    let what = E::OPERATION.id;
    assert_eq!(response.status(), StatusCode::OK, "{what}: {response:?}");
    let warning = response.headers().get("x-lb-warn");
    assert_eq!(
        warning.and_then(|v| v.to_str().ok()),
        Some("This is a dummy response."),
        "{what}: {response:?}"
    );
    Ok(())
}

/// Every Feeds answer carries `X-LB-Warn: This is a dummy response.`.
pub(crate) fn feed_answers_are_marked_dummy<D: Driver>(d: &D) -> Result {
    let room = new_room(d, "feed-warn")?;
    let (feed, message) = ("my-feed", "my-message");
    check_marked_dummy(d, &GetFeeds::new(&room))?;
    check_marked_dummy(d, &CreateFeed::new(&room, feed))?;
    check_marked_dummy(d, &GetFeed::new(&room, feed))?;
    check_marked_dummy(d, &UpdateFeed::new(&room, feed, json!({"a": 1})))?;
    check_marked_dummy(d, &DeleteFeed::new(&room, feed))?;
    check_marked_dummy(d, &GetFeedMessages::new(&room, feed))?;
    check_marked_dummy(d, &CreateFeedMessage::new(&room, feed, json!({"a": 1})))?;
    check_marked_dummy(
        d,
        &UpdateFeedMessage::new(&room, feed, message, json!({"a": 1})),
    )?;
    check_marked_dummy(d, &DeleteFeedMessage::new(&room, feed, message))?;
    Ok(())
}

/// All 9 operations check the room first: a missing one is `404 ROOM_NOT_FOUND`.
pub(crate) fn feeds_of_a_missing_room_are_404<D: Driver>(d: &D) -> Result {
    let c = d.client();
    let room = room_id::<D>("no-feeds");
    let (feed, message) = ("my-feed", "my-message");
    let data = || json!({"a": 1});
    let results = [
        ("get_feeds", d.run(c.get_feeds(&room)).map(drop)),
        ("create_feed", d.run(c.create_feed(&room, feed)).map(drop)),
        ("get_feed", d.run(c.get_feed(&room, feed)).map(drop)),
        (
            "update_feed",
            d.run(c.update_feed(&room, feed, data())).map(drop),
        ),
        ("delete_feed", d.run(c.delete_feed(&room, feed))),
        (
            "get_feed_messages",
            d.run(c.get_feed_messages(&room, feed)).map(drop),
        ),
        (
            "create_feed_message",
            d.run(c.create_feed_message(&room, feed, data())).map(drop),
        ),
        (
            "update_feed_message",
            d.run(c.update_feed_message(&room, feed, message, data()))
                .map(drop),
        ),
        (
            "delete_feed_message",
            d.run(c.delete_feed_message(&room, feed, message)),
        ),
    ];
    for (what, result) in results {
        let e = expect_api(what, result, 404, "ROOM_NOT_FOUND");
        assert!(e.message.contains(&room), "{what}: {e:?}");
    }
    Ok(())
}
