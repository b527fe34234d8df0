//! Server-side Storage edits: read a room's Storage as JSON, change it with a closure, send
//! only the difference as a JSON Patch.
//!
//! ```no_run
//! # async fn run(client: liveblocks_core::Client<impl liveblocks_core::Transport + 'static>) -> Result<(), liveblocks_core::Error> {
//! use serde_json::json;
//!
//! let edit = client
//!     .edit_storage("my-room", |doc| {
//!         doc["title"] = json!("Renamed");
//!         if let Some(todos) = doc["todos"].as_array_mut() {
//!             todos.push(json!({"text": "ship it", "done": false}));
//!         }
//!     })
//!     .await?;
//! println!("sent {} operations", edit.patch.len());
//! # Ok(()) }
//! ```
//!
//! The steps, each usable alone (sans-IO):
//! 1. `get_storage_document(room).format(StorageFormat::Json)`: Storage as plain JSON
//!    (`LiveObject`s and `LiveMap`s become objects, `LiveList`s arrays);
//! 2. your closure changes that `serde_json::Value`;
//! 3. [`diff`] computes the JSON Patch (see there for what "minimal" means);
//! 4. `patch_storage_document(room, ops)` applies it, all or nothing; nothing is sent when
//!    nothing changed.
//!
//! The read and the patch are two requests: a change another client makes in between is
//! kept where the patch doesn't touch it, and overwritten where it does. The root must stay
//! an object (Storage's root is a `LiveObject`); anything else is an
//! [`Error::InvalidInput`].

mod diff;

use std::future::IntoFuture;

use serde_json::Value;

pub use diff::diff;

use crate::call::CallFuture;
use crate::client::Client;
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::models::storage::{JsonPatchOp, StorageDocument, StorageFormat};
use crate::storage::{GetStorageDocument, PatchStorageDocument};
use crate::transport::{BlockingTransport, MaybeSend, Transport};

/// The outcome of an [`edit_storage`](Client::edit_storage).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct StorageEdit {
    /// The operations sent (empty when nothing changed, and then nothing was sent).
    pub patch: Vec<JsonPatchOp>,
    /// The document as read, before the change.
    pub before: Value,
    /// The document after the change, as the closure left it.
    pub after: Value,
}

/// Plans an edit from the document as read: runs `edit` on a copy and diffs.
///
/// ```
/// use liveblocks_core::models::storage::{JsonPatchOp, StorageDocument};
/// use liveblocks_core::storage_edit::plan;
/// use serde_json::json;
///
/// let read = StorageDocument::Json(json!({"count": 1}).as_object().unwrap().clone());
/// let edit = plan(read, |doc| doc["count"] = json!(2))?;
/// assert_eq!(edit.patch, [JsonPatchOp::replace("/count", json!(2))]);
/// # Ok::<(), liveblocks_core::Error>(())
/// ```
pub fn plan(read: StorageDocument, edit: impl FnOnce(&mut Value)) -> Result<StorageEdit, Error> {
    let before = match read {
        StorageDocument::Json(map) => Value::Object(map),
        // Only when the server ignores `format=json`; its plain LSON is JSON too.
        StorageDocument::Lson(root) => serde_json::to_value(root).map_err(|e| {
            Error::invalid_input(format!("the Storage document can't be read as JSON: {e}"))
        })?,
    };
    let mut after = before.clone();
    edit(&mut after);
    if !after.is_object() {
        return Err(Error::invalid_input(
            "the edited Storage root must stay a JSON object (Storage's root is a LiveObject): \
             change its keys instead of replacing it",
        ));
    }
    Ok(StorageEdit {
        patch: diff(&before, &after),
        before,
        after,
    })
}

/// A pending [`Client::edit_storage`]: `.await` it (async transports) or
/// [`EditStorage::send`] it (blocking ones).
#[must_use = "an edit does nothing until it is awaited or sent"]
pub struct EditStorage<T, F> {
    client: Client<T>,
    room_id: String,
    edit: F,
}

impl<T, F> std::fmt::Debug for EditStorage<T, F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EditStorage")
            .field("room_id", &self.room_id)
            .finish_non_exhaustive()
    }
}

impl<T: BlockingTransport, F: FnOnce(&mut Value)> EditStorage<T, F> {
    /// Reads, edits, and sends the patch (if anything changed).
    pub fn send(self) -> Result<StorageEdit, Error> {
        let config = self.client.config();
        let get = GetStorageDocument::new(&self.room_id).format(StorageFormat::Json);
        let read = get.response(self.client.transport().send(get.request(config)?)?)?;
        let edit = plan(read, self.edit)?;
        if !edit.patch.is_empty() {
            let patch = PatchStorageDocument::new(&self.room_id, edit.patch.clone());
            patch.response(self.client.transport().send(patch.request(config)?)?)?;
        }
        Ok(edit)
    }
}

impl<T, F> IntoFuture for EditStorage<T, F>
where
    T: Transport + 'static,
    F: FnOnce(&mut Value) + MaybeSend + 'static,
{
    type Output = Result<StorageEdit, Error>;
    type IntoFuture = CallFuture<StorageEdit>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(async move {
            let config = self.client.config();
            let get = GetStorageDocument::new(&self.room_id).format(StorageFormat::Json);
            let response = self.client.transport().send(get.request(config)?).await?;
            let edit = plan(get.response(response)?, self.edit)?;
            if !edit.patch.is_empty() {
                let patch = PatchStorageDocument::new(&self.room_id, edit.patch.clone());
                let response = self.client.transport().send(patch.request(config)?).await?;
                patch.response(response)?;
            }
            Ok(edit)
        })
    }
}

/// Storage edits.
impl<T> Client<T> {
    /// Reads `room_id`'s Storage as JSON, lets `edit` change it, and sends the difference
    /// as a JSON Patch (see the [module docs](crate::storage_edit)). `.await` it, or
    /// `.send()` it with a blocking transport.
    pub fn edit_storage<F: FnOnce(&mut Value)>(
        &self,
        room_id: impl Into<String>,
        edit: F,
    ) -> EditStorage<T, F> {
        EditStorage {
            client: self.clone(),
            room_id: room_id.into(),
            edit,
        }
    }
}

#[cfg(test)]
mod proptests;

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use bytes::Bytes;
    use serde_json::json;

    use crate::transport::{HttpRequest, HttpResponse, TransportError};
    use crate::{Client, Config};

    /// A blocking transport playing the server: Storage `{"count": 1, "tags": ["a"]}`;
    /// records every request.
    fn server(
        log: &Mutex<Vec<(String, String, String)>>,
    ) -> impl Fn(HttpRequest) -> Result<HttpResponse, TransportError> + '_ {
        move |request: HttpRequest| {
            log.lock().unwrap().push((
                request.method().to_string(),
                request.uri().to_string(),
                String::from_utf8(request.body().to_vec()).unwrap(),
            ));
            let body = if request.method() == http::Method::GET {
                Bytes::from_static(br#"{"count":1,"tags":["a"]}"#)
            } else {
                Bytes::new()
            };
            Ok(http::Response::new(body))
        }
    }

    #[test]
    fn edit_reads_json_and_sends_the_difference() {
        let log = Mutex::new(Vec::new());
        let client = Client::with_transport(Config::new("sk_test").unwrap(), server(&log));
        let edit = client
            .edit_storage("my room", |doc| {
                doc["count"] = json!(2);
                doc["tags"].as_array_mut().unwrap().push(json!("b"));
            })
            .send()
            .unwrap();
        assert_eq!(edit.patch.len(), 2);
        let log = log.lock().unwrap().clone();
        assert_eq!(log.len(), 2);
        assert_eq!(log[0].0, "GET");
        assert_eq!(
            log[0].1,
            "https://api.liveblocks.io/v2/rooms/my%20room/storage?format=json"
        );
        assert_eq!(log[1].0, "PATCH");
        assert_eq!(
            log[1].1,
            "https://api.liveblocks.io/v2/rooms/my%20room/storage/json-patch"
        );
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&log[1].2).unwrap(),
            json!([
                {"op": "replace", "path": "/count", "value": 2},
                {"op": "add", "path": "/tags/1", "value": "b"}
            ])
        );
    }

    #[test]
    fn no_change_sends_no_patch_and_a_non_object_root_is_refused() {
        let log = Mutex::new(Vec::new());
        let client = Client::with_transport(Config::new("sk_test").unwrap(), server(&log));
        let edit = client.edit_storage("r", |_| {}).send().unwrap();
        assert!(edit.patch.is_empty());
        let err = client
            .edit_storage("r", |doc| *doc = json!([1]))
            .send()
            .unwrap_err();
        assert!(err.is_invalid_input(), "{err}");
        assert!(log
            .lock()
            .unwrap()
            .iter()
            .all(|(method, _, _)| method == "GET"));
    }

    #[test]
    fn async_edit_works_the_same() {
        let transport = crate::transport::from_fn(
            |request: HttpRequest| async move {
                let body = if request.method() == http::Method::GET {
                    Bytes::from_static(br#"{"n":1}"#)
                } else {
                    assert_eq!(request.body().as_ref(), br#"[{"op":"remove","path":"/n"}]"#);
                    Bytes::new()
                };
                Ok::<_, TransportError>(http::Response::new(body))
            },
            |_| futures::future::pending::<()>(),
        );
        let client = Client::with_transport(Config::new("sk_test").unwrap(), transport);
        let call = client.edit_storage("r", |doc: &mut serde_json::Value| {
            doc.as_object_mut().unwrap().remove("n");
        });
        let edit = futures::executor::block_on(std::future::IntoFuture::into_future(call)).unwrap();
        assert_eq!(edit.after, json!({}));
    }
}
