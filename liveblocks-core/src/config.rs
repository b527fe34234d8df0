//! Client configuration: the credential (a project secret key or a Management API access
//! token), the base URL, the user agent and the timeout.

use std::fmt;
use std::time::Duration;

use http::Uri;

use crate::error::Error;
use crate::retry::RetryPolicy;

/// The base URL of the hosted Liveblocks API.
pub const DEFAULT_BASE_URL: &str = "https://api.liveblocks.io";

/// The `User-Agent` sent with every request: `liveblocks-rs/<version>`.
pub const USER_AGENT: &str = concat!("liveblocks-rs/", env!("CARGO_PKG_VERSION"));

pub use crate::transport::{DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT};

/// Whether responses are requested compressed when none is configured: no (see
/// [`Config::with_compression`] for why).
pub const DEFAULT_COMPRESSION: bool = false;

/// Environment variable holding the secret key (the dev server sets it too).
pub const ENV_SECRET_KEY: &str = "LIVEBLOCKS_SECRET_KEY";

/// Environment variable holding the base URL (set by `liveblocks dev`).
pub const ENV_BASE_URL: &str = "LIVEBLOCKS_BASE_URL";

/// Environment variable holding a Management API access token (see [`Config::management`]).
pub const ENV_MANAGEMENT_TOKEN: &str = "LIVEBLOCKS_MANAGEMENT_TOKEN";

/// Which credential a [`Config`] sends as `Authorization: Bearer ...`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CredentialKind {
    /// A project secret key (`sk_...`): every operation except the Management API.
    SecretKey,
    /// A team's Management API access token: the `management` operations.
    ManagementToken,
}

/// Everything a request needs besides its own parameters.
///
/// The secret is checked when the config is built, so a bad key fails before any request is
/// made, and it never shows up in `Debug` output.
///
/// ```
/// use liveblocks_core::Config;
///
/// let config = Config::new("sk_prod_abc123")?
///     .with_base_url("http://localhost:1153")?
///     .with_timeout(std::time::Duration::from_secs(10));
/// assert_eq!(config.base_url(), "http://localhost:1153");
/// assert!(!format!("{config:?}").contains("abc123"));
/// # Ok::<(), liveblocks_core::Error>(())
/// ```
#[derive(Clone)]
pub struct Config {
    credential: CredentialKind,
    base_url: String,
    // Kept as text too: a header value may hold bytes that are no `&str`.
    user_agent: String,
    // The two headers of every request, made once (calls clone them, a reference count).
    authorization_header: http::HeaderValue,
    user_agent_header: http::HeaderValue,
    timeout: Duration,
    deadline: Option<Duration>,
    retry: RetryPolicy,
    max_response_bytes: u64,
    compression: bool,
}

impl Config {
    /// A config for the hosted API with the given secret key (`sk_...`).
    ///
    /// Fails with [`Error::InvalidInput`] if the key does not start with `sk_` or holds
    /// characters other than ASCII letters, digits, `_` and `-`.
    pub fn new(secret: impl Into<String>) -> Result<Self, Error> {
        let secret = secret.into();
        validate_secret(&secret)?;
        Self::with_credential(secret, CredentialKind::SecretKey)
    }

    /// A config for the Management API (projects, API keys, webhooks) with a team's access
    /// token, generated in the dashboard's team settings.
    ///
    /// Management calls use the same [`Client`](crate::Client) type as every other call, only
    /// built from this config, e.g. `liveblocks_hyper::Client::from_config(Config::management(token)?)`.
    /// Such a client can only make the `management` calls; room calls need a secret key.
    ///
    /// No token prefix is documented, so none is required. The token is rejected with
    /// [`Error::InvalidInput`] if it is empty or holds anything but visible ASCII (no spaces,
    /// no control characters), since it has to fit in a header.
    ///
    /// ```
    /// use liveblocks_core::config::{Config, CredentialKind};
    ///
    /// let config = Config::management("lb_mgmt_0123456789")?;
    /// assert_eq!(config.credential_kind(), CredentialKind::ManagementToken);
    /// assert!(!format!("{config:?}").contains("0123456789"));
    /// assert!(Config::management("two words").is_err());
    /// # Ok::<(), liveblocks_core::Error>(())
    /// ```
    pub fn management(token: impl Into<String>) -> Result<Self, Error> {
        let token = token.into();
        validate_management_token(&token)?;
        Self::with_credential(token, CredentialKind::ManagementToken)
    }

    /// Reads `LIVEBLOCKS_MANAGEMENT_TOKEN` (required) and `LIVEBLOCKS_BASE_URL` (optional) for
    /// a Management API config (see [`Config::management`]).
    pub fn from_env_management() -> Result<Self, Error> {
        Self::from_lookup_management(|name| std::env::var(name).ok())
    }

    /// Like [`Config::from_env_management`], but reads the variables through `lookup`.
    pub fn from_lookup_management(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, Error> {
        from_lookup_with(lookup, ENV_MANAGEMENT_TOKEN, Config::management)
    }

    fn with_credential(secret: String, credential: CredentialKind) -> Result<Self, Error> {
        let mut authorization_header = http::HeaderValue::try_from(format!("Bearer {secret}"))
            .map_err(|_| Error::invalid_input("the credential is not a valid header value"))?;
        // Debug output of a request (and of its headers) shows `Sensitive`, never the key.
        authorization_header.set_sensitive(true);
        Ok(Config {
            credential,
            base_url: DEFAULT_BASE_URL.to_owned(),
            user_agent: USER_AGENT.to_owned(),
            authorization_header,
            user_agent_header: http::HeaderValue::from_static(USER_AGENT),
            timeout: DEFAULT_TIMEOUT,
            deadline: None,
            retry: RetryPolicy::none(),
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            compression: DEFAULT_COMPRESSION,
        })
    }

    /// Reads `LIVEBLOCKS_SECRET_KEY` (required) and `LIVEBLOCKS_BASE_URL` (optional), the
    /// variables `liveblocks dev` sets for the command it runs.
    pub fn from_env() -> Result<Self, Error> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Like [`Config::from_env`], but reads the variables through `lookup`, for platforms
    /// without a process environment (a Cloudflare Worker's `env`, a secrets store).
    ///
    /// ```
    /// use liveblocks_core::Config;
    ///
    /// let config = Config::from_lookup(|name| match name {
    ///     "LIVEBLOCKS_SECRET_KEY" => Some("sk_localdev".to_owned()),
    ///     "LIVEBLOCKS_BASE_URL" => Some("http://127.0.0.1:1153".to_owned()),
    ///     _ => None,
    /// })?;
    /// assert_eq!(config.base_url(), "http://127.0.0.1:1153");
    /// # Ok::<(), liveblocks_core::Error>(())
    /// ```
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, Error> {
        from_lookup_with(lookup, ENV_SECRET_KEY, Config::new)
    }

    /// Points the client at another server, such as the local dev server.
    ///
    /// The URL needs an `http` or `https` scheme and a host; it may carry a path prefix (for a
    /// proxy) but no query, fragment or credentials (`user:password@`), and must not end in
    /// `/v2` (every request adds it: the error says what to write instead). A trailing `/` is
    /// dropped. Anything else is rejected with [`Error::InvalidInput`] rather than silently
    /// replaced; the error never shows a password.
    pub fn with_base_url(mut self, base_url: impl Into<String>) -> Result<Self, Error> {
        self.base_url = normalize_base_url(&base_url.into())?;
        Ok(self)
    }

    /// Replaces the `User-Agent` header (by default `liveblocks-rs/<version>`).
    pub fn with_user_agent(mut self, user_agent: impl Into<String>) -> Result<Self, Error> {
        let user_agent = user_agent.into();
        self.user_agent_header = http::HeaderValue::from_str(&user_agent)
            .map_err(|_| Error::invalid_input("the user agent is not a valid header value"))?;
        self.user_agent = user_agent;
        Ok(self)
    }

    /// The time one attempt may take, from sending the request to the last byte of the
    /// response body (default 60 s). Each retry gets this time again; to bound the whole
    /// call, set [`Config::with_deadline`] too. Every call can override it
    /// ([`Call::with_timeout`](crate::Call::with_timeout)).
    ///
    /// `Duration::ZERO` is not "no timeout": a call made with it fails with
    /// [`Error::InvalidInput`] before sending anything, on every transport. For no practical
    /// limit, pass `Duration::MAX`.
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The time a whole call may take: every attempt and every wait between retries (no
    /// deadline by default). When it passes, the call fails with a
    /// [`TransportErrorKind::Timeout`](crate::TransportErrorKind::Timeout) error that says how
    /// many attempts were made, and a retry whose wait would not end before it is not made.
    /// Each attempt's timeout is also shortened to what is left of it. `Duration::ZERO` is
    /// rejected like in [`Config::with_timeout`].
    pub fn with_deadline(mut self, deadline: Duration) -> Self {
        self.deadline = Some(deadline);
        self
    }

    /// The largest response body a call accepts (default
    /// [`DEFAULT_MAX_RESPONSE_BYTES`], 128 MiB). A larger body fails the call with
    /// [`TransportErrorKind::TooLarge`](crate::TransportErrorKind::TooLarge) while it is read.
    pub fn with_max_response_bytes(mut self, max: u64) -> Self {
        self.max_response_bytes = max;
        self
    }

    /// Whether to ask for compressed responses (`Accept-Encoding: gzip`) and decompress them
    /// as they are read, under the same [`Config::with_max_response_bytes`] cap (a body that
    /// inflates past it fails with `TooLarge`). `liveblocks-hyper` and `liveblocks-ureq` honour
    /// it (their transports read it when built from the config); the JS `fetch` of
    /// `liveblocks-wasm` always negotiates compression itself, whatever this says. A gzip
    /// answer is decoded either way.
    ///
    /// Off by default ([`DEFAULT_COMPRESSION`]): on loopback (the dev server, a sidecar
    /// proxy) it costs CPU and saves nothing (measured: a 100-room page of 49 KB shrinks to
    /// 1.7 KB, but takes 5 to 18% more client CPU with hyper and 30 to 40% more with ureq).
    /// Turn it on for slow or metered links, where 28 times fewer bytes win.
    pub fn with_compression(mut self, compression: bool) -> Self {
        self.compression = compression;
        self
    }

    /// Whether responses are requested compressed (see [`Config::with_compression`]).
    pub fn compression(&self) -> bool {
        self.compression
    }

    /// Retries failed requests that are safe to retry (off by default); see
    /// [`crate::retry`]. Core applies it for every transport.
    ///
    /// ```
    /// use liveblocks_core::{retry::RetryPolicy, Config};
    ///
    /// let config = Config::new("sk_test")?.with_retry(RetryPolicy::new(3));
    /// assert_eq!(config.retry().max_retries(), 3);
    /// # Ok::<(), liveblocks_core::Error>(())
    /// ```
    pub fn with_retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// The retry policy of every call (unless a call overrides it).
    pub fn retry(&self) -> RetryPolicy {
        self.retry
    }

    /// The base URL, without a trailing `/`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Which credential this config sends.
    pub fn credential_kind(&self) -> CredentialKind {
        self.credential
    }

    /// The `User-Agent` header value.
    pub fn user_agent(&self) -> &str {
        &self.user_agent
    }

    /// The time one attempt may take (see [`Config::with_timeout`]).
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// The time a whole call may take, if bounded (see [`Config::with_deadline`]).
    pub fn deadline(&self) -> Option<Duration> {
        self.deadline
    }

    /// The largest response body a call accepts.
    pub fn max_response_bytes(&self) -> u64 {
        self.max_response_bytes
    }

    /// The `Authorization` header (marked sensitive) and the `User-Agent` header. Kept
    /// crate-private so the secret only leaves through requests.
    pub(crate) fn headers(&self) -> (&http::HeaderValue, &http::HeaderValue) {
        (&self.authorization_header, &self.user_agent_header)
    }

    #[cfg(test)]
    pub(crate) fn authorization(&self) -> String {
        String::from_utf8_lossy(self.authorization_header.as_bytes()).into_owned()
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let redacted = match self.credential {
            CredentialKind::SecretKey => "sk_[redacted]",
            CredentialKind::ManagementToken => "[redacted management token]",
        };
        f.debug_struct("Config")
            .field("secret", &redacted)
            .field("base_url", &self.base_url)
            .field("user_agent", &self.user_agent)
            .field("timeout", &self.timeout)
            .field("deadline", &self.deadline)
            .field("retry", &self.retry)
            .field("max_response_bytes", &self.max_response_bytes)
            .field("compression", &self.compression)
            .finish()
    }
}

fn from_lookup_with(
    lookup: impl Fn(&str) -> Option<String>,
    variable: &str,
    make: fn(String) -> Result<Config, Error>,
) -> Result<Config, Error> {
    let credential = lookup(variable).ok_or_else(|| {
        Error::invalid_input(format!("the environment variable {variable} is not set"))
    })?;
    let named = |variable: &str, error: Error| match error {
        Error::InvalidInput(message) => Error::invalid_input(format!("{variable}: {message}")),
        other => other,
    };
    let config = make(credential).map_err(|e| named(variable, e))?;
    match lookup(ENV_BASE_URL) {
        Some(url) if !url.trim().is_empty() => config
            .with_base_url(url)
            .map_err(|e| named(ENV_BASE_URL, e)),
        _ => Ok(config),
    }
}

/// The first character of `value` that `allowed` rejects, described with its position (in
/// characters) and what it probably is, e.g. `a newline (U+000A) at position 12 (the last
/// character: a line end copied along with the key?)`.
fn describe_bad_char(value: &str, allowed: impl Fn(char) -> bool) -> Option<String> {
    let count = value.chars().count();
    let (position, c) = value.chars().enumerate().find(|&(_, c)| !allowed(c))?;
    let name = match c {
        '\n' => "a newline".to_owned(),
        '\r' => "a carriage return".to_owned(),
        '\t' => "a tab".to_owned(),
        ' ' => "a space".to_owned(),
        c if c.is_whitespace() => "a whitespace character".to_owned(),
        c if c.is_control() => "a control character".to_owned(),
        // Visible: safe to show (a key has none of these, so it is no part of the secret).
        c => format!("the character {c:?}"),
    };
    let hint = if position + 1 == count && c.is_whitespace() {
        " (the last character: a line end or space copied along with the key? trim it)"
    } else if position == 0 && c.is_whitespace() {
        " (the first character: trim the value)"
    } else {
        ""
    };
    Some(format!(
        "{name} (U+{:04X}) at position {position} of {count}{hint}",
        u32::from(c)
    ))
}

fn validate_management_token(token: &str) -> Result<(), Error> {
    if token.is_empty() {
        return Err(Error::invalid_input(
            "the management access token must not be empty",
        ));
    }
    if let Some(bad) = describe_bad_char(token, |c| c.is_ascii_graphic()) {
        return Err(Error::invalid_input(format!(
            "the management access token holds {bad}; it may only contain visible ASCII \
             characters (no spaces or control characters)"
        )));
    }
    Ok(())
}

fn validate_secret(secret: &str) -> Result<(), Error> {
    if !secret.starts_with("sk_") {
        let hint = match secret.trim_start().get(..3) {
            Some("sk_") => " (it has leading whitespace: trim it)",
            _ if secret.starts_with("pk_") => " (that is a public key: use the secret one)",
            _ => "",
        };
        return Err(Error::invalid_input(format!(
            "the secret key must start with \"sk_\"{hint} (find it in the Liveblocks dashboard)"
        )));
    }
    if let Some(bad) = describe_bad_char(secret, |c| {
        c.is_ascii_alphanumeric() || c == '_' || c == '-'
    }) {
        return Err(Error::invalid_input(format!(
            "the secret key holds {bad}; it may only contain ASCII letters, digits, \"_\" \
             and \"-\""
        )));
    }
    Ok(())
}

fn normalize_base_url(raw: &str) -> Result<String, Error> {
    // Never echo credentials: show the URL with any `user:password@` replaced.
    let shown = redact_userinfo(raw);
    let invalid = |why: &str| Error::invalid_input(format!("invalid base URL {shown:?}: {why}"));
    let trimmed = raw.trim_end_matches('/');
    let uri: Uri = trimmed.parse().map_err(|_| invalid("not a URL"))?;
    match uri.scheme_str() {
        Some("http") | Some("https") => {}
        Some(_) => return Err(invalid("the scheme must be http or https")),
        None => return Err(invalid("it needs a scheme, e.g. https://")),
    }
    if uri.authority().is_some_and(|a| a.as_str().contains('@')) {
        return Err(invalid(
            "it carries credentials (user:password@): the API authenticates with the secret \
             key, so remove them (and rotate the password if it was real)",
        ));
    }
    match uri.host() {
        Some(host) if !host.is_empty() => {}
        _ => return Err(invalid("it needs a host")),
    }
    if uri.query().is_some() || trimmed.contains('#') {
        return Err(invalid("it may not carry a query or fragment"));
    }
    let path = uri.path();
    if path == "/v2" || path.ends_with("/v2") {
        let fixed = &trimmed[..trimmed.len() - "/v2".len()];
        return Err(Error::invalid_input(format!(
            "invalid base URL {shown:?}: drop the /v2, every request adds it (write {:?})",
            redact_userinfo(fixed)
        )));
    }
    Ok(trimmed.to_owned())
}

/// `raw` with the userinfo of its authority (`user:password@`) replaced by `[redacted]@`.
fn redact_userinfo(raw: &str) -> String {
    let after_scheme = raw.find("://").map_or(0, |i| i + 3);
    let authority_end = raw[after_scheme..]
        .find(['/', '?', '#'])
        .map_or(raw.len(), |i| after_scheme + i);
    match raw[after_scheme..authority_end].rfind('@') {
        Some(at) => format!(
            "{}[redacted]{}",
            &raw[..after_scheme],
            &raw[after_scheme + at..]
        ),
        None => raw.to_owned(),
    }
}

/// A transport that can build itself from a [`Config`].
///
/// The adapter crates implement it, which gives their client aliases the constructors
/// [`Client::new`](crate::Client::new), [`Client::from_env`](crate::Client::from_env) and
/// [`Client::from_config`](crate::Client::from_config).
pub trait FromConfig: Sized {
    /// Builds the transport for `config`.
    fn from_config(config: &Config) -> Result<Self, Error>;
}

#[cfg(test)]
#[path = "config_tests.rs"]
mod tests;
