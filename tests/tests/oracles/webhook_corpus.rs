//! The webhook corpus: every way a request can be right or wrong.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use liveblocks_core::models::Timestamp;
use serde_json::{json, Value};

use super::rng::Rng;
use super::webhooks::{sign, Case, OTHER_SECRET, SECRET};

/// What Node signs over: header bytes read as Latin-1, then UTF-8 encoded.
fn latin1(bytes: &[u8]) -> Vec<u8> {
    bytes
        .iter()
        .map(|&b| char::from(b))
        .collect::<String>()
        .into_bytes()
}

fn lossy(bytes: &[u8]) -> Vec<u8> {
    String::from_utf8_lossy(bytes).into_owned().into_bytes()
}

fn time(rng: &mut Rng) -> String {
    let secs = 1_600_000_000 + rng.below(200_000_000) as i64;
    let ts = Timestamp::from_second(secs).unwrap();
    let s = ts.strftime("%Y-%m-%dT%H:%M:%S").to_string();
    if rng.chance(70) {
        format!("{s}.{:03}Z", rng.below(1000))
    } else {
        format!("{s}Z")
    }
}

fn ident(rng: &mut Rng, prefix: &str) -> String {
    let tricky = ["", "é", "💬", "\"q\"", "a b", "<x>", "\\", "\u{202e}rtl"];
    format!("{prefix}{}{}", rng.next() % 100_000, rng.pick(&tricky))
}

/// A well-formed event of every type @liveblocks/node declares, plus unknown ones.
pub fn event(rng: &mut Rng, which: usize) -> Value {
    let p = ident(rng, "pr_");
    let r = ident(rng, "room-");
    let t = ident(rng, "th_");
    let c = ident(rng, "cm_");
    let u = ident(rng, "user-");
    let channel = *rng.pick(&["email", "slack", "teams", "webPush", "sms"]);
    let user_info = if rng.chance(50) {
        json!({"name": u, "n": 1, "nested": {"a": [1, null]}})
    } else {
        Value::Null
    };
    let user_id = if rng.chance(80) {
        json!(u)
    } else {
        Value::Null
    };
    let (ty, data) = match which % 24 {
        0 => (
            "storageUpdated",
            json!({"roomId": r, "projectId": p, "updatedAt": time(rng)}),
        ),
        1 => (
            "userEntered",
            json!({"projectId": p, "roomId": r, "connectionId": rng.below(1000), "userId": user_id, "userInfo": user_info, "enteredAt": time(rng), "numActiveUsers": rng.below(50)}),
        ),
        2 => (
            "userLeft",
            json!({"projectId": p, "roomId": r, "connectionId": rng.below(1000), "userId": user_id, "userInfo": user_info, "leftAt": time(rng), "numActiveUsers": rng.below(50)}),
        ),
        3 => (
            "roomCreated",
            json!({"projectId": p, "roomId": r, "createdAt": time(rng)}),
        ),
        4 => (
            "roomDeleted",
            json!({"projectId": p, "roomId": r, "deletedAt": time(rng)}),
        ),
        5 => (
            "commentCreated",
            json!({"projectId": p, "roomId": r, "threadId": t, "commentId": c, "createdAt": time(rng), "createdBy": u}),
        ),
        6 => (
            "commentEdited",
            json!({"projectId": p, "roomId": r, "threadId": t, "commentId": c, "editedAt": time(rng)}),
        ),
        7 => (
            "commentDeleted",
            json!({"projectId": p, "roomId": r, "threadId": t, "commentId": c, "deletedAt": time(rng)}),
        ),
        8 => (
            "commentReactionAdded",
            json!({"projectId": p, "roomId": r, "threadId": t, "commentId": c, "emoji": "👍🏽", "addedAt": time(rng), "addedBy": u}),
        ),
        9 => (
            "commentReactionRemoved",
            json!({"projectId": p, "roomId": r, "threadId": t, "commentId": c, "emoji": "🎉", "removedAt": time(rng), "removedBy": u}),
        ),
        10 => (
            "commentMetadataUpdated",
            json!({"projectId": p, "roomId": r, "threadId": t, "commentId": c, "updatedAt": time(rng), "updatedBy": u}),
        ),
        11 => (
            "threadMetadataUpdated",
            json!({"projectId": p, "roomId": r, "threadId": t, "updatedAt": time(rng), "updatedBy": u}),
        ),
        12 => (
            "threadCreated",
            json!({"projectId": p, "roomId": r, "threadId": t, "createdAt": time(rng), "createdBy": u}),
        ),
        13 => (
            "threadDeleted",
            json!({"projectId": p, "roomId": r, "threadId": t, "deletedAt": time(rng)}),
        ),
        14 => (
            "threadMarkedAsResolved",
            json!({"projectId": p, "roomId": r, "threadId": t, "updatedAt": time(rng), "updatedBy": u}),
        ),
        15 => (
            "threadMarkedAsUnresolved",
            json!({"projectId": p, "roomId": r, "threadId": t, "updatedAt": time(rng), "updatedBy": u}),
        ),
        16 => (
            "ydocUpdated",
            json!({"projectId": p, "roomId": r, "updatedAt": time(rng)}),
        ),
        17 => (
            "notification",
            json!({"channel": channel, "kind": "thread", "projectId": p, "roomId": r, "userId": u, "threadId": t, "inboxNotificationId": ident(rng, "in_"), "createdAt": time(rng), "triggeredAt": time(rng)}),
        ),
        18 => (
            "notification",
            json!({"channel": channel, "kind": "textMention", "projectId": p, "roomId": r, "userId": u, "mentionId": ident(rng, "in_"), "inboxNotificationId": ident(rng, "in_"), "createdAt": time(rng), "triggeredAt": time(rng)}),
        ),
        19 => (
            "notification",
            json!({"channel": channel, "kind": format!("${}", ident(rng, "custom")), "projectId": p, "roomId": if rng.chance(50) { json!(r) } else { Value::Null }, "userId": u, "subjectId": ident(rng, "s"), "inboxNotificationId": ident(rng, "in_"), "createdAt": time(rng), "triggeredAt": time(rng)}),
        ),
        20 => (
            "notification",
            json!({"channel": channel, "kind": "somethingElse", "projectId": p, "userId": u}),
        ),
        21 => (
            "aiSomethingNew",
            json!({"projectId": p, "anything": [1, 2, {"x": null}]}),
        ),
        22 => (
            "storageUpdated",
            json!({"roomId": r, "projectId": p, "updatedAt": time(rng)}),
        ),
        _ => (
            "commentCreated",
            json!({"projectId": p, "roomId": r, "threadId": t, "commentId": c, "createdAt": time(rng), "createdBy": u}),
        ),
    };
    json!({"type": ty, "data": data})
}

fn body_of(rng: &mut Rng, event: &Value) -> Vec<u8> {
    if rng.chance(30) {
        serde_json::to_vec_pretty(event).unwrap()
    } else {
        serde_json::to_vec(event).unwrap()
    }
}

/// The corpus: every way a request can be right or wrong.
pub fn corpus() -> Vec<Case> {
    let mut rng = Rng::new(12);
    let mut cases = Vec::new();
    let base_now: i64 = 1_700_000_000;
    let mut push = |label: &str, headers: Vec<(&str, Vec<u8>)>, body: Vec<u8>, now: i64| {
        cases.push(Case {
            label: label.to_owned(),
            headers: headers
                .into_iter()
                .map(|(n, v)| (n.to_owned(), v))
                .collect(),
            body,
            now,
        });
    };
    for i in 0..1_300usize {
        let ev = event(&mut rng, i);
        let body = body_of(&mut rng, &ev);
        let id = format!("msg_{}", rng.next() % 1_000_000_000);
        let ts = base_now + (rng.below(601) as i64 - 300);
        let ts_s = ts.to_string();
        let good = sign(SECRET, id.as_bytes(), ts_s.as_bytes(), &body);
        let kind = i % 26;
        let hdrs = |sig: String| {
            vec![
                ("webhook-id", id.clone().into_bytes()),
                ("webhook-timestamp", ts_s.clone().into_bytes()),
                ("webhook-signature", sig.into_bytes()),
            ]
        };
        match kind {
            0..=5 => push("valid", hdrs(good.clone()), body, base_now),
            6 => {
                let mut b = body.clone();
                let at = rng.below(b.len());
                b[at] ^= 1 << rng.below(7);
                push("tampered body", hdrs(good), b, base_now)
            }
            7 => push(
                "tampered id",
                vec![
                    ("webhook-id", format!("{id}x").into_bytes()),
                    ("webhook-timestamp", ts_s.clone().into_bytes()),
                    ("webhook-signature", good.into_bytes()),
                ],
                body,
                base_now,
            ),
            8 => push(
                "tampered timestamp",
                vec![
                    ("webhook-id", id.clone().into_bytes()),
                    ("webhook-timestamp", (ts + 1).to_string().into_bytes()),
                    ("webhook-signature", good.into_bytes()),
                ],
                body,
                base_now,
            ),
            9 => {
                let mut sig = good.clone().into_bytes();
                let at = 3 + rng.below(sig.len() - 4);
                sig[at] = if sig[at] == b'A' { b'B' } else { b'A' };
                push(
                    "tampered signature",
                    hdrs(String::from_utf8(sig).unwrap()),
                    body,
                    base_now,
                )
            }
            10 => push(
                "expired",
                hdrs(good),
                body,
                ts + 301 + rng.below(100_000) as i64,
            ),
            11 => push(
                "from the future",
                hdrs(good),
                body,
                ts - 301 - rng.below(100_000) as i64,
            ),
            12 => push(
                "boundary",
                hdrs(good),
                body,
                ts + *rng.pick(&[300i64, -300, 301, -301, 0]),
            ),
            13 => {
                let other = sign(OTHER_SECRET, id.as_bytes(), ts_s.as_bytes(), &body);
                let sigs = if rng.chance(50) {
                    format!("{other} {good}")
                } else {
                    format!("{good} v1,AAAA {other}")
                };
                push("rotation, one valid", hdrs(sigs), body, base_now)
            }
            14 => {
                let other = sign(OTHER_SECRET, id.as_bytes(), ts_s.as_bytes(), &body);
                push(
                    "rotation, none valid",
                    hdrs(format!("{other} v1,{}", B64.encode(rng.bytes(32)))),
                    body,
                    base_now,
                )
            }
            15 => {
                let raw = good.strip_prefix("v1,").unwrap().to_owned();
                let variant = rng
                    .pick(&[
                        format!("v2,{raw}"),
                        raw.clone(),
                        format!(",{raw}"),
                        format!("v1,{raw},extra"),
                        format!("  v1,{raw}  "),
                        format!("v1,{}", raw.trim_end_matches('=')),
                        format!("V1,{raw}"),
                        format!("v1, {raw}"),
                        format!("v1,{raw}\t"),
                        String::new(),
                        format!("v1,{}", raw.to_lowercase()),
                    ])
                    .clone();
                push("signature variants", hdrs(variant), body, base_now)
            }
            16 => {
                let which = rng.below(3);
                let mut h = hdrs(good);
                h.remove(which);
                push("missing header", h, body, base_now)
            }
            17 => {
                let tsv = rng
                    .pick(&[
                        format!(" {ts}"),
                        format!("+{ts}"),
                        format!("{ts}abc"),
                        format!("{ts}.9"),
                        format!("{ts}e3"),
                        "0x10".to_owned(),
                        format!("-{ts}"),
                        String::new(),
                        " ".to_owned(),
                        "abc".to_owned(),
                        "9".repeat(30),
                        format!("{ts} {ts}"),
                        format!("\u{a0}{ts}"),
                        format!("0{ts}"),
                        format!("{}", ts as f64 / 1.0),
                    ])
                    .clone();
                let sig = sign(SECRET, id.as_bytes(), &latin1(tsv.as_bytes()), &body);
                let t = tsv.into_bytes();
                push(
                    "timestamp forms",
                    vec![
                        ("webhook-id", id.clone().into_bytes()),
                        ("webhook-timestamp", t),
                        ("webhook-signature", sig.into_bytes()),
                    ],
                    body,
                    base_now,
                )
            }
            18 => {
                // Repeated headers are joined with ", " before signing.
                let other = sign(OTHER_SECRET, id.as_bytes(), ts_s.as_bytes(), &body);
                let mut h = hdrs(other);
                h.push(("webhook-signature", good.into_bytes()));
                if rng.chance(30) {
                    h.push(("webhook-id", b"second".to_vec()));
                }
                push("repeated headers", h, body, base_now)
            }
            19 => {
                // Header bytes outside ASCII (obs-text): Node reads them as Latin-1.
                let id_bytes = [id.as_bytes(), &[0xe9, 0xff, b'x']].concat();
                let sig = sign(SECRET, &latin1(&id_bytes), ts_s.as_bytes(), &body);
                let sig = if rng.chance(50) {
                    sign(SECRET, &id_bytes, ts_s.as_bytes(), &body)
                } else {
                    sig
                };
                push(
                    "non-ASCII header",
                    vec![
                        ("webhook-id", id_bytes),
                        ("Webhook-Timestamp", ts_s.clone().into_bytes()),
                        ("WEBHOOK-SIGNATURE", sig.into_bytes()),
                    ],
                    body,
                    base_now,
                )
            }
            20 | 21 => {
                // Non-UTF-8 bodies, signed over the raw bytes or over their lossy decoding.
                // Raw-signed: anywhere. Lossy-signed: inside the projectId string, so the
                // event stays well-formed and both sides must accept it.
                let mut b = body.clone();
                let at = if kind == 20 {
                    rng.below(b.len())
                } else {
                    b.windows(4).position(|w| w == b"\"pr_").unwrap() + 4
                };
                let bad: &[u8] = rng.pick::<&[u8]>(&[
                    &[0xff][..],
                    &[0xc3][..],
                    &[0xe2, 0x82][..],
                    &[0xed, 0xa0, 0x80][..],
                    &[0xf4, 0x90, 0x80, 0x80][..],
                    &[0x80, 0x80][..],
                ]);
                b.splice(at..at, bad.iter().copied());
                let sig = if kind == 20 {
                    sign(SECRET, id.as_bytes(), ts_s.as_bytes(), &b)
                } else {
                    sign(SECRET, id.as_bytes(), ts_s.as_bytes(), &lossy(&b))
                };
                push(
                    if kind == 20 {
                        "non-UTF-8 body, raw signed"
                    } else {
                        "non-UTF-8 body, lossy signed"
                    },
                    hdrs(sig),
                    b,
                    base_now,
                )
            }
            22 => {
                let b: Vec<u8> = rng
                    .pick::<&[u8]>(&[
                        &b"{"[..],
                        b"",
                        b"not json",
                        b"{\"type\":\"roomCreated\",}",
                        b"[1,2",
                        b"nul",
                        b"{\"a\":1}x",
                        b"\xef\xbb\xbf{}",
                    ])
                    .to_vec();
                let sig = sign(SECRET, id.as_bytes(), ts_s.as_bytes(), &b);
                push("invalid JSON", hdrs(sig), b, base_now)
            }
            23 => {
                let b: Vec<u8> = rng
                    .pick::<&[u8]>(&[
                        &b"42"[..],
                        b"null",
                        b"[]",
                        b"\"roomCreated\"",
                        b"{}",
                        b"{\"type\":null}",
                        b"{\"type\":\"\"}",
                        b"true",
                        b" {\"type\":\"x\"} ",
                    ])
                    .to_vec();
                let sig = sign(SECRET, id.as_bytes(), ts_s.as_bytes(), &b);
                push("JSON that is not an event", hdrs(sig), b, base_now)
            }
            24 => {
                let empty = rng.below(3);
                let mut h = hdrs(good);
                h[empty].1 = Vec::new();
                push("empty header", h, body, base_now)
            }
            _ => push(
                "wrong secret",
                hdrs(sign(OTHER_SECRET, id.as_bytes(), ts_s.as_bytes(), &body)),
                body,
                base_now,
            ),
        }
    }
    cases
}
