//! The inbox notification union: every kind decodes and encodes back.

use super::*;

/// Decodes `json`, and checks it encodes back to the same JSON (timestamps compared as
/// instants: `10:30:00.000Z` comes back as `10:30:00Z`).
fn round_trip(json: &str) -> InboxNotification {
    fn normalize(value: &mut Value) {
        match value {
            Value::String(s) => {
                if let Ok(t) = s.parse::<Timestamp>() {
                    *s = t.to_string();
                }
            }
            Value::Array(items) => items.iter_mut().for_each(normalize),
            Value::Object(map) => map.values_mut().for_each(normalize),
            _ => {}
        }
    }
    let notification: InboxNotification = serde_json::from_str(json).unwrap();
    let mut back = serde_json::to_value(&notification).unwrap();
    let mut sent: Value = serde_json::from_str(json).unwrap();
    normalize(&mut back);
    normalize(&mut sent);
    assert_eq!(back, sent, "{json}");
    let again: InboxNotification = serde_json::from_value(back).unwrap();
    assert_eq!(again, notification);
    notification
}

#[test]
fn thread_notification() {
    let n = round_trip(THREAD_BODY);
    let InboxNotification::Thread(thread) = &n else {
        panic!("{n:?}")
    };
    assert_spec_thread(thread);

    // Read.
    let body = THREAD_BODY.replace(r#""readAt": null"#, r#""readAt": "2024-01-16T00:00:00Z""#);
    let n = round_trip(&body);
    assert_eq!(n.read_at(), Some(ts("2024-01-16T00:00:00Z")));

    // `readAt` is required (nullable): a missing one is an error, not "unread".
    let body = r#"{"kind":"thread","id":"i","roomId":"r","threadId":"t","notifiedAt":"2024-01-15T10:30:00Z"}"#;
    let err = serde_json::from_str::<InboxNotification>(body).unwrap_err();
    assert!(err.to_string().contains("readAt"), "{err}");

    // A thread notification without its thread is an error, not an unknown kind.
    let body = r#"{"kind":"thread","id":"i","roomId":"r","notifiedAt":"2024-01-15T10:30:00Z","readAt":null}"#;
    let err = serde_json::from_str::<InboxNotification>(body).unwrap_err();
    assert!(err.to_string().contains("threadId"), "{err}");
}

#[test]
fn text_mention_notification() {
    let n = round_trip(TEXT_MENTION_BODY);
    let InboxNotification::TextMention(mention) = &n else {
        panic!("{n:?}")
    };
    assert_eq!(mention.id, "in_tm1");
    assert_eq!(mention.kind, "textMention");
    assert_eq!(mention.room_id, "my-room-id");
    assert_eq!(mention.created_by, "bob");
    assert_eq!(mention.mention_id, "mn_1");
    assert_eq!(mention.read_at, Some(ts("2024-02-01T09:00:00Z")));
    assert_eq!(mention.notified_at, ts("2024-02-01T08:00:00Z"));
    assert_eq!(mention.mention.kind, MentionKind::Group);
    assert_eq!(mention.mention.id, "engineering");
    assert_eq!(
        mention.mention.user_ids.as_deref(),
        Some(&["alice".to_owned(), "carol".to_owned()][..])
    );

    // A user mention, in an organization.
    let body = r#"{"kind":"textMention","id":"in_tm2","roomId":"r","organizationId":"org_1",
        "notifiedAt":"2024-02-01T08:00:00Z","readAt":null,"createdBy":"bob","mentionId":"mn_2",
        "mention":{"kind":"user","id":"alice"}}"#;
    let n = round_trip(body);
    let InboxNotification::TextMention(mention) = &n else {
        panic!("{n:?}")
    };
    assert_eq!(mention.organization_id.as_deref(), Some("org_1"));
    assert_eq!(mention.mention.kind, MentionKind::User);
    assert_eq!(mention.mention.user_ids, None);

    // A mention kind added later is kept.
    let body = body.replace(r#""kind":"user""#, r#""kind":"team""#);
    let n = round_trip(&body);
    let InboxNotification::TextMention(mention) = &n else {
        panic!("{n:?}")
    };
    assert_eq!(mention.mention.kind, MentionKind::Other("team".into()));
}

#[test]
fn custom_notification() {
    // The real `$<name>` kind.
    let n = round_trip(DOLLAR_CUSTOM_BODY);
    let InboxNotification::Custom(custom) = &n else {
        panic!("{n:?}")
    };
    assert_eq!(custom.kind, "$fileUploaded");
    assert_eq!(custom.room_id.as_deref(), Some("my-room-id"));
    assert_eq!(custom.activities.len(), 2);
    let data = &custom.activities[0].data;
    assert_eq!(data["url"], ActivityValue::String("https://x/f".into()));
    assert_eq!(data["size"], ActivityValue::from(2048));
    assert_eq!(data["ratio"], ActivityValue::float(0.5).unwrap());
    assert_eq!(data["public"], ActivityValue::Bool(true));
    assert!(custom.activities[1].data.is_empty());

    // The spec's literal `custom` kind: `roomId: null` reads as no room.
    let n: InboxNotification = serde_json::from_str(CUSTOM_BODY).unwrap();
    let InboxNotification::Custom(custom) = &n else {
        panic!("{n:?}")
    };
    assert_spec_custom(custom);
    let back = serde_json::to_value(&n).unwrap();
    assert_eq!(back.get("roomId"), None, "no room is left out, not null");

    // Activities are required.
    let body = r#"{"kind":"$x","id":"i","subjectId":"s","notifiedAt":"2024-01-15T10:30:00Z","readAt":null}"#;
    let err = serde_json::from_str::<InboxNotification>(body).unwrap_err();
    assert!(err.to_string().contains("activities"), "{err}");

    assert!(InboxNotification::is_custom_kind("$x"));
    assert!(InboxNotification::is_custom_kind("custom"));
    assert!(!InboxNotification::is_custom_kind("thread"));
}

#[test]
fn unknown_notification_kind_is_kept_as_raw_json() {
    let body = r#"{"kind":"aiDigest","id":"in_new","roomId":"r","weird":[1,{"x":null}]}"#;
    let n = round_trip(body);
    let InboxNotification::Unknown(raw) = &n else {
        panic!("{n:?}")
    };
    assert_eq!(raw["weird"][1]["x"], Value::Null);
    assert_eq!(n.id(), Some("in_new"));
    assert_eq!(n.kind(), Some("aiDigest"));
    assert_eq!(n.room_id(), Some("r"));
    assert_eq!(n.read_at(), None);
    assert_eq!(n.notified_at(), None);

    // Even one that says nothing else.
    let n = round_trip(r#"{"kind":"x"}"#);
    assert_eq!(n.id(), None);
    assert!(matches!(n, InboxNotification::Unknown(_)));
}

#[test]
fn notification_without_a_string_kind_fails_with_its_path() {
    for (body, mentions) in [
        (r#"{"id":"i"}"#, "kind"),
        (r#"{"kind":3,"id":"i"}"#, "kind"),
        (r#"{"kind":null}"#, "kind"),
        (r#""thread""#, ""),
        ("[]", ""),
    ] {
        let page = format!(r#"{{"nextCursor":null,"data":[{THREAD_BODY},{body}]}}"#);
        let err = GetInboxNotifications::new(USER)
            .response(response(200, &page))
            .unwrap_err();
        let decode = decode_error(&err);
        assert_eq!(decode.path, "data[1]", "{body}");
        assert!(
            decode.message.contains(mentions),
            "{body}: {}",
            decode.message
        );
        assert_eq!(decode.raw_body.as_ref(), page.as_bytes());
    }
}

#[test]
fn activity_values() {
    let data: ActivityData =
        serde_json::from_str(r#"{"s":"x","i":-1,"u":18446744073709551615,"f":1.5,"b":false}"#)
            .unwrap();
    assert_eq!(data["s"], ActivityValue::from("x".to_owned()));
    assert_eq!(data["i"], ActivityValue::from(-1i32));
    assert_eq!(data["u"], ActivityValue::from(u64::MAX));
    assert_eq!(data["f"], ActivityValue::float(1.5).unwrap());
    assert_eq!(data["b"], ActivityValue::from(false));
    assert_eq!(
        serde_json::to_string(&data).unwrap(),
        r#"{"b":false,"f":1.5,"i":-1,"s":"x","u":18446744073709551615}"#
    );
    assert_eq!(ActivityValue::float(f64::INFINITY), None);
    assert_eq!(ActivityValue::float(f64::NAN), None);
    // Nested values are not activity data.
    assert!(serde_json::from_str::<ActivityData>(r#"{"o":{}}"#).is_err());
    assert!(serde_json::from_str::<ActivityData>(r#"{"n":null}"#).is_err());
}
