//! Auth: the bodies and tokens of `authorize_user` (access tokens) and `identify_user` (ID
//! tokens), for a back end that lets its users into rooms.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::rooms::{RoomPermission, UserInfo};

/// Full access to a room: `room:write` and `comments:write`, as the official SDKs grant it.
pub const FULL_ACCESS: &[RoomPermission] =
    &[RoomPermission::RoomWrite, RoomPermission::CommentsWrite];

/// Read access to a room, with presence: `room:read`, `room:presence:write` and
/// `comments:read`, as the official SDKs grant it.
pub const READ_ACCESS: &[RoomPermission] = &[
    RoomPermission::RoomRead,
    RoomPermission::RoomPresenceWrite,
    RoomPermission::CommentsRead,
];

/// What an access token allows: room ID, or room ID prefix ending in `*` (`*` alone for
/// every room), to permissions.
pub type TokenPermissions = BTreeMap<String, Vec<RoomPermission>>;

/// The body of `authorize_user` (schema `AuthorizeUserRequestBody`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthorizeUserRequestBody {
    /// The user the token is for.
    pub user_id: String,
    /// The user's name, avatar, color and other info, shown to others in the room.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_info: Option<UserInfo>,
    /// The organization the token is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// What the token allows, room by room.
    pub permissions: TokenPermissions,
}

/// An access token (schema `AuthorizeUserResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AuthorizeUserResponse {
    /// The token (a JWT) to hand to the client.
    pub token: String,
}

/// The body of `identify_user` (schema `IdentifyUserRequestBody`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IdentifyUserRequestBody {
    /// The user the token is for.
    pub user_id: String,
    /// The organization the token is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// The groups the user belongs to; room group accesses apply through them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_ids: Option<Vec<String>>,
    /// The user's name, avatar, color and other info, shown to others in the room.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_info: Option<UserInfo>,
}

/// An ID token (schema `IdentifyUserResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct IdentifyUserResponse {
    /// The token (a JWT) to hand to the client.
    pub token: String,
}
