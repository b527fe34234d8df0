//! Comment bodies, reactions and metadata values: decoding and encoding.

use super::*;

#[test]
fn comment_body_every_known_element_round_trips() {
    let json = rich_comment()["body"].clone();
    let body: CommentBody = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(body.version, 1);
    let CommentBlock::Paragraph { children } = &body.content[0] else {
        panic!("paragraph expected: {:?}", body.content[0])
    };
    let CommentInline::Text(hi) = &children[0] else {
        panic!("text expected")
    };
    assert_eq!(hi.text, "Hi ");
    assert_eq!((hi.bold, hi.italic), (None, None));
    let CommentInline::Mention(bob) = &children[1] else {
        panic!("mention expected")
    };
    assert_eq!((&bob.kind, bob.id.as_str()), (&MentionKind::User, "bob"));
    let CommentInline::Text(see) = &children[2] else {
        panic!("text expected")
    };
    assert_eq!(see.italic, Some(true));
    let CommentInline::Link(link) = &children[3] else {
        panic!("link expected")
    };
    assert_eq!(link.url, "https://liveblocks.io");
    assert_eq!(link.text.as_deref(), Some("docs"));
    let CommentInline::Text(now) = &children[4] else {
        panic!("text expected")
    };
    assert_eq!(
        (now.bold, now.strikethrough, now.code),
        (Some(true), Some(false), Some(true))
    );
    let CommentBlock::Paragraph { children } = &body.content[1] else {
        panic!("paragraph expected")
    };
    let CommentInline::Mention(group) = &children[0] else {
        panic!("mention expected")
    };
    assert_eq!(group.kind, MentionKind::Group);
    assert_eq!(group.id, "design");
    assert_eq!(
        group.user_ids.as_deref(),
        Some(&["carol".to_owned(), "dan".to_owned()][..])
    );
    assert_eq!(serde_json::to_value(&body).unwrap(), json);

    // The same body, built.
    let mut now = CommentText::new("now").bold().code();
    now.strikethrough = Some(false);
    let built = CommentBody::new([
        CommentBlock::paragraph([
            CommentInline::text("Hi "),
            CommentInline::mention_user("bob"),
            CommentText::new(" see ").italic().into(),
            CommentInline::link("https://liveblocks.io", Some("docs".into())),
            CommentInline::Text(now),
        ]),
        CommentBlock::paragraph([CommentInline::mention_group(
            "design",
            Some(vec!["carol".into(), "dan".into()]),
        )]),
    ]);
    assert_eq!(built, body);
}

#[test]
fn comment_body_unknown_elements_are_kept_raw() {
    let json = json!({"version": 1, "content": [
        {"type": "code-block", "language": "rust", "children": [{"text": "fn main() {}"}]},
        {"type": "paragraph"},
        {"type": "paragraph", "children": "not a list"},
        {"no": "type"},
        "a string block",
        {"type": "paragraph", "children": [
            {"type": "emoji", "name": "smile"},
            {"type": "mention"},
            {"type": "link", "text": "no url"},
            {"type": 7},
            {"bold": true},
            42,
            {"type": "mention", "id": "old-style-user"},
            {"type": "link", "url": "https://x.test"},
            {"text": "t", "underline": true}
        ]}
    ]});
    let body: CommentBody = serde_json::from_value(json.clone()).unwrap();
    for block in &body.content[..5] {
        assert!(matches!(block, CommentBlock::Other(_)), "{block:?}");
    }
    assert_eq!(
        body.content[0],
        CommentBlock::Other(json["content"][0].clone())
    );
    let CommentBlock::Paragraph { children } = &body.content[5] else {
        panic!("paragraph expected")
    };
    for inline in &children[..6] {
        assert!(matches!(inline, CommentInline::Other(_)), "{inline:?}");
    }
    // A mention without `kind` is an older user mention.
    let CommentInline::Mention(old) = &children[6] else {
        panic!("mention expected: {:?}", children[6])
    };
    assert_eq!(
        (&old.kind, old.id.as_str()),
        (&MentionKind::User, "old-style-user")
    );
    let CommentInline::Link(link) = &children[7] else {
        panic!("link expected")
    };
    assert_eq!(link.text, None);
    // Unknown formatting flags on text are ignored.
    let CommentInline::Text(text) = &children[8] else {
        panic!("text expected")
    };
    assert_eq!(text.text, "t");

    // Raw elements are sent back unchanged.
    let back = serde_json::to_value(&body).unwrap();
    let items = |v: &Value| v.as_array().unwrap().clone();
    assert_eq!(items(&back["content"])[..5], items(&json["content"])[..5]);
    assert_eq!(
        items(&back["content"][5]["children"])[..6],
        items(&json["content"][5]["children"])[..6]
    );
    assert_eq!(
        back["content"][5]["children"][6],
        json!({"type": "mention", "kind": "user", "id": "old-style-user"})
    );
    assert_eq!(
        body.plain_text(),
        "\n\n\n\n\n@old-style-userhttps://x.testt"
    );
}

#[test]
fn comment_body_that_is_not_a_body_is_a_typed_error() {
    // `{}` and a missing body read as no body; any other misfit is a decode error with a path.
    let mut comment = spec_comment();
    comment.as_object_mut().unwrap().remove("body");
    let decoded: Comment = serde_json::from_value(comment.clone()).unwrap();
    assert_eq!(decoded.body, None);
    assert!(serde_json::to_value(&decoded)
        .unwrap()
        .get("body")
        .is_none());
    comment["body"] = Value::Null;
    assert_eq!(
        serde_json::from_value::<Comment>(comment.clone())
            .unwrap()
            .body,
        None
    );

    for (bad_body, needle) in [
        (json!({"version": "1", "content": []}), "version"),
        (json!({"content": []}), "version"),
        (json!({"version": 1}), "content"),
        (json!({"version": 1, "content": {}}), "content"),
        (json!("text"), "CommentBody"),
        (json!([]), "CommentBody"),
    ] {
        comment["body"] = bad_body.clone();
        let endpoint = GetComment::new(ROOM, THREAD, COMMENT);
        let err = endpoint
            .response(response(200, &comment.to_string()))
            .unwrap_err();
        let decode = decode_error(&err);
        assert_eq!(decode.path, "body", "{bad_body}");
        assert!(
            decode.message.contains(needle),
            "{bad_body}: {} lacks {needle}",
            decode.message
        );
    }
    // The schema itself is strict: `version` and `content` are required.
    assert!(serde_json::from_value::<CommentBody>(json!({})).is_err());
}

#[test]
fn comment_body_from_text() {
    let body = CommentBody::from("hello");
    assert_eq!(
        serde_json::to_value(&body).unwrap(),
        json!({"version": 1, "content": [{"type": "paragraph", "children": [{"text": "hello"}]}]})
    );
    assert_eq!(CommentBody::from(String::from("hello")), body);
    assert_eq!(body.plain_text(), "hello");
}

// ---------------------------------------------------------------------------------------
// Reactions and metadata
// ---------------------------------------------------------------------------------------

#[test]
fn reactions_decode_in_both_shapes_and_fall_back() {
    let json = json!([
        {"userId": "alice", "emoji": "👍", "createdAt": "2024-01-01T00:00:00.123Z"},
        {"emoji": "🎉", "createdAt": "2024-01-02T00:00:00.123Z",
         "users": [{"id": "bob"}, {"id": "carol"}]},
        {"emoji": "❓"},
        "weird"
    ]);
    let reactions: Vec<Reaction> = serde_json::from_value(json.clone()).unwrap();
    let Reaction::User(alice) = &reactions[0] else {
        panic!("per-user reaction expected")
    };
    assert_eq!(alice.user_id, "alice");
    assert_eq!(reactions[0].emoji(), Some("👍"));
    assert_eq!(
        reactions[0].created_at(),
        Some(ts("2024-01-01T00:00:00.123Z"))
    );
    let Reaction::Grouped(party) = &reactions[1] else {
        panic!("grouped reaction expected")
    };
    assert_eq!(party.users.len(), 2);
    assert_eq!(reactions[1].user_ids(), ["bob", "carol"]);
    assert_eq!(
        reactions[1].created_at(),
        Some(ts("2024-01-02T00:00:00.123Z"))
    );
    for raw in &reactions[2..] {
        assert!(matches!(raw, Reaction::Other(_)), "{raw:?}");
        assert_eq!(raw.emoji(), None);
        assert_eq!(raw.created_at(), None);
        assert!(raw.user_ids().is_empty());
    }
    assert_eq!(serde_json::to_value(&reactions).unwrap(), json);

    // A whole comment with grouped reactions decodes.
    let mut comment = spec_comment();
    comment["reactions"] = json!([json[1].clone()]);
    let comment: Comment = serde_json::from_value(comment).unwrap();
    assert_eq!(comment.reactions[0].emoji(), Some("🎉"));

    // The add-reaction response is strict: all three fields are required.
    for missing in ["userId", "emoji", "createdAt"] {
        let mut reaction = json[0].clone();
        reaction.as_object_mut().unwrap().remove(missing);
        assert!(serde_json::from_value::<CommentReaction>(reaction).is_err());
    }
}

#[test]
fn metadata_values() {
    let metadata: ThreadMetadata =
        serde_json::from_value(json!({"s": "x", "i": 25, "f": -0.5, "b": true, "big": 1e300}))
            .unwrap();
    assert_eq!(metadata["s"], MetadataValue::String("x".into()));
    assert_eq!(metadata["i"], MetadataValue::Number(25.0));
    assert_eq!(metadata["f"], MetadataValue::Number(-0.5));
    assert_eq!(metadata["b"], MetadataValue::Boolean(true));
    assert_eq!(metadata["s"].as_f64(), None);
    assert_eq!(metadata["i"].as_str(), None);
    assert_eq!(metadata["s"].as_bool(), None);
    assert_eq!(
        serde_json::to_string(&metadata).unwrap(),
        r#"{"b":true,"big":1e+300,"f":-0.5,"i":25,"s":"x"}"#
    );
    assert_eq!(MetadataValue::from(3u8), MetadataValue::Number(3.0));
    assert_eq!(MetadataValue::from(-3i32), MetadataValue::Number(-3.0));
    assert_eq!(
        MetadataValue::from(String::from("y")),
        MetadataValue::String("y".into())
    );
    assert_eq!(
        serde_json::to_string(&MetadataValue::from(-7)).unwrap(),
        "-7"
    );

    // Null, lists and objects are not metadata values in responses.
    for bad in [
        json!({"k": null}),
        json!({"k": [1]}),
        json!({"k": {"a": 1}}),
    ] {
        let mut comment = spec_comment();
        comment["metadata"] = bad.clone();
        let err = GetComment::new(ROOM, THREAD, COMMENT)
            .response(response(200, &comment.to_string()))
            .unwrap_err();
        assert_eq!(decode_error(&err).path, "metadata.k", "{bad}");
    }

    // Non-finite numbers can't be sent.
    for n in [f64::NAN, f64::INFINITY] {
        assert!(serde_json::to_string(&MetadataValue::Number(n)).is_err());
        assert_rejected(
            |c| {
                c.edit_thread_metadata(ROOM, THREAD, "alice")
                    .metadata("n", n)
                    .send()
            },
            "not finite",
        );
    }
}
