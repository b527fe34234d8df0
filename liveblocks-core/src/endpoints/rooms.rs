//! Rooms: list, create, read, update, delete, rename, move, prewarm; presence and broadcast.

use http::Method;

use crate::client::{call_setters, Call, Client};
use crate::config::Config;
use crate::endpoint::{
    check_not_empty, check_range, decode_json, ignore_body, op, path_endpoint, BodyKind, Endpoint,
    Operation, RequestBuilder,
};
use crate::error::Error;
use crate::models::rooms::{
    ActiveUsers, CreateRoomRequestBody, MetadataValue, NewRoom, Room, RoomPermission, RoomUpdate,
    SetPresenceRequestBody, StorageEngine, UpdateRoomIdRequestBody,
    UpdateRoomOrganizationIdRequestBody, UpsertRoomRequestBody, UserInfo,
};
use crate::models::{Cursor, Page};
use crate::pagination::Paginated;
use crate::transport::{HttpRequest, HttpResponse};

/// Every operation of this domain.
pub const OPERATIONS: &[Operation] = &[
    GetRooms::OPERATION,
    CreateRoom::OPERATION,
    GetRoom::OPERATION,
    UpdateRoom::OPERATION,
    DeleteRoom::OPERATION,
    PrewarmRoom::OPERATION,
    UpsertRoom::OPERATION,
    UpdateRoomId::OPERATION,
    UpdateRoomOrganizationId::OPERATION,
    GetActiveUsers::OPERATION,
    SetPresence::OPERATION,
    BroadcastEvent::OPERATION,
];

/// Lists rooms, newest first, one page at a time (`GET /v2/rooms`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GetRooms {
    limit: Option<u32>,
    starting_after: Option<Cursor>,
    organization_id: Option<String>,
    query: Option<String>,
    user_id: Option<String>,
    group_ids: Vec<String>,
}

impl GetRooms {
    /// The first page of all rooms.
    pub fn new() -> Self {
        Self::default()
    }

    /// Page size, 1 to 100 (server default 20).
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    /// The page after this cursor (a previous page's `next_cursor`).
    pub fn starting_after(mut self, cursor: Cursor) -> Self {
        self.starting_after = Some(cursor);
        self
    }

    /// Only rooms of this organization.
    pub fn organization_id(mut self, organization_id: impl Into<String>) -> Self {
        self.organization_id = Some(organization_id.into());
        self
    }

    /// A filter in the rooms query language, e.g.
    /// `metadata["color"]:"blue" AND roomId^"liveblocks:"`.
    pub fn query(mut self, query: impl Into<String>) -> Self {
        self.query = Some(query.into());
        self
    }

    /// Only rooms this user has access to.
    pub fn user_id(mut self, user_id: impl Into<String>) -> Self {
        self.user_id = Some(user_id.into());
        self
    }

    /// Only rooms these groups have access to (combined with `user_id` by OR).
    pub fn group_ids(mut self, group_ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.group_ids = group_ids.into_iter().map(Into::into).collect();
        self
    }
}

call_setters!(GetRooms {
    limit(limit: u32),
    starting_after(cursor: Cursor),
    organization_id(organization_id: impl Into<String>),
    query(query: impl Into<String>),
    user_id(user_id: impl Into<String>),
    group_ids(group_ids: impl IntoIterator<Item = impl Into<String>>),
});

impl Endpoint for GetRooms {
    type Output = Page<Room>;
    const OPERATION: Operation = op(
        "get-rooms",
        Method::GET,
        "/rooms",
        &[
            "limit",
            "startingAfter",
            "organizationId",
            "query",
            "userId",
            "groupIds",
        ],
        BodyKind::None,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        if let Some(limit) = self.limit {
            check_range("limit", limit, 1, 100)?;
        }
        let group_ids = (!self.group_ids.is_empty()).then(|| self.group_ids.join(","));
        RequestBuilder::new(config, &Self::OPERATION)
            .query_opt("limit", self.limit)
            .query_opt("startingAfter", self.starting_after.as_ref())
            .query_opt("organizationId", self.organization_id.as_ref())
            .query_opt("query", self.query.as_ref())
            .query_opt("userId", self.user_id.as_ref())
            .query_opt("groupIds", group_ids)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

impl Paginated for GetRooms {
    type Item = Room;

    fn after(self, cursor: Cursor) -> Self {
        self.starting_after(cursor)
    }
}

/// Creates a room (`POST /v2/rooms`).
#[derive(Debug, Clone, PartialEq)]
pub struct CreateRoom {
    body: CreateRoomRequestBody,
    idempotent: bool,
}

impl CreateRoom {
    /// A room `id` where everyone has `default_accesses` (pass `[]` for a private room).
    pub fn new(
        id: impl Into<String>,
        default_accesses: impl IntoIterator<Item = RoomPermission>,
    ) -> Self {
        Self::from_settings(id, NewRoom::new(default_accesses))
    }

    /// A room `id` with all its settings at once.
    pub fn from_settings(id: impl Into<String>, room: NewRoom) -> Self {
        CreateRoom {
            body: CreateRoomRequestBody {
                id: id.into(),
                room,
                engine: None,
            },
            idempotent: false,
        }
    }

    /// Puts the room in an organization.
    pub fn organization_id(self, organization_id: impl Into<String>) -> Self {
        self.with_room(|r| r.organization_id(organization_id))
    }

    /// Gives a user permissions.
    pub fn user_access(
        self,
        user_id: impl Into<String>,
        permissions: impl IntoIterator<Item = RoomPermission>,
    ) -> Self {
        self.with_room(|r| r.user_access(user_id, permissions))
    }

    /// Gives a group permissions.
    pub fn group_access(
        self,
        group_id: impl Into<String>,
        permissions: impl IntoIterator<Item = RoomPermission>,
    ) -> Self {
        self.with_room(|r| r.group_access(group_id, permissions))
    }

    /// Sets one metadata key.
    pub fn metadata(self, key: impl Into<String>, value: impl Into<MetadataValue>) -> Self {
        self.with_room(|r| r.metadata(key, value))
    }

    /// Chooses the storage engine.
    pub fn engine(mut self, engine: StorageEngine) -> Self {
        self.body.engine = Some(engine);
        self
    }

    /// When true, an existing room is returned unchanged instead of failing with 409
    /// ("get or create").
    pub fn idempotent(mut self, idempotent: bool) -> Self {
        self.idempotent = idempotent;
        self
    }

    fn with_room(mut self, f: impl FnOnce(NewRoom) -> NewRoom) -> Self {
        self.body.room = f(self.body.room);
        self
    }
}

call_setters!(CreateRoom {
    organization_id(organization_id: impl Into<String>),
    user_access(user_id: impl Into<String>, permissions: impl IntoIterator<Item = RoomPermission>),
    group_access(group_id: impl Into<String>, permissions: impl IntoIterator<Item = RoomPermission>),
    metadata(key: impl Into<String>, value: impl Into<MetadataValue>),
    engine(engine: StorageEngine),
    idempotent(idempotent: bool),
});

impl Endpoint for CreateRoom {
    type Output = Room;
    const OPERATION: Operation = op(
        "create-room",
        Method::POST,
        "/rooms",
        &["idempotent"],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        check_not_empty(Self::OPERATION.id, "id", &self.body.id)?;
        RequestBuilder::new(config, &Self::OPERATION)
            .flag("idempotent", self.idempotent)
            .json(&self.body)?
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

path_endpoint!(
    /// Reads a room (`GET /v2/rooms/{roomId}`).
    GetRoom, "get-room", GET, "/rooms/{roomId}",
    Json, Room, decode_json,
    /// The endpoint for this room.
    new(room_id = "roomId")
);
path_endpoint!(
    /// Deletes a room and everything in it (`DELETE /v2/rooms/{roomId}`). Deleting a room
    /// that does not exist succeeds.
    DeleteRoom, "delete-room", DELETE, "/rooms/{roomId}",
    None, (), ignore_body,
    /// The endpoint for this room.
    new(room_id = "roomId")
);
path_endpoint!(
    /// Loads a room into memory ahead of expected use (`GET /v2/rooms/{roomId}/prewarm`).
    PrewarmRoom, "prewarm-room", GET, "/rooms/{roomId}/prewarm",
    None, (), ignore_body,
    /// The endpoint for this room.
    new(room_id = "roomId")
);
path_endpoint!(
    /// Lists the users connected to a room (`GET /v2/rooms/{roomId}/active-users`).
    GetActiveUsers, "get-active-users", GET, "/rooms/{roomId}/active-users",
    Json, ActiveUsers, decode_json,
    /// The endpoint for this room.
    new(room_id = "roomId")
);

/// Changes a room's accesses and metadata (`POST /v2/rooms/{roomId}`).
#[derive(Debug, Clone, PartialEq)]
pub struct UpdateRoom {
    room_id: String,
    update: RoomUpdate,
}

impl UpdateRoom {
    /// An update of `room_id` that changes nothing yet.
    pub fn new(room_id: impl Into<String>) -> Self {
        Self::from_update(room_id, RoomUpdate::new())
    }

    /// An update of `room_id` with all its changes at once.
    pub fn from_update(room_id: impl Into<String>, update: RoomUpdate) -> Self {
        UpdateRoom {
            room_id: room_id.into(),
            update,
        }
    }

    /// Replaces what everyone may do.
    pub fn default_accesses(self, permissions: impl IntoIterator<Item = RoomPermission>) -> Self {
        self.with_update(|u| u.default_accesses(permissions))
    }

    /// Resets what everyone may do (sends `null`).
    pub fn reset_default_accesses(self) -> Self {
        self.with_update(RoomUpdate::reset_default_accesses)
    }

    /// Sets a user's permissions.
    pub fn user_access(
        self,
        user_id: impl Into<String>,
        permissions: impl IntoIterator<Item = RoomPermission>,
    ) -> Self {
        self.with_update(|u| u.user_access(user_id, permissions))
    }

    /// Removes a user's entry (sends `null`).
    pub fn remove_user_access(self, user_id: impl Into<String>) -> Self {
        self.with_update(|u| u.remove_user_access(user_id))
    }

    /// Sets a group's permissions.
    pub fn group_access(
        self,
        group_id: impl Into<String>,
        permissions: impl IntoIterator<Item = RoomPermission>,
    ) -> Self {
        self.with_update(|u| u.group_access(group_id, permissions))
    }

    /// Removes a group's entry (sends `null`).
    pub fn remove_group_access(self, group_id: impl Into<String>) -> Self {
        self.with_update(|u| u.remove_group_access(group_id))
    }

    /// Sets one metadata key.
    pub fn metadata(self, key: impl Into<String>, value: impl Into<MetadataValue>) -> Self {
        self.with_update(|u| u.metadata(key, value))
    }

    /// Removes one metadata key (sends `null`).
    pub fn remove_metadata(self, key: impl Into<String>) -> Self {
        self.with_update(|u| u.remove_metadata(key))
    }

    fn with_update(mut self, f: impl FnOnce(RoomUpdate) -> RoomUpdate) -> Self {
        self.update = f(self.update);
        self
    }
}

call_setters!(UpdateRoom {
    default_accesses(permissions: impl IntoIterator<Item = RoomPermission>),
    reset_default_accesses(),
    user_access(user_id: impl Into<String>, permissions: impl IntoIterator<Item = RoomPermission>),
    group_access(group_id: impl Into<String>, permissions: impl IntoIterator<Item = RoomPermission>),
    remove_user_access(user_id: impl Into<String>),
    remove_group_access(group_id: impl Into<String>),
    metadata(key: impl Into<String>, value: impl Into<MetadataValue>),
    remove_metadata(key: impl Into<String>),
});

impl Endpoint for UpdateRoom {
    type Output = Room;
    const OPERATION: Operation = op(
        "update-room",
        Method::POST,
        "/rooms/{roomId}",
        &[],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("roomId", &self.room_id)?
            .json(&self.update)?
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

/// Updates a room, creating it first if needed (`POST /v2/rooms/{roomId}/upsert`).
#[derive(Debug, Clone, PartialEq)]
pub struct UpsertRoom {
    room_id: String,
    body: UpsertRoomRequestBody,
}

impl UpsertRoom {
    /// Applies `update` to `room_id`, creating the room first if it does not exist.
    pub fn new(room_id: impl Into<String>, update: RoomUpdate) -> Self {
        UpsertRoom {
            room_id: room_id.into(),
            body: UpsertRoomRequestBody {
                update,
                create: None,
            },
        }
    }

    /// The settings used if the room has to be created.
    pub fn create(mut self, room: NewRoom) -> Self {
        self.body.create = Some(room);
        self
    }
}

call_setters!(UpsertRoom { create(room: NewRoom) });

impl Endpoint for UpsertRoom {
    type Output = Room;
    const OPERATION: Operation = op(
        "upsert-room",
        Method::POST,
        "/rooms/{roomId}/upsert",
        &[],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("roomId", &self.room_id)?
            .json(&self.body)?
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

/// Renames a room (`POST /v2/rooms/{roomId}/update-room-id`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateRoomId {
    room_id: String,
    new_room_id: String,
}

impl UpdateRoomId {
    /// Renames `room_id` to `new_room_id`.
    pub fn new(room_id: impl Into<String>, new_room_id: impl Into<String>) -> Self {
        UpdateRoomId {
            room_id: room_id.into(),
            new_room_id: new_room_id.into(),
        }
    }
}

impl Endpoint for UpdateRoomId {
    type Output = Room;
    const OPERATION: Operation = op(
        "update-room-id",
        Method::POST,
        "/rooms/{roomId}/update-room-id",
        &[],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        check_not_empty(Self::OPERATION.id, "newRoomId", &self.new_room_id)?;
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("roomId", &self.room_id)?
            .json(&UpdateRoomIdRequestBody {
                new_room_id: self.new_room_id.clone(),
            })?
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

/// Moves a room to another organization (`POST /v2/rooms/{roomId}/update-organization-id`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateRoomOrganizationId {
    room_id: String,
    from_organization_id: String,
    to_organization_id: String,
}

impl UpdateRoomOrganizationId {
    /// Moves `room_id` from one organization to another.
    pub fn new(
        room_id: impl Into<String>,
        from_organization_id: impl Into<String>,
        to_organization_id: impl Into<String>,
    ) -> Self {
        UpdateRoomOrganizationId {
            room_id: room_id.into(),
            from_organization_id: from_organization_id.into(),
            to_organization_id: to_organization_id.into(),
        }
    }
}

impl Endpoint for UpdateRoomOrganizationId {
    type Output = Room;
    const OPERATION: Operation = op(
        "update-room-organization-id",
        Method::POST,
        "/rooms/{roomId}/update-organization-id",
        &[],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        if self.from_organization_id.is_empty() || self.to_organization_id.is_empty() {
            return Err(Error::invalid_input(
                "organization IDs must not be empty (update-room-organization-id)",
            ));
        }
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("roomId", &self.room_id)?
            .json(&UpdateRoomOrganizationIdRequestBody {
                from_organization_id: self.from_organization_id.clone(),
                to_organization_id: self.to_organization_id.clone(),
            })?
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

/// Sets a user's presence in a room from the server (`POST /v2/rooms/{roomId}/presence`).
#[derive(Debug, Clone, PartialEq)]
pub struct SetPresence {
    room_id: String,
    body: SetPresenceRequestBody,
}

impl SetPresence {
    /// Sets `user_id`'s presence to `data`, which must be a JSON object.
    pub fn new(
        room_id: impl Into<String>,
        user_id: impl Into<String>,
        data: serde_json::Value,
    ) -> Self {
        SetPresence {
            room_id: room_id.into(),
            body: SetPresenceRequestBody {
                user_id: user_id.into(),
                data,
                user_info: UserInfo::default(),
                ttl: None,
            },
        }
    }

    /// The user's name, avatar, color and other info.
    pub fn user_info(mut self, user_info: UserInfo) -> Self {
        self.body.user_info = user_info;
        self
    }

    /// How long the presence lasts, 2 to 3599 seconds.
    pub fn ttl(mut self, seconds: u32) -> Self {
        self.body.ttl = Some(seconds);
        self
    }
}

call_setters!(SetPresence { user_info(user_info: UserInfo), ttl(seconds: u32) });

impl Endpoint for SetPresence {
    type Output = ();
    const OPERATION: Operation = op(
        "set-presence",
        Method::POST,
        "/rooms/{roomId}/presence",
        &[],
        BodyKind::Json,
        BodyKind::None,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        if !self.body.data.is_object() {
            return Err(Error::invalid_input(
                "presence `data` must be a JSON object (set-presence)",
            ));
        }
        if let Some(ttl) = self.body.ttl {
            check_range("ttl", ttl, 2, 3599)?;
        }
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("roomId", &self.room_id)?
            .json(&self.body)?
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        ignore_body(response)
    }
}

/// Sends a custom event to everyone connected to a room
/// (`POST /v2/rooms/{roomId}/broadcast-event`).
#[derive(Debug, Clone, PartialEq)]
pub struct BroadcastEvent {
    room_id: String,
    event: serde_json::Value,
}

impl BroadcastEvent {
    /// Broadcasts `event`, any JSON value.
    pub fn new(room_id: impl Into<String>, event: serde_json::Value) -> Self {
        BroadcastEvent {
            room_id: room_id.into(),
            event,
        }
    }
}

impl Endpoint for BroadcastEvent {
    type Output = ();
    const OPERATION: Operation = op(
        "broadcast-event",
        Method::POST,
        "/rooms/{roomId}/broadcast-event",
        &[],
        BodyKind::Json,
        BodyKind::None,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("roomId", &self.room_id)?
            .json(&self.event)?
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        ignore_body(response)
    }
}

/// Rooms.
impl<T> Client<T> {
    /// Lists rooms, one page at a time.
    ///
    /// ```no_run
    /// # async fn run(client: liveblocks_core::Client<impl liveblocks_core::Transport + 'static>) -> Result<(), liveblocks_core::Error> {
    /// let page = client.get_rooms().limit(50).query(r#"roomId^"liveblocks:""#).await?;
    /// for room in &page.data {
    ///     println!("{}", room.id);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn get_rooms(&self) -> Call<T, GetRooms> {
        self.call(GetRooms::new())
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
    pub fn create_room(
        &self,
        room_id: impl Into<String>,
        default_accesses: impl IntoIterator<Item = RoomPermission>,
    ) -> Call<T, CreateRoom> {
        self.call(CreateRoom::new(room_id, default_accesses))
    }

    /// Reads a room.
    pub fn get_room(&self, room_id: impl Into<String>) -> Call<T, GetRoom> {
        self.call(GetRoom::new(room_id))
    }

    /// Changes a room's accesses and metadata; only what you set is sent.
    pub fn update_room(&self, room_id: impl Into<String>) -> Call<T, UpdateRoom> {
        self.call(UpdateRoom::new(room_id))
    }

    /// Deletes a room and everything in it.
    pub fn delete_room(&self, room_id: impl Into<String>) -> Call<T, DeleteRoom> {
        self.call(DeleteRoom::new(room_id))
    }

    /// Loads a room into memory ahead of expected use.
    pub fn prewarm_room(&self, room_id: impl Into<String>) -> Call<T, PrewarmRoom> {
        self.call(PrewarmRoom::new(room_id))
    }

    /// Applies `update` to a room, creating it first (see [`UpsertRoom::create`]) if needed.
    pub fn upsert_room(
        &self,
        room_id: impl Into<String>,
        update: RoomUpdate,
    ) -> Call<T, UpsertRoom> {
        self.call(UpsertRoom::new(room_id, update))
    }

    /// Renames a room.
    pub fn update_room_id(
        &self,
        room_id: impl Into<String>,
        new_room_id: impl Into<String>,
    ) -> Call<T, UpdateRoomId> {
        self.call(UpdateRoomId::new(room_id, new_room_id))
    }

    /// Moves a room from one organization to another.
    pub fn update_room_organization_id(
        &self,
        room_id: impl Into<String>,
        from_organization_id: impl Into<String>,
        to_organization_id: impl Into<String>,
    ) -> Call<T, UpdateRoomOrganizationId> {
        self.call(UpdateRoomOrganizationId::new(
            room_id,
            from_organization_id,
            to_organization_id,
        ))
    }

    /// Lists the users connected to a room right now.
    pub fn get_active_users(&self, room_id: impl Into<String>) -> Call<T, GetActiveUsers> {
        self.call(GetActiveUsers::new(room_id))
    }

    /// Sets a user's presence in a room; `data` must be a JSON object.
    pub fn set_presence(
        &self,
        room_id: impl Into<String>,
        user_id: impl Into<String>,
        data: serde_json::Value,
    ) -> Call<T, SetPresence> {
        self.call(SetPresence::new(room_id, user_id, data))
    }

    /// Sends `event` (any JSON value) to everyone connected to a room.
    pub fn broadcast_event(
        &self,
        room_id: impl Into<String>,
        event: serde_json::Value,
    ) -> Call<T, BroadcastEvent> {
        self.call(BroadcastEvent::new(room_id, event))
    }
}
