//! Text mention content: canned rooms whose Yjs documents hold Lexical and Tiptap trees
//! (built by `tests/oracles/emails-mentions.mjs` with `yjs`, as the editors store them)
//! through `prepareTextMentionNotificationEmailAsHtml` / `...AsReact` of `@liveblocks/emails`
//! and through ours.

use base64::Engine as _;
use liveblocks_core::comment_body::{HtmlStyles, MentionInfo, MentionNames};
use liveblocks_core::models::comments::MentionKind;
use liveblocks_core::models::notifications::InboxNotification;
use liveblocks_core::models::rooms::Room;
use liveblocks_core::notification_content::{
    select_text_mention, RoomInfo, TextMentionNode, TextMentionNotificationContent,
    TextMentionSelection,
};
use liveblocks_core::webhooks::{NotificationEvent, WebhookEvent};
use serde_json::{json, Value};

use super::rng::Rng;

const TEXTS: &[&str] = &[
    "Hello",
    " world ",
    "",
    "<script>alert(\"x\")</script>",
    "Tom & Jerry",
    "it's \"quoted\"",
    "emoji 👍🏽🎉 family 👨‍👩‍👧",
    "مرحبا بالعالم",
    "\u{202e}reversed",
    "line\nbreak",
    "&amp; already",
    "@not-a-mention",
    "日本語のテキスト",
    "zero\u{200b}width",
];
const USERS: &[&str] = &["alice", "bob", "carol", "dave", "ghost", "<eve & \"co\">"];
const GROUPS: &[&str] = &["engineering", "design", "<ops>"];

/// An editor-neutral inline node; `ids` counts the mention IDs handed out.
#[derive(Clone)]
enum Inline {
    Text(String, [bool; 4]),
    Break,
    User(String, String),
    Group(String, String, Option<Vec<String>>),
    Other,
    Link(Vec<Inline>),
    Deleted(Box<Inline>),
}

enum Block {
    Paragraph(Vec<Inline>),
    Heading(Vec<Inline>),
    List(Vec<Inline>),
    Empty,
}

fn mention_id(rng: &mut Rng, ids: &mut Vec<String>) -> String {
    let id = match rng.below(10) {
        0 => format!("m_{}", ids.len()),
        1 if !ids.is_empty() => rng.pick(ids).clone(),
        _ => format!("in_{}", ids.len()),
    };
    ids.push(id.clone());
    id
}

fn inline(rng: &mut Rng, ids: &mut Vec<String>, depth: usize) -> Inline {
    match rng.below(14) {
        0..=5 => Inline::Text(
            (*rng.pick(TEXTS)).to_owned(),
            [
                rng.chance(30),
                rng.chance(20),
                rng.chance(15),
                rng.chance(15),
            ],
        ),
        6 => Inline::Break,
        7 | 8 => Inline::User(mention_id(rng, ids), (*rng.pick(USERS)).to_owned()),
        9 => Inline::Group(
            mention_id(rng, ids),
            (*rng.pick(GROUPS)).to_owned(),
            rng.chance(60)
                .then(|| vec!["alice".to_owned(), "bob".to_owned()]),
        ),
        10 => Inline::Other,
        11 if depth == 0 => Inline::Link((0..2).map(|_| inline(rng, ids, 1)).collect()),
        12 => Inline::Deleted(Box::new(inline(rng, ids, 1))),
        _ => Inline::Text((*rng.pick(TEXTS)).to_owned(), [false; 4]),
    }
}

fn blocks(rng: &mut Rng, ids: &mut Vec<String>) -> Vec<Block> {
    (0..1 + rng.below(5))
        .map(|_| {
            let inlines = (0..rng.below(7)).map(|_| inline(rng, ids, 0)).collect();
            match rng.below(10) {
                0 => Block::Heading(inlines),
                1 => Block::List(inlines),
                2 => Block::Empty,
                _ => Block::Paragraph(inlines),
            }
        })
        .collect()
}

fn lexical_inline(rng: &mut Rng, node: &Inline) -> Value {
    match node {
        Inline::Text(text, [b, i, s, c]) => {
            let format = u8::from(*b) | u8::from(*i) << 1 | u8::from(*s) << 2 | u8::from(*c) << 4;
            let split = text.char_indices().nth(2).map_or(text.len(), |(i, _)| i);
            let parts = if rng.chance(30) {
                json!([&text[..split], &text[split..]])
            } else {
                json!([text])
            };
            let format = if rng.chance(5) {
                json!(f64::from(format) + 0.5)
            } else {
                json!(format)
            };
            json!({"x": "map", "attrs": {"__type": "text", "__format": format, "__style": "", "__mode": 0, "__detail": 0}, "parts": parts})
        }
        Inline::Break => json!({"x": "map", "attrs": {"__type": "linebreak"}, "parts": []}),
        Inline::User(id, user) => {
            json!({"x": "dec", "attrs": {"__type": "lb-mention", "__id": id, "__userId": user}})
        }
        Inline::Group(id, group, users) => {
            let mut attrs = json!({"__type": "lb-group-mention", "__id": id, "__groupId": group});
            if let Some(users) = users {
                attrs["__userIds"] = json!(users);
            } else if rng.chance(20) {
                attrs["__userIds"] = Value::Null; // not a list: not a valid group mention
            }
            json!({"x": "dec", "attrs": attrs})
        }
        Inline::Other => json!({"x": "dec", "attrs": {"__type": "image", "__src": "x.png"}}),
        Inline::Link(children) => {
            json!({"x": "el", "attrs": {"__type": "link", "__url": "https://x.y"},
            "children": children.iter().map(|c| lexical_inline(rng, c)).collect::<Vec<_>>()})
        }
        Inline::Deleted(inner) => {
            let mut spec = lexical_inline(rng, inner);
            spec["deleted"] = json!(true);
            spec
        }
    }
}

fn lexical(rng: &mut Rng, blocks: &[Block]) -> Vec<Value> {
    let element = |rng: &mut Rng, kind: &str, inlines: &[Inline]| {
        json!({"x": "el", "attrs": {"__type": kind, "__format": 0, "__indent": 0, "__dir": "ltr"},
            "children": inlines.iter().map(|c| lexical_inline(rng, c)).collect::<Vec<_>>()})
    };
    let mut out = Vec::new();
    for block in blocks {
        out.push(match block {
            Block::Paragraph(i) => element(rng, "paragraph", i),
            Block::Heading(i) => element(rng, "heading", i),
            Block::List(i) => {
                let item = element(rng, "listitem", i);
                json!({"x": "el", "attrs": {"__type": "list", "__listType": "bullet"}, "children": [item]})
            }
            Block::Empty => element(rng, "paragraph", &[]),
        });
        if rng.chance(3) {
            out.push(json!({"x": "str", "text": "stray"}));
        }
    }
    if rng.chance(3) {
        // A node without `__type`: the package reads the whole tree as empty.
        out.push(json!({"x": "el", "attrs": {}, "children": []}));
    }
    out
}

fn mark(rng: &mut Rng, name: &str) -> String {
    if rng.chance(15) {
        format!(
            "{name}--{}",
            ["a1B2c3D4", "+/=abcde", "ZZZZ0000"][rng.below(3)]
        )
    } else {
        name.to_owned()
    }
}

fn tiptap_inlines(rng: &mut Rng, inlines: &[Inline], out: &mut Vec<Value>) {
    let mut chunks: Vec<Value> = Vec::new();
    let flush = |rng: &mut Rng, chunks: &mut Vec<Value>, out: &mut Vec<Value>| {
        if !chunks.is_empty() {
            let mut text = json!({"x": "text", "chunks": std::mem::take(chunks)});
            if rng.chance(10) {
                text["cut"] = json!([1, 2]);
            }
            out.push(text);
        }
    };
    for node in inlines {
        match node {
            Inline::Text(text, flags) => {
                let mut marks = json!({});
                for (on, name) in flags.iter().zip(["bold", "italic", "strike", "code"]) {
                    if *on {
                        marks[mark(rng, name)] = json!({});
                    }
                }
                chunks.push(json!({"text": text, "marks": marks}));
            }
            Inline::Link(children) => {
                for child in children {
                    if let Inline::Text(text, _) = child {
                        chunks.push(
                            json!({"text": text, "marks": {"link": {"href": "https://x.y"}}}),
                        );
                    }
                }
            }
            other => {
                flush(rng, &mut chunks, out);
                let element = |name: &str, attrs: Value| json!({"x": "el", "name": name, "attrs": attrs, "children": []});
                out.push(match other {
                    Inline::Break => element("hardBreak", json!({})),
                    Inline::User(id, user) => element(
                        "liveblocksMention",
                        json!({"id": user, "notificationId": id}),
                    ),
                    Inline::Group(id, group, users) => {
                        let mut attrs = json!({"id": group, "notificationId": id});
                        if let Some(users) = users {
                            attrs["userIds"] = json!(serde_json::to_string(users).unwrap());
                        }
                        element("liveblocksGroupMention", attrs)
                    }
                    Inline::Deleted(_) => {
                        let mut e = element(
                            "liveblocksMention",
                            json!({"id": "bob", "notificationId": "in_gone"}),
                        );
                        e["deleted"] = json!(true);
                        e
                    }
                    _ => element("image", json!({"src": "x.png"})),
                });
            }
        }
    }
    flush(rng, &mut chunks, out);
}

fn tiptap(rng: &mut Rng, blocks: &[Block]) -> Vec<Value> {
    let element = |name: &str, attrs: Value, children: Vec<Value>| json!({"x": "el", "name": name, "attrs": attrs, "children": children});
    let mut out = Vec::new();
    for block in blocks {
        let mut children = Vec::new();
        let inlines = match block {
            Block::Paragraph(i) | Block::Heading(i) | Block::List(i) => i.as_slice(),
            Block::Empty => &[],
        };
        tiptap_inlines(rng, inlines, &mut children);
        out.push(match block {
            Block::Heading(_) => element("heading", json!({"level": 1}), children),
            Block::List(_) => element(
                "bulletList",
                json!({}),
                vec![element(
                    "listItem",
                    json!({}),
                    vec![element("paragraph", json!({}), children)],
                )],
            ),
            _ => element("paragraph", json!({}), children),
        });
    }
    if rng.chance(3) {
        // A mention without attributes: the package throws (TypeError), we return an error.
        out.push(element(
            "paragraph",
            json!({}),
            vec![element("liveblocksMention", json!({}), vec![])],
        ));
    }
    out
}

fn iso(minute: u64) -> String {
    format!("2024-05-01T10:{:02}:00.000Z", minute % 60)
}

fn case(rng: &mut Rng, i: usize) -> Value {
    let user = *rng.pick(USERS);
    let author = *rng.pick(USERS);
    let mut ids = Vec::new();
    let tree = blocks(rng, &mut ids);
    let target = if !ids.is_empty() && rng.chance(85) {
        rng.pick(&ids).clone()
    } else {
        "in_missing".to_owned()
    };
    let editor = ["lexical", "tiptap"][i % 2];
    let key = if editor == "lexical" {
        "root"
    } else {
        "default"
    };
    let nodes = if editor == "lexical" {
        lexical(rng, &tree)
    } else {
        tiptap(rng, &tree)
    };
    let mut doc = json!({"editor": editor, "key": key, "gc": rng.chance(50), "nodes": nodes});
    match i {
        7 => doc = json!({"raw": [0, 0]}),
        9 => doc = json!({"raw": [1, 2, 3, 250, 7]}),
        _ => {}
    }
    let mut room = json!({"id": "room-1", "type": "room", "organizationId": "org", "createdAt": iso(0),
        "defaultAccesses": ["room:write"], "usersAccesses": {}, "groupsAccesses": {}, "metadata": {}});
    let root_key = match rng.below(20) {
        0 => json!("elsewhere"),
        1..=4 => json!([key, "other"]),
        _ => json!(key),
    };
    match rng.below(40) {
        0 => {}
        1 => room["experimental_textEditor"] = json!({"type": "slate", "rootKey": key}),
        _ => room["experimental_textEditor"] = json!({"type": editor, "rootKey": root_key}),
    }
    let notified = 30 + rng.below(20) as u64;
    let read_at = match rng.below(10) {
        0..=5 => Value::Null,
        6..=8 => json!(iso(rng.below(30) as u64)),
        _ => json!(iso(55)),
    };
    let inbox = if rng.chance(5) {
        json!({"kind": "thread", "id": "in_n", "threadId": "th_1", "roomId": "room-1", "readAt": read_at, "notifiedAt": iso(notified)})
    } else {
        json!({"kind": "textMention", "id": "in_n", "roomId": "room-1", "readAt": read_at, "notifiedAt": iso(notified),
            "createdBy": author, "mentionId": target, "mention": {"kind": "user", "id": user}})
    };
    let room_info = match rng.below(3) {
        0 => Value::Null,
        1 => json!({"name": "Room <One> & co"}),
        _ => json!({"name": "R", "url": "https://example.com/rooms/1"}),
    };
    json!({
        "event": {"type": "notification", "data": {"channel": "email", "kind": "textMention", "projectId": "p",
            "roomId": "room-1", "userId": user, "mentionId": if rng.chance(90) { target.clone() } else { "in_event".to_owned() },
            "inboxNotificationId": "in_n", "createdAt": iso(notified), "triggeredAt": iso(notified)}},
        "room": room, "inboxNotification": inbox, "doc": doc, "roomInfo": room_info,
    })
}

fn info(table: &Value, id: &str) -> Option<MentionInfo> {
    let entry = table.get(id)?;
    Some(match entry.get("name").and_then(Value::as_str) {
        Some(name) => MentionInfo::named(name),
        None => MentionInfo::default(),
    })
}

fn node_json(node: &TextMentionNode) -> Value {
    match node {
        TextMentionNode::Text(t) => json!({"type": "text", "text": t.text, "bold": t.bold,
            "italic": t.italic, "strikethrough": t.strikethrough, "code": t.code}),
        TextMentionNode::Mention { kind, id } => {
            json!({"type": "mention", "kind": kind.as_str(), "id": id})
        }
        _ => unreachable!(),
    }
}

fn content_json(c: &TextMentionNotificationContent) -> Value {
    let mut author = json!({});
    if let Some(name) = &c.author.info.name {
        author["name"] = json!(name);
    }
    let mut mention = json!({"kind": c.kind.as_str(), "id": c.id, "textMentionId": c.text_mention_id,
        "roomId": c.room_id, "author": {"id": c.author.id, "info": author}, "content": c.html,
        "createdAt": c.created_at.to_string()});
    if let Some(ids) = &c.user_ids {
        mention["userIds"] = json!(ids);
    }
    let mut room = json!({"name": c.room.name});
    if let Some(url) = &c.room.url {
        room["url"] = json!(url);
    }
    json!({"mention": mention, "roomInfo": room})
}

fn render(
    c: &Value,
    selection: &TextMentionSelection,
    users: &Value,
    groups: Option<&Value>,
) -> TextMentionNotificationContent {
    let ids = selection.ids_to_resolve();
    let mut names = MentionNames::new();
    names.insert_users(
        &ids.user_ids,
        ids.user_ids.iter().map(|id| info(users, id)).collect(),
    );
    if let Some(groups) = groups {
        names.insert_groups(
            &ids.group_ids,
            ids.group_ids.iter().map(|id| info(groups, id)).collect(),
        );
    }
    let room: Option<RoomInfo> = c["roomInfo"].as_object().map(|r| {
        let mut info = RoomInfo::default();
        if let Some(n) = r.get("name").and_then(Value::as_str) {
            info = info.name(n);
        }
        if let Some(u) = r.get("url").and_then(Value::as_str) {
            info = info.url(u);
        }
        info
    });
    let webhook: WebhookEvent = serde_json::from_value(c["event"].clone()).unwrap();
    let Some(NotificationEvent::TextMention(data)) = webhook.as_notification() else {
        panic!()
    };
    selection.render(data, &names, room.as_ref(), &HtmlStyles::email())
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[test]
fn text_mention_content_matches_liveblocks_emails() {
    let mut rng = Rng::new(12);
    let cases: Vec<Value> = (0..160).map(|i| case(&mut rng, i)).collect();
    let users = json!({"alice": {"name": "Alice <A>"}, "bob": {"name": "Bob & Co"}, "carol": {}, "dave": {"name": ""},
        "<eve & \"co\">": {"name": "Eve"}});
    let groups = json!({"engineering": {"name": "Engineering"}, "design": {}, "<ops>": {"name": "Ops & <Co>"}});
    let out = super::run_oracle(
        &super::node(),
        "tests/oracles/emails-mentions.mjs",
        &json!({"users": users, "groups": groups, "cases": cases}),
    );
    let (mut same, mut emails, mut errors, mut group_names) = (0, 0, 0, 0);
    let mut failures = Vec::new();
    for (i, c) in cases.iter().enumerate() {
        let theirs = &out[i];
        let update = base64::engine::general_purpose::STANDARD
            .decode(theirs["update"].as_str().unwrap())
            .unwrap();
        let room: Room = serde_json::from_value(c["room"].clone()).unwrap();
        let inbox: InboxNotification =
            serde_json::from_value(c["inboxNotification"].clone()).unwrap();
        let (ours, nodes) = match select_text_mention(&room, &inbox, &update) {
            Err(e) => (json!({"error": e.to_string()}), Value::Null),
            Ok(None) => (Value::Null, Value::Null),
            Ok(Some(selection)) => {
                let content = render(c, &selection, &users, None);
                // Deliberate difference: we resolve group names, the package shows group IDs.
                let named = render(c, &selection, &users, Some(&groups));
                let mut expected = theirs["html"]["mention"]["content"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned();
                for node in &selection.nodes {
                    if let TextMentionNode::Mention {
                        kind: MentionKind::Group,
                        id,
                    } = node
                    {
                        if let Some(name) = groups[id]["name"].as_str().filter(|n| !n.is_empty()) {
                            expected = expected.replace(
                                &format!("color:blue;\">@{}<", escape(id)),
                                &format!("color:blue;\">@{}<", escape(name)),
                            );
                            group_names += 1;
                        }
                    }
                }
                if named.html != expected {
                    failures.push(format!(
                        "case {i} (group names):\n ours {}\n want {expected}",
                        named.html
                    ));
                }
                (
                    content_json(&content),
                    json!(selection.nodes.iter().map(node_json).collect::<Vec<_>>()),
                )
            }
        };
        let ok = match (&ours.get("error"), &theirs["html"].get("error")) {
            (Some(_), Some(_)) => true,
            _ => {
                super::same_json(&ours, &theirs["html"])
                    && super::same_json(&nodes, &theirs["nodes"])
            }
        };
        emails += usize::from(ours.is_object() && ours.get("error").is_none());
        errors += usize::from(ours.get("error").is_some());
        if ok {
            same += 1;
        } else {
            failures.push(format!(
                "case {i}:\n ours {ours}\n      {nodes}\n node {}\n      {}",
                theirs["html"], theirs["nodes"]
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(emails >= 50, "too few cases produce an e-mail: {emails}");
    println!("text mentions: {same}/{} identical to @liveblocks/emails (data, nodes and HTML; {emails} e-mails, {errors} errors, {} no e-mail; group names shown {group_names} times, as documented)",
        cases.len(), cases.len() - emails - errors);
}
