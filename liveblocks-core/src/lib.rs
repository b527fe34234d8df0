//! The sans-IO core of the Liveblocks REST API client.
//!
//! It turns typed calls into `http::Request`s and `http::Response`s into typed results or
//! typed errors, and never does I/O itself. Pick an adapter crate to run the requests
//! (`liveblocks-hyper` for tokio, `liveblocks-ureq` for blocking code, `liveblocks-wasm` for
//! browsers and Cloudflare Workers), bring your own through [`Transport`] or
//! [`BlockingTransport`], or drive an [`Endpoint`] by hand.
//!
//! ```
//! use bytes::Bytes;
//! use liveblocks_core::{Client, Config, TransportError};
//! use liveblocks_core::models::rooms::RoomPermission;
//!
//! // Any closure from request to response is a transport; this one plays the server.
//! let transport = |request: http::Request<Bytes>| -> Result<http::Response<Bytes>, TransportError> {
//!     assert_eq!(request.method(), "POST");
//!     assert_eq!(request.uri().path(), "/v2/rooms");
//!     let body = r#"{"type":"room","id":"my-room","organizationId":"default",
//!         "createdAt":"2024-05-01T10:00:00.000Z","defaultAccesses":["room:write"],
//!         "usersAccesses":{},"groupsAccesses":{},"metadata":{"color":"blue"}}"#;
//!     Ok(http::Response::new(Bytes::from(body)))
//! };
//! let client = Client::with_transport(Config::new("sk_test")?, transport);
//! let room = client
//!     .create_room("my-room", [RoomPermission::RoomWrite])
//!     .metadata("color", "blue")
//!     .send()?;
//! assert_eq!(room.id, "my-room");
//! # Ok::<(), liveblocks_core::Error>(())
//! ```
#![forbid(unsafe_code)]
// docs.rs shows which feature each item needs.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_docs)]

pub mod call;
pub mod client;
pub mod comment_body;
pub mod config;
mod declare;
mod decode;
pub mod endpoint;
pub mod endpoints;
pub mod error;
// The decode error's path on wasm32 (natively the decode is redone with the path tracked).
#[cfg(any(target_arch = "wasm32", test))]
mod json_path;
pub mod models;
pub mod notification_content;
pub mod pagination;
pub mod query;
pub mod retry;
pub mod session;
pub mod storage_edit;
mod trace;
pub mod transport;
pub mod upload;
pub mod webhooks;
#[cfg(feature = "yrs")]
pub mod yjs_edit;

pub use call::{Call, CallFuture, CallOptions};
pub use client::Client;
pub use config::{Config, FromConfig};
pub use endpoint::{Endpoint, Operation};
pub use endpoints::{
    ai, attachments, auth, comments, feeds, groups, management, notifications, rooms, storage,
    storage_files, versions, yjs,
};
pub use error::{ApiError, DecodeError, Error, ErrorBody};
pub use error::{TransportError, TransportErrorKind};
pub use pagination::{Items, Pages, Paginated};
pub use transport::{BlockingTransport, Limits, Transport};

/// Re-exported so adapters and users name the same versions (and implement
/// [`Transport`] with the same `#[async_trait]`).
pub use async_trait;
/// Re-exported so adapters and users name the same versions.
pub use bytes;
/// Re-exported so adapters and users name the same versions.
pub use http;
