//! Groups: create, list, read and delete groups, change their members, list a user's groups.

use http::Method;

use crate::call::Call;
use crate::client::{call_setters, Client};
use crate::config::Config;
use crate::endpoint::{
    check_not_empty, decode_json, ignore_body, list_endpoint, op, path_endpoint, BodyKind,
    Endpoint, Operation, RequestBuilder,
};
use crate::error::Error;
use crate::models::groups::{
    AddGroupMembersRequestBody, CreateGroupRequestBody, Group, GroupScopes,
    RemoveGroupMembersRequestBody,
};
use crate::transport::{HttpRequest, HttpResponse};

/// Every operation of this domain.
pub const OPERATIONS: &[Operation] = &[
    CreateGroup::OPERATION,
    GetGroups::OPERATION,
    GetGroup::OPERATION,
    DeleteGroup::OPERATION,
    AddGroupMembers::OPERATION,
    RemoveGroupMembers::OPERATION,
    GetUserGroups::OPERATION,
];

/// Creates a group (`POST /v2/groups`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateGroup {
    body: CreateGroupRequestBody,
}

impl CreateGroup {
    /// A group `group_id`, with no member yet.
    pub fn new(group_id: impl Into<String>) -> Self {
        Self::from_body(CreateGroupRequestBody {
            id: group_id.into(),
            member_ids: None,
            organization_id: None,
            scopes: None,
        })
    }

    /// The request with its whole body at once.
    pub fn from_body(body: CreateGroupRequestBody) -> Self {
        CreateGroup { body }
    }

    /// The group's first members.
    pub fn member_ids(mut self, member_ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.body.member_ids = Some(member_ids.into_iter().map(Into::into).collect());
        self
    }

    /// Puts the group in an organization.
    pub fn organization_id(mut self, organization_id: impl Into<String>) -> Self {
        self.body.organization_id = Some(organization_id.into());
        self
    }

    /// What the group can be used for.
    pub fn scopes(mut self, scopes: GroupScopes) -> Self {
        self.body.scopes = Some(scopes);
        self
    }
}

call_setters!(CreateGroup {
    member_ids(member_ids: impl IntoIterator<Item = impl Into<String>>),
    organization_id(organization_id: impl Into<String>),
    scopes(scopes: GroupScopes),
});

impl Endpoint for CreateGroup {
    type Output = Group;
    const OPERATION: Operation = op(
        "create-group",
        Method::POST,
        "/groups",
        &[],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        check_not_empty(Self::OPERATION.id, "id", &self.body.id)?;
        RequestBuilder::new(config, &Self::OPERATION)
            .json(&self.body)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

list_endpoint!(
    /// Lists the project's groups, one page at a time (`GET /v2/groups`).
    GetGroups, "get-groups", "/groups", Group, starting_after = "startingAfter",
    /// The first page of all groups.
    new()
);

impl Default for GetGroups {
    fn default() -> Self {
        Self::new()
    }
}

list_endpoint!(
    /// Lists the groups a user belongs to, one page at a time
    /// (`GET /v2/users/{userId}/groups`).
    GetUserGroups, "get-user-groups", "/users/{userId}/groups", Group,
    starting_after = "startingAfter",
    /// The first page of `user_id`'s groups.
    new(user_id = "userId")
);

path_endpoint!(
    /// Reads a group (`GET /v2/groups/{groupId}`).
    GetGroup, "get-group", GET, "/groups/{groupId}",
    Json, Group, decode_json,
    /// The endpoint for this group.
    new(group_id = "groupId")
);
path_endpoint!(
    /// Deletes a group (`DELETE /v2/groups/{groupId}`).
    DeleteGroup, "delete-group", DELETE, "/groups/{groupId}",
    None, (), ignore_body,
    /// The endpoint for this group.
    new(group_id = "groupId")
);

/// Declares an endpoint that changes a group's members.
macro_rules! members_endpoint {
    ($(#[$meta:meta])* $name:ident, $id:literal, $path:literal, $body:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $name {
            group_id: String,
            member_ids: Vec<String>,
        }

        impl $name {
            /// The endpoint for these users of this group.
            pub fn new(
                group_id: impl Into<String>,
                member_ids: impl IntoIterator<Item = impl Into<String>>,
            ) -> Self {
                $name {
                    group_id: group_id.into(),
                    member_ids: member_ids.into_iter().map(Into::into).collect(),
                }
            }
        }

        impl Endpoint for $name {
            type Output = Group;
            const OPERATION: Operation =
                op($id, Method::POST, $path, &[], BodyKind::Json, BodyKind::Json);

            fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
                if self.member_ids.is_empty() {
                    return Err(Error::invalid_input(concat!(
                        "`memberIds` must not be empty (",
                        $id,
                        ")"
                    )));
                }
                RequestBuilder::new(config, &Self::OPERATION)
                    .path_param("groupId", &self.group_id)
                    .json(&$body {
                        member_ids: self.member_ids.clone(),
                    })
                    .build()
            }

            fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
                decode_json(response)
            }
        }
    };
}

members_endpoint!(
    /// Adds users to a group (`POST /v2/groups/{groupId}/add-members`).
    AddGroupMembers, "add-group-members", "/groups/{groupId}/add-members",
    AddGroupMembersRequestBody
);
members_endpoint!(
    /// Removes users from a group (`POST /v2/groups/{groupId}/remove-members`).
    RemoveGroupMembers, "remove-group-members", "/groups/{groupId}/remove-members",
    RemoveGroupMembersRequestBody
);

/// Groups.
impl<T> Client<T> {
    /// Creates a group.
    ///
    /// ```no_run
    /// # async fn run(client: liveblocks_core::Client<impl liveblocks_core::Transport + 'static>) -> Result<(), liveblocks_core::Error> {
    /// use liveblocks_core::models::groups::GroupScopes;
    ///
    /// let group = client
    ///     .create_group("engineering")
    ///     .member_ids(["alice", "bob"])
    ///     .scopes(GroupScopes::new().mention())
    ///     .await?;
    /// assert_eq!(group.members.len(), 2);
    /// # Ok(()) }
    /// ```
    pub fn create_group(&self, group_id: impl Into<String>) -> Call<T, CreateGroup> {
        self.call(CreateGroup::new(group_id))
    }

    /// Lists the project's groups, one page at a time.
    pub fn get_groups(&self) -> Call<T, GetGroups> {
        self.call(GetGroups::new())
    }

    /// Reads a group.
    pub fn get_group(&self, group_id: impl Into<String>) -> Call<T, GetGroup> {
        self.call(GetGroup::new(group_id))
    }

    /// Deletes a group.
    pub fn delete_group(&self, group_id: impl Into<String>) -> Call<T, DeleteGroup> {
        self.call(DeleteGroup::new(group_id))
    }

    /// Adds users to a group; returns the group as it is now.
    pub fn add_group_members(
        &self,
        group_id: impl Into<String>,
        member_ids: impl IntoIterator<Item = impl Into<String>>,
    ) -> Call<T, AddGroupMembers> {
        self.call(AddGroupMembers::new(group_id, member_ids))
    }

    /// Removes users from a group; returns the group as it is now.
    pub fn remove_group_members(
        &self,
        group_id: impl Into<String>,
        member_ids: impl IntoIterator<Item = impl Into<String>>,
    ) -> Call<T, RemoveGroupMembers> {
        self.call(RemoveGroupMembers::new(group_id, member_ids))
    }

    /// Lists the groups a user belongs to, one page at a time.
    pub fn get_user_groups(&self, user_id: impl Into<String>) -> Call<T, GetUserGroups> {
        self.call(GetUserGroups::new(user_id))
    }
}
