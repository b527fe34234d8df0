//! Auth: tokens your back end hands to its users so they can enter rooms, either access
//! tokens that carry their permissions (`authorize_user`) or ID tokens that only say who they
//! are, leaving permissions to the rooms' accesses (`identify_user`).

use crate::declare::operations;
use crate::endpoint::check_body_id;
use crate::error::Error;
use crate::models::auth::{
    AuthorizeUserRequestBody, AuthorizeUserResponse, IdentifyUserRequestBody, IdentifyUserResponse,
    TokenPermissions,
};
use crate::models::rooms::{RoomPermission, UserInfo};

/// The most room IDs or patterns one access token may carry.
pub const MAX_PERMISSION_PATTERNS: usize = 10;

/// True when `pattern` is a valid key of an access token's permissions: `*` alone, or 1 to
/// 128 UTF-16 code units (as the official SDKs count) without `*`, optionally followed by one
/// `*` (a prefix pattern). The one rule, used by the endpoint and by [`crate::session`].
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
    !prefix.contains('*') && (1..=128).contains(&prefix.encode_utf16().count())
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

operations! {
    /// Creates an access token that lets `user_id` into the rooms its permissions name; grant
    /// rooms with [`AuthorizeUser::allow`]. The permissions are checked before sending (at
    /// most 10 rooms or patterns, each valid).
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
    AuthorizeUser {
        "authorize-user", POST "/authorize-user", Json -> Json AuthorizeUserResponse;
        fn authorize_user(user_id: impl Into<String>);
        struct {
            body: AuthorizeUserRequestBody = AuthorizeUserRequestBody {
                user_id: user_id.into(),
                user_info: None,
                organization_id: None,
                permissions: TokenPermissions::new(),
            },
        }
        set {
            /// Grants `permissions` in a room, or in every room whose ID starts with a prefix
            /// when `room_id_or_pattern` ends with `*` (`*` alone for all rooms). Calling it
            /// again for the same key adds to its permissions.
            fn allow(
                self,
                room_id_or_pattern: impl Into<String>,
                permissions: impl IntoIterator<Item = RoomPermission>,
            ) {
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
            }
            /// Replaces all the permissions at once.
            fn permissions(self, permissions: TokenPermissions) {
                self.body.permissions = permissions;
            }
            /// The user's name, avatar, color and other info, shown to others in the room.
            fn user_info(self, user_info: UserInfo) {
                self.body.user_info = Some(user_info);
            }
            /// The organization the token is for.
            fn organization_id(self, organization_id: impl Into<String>) {
                self.body.organization_id = Some(organization_id.into());
            }
        }
        request(self, req) {
            check_body_id(Self::OPERATION.id, "userId", &self.body.user_id)?;
            validate_permissions(&self.body.permissions)?;
            req.json(&self.body)
        }
    }

    /// Creates an ID token for `user_id`: who the user is and which groups they belong to;
    /// each room's accesses then decide what they may do.
    ///
    /// ```no_run
    /// # async fn run(client: liveblocks_core::Client<impl liveblocks_core::Transport + 'static>) -> Result<(), liveblocks_core::Error> {
    /// let token = client.identify_user("alice").group_ids(["engineering"]).await?.token;
    /// # Ok(()) }
    /// ```
    IdentifyUser {
        "identify-user", POST "/identify-user", Json -> Json IdentifyUserResponse;
        fn identify_user(user_id: impl Into<String>);
        struct {
            body: IdentifyUserRequestBody = IdentifyUserRequestBody {
                user_id: user_id.into(),
                organization_id: None,
                group_ids: None,
                user_info: None,
            },
        }
        set {
            /// The organization the token is for.
            fn organization_id(self, organization_id: impl Into<String>) {
                self.body.organization_id = Some(organization_id.into());
            }
            /// The groups the user belongs to.
            fn group_ids(self, group_ids: impl IntoIterator<Item = impl Into<String>>) {
                self.body.group_ids = Some(group_ids.into_iter().map(Into::into).collect());
            }
            /// The user's name, avatar, color and other info, shown to others in the room.
            fn user_info(self, user_info: UserInfo) {
                self.body.user_info = Some(user_info);
            }
        }
        request(self, req) {
            check_body_id(Self::OPERATION.id, "userId", &self.body.user_id)?;
            req.json(&self.body)
        }
    }
}
