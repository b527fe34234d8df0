//! Text mention content from Yjs documents (fixtures built with `yjs` as the editors store
//! them; the oracle in `tests/tests/oracles/emails_mentions.rs` judges many more).
#![cfg(feature = "yrs")]

use base64::Engine as _;
use liveblocks_core::comment_body::{HtmlStyles, MentionInfo, MentionNames};
use liveblocks_core::models::comments::MentionKind;
use liveblocks_core::models::notifications::InboxNotification;
use liveblocks_core::models::rooms::Room;
use liveblocks_core::notification_content::{
    select_text_mention, TextMentionError, TextMentionNode, TextMentionSelection,
};
use liveblocks_core::webhooks::TextMentionNotificationData;
use proptest::prelude::*;
use serde_json::json;

/// Lexical: `Hi **<there>** @alice!` ⏎ `after`, then a paragraph with a group mention `in_2`.
const LEXICAL: &str = "AR/Qz7rVBgAHAQRyb290BigA0M+61QYABl9fdHlwZQF3CXBhcmFncmFwaAcA0M+61QYAASgA0M+61QYCBl9fdHlwZQF3BHRleHQoANDPutUGAghfX2Zvcm1hdAF9AITQz7rVBgIDSGkgh9DPutUGBwEoANDPutUGCAZfX3R5cGUBdwR0ZXh0KADQz7rVBggIX19mb3JtYXQBfQGE0M+61QYIBzx0aGVyZT6H0M+61QYRAwlVTkRFRklORUQoANDPutUGEgZfX3R5cGUBdwpsYi1tZW50aW9uKADQz7rVBhIEX19pZAF3BGluXzEoANDPutUGEghfX3VzZXJJZAF3BWFsaWNlh9DPutUGEgEoANDPutUGFgZfX3R5cGUBdwR0ZXh0KADQz7rVBhYIX19mb3JtYXQBfQCE0M+61QYWASGH0M+61QYZASgA0M+61QYaBl9fdHlwZQF3CWxpbmVicmVha4fQz7rVBhoBKADQz7rVBhwGX190eXBlAXcEdGV4dCgA0M+61QYcCF9fZm9ybWF0AX0AhNDPutUGHAVhZnRlcofQz7rVBgAGKADQz7rVBiQGX190eXBlAXcJcGFyYWdyYXBoBwDQz7rVBiQDCVVOREVGSU5FRCgA0M+61QYmBl9fdHlwZQF3EGxiLWdyb3VwLW1lbnRpb24oANDPutUGJgRfX2lkAXcEaW5fMigA0M+61QYmCV9fZ3JvdXBJZAF3A2VuZygA0M+61QYmCV9fdXNlcklkcwF1AncFYWxpY2V3A2JvYgA=";
/// Tiptap: `Hey @bob *you*` hardBreak `next @eng` (group `in_2`, userIds `["alice"]`).
const TIPTAP: &str = "ARG5mIryCgAHAQdkZWZhdWx0AwlwYXJhZ3JhcGgHALmYivIKAAYEALmYivIKAQRIZXkgh7mYivIKAQMRbGl2ZWJsb2Nrc01lbnRpb24oALmYivIKBgJpZAF3A2JvYigAuZiK8goGDm5vdGlmaWNhdGlvbklkAXcEaW5fMYe5mIryCgYGBgC5mIryCgkQaXRhbGljLS1hYmNkMTIzNAJ7fYS5mIryCgoEIHlvdYa5mIryCg4QaXRhbGljLS1hYmNkMTIzNARudWxsh7mYivIKCQMJaGFyZEJyZWFrh7mYivIKEAYEALmYivIKEQRuZXh0h7mYivIKEQMWbGl2ZWJsb2Nrc0dyb3VwTWVudGlvbigAuZiK8goWAmlkAXcDZW5nKAC5mIryChYObm90aWZpY2F0aW9uSWQBdwRpbl8yKAC5mIryChYHdXNlcklkcwF3CVsiYWxpY2UiXQA=";
/// The same with a second paragraph holding a mention without attributes.
const TIPTAP_BAD: &str = "AROVvJehBAAHAQdkZWZhdWx0AwlwYXJhZ3JhcGgHAJW8l6EEAAYEAJW8l6EEAQRIZXkgh5W8l6EEAQMRbGl2ZWJsb2Nrc01lbnRpb24oAJW8l6EEBgJpZAF3A2JvYigAlbyXoQQGDm5vdGlmaWNhdGlvbklkAXcEaW5fMYeVvJehBAYGBgCVvJehBAkQaXRhbGljLS1hYmNkMTIzNAJ7fYSVvJehBAoEIHlvdYaVvJehBA4QaXRhbGljLS1hYmNkMTIzNARudWxsh5W8l6EECQMJaGFyZEJyZWFrh5W8l6EEEAYEAJW8l6EEEQRuZXh0h5W8l6EEEQMWbGl2ZWJsb2Nrc0dyb3VwTWVudGlvbigAlbyXoQQWAmlkAXcDZW5nKACVvJehBBYObm90aWZpY2F0aW9uSWQBdwRpbl8yKACVvJehBBYHdXNlcklkcwF3CVsiYWxpY2UiXYeVvJehBAADCXBhcmFncmFwaAcAlbyXoQQaAxFsaXZlYmxvY2tzTWVudGlvbgA=";

fn bytes(b64: &str) -> Vec<u8> {
    base64::engine::general_purpose::STANDARD
        .decode(b64)
        .unwrap()
}

fn room(editor: &str, key: &str) -> Room {
    serde_json::from_value(json!({"id": "r", "type": "room", "organizationId": "o",
        "createdAt": "2024-01-01T00:00:00Z", "defaultAccesses": [], "usersAccesses": {},
        "groupsAccesses": {}, "metadata": {},
        "experimental_textEditor": {"type": editor, "rootKey": [key]}}))
    .unwrap()
}

fn inbox(mention_id: &str, read_at: Option<&str>) -> InboxNotification {
    serde_json::from_value(json!({"kind": "textMention", "id": "in_n", "roomId": "r",
        "readAt": read_at, "notifiedAt": "2024-01-01T10:00:00Z", "createdBy": "carol",
        "mentionId": mention_id, "mention": {"kind": "user", "id": "alice"}}))
    .unwrap()
}

fn event(mention_id: &str) -> TextMentionNotificationData {
    serde_json::from_value(
        json!({"channel": "email", "kind": "textMention", "projectId": "p",
        "roomId": "r", "userId": "alice", "mentionId": mention_id, "inboxNotificationId": "in_n",
        "createdAt": "2024-01-01T10:00:00Z", "triggeredAt": "2024-01-01T10:00:00Z"}),
    )
    .unwrap()
}

fn select(editor: &str, key: &str, doc: &str, mention_id: &str) -> Option<TextMentionSelection> {
    select_text_mention(&room(editor, key), &inbox(mention_id, None), &bytes(doc)).unwrap()
}

#[test]
fn lexical_mention_with_its_line() {
    let selection = select("lexical", "root", LEXICAL, "in_1").unwrap();
    assert_eq!(selection.author_id, "carol");
    assert_eq!(
        (selection.kind.clone(), selection.id.as_str()),
        (MentionKind::User, "alice")
    );
    let names = MentionNames::new().with_user("alice", MentionInfo::named("Alice & co"));
    let content = selection.render(&event("in_1"), &names, None, &HtmlStyles::email());
    assert_eq!(
        content.html,
        "<div style=\"font-size:14px;\">Hi <strong style=\"font-weight:500;\">&lt;there&gt;</strong>\
         <span data-mention style=\"color:blue;\">@Alice &amp; co</span>!</div>"
    );
    assert_eq!(content.author.info, MentionInfo::named("carol"));
    assert_eq!(content.room.name.as_deref(), Some("r"));
    assert_eq!(selection.ids_to_resolve().user_ids, ["carol", "alice"]);
}

#[test]
fn lexical_group_mention_shows_the_resolved_group_name() {
    let selection = select("lexical", "root", LEXICAL, "in_2").unwrap();
    assert_eq!(selection.kind, MentionKind::Group);
    assert_eq!(
        selection.user_ids,
        Some(vec!["alice".to_owned(), "bob".to_owned()])
    );
    assert_eq!(selection.ids_to_resolve().group_ids, ["eng"]);
    let styles = HtmlStyles::default();
    let unresolved = selection.render(&event("in_2"), &MentionNames::new(), None, &styles);
    assert_eq!(unresolved.html, "<div><span data-mention>@eng</span></div>");
    // Deliberate difference: @liveblocks/emails never resolves group names here.
    let names = MentionNames::new().with_group("eng", MentionInfo::named("Engineering"));
    let named = selection.render(&event("in_2"), &names, None, &styles);
    assert_eq!(
        named.html,
        "<div><span data-mention>@Engineering</span></div>"
    );
}

#[test]
fn tiptap_mention_up_to_the_hard_break() {
    let selection = select("tiptap", "default", TIPTAP, "in_1").unwrap();
    let texts: Vec<_> = selection
        .nodes
        .iter()
        .map(|n| match n {
            TextMentionNode::Text(t) => format!("{}{}", t.text, if t.italic { "/i" } else { "" }),
            TextMentionNode::Mention { id, .. } => format!("@{id}"),
            _ => unreachable!(),
        })
        .collect();
    assert_eq!(texts, ["Hey ", "@bob", " you/i"]);
    let group = select("tiptap", "default", TIPTAP, "in_2").unwrap();
    assert_eq!(group.user_ids, Some(vec!["alice".to_owned()]));
    assert_eq!(group.nodes.len(), 2);
}

#[test]
fn no_email_when_read_missing_or_elsewhere() {
    let update = bytes(TIPTAP);
    let read = inbox("in_1", Some("2024-01-01T11:00:00Z"));
    assert_eq!(
        select_text_mention(&room("tiptap", "default"), &read, &update),
        Ok(None)
    );
    assert_eq!(select("tiptap", "default", TIPTAP, "in_9"), None);
    assert_eq!(select("tiptap", "elsewhere", TIPTAP, "in_1"), None);
    assert_eq!(select("lexical", "default", TIPTAP, "in_1"), None);
}

#[test]
fn hostile_documents_are_errors_not_panics() {
    let tiptap = room("tiptap", "default");
    let bad = select_text_mention(&tiptap, &inbox("in_1", None), &bytes(TIPTAP_BAD));
    assert!(matches!(
        bad,
        Err(TextMentionError::Malformed {
            editor: "tiptap",
            ..
        })
    ));
    let garbage = select_text_mention(&tiptap, &inbox("in_1", None), &[1, 2, 3]);
    assert!(matches!(garbage, Err(TextMentionError::Document(_))));
    let slate = select_text_mention(&room("slate", "x"), &inbox("in_1", None), &[0, 0]);
    assert_eq!(
        slate,
        Err(TextMentionError::UnsupportedEditor("slate".to_owned()))
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Corrupted updates of both editors: an answer or an error, never a panic.
    #[test]
    fn corrupted_updates_never_panic(which in 0..3usize, edits in prop::collection::vec((any::<usize>(), any::<u8>()), 1..6)) {
        let (editor, key, doc) = [("lexical", "root", LEXICAL), ("tiptap", "default", TIPTAP), ("tiptap", "default", TIPTAP_BAD)][which];
        let mut update = bytes(doc);
        for (at, byte) in edits {
            let at = at % update.len();
            update[at] = byte;
        }
        let _ = select_text_mention(&room(editor, key), &inbox("in_1", None), &update);
    }
}
