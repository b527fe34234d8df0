//! `Client<T>`: one method per operation, for any transport.
//!
//! Each method returns a [`Call`], a builder for the operation's optional parameters. With an
//! async [`Transport`] a call is awaited; with a [`BlockingTransport`] it is sent with
//! [`Call::send`]. The methods themselves live next to their endpoints, one file per domain.

use std::future::{Future, IntoFuture};
use std::pin::Pin;
use std::sync::Arc;

use crate::config::Config;
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::transport::{BlockingTransport, FromConfig, MaybeSend, Transport};

/// A Liveblocks client over the transport `T`.
///
/// Cloning is cheap (the config and transport are shared). The adapter crates export ready
/// aliases (`liveblocks_hyper::Client`, `liveblocks_ureq::Client`, `liveblocks_wasm::Client`);
/// use this type directly to bring your own HTTP stack (see [`crate::transport`]).
pub struct Client<T> {
    inner: Arc<Inner<T>>,
}

struct Inner<T> {
    config: Config,
    transport: T,
}

impl<T> Client<T> {
    /// A client that sends its requests through `transport`.
    pub fn with_transport(config: Config, transport: T) -> Self {
        Client {
            inner: Arc::new(Inner { config, transport }),
        }
    }

    /// The client's configuration.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The client's transport.
    pub fn transport(&self) -> &T {
        &self.inner.transport
    }

    /// Runs any endpoint value through this client, including ones defined outside this crate.
    pub fn call<E: Endpoint>(&self, endpoint: E) -> Call<T, E> {
        Call {
            client: self.clone(),
            endpoint,
        }
    }
}

impl<T: FromConfig> Client<T> {
    /// A client for the hosted API with this secret key (`sk_...`).
    pub fn new(secret: impl Into<String>) -> Result<Self, Error> {
        Self::from_config(Config::new(secret)?)
    }

    /// A client configured from `LIVEBLOCKS_SECRET_KEY` and `LIVEBLOCKS_BASE_URL`
    /// (see [`Config::from_env`]).
    pub fn from_env() -> Result<Self, Error> {
        Self::from_config(Config::from_env()?)
    }

    /// A client for any configuration.
    pub fn from_config(config: Config) -> Result<Self, Error> {
        let transport = T::from_config(&config)?;
        Ok(Self::with_transport(config, transport))
    }
}

impl<T> Clone for Client<T> {
    fn clone(&self) -> Self {
        Client {
            inner: Arc::clone(&self.inner),
        }
    }
}

impl<T> std::fmt::Debug for Client<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("config", &self.inner.config)
            .finish_non_exhaustive()
    }
}

/// One pending call: an endpoint plus the client that will run it.
///
/// Set optional parameters with its builder methods, then `.await` it (async transports) or
/// call [`Call::send`] (blocking transports). Nothing is sent before that.
#[must_use = "a call does nothing until it is awaited or sent"]
pub struct Call<T, E> {
    client: Client<T>,
    endpoint: E,
}

impl<T, E> Call<T, E> {
    /// The endpoint as configured so far.
    pub fn endpoint(&self) -> &E {
        &self.endpoint
    }

    /// Takes the endpoint out, to drive the request yourself.
    pub fn into_endpoint(self) -> E {
        self.endpoint
    }

    /// Splits the call into its client and endpoint.
    pub fn into_parts(self) -> (Client<T>, E) {
        (self.client, self.endpoint)
    }

    /// Changes the endpoint; the generated builder methods forward through this.
    pub fn map(self, f: impl FnOnce(E) -> E) -> Self {
        Call {
            client: self.client,
            endpoint: f(self.endpoint),
        }
    }
}

impl<T: BlockingTransport, E: Endpoint> Call<T, E> {
    /// Sends the request and waits for the result.
    pub fn send(self) -> Result<E::Output, Error> {
        let request = self.endpoint.request(self.client.config())?;
        let response = self.client.transport().send(request)?;
        self.endpoint.response(response)
    }
}

/// The future of an awaited [`Call`]: `Send` on native targets, local on wasm32.
#[cfg(not(target_arch = "wasm32"))]
pub type CallFuture<O> = Pin<Box<dyn Future<Output = Result<O, Error>> + Send>>;
/// The future of an awaited [`Call`]: `Send` on native targets, local on wasm32.
#[cfg(target_arch = "wasm32")]
pub type CallFuture<O> = Pin<Box<dyn Future<Output = Result<O, Error>>>>;

impl<T, E> IntoFuture for Call<T, E>
where
    T: Transport + 'static,
    E: Endpoint + MaybeSend + 'static,
    E::Output: MaybeSend,
{
    type Output = Result<E::Output, Error>;
    type IntoFuture = CallFuture<E::Output>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(async move {
            let request = self.endpoint.request(self.client.config())?;
            let response = self.client.transport().send(request).await?;
            self.endpoint.response(response)
        })
    }
}

/// Gives `Call<T, Endpoint>` the endpoint's builder methods, so they are written once (on the
/// endpoint) and documented there.
macro_rules! call_setters {
    ($endpoint:ident { $( $name:ident ( $( $arg:ident : $ty:ty ),* ) ),* $(,)? }) => {
        impl<T> $crate::client::Call<T, $endpoint> {
            $(
                #[doc = concat!("Sets this call's parameter; see [`", stringify!($endpoint), "::", stringify!($name), "`].")]
                pub fn $name(self, $( $arg: $ty ),*) -> Self {
                    self.map(|endpoint| endpoint.$name($( $arg ),*))
                }
            )*
        }
    };
}
pub(crate) use call_setters;
