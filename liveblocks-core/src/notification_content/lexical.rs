//! Lexical documents, as `@lexical/yjs` stores them and `@liveblocks/emails` reads them.
//!
//! The root is a `Y.XmlText`; an element node (paragraph, heading, link...) is a nested
//! `Y.XmlText` with a `__type` attribute; a text node is a `Y.Map` (`__type`, `__format`...)
//! followed by its text as strings; a line break is a `Y.Map` of `__type` `linebreak`; a
//! decorator node (a mention) is a `Y.XmlElement` with `__type`, `__id`, `__userId` or
//! `__groupId` and `__userIds` attributes. A node without a string `__type` makes the whole
//! tree empty, as in the package.

use yrs::types::text::YChange;
use yrs::{Any, Doc, Map as _, Number, Out, Text as _, Xml as _, XmlElementRef, XmlTextRef};

use super::mention_tree::{Found, TextMentionError, TextMentionNode, TextMentionText};
use super::ydoc;
use crate::models::comments::MentionKind;

type Txn<'d> = yrs::Transaction<'d>;

enum Node {
    Text { text: String, format: Option<i32> },
    LineBreak,
    Decorator(Decorator),
    Element(Vec<Node>),
}

struct Decorator {
    kind: String,
    id: Option<String>,
    user_id: Option<String>,
    group_id: Option<String>,
    /// `None`: absent; `Some(None)`: not a list.
    user_ids: Option<Option<Vec<String>>>,
}

impl Decorator {
    fn valid_id(&self) -> bool {
        self.id.as_deref().is_some_and(|id| id.starts_with("in_"))
    }

    fn is_user_mention(&self) -> bool {
        self.kind == "lb-mention" && self.valid_id() && self.user_id.is_some()
    }

    fn is_group_mention(&self) -> bool {
        self.kind == "lb-group-mention"
            && self.valid_id()
            && self.group_id.is_some()
            && !matches!(self.user_ids, Some(None))
    }
}

struct Malformed;

fn decorator(element: &XmlElementRef, txn: &Txn<'_>) -> Result<Decorator, Malformed> {
    let attr = |name| ydoc::string(element.get_attribute(txn, name));
    Ok(Decorator {
        kind: attr("__type").ok_or(Malformed)?,
        id: attr("__id"),
        user_id: attr("__userId"),
        group_id: attr("__groupId"),
        user_ids: match element.get_attribute(txn, "__userIds") {
            None | Some(Out::Any(Any::Undefined)) => None,
            Some(Out::Any(Any::Array(ids))) => Some(Some(ydoc::strings(&ids))),
            Some(_) => Some(None),
        },
    })
}

fn map_node(map: &yrs::MapRef, txn: &Txn<'_>) -> Result<Node, Malformed> {
    let kind = ydoc::string(map.get(txn, "__type")).ok_or(Malformed)?;
    if kind == "linebreak" {
        return Ok(Node::LineBreak);
    }
    let format = match map.get(txn, "__format") {
        Some(Out::Any(Any::Number(Number::Int(n)))) => Some(ydoc::to_int32(n as f64)),
        Some(Out::Any(Any::Number(Number::Float(n)))) => Some(ydoc::to_int32(n)),
        _ => None,
    };
    Ok(Node::Text {
        text: String::new(),
        format,
    })
}

fn element(text: &XmlTextRef, txn: &Txn<'_>, depth: usize) -> Result<Vec<Node>, Malformed> {
    if depth > ydoc::MAX_DEPTH {
        return Err(Malformed);
    }
    ydoc::string(text.get_attribute(txn, "__type")).ok_or(Malformed)?;
    let mut children = Vec::new();
    for chunk in text.diff(txn, YChange::identity) {
        match chunk.insert {
            Out::Any(Any::String(s)) => {
                if let Some(Node::Text { text, .. }) = children.last_mut() {
                    text.push_str(&s);
                }
            }
            Out::YXmlText(t) => children.push(Node::Element(element(&t, txn, depth + 1)?)),
            Out::YMap(m) => children.push(map_node(&m, txn)?),
            Out::YXmlElement(e) => children.push(Node::Decorator(decorator(&e, txn)?)),
            _ => {}
        }
    }
    Ok(children)
}

fn root(doc: &Doc, key: &str) -> Vec<Node> {
    let text = doc.get_or_insert_text(key);
    let txn = yrs::Transact::transact(doc);
    let xml: &XmlTextRef = text.as_ref();
    let read = || -> Result<Vec<Node>, Malformed> {
        let mut children = Vec::new();
        for chunk in xml.diff(&txn, YChange::identity) {
            match chunk.insert {
                Out::YXmlText(t) => children.push(Node::Element(element(&t, &txn, 1)?)),
                Out::YXmlElement(e) => children.push(Node::Decorator(decorator(&e, &txn)?)),
                _ => {}
            }
        }
        Ok(children)
    };
    read().unwrap_or_default()
}

enum Flat<'a> {
    Marker,
    LineBreak,
    EmptyElement,
    Text(&'a str, Option<i32>),
    Decorator(&'a Decorator),
}

fn flatten<'a>(nodes: &'a [Node], out: &mut Vec<Flat<'a>>) {
    for node in nodes {
        match node {
            Node::Text { text, format } => out.push(Flat::Text(text, *format)),
            Node::LineBreak => out.push(Flat::LineBreak),
            Node::Decorator(d) => out.push(Flat::Decorator(d)),
            Node::Element(children) if children.is_empty() => out.push(Flat::EmptyElement),
            Node::Element(children) => {
                out.push(Flat::Marker);
                flatten(children, out);
                out.push(Flat::Marker);
            }
        }
    }
}

/// Whether the context around a mention continues through this node.
fn continues(node: &Flat<'_>) -> bool {
    match node {
        Flat::Marker | Flat::LineBreak => false,
        Flat::Decorator(d) => d.kind == "lb-mention",
        Flat::EmptyElement | Flat::Text(..) => true,
    }
}

fn transform(node: &Flat<'_>) -> Option<TextMentionNode> {
    match node {
        Flat::Text(text, format) => {
            let bits = format.unwrap_or(0);
            Some(TextMentionNode::Text(TextMentionText {
                text: (*text).to_owned(),
                bold: bits & 1 != 0,
                italic: bits & 2 != 0,
                strikethrough: bits & 4 != 0,
                code: bits & 16 != 0,
            }))
        }
        Flat::Decorator(d) if d.is_user_mention() => Some(TextMentionNode::Mention {
            kind: MentionKind::User,
            id: d.user_id.clone().unwrap_or_default(),
        }),
        Flat::Decorator(d) if d.is_group_mention() => Some(TextMentionNode::Mention {
            kind: MentionKind::Group,
            id: d.group_id.clone().unwrap_or_default(),
        }),
        _ => None,
    }
}

/// `getSerializedLexicalState`, `findLexicalMentionNodeWithContext` and
/// `transformLexicalMentionNodeWithContext` of `@liveblocks/emails`.
pub(super) fn find_mention(
    update: &[u8],
    key: Option<&str>,
    mention_id: &str,
) -> Result<Option<Found>, TextMentionError> {
    ydoc::read(update, |doc| {
        let Some(key) = key else { return Ok(None) };
        Ok(find_in(&root(doc, key), mention_id))
    })
}

fn find_in(tree: &[Node], mention_id: &str) -> Option<Found> {
    let mut flat = Vec::new();
    flatten(tree, &mut flat);
    let index = flat.iter().position(|node| {
        matches!(node, Flat::Decorator(d)
            if (d.is_user_mention() || d.is_group_mention()) && d.id.as_deref() == Some(mention_id))
    })?;
    let Flat::Decorator(mention) = flat[index] else {
        return None;
    };
    let start = flat[..index]
        .iter()
        .rposition(|n| !continues(n))
        .map_or(0, |i| i + 1);
    let end = flat[index + 1..]
        .iter()
        .position(|n| !continues(n))
        .map_or(flat.len(), |i| index + 1 + i);
    let group = mention.kind == "lb-group-mention";
    let (kind, id) = if group {
        (MentionKind::Group, mention.group_id.clone())
    } else {
        (MentionKind::User, mention.user_id.clone())
    };
    let id = id.unwrap_or_default();
    let mut nodes: Vec<TextMentionNode> = flat[start..index].iter().filter_map(transform).collect();
    nodes.push(TextMentionNode::Mention {
        kind: kind.clone(),
        id: id.clone(),
    });
    nodes.extend(flat[index + 1..end].iter().filter_map(transform));
    Some(Found {
        kind,
        id,
        user_ids: if group {
            mention.user_ids.clone().flatten()
        } else {
            None
        },
        nodes,
    })
}
