//! Server-side Yjs edits (cargo feature `yrs`): load a room's Yjs document into a
//! [`yrs::Doc`], change it with a closure, send only the difference as one update.
//!
//! ```no_run
//! # async fn run(client: liveblocks_core::Client<impl liveblocks_core::Transport + 'static>) -> Result<(), liveblocks_core::Error> {
//! use liveblocks_core::yjs_edit::yrs::{Text, Transact};
//!
//! let edit = client
//!     .edit_yjs("my-room", |doc| {
//!         let text = doc.get_or_insert_text("title");
//!         let mut txn = doc.transact_mut();
//!         text.push(&mut txn, " (edited on the server)");
//!     })
//!     .await?;
//! println!("sent an update of {} bytes", edit.update.len());
//! # Ok(()) }
//! ```
//!
//! The steps, each usable alone (sans-IO):
//! 1. `get_yjs_document_as_binary_update(room)`: the whole document as one V1 update;
//! 2. [`plan`]: applies it to a fresh `Doc`, notes its state vector, runs your closure, and
//!    encodes what changed since that state vector (`encode_diff_v1`);
//! 3. `send_yjs_binary_update(room, update)`: nothing is sent when nothing changed.
//!
//! The read and the send are two requests, and that is safe: an update is a CRDT operation,
//! so a change another client makes in between is merged with ours on the server, not
//! overwritten (unlike [`edit_storage`](crate::Client::edit_storage), whose JSON Patch
//! replaces values). The closure gets the `Doc` with its default options (a random client
//! ID); open transactions in it as usual, and drop them before it returns.

use std::future::IntoFuture;

use bytes::Bytes;
pub use yrs;
use yrs::updates::decoder::Decode;
use yrs::{Doc, ReadTxn, Transact, Update};

use crate::call::CallFuture;
use crate::client::Client;
use crate::error::Error;
use crate::transport::{BlockingTransport, MaybeSend, Transport};
use crate::yjs::{GetYjsDocumentAsBinaryUpdate, SendYjsBinaryUpdate};

/// The outcome of an [`edit_yjs`](Client::edit_yjs).
#[derive(Debug)]
#[non_exhaustive]
pub struct YjsEdit {
    /// The V1 update sent: only what the closure changed (empty when nothing changed, and
    /// then nothing was sent).
    pub update: Bytes,
    /// The document after the change, as this client sees it (without edits other clients
    /// made after the read).
    pub doc: Doc,
}

/// Plans an edit from the document as read (one V1 update): applies it to a new `Doc`, runs
/// `edit`, and encodes the difference.
///
/// ```
/// use liveblocks_core::yjs_edit::plan;
/// use liveblocks_core::yjs_edit::yrs::{GetString, Text, Transact};
///
/// let empty = [0u8, 0];
/// let edit = plan(&empty, |doc| {
///     let text = doc.get_or_insert_text("t");
///     text.push(&mut doc.transact_mut(), "hi");
/// })?;
/// assert!(!edit.update.is_empty());
/// let text = edit.doc.get_or_insert_text("t");
/// assert_eq!(text.get_string(&edit.doc.transact()), "hi");
///
/// let unchanged = plan(&edit.update, |_| {})?;
/// assert!(unchanged.update.is_empty());
/// # Ok::<(), liveblocks_core::Error>(())
/// ```
pub fn plan(read: &[u8], edit: impl FnOnce(&Doc)) -> Result<YjsEdit, Error> {
    let doc = Doc::new();
    let update = Update::decode_v1(read).map_err(|e| {
        Error::invalid_input(format!("the room's Yjs document is not a V1 update: {e}"))
    })?;
    doc.transact_mut().apply_update(update).map_err(|e| {
        Error::invalid_input(format!("the room's Yjs document can't be applied: {e}"))
    })?;
    let before = doc.transact().state_vector();
    // The diff of an unchanged document still carries its delete set: compare to that.
    let unchanged = doc.transact().encode_diff_v1(&before);
    edit(&doc);
    let diff = doc.transact().encode_diff_v1(&before);
    let update = if diff == unchanged {
        Bytes::new()
    } else {
        Bytes::from(diff)
    };
    Ok(YjsEdit { update, doc })
}

/// A pending [`Client::edit_yjs`]: `.await` it (async transports) or [`EditYjs::send`] it
/// (blocking ones).
#[must_use = "an edit does nothing until it is awaited or sent"]
pub struct EditYjs<T, F> {
    client: Client<T>,
    room_id: String,
    guid: Option<String>,
    edit: F,
}

impl<T, F> std::fmt::Debug for EditYjs<T, F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EditYjs")
            .field("room_id", &self.room_id)
            .field("guid", &self.guid)
            .finish_non_exhaustive()
    }
}

impl<T, F> EditYjs<T, F> {
    /// Edits this subdocument instead of the root document.
    pub fn guid(mut self, guid: impl Into<String>) -> Self {
        self.guid = Some(guid.into());
        self
    }

    fn requests(
        &self,
    ) -> (
        GetYjsDocumentAsBinaryUpdate,
        impl Fn(Bytes) -> SendYjsBinaryUpdate,
    ) {
        let mut get = GetYjsDocumentAsBinaryUpdate::new(&self.room_id);
        if let Some(guid) = &self.guid {
            get = get.guid(guid);
        }
        let (room_id, guid) = (self.room_id.clone(), self.guid.clone());
        let send = move |update: Bytes| {
            let send = SendYjsBinaryUpdate::new(&room_id, update);
            match &guid {
                Some(guid) => send.guid(guid),
                None => send,
            }
        };
        (get, send)
    }
}

impl<T: BlockingTransport, F: FnOnce(&Doc)> EditYjs<T, F> {
    /// Reads, edits, and sends the update (if anything changed).
    pub fn send(self) -> Result<YjsEdit, Error> {
        let (get, send) = self.requests();
        let read = self.client.call(get).send()?;
        let edit = plan(&read, self.edit)?;
        if !edit.update.is_empty() {
            self.client.call(send(edit.update.clone())).send()?;
        }
        Ok(edit)
    }
}

impl<T, F> IntoFuture for EditYjs<T, F>
where
    T: Transport + 'static,
    F: FnOnce(&Doc) + MaybeSend + 'static,
{
    type Output = Result<YjsEdit, Error>;
    type IntoFuture = CallFuture<YjsEdit>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(async move {
            let (get, send) = self.requests();
            let read = self.client.call(get).into_future().await?;
            let edit = plan(&read, self.edit)?;
            if !edit.update.is_empty() {
                let call = self.client.call(send(edit.update.clone()));
                call.into_future().await?;
            }
            Ok(edit)
        })
    }
}

/// Yjs edits.
impl<T> Client<T> {
    /// Reads `room_id`'s Yjs document, lets `edit` change it, and sends only the change as
    /// one update (see the [module docs](crate::yjs_edit)). `.await` it, or `.send()` it with
    /// a blocking transport.
    pub fn edit_yjs<F: FnOnce(&Doc)>(&self, room_id: impl Into<String>, edit: F) -> EditYjs<T, F> {
        EditYjs {
            client: self.clone(),
            room_id: room_id.into(),
            guid: None,
            edit,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use yrs::{GetString, Map, StateVector, Text};

    use super::*;
    use crate::transport::{HttpRequest, HttpResponse, TransportError};
    use crate::Config;

    fn doc_with_text(text: &str) -> Vec<u8> {
        let doc = Doc::new();
        let t = doc.get_or_insert_text("t");
        t.push(&mut doc.transact_mut(), text);
        let update = doc
            .transact()
            .encode_state_as_update_v1(&StateVector::default());
        update
    }

    /// Only the change is sent, and it merges with a concurrent edit made from the same read.
    #[test]
    fn the_update_is_the_difference_and_merges() {
        let read = doc_with_text("hello");
        let ours = plan(&read, |doc| {
            let t = doc.get_or_insert_text("t");
            t.push(&mut doc.transact_mut(), " world");
        })
        .unwrap();
        assert!(ours.update.len() < read.len() + 10, "only the diff");
        let theirs = plan(&read, |doc| {
            let m = doc.get_or_insert_map("m");
            m.insert(&mut doc.transact_mut(), "k", "v");
        })
        .unwrap();
        let server = Doc::new();
        for update in [&read[..], &theirs.update, &ours.update] {
            let update = Update::decode_v1(update).unwrap();
            server.transact_mut().apply_update(update).unwrap();
        }
        let t = server.get_or_insert_text("t");
        let m = server.get_or_insert_map("m");
        let txn = server.transact();
        assert_eq!(t.get_string(&txn), "hello world");
        assert_eq!(
            m.get(&txn, "k").map(|v| v.to_string(&txn)).as_deref(),
            Some("v")
        );
    }

    #[test]
    fn a_deletion_is_a_change_and_garbage_is_refused() {
        let read = doc_with_text("hello");
        let edit = plan(&read, |doc| {
            let t = doc.get_or_insert_text("t");
            t.remove_range(&mut doc.transact_mut(), 0, 1);
        })
        .unwrap();
        assert!(!edit.update.is_empty());
        assert!(plan(b"\xff\xff\xff", |_| {})
            .unwrap_err()
            .is_invalid_input());
    }

    #[test]
    fn edit_reads_sends_and_skips_empty_updates() {
        let log = Mutex::new(Vec::new());
        let read = doc_with_text("a");
        let transport = |request: HttpRequest| -> Result<HttpResponse, TransportError> {
            log.lock()
                .unwrap()
                .push(format!("{} {}", request.method(), request.uri()));
            let body = if request.method() == http::Method::GET {
                Bytes::from(read.clone())
            } else {
                Bytes::from_static(br#"{"success":true}"#)
            };
            Ok(http::Response::new(body))
        };
        let client = Client::with_transport(Config::new("sk_test").unwrap(), transport);
        let edit = client
            .edit_yjs("my room", |doc| {
                let t = doc.get_or_insert_text("t");
                t.push(&mut doc.transact_mut(), "b");
            })
            .guid("sub")
            .send()
            .unwrap();
        assert!(!edit.update.is_empty());
        client.edit_yjs("r", |_| {}).send().unwrap();
        let log = log.lock().unwrap().clone();
        assert_eq!(
            log,
            [
                "GET https://api.liveblocks.io/v2/rooms/my%20room/ydoc-binary?guid=sub",
                "PUT https://api.liveblocks.io/v2/rooms/my%20room/ydoc?guid=sub",
                "GET https://api.liveblocks.io/v2/rooms/r/ydoc-binary",
            ]
        );
    }
}
