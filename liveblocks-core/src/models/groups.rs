//! Groups: named sets of users that room accesses and mentions can refer to.

use serde::{Deserialize, Serialize};

use super::Timestamp;

/// A group (schema `Group`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Group {
    /// The object type, always `"group"`.
    #[serde(rename = "type")]
    pub object_type: String,
    /// The group ID.
    pub id: String,
    /// The organization the group belongs to.
    pub organization_id: String,
    /// When the group was created.
    #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
    pub created_at: Timestamp,
    /// When the group last changed.
    #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
    pub updated_at: Timestamp,
    /// What the group can be used for.
    pub scopes: GroupScopes,
    /// The group's members.
    pub members: Vec<GroupMember>,
}

/// What a group can be used for (the `scopes` object of `Group` and `CreateGroupRequestBody`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GroupScopes {
    /// Whether the group can be mentioned in comments (the API only knows `true`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mention: Option<bool>,
}

impl GroupScopes {
    /// No scope.
    pub fn new() -> Self {
        Self::default()
    }

    /// Lets the group be mentioned.
    pub fn mention(mut self) -> Self {
        self.mention = Some(true);
        self
    }
}

/// A member of a group (schema `GroupMember`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GroupMember {
    /// The user ID.
    pub id: String,
    /// When the user joined the group.
    #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
    pub added_at: Timestamp,
}

/// The body of `create_group` (schema `CreateGroupRequestBody`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateGroupRequestBody {
    /// The new group's ID.
    pub id: String,
    /// Its first members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member_ids: Option<Vec<String>>,
    /// The organization it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// What it can be used for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scopes: Option<GroupScopes>,
}

/// The body of `add_group_members` (schema `AddGroupMembersRequestBody`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AddGroupMembersRequestBody {
    /// The users to add.
    pub member_ids: Vec<String>,
}

/// The body of `remove_group_members` (schema `RemoveGroupMembersRequestBody`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RemoveGroupMembersRequestBody {
    /// The users to remove.
    pub member_ids: Vec<String>,
}
