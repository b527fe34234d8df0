//! Rooms: list, create, read, update, delete, rename, move, prewarm; presence and broadcast.

use crate::declare::operations;
use crate::endpoint::{check_id, check_range};
use crate::error::Error;
use crate::models::rooms::{
    ActiveUsers, CreateRoomRequestBody, MetadataValue, NewRoom, Room, RoomPermission, RoomUpdate,
    SetPresenceRequestBody, StorageEngine, UpdateRoomIdRequestBody,
    UpdateRoomOrganizationIdRequestBody, UpsertRoomRequestBody, UserInfo,
};
use crate::models::{Cursor, Page};

operations! {
    /// Lists rooms, newest first, one page at a time.
    ///
    /// ```no_run
    /// # async fn run(client: liveblocks_core::Client<impl liveblocks_core::Transport + 'static>) -> Result<(), liveblocks_core::Error> {
    /// let page = client.get_rooms().limit(50).query(r#"roomId^"liveblocks:""#).await?;
    /// for room in &page.data {
    ///     println!("{}", room.id);
    /// }
    /// # Ok(()) }
    /// ```
    GetRooms {
        "get-rooms", GET "/rooms", None -> Json Page<Room>;
        query ["limit", "startingAfter", "organizationId", "query", "userId", "groupIds"];
        fn get_rooms();
        struct {
            limit: Option<u32> = None,
            starting_after: Option<Cursor> = None,
            organization_id: Option<String> = None,
            query: Option<String> = None,
            user_id: Option<String> = None,
            group_ids: Vec<String> = Vec::new(),
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
            /// Only rooms of this organization.
            fn organization_id(self, organization_id: impl Into<String>) {
                self.organization_id = Some(organization_id.into());
            }
            /// A filter in the rooms query language, e.g.
            /// `metadata["color"]:"blue" AND roomId^"liveblocks:"`.
            fn query(self, query: impl Into<String>) {
                self.query = Some(query.into());
            }
            /// Only rooms this user has access to.
            fn user_id(self, user_id: impl Into<String>) {
                self.user_id = Some(user_id.into());
            }
            /// Only rooms these groups have access to (combined with `user_id` by OR).
            fn group_ids(self, group_ids: impl IntoIterator<Item = impl Into<String>>) {
                self.group_ids = group_ids.into_iter().map(Into::into).collect();
            }
        }
        pages Room, starting_after;
        request(self, req) {
            if let Some(limit) = self.limit {
                check_range("limit", limit, 1, 100)?;
            }
            req.query_opt("limit", self.limit)
                .query_opt("startingAfter", self.starting_after.as_ref())
                .query_opt("organizationId", self.organization_id.as_ref())
                .query_opt("query", self.query.as_ref())
                .query_opt("userId", self.user_id.as_ref())
                .query_list("groupIds", &self.group_ids)
        }
    }

    /// Creates a room where everyone has `default_accesses` (pass `[]` for a private room).
    ///
    /// ```no_run
    /// # async fn run(client: liveblocks_core::Client<impl liveblocks_core::Transport + 'static>) -> Result<(), liveblocks_core::Error> {
    /// use liveblocks_core::models::rooms::RoomPermission;
    ///
    /// let room = client
    ///     .create_room("liveblocks:engineering", [RoomPermission::RoomWrite])
    ///     .metadata("color", "blue")
    ///     .await?;
    /// # Ok(()) }
    /// ```
    CreateRoom {
        "create-room", POST "/rooms", Json -> Json Room;
        query ["idempotent"];
        fn create_room(
            room_id: impl Into<String>,
            default_accesses: impl IntoIterator<Item = RoomPermission>,
        );
        struct {
            body: CreateRoomRequestBody = CreateRoomRequestBody {
                id: room_id.into(),
                room: NewRoom::new(default_accesses),
                engine: None,
            },
            idempotent: bool = false,
        }
        set {
            /// Puts the room in an organization.
            fn organization_id(self, organization_id: impl Into<String>) {
                self.body.room = self.body.room.organization_id(organization_id);
            }
            /// Gives a user permissions.
            fn user_access(
                self,
                user_id: impl Into<String>,
                permissions: impl IntoIterator<Item = RoomPermission>,
            ) {
                self.body.room = self.body.room.user_access(user_id, permissions);
            }
            /// Gives a group permissions.
            fn group_access(
                self,
                group_id: impl Into<String>,
                permissions: impl IntoIterator<Item = RoomPermission>,
            ) {
                self.body.room = self.body.room.group_access(group_id, permissions);
            }
            /// Sets one metadata key.
            fn metadata(self, key: impl Into<String>, value: impl Into<MetadataValue>) {
                self.body.room = self.body.room.metadata(key, value);
            }
            /// Replaces all the room's settings at once.
            fn settings(self, room: NewRoom) {
                self.body.room = room;
            }
            /// Chooses the storage engine.
            fn engine(self, engine: StorageEngine) {
                self.body.engine = Some(engine);
            }
            /// When true, an existing room is returned unchanged instead of failing with 409
            /// ("get or create").
            fn idempotent(self, idempotent: bool) {
                self.idempotent = idempotent;
            }
        }
        request(self, req) {
            check_id("id", &self.body.id)?;
            req.flag("idempotent", self.idempotent).json(&self.body)
        }
    }

    /// Reads a room.
    GetRoom {
        "get-room", GET "/rooms/{roomId}", None -> Json Room;
        fn get_room(room_id: impl Into<String>);
        struct { room_id: String = room_id.into() }
        path ["roomId" = room_id];
    }

    /// Changes a room's accesses and metadata; only what you set is sent.
    UpdateRoom {
        "update-room", POST "/rooms/{roomId}", Json -> Json Room;
        fn update_room(room_id: impl Into<String>);
        struct {
            room_id: String = room_id.into(),
            update: RoomUpdate = RoomUpdate::new(),
        }
        set {
            /// Replaces what everyone may do.
            fn default_accesses(self, permissions: impl IntoIterator<Item = RoomPermission>) {
                self.update = self.update.default_accesses(permissions);
            }
            /// Resets what everyone may do (sends `null`).
            fn reset_default_accesses(self) {
                self.update = self.update.reset_default_accesses();
            }
            /// Sets a user's permissions.
            fn user_access(
                self,
                user_id: impl Into<String>,
                permissions: impl IntoIterator<Item = RoomPermission>,
            ) {
                self.update = self.update.user_access(user_id, permissions);
            }
            /// Removes a user's entry (sends `null`).
            fn remove_user_access(self, user_id: impl Into<String>) {
                self.update = self.update.remove_user_access(user_id);
            }
            /// Sets a group's permissions.
            fn group_access(
                self,
                group_id: impl Into<String>,
                permissions: impl IntoIterator<Item = RoomPermission>,
            ) {
                self.update = self.update.group_access(group_id, permissions);
            }
            /// Removes a group's entry (sends `null`).
            fn remove_group_access(self, group_id: impl Into<String>) {
                self.update = self.update.remove_group_access(group_id);
            }
            /// Sets one metadata key.
            fn metadata(self, key: impl Into<String>, value: impl Into<MetadataValue>) {
                self.update = self.update.metadata(key, value);
            }
            /// Removes one metadata key (sends `null`).
            fn remove_metadata(self, key: impl Into<String>) {
                self.update = self.update.remove_metadata(key);
            }
            /// Replaces all the changes at once.
            fn changes(self, update: RoomUpdate) {
                self.update = update;
            }
        }
        path ["roomId" = room_id];
        request(self, req) {
            req.json(&self.update)
        }
    }

    /// Deletes a room and everything in it. Deleting a room that does not exist succeeds.
    DeleteRoom {
        "delete-room", DELETE "/rooms/{roomId}", None -> None ();
        fn delete_room(room_id: impl Into<String>);
        struct { room_id: String = room_id.into() }
        path ["roomId" = room_id];
    }

    /// Loads a room into memory ahead of expected use.
    PrewarmRoom {
        "prewarm-room", GET "/rooms/{roomId}/prewarm", None -> None ();
        fn prewarm_room(room_id: impl Into<String>);
        struct { room_id: String = room_id.into() }
        path ["roomId" = room_id];
    }

    /// Applies `update` to a room, creating it first (see [`UpsertRoom::create`]) if needed.
    UpsertRoom {
        "upsert-room", POST "/rooms/{roomId}/upsert", Json -> Json Room;
        fn upsert_room(room_id: impl Into<String>, update: RoomUpdate);
        struct {
            room_id: String = room_id.into(),
            body: UpsertRoomRequestBody = UpsertRoomRequestBody { update, create: None },
        }
        set {
            /// The settings used if the room has to be created.
            fn create(self, room: NewRoom) {
                self.body.create = Some(room);
            }
        }
        path ["roomId" = room_id];
        request(self, req) {
            req.json(&self.body)
        }
    }

    /// Renames a room.
    UpdateRoomId {
        "update-room-id", POST "/rooms/{roomId}/update-room-id", Json -> Json Room;
        fn update_room_id(room_id: impl Into<String>, new_room_id: impl Into<String>);
        struct {
            room_id: String = room_id.into(),
            body: UpdateRoomIdRequestBody = UpdateRoomIdRequestBody {
                new_room_id: new_room_id.into(),
            },
        }
        path ["roomId" = room_id];
        request(self, req) {
            check_id("newRoomId", &self.body.new_room_id)?;
            req.json(&self.body)
        }
    }

    /// Moves a room from one organization to another.
    UpdateRoomOrganizationId {
        "update-room-organization-id", POST "/rooms/{roomId}/update-organization-id",
            Json -> Json Room;
        fn update_room_organization_id(
            room_id: impl Into<String>,
            from_organization_id: impl Into<String>,
            to_organization_id: impl Into<String>,
        );
        struct {
            room_id: String = room_id.into(),
            body: UpdateRoomOrganizationIdRequestBody = UpdateRoomOrganizationIdRequestBody {
                from_organization_id: from_organization_id.into(),
                to_organization_id: to_organization_id.into(),
            },
        }
        path ["roomId" = room_id];
        request(self, req) {
            if self.body.from_organization_id.is_empty() || self.body.to_organization_id.is_empty() {
                return Err(Error::invalid_input(
                    "organization IDs must not be empty (update-room-organization-id)",
                ));
            }
            req.json(&self.body)
        }
    }

    /// Lists the users connected to a room right now.
    GetActiveUsers {
        "get-active-users", GET "/rooms/{roomId}/active-users", None -> Json ActiveUsers;
        fn get_active_users(room_id: impl Into<String>);
        struct { room_id: String = room_id.into() }
        path ["roomId" = room_id];
    }

    /// Sets a user's presence in a room from the server; `data` must be a JSON object.
    SetPresence {
        "set-presence", POST "/rooms/{roomId}/presence", Json -> None ();
        fn set_presence(
            room_id: impl Into<String>,
            user_id: impl Into<String>,
            data: serde_json::Value,
        );
        struct {
            room_id: String = room_id.into(),
            body: SetPresenceRequestBody = SetPresenceRequestBody {
                user_id: user_id.into(),
                data,
                user_info: UserInfo::default(),
                ttl: None,
            },
        }
        set {
            /// The user's name, avatar, color and other info.
            fn user_info(self, user_info: UserInfo) {
                self.body.user_info = user_info;
            }
            /// How long the presence lasts, 2 to 3599 seconds.
            fn ttl(self, seconds: u32) {
                self.body.ttl = Some(seconds);
            }
        }
        path ["roomId" = room_id];
        request(self, req) {
            if !self.body.data.is_object() {
                return Err(Error::invalid_input(
                    "presence `data` must be a JSON object (set-presence)",
                ));
            }
            if let Some(ttl) = self.body.ttl {
                check_range("ttl", ttl, 2, 3599)?;
            }
            req.json(&self.body)
        }
    }

    /// Sends `event` (any JSON value) to everyone connected to a room.
    BroadcastEvent {
        "broadcast-event", POST "/rooms/{roomId}/broadcast-event", Json -> None ();
        fn broadcast_event(room_id: impl Into<String>, event: serde_json::Value);
        struct {
            room_id: String = room_id.into(),
            event: serde_json::Value = event,
        }
        path ["roomId" = room_id];
        request(self, req) {
            req.json(&self.event)
        }
    }
}
