//! The plumbing shared by the static (`prism.rs`) and dynamic (`prism_dynamic.rs`) Prism
//! suites: clients whose transport is `liveblocks-hyper`'s, wrapped to record what Prism said
//! about each request.
//!
//! Prism reports what breaks the spec in an `sl-violations` response header: a JSON array of
//! `{location, severity, code, message}`. A location starting with `response` is about Prism's
//! own answer (its example or random body breaking the spec), anything else (`body`, `query`,
//! `path`, `header`) is about our request. Only the latter counts against the SDK.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};

use liveblocks_core::config::CredentialKind;
use liveblocks_core::transport::{HttpRequest, HttpResponse};
use liveblocks_core::{
    Call, Client, Config, Endpoint, Error, FromConfig, Transport, TransportError,
};
use liveblocks_tests::{require_env, ClientTransport};

type HyperTransport = <liveblocks_hyper::Client as ClientTransport>::Transport;

/// The future a [`BoxedTransport`] returns.
pub type BoxedFuture = Pin<Box<dyn Future<Output = Result<HttpResponse, TransportError>> + Send>>;
/// The sending half of a [`BoxedTransport`].
pub type BoxedSend = Box<dyn Fn(HttpRequest) -> BoxedFuture + Send + Sync>;
/// A transport with a name, so sessions can hold clients of one concrete type.
pub type BoxedTransport = liveblocks_core::transport::FnTransport<
    BoxedSend,
    fn(std::time::Duration) -> tokio::time::Sleep,
>;
/// The clients the suites use.
pub type PrismClient = Client<BoxedTransport>;

/// How to start the servers, for panic messages.
pub const HOW: &str = "run the Prism suites through ./scripts/test.sh (steps `prism` and \
    `prism-dynamic`), which start Prism on the derived spec and set PRISM_URL and PRISM_PLAIN_URL \
    (static, `--errors` and plain) or PRISM_DYNAMIC_URL (`-d`)";

/// What one request got.
#[derive(Debug, Clone)]
pub struct Exchange {
    /// `METHOD uri`.
    pub request: String,
    /// The response status.
    pub status: u16,
    /// `sl-violations` entries about the request.
    pub request_violations: Vec<String>,
    /// `sl-violations` entries about Prism's own answer.
    pub response_violations: Vec<String>,
}

impl Exchange {
    /// Prism answered 500 because its own answer breaks the spec, and found nothing wrong with
    /// the request: what `--errors` does when the spec contradicts itself.
    pub fn self_rejected(&self) -> bool {
        self.status == 500
            && self.request_violations.is_empty()
            && !self.response_violations.is_empty()
    }
}

/// Splits an `sl-violations` header into violations of the request and of the response.
fn split_violations(header: &str) -> (Vec<String>, Vec<String>) {
    // With many violations Prism writes `Too many violations! [...]`, the array cut short
    // (header size limit): then only the locations that made it in can be read.
    let array = header.find('[').map_or(header, |start| &header[start..]);
    let Ok(serde_json::Value::Array(items)) = serde_json::from_str(array) else {
        return split_truncated(header);
    };
    let mut request = Vec::new();
    let mut response = Vec::new();
    for item in items {
        let location: Vec<&str> = item["location"]
            .as_array()
            .map(|l| l.iter().filter_map(serde_json::Value::as_str).collect())
            .unwrap_or_default();
        let text = format!(
            "{} [{}] {}",
            location.join("."),
            item["code"].as_str().unwrap_or("?"),
            item["message"].as_str().unwrap_or("?")
        );
        if location.first() == Some(&"response") {
            response.push(text);
        } else {
            request.push(text);
        }
    }
    (request, response)
}

/// [`split_violations`] for a header whose JSON is cut short: each `"location":["first"`
/// that made it in is one violation. Prism lists the request's violations before its
/// answer's, so a cut loses the latter. Nothing readable counts against the request, so it
/// can't go unnoticed.
fn split_truncated(header: &str) -> (Vec<String>, Vec<String>) {
    const MARK: &str = "\"location\":[\"";
    let mut request = Vec::new();
    let mut response = Vec::new();
    for (start, _) in header.match_indices(MARK) {
        let rest = &header[start + MARK.len()..];
        let first = rest.split('"').next().unwrap_or_default();
        let text: String = rest.chars().take(160).collect();
        if first == "response" {
            response.push(format!("(cut short) {text}"));
        } else {
            request.push(format!("(cut short) {text}"));
        }
    }
    if request.is_empty() && response.is_empty() {
        request.push(header.to_owned());
    }
    (request, response)
}

/// The exchanges of one session, and the `Prefer` header to send with its requests.
#[derive(Default)]
struct Recorder {
    exchanges: Mutex<Vec<Exchange>>,
    prefer: Mutex<Option<&'static str>>,
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A transport that sends through `inner` and records each exchange in `log`.
fn recording(inner: Arc<HyperTransport>, log: Arc<Recorder>) -> BoxedTransport {
    let send: BoxedSend = Box::new(move |mut request: HttpRequest| {
        let inner = Arc::clone(&inner);
        let log = Arc::clone(&log);
        Box::pin(async move {
            if let Some(prefer) = *lock(&log.prefer) {
                request.headers_mut().insert(
                    http::header::HeaderName::from_static("prefer"),
                    http::HeaderValue::from_static(prefer),
                );
            }
            let described = format!("{} {}", request.method(), request.uri());
            let response: HttpResponse = inner.send(request).await?;
            let (request_violations, response_violations) = response
                .headers()
                .get("sl-violations")
                .map(|v| split_violations(&String::from_utf8_lossy(v.as_bytes())))
                .unwrap_or_default();
            lock(&log.exchanges).push(Exchange {
                request: described,
                status: response.status().as_u16(),
                request_violations,
                response_violations,
            });
            Ok(response)
        }) as BoxedFuture
    });
    liveblocks_core::transport::from_fn(send, tokio::time::sleep)
}

/// One Prism server (or two, see [`Backend::new`]) and the configs to reach it.
pub struct Backend {
    hyper: Arc<HyperTransport>,
    app: Config,
    management: Config,
    plain: Option<(Config, Config)>,
}

impl Backend {
    /// Clients for the Prism at `url`. `plain_url`, in static mode, is a second Prism on the
    /// same spec without `--errors`, asked for an example only when the validating one refuses
    /// to serve it because the example (or the schema) contradicts the spec itself.
    pub fn new(url: &str, plain_url: Option<&str>) -> Self {
        let configs = |url: &str| {
            let app = Config::new("sk_prism_test").and_then(|c| c.with_base_url(url));
            let management =
                Config::management("lbmgmt_prism_test").and_then(|c| c.with_base_url(url));
            match (app, management) {
                (Ok(app), Ok(management)) => (app, management),
                (Err(e), _) | (_, Err(e)) => panic!("invalid Prism URL {url:?}: {e}"),
            }
        };
        let (app, management) = configs(url);
        let hyper = Arc::new(HyperTransport::from_config(&app).expect("a hyper transport"));
        Backend {
            hyper,
            app,
            management,
            plain: plain_url.map(configs),
        }
    }

    /// The backend named by the environment variables `var` (and `plain_var`).
    pub fn from_env(var: &str, plain_var: Option<&str>) -> Self {
        let url = require_env(var, HOW);
        let plain = plain_var.map(|v| require_env(v, HOW));
        Self::new(&url, plain.as_deref())
    }

    /// A fresh session: clients sharing this backend's connections, with their own log.
    pub fn session(&self) -> Session {
        let log = Arc::new(Recorder::default());
        let client = |config: &Config| {
            Client::with_transport(
                config.clone(),
                recording(Arc::clone(&self.hyper), Arc::clone(&log)),
            )
        };
        Session {
            app: client(&self.app),
            mgmt: client(&self.management),
            plain: self
                .plain
                .as_ref()
                .map(|(app, management)| (client(app), client(management))),
            log,
            notes: Mutex::new(Vec::new()),
        }
    }
}

/// The clients one operation's exercise uses, and what they saw.
pub struct Session {
    /// Authenticated with a secret key.
    pub app: PrismClient,
    /// Authenticated with a Management API token.
    pub mgmt: PrismClient,
    /// The same two against the plain server, when there is one.
    plain: Option<(PrismClient, PrismClient)>,
    log: Arc<Recorder>,
    notes: Mutex<Vec<String>>,
}

impl Session {
    /// Every exchange so far.
    pub fn exchanges(&self) -> Vec<Exchange> {
        lock(&self.log.exchanges).clone()
    }

    /// The status of the last exchange.
    pub fn last_status(&self) -> Option<u16> {
        lock(&self.log.exchanges).last().map(|e| e.status)
    }

    /// Sends `Prefer: <value>` with the following requests (`None` stops).
    pub fn prefer(&self, value: Option<&'static str>) {
        *lock(&self.log.prefer) = value;
    }

    /// Spec problems met so far (see [`Session::fetch`]).
    pub fn notes(&self) -> Vec<String> {
        lock(&self.notes).clone()
    }

    /// The plain client with the same credential as `client`.
    fn plain_for(&self, client: &PrismClient) -> Option<&PrismClient> {
        let (app, management) = self.plain.as_ref()?;
        Some(match client.config().credential_kind() {
            CredentialKind::ManagementToken => management,
            _ => app,
        })
    }

    /// Sends `call` to its server. If that server validated the request but refused its own
    /// answer (see [`Exchange::self_rejected`]), the spec contradicts itself for this
    /// operation: that is noted, and the same request goes to the plain server, whose answer
    /// is returned instead. Without a plain server (dynamic mode) this is just the call.
    pub async fn fetch<E>(&self, call: Call<BoxedTransport, E>) -> Result<E::Output, Error>
    where
        E: Endpoint + Clone + Send + 'static,
        E::Output: Send,
    {
        let (client, endpoint, options) = call.into_parts();
        let first = Call::from_parts(client.clone(), endpoint.clone(), options.clone()).await;
        let rejected = match (&first, lock(&self.log.exchanges).last()) {
            (Err(Error::Api(api)), Some(last)) if api.status == 500 && last.self_rejected() => {
                Some(last.response_violations.clone())
            }
            _ => None,
        };
        match (rejected, self.plain_for(&client)) {
            (Some(violations), Some(plain)) => {
                lock(&self.notes).push(format!(
                    "{}: Prism --errors refuses its own answer ({}), served by the plain mock instead",
                    E::OPERATION.id,
                    summarize(&violations)
                ));
                Call::from_parts(plain.clone(), endpoint, options).await
            }
            _ => first,
        }
    }
}

impl Session {
    /// Sends `call` straight to the plain server (static mode only), e.g. to ask for a named
    /// example the validating server refuses to serve.
    pub async fn fetch_plain<E>(&self, call: Call<BoxedTransport, E>) -> Result<E::Output, Error>
    where
        E: Endpoint + Clone + Send + 'static,
        E::Output: Send,
    {
        let (client, endpoint, options) = call.into_parts();
        let plain = self
            .plain_for(&client)
            .expect("fetch_plain needs the plain server (static mode)");
        Call::from_parts(plain.clone(), endpoint, options).await
    }
}

/// The first violation and how many more.
fn summarize(violations: &[String]) -> String {
    match violations {
        [] => "no violation".to_owned(),
        [one] => one.clone(),
        [first, rest @ ..] => format!("{first}; and {} more", rest.len()),
    }
}

/// Static mode checks the example's values; dynamic mode only that random answers decode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Against `prism mock --errors`: the spec's examples.
    Static,
    /// Against `prism mock -d`: schema-random answers.
    Dynamic,
}

impl Mode {
    /// Runs the value checks `f` in static mode; dynamic answers are random, so only their
    /// decoding is checked.
    pub fn check(self, f: impl FnOnce() -> Result<(), Failure>) -> Result<(), Failure> {
        match self {
            Mode::Static => f(),
            Mode::Dynamic => Ok(()),
        }
    }
}

/// Why an exercise failed: a call, or the values it returned.
#[derive(Debug)]
pub enum Failure {
    /// The call failed (transport, status, decoding).
    Call(Error),
    /// The call returned something else than expected.
    Check(String),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Call(e)
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Call(e) => write!(f, "call failed: {e}"),
            Failure::Check(message) => write!(f, "wrong output: {message}"),
        }
    }
}

/// Fails unless `cond` holds.
pub fn ensure(cond: bool, message: impl FnOnce() -> String) -> Result<(), Failure> {
    if cond {
        Ok(())
    } else {
        Err(Failure::Check(message()))
    }
}

/// Fails unless `left == right`.
pub fn ensure_eq<T: PartialEq + std::fmt::Debug>(
    what: &str,
    left: T,
    right: T,
) -> Result<(), Failure> {
    ensure(left == right, || {
        format!("{what}: got {left:?}, expected {right:?}")
    })
}
