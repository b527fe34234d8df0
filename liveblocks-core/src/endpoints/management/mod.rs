//! Management API (beta): a team's projects, their API keys and their webhooks.
//!
//! These calls are authenticated with a Management API access token (generated in the
//! dashboard's team settings), not with a project's `sk_` key. Use the same
//! [`Client`](crate::Client) type, built from [`Config::management`](crate::Config::management):
//!
//! ```no_run
//! # async fn run<T: liveblocks_core::Transport + liveblocks_core::FromConfig + 'static>() -> Result<(), liveblocks_core::Error> {
//! use liveblocks_core::{Client, Config};
//!
//! // With an adapter: liveblocks_hyper::Client::from_config(Config::management(token)?)
//! let client = Client::<T>::from_config(Config::from_env_management()?)?;
//! let projects = client.get_management_projects().limit(10).await?;
//! for project in &projects.data {
//!     println!("{} ({})", project.name, project.id);
//! }
//! # Ok(()) }
//! ```

pub(crate) mod keys;
pub(crate) mod projects;
pub(crate) mod webhooks;

// Each file has its own `OPERATIONS`, listed one by one in `endpoints::DOMAINS`, so the name
// is left ambiguous here on purpose: there is no `management::OPERATIONS`.
#[allow(ambiguous_glob_reexports)]
pub use keys::*;
pub use projects::*;
pub use webhooks::*;
