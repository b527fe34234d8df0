//! Storage: the room's document of live structures, in "plain LSON", and JSON Patch operations.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A value inside Storage: a live structure, or plain JSON.
///
/// ```
/// use liveblocks_core::models::storage::{LiveNode, Lson};
/// use serde_json::json;
///
/// let list = Lson::from(LiveNode::list([Lson::from(json!("a")), Lson::from(json!(1))]));
/// assert_eq!(
///     serde_json::to_value(&list).unwrap(),
///     json!({"liveblocksType": "LiveList", "data": ["a", 1]})
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Lson {
    /// A `LiveObject`, `LiveList`, `LiveMap` or `LiveFile`.
    Live(LiveNode),
    /// Any plain JSON value (immutable inside Storage).
    Json(serde_json::Value),
}

impl From<LiveNode> for Lson {
    fn from(node: LiveNode) -> Self {
        Lson::Live(node)
    }
}

impl From<serde_json::Value> for Lson {
    fn from(value: serde_json::Value) -> Self {
        Lson::Json(value)
    }
}

/// A live structure, tagged by `liveblocksType` with its content in `data`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "liveblocksType", content = "data")]
pub enum LiveNode {
    /// An object whose fields sync one by one.
    LiveObject(BTreeMap<String, Lson>),
    /// An ordered list.
    LiveList(Vec<Lson>),
    /// A map with string keys.
    LiveMap(BTreeMap<String, Lson>),
    /// A reference to an uploaded storage file.
    LiveFile(LiveFileData),
}

impl LiveNode {
    /// A `LiveObject` from `(key, value)` pairs.
    pub fn object<K: Into<String>>(fields: impl IntoIterator<Item = (K, Lson)>) -> Self {
        LiveNode::LiveObject(fields.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    /// A `LiveList` from values.
    pub fn list(items: impl IntoIterator<Item = Lson>) -> Self {
        LiveNode::LiveList(items.into_iter().collect())
    }

    /// A `LiveMap` from `(key, value)` pairs.
    pub fn map<K: Into<String>>(entries: impl IntoIterator<Item = (K, Lson)>) -> Self {
        LiveNode::LiveMap(entries.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }
}

/// An uploaded storage file, as referenced from a `LiveFile` node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct LiveFileData {
    /// The file ID (`fl_...`).
    pub id: String,
    /// The file name.
    pub name: String,
    /// The size in bytes.
    pub size: u64,
    /// The MIME type.
    pub mime_type: String,
}

impl LiveFileData {
    /// A reference to an uploaded file, as returned by the upload calls.
    pub fn new(
        id: impl Into<String>,
        name: impl Into<String>,
        size: u64,
        mime_type: impl Into<String>,
    ) -> Self {
        LiveFileData {
            id: id.into(),
            name: name.into(),
            size,
            mime_type: mime_type.into(),
        }
    }
}

/// The root of a room's Storage: always a `LiveObject`.
///
/// ```
/// use liveblocks_core::models::storage::{LiveNode, Lson, StorageRoot};
/// use serde_json::json;
///
/// let root = StorageRoot::new([("title", Lson::from(json!("Hello")))]);
/// assert_eq!(
///     serde_json::to_value(&root).unwrap(),
///     json!({"liveblocksType": "LiveObject", "data": {"title": "Hello"}})
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StorageRoot {
    /// The root object's fields.
    pub data: BTreeMap<String, Lson>,
}

impl StorageRoot {
    /// A root object from `(key, value)` pairs.
    pub fn new<K: Into<String>>(fields: impl IntoIterator<Item = (K, Lson)>) -> Self {
        StorageRoot {
            data: fields.into_iter().map(|(k, v)| (k.into(), v)).collect(),
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RootWire<D> {
    liveblocks_type: String,
    data: D,
}

impl Serialize for StorageRoot {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        RootWire {
            liveblocks_type: "LiveObject".to_owned(),
            data: &self.data,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for StorageRoot {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = RootWire::<BTreeMap<String, Lson>>::deserialize(deserializer)?;
        if wire.liveblocks_type != "LiveObject" {
            return Err(serde::de::Error::custom(format!(
                "the Storage root must be a LiveObject, not {}",
                wire.liveblocks_type
            )));
        }
        Ok(StorageRoot { data: wire.data })
    }
}

/// The format `get_storage_document` answers in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StorageFormat {
    /// Live structures tagged with their type (the default): [`StorageDocument::Lson`].
    #[default]
    PlainLson,
    /// Simplified, lossy JSON: [`StorageDocument::Json`].
    Json,
}

impl StorageFormat {
    /// The value as sent on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            StorageFormat::PlainLson => "plain-lson",
            StorageFormat::Json => "json",
        }
    }
}

/// A room's Storage, in the format that was asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum StorageDocument {
    /// Plain LSON: the live structures with their types.
    Lson(StorageRoot),
    /// Simplified JSON: objects, arrays and values only. Also what a plain-LSON answer
    /// becomes when its root has no `liveblocksType` tag (the spec allows any object).
    Json(serde_json::Map<String, serde_json::Value>),
}

/// One JSON Patch (RFC 6902) operation on Storage; paths are JSON Pointers (RFC 6901).
///
/// ```
/// use liveblocks_core::models::storage::JsonPatchOp;
/// use serde_json::json;
///
/// let op = JsonPatchOp::add("/todos/-", json!({"text": "ship it"}));
/// assert_eq!(
///     serde_json::to_value(&op).unwrap(),
///     json!({"op": "add", "path": "/todos/-", "value": {"text": "ship it"}})
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum JsonPatchOp {
    /// Adds `value` at `path`.
    Add {
        /// Where.
        path: String,
        /// What.
        value: serde_json::Value,
    },
    /// Removes the value at `path`.
    Remove {
        /// Where.
        path: String,
    },
    /// Replaces the value at `path`.
    Replace {
        /// Where.
        path: String,
        /// The new value.
        value: serde_json::Value,
    },
    /// Copies the value at `from` to `path`.
    Copy {
        /// Source.
        from: String,
        /// Destination.
        path: String,
    },
    /// Moves the value at `from` to `path`.
    Move {
        /// Source.
        from: String,
        /// Destination.
        path: String,
    },
    /// Fails the whole patch unless the value at `path` equals `value`.
    Test {
        /// Where.
        path: String,
        /// The expected value.
        value: serde_json::Value,
    },
}

impl JsonPatchOp {
    /// `add`.
    pub fn add(path: impl Into<String>, value: serde_json::Value) -> Self {
        JsonPatchOp::Add {
            path: path.into(),
            value,
        }
    }

    /// `remove`.
    pub fn remove(path: impl Into<String>) -> Self {
        JsonPatchOp::Remove { path: path.into() }
    }

    /// `replace`.
    pub fn replace(path: impl Into<String>, value: serde_json::Value) -> Self {
        JsonPatchOp::Replace {
            path: path.into(),
            value,
        }
    }

    /// `copy`.
    pub fn copy(from: impl Into<String>, path: impl Into<String>) -> Self {
        JsonPatchOp::Copy {
            from: from.into(),
            path: path.into(),
        }
    }

    /// `move`.
    pub fn move_to(from: impl Into<String>, path: impl Into<String>) -> Self {
        JsonPatchOp::Move {
            from: from.into(),
            path: path.into(),
        }
    }

    /// `test`.
    pub fn test(path: impl Into<String>, value: serde_json::Value) -> Self {
        JsonPatchOp::Test {
            path: path.into(),
            value,
        }
    }

    /// The JSON Pointers this operation names (`from` first, if any).
    pub(crate) fn pointers(&self) -> impl Iterator<Item = &str> {
        let (from, path) = match self {
            JsonPatchOp::Copy { from, path } | JsonPatchOp::Move { from, path } => {
                (Some(from), path)
            }
            JsonPatchOp::Add { path, .. }
            | JsonPatchOp::Remove { path }
            | JsonPatchOp::Replace { path, .. }
            | JsonPatchOp::Test { path, .. } => (None, path),
        };
        from.into_iter().chain([path]).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn plain_lson_round_trip() {
        let wire = json!({
            "liveblocksType": "LiveObject",
            "data": {
                "title": "Doc",
                "tags": ["x", "y"],
                "items": {"liveblocksType": "LiveList", "data": [
                    {"liveblocksType": "LiveObject", "data": {"done": false}},
                    3
                ]},
                "owners": {"liveblocksType": "LiveMap", "data": {"alice": {"role": "admin"}}},
                "file": {"liveblocksType": "LiveFile", "data": {"id": "fl_x", "name": "a.txt", "size": 3, "mimeType": "text/plain"}}
            }
        });
        let root: StorageRoot = serde_json::from_value(wire.clone()).unwrap();
        assert_eq!(root.data["title"], Lson::Json(json!("Doc")));
        assert!(
            matches!(&root.data["items"], Lson::Live(LiveNode::LiveList(items)) if items.len() == 2)
        );
        assert!(matches!(&root.data["file"], Lson::Live(LiveNode::LiveFile(f)) if f.size == 3));
        assert_eq!(serde_json::to_value(&root).unwrap(), wire);
    }

    #[test]
    fn root_must_be_a_live_object() {
        let err = serde_json::from_value::<StorageRoot>(
            json!({"liveblocksType": "LiveList", "data": {}}),
        );
        assert!(err.unwrap_err().to_string().contains("LiveObject"));
    }

    #[test]
    fn every_patch_op_has_its_wire_shape() {
        let ops = vec![
            JsonPatchOp::add("/a", json!(1)),
            JsonPatchOp::remove("/b"),
            JsonPatchOp::replace("/c", json!(null)),
            JsonPatchOp::copy("/a", "/d"),
            JsonPatchOp::move_to("/d", "/e"),
            JsonPatchOp::test("/a", json!(1)),
        ];
        let wire = json!([
            {"op": "add", "path": "/a", "value": 1},
            {"op": "remove", "path": "/b"},
            {"op": "replace", "path": "/c", "value": null},
            {"op": "copy", "from": "/a", "path": "/d"},
            {"op": "move", "from": "/d", "path": "/e"},
            {"op": "test", "path": "/a", "value": 1}
        ]);
        assert_eq!(serde_json::to_value(&ops).unwrap(), wire);
        assert_eq!(
            serde_json::from_value::<Vec<JsonPatchOp>>(wire).unwrap(),
            ops
        );
    }
}
