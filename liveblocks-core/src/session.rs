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
//! [`Error::InvalidInput`](crate::Error::InvalidInput), never a request.
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

use std::future::IntoFuture;

use bytes::Bytes;
use http::StatusCode;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::auth::{AuthorizeUser, IdentifyUser};
use crate::client::{CallFuture, Client};
use crate::config::Config;
use crate::endpoint::{Endpoint, RequestBuilder};
use crate::error::Error;
use crate::models::auth::{AuthorizeUserRequestBody, IdentifyUserRequestBody, TokenPermissions};
use crate::models::rooms::{RoomPermission, UserInfo};
use crate::transport::{BlockingTransport, HttpRequest, HttpResponse, Transport, TransportError};

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
    if pattern == "*" {
        return true;
    }
    let prefix = pattern.strip_suffix('*').unwrap_or(pattern);
    !prefix.contains('*') && (1..=128).contains(&prefix.encode_utf16().count())
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
        Ok(AuthorizeUser::from_body(self.to_body()?))
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
            .json(&NodeAuthorizeBody(self))?
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
        Ok(IdentifyUser::from_body(IdentifyUserRequestBody {
            user_id: self.user_id.clone(),
            organization_id: self.organization_id.clone(),
            group_ids: self.group_ids.clone(),
            user_info: self.user_info.clone(),
        }))
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
            .json(&NodeIdentifyBody(self))?
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

/// What to answer the browser's auth request with: a status and a body, as the Node SDK's
/// `authorize()` / `identifyUser()` return them (see the [module docs](self) for the rules).
#[derive(Debug)]
#[non_exhaustive]
pub struct AuthResponse {
    /// 200 for success, the server's status for 4xx, 503 for 5xx and network failures.
    pub status: StatusCode,
    /// The server's body, or a message when there was no response.
    pub body: String,
    /// The transport failure, when there was no response (never sent to the browser).
    pub error: Option<TransportError>,
}

/// Which call an [`AuthResponse`] answers, for the message on a network failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AuthKind {
    Authorize,
    Identify,
}

impl AuthResponse {
    /// The answer to a [`Session::request`], from what the transport returned.
    pub fn authorize(result: Result<HttpResponse, TransportError>, config: &Config) -> Self {
        Self::from_result(AuthKind::Authorize, result, config)
    }

    /// The answer to an [`Identity::request`], from what the transport returned.
    pub fn identify(result: Result<HttpResponse, TransportError>, config: &Config) -> Self {
        Self::from_result(AuthKind::Identify, result, config)
    }

    fn from_result(
        call: AuthKind,
        result: Result<HttpResponse, TransportError>,
        config: &Config,
    ) -> Self {
        match result {
            Ok(response) => {
                let status = response.status();
                let status = if status.is_success() {
                    StatusCode::OK
                } else if status.is_server_error() {
                    StatusCode::SERVICE_UNAVAILABLE
                } else {
                    status
                };
                AuthResponse {
                    status,
                    body: String::from_utf8_lossy(response.body()).into_owned(),
                    error: None,
                }
            }
            Err(error) => {
                let body = if is_local_dev(config.base_url()) {
                    "Could not connect to your Liveblocks dev server. Is it running?".to_owned()
                } else {
                    match call {
                        AuthKind::Authorize => {
                            "Call to /v2/authorize-user failed. See \"error\" for more information."
                                .to_owned()
                        }
                        AuthKind::Identify => format!(
                            "Call to {}/v2/identify-user failed. See \"error\" for more information.",
                            config.base_url().trim_end_matches('/')
                        ),
                    }
                };
                AuthResponse {
                    status: StatusCode::SERVICE_UNAVAILABLE,
                    body,
                    error: Some(error),
                }
            }
        }
    }

    /// Whether a token was issued (status 200).
    pub fn is_success(&self) -> bool {
        self.status == StatusCode::OK
    }

    /// The answer as an `http::Response`, ready for any framework built on the `http` crate
    /// (axum, hyper, ...): the status, the body, and `content-type: application/json` when the
    /// body is JSON (`text/plain; charset=utf-8` otherwise).
    pub fn into_response(self) -> http::Response<Bytes> {
        let content_type = if serde_json::from_str::<serde::de::IgnoredAny>(&self.body).is_ok() {
            "application/json"
        } else {
            "text/plain; charset=utf-8"
        };
        let mut response = http::Response::new(Bytes::from(self.body));
        *response.status_mut() = self.status;
        response.headers_mut().insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static(content_type),
        );
        response
    }
}

/// The Node SDK's dev-server hint: a base URL on `http(s)://localhost` (its test is
/// `/^https?:\/\/localhost[:/]/`; our config drops a trailing `/`, so a bare host counts).
fn is_local_dev(base_url: &str) -> bool {
    ["http://localhost", "https://localhost"]
        .iter()
        .any(|start| {
            base_url.strip_prefix(start).is_some_and(|rest| {
                rest.is_empty() || rest.starts_with(':') || rest.starts_with('/')
            })
        })
}

/// A pending [`Client::authorize_session`] or [`Client::identify`]: `.await` it (async
/// transports) or [`AuthCall::send`] it (blocking ones).
#[must_use = "an auth call does nothing until it is awaited or sent"]
pub struct AuthCall<T> {
    client: Client<T>,
    call: AuthKind,
    request: Result<HttpRequest, Error>,
}

impl<T> std::fmt::Debug for AuthCall<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuthCall")
            .field("call", &self.call)
            .finish_non_exhaustive()
    }
}

impl<T: BlockingTransport> AuthCall<T> {
    /// Sends the request and turns the outcome into the answer for the browser. Fails only on
    /// invalid input.
    pub fn send(self) -> Result<AuthResponse, Error> {
        let request = self.request?;
        let result = self.client.transport().send(request);
        Ok(AuthResponse::from_result(
            self.call,
            result,
            self.client.config(),
        ))
    }
}

impl<T: Transport + 'static> IntoFuture for AuthCall<T> {
    type Output = Result<AuthResponse, Error>;
    type IntoFuture = CallFuture<AuthResponse>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(async move {
            let request = self.request?;
            let result = self.client.transport().send(request).await;
            Ok(AuthResponse::from_result(
                self.call,
                result,
                self.client.config(),
            ))
        })
    }
}

/// Auth sessions.
impl<T> Client<T> {
    /// Asks for an access token for `session` and returns the answer for the browser (see the
    /// [module docs](self)): `.await` it, or `.send()` it with a blocking transport.
    ///
    /// ```no_run
    /// # async fn run(client: liveblocks_core::Client<impl liveblocks_core::Transport + 'static>) -> Result<(), liveblocks_core::Error> {
    /// use liveblocks_core::session::{Session, FULL_ACCESS};
    ///
    /// let answer = client
    ///     .authorize_session(&Session::new("alice").allow("my-room", FULL_ACCESS))
    ///     .await?;
    /// let response = answer.into_response(); // status + body, for any framework
    /// # Ok(()) }
    /// ```
    pub fn authorize_session(&self, session: &Session) -> AuthCall<T> {
        AuthCall {
            client: self.clone(),
            call: AuthKind::Authorize,
            request: session.request(self.config()),
        }
    }

    /// Asks for an ID token for `identity` and returns the answer for the browser.
    pub fn identify(&self, identity: &Identity) -> AuthCall<T> {
        AuthCall {
            client: self.clone(),
            call: AuthKind::Identify,
            request: identity.request(self.config()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transport::TransportErrorKind;

    fn config(base: &str) -> Config {
        Config::new("sk_test").unwrap().with_base_url(base).unwrap()
    }

    fn response(status: u16, body: &'static str) -> Result<HttpResponse, TransportError> {
        Ok(http::Response::builder()
            .status(status)
            .body(Bytes::from_static(body.as_bytes()))
            .unwrap())
    }

    #[test]
    fn statuses_are_normalized_like_the_node_sdk() {
        let c = config("https://api.liveblocks.io");
        let cases = [
            (200, 200),
            (201, 200),
            (204, 200),
            (400, 400),
            (403, 403),
            (404, 404),
            (422, 422),
            (429, 429),
            (500, 503),
            (502, 503),
            (503, 503),
            (504, 503),
            (302, 302),
        ];
        for (got, expected) in cases {
            let answer = AuthResponse::authorize(response(got, "{\"error\":\"x\"}"), &c);
            assert_eq!(answer.status.as_u16(), expected, "{got}");
            assert_eq!(answer.body, "{\"error\":\"x\"}");
            assert!(answer.error.is_none());
        }
    }

    #[test]
    fn network_errors_become_503_with_the_node_messages() {
        let failure = || Err(TransportError::new(TransportErrorKind::Connect, "refused"));
        let hosted = config("https://api.liveblocks.io");
        let answer = AuthResponse::authorize(failure(), &hosted);
        assert_eq!(answer.status, 503);
        assert_eq!(
            answer.body,
            "Call to /v2/authorize-user failed. See \"error\" for more information."
        );
        assert_eq!(answer.error.unwrap().kind(), TransportErrorKind::Connect);
        let answer = AuthResponse::identify(failure(), &hosted);
        assert_eq!(
            answer.body,
            "Call to https://api.liveblocks.io/v2/identify-user failed. See \"error\" for more information."
        );
        for local in ["http://localhost:1153", "https://localhost/"] {
            let answer = AuthResponse::identify(failure(), &config(local));
            assert_eq!(
                answer.body,
                "Could not connect to your Liveblocks dev server. Is it running?"
            );
        }
        assert!(!is_local_dev("http://localhost.example.com"));
        assert!(!is_local_dev("http://127.0.0.1:1153"));
    }

    #[test]
    fn into_response_carries_status_body_and_type() {
        let c = config("https://api.liveblocks.io");
        let response =
            AuthResponse::authorize(response(201, "{\"token\":\"t\"}"), &c).into_response();
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["content-type"], "application/json");
        assert_eq!(response.body().as_ref(), b"{\"token\":\"t\"}");
        let failure = Err(TransportError::new(TransportErrorKind::Timeout, "slow"));
        let response = AuthResponse::authorize(failure, &c).into_response();
        assert_eq!(response.status(), 503);
        assert_eq!(
            response.headers()["content-type"],
            "text/plain; charset=utf-8"
        );
    }

    #[test]
    fn invalid_sessions_are_typed_errors() {
        let too_many = (0..=MAX_PATTERNS).fold(Session::new("u"), |s, i| {
            s.allow(format!("r{i}"), FULL_ACCESS)
        });
        let cases = [
            (
                Session::new("").allow("r", FULL_ACCESS),
                "non-empty user ID",
            ),
            (Session::new("u"), "allows no room"),
            (
                Session::new("u").allow("a*b", FULL_ACCESS),
                "invalid room ID or pattern",
            ),
            (
                Session::new("u").allow("", FULL_ACCESS),
                "invalid room ID or pattern",
            ),
            (
                Session::new("u").allow("**", FULL_ACCESS),
                "invalid room ID or pattern",
            ),
            (
                Session::new("u").allow("x".repeat(129), FULL_ACCESS),
                "invalid room ID or pattern",
            ),
            (Session::new("u").allow("r", []), "is empty"),
            (
                Session::new("u").allow("r", [RoomPermission::from("room:admin")]),
                "not a valid permission",
            ),
            (too_many, "at most 10"),
        ];
        for (session, message) in cases {
            let err = session.body_json().unwrap_err();
            assert!(
                err.is_invalid_input() && err.to_string().contains(message),
                "{err}"
            );
        }
        // Ten patterns, and more permissions for a known one, are fine.
        let ten = (0..MAX_PATTERNS).fold(Session::new("u"), |s, i| {
            s.allow(format!("r{i}"), READ_ACCESS)
        });
        assert!(ten.allow("r0", FULL_ACCESS).validate().is_ok());
        assert!(Session::new("u")
            .allow("x".repeat(128) + "*", FULL_ACCESS)
            .validate()
            .is_ok());
        assert!(Identity::new("")
            .body_json()
            .unwrap_err()
            .is_invalid_input());
    }

    #[test]
    fn bodies_keep_the_node_order() {
        let session = Session::new("u")
            .organization_id("org")
            .allow("z", READ_ACCESS)
            .allow(
                "a*",
                [RoomPermission::CommentsWrite, RoomPermission::AllRead],
            )
            .allow("z", [RoomPermission::AllWrite, RoomPermission::AllRead]);
        assert_eq!(
            session.body_json().unwrap(),
            r#"{"userId":"u","permissions":{"z":["*:read","*:write"],"a*":["comments:write","*:read"]},"organizationId":"org"}"#
        );
        assert_eq!(session.to_body().unwrap().permissions.len(), 2);
        let identity = Identity::new("u").group_ids(["g"]).organization_id("o");
        assert_eq!(
            identity.body_json().unwrap(),
            r#"{"userId":"u","groupIds":["g"],"organizationId":"o"}"#
        );
    }
}
