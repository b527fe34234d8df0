//! Auth sessions for your back end's auth endpoint, on par with `@liveblocks/node`'s
//! `prepareSession(...).allow(...).authorize()` and `identifyUser(...)`.
//!
//! A [`Session`] (access token: your back end decides the permissions) or an [`Identity`] (ID
//! token: the rooms' accesses decide) builds the exact `authorize-user` / `identify-user`
//! request body the Node SDK sends, and [`AuthResponse`] turns whatever happens (a token, an
//! error status, a network failure) into the status and body to hand back to the browser, as
//! the Node SDK's `authorize()` does:
//!
//! | what happened | `status` | `body` |
//! |---|---|---|
//! | 2xx | 200 | the server's body (`{"token":"..."}`) |
//! | 4xx (and 1xx/3xx) | as received | the server's body |
//! | 5xx | 503 | the server's body |
//! | no response (transport error) | 503 | `Call to /v2/authorize-user failed. See "error" for more information.` (or, against `http(s)://localhost`, `Could not connect to your Liveblocks dev server. Is it running?`), with the error in [`AuthResponse::error`] |
//!
//! Invalid input (an empty user ID, a bad room pattern, more than 10 patterns, an empty
//! permission list, a session with no permission at all) is an
//! [`Error::InvalidInput`], never a request.
//!
//! ```
//! use bytes::Bytes;
//! use liveblocks_core::session::{Session, FULL_ACCESS, READ_ACCESS};
//! use liveblocks_core::models::rooms::UserInfo;
//! use liveblocks_core::{Client, Config, TransportError};
//!
//! let transport = |request: http::Request<Bytes>| -> Result<http::Response<Bytes>, TransportError> {
//!     assert_eq!(
//!         request.body(),
//!         r#"{"userId":"alice","permissions":{"my-room":["*:write"],"team:*":["*:read"]},"userInfo":{"name":"Alice"}}"#
//!     );
//!     Ok(http::Response::new(Bytes::from_static(br#"{"token":"ey..."}"#)))
//! };
//! let client = Client::with_transport(Config::new("sk_test")?, transport);
//! let session = Session::new("alice")
//!     .user_info(UserInfo::new().name("Alice"))
//!     .allow("my-room", FULL_ACCESS)
//!     .allow("team:*", READ_ACCESS);
//! let answer = client.authorize_session(&session).send()?;
//! assert_eq!(answer.status, 200);
//! assert_eq!(answer.body, r#"{"token":"ey..."}"#);
//! let response: http::Response<bytes::Bytes> = answer.into_response(); // return it as is
//! # Ok::<(), liveblocks_core::Error>(())
//! ```

mod response;
#[cfg(test)]
mod tests;

use bytes::Bytes;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::auth::{AuthorizeUser, IdentifyUser};
use crate::config::Config;
use crate::endpoint::{Endpoint, RequestBuilder};
use crate::error::Error;
use crate::models::auth::{AuthorizeUserRequestBody, TokenPermissions};
use crate::models::rooms::{RoomPermission, UserInfo};
use crate::transport::HttpRequest;

pub use response::{AuthCall, AuthResponse};

/// Full access to the matching rooms: `*:write`, as `@liveblocks/node` 3's
/// `session.FULL_ACCESS`.
pub const FULL_ACCESS: [RoomPermission; 1] = [RoomPermission::AllWrite];

/// Read access to the matching rooms: `*:read`, as `@liveblocks/node` 3's
/// `session.READ_ACCESS`.
pub const READ_ACCESS: [RoomPermission; 1] = [RoomPermission::AllRead];

/// The older presets (`room:write` + `comments:write`, and `room:read` +
/// `room:presence:write` + `comments:read`), as in [`crate::models::auth`].
pub use crate::models::auth::{
    FULL_ACCESS as LEGACY_FULL_ACCESS, READ_ACCESS as LEGACY_READ_ACCESS,
};

/// The most rooms or patterns one session may allow (the Node SDK's `MAX_PERMS_PER_SET`).
pub const MAX_PATTERNS: usize = 10;

/// True when `pattern` is a room ID or pattern the Node SDK accepts in `allow`: `*`, or 1 to
/// 128 UTF-16 code units without `*`, optionally followed by one `*`
/// (`/^([*]|[^*]{1,128}[*]?)$/`).
///
/// ```
/// use liveblocks_core::session::is_valid_pattern;
///
/// assert!(is_valid_pattern("*"));
/// assert!(is_valid_pattern("team:*"));
/// assert!(!is_valid_pattern("a*b"));
/// assert!(is_valid_pattern(&"🎉".repeat(64)));  // 128 UTF-16 code units
/// assert!(!is_valid_pattern(&"🎉".repeat(65)));
/// ```
pub fn is_valid_pattern(pattern: &str) -> bool {
    crate::auth::is_valid_room_pattern(pattern)
}

/// An access token request: who the user is and which rooms they may enter, with which
/// permissions (`POST /v2/authorize-user`). See the [module docs](self).
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    user_id: String,
    user_info: Option<UserInfo>,
    organization_id: Option<String>,
    /// In the order first allowed, each list in the order first given, without repeats.
    permissions: Vec<(String, Vec<RoomPermission>)>,
    /// The first invalid `allow`, reported when the request is built.
    invalid: Option<String>,
}

impl Session {
    /// A session for `user_id` (checked not empty when the request is built).
    pub fn new(user_id: impl Into<String>) -> Self {
        Session {
            user_id: user_id.into(),
            user_info: None,
            organization_id: None,
            permissions: Vec::new(),
            invalid: None,
        }
    }

    /// The user's name, avatar, color and other info, shown to others in the room.
    pub fn user_info(mut self, user_info: UserInfo) -> Self {
        self.user_info = Some(user_info);
        self
    }

    /// The organization (formerly tenant) the token is for.
    pub fn organization_id(mut self, organization_id: impl Into<String>) -> Self {
        self.organization_id = Some(organization_id.into());
        self
    }

    /// Grants `permissions` in a room, or in every room whose ID starts with a prefix
    /// (`prefix*`), or everywhere (`*`). Allowing the same pattern again adds to its
    /// permissions. Checked as the Node SDK does (see [`is_valid_pattern`], at most
    /// [`MAX_PATTERNS`] patterns, no empty list, no unknown permission); the first problem is
    /// reported when the request is built.
    pub fn allow(
        mut self,
        room_id_or_pattern: impl Into<String>,
        permissions: impl IntoIterator<Item = RoomPermission>,
    ) -> Self {
        if self.invalid.is_some() {
            return self;
        }
        let pattern = room_id_or_pattern.into();
        let permissions: Vec<RoomPermission> = permissions.into_iter().collect();
        if !is_valid_pattern(&pattern) {
            self.invalid = Some(format!(
                "invalid room ID or pattern {pattern:?}: use `*`, or 1 to 128 characters \
                 (UTF-16 code units) without `*`, optionally followed by `*`"
            ));
            return self;
        }
        if permissions.is_empty() {
            self.invalid = Some(format!(
                "the permission list for {pattern:?} is empty: give at least one permission \
                 (e.g. FULL_ACCESS or READ_ACCESS), or don't allow the room"
            ));
            return self;
        }
        if let Some(RoomPermission::Other(unknown)) = permissions
            .iter()
            .find(|p| matches!(p, RoomPermission::Other(_)))
        {
            self.invalid = Some(format!(
                "{unknown:?} is not a valid permission (for {pattern:?}): use the `RoomPermission` \
                 variants, e.g. FULL_ACCESS (`*:write`) or READ_ACCESS (`*:read`)"
            ));
            return self;
        }
        let index = match self.permissions.iter().position(|(p, _)| *p == pattern) {
            Some(index) => index,
            None if self.permissions.len() >= MAX_PATTERNS => {
                self.invalid = Some(format!(
                    "a session can allow at most {MAX_PATTERNS} rooms or patterns; use a \
                     prefix pattern (`prefix*`) to cover more rooms"
                ));
                return self;
            }
            None => {
                self.permissions.push((pattern, Vec::new()));
                self.permissions.len() - 1
            }
        };
        let list = &mut self.permissions[index].1;
        for permission in permissions {
            if !list.contains(&permission) {
                list.push(permission);
            }
        }
        self
    }

    /// Checks the session: a user ID, valid `allow` calls, and at least one permission.
    pub fn validate(&self) -> Result<(), Error> {
        if self.user_id.is_empty() {
            return Err(Error::invalid_input(
                "a session needs a non-empty user ID (authorize-user)",
            ));
        }
        if let Some(message) = &self.invalid {
            return Err(Error::invalid_input(format!("{message} (authorize-user)")));
        }
        if self.permissions.is_empty() {
            return Err(Error::invalid_input(
                "this session allows no room: call `allow` at least once (e.g. \
                 `.allow(\"*\", READ_ACCESS)` for a token that works outside rooms too) \
                 (authorize-user)",
            ));
        }
        Ok(())
    }

    /// The permissions, room pattern to list.
    pub fn permissions(&self) -> TokenPermissions {
        self.permissions.iter().cloned().collect()
    }

    /// The request body as the typed model (its permissions in a sorted map).
    pub fn to_body(&self) -> Result<AuthorizeUserRequestBody, Error> {
        self.validate()?;
        Ok(AuthorizeUserRequestBody {
            user_id: self.user_id.clone(),
            user_info: self.user_info.clone(),
            organization_id: self.organization_id.clone(),
            permissions: self.permissions(),
        })
    }

    /// The same request as the typed endpoint, whose answer is the token itself.
    pub fn to_authorize_user(&self) -> Result<AuthorizeUser, Error> {
        let body = self.to_body()?;
        let mut endpoint = AuthorizeUser::new(body.user_id).permissions(body.permissions);
        if let Some(user_info) = body.user_info {
            endpoint = endpoint.user_info(user_info);
        }
        if let Some(organization_id) = body.organization_id {
            endpoint = endpoint.organization_id(organization_id);
        }
        Ok(endpoint)
    }

    /// The request body, byte for byte what `@liveblocks/node` sends for the same session:
    /// `userId`, `permissions` (in the order allowed), `userInfo` if set, `organizationId` if
    /// set.
    pub fn body_json(&self) -> Result<Bytes, Error> {
        self.validate()?;
        to_json(&NodeAuthorizeBody(self))
    }

    /// The `POST /v2/authorize-user` request (sans-IO); read the answer with
    /// [`AuthResponse::authorize`].
    pub fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        self.validate()?;
        RequestBuilder::new(config, &AuthorizeUser::OPERATION)
            .json(&NodeAuthorizeBody(self))
            .build()
    }
}

/// `JSON.stringify` order of the Node SDK's `authorize()` body.
struct NodeAuthorizeBody<'a>(&'a Session);

impl Serialize for NodeAuthorizeBody<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let session = self.0;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("userId", &session.user_id)?;
        map.serialize_entry("permissions", &OrderedPermissions(&session.permissions))?;
        if let Some(user_info) = &session.user_info {
            map.serialize_entry("userInfo", user_info)?;
        }
        if let Some(organization_id) = &session.organization_id {
            map.serialize_entry("organizationId", organization_id)?;
        }
        map.end()
    }
}

struct OrderedPermissions<'a>(&'a [(String, Vec<RoomPermission>)]);

impl Serialize for OrderedPermissions<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (pattern, permissions) in self.0 {
            map.serialize_entry(pattern, permissions)?;
        }
        map.end()
    }
}

fn to_json(value: &impl Serialize) -> Result<Bytes, Error> {
    serde_json::to_vec(value).map(Bytes::from).map_err(|e| {
        Error::invalid_input(format!("the request body can't be written as JSON: {e}"))
    })
}

/// An ID token request: who the user is and which groups they belong to; each room's
/// accesses decide the rest (`POST /v2/identify-user`), like `@liveblocks/node`'s
/// `identifyUser`.
#[derive(Debug, Clone, PartialEq)]
pub struct Identity {
    user_id: String,
    group_ids: Option<Vec<String>>,
    user_info: Option<UserInfo>,
    organization_id: Option<String>,
}

impl Identity {
    /// The identity of `user_id` (checked not empty when the request is built).
    pub fn new(user_id: impl Into<String>) -> Self {
        Identity {
            user_id: user_id.into(),
            group_ids: None,
            user_info: None,
            organization_id: None,
        }
    }

    /// The groups the user belongs to.
    pub fn group_ids(mut self, group_ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.group_ids = Some(group_ids.into_iter().map(Into::into).collect());
        self
    }

    /// The user's name, avatar, color and other info, shown to others in the room.
    pub fn user_info(mut self, user_info: UserInfo) -> Self {
        self.user_info = Some(user_info);
        self
    }

    /// The organization (formerly tenant) the token is for.
    pub fn organization_id(mut self, organization_id: impl Into<String>) -> Self {
        self.organization_id = Some(organization_id.into());
        self
    }

    fn validate(&self) -> Result<(), Error> {
        if self.user_id.is_empty() {
            return Err(Error::invalid_input(
                "an identity needs a non-empty user ID (identify-user)",
            ));
        }
        Ok(())
    }

    /// The same request as the typed endpoint, whose answer is the token itself.
    pub fn to_identify_user(&self) -> Result<IdentifyUser, Error> {
        self.validate()?;
        let mut endpoint = IdentifyUser::new(self.user_id.clone());
        if let Some(organization_id) = &self.organization_id {
            endpoint = endpoint.organization_id(organization_id.clone());
        }
        if let Some(group_ids) = &self.group_ids {
            endpoint = endpoint.group_ids(group_ids.clone());
        }
        if let Some(user_info) = &self.user_info {
            endpoint = endpoint.user_info(user_info.clone());
        }
        Ok(endpoint)
    }

    /// The request body, byte for byte what `@liveblocks/node` sends: `userId`, `groupIds`
    /// and `userInfo` if set, `organizationId` if set.
    pub fn body_json(&self) -> Result<Bytes, Error> {
        self.validate()?;
        to_json(&NodeIdentifyBody(self))
    }

    /// The `POST /v2/identify-user` request (sans-IO); read the answer with
    /// [`AuthResponse::identify`].
    pub fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        self.validate()?;
        RequestBuilder::new(config, &IdentifyUser::OPERATION)
            .json(&NodeIdentifyBody(self))
            .build()
    }
}

struct NodeIdentifyBody<'a>(&'a Identity);

impl Serialize for NodeIdentifyBody<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let identity = self.0;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("userId", &identity.user_id)?;
        if let Some(group_ids) = &identity.group_ids {
            map.serialize_entry("groupIds", group_ids)?;
        }
        if let Some(user_info) = &identity.user_info {
            map.serialize_entry("userInfo", user_info)?;
        }
        if let Some(organization_id) = &identity.organization_id {
            map.serialize_entry("organizationId", organization_id)?;
        }
        map.end()
    }
}
