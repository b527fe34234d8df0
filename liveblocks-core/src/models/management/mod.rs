//! Management API (beta): a team's projects, their API keys, and their webhooks.
//!
//! These calls take a Management API access token, not a project secret key: build the client
//! from [`Config::management`](crate::Config::management).

mod keys;
mod projects;
mod webhooks;

pub use keys::*;
pub use projects::*;
pub use webhooks::*;
