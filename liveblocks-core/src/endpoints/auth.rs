//! Auth: tokens your back end hands to its users so they can enter rooms, either access
//! tokens that carry their permissions (`authorize_user`) or ID tokens that only say who they
//! are, leaving permissions to the rooms' accesses (`identify_user`).

use http::Method;

use crate::call::Call;
use crate::client::{call_setters, Client};
use crate::config::Config;
use crate::endpoint::{
    check_not_empty, decode_json, op, BodyKind, Endpoint, Operation, RequestBuilder,
};
use crate::error::Error;
use crate::models::auth::{
    AuthorizeUserRequestBody, AuthorizeUserResponse, IdentifyUserRequestBody, IdentifyUserResponse,
    TokenPermissions,
};
use crate::models::rooms::{RoomPermission, UserInfo};
use crate::transport::{HttpRequest, HttpResponse};

/// Every operation of this domain.
pub const OPERATIONS: &[Operation] = &[AuthorizeUser::OPERATION, IdentifyUser::OPERATION];

/// The most room IDs or patterns one access token may carry.
pub const MAX_PERMISSION_PATTERNS: usize = 10;

/// True when `pattern` is a valid key of an access token's permissions: `*` alone, or 1 to
/// 128 characters without `*`, optionally followed by one `*` (a prefix pattern).
///
/// ```
/// use liveblocks_core::auth::is_valid_room_pattern;
///
/// assert!(is_valid_room_pattern("*"));
/// assert!(is_valid_room_pattern("my-room"));
/// assert!(is_valid_room_pattern("my-room-*"));
/// assert!(!is_valid_room_pattern(""));
/// assert!(!is_valid_room_pattern("a*b"));
/// assert!(!is_valid_room_pattern("**"));
/// ```
pub fn is_valid_room_pattern(pattern: &str) -> bool {
    if pattern == "*" {
        return true;
    }
    let prefix = pattern.strip_suffix('*').unwrap_or(pattern);
    !prefix.contains('*') && (1..=128).contains(&prefix.chars().count())
}

/// Checks an access token's permissions the way the official SDKs do before sending them: at
/// most [`MAX_PERMISSION_PATTERNS`] keys, each one a valid pattern
/// ([`is_valid_room_pattern`]) with at least one permission.
pub fn validate_permissions(permissions: &TokenPermissions) -> Result<(), Error> {
    if permissions.len() > MAX_PERMISSION_PATTERNS {
        return Err(Error::invalid_input(format!(
            "an access token can carry permissions for at most {MAX_PERMISSION_PATTERNS} rooms \
             or patterns, got {} (authorize-user)",
            permissions.len()
        )));
    }
    for (pattern, list) in permissions {
        if !is_valid_room_pattern(pattern) {
            return Err(Error::invalid_input(format!(
                "invalid room ID or pattern {pattern:?}: use `*`, or 1 to 128 characters without \
                 `*` optionally followed by `*` (authorize-user)"
            )));
        }
        if list.is_empty() {
            return Err(Error::invalid_input(format!(
                "the permission list of {pattern:?} is empty (authorize-user)"
            )));
        }
    }
    Ok(())
}

/// Creates an access token that lets a user into the rooms its permissions name
/// (`POST /v2/authorize-user`).
#[derive(Debug, Clone, PartialEq)]
pub struct AuthorizeUser {
    body: AuthorizeUserRequestBody,
}

impl AuthorizeUser {
    /// A token for `user_id`, with no permission yet (add some with [`AuthorizeUser::allow`]).
    pub fn new(user_id: impl Into<String>) -> Self {
        Self::from_body(AuthorizeUserRequestBody {
            user_id: user_id.into(),
            user_info: None,
            organization_id: None,
            permissions: TokenPermissions::new(),
        })
    }

    /// The request with its whole body at once.
    pub fn from_body(body: AuthorizeUserRequestBody) -> Self {
        AuthorizeUser { body }
    }

    /// Grants `permissions` in a room, or in every room whose ID starts with a prefix when
    /// `room_id_or_pattern` ends with `*` (`*` alone for all rooms). Calling it again for the
    /// same key adds to its permissions.
    pub fn allow(
        mut self,
        room_id_or_pattern: impl Into<String>,
        permissions: impl IntoIterator<Item = RoomPermission>,
    ) -> Self {
        let list = self
            .body
            .permissions
            .entry(room_id_or_pattern.into())
            .or_default();
        for permission in permissions {
            if !list.contains(&permission) {
                list.push(permission);
            }
        }
        self
    }

    /// Replaces all the permissions at once.
    pub fn permissions(mut self, permissions: TokenPermissions) -> Self {
        self.body.permissions = permissions;
        self
    }

    /// The user's name, avatar, color and other info, shown to others in the room.
    pub fn user_info(mut self, user_info: UserInfo) -> Self {
        self.body.user_info = Some(user_info);
        self
    }

    /// The organization the token is for.
    pub fn organization_id(mut self, organization_id: impl Into<String>) -> Self {
        self.body.organization_id = Some(organization_id.into());
        self
    }
}

call_setters!(AuthorizeUser {
    allow(room_id_or_pattern: impl Into<String>, permissions: impl IntoIterator<Item = RoomPermission>),
    permissions(permissions: TokenPermissions),
    user_info(user_info: UserInfo),
    organization_id(organization_id: impl Into<String>),
});

impl Endpoint for AuthorizeUser {
    type Output = AuthorizeUserResponse;
    const OPERATION: Operation = op(
        "authorize-user",
        Method::POST,
        "/authorize-user",
        &[],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        check_not_empty(Self::OPERATION.id, "userId", &self.body.user_id)?;
        validate_permissions(&self.body.permissions)?;
        RequestBuilder::new(config, &Self::OPERATION)
            .json(&self.body)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

/// Creates an ID token: who the user is and which groups they belong to; each room's
/// accesses then decide what they may do (`POST /v2/identify-user`).
#[derive(Debug, Clone, PartialEq)]
pub struct IdentifyUser {
    body: IdentifyUserRequestBody,
}

impl IdentifyUser {
    /// A token for `user_id`.
    pub fn new(user_id: impl Into<String>) -> Self {
        Self::from_body(IdentifyUserRequestBody {
            user_id: user_id.into(),
            organization_id: None,
            group_ids: None,
            user_info: None,
        })
    }

    /// The request with its whole body at once.
    pub fn from_body(body: IdentifyUserRequestBody) -> Self {
        IdentifyUser { body }
    }

    /// The organization the token is for.
    pub fn organization_id(mut self, organization_id: impl Into<String>) -> Self {
        self.body.organization_id = Some(organization_id.into());
        self
    }

    /// The groups the user belongs to.
    pub fn group_ids(mut self, group_ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.body.group_ids = Some(group_ids.into_iter().map(Into::into).collect());
        self
    }

    /// The user's name, avatar, color and other info, shown to others in the room.
    pub fn user_info(mut self, user_info: UserInfo) -> Self {
        self.body.user_info = Some(user_info);
        self
    }
}

call_setters!(IdentifyUser {
    organization_id(organization_id: impl Into<String>),
    group_ids(group_ids: impl IntoIterator<Item = impl Into<String>>),
    user_info(user_info: UserInfo),
});

impl Endpoint for IdentifyUser {
    type Output = IdentifyUserResponse;
    const OPERATION: Operation = op(
        "identify-user",
        Method::POST,
        "/identify-user",
        &[],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        check_not_empty(Self::OPERATION.id, "userId", &self.body.user_id)?;
        RequestBuilder::new(config, &Self::OPERATION)
            .json(&self.body)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

/// Auth.
impl<T> Client<T> {
    /// Creates an access token for `user_id`; grant rooms with [`AuthorizeUser::allow`]. The
    /// permissions are checked before sending (at most 10 rooms or patterns, each valid).
    ///
    /// ```no_run
    /// # async fn run(client: liveblocks_core::Client<impl liveblocks_core::Transport + 'static>) -> Result<(), liveblocks_core::Error> {
    /// use liveblocks_core::models::auth::{FULL_ACCESS, READ_ACCESS};
    /// use liveblocks_core::models::rooms::UserInfo;
    ///
    /// let token = client
    ///     .authorize_user("alice")
    ///     .allow("my-room", FULL_ACCESS.iter().cloned())
    ///     .allow("my-team:*", READ_ACCESS.iter().cloned())
    ///     .user_info(UserInfo::new().name("Alice"))
    ///     .await?
    ///     .token;
    /// # Ok(()) }
    /// ```
    pub fn authorize_user(&self, user_id: impl Into<String>) -> Call<T, AuthorizeUser> {
        self.call(AuthorizeUser::new(user_id))
    }

    /// Creates an ID token for `user_id`.
    ///
    /// ```no_run
    /// # async fn run(client: liveblocks_core::Client<impl liveblocks_core::Transport + 'static>) -> Result<(), liveblocks_core::Error> {
    /// let token = client.identify_user("alice").group_ids(["engineering"]).await?.token;
    /// # Ok(()) }
    /// ```
    pub fn identify_user(&self, user_id: impl Into<String>) -> Call<T, IdentifyUser> {
        self.call(IdentifyUser::new(user_id))
    }
}
