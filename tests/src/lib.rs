//! Helpers shared by the live suites in `tests/tests/`.
//!
//! The suites need a running server. They never skip: a missing variable is a panic that says
//! how to start the server, so a misconfigured run fails instead of passing empty.
//!
//! - `devserver.rs` reads `LIVEBLOCKS_BASE_URL` and `LIVEBLOCKS_SECRET_KEY`, which
//!   `npx liveblocks dev --cmd "..."` sets for the command it runs.
//! - `prism.rs` reads `PRISM_URL`, the address of `prism mock --errors` serving the derived
//!   spec (`scripts/test.sh` starts it).
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use liveblocks_core::config::{ENV_BASE_URL, ENV_SECRET_KEY};
use liveblocks_core::Config;

/// Reads a required environment variable, or panics with `how` (how to provide it).
pub fn require_env(name: &str, how: &str) -> String {
    match std::env::var(name) {
        Ok(value) if !value.trim().is_empty() => value,
        _ => panic!("the environment variable {name} is not set: {how}"),
    }
}

/// How to run the dev-server suite, for panic messages.
pub const DEVSERVER_HOW: &str = "run this suite through the dev server: \
    npx liveblocks dev --random-port --no-check --cmd \"cargo test -p liveblocks-tests --test devserver\" \
    (or ./scripts/test.sh)";

/// How to run the Prism suite, for panic messages.
pub const PRISM_HOW: &str = "start Prism on the derived spec and pass its address, e.g. \
    PRISM_URL=http://127.0.0.1:4010 cargo test -p liveblocks-tests --test prism \
    (./scripts/test.sh does both)";

/// The dev server's base URL (`LIVEBLOCKS_BASE_URL`); panics if it is not set.
pub fn devserver_base_url() -> String {
    require_env(ENV_BASE_URL, DEVSERVER_HOW)
}

/// The config for the dev server, from `LIVEBLOCKS_BASE_URL` and `LIVEBLOCKS_SECRET_KEY`;
/// panics if either is missing or invalid.
pub fn devserver_config() -> Config {
    let secret = require_env(ENV_SECRET_KEY, DEVSERVER_HOW);
    let base_url = devserver_base_url();
    Config::new(secret)
        .and_then(|config| config.with_base_url(&base_url))
        .unwrap_or_else(|e| panic!("invalid dev server settings ({base_url}): {e}"))
}

/// The config for Prism (`PRISM_URL`, any `sk_` key: Prism checks none); panics if
/// `PRISM_URL` is missing or invalid.
pub fn prism_config() -> Config {
    let url = require_env("PRISM_URL", PRISM_HOW);
    Config::new("sk_prism_test")
        .and_then(|config| config.with_base_url(&url))
        .unwrap_or_else(|e| panic!("invalid PRISM_URL {url:?}: {e}"))
}

/// A room ID no other test (in this run or an earlier one) uses: `rs-<label>-<time>-<n>`.
pub fn unique_room_id(label: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!("rs-{label}-{}-{nanos:x}-{n}", std::process::id())
}

/// Gives the transport type of a client type, so tests can name
/// `liveblocks_hyper::Client`'s transport without spelling it.
pub trait ClientTransport {
    /// The transport.
    type Transport;
}

impl<T> ClientTransport for liveblocks_core::Client<T> {
    type Transport = T;
}
