//! Tiptap documents, as `y-prosemirror` stores them and `@liveblocks/emails` reads them.
//!
//! The root is a `Y.XmlFragment` of `Y.XmlElement`s named after their node type (`paragraph`,
//! `hardBreak`, `liveblocksMention` with `id` and `notificationId` attributes,
//! `liveblocksGroupMention` with `userIds` as a JSON list too...), text is `Y.XmlText` whose
//! formatting attributes are the marks (`bold`, `italic`, `strike`, `code`, possibly with a
//! `--<8 characters>` suffix). Only text and mentions directly in top-level paragraphs are
//! read, as in the package.

use std::collections::HashMap;

use yrs::types::text::YChange;
use yrs::types::xml::{XmlFragment as _, XmlOut};
use yrs::{Any, Doc, Out, Text as _, Xml as _, XmlElementRef, XmlTextRef};

use super::mention_tree::{Found, TextMentionError, TextMentionNode, TextMentionText};
use super::ydoc;
use crate::models::comments::MentionKind;

type Txn<'d> = yrs::Transaction<'d>;

enum Node {
    Text {
        text: String,
        marks: Vec<String>,
    },
    Element {
        name: String,
        /// `None` when the element has no attributes; values that aren't strings are `None`.
        attrs: Option<HashMap<String, Option<String>>>,
        /// `None` when the element has no children.
        content: Option<Vec<Node>>,
    },
}

fn malformed(reason: &str) -> TextMentionError {
    TextMentionError::Malformed {
        editor: "tiptap",
        reason: reason.to_owned(),
    }
}

/// `yattr2markname` of `y-prosemirror`: `/(.*)(--[a-zA-Z0-9+/=]{8})$/.exec(name)?.[1] ?? name`.
fn mark_name(name: &str) -> &str {
    let chars: Vec<(usize, char)> = name.char_indices().collect();
    if chars.len() < 10 {
        return name;
    }
    let suffix = &chars[chars.len() - 10..];
    let hashed = suffix[0].1 == '-'
        && suffix[1].1 == '-'
        && suffix[2..]
            .iter()
            .all(|(_, c)| c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '='));
    if !hashed {
        return name;
    }
    let prefix = &name[..suffix[0].0];
    // `.` does not match line terminators: the match starts after the last one.
    match prefix.rfind(['\n', '\r', '\u{2028}', '\u{2029}']) {
        Some(i) => {
            let terminator = prefix[i..].chars().next().map_or(1, char::len_utf8);
            &prefix[i + terminator..]
        }
        None => prefix,
    }
}

fn text(text: &XmlTextRef, txn: &Txn<'_>, out: &mut Vec<Node>) {
    for chunk in text.diff(txn, YChange::identity) {
        if let Out::Any(Any::String(s)) = chunk.insert {
            let marks = chunk
                .attributes
                .map(|attrs| attrs.keys().map(|k| mark_name(k).to_owned()).collect())
                .unwrap_or_default();
            out.push(Node::Text {
                text: s.to_string(),
                marks,
            });
        }
    }
}

fn children(
    parent: &impl yrs::types::xml::XmlFragment,
    txn: &Txn<'_>,
    depth: usize,
) -> Result<(usize, Vec<Node>), TextMentionError> {
    let mut nodes = Vec::new();
    let mut count = 0;
    for child in parent.children(txn) {
        count += 1;
        match child {
            XmlOut::Element(e) => nodes.push(element(&e, txn, depth + 1)?),
            XmlOut::Text(t) => text(&t, txn, &mut nodes),
            XmlOut::Fragment(_) => return Err(malformed("a fragment inside the tree")),
        }
    }
    if count != parent.len(txn) as usize {
        return Err(malformed("a child that is not an XML node"));
    }
    Ok((count, nodes))
}

fn element(e: &XmlElementRef, txn: &Txn<'_>, depth: usize) -> Result<Node, TextMentionError> {
    if depth > ydoc::MAX_DEPTH {
        return Err(malformed("too deep"));
    }
    let attrs: HashMap<String, Option<String>> = e
        .attributes(txn)
        .map(|(k, v)| (k.to_owned(), ydoc::string(Some(v))))
        .collect();
    let (count, content) = children(e, txn, depth)?;
    Ok(Node::Element {
        name: e.tag().to_string(),
        attrs: (!attrs.is_empty()).then_some(attrs),
        content: (count > 0).then_some(content),
    })
}

#[derive(Clone, Copy)]
enum Flat<'a> {
    Boundary,
    Text(&'a str, &'a [String]),
    Mention {
        group: bool,
        notification_id: &'a str,
        id: Option<&'a str>,
        user_ids: Option<&'a str>,
    },
}

fn attr<'a>(attrs: &'a HashMap<String, Option<String>>, name: &str) -> Option<&'a str> {
    attrs.get(name).and_then(|v| v.as_deref())
}

/// `flattenTiptapTree`: paragraphs with content are opened and closed by markers, empty
/// paragraphs and hard breaks kept as boundaries, text and mentions kept, the rest dropped.
fn flatten<'a>(nodes: &'a [Node], out: &mut Vec<Flat<'a>>) -> Result<(), TextMentionError> {
    for node in nodes {
        let (name, attrs, content) = match node {
            Node::Text { text, marks } => {
                out.push(Flat::Text(text, marks));
                continue;
            }
            Node::Element {
                name,
                attrs,
                content,
            } => (name.as_str(), attrs, content),
        };
        match (name, content) {
            ("paragraph" | "hardBreak", None) => out.push(Flat::Boundary),
            ("text", _) => out.push(Flat::Text("", &[])),
            ("liveblocksMention" | "liveblocksGroupMention", _)
                if attrs.as_ref().is_none_or(|a| {
                    attr(a, "notificationId").is_some_and(|id| id.starts_with("in_"))
                }) =>
            {
                let Some(attrs) = attrs else {
                    return Err(malformed("a mention without attributes"));
                };
                out.push(Flat::Mention {
                    group: name == "liveblocksGroupMention",
                    notification_id: attr(attrs, "notificationId").unwrap_or_default(),
                    id: attr(attrs, "id"),
                    user_ids: attr(attrs, "userIds"),
                });
            }
            ("paragraph", Some(children)) => {
                out.push(Flat::Boundary);
                flatten(children, out)?;
                out.push(Flat::Boundary);
            }
            _ => {}
        }
    }
    Ok(())
}

fn transform(node: &Flat<'_>) -> Option<TextMentionNode> {
    match *node {
        Flat::Text(text, marks) => {
            let has = |mark: &str| marks.iter().any(|m| m == mark);
            Some(TextMentionNode::Text(TextMentionText {
                text: text.to_owned(),
                bold: has("bold"),
                italic: has("italic"),
                strikethrough: has("strike"),
                code: has("code"),
            }))
        }
        Flat::Mention {
            group,
            id: Some(id),
            ..
        } => Some(TextMentionNode::Mention {
            kind: if group {
                MentionKind::Group
            } else {
                MentionKind::User
            },
            id: id.to_owned(),
        }),
        _ => None,
    }
}

/// `getSerializedTiptapState`, `findTiptapMentionNodeWithContext` and
/// `transformTiptapMentionNodeWithContext` of `@liveblocks/emails`.
pub(super) fn find_mention(
    update: &[u8],
    key: Option<&str>,
    mention_id: &str,
) -> Result<Option<Found>, TextMentionError> {
    ydoc::read(update, |doc: &Doc| {
        let Some(key) = key else { return Ok(None) };
        let fragment = doc.get_or_insert_xml_fragment(key);
        let txn = yrs::Transact::transact(doc);
        let mut top = Vec::new();
        for child in fragment.children(&txn) {
            match child {
                XmlOut::Element(e) => top.push(element(&e, &txn, 1)?),
                // A top-level text becomes a list of text nodes, which flattening drops.
                XmlOut::Text(_) => {}
                XmlOut::Fragment(_) => return Err(malformed("a fragment inside the tree")),
            }
        }
        let mut flat = Vec::new();
        flatten(&top, &mut flat)?;
        Ok(find_in(&flat, mention_id))
    })
}

fn find_in(flat: &[Flat<'_>], mention_id: &str) -> Option<Found> {
    let index = flat.iter().position(
        |n| matches!(n, Flat::Mention { notification_id, .. } if *notification_id == mention_id),
    )?;
    let Flat::Mention {
        group,
        id: Some(id),
        user_ids,
        ..
    } = flat[index]
    else {
        // A mention without a string `id` (never written by Liveblocks).
        return None;
    };
    let boundary = |n: &Flat<'_>| matches!(n, Flat::Boundary);
    let start = flat[..index]
        .iter()
        .rposition(boundary)
        .map_or(0, |i| i + 1);
    let end = flat[index + 1..]
        .iter()
        .position(boundary)
        .map_or(flat.len(), |i| index + 1 + i);
    let nodes: Vec<TextMentionNode> = flat[start..end].iter().filter_map(transform).collect();
    Some(Found {
        kind: if group {
            MentionKind::Group
        } else {
            MentionKind::User
        },
        id: id.to_owned(),
        user_ids: if group {
            user_ids
                .and_then(|ids| serde_json::from_str::<Vec<serde_json::Value>>(ids).ok())
                .map(|ids| {
                    ids.into_iter()
                        .filter_map(|v| v.as_str().map(str::to_owned))
                        .collect()
                })
        } else {
            None
        },
        nodes,
    })
}

#[cfg(test)]
mod tests {
    use super::mark_name;

    #[test]
    fn mark_names_lose_their_hash() {
        assert_eq!(mark_name("bold"), "bold");
        assert_eq!(mark_name("bold--abcdEF12"), "bold");
        assert_eq!(mark_name("bold--abc"), "bold--abc");
        assert_eq!(mark_name("x\nbold--abcd+/=1"), "bold");
        assert_eq!(mark_name("--abcdefgh"), "");
        assert_eq!(mark_name("é--abcdéfgh"), "é--abcdéfgh");
    }
}
