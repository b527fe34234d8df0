//! Property tests: the webhook verifier never panics, whatever the headers, body and clock.

use liveblocks_core::comment_body::{stringify, Format, StringifyOptions};
use liveblocks_core::models::comments::CommentBody;
use liveblocks_core::models::Timestamp;
use liveblocks_core::webhooks::{WebhookEvent, WebhookHandler};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

const CASES: u32 = 2_000;

fn header_value() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..80),
        "[ -~]{0,60}".prop_map(String::into_bytes),
        "(v1,[A-Za-z0-9+/=]{0,50} ?){0,4}".prop_map(String::into_bytes),
        "[-+ ]?[0-9]{0,25}[a-z.]{0,3}".prop_map(String::into_bytes),
    ]
}

#[test]
fn verifier_never_panics() {
    let handler = WebhookHandler::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap();
    let names = [
        "webhook-id",
        "webhook-timestamp",
        "webhook-signature",
        "Webhook-Signature",
        "x-other",
    ];
    let strategy = (
        proptest::collection::vec((0..names.len(), header_value()), 0..8),
        prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..300),
            "\\PC{0,200}".prop_map(String::into_bytes)
        ],
        -10_000_000_000i64..10_000_000_000i64,
        any::<bool>(),
    );
    let mut runner = TestRunner::new(Config {
        cases: CASES,
        failure_persistence: None,
        ..Config::default()
    });
    let ran = std::cell::Cell::new(0u32);
    runner
        .run(&strategy, |(headers, body, now, sign)| {
            ran.set(ran.get() + 1);
            let mut map = http::HeaderMap::new();
            for (name, value) in &headers {
                if let Ok(value) = http::HeaderValue::from_bytes(value) {
                    map.append(names[*name], value);
                }
            }
            if sign {
                // Make the signature valid for whatever id/timestamp are there, to reach the
                // JSON decoding with arbitrary bodies.
                let id = map
                    .get("webhook-id")
                    .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
                    .unwrap_or_default();
                let ts = map
                    .get("webhook-timestamp")
                    .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
                    .unwrap_or_default();
                if let Ok(v) = http::HeaderValue::from_str(&handler.sign(&id, &ts, &body)) {
                    map.insert("webhook-signature", v);
                }
            }
            let now = Timestamp::from_second(now).unwrap_or(Timestamp::UNIX_EPOCH);
            let result = handler.verify(&map, &body, now);
            if let Ok(event) = &result {
                let _ = serde_json::to_string(event).unwrap();
            }
            let _ = result.map_err(|e| e.to_string());
            Ok(())
        })
        .unwrap();
    println!(
        "webhook verifier: {} arbitrary requests, no panic",
        ran.get()
    );
    assert!(ran.get() >= CASES);
}

#[test]
fn arbitrary_json_never_panics_decoding_or_rendering() {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        "\\PC{0,20}".prop_map(serde_json::Value::from),
        prop_oneof![
            Just("paragraph"),
            Just("mention"),
            Just("link"),
            Just("notification"),
            Just("roomCreated")
        ]
        .prop_map(serde_json::Value::from),
    ];
    let json = leaf.prop_recursive(4, 64, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::from),
            proptest::collection::btree_map(
                prop_oneof![
                    Just("type".to_owned()),
                    Just("data".to_owned()),
                    Just("kind".to_owned()),
                    Just("children".to_owned()),
                    Just("text".to_owned()),
                    Just("url".to_owned()),
                    Just("id".to_owned()),
                    Just("content".to_owned())
                ],
                inner,
                0..6,
            )
            .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    });
    let mut runner = TestRunner::new(Config {
        cases: CASES,
        failure_persistence: None,
        ..Config::default()
    });
    let ran = std::cell::Cell::new(0u32);
    runner
        .run(&json, |value| {
            ran.set(ran.get() + 1);
            let _ = WebhookEvent::from_value(value.clone());
            if let Ok(body) = serde_json::from_value::<CommentBody>(value) {
                for format in [Format::Plain, Format::Markdown, Format::Html] {
                    let _ = stringify(&body, &StringifyOptions::new(format));
                }
                let _ = body.mentions();
            }
            Ok(())
        })
        .unwrap();
    println!(
        "events and comment bodies: {} arbitrary JSON values, no panic",
        ran.get()
    );
}
