//! One call, and the pipeline that runs it for every transport.
//!
//! A [`Call`] is an endpoint value, the client that will send it, and the call's own options.
//! Running it is the same for every transport, a bare closure included:
//!
//! 1. check the options ([`Duration::ZERO`] timeouts and bad headers are
//!    [`Error::InvalidInput`], before anything is sent);
//! 2. build the request ([`Endpoint::request`]) and add the call's headers;
//! 3. send it, attaching [`Limits`] (the attempt's time and the body cap) to the request.
//!    An async attempt that outlives its time is dropped (which cancels it) and becomes a
//!    [`TransportErrorKind::Timeout`]; a blocking transport enforces the time itself;
//! 4. on a failure that the [`RetryPolicy`] retries, wait with the transport's `sleep` and go
//!    to 3, unless the wait would pass the deadline;
//! 5. read the last answer ([`Endpoint::response`]); a transport error is named with the
//!    request's method, host and path ([`TransportError::for_request`]).
//!
//! The deadline bounds steps 3 and 4 together: an async call races them against one
//! `sleep(deadline)`; a blocking call shortens each attempt's time to what is left.
//!
//! ```
//! use std::time::Duration;
//! use bytes::Bytes;
//! use liveblocks_core::{Client, Config, TransportError};
//!
//! let transport = |request: http::Request<Bytes>| -> Result<http::Response<Bytes>, TransportError> {
//!     assert_eq!(request.headers()["x-trace-id"], "abc");
//!     Ok(http::Response::builder().status(204).body(Bytes::new()).unwrap())
//! };
//! let client = Client::with_transport(Config::new("sk_test")?, transport);
//! client
//!     .delete_room("r")
//!     .with_header("x-trace-id", "abc")
//!     .with_timeout(Duration::from_secs(5))
//!     .send()?;
//! # Ok::<(), liveblocks_core::Error>(())
//! ```

use std::future::{Future, IntoFuture};
use std::pin::{pin, Pin};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use futures::future::{select, Either};
use http::header::{HeaderName, HeaderValue, AUTHORIZATION};
use http::HeaderMap;

use crate::client::Client;
use crate::config::Config;
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::retry::{Failure, RetryPolicy};
use crate::trace::CallSpan;
use crate::transport::{
    BlockingTransport, HttpRequest, HttpResponse, Limits, MaybeSend, Transport, TransportError,
    TransportErrorKind,
};

/// One pending call: an endpoint, the client that will run it, and this call's options.
///
/// Set the operation's optional parameters with its builder methods and the call's options
/// with the `with_*` methods, then `.await` it (async transports) or call [`Call::send`]
/// (blocking transports). Nothing is sent before that.
#[must_use = "a call does nothing until it is awaited or sent"]
pub struct Call<T, E> {
    client: Client<T>,
    endpoint: E,
    options: CallOptions,
}

/// The options of one call; each overrides the client's [`Config`] for this
/// call only.
#[derive(Debug, Clone, Default)]
pub struct CallOptions {
    timeout: Option<Duration>,
    deadline: Option<Duration>,
    retry: Option<RetryPolicy>,
    max_response_bytes: Option<u64>,
    headers: HeaderMap,
    invalid: Option<String>,
}

impl<T> Client<T> {
    /// Runs any endpoint value through this client, including ones defined outside this crate.
    pub fn call<E>(&self, endpoint: E) -> Call<T, E> {
        Call::new(self.clone(), endpoint)
    }
}

impl<T, E> Call<T, E> {
    /// A call of `endpoint` through `client`, with the client's settings.
    pub fn new(client: Client<T>, endpoint: E) -> Self {
        Call {
            client,
            endpoint,
            options: CallOptions::default(),
        }
    }

    /// The endpoint as configured so far.
    pub fn endpoint(&self) -> &E {
        &self.endpoint
    }

    /// Takes the endpoint out, to drive the request yourself.
    pub fn into_endpoint(self) -> E {
        self.endpoint
    }

    /// Splits the call into its client, endpoint and options.
    pub fn into_parts(self) -> (Client<T>, E, CallOptions) {
        (self.client, self.endpoint, self.options)
    }

    /// Puts a call back together (see [`Call::into_parts`]).
    pub fn from_parts(client: Client<T>, endpoint: E, options: CallOptions) -> Self {
        Call {
            client,
            endpoint,
            options,
        }
    }

    /// Changes the endpoint; the operations' builder methods forward through this.
    pub fn map(mut self, f: impl FnOnce(E) -> E) -> Self {
        self.endpoint = f(self.endpoint);
        self
    }

    /// This call's time for each attempt, instead of [`Config::with_timeout`]'s
    /// (same rules: `Duration::ZERO` is an [`Error::InvalidInput`]).
    ///
    /// [`Config::with_timeout`]: crate::Config::with_timeout
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.options.timeout = Some(timeout);
        self
    }

    /// This call's deadline for all its attempts and waits together, instead of
    /// [`Config::with_deadline`](crate::Config::with_deadline)'s.
    pub fn with_deadline(mut self, deadline: Duration) -> Self {
        self.options.deadline = Some(deadline);
        self
    }

    /// This call's retry policy, instead of [`Config::with_retry`](crate::Config::with_retry)'s.
    pub fn with_retry(mut self, retry: RetryPolicy) -> Self {
        self.options.retry = Some(retry);
        self
    }

    /// This call's response size cap, instead of
    /// [`Config::with_max_response_bytes`](crate::Config::with_max_response_bytes)'s.
    pub fn with_max_response_bytes(mut self, max: u64) -> Self {
        self.options.max_response_bytes = Some(max);
        self
    }

    /// Adds a header to this call's request (a trace ID, an idempotency key...). A header
    /// of the same name that the request already has is replaced.
    ///
    /// An invalid name or value, or `Authorization` (the credential comes from the config),
    /// makes the call fail with [`Error::InvalidInput`] when it is sent.
    pub fn with_header<K, V>(mut self, name: K, value: V) -> Self
    where
        HeaderName: TryFrom<K>,
        HeaderValue: TryFrom<V>,
    {
        let name = HeaderName::try_from(name).ok();
        let value = HeaderValue::try_from(value).ok();
        match (name, value) {
            (Some(name), _) if name == AUTHORIZATION => {
                self.options.invalid.get_or_insert_with(|| {
                    "a call can't set `Authorization`: the credential comes from the Config"
                        .to_owned()
                });
            }
            (Some(name), Some(value)) => {
                self.options.headers.insert(name, value);
            }
            (None, _) => {
                self.options.invalid.get_or_insert_with(|| {
                    "a header name passed to `with_header` is not a valid header name".to_owned()
                });
            }
            (Some(name), None) => {
                self.options.invalid.get_or_insert_with(|| {
                    format!("the value passed to `with_header` for `{name}` is not a valid header value (visible ASCII, no newlines)")
                });
            }
        }
        self
    }
}

/// The settings one run of a call uses: the config's, overridden by the call's options.
struct Plan {
    timeout: Duration,
    deadline: Option<Duration>,
    retry: RetryPolicy,
    max_response_bytes: u64,
}

impl Plan {
    fn new(config: &Config, options: &CallOptions) -> Result<Plan, Error> {
        if let Some(message) = &options.invalid {
            return Err(Error::invalid_input(message.clone()));
        }
        let plan = Plan {
            timeout: options.timeout.unwrap_or(config.timeout()),
            deadline: options.deadline.or(config.deadline()),
            retry: options.retry.unwrap_or(config.retry()),
            max_response_bytes: options
                .max_response_bytes
                .unwrap_or(config.max_response_bytes()),
        };
        if plan.timeout.is_zero() {
            return Err(Error::invalid_input(
                "the timeout is zero, so every request would fail at once; \
                 pass a positive duration (Duration::MAX for no practical limit)",
            ));
        }
        if plan.deadline.is_some_and(|d| d.is_zero()) {
            return Err(Error::invalid_input(
                "the deadline is zero, so every call would fail at once; \
                 pass a positive duration, or set none",
            ));
        }
        Ok(plan)
    }

    /// The request of one attempt: a copy of `request` (the body is shared) with its limits.
    fn attempt(&self, request: &HttpRequest, attempt: u32, timeout: Duration) -> HttpRequest {
        let mut copy = http::Request::new(request.body().clone());
        *copy.method_mut() = request.method().clone();
        *copy.uri_mut() = request.uri().clone();
        *copy.version_mut() = request.version();
        *copy.headers_mut() = request.headers().clone();
        copy.extensions_mut().insert(Limits {
            timeout,
            max_response_bytes: self.max_response_bytes,
            attempt,
        });
        copy
    }

    /// The wait before another attempt, if the policy retries this result.
    fn wait(
        &self,
        attempt: u32,
        request: &HttpRequest,
        result: &Result<HttpResponse, TransportError>,
    ) -> Option<Duration> {
        let failure = Failure::of(result)?;
        self.retry.decide(attempt, request.method(), &failure)
    }
}

/// Steps 1 and 2: the plan of the call and its request. Only `request` (the endpoint's
/// [`Endpoint::request`]) depends on the operation: taken as `dyn`, so this is compiled once,
/// and everything after it, up to [`Endpoint::response`], once per transport, not once per
/// operation (which keeps the wasm module small).
fn prepare(
    config: &Config,
    options: &CallOptions,
    request: &dyn Fn(&Config) -> Result<HttpRequest, Error>,
) -> Result<(Plan, HttpRequest), Error> {
    let plan = Plan::new(config, options)?;
    let request = request(config)?;
    Ok((plan, with_headers(request, options)))
}

fn with_headers(mut request: HttpRequest, options: &CallOptions) -> HttpRequest {
    for (name, value) in &options.headers {
        request.headers_mut().insert(name.clone(), value.clone());
    }
    request
}

fn attempt_timed_out(timeout: Duration, attempt: u32) -> TransportError {
    TransportError::new(
        TransportErrorKind::Timeout,
        format!("no complete response within {timeout:?} (attempt {attempt})"),
    )
}

fn deadline_passed(deadline: Duration, attempts: u32, last: Option<&str>) -> TransportError {
    let last = last
        .map(|l| format!("; last failure: {l}"))
        .unwrap_or_default();
    TransportError::new(
        TransportErrorKind::Timeout,
        format!("the call's deadline of {deadline:?} passed after {attempts} attempt(s){last}"),
    )
}

fn describe(result: &Result<HttpResponse, TransportError>) -> String {
    match result {
        Ok(response) => format!("HTTP {}", response.status()),
        Err(error) => error.to_string(),
    }
}

impl<T: BlockingTransport, E: Endpoint> Call<T, E> {
    /// Sends the request (with retries, per the call's settings) and waits for the result.
    pub fn send(self) -> Result<E::Output, Error> {
        let span = CallSpan::new(&E::OPERATION);
        span.in_scope(|| {
            let request = |config: &Config| self.endpoint.request(config);
            let prepared = prepare(self.client.config(), &self.options, &request);
            let response = run_blocking(self.client.transport(), prepared, &span)?;
            self.endpoint.response(response)
        })
    }
}

/// Steps 3 and 4 of a prepared call, for a blocking transport (not generic over the endpoint).
fn run_blocking<T: BlockingTransport>(
    transport: &T,
    prepared: Result<(Plan, HttpRequest), Error>,
    span: &CallSpan,
) -> Result<HttpResponse, Error> {
    let (plan, request) = prepared?;
    send_blocking(transport, &plan, &request, span).map_err(|e| e.for_request(&request).into())
}

/// Steps 3 and 4 for a blocking transport, under the deadline.
fn send_blocking<T: BlockingTransport>(
    transport: &T,
    plan: &Plan,
    request: &HttpRequest,
    span: &CallSpan,
) -> Result<HttpResponse, TransportError> {
    let started = Instant::now();
    let mut attempt = 0;
    loop {
        attempt += 1;
        let left = plan.deadline.map(|d| d.saturating_sub(started.elapsed()));
        if let (Some(deadline), Some(Duration::ZERO)) = (plan.deadline, left) {
            return Err(deadline_passed(deadline, attempt - 1, None));
        }
        let timeout = left.map_or(plan.timeout, |left| left.min(plan.timeout));
        let result = transport.send(plan.attempt(request, attempt, timeout));
        span.attempt(attempt, &result);
        if let Some(deadline) = plan.deadline {
            if result.is_err() && started.elapsed() >= deadline {
                return Err(deadline_passed(deadline, attempt, Some(&describe(&result))));
            }
        }
        match plan.wait(attempt, request, &result) {
            Some(wait)
                if plan
                    .deadline
                    .is_none_or(|d| started.elapsed().saturating_add(wait) < d) =>
            {
                span.retry(attempt, wait);
                transport.sleep(wait);
            }
            _ => return result,
        }
    }
}

/// The future of an awaited [`Call`]: `Send` on native targets, local on wasm32.
#[cfg(not(target_arch = "wasm32"))]
pub type CallFuture<O> = Pin<Box<dyn Future<Output = Result<O, Error>> + Send>>;
/// The future of an awaited [`Call`]: `Send` on native targets, local on wasm32.
#[cfg(target_arch = "wasm32")]
pub type CallFuture<O> = Pin<Box<dyn Future<Output = Result<O, Error>>>>;

/// An awaited call's endpoint, behind a pointer: the code that runs the call is then compiled
/// once per output type, and only the endpoint's own methods once per operation.
trait BoxedEndpoint<O> {
    fn request(&self, config: &Config) -> Result<HttpRequest, Error>;
    fn response(self: Box<Self>, response: HttpResponse) -> Result<O, Error>;
}

impl<E: Endpoint> BoxedEndpoint<E::Output> for E {
    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        Endpoint::request(self, config)
    }

    fn response(self: Box<Self>, response: HttpResponse) -> Result<E::Output, Error> {
        Endpoint::response(&*self, response)
    }
}

#[cfg(not(target_arch = "wasm32"))]
type DynEndpoint<O> = Box<dyn BoxedEndpoint<O> + Send>;
#[cfg(target_arch = "wasm32")]
type DynEndpoint<O> = Box<dyn BoxedEndpoint<O>>;

impl<T, E> IntoFuture for Call<T, E>
where
    T: Transport + 'static,
    E: Endpoint + MaybeSend + 'static,
    E::Output: MaybeSend,
{
    type Output = Result<E::Output, Error>;
    type IntoFuture = CallFuture<E::Output>;

    fn into_future(self) -> Self::IntoFuture {
        let span = CallSpan::new(&E::OPERATION);
        let Call {
            client,
            endpoint,
            options,
        } = self;
        start(client, Box::new(endpoint), options, span)
    }
}

/// An awaited call, compiled once per transport and output type: steps 1 and 2 here, then the
/// pipeline (one boxed future per transport type), then step 5.
fn start<T, O>(
    client: Client<T>,
    endpoint: DynEndpoint<O>,
    options: CallOptions,
    span: CallSpan,
) -> CallFuture<O>
where
    T: Transport + 'static,
    O: MaybeSend + 'static,
{
    let request = |config: &Config| endpoint.request(config);
    let prepared = span.in_scope(|| prepare(client.config(), &options, &request));
    let pipeline = run_async(client, prepared, span.clone());
    Box::pin(span.instrument(async move { endpoint.response(pipeline.await?) }))
}

/// Steps 3 and 4 of a prepared call, for an async transport (not generic over the endpoint).
fn run_async<T: Transport + 'static>(
    client: Client<T>,
    prepared: Result<(Plan, HttpRequest), Error>,
    span: CallSpan,
) -> CallFuture<HttpResponse> {
    Box::pin(async move {
        let (plan, request) = prepared?;
        send_async(client.transport(), &plan, &request, &span)
            .await
            .map_err(|e| e.for_request(&request).into())
    })
}

/// Steps 3 and 4 for an async transport, under the deadline.
async fn send_async<T: Transport>(
    transport: &T,
    plan: &Plan,
    request: &HttpRequest,
    span: &CallSpan,
) -> Result<HttpResponse, TransportError> {
    // What the deadline's error reports: attempts made and the last failure.
    let progress = Mutex::new((0u32, None::<String>));
    let attempts = async {
        let mut waited = Duration::ZERO;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let send = pin!(transport.send(plan.attempt(request, attempt, plan.timeout)));
            let timer = pin!(transport.sleep(plan.timeout));
            let result = match select(send, timer).await {
                Either::Left((result, _)) => result,
                Either::Right(_) => Err(attempt_timed_out(plan.timeout, attempt)),
            };
            span.attempt(attempt, &result);
            // Only a deadline's error reads it: without one, no formatting per attempt.
            if plan.deadline.is_some() {
                if let Ok(mut progress) = progress.lock() {
                    *progress = (attempt, Some(describe(&result)));
                }
            }
            match plan.wait(attempt, request, &result) {
                // Without a clock, the waits are what is known to have passed: a wait that
                // alone would pass the deadline is not made.
                Some(wait)
                    if plan
                        .deadline
                        .is_none_or(|d| waited.saturating_add(wait) < d) =>
                {
                    span.retry(attempt, wait);
                    waited += wait;
                    transport.sleep(wait).await;
                }
                _ => return result,
            }
        }
    };
    let Some(deadline) = plan.deadline else {
        return attempts.await;
    };
    let attempts = pin!(attempts);
    let timer = pin!(transport.sleep(deadline));
    match select(attempts, timer).await {
        Either::Left((result, _)) => result,
        Either::Right(_) => {
            let (attempts, last) = progress.lock().map(|p| p.clone()).unwrap_or_default();
            Err(deadline_passed(deadline, attempts.max(1), last.as_deref()))
        }
    }
}
