//! Groups.

use liveblocks_core::models::groups::*;
use liveblocks_core::models::Page;

use super::Registry;

pub fn register(r: &mut Registry) {
    r.schema::<Group>("Group");
    r.schema::<GroupMember>("GroupMember");
    r.schema::<CreateGroupRequestBody>("CreateGroupRequestBody");
    r.schema::<AddGroupMembersRequestBody>("AddGroupMembersRequestBody");
    r.schema::<RemoveGroupMembersRequestBody>("RemoveGroupMembersRequestBody");
    r.schema::<Page<Group>>("GetGroupsResponse");
    r.schema::<Page<Group>>("GetUserGroupsResponse");
}
