//! Comment bodies: >= 300 generated bodies rendered by `stringifyCommentBody` of
//! `@liveblocks/node` and by us, in plain text, Markdown and HTML, with the same resolvers.

use std::collections::BTreeMap;

use liveblocks_core::comment_body::{
    stringify, Format, MentionIds, MentionInfo, MentionNames, StringifyOptions,
};
use liveblocks_core::models::comments::CommentBody;
use serde_json::{json, Value};

use super::rng::Rng;

const TEXTS: &[&str] = &[
    "Hello",
    " world ",
    "",
    "<script>alert(\"x\")</script>",
    "Tom & Jerry",
    "it's \"quoted\"",
    "*bold?* _under_ #hash `tick` ~tilde~ !bang |pipe| (paren) {brace} [bracket]",
    "back\\slash > quote - dash + plus 1. list",
    "emoji 👍🏽🎉 family 👨‍👩‍👧",
    "مرحبا بالعالم",
    "שלום עולם",
    "\u{202e}reversed",
    "line\nbreak",
    "tab\there",
    "&amp; already",
    "a<b>c",
    "https://not-a-link.com",
    "@not-a-mention",
    "日本語のテキスト",
    "  ",
];

const URLS: &[&str] = &[
    "https://liveblocks.io",
    "https://liveblocks.io/",
    "https://liveblocks.io/docs?x=1&y=<2>#top",
    "http://example.com:8080/a/b/",
    "www.example.com",
    "www.example.com/path/",
    "/relative/path",
    "relative",
    "#",
    "#anchor",
    "?q=1",
    "javascript:alert(1)",
    "mailto:a@b.c",
    "ftp://x.y",
    "https://mañana.com/ü",
    "https://user:pw@host.com/x",
    "http://[bad",
    "",
    "HTTPS://UPPER.COM/Path",
    "https://example.com/a b\"c'd",
    "https://example.com/?",
    "https://example.com/#",
    "data:text/html,hi",
    "https://example.com/(paren)_[x]",
    "//protocol-relative.com/x",
];

const USERS: &[&str] = &[
    "alice",
    "bob",
    "carol",
    "dave",
    "ghost",
    "empty",
    "eve<script>",
    "x",
];
const GROUPS: &[&str] = &["engineering", "design", "nobody", "blank", "x", "r&d"];

fn names_tables() -> (Value, Value) {
    let users = json!({
        "alice": {"name": "Alice Liddell"},
        "bob": {"name": "Bob <b>the</b> \"Builder\" & co"},
        "carol": {"name": "Carol_*Markdown*_[x](y)"},
        "dave": {},
        "empty": {"name": ""},
        "eve<script>": {"name": "Ève 👩‍💻"},
        "x": {"name": "User X"},
    });
    let groups = json!({
        "engineering": {"name": "Engineering"},
        "design": {"name": "Design & <UX>"},
        "blank": {"name": ""},
        "r&d": {},
        "x": {"name": "Group X"},
    });
    (users, groups)
}

fn inline(rng: &mut Rng) -> Value {
    match rng.below(10) {
        0..=4 => {
            let mut t = json!({"text": rng.pick(TEXTS)});
            for flag in ["bold", "italic", "strikethrough", "code"] {
                match rng.below(6) {
                    0 | 1 => t[flag] = json!(true),
                    2 => t[flag] = json!(false),
                    _ => {}
                }
            }
            t
        }
        5 => json!({"type": "mention", "kind": "user", "id": rng.pick(USERS)}),
        6 => {
            let mut m = json!({"type": "mention", "kind": "group", "id": rng.pick(GROUPS)});
            if rng.chance(30) {
                m["userIds"] = json!(["alice", "bob"]);
            }
            m
        }
        7 | 8 => {
            let mut l = json!({"type": "link", "url": rng.pick(URLS)});
            if rng.chance(50) {
                l["text"] = json!(rng.pick(TEXTS));
            }
            l
        }
        _ => match rng.below(3) {
            0 => json!({"type": "mention", "kind": "user", "id": ""}),
            1 => json!({"type": "customInline", "text": "skipped"}),
            _ => json!({"text": "plain"}),
        },
    }
}

pub fn bodies(n: usize, seed: u64) -> Vec<Value> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|_| {
            let blocks = (0..rng.below(5))
                .map(|_| {
                    if rng.chance(5) {
                        json!({"type": "heading", "children": [{"type": "mention", "kind": "user", "id": rng.pick(USERS)}]})
                    } else {
                        let children: Vec<Value> = (0..rng.below(7)).map(|_| inline(&mut rng)).collect();
                        json!({"type": "paragraph", "children": children})
                    }
                })
                .collect::<Vec<_>>();
            json!({"version": 1, "content": blocks})
        })
        .collect()
}

fn info(table: &Value, id: &str) -> Option<MentionInfo> {
    let entry = table.get(id)?;
    Some(match entry.get("name").and_then(Value::as_str) {
        Some(name) => MentionInfo::named(name),
        None => MentionInfo::default(),
    })
}

#[test]
fn comment_bodies_identical_to_liveblocks_node() {
    let corpus = bodies(400, 3);
    let (users, groups) = names_tables();
    let out = super::run_oracle(
        &super::node(),
        "tests/oracles/comment-bodies.mjs",
        &json!({"users": users, "groups": groups, "bodies": corpus}),
    );
    let mut identical = 0;
    let mut failures = Vec::new();
    for (i, raw) in corpus.iter().enumerate() {
        let body: CommentBody = serde_json::from_value(raw.clone()).unwrap();
        let node = &out[i];
        // Half the bodies resolve through the sync resolvers, half through the async ones.
        let lookup = |table: &Value, ids: &[String]| -> Vec<Option<MentionInfo>> {
            ids.iter().map(|id| info(table, id)).collect()
        };
        let names = if i % 2 == 0 {
            MentionNames::resolve(
                &body,
                |ids| Ok::<_, std::fmt::Error>(lookup(&users, ids)),
                |ids| Ok(lookup(&groups, ids)),
            )
            .unwrap()
        } else {
            futures::executor::block_on(MentionNames::resolve_async(
                &body,
                |ids| {
                    let r = lookup(&users, &ids);
                    async move { Ok::<_, std::fmt::Error>(r) }
                },
                |ids| {
                    let r = lookup(&groups, &ids);
                    async move { Ok(r) }
                },
            ))
            .unwrap()
        };
        let ids = MentionIds::of(&body);
        let ours = BTreeMap::from([
            (
                "plain",
                stringify(&body, &StringifyOptions::new(Format::Plain).names(&names)),
            ),
            (
                "markdown",
                stringify(
                    &body,
                    &StringifyOptions::new(Format::Markdown).names(&names),
                ),
            ),
            (
                "html",
                stringify(&body, &StringifyOptions::new(Format::Html).names(&names)),
            ),
            (
                "custom",
                stringify(
                    &body,
                    &StringifyOptions::new(Format::Html).separator("<br>"),
                ),
            ),
        ]);
        let mut same = true;
        for (format, text) in &ours {
            if node[format].as_str() != Some(text.as_str()) {
                same = false;
                failures.push(format!(
                    "body {i} {format}:\n body {raw}\n ours {text:?}\n node {:?}",
                    node[format]
                ));
            }
        }
        let mentions = serde_json::to_value(
            body.mentions()
                .into_iter()
                .map(liveblocks_core::models::comments::CommentInline::Mention)
                .collect::<Vec<_>>(),
        )
        .unwrap();
        if mentions != node["mentions"] {
            same = false;
            failures.push(format!(
                "body {i} mentions:\n ours {mentions}\n node {}",
                node["mentions"]
            ));
        }
        let calls = (
            json!(if ids.user_ids.is_empty() {
                vec![]
            } else {
                vec![ids.user_ids.clone()]
            }),
            json!(if ids.group_ids.is_empty() {
                vec![]
            } else {
                vec![ids.group_ids.clone()]
            }),
        );
        if calls.0 != node["userCalls"] || calls.1 != node["groupCalls"] {
            same = false;
            failures.push(format!(
                "body {i} resolver calls: ours {calls:?}, node {} {}",
                node["userCalls"], node["groupCalls"]
            ));
        }
        identical += usize::from(same);
    }
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
    println!(
        "comment bodies: {identical}/{} identical to @liveblocks/node",
        corpus.len()
    );
}

#[test]
fn resolver_errors_are_typed() {
    let body: CommentBody = serde_json::from_value(json!({"version": 1, "content": [
        {"type": "paragraph", "children": [{"type": "mention", "kind": "group", "id": "g"}]}
    ]}))
    .unwrap();
    #[derive(Debug, PartialEq)]
    struct Down;
    let err = MentionNames::resolve(&body, |_| Ok(vec![]), |_| Err(Down)).unwrap_err();
    assert_eq!(
        err,
        liveblocks_core::comment_body::ResolveError::Groups(Down)
    );
}
