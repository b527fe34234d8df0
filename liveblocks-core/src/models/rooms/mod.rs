//! Rooms: the room object, permissions, metadata, and the bodies that create and change rooms.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{open_enum, Timestamp};

open_enum! {
    /// One permission a user, group or everyone can have in a room.
    pub enum RoomPermission {
        /// Read everything in the room (`*:read`).
        AllRead = "*:read",
        /// Write everything in the room (`*:write`).
        AllWrite = "*:write",
        /// Full access (`room:write`, the older spelling of `*:write`).
        RoomWrite = "room:write",
        /// Read-only access (`room:read`).
        RoomRead = "room:read",
        /// May update presence (`room:presence:write`).
        RoomPresenceWrite = "room:presence:write",
        /// `storage:read`.
        StorageRead = "storage:read",
        /// `storage:write`.
        StorageWrite = "storage:write",
        /// `storage:none`.
        StorageNone = "storage:none",
        /// `comments:read`.
        CommentsRead = "comments:read",
        /// `comments:write`.
        CommentsWrite = "comments:write",
        /// `comments:none`.
        CommentsNone = "comments:none",
        /// `comments:public:read`.
        CommentsPublicRead = "comments:public:read",
        /// `comments:public:write`.
        CommentsPublicWrite = "comments:public:write",
        /// `comments:public:none`.
        CommentsPublicNone = "comments:public:none",
        /// `comments:private:read`.
        CommentsPrivateRead = "comments:private:read",
        /// `comments:private:write`.
        CommentsPrivateWrite = "comments:private:write",
        /// `comments:private:none`.
        CommentsPrivateNone = "comments:private:none",
        /// `feeds:read`.
        FeedsRead = "feeds:read",
        /// `feeds:write`.
        FeedsWrite = "feeds:write",
        /// `feeds:none`.
        FeedsNone = "feeds:none",
    }
}

/// Who may do what in a room, by user or group ID.
pub type RoomAccesses = BTreeMap<String, Vec<RoomPermission>>;

/// Room metadata: up to 50 keys, each a string or a list of strings.
pub type RoomMetadata = BTreeMap<String, MetadataValue>;

/// A room metadata value.
///
/// ```
/// use liveblocks_core::models::rooms::MetadataValue;
///
/// assert_eq!(MetadataValue::from("blue"), MetadataValue::String("blue".into()));
/// assert_eq!(MetadataValue::from(["a", "b"]), MetadataValue::List(vec!["a".into(), "b".into()]));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum MetadataValue {
    /// One string.
    String(String),
    /// A list of strings.
    List(Vec<String>),
}

impl<'de> Deserialize<'de> for MetadataValue {
    /// A string or an array of strings, read in one pass (an untagged enum would buffer the
    /// value and try each variant in turn).
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;

        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = MetadataValue;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string or an array of strings")
            }

            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<Self::Value, E> {
                Ok(MetadataValue::String(value.to_owned()))
            }

            fn visit_string<E: serde::de::Error>(self, value: String) -> Result<Self::Value, E> {
                Ok(MetadataValue::String(value))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                let mut list = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
                while let Some(item) = seq.next_element::<String>()? {
                    list.push(item);
                }
                Ok(MetadataValue::List(list))
            }
        }

        deserializer.deserialize_any(Visitor)
    }
}

impl From<&str> for MetadataValue {
    fn from(value: &str) -> Self {
        MetadataValue::String(value.to_owned())
    }
}

impl From<String> for MetadataValue {
    fn from(value: String) -> Self {
        MetadataValue::String(value)
    }
}

impl From<Vec<String>> for MetadataValue {
    fn from(value: Vec<String>) -> Self {
        MetadataValue::List(value)
    }
}

impl<const N: usize> From<[&str; N]> for MetadataValue {
    fn from(value: [&str; N]) -> Self {
        MetadataValue::List(value.iter().map(|s| (*s).to_owned()).collect())
    }
}

/// A room (schema `Room`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Room {
    /// The room ID.
    pub id: String,
    /// The object type, always `"room"`.
    #[serde(rename = "type")]
    pub object_type: String,
    /// The organization the room belongs to.
    pub organization_id: String,
    /// When the room was created.
    #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
    pub created_at: Timestamp,
    /// When someone last connected, if ever.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::models::timestamp::option")]
    pub last_connection_at: Option<Timestamp>,
    /// What everyone may do.
    pub default_accesses: Vec<RoomPermission>,
    /// What given users may do.
    pub users_accesses: RoomAccesses,
    /// What given groups may do.
    pub groups_accesses: RoomAccesses,
    /// The room's metadata.
    pub metadata: RoomMetadata,
    /// The text editor whose document the room's Yjs document holds, once a client reported
    /// one (`experimental_textEditor`, not in the spec; read by text mention e-mails).
    #[serde(
        rename = "experimental_textEditor",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub experimental_text_editor: Option<RoomTextEditor>,
}

open_enum! {
    /// The kind of a room's text editor.
    ///
    /// ```
    /// use liveblocks_core::models::rooms::TextEditorKind;
    ///
    /// assert_eq!(TextEditorKind::from("tiptap"), TextEditorKind::Tiptap);
    /// assert_eq!(TextEditorKind::from("slate").as_str(), "slate");
    /// ```
    pub enum TextEditorKind {
        /// Lexical (`@liveblocks/react-lexical`).
        Lexical = "lexical",
        /// Tiptap (`@liveblocks/react-tiptap`).
        Tiptap = "tiptap",
    }
}

/// The text editor a room's Yjs document holds (`experimental_textEditor` of a room).
///
/// ```
/// use liveblocks_core::models::rooms::{RoomTextEditor, TextEditorKind};
///
/// let editor: RoomTextEditor = serde_json::from_str(r#"{"type":"tiptap","rootKey":["default"]}"#)?;
/// assert_eq!(editor.kind, TextEditorKind::Tiptap);
/// assert_eq!(editor.root_key(), Some("default"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RoomTextEditor {
    /// The editor.
    #[serde(rename = "type")]
    pub kind: TextEditorKind,
    /// The name of the Yjs root type holding the editor's tree: a string, or a list whose
    /// first entry is the name.
    pub root_key: serde_json::Value,
}

impl RoomTextEditor {
    /// An editor whose tree is under this Yjs root.
    ///
    /// ```
    /// use liveblocks_core::models::rooms::{RoomTextEditor, TextEditorKind};
    ///
    /// assert_eq!(RoomTextEditor::new(TextEditorKind::Lexical, "root").root_key(), Some("root"));
    /// ```
    pub fn new(kind: TextEditorKind, root_key: impl Into<String>) -> Self {
        RoomTextEditor {
            kind,
            root_key: serde_json::Value::String(root_key.into()),
        }
    }

    /// The name of the Yjs root type, as `@liveblocks/emails` reads it (the key, or the first
    /// of a list of keys); `None` when it is neither.
    pub fn root_key(&self) -> Option<&str> {
        match &self.root_key {
            serde_json::Value::Array(keys) => keys.first().and_then(serde_json::Value::as_str),
            key => key.as_str(),
        }
    }
}

mod requests;
pub use requests::*;
