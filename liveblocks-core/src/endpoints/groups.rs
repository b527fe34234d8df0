//! Groups: create, list, read and delete groups, change their members, list a user's groups.

use crate::declare::operations;
use crate::endpoint::{check_body_id, check_range};
use crate::error::Error;
use crate::models::groups::{
    AddGroupMembersRequestBody, CreateGroupRequestBody, Group, GroupScopes,
    RemoveGroupMembersRequestBody,
};
use crate::models::{Cursor, Page};

operations! {
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
    CreateGroup {
        "create-group", POST "/groups", Json -> Json Group;
        fn create_group(group_id: impl Into<String>);
        struct {
            body: CreateGroupRequestBody = CreateGroupRequestBody {
                id: group_id.into(),
                member_ids: None,
                organization_id: None,
                scopes: None,
            },
        }
        set {
            /// The group's first members.
            fn member_ids(self, member_ids: impl IntoIterator<Item = impl Into<String>>) {
                self.body.member_ids = Some(member_ids.into_iter().map(Into::into).collect());
            }
            /// Puts the group in an organization.
            fn organization_id(self, organization_id: impl Into<String>) {
                self.body.organization_id = Some(organization_id.into());
            }
            /// What the group can be used for.
            fn scopes(self, scopes: GroupScopes) {
                self.body.scopes = Some(scopes);
            }
        }
        request(self, req) {
            check_body_id(Self::OPERATION.id, "id", &self.body.id)?;
            req.json(&self.body)
        }
    }

    /// Lists the project's groups, one page at a time.
    GetGroups {
        "get-groups", GET "/groups", None -> Json Page<Group>;
        query ["limit", "startingAfter"];
        fn get_groups();
        struct {
            limit: Option<u32> = None,
            starting_after: Option<Cursor> = None,
        }
        set {
            /// Page size, 1 to 100 (server default 20).
            fn limit(self, limit: u32) {
                self.limit = Some(limit);
            }
            /// The page after this cursor (a previous page's `next_cursor`).
            fn starting_after(self, cursor: Cursor) {
                self.starting_after = Some(cursor);
            }
        }
        pages Group, starting_after;
        request(self, req) {
            if let Some(limit) = self.limit {
                check_range("limit", limit, 1, 100)?;
            }
            req.query_opt("limit", self.limit)
                .query_opt("startingAfter", self.starting_after.as_ref())
        }
    }

    /// Reads a group.
    GetGroup {
        "get-group", GET "/groups/{groupId}", None -> Json Group;
        fn get_group(group_id: impl Into<String>);
        struct { group_id: String = group_id.into() }
        path ["groupId" = group_id];
    }

    /// Deletes a group.
    DeleteGroup {
        "delete-group", DELETE "/groups/{groupId}", None -> None ();
        fn delete_group(group_id: impl Into<String>);
        struct { group_id: String = group_id.into() }
        path ["groupId" = group_id];
    }

    /// Adds users to a group; returns the group as it is now.
    AddGroupMembers {
        "add-group-members", POST "/groups/{groupId}/add-members", Json -> Json Group;
        fn add_group_members(
            group_id: impl Into<String>,
            member_ids: impl IntoIterator<Item = impl Into<String>>,
        );
        struct {
            group_id: String = group_id.into(),
            body: AddGroupMembersRequestBody = AddGroupMembersRequestBody {
                member_ids: member_ids.into_iter().map(Into::into).collect(),
            },
        }
        path ["groupId" = group_id];
        request(self, req) {
            check_members(Self::OPERATION.id, &self.body.member_ids)?;
            req.json(&self.body)
        }
    }

    /// Removes users from a group; returns the group as it is now.
    RemoveGroupMembers {
        "remove-group-members", POST "/groups/{groupId}/remove-members", Json -> Json Group;
        fn remove_group_members(
            group_id: impl Into<String>,
            member_ids: impl IntoIterator<Item = impl Into<String>>,
        );
        struct {
            group_id: String = group_id.into(),
            body: RemoveGroupMembersRequestBody = RemoveGroupMembersRequestBody {
                member_ids: member_ids.into_iter().map(Into::into).collect(),
            },
        }
        path ["groupId" = group_id];
        request(self, req) {
            check_members(Self::OPERATION.id, &self.body.member_ids)?;
            req.json(&self.body)
        }
    }

    /// Lists the groups a user belongs to, one page at a time.
    GetUserGroups {
        "get-user-groups", GET "/users/{userId}/groups", None -> Json Page<Group>;
        query ["limit", "startingAfter"];
        fn get_user_groups(user_id: impl Into<String>);
        struct {
            user_id: String = user_id.into(),
            limit: Option<u32> = None,
            starting_after: Option<Cursor> = None,
        }
        set {
            /// Page size, 1 to 100 (server default 20).
            fn limit(self, limit: u32) {
                self.limit = Some(limit);
            }
            /// The page after this cursor (a previous page's `next_cursor`).
            fn starting_after(self, cursor: Cursor) {
                self.starting_after = Some(cursor);
            }
        }
        pages Group, starting_after;
        path ["userId" = user_id];
        request(self, req) {
            if let Some(limit) = self.limit {
                check_range("limit", limit, 1, 100)?;
            }
            req.query_opt("limit", self.limit)
                .query_opt("startingAfter", self.starting_after.as_ref())
        }
    }
}

/// Rejects an empty member list: the server needs at least one user to add or remove.
fn check_members(operation: &str, member_ids: &[String]) -> Result<(), Error> {
    if member_ids.is_empty() {
        return Err(Error::invalid_input(format!(
            "`memberIds` must not be empty ({operation})"
        )));
    }
    Ok(())
}
