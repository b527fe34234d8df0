//! The bodies that create and change rooms, and the settings they carry.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::*;
use crate::models::Tristate;

/// The storage engine of a new room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageEngine {
    /// Engine 1.
    V1,
    /// Engine 2.
    V2,
}

impl Serialize for StorageEngine {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u8(match self {
            StorageEngine::V1 => 1,
            StorageEngine::V2 => 2,
        })
    }
}

impl<'de> Deserialize<'de> for StorageEngine {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match u8::deserialize(deserializer)? {
            1 => Ok(StorageEngine::V1),
            2 => Ok(StorageEngine::V2),
            other => Err(serde::de::Error::custom(format!(
                "unknown storage engine {other}"
            ))),
        }
    }
}

/// The body of `create_room` (schema `CreateRoomRequestBody`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateRoomRequestBody {
    /// The new room's ID.
    pub id: String,
    /// Its settings.
    #[serde(flatten)]
    pub room: NewRoom,
    /// Its storage engine, if not the default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engine: Option<StorageEngine>,
}

/// The body of `upsert_room` (schema `UpsertRoomRequestBody`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpsertRoomRequestBody {
    /// The changes applied in any case.
    pub update: RoomUpdate,
    /// The settings used if the room has to be created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create: Option<NewRoom>,
}

/// The body of `update_room_id` (schema `UpdateRoomIdRequestBody`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateRoomIdRequestBody {
    /// The room's new ID.
    pub new_room_id: String,
}

/// The body of `update_room_organization_id` (schema `UpdateRoomOrganizationIdRequestBody`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateRoomOrganizationIdRequestBody {
    /// The organization the room is in now.
    pub from_organization_id: String,
    /// The organization to move it to.
    pub to_organization_id: String,
}

/// The body of `set_presence` (schema `SetPresenceRequestBody`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetPresenceRequestBody {
    /// Whose presence.
    pub user_id: String,
    /// The presence, a JSON object.
    pub data: serde_json::Value,
    /// The user's name, avatar, color and other info.
    pub user_info: UserInfo,
    /// How long the presence lasts, 2 to 3599 seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ttl: Option<u32>,
}

/// The settings of a room to create: `create_room`'s body, and the `create` half of
/// `upsert_room`.
///
/// ```
/// use liveblocks_core::models::rooms::{NewRoom, RoomPermission};
///
/// let room = NewRoom::new([RoomPermission::RoomRead])
///     .user_access("alice", [RoomPermission::RoomWrite])
///     .metadata("color", "blue");
/// assert_eq!(
///     serde_json::to_string(&room).unwrap(),
///     r#"{"defaultAccesses":["room:read"],"usersAccesses":{"alice":["room:write"]},"metadata":{"color":"blue"}}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewRoom {
    /// The organization the room belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// What everyone may do.
    pub default_accesses: Vec<RoomPermission>,
    /// What given users may do.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub users_accesses: RoomAccesses,
    /// What given groups may do.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub groups_accesses: RoomAccesses,
    /// The room's metadata.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub metadata: RoomMetadata,
}

impl NewRoom {
    /// A room where everyone has `default_accesses` (pass `[]` for a private room).
    pub fn new(default_accesses: impl IntoIterator<Item = RoomPermission>) -> Self {
        NewRoom {
            organization_id: None,
            default_accesses: default_accesses.into_iter().collect(),
            users_accesses: BTreeMap::new(),
            groups_accesses: BTreeMap::new(),
            metadata: BTreeMap::new(),
        }
    }

    /// Puts the room in an organization.
    pub fn organization_id(mut self, organization_id: impl Into<String>) -> Self {
        self.organization_id = Some(organization_id.into());
        self
    }

    /// Gives a user permissions.
    pub fn user_access(
        mut self,
        user_id: impl Into<String>,
        permissions: impl IntoIterator<Item = RoomPermission>,
    ) -> Self {
        self.users_accesses
            .insert(user_id.into(), permissions.into_iter().collect());
        self
    }

    /// Gives a group permissions.
    pub fn group_access(
        mut self,
        group_id: impl Into<String>,
        permissions: impl IntoIterator<Item = RoomPermission>,
    ) -> Self {
        self.groups_accesses
            .insert(group_id.into(), permissions.into_iter().collect());
        self
    }

    /// Sets one metadata key.
    pub fn metadata(mut self, key: impl Into<String>, value: impl Into<MetadataValue>) -> Self {
        self.metadata.insert(key.into(), value.into());
        self
    }
}

/// Changes to a room: `update_room`'s body, and the `update` half of `upsert_room`.
///
/// Only what you set is sent. Removing a user, group or metadata key sends `null` for it.
///
/// ```
/// use liveblocks_core::models::rooms::{RoomPermission, RoomUpdate};
///
/// let update = RoomUpdate::new()
///     .user_access("alice", [RoomPermission::RoomRead])
///     .remove_user_access("bob")
///     .metadata("color", "red");
/// assert_eq!(
///     serde_json::to_string(&update).unwrap(),
///     r#"{"usersAccesses":{"alice":["room:read"],"bob":null},"metadata":{"color":"red"}}"#
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoomUpdate {
    /// What everyone may do: unchanged, reset (`null`), or replaced.
    #[serde(default, skip_serializing_if = "Tristate::is_unset")]
    pub default_accesses: Tristate<Vec<RoomPermission>>,
    /// Per-user changes; `None` removes the user's entry.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub users_accesses: BTreeMap<String, Option<Vec<RoomPermission>>>,
    /// Per-group changes; `None` removes the group's entry.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub groups_accesses: BTreeMap<String, Option<Vec<RoomPermission>>>,
    /// Metadata changes; `None` removes the key. Keys not named are kept.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub metadata: BTreeMap<String, Option<MetadataValue>>,
}

impl RoomUpdate {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Replaces what everyone may do.
    pub fn default_accesses(
        mut self,
        permissions: impl IntoIterator<Item = RoomPermission>,
    ) -> Self {
        self.default_accesses = Tristate::Set(permissions.into_iter().collect());
        self
    }

    /// Resets what everyone may do (sends `null`).
    pub fn reset_default_accesses(mut self) -> Self {
        self.default_accesses = Tristate::Null;
        self
    }

    /// Sets a user's permissions.
    pub fn user_access(
        mut self,
        user_id: impl Into<String>,
        permissions: impl IntoIterator<Item = RoomPermission>,
    ) -> Self {
        self.users_accesses
            .insert(user_id.into(), Some(permissions.into_iter().collect()));
        self
    }

    /// Removes a user's entry (sends `null`).
    pub fn remove_user_access(mut self, user_id: impl Into<String>) -> Self {
        self.users_accesses.insert(user_id.into(), None);
        self
    }

    /// Sets a group's permissions.
    pub fn group_access(
        mut self,
        group_id: impl Into<String>,
        permissions: impl IntoIterator<Item = RoomPermission>,
    ) -> Self {
        self.groups_accesses
            .insert(group_id.into(), Some(permissions.into_iter().collect()));
        self
    }

    /// Removes a group's entry (sends `null`).
    pub fn remove_group_access(mut self, group_id: impl Into<String>) -> Self {
        self.groups_accesses.insert(group_id.into(), None);
        self
    }

    /// Sets one metadata key.
    pub fn metadata(mut self, key: impl Into<String>, value: impl Into<MetadataValue>) -> Self {
        self.metadata.insert(key.into(), Some(value.into()));
        self
    }

    /// Removes one metadata key (sends `null`).
    pub fn remove_metadata(mut self, key: impl Into<String>) -> Self {
        self.metadata.insert(key.into(), None);
        self
    }
}

/// Someone connected to a room right now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ActiveUser {
    /// The object type, always `"user"`.
    #[serde(rename = "type")]
    pub object_type: String,
    /// The user ID; `None` for anonymous connections (the dev server leaves it out for them).
    #[serde(default)]
    pub id: Option<String>,
    /// The user info given when the user was authorized (empty when there is none).
    #[serde(default)]
    pub info: serde_json::Map<String, serde_json::Value>,
    /// The ID of this connection.
    pub connection_id: i64,
}

/// The users connected to a room (schema `ActiveUsersResponse`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ActiveUsers {
    /// One entry per connection.
    pub data: Vec<ActiveUser>,
}

/// The user info attached to presence set from the server.
///
/// ```
/// use liveblocks_core::models::rooms::UserInfo;
///
/// let info = UserInfo::new().name("Alice").color("#f00").extra("team", "design");
/// assert_eq!(
///     serde_json::to_string(&info).unwrap(),
///     r##"{"name":"Alice","color":"#f00","team":"design"}"##
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UserInfo {
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Avatar URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
    /// Color.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// Any other fields.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl UserInfo {
    /// Empty user info.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the display name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.extra.remove("name");
        self.name = Some(name.into());
        self
    }

    /// Sets the avatar URL.
    pub fn avatar(mut self, avatar: impl Into<String>) -> Self {
        self.extra.remove("avatar");
        self.avatar = Some(avatar.into());
        self
    }

    /// Sets the color.
    pub fn color(mut self, color: impl Into<String>) -> Self {
        self.extra.remove("color");
        self.color = Some(color.into());
        self
    }

    /// Sets any other field. `name`, `avatar` and `color` go to their own fields when the
    /// value is a string, so a key is never sent twice.
    pub fn extra(mut self, key: impl Into<String>, value: impl Into<serde_json::Value>) -> Self {
        let key = key.into();
        let value = value.into();
        let typed = match key.as_str() {
            "name" => Some(&mut self.name),
            "avatar" => Some(&mut self.avatar),
            "color" => Some(&mut self.color),
            _ => None,
        };
        match (typed, value) {
            (Some(field), serde_json::Value::String(text)) => *field = Some(text),
            (Some(field), other) => {
                *field = None;
                self.extra.insert(key, other);
            }
            (None, other) => {
                self.extra.insert(key, other);
            }
        }
        self
    }
}
