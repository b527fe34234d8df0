//! The answer for the browser ([`AuthResponse`]) and the calls that produce it.

use std::future::IntoFuture;

use bytes::Bytes;
use http::StatusCode;

use super::{Identity, Session};
use crate::call::CallFuture;
use crate::client::Client;
use crate::config::Config;
use crate::error::Error;
use crate::transport::{BlockingTransport, HttpRequest, HttpResponse, Transport, TransportError};

/// What to answer the browser's auth request with: a status and a body, as the Node SDK's
/// `authorize()` / `identifyUser()` return them (see the [module docs](super) for the rules).
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
pub(super) fn is_local_dev(base_url: &str) -> bool {
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
    /// [module docs](super)): `.await` it, or `.send()` it with a blocking transport.
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
