//! `Client<T>`: one method per operation, for any transport.
//!
//! Each method returns a [`Call`](crate::Call), a builder for the operation's optional parameters and the
//! call's own options. With an async [`Transport`](crate::Transport) a call is awaited; with a
//! [`BlockingTransport`](crate::BlockingTransport) it is sent with [`Call::send`](crate::Call::send). The methods
//! are declared with their operations, one file per API domain (see [`crate::endpoints`]).

use std::sync::Arc;

use crate::config::{Config, FromConfig};
use crate::error::Error;

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
