//! Rooms: the exercises of the `rooms` domain.

use liveblocks_core::models::rooms::{
    NewRoom, Room, RoomPermission, RoomUpdate, StorageEngine, UserInfo,
};
use serde_json::json;

use super::examples::{cursor, expect_status, single, text, ts, CURSOR, ORG, ROOM, USER};
use crate::harness::{ensure_eq, Failure, Mode, Session};

use RoomPermission::AllWrite;

/// Checks every field of the spec's `Room` example.
fn ensure_example_room(room: &Room) -> Result<(), Failure> {
    ensure_eq("id", room.id.as_str(), ROOM)?;
    ensure_eq("type", room.object_type.as_str(), "room")?;
    ensure_eq("organizationId", room.organization_id.as_str(), ORG)?;
    ensure_eq("createdAt", room.created_at, ts("2022-07-13T14:32:50.697Z"))?;
    ensure_eq(
        "lastConnectionAt",
        room.last_connection_at,
        Some(ts("2022-08-04T21:07:09.380Z")),
    )?;
    ensure_eq(
        "metadata.color",
        room.metadata.get("color"),
        Some(&text("blue")),
    )?;
    ensure_eq(
        "metadata.type",
        room.metadata.get("type"),
        Some(&text("whiteboard")),
    )?;
    ensure_eq(
        "defaultAccesses",
        room.default_accesses.as_slice(),
        &[AllWrite],
    )?;
    ensure_eq(
        "groupsAccesses.marketing",
        room.groups_accesses.get("marketing").map(Vec::as_slice),
        Some(&[AllWrite][..]),
    )?;
    ensure_eq(
        "usersAccesses.alice",
        room.users_accesses.get(USER).map(Vec::as_slice),
        Some(&[AllWrite][..]),
    )
}

/// Runs the exercise of `op`, an operation of this domain.
pub async fn exercise(s: &Session, op: &str, mode: Mode) -> Result<(), Failure> {
    let c = &s.app;
    match op {
        "get-rooms" => {
            let page = s
                .fetch(
                    c.get_rooms()
                        .limit(20)
                        .starting_after(cursor())
                        .organization_id(ORG)
                        .query(r#"metadata["roomType"]:"whiteboard" AND roomId^"liveblocks:engineering""#)
                        .user_id("user-123")
                        .group_ids(["group1", "group2"]),
                )
                .await?;
            mode.check(|| {
                single(&page, Some(CURSOR))?;
                let room = &page.data[0];
                ensure_eq("id", room.id.as_str(), ROOM)?;
                ensure_eq("createdAt", room.created_at, ts("2022-08-08T23:23:15.281Z"))?;
                ensure_eq(
                    "lastConnectionAt",
                    room.last_connection_at,
                    Some(ts("2022-08-08T23:23:15.281Z")),
                )?;
                ensure_eq(
                    "metadata.color",
                    room.metadata.get("color"),
                    Some(&text("blue")),
                )?;
                ensure_eq(
                    "groupsAccesses.product",
                    room.groups_accesses.get("product").map(Vec::as_slice),
                    Some(&[AllWrite][..]),
                )?;
                ensure_eq(
                    "usersAccesses.alice",
                    room.users_accesses.get(USER).map(Vec::as_slice),
                    Some(&[AllWrite][..]),
                )
            })
        }
        "create-room" => {
            let room = s
                .fetch(
                    c.create_room(ROOM, [AllWrite])
                        .organization_id(ORG)
                        .user_access(USER, [RoomPermission::RoomWrite])
                        .group_access("product", [RoomPermission::CommentsWrite])
                        .metadata("color", "blue")
                        .metadata("tags", ["a", "b"])
                        .engine(StorageEngine::V2)
                        .idempotent(true),
                )
                .await?;
            let minimal = s.fetch(c.create_room(ROOM, [])).await?;
            mode.check(|| {
                ensure_example_room(&room)?;
                ensure_example_room(&minimal)
            })
        }
        "get-room" => {
            // A room ID with characters that must be percent-encoded in a path segment.
            let room = s.fetch(c.get_room("liveblocks:engineering/α #1")).await?;
            mode.check(|| ensure_example_room(&room))
        }
        "update-room" => {
            let room = s
                .fetch(
                    c.update_room(ROOM)
                        .default_accesses([RoomPermission::RoomRead])
                        .user_access("vinod", [AllWrite])
                        .remove_user_access("bob")
                        .group_access("marketing", [AllWrite])
                        .remove_group_access("sales")
                        .metadata("color", "blue")
                        .metadata("target", ["abc", "def"])
                        .remove_metadata("old"),
                )
                .await?;
            // `defaultAccesses: null` resets them: the other tri-state.
            let reset = s
                .fetch(c.update_room(ROOM).reset_default_accesses())
                .await?;
            let empty = s.fetch(c.update_room(ROOM)).await?;
            mode.check(|| {
                ensure_example_room(&room)?;
                ensure_example_room(&reset)?;
                ensure_example_room(&empty)
            })
        }
        "delete-room" => {
            s.fetch(c.delete_room(ROOM)).await?;
            mode.check(|| expect_status(s, 204))
        }
        "prewarm-room" => {
            s.fetch(c.prewarm_room(ROOM)).await?;
            mode.check(|| expect_status(s, 204))
        }
        "upsert-room" => {
            let update = RoomUpdate::new()
                .user_access(USER, [AllWrite])
                .remove_user_access("bob")
                .group_access("marketing", [AllWrite])
                .metadata("color", "blue")
                .remove_metadata("old");
            let create = NewRoom::new([AllWrite])
                .organization_id(ORG)
                .user_access("vinod", [AllWrite])
                .group_access("product", [AllWrite])
                .metadata("size", "10");
            let room = s.fetch(c.upsert_room(ROOM, update).create(create)).await?;
            let minimal = s.fetch(c.upsert_room(ROOM, RoomUpdate::new())).await?;
            mode.check(|| {
                ensure_example_room(&room)?;
                ensure_example_room(&minimal)
            })
        }
        "update-room-id" => {
            let room = s.fetch(c.update_room_id(ROOM, "new-room-id")).await?;
            // Prism answers with the Room example, not the renamed room.
            mode.check(|| ensure_example_room(&room))
        }
        "update-room-organization-id" => {
            let room = s
                .fetch(c.update_room_organization_id(ROOM, ORG, "org_987654321"))
                .await?;
            mode.check(|| ensure_example_room(&room))
        }
        "get-active-users" => {
            let users = s.fetch(c.get_active_users(ROOM)).await?;
            mode.check(|| {
                let got: Vec<(&str, Option<&str>, i64, bool)> = users
                    .data
                    .iter()
                    .map(|u| {
                        (
                            u.object_type.as_str(),
                            u.id.as_deref(),
                            u.connection_id,
                            u.info.is_empty(),
                        )
                    })
                    .collect();
                ensure_eq(
                    "users",
                    got,
                    vec![
                        ("user", Some(USER), 16, true),
                        ("user", Some("bob"), 20, true),
                    ],
                )
            })
        }
        "set-presence" => {
            let info = UserInfo::new()
                .name("AI Assistant")
                .avatar("https://example.org/images/agent123.jpg")
                .color("#ff0000")
                .extra("role", "agent");
            s.fetch(
                c.set_presence(
                    ROOM,
                    "agent-123",
                    json!({"status": "active", "cursor": {"x": 100, "y": 200}}),
                )
                .user_info(info)
                .ttl(60),
            )
            .await?;
            s.fetch(c.set_presence(ROOM, "agent-123", json!({})))
                .await?;
            mode.check(|| expect_status(s, 204))
        }
        "broadcast-event" => {
            s.fetch(c.broadcast_event(ROOM, json!({"type": "EMOJI", "emoji": "🔥"})))
                .await?;
            mode.check(|| expect_status(s, 204))
        }
        other => Err(Failure::Check(format!("no exercise for operation {other}"))),
    }
}
