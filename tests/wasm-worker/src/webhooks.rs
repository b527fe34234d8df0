//! Webhook verification inside workerd: HMAC, base64 and the JS clock on wasm32.

use liveblocks_wasm::liveblocks_core::http::HeaderMap;
use liveblocks_wasm::liveblocks_core::models::Timestamp;
use liveblocks_wasm::liveblocks_core::webhooks::{WebhookError, WebhookEvent, WebhookHandler};

use crate::{Report, Step};

const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
/// Signed with Node's `crypto.createHmac` at 1714557600, and accepted by
/// `@liveblocks/node`'s `WebhookHandler` (see `tests/oracles/README.md`).
const FIXTURE_BODY: &str = r#"{"type":"commentCreated","data":{"projectId":"pr_1","roomId":"room-é","threadId":"th_1","commentId":"cm_1","createdAt":"2024-05-01T10:00:00.000Z","createdBy":"alice"}}"#;
const FIXTURE_SIGNATURE: &str = "v1,4YHgxK2yJaBKW4VUFMpzM2dObIWqPan7wZb8pQTV6+0=";
const FIXTURE_TIME: i64 = 1_714_557_600;

fn headers(id: &str, timestamp: &str, signature: &str) -> HeaderMap {
    let mut map = HeaderMap::new();
    for (name, value) in [
        ("webhook-id", id),
        ("webhook-timestamp", timestamp),
        ("webhook-signature", signature),
    ] {
        if let Ok(value) = value.parse() {
            map.insert(name, value);
        }
    }
    map
}

/// Verifies a Node-signed request at its own time, the same request against the JS clock
/// (too old now), and a fresh request signed now.
pub fn webhooks(r: &mut Report) -> Step {
    let handler = match WebhookHandler::new(SECRET) {
        Ok(h) => h,
        Err(e) => {
            r.check("handler from secret", false, e.to_string());
            return Ok(());
        }
    };
    let fixture = headers(
        "msg_wasm_fixture",
        &FIXTURE_TIME.to_string(),
        FIXTURE_SIGNATURE,
    );
    let then = Timestamp::from_second(FIXTURE_TIME).unwrap_or(Timestamp::UNIX_EPOCH);
    let event = handler.verify(&fixture, FIXTURE_BODY.as_bytes(), then);
    let room = event
        .as_ref()
        .ok()
        .and_then(WebhookEvent::room_id)
        .map(str::to_owned);
    r.eq(
        "Node-signed request verifies in workerd",
        &room,
        &Some("room-é".to_owned()),
    );

    let now = liveblocks_wasm::webhook_now();
    r.check(
        "JS clock reads a plausible time",
        now.as_second() > 1_700_000_000,
        now.to_string(),
    );
    let stale = handler.verify(&fixture, FIXTURE_BODY.as_bytes(), now);
    r.check(
        "the same request is too old by the JS clock",
        matches!(stale, Err(WebhookError::TimestampTooOld { .. })),
        format!("{stale:?}"),
    );

    let ts = now.as_second().to_string();
    let body = br#"{"type":"roomCreated","data":{"projectId":"p","roomId":"r","createdAt":"2024-05-01T10:00:00.000Z"}}"#;
    let fresh = headers("msg_now", &ts, &handler.sign("msg_now", &ts, body));
    let event = handler.verify(&fresh, body, liveblocks_wasm::webhook_now());
    r.check(
        "a request signed now verifies with the JS clock",
        matches!(event, Ok(WebhookEvent::RoomCreated(_))),
        format!("{event:?}"),
    );
    let tampered = handler.verify(
        &fresh,
        &body[..body.len() - 1],
        liveblocks_wasm::webhook_now(),
    );
    r.check(
        "a tampered body is refused",
        matches!(tampered, Err(WebhookError::InvalidSignature)),
        format!("{tampered:?}"),
    );
    Ok(())
}
