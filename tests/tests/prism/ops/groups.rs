//! Groups: the exercises of the `groups` domain.

use liveblocks_core::models::groups::{Group, GroupScopes};

use super::examples::{cursor, expect_status, single, ts, GROUP, ORG, USER};
use crate::harness::{ensure_eq, Failure, Mode, Session};

/// The `Group` example; `members` lists the IDs it has (the list examples have one).
fn ensure_example_group(group: &Group, members: &[&str]) -> Result<(), Failure> {
    ensure_eq("type", group.object_type.as_str(), "group")?;
    ensure_eq("id", group.id.as_str(), GROUP)?;
    ensure_eq("organizationId", group.organization_id.as_str(), ORG)?;
    ensure_eq(
        "createdAt",
        group.created_at,
        ts("2024-01-15T10:30:00.000Z"),
    )?;
    ensure_eq(
        "updatedAt",
        group.updated_at,
        ts("2024-01-15T10:30:00.000Z"),
    )?;
    ensure_eq("scopes.mention", group.scopes.mention, Some(true))?;
    let got: Vec<&str> = group.members.iter().map(|m| m.id.as_str()).collect();
    ensure_eq("members", got.as_slice(), members)?;
    ensure_eq(
        "members[0].addedAt",
        group.members.first().map(|m| m.added_at),
        Some(ts("2024-01-15T10:30:00.000Z")),
    )?;
    if members.len() > 1 {
        ensure_eq(
            "members[1].addedAt",
            group.members[1].added_at,
            ts("2024-01-16T09:00:00.000Z"),
        )?;
    }
    Ok(())
}

/// Runs the exercise of `op`, an operation of this domain.
pub async fn exercise(s: &Session, op: &str, mode: Mode) -> Result<(), Failure> {
    let c = &s.app;
    match op {
        "create-group" => {
            let group = s
                .fetch(
                    c.create_group(GROUP)
                        .member_ids([USER, "bob"])
                        .organization_id(ORG)
                        .scopes(GroupScopes::new().mention()),
                )
                .await?;
            let minimal = s.fetch(c.create_group("design")).await?;
            mode.check(|| {
                ensure_example_group(&group, &[USER, "bob"])?;
                ensure_example_group(&minimal, &[USER, "bob"])
            })
        }
        "get-groups" => {
            let page = s
                .fetch(c.get_groups().limit(100).starting_after(cursor()))
                .await?;
            mode.check(|| {
                single(&page, None)?;
                ensure_example_group(&page.data[0], &[USER])
            })
        }
        "get-group" => {
            let group = s.fetch(c.get_group(GROUP)).await?;
            mode.check(|| ensure_example_group(&group, &[USER, "bob"]))
        }
        "delete-group" => {
            s.fetch(c.delete_group(GROUP)).await?;
            mode.check(|| expect_status(s, 204))
        }
        "add-group-members" => {
            let group = s
                .fetch(c.add_group_members(GROUP, ["charlie", "dave"]))
                .await?;
            mode.check(|| ensure_example_group(&group, &[USER, "bob"]))
        }
        "remove-group-members" => {
            let group = s.fetch(c.remove_group_members(GROUP, ["charlie"])).await?;
            mode.check(|| ensure_example_group(&group, &[USER, "bob"]))
        }
        "get-user-groups" => {
            let page = s
                .fetch(c.get_user_groups(USER).limit(1).starting_after(cursor()))
                .await?;
            mode.check(|| {
                single(&page, None)?;
                ensure_example_group(&page.data[0], &[USER])
            })
        }
        other => Err(Failure::Check(format!("no exercise for operation {other}"))),
    }
}
