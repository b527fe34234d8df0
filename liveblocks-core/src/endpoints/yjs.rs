//! Yjs: read a room's Yjs document as JSON or as one binary update, and apply updates.

use bytes::Bytes;
use http::Method;

use crate::call::Call;
use crate::client::{call_setters, Client};
use crate::config::Config;
use crate::endpoint::{
    body_bytes, decode_json, ignore_body, op, BodyKind, Endpoint, Operation, RequestBuilder,
};
use crate::error::Error;
use crate::models::yjs::YjsType;
use crate::transport::{HttpRequest, HttpResponse};

/// Every operation of this domain.
pub const OPERATIONS: &[Operation] = &[
    GetYjsDocument::OPERATION,
    SendYjsBinaryUpdate::OPERATION,
    GetYjsDocumentAsBinaryUpdate::OPERATION,
];

/// Reads a room's Yjs document as JSON (`GET /v2/rooms/{roomId}/ydoc`).
///
/// The answer is whatever JSON the document holds: an object of its root types, or, with
/// [`GetYjsDocument::key`], that one value (a string for a `Y.Text`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetYjsDocument {
    room_id: String,
    formatting: bool,
    key: Option<String>,
    yjs_type: Option<YjsType>,
}

impl GetYjsDocument {
    /// Reads all of `room_id`'s Yjs document.
    pub fn new(room_id: impl Into<String>) -> Self {
        GetYjsDocument {
            room_id: room_id.into(),
            formatting: false,
            key: None,
            yjs_type: None,
        }
    }

    /// When true, `Y.Text` values come with their formatting (sent only when true).
    pub fn formatting(mut self, formatting: bool) -> Self {
        self.formatting = formatting;
        self
    }

    /// Reads only this root key.
    pub fn key(mut self, key: impl Into<String>) -> Self {
        self.key = Some(key.into());
        self
    }

    /// With [`GetYjsDocument::key`], reads the key as this type instead of the inferred one.
    pub fn yjs_type(mut self, yjs_type: YjsType) -> Self {
        self.yjs_type = Some(yjs_type);
        self
    }
}

call_setters!(GetYjsDocument {
    formatting(formatting: bool),
    key(key: impl Into<String>),
    yjs_type(yjs_type: YjsType),
});

impl Endpoint for GetYjsDocument {
    type Output = serde_json::Value;
    const OPERATION: Operation = op(
        "get-yjs-document",
        Method::GET,
        "/rooms/{roomId}/ydoc",
        &["formatting", "key", "type"],
        BodyKind::None,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("roomId", &self.room_id)
            .flag("formatting", self.formatting)
            .query_opt("key", self.key.as_ref())
            .query_opt("type", self.yjs_type.map(YjsType::as_str))
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

/// Applies a binary Yjs update (V1 encoding, as `Y.encodeStateAsUpdate` makes) to a room's
/// document (`PUT /v2/rooms/{roomId}/ydoc`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendYjsBinaryUpdate {
    room_id: String,
    update: Bytes,
    guid: Option<String>,
}

impl SendYjsBinaryUpdate {
    /// Applies `update` to `room_id`'s document. `Vec<u8>` and `Bytes` convert without a copy.
    pub fn new(room_id: impl Into<String>, update: impl Into<Bytes>) -> Self {
        SendYjsBinaryUpdate {
            room_id: room_id.into(),
            update: update.into(),
            guid: None,
        }
    }

    /// Applies the update to this subdocument instead of the root document.
    pub fn guid(mut self, guid: impl Into<String>) -> Self {
        self.guid = Some(guid.into());
        self
    }
}

call_setters!(SendYjsBinaryUpdate { guid(guid: impl Into<String>) });

impl Endpoint for SendYjsBinaryUpdate {
    type Output = ();
    const OPERATION: Operation = op(
        "send-yjs-binary-update",
        Method::PUT,
        "/rooms/{roomId}/ydoc",
        &["guid"],
        BodyKind::Binary,
        BodyKind::None,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("roomId", &self.room_id)
            .query_opt("guid", self.guid.as_ref())
            .binary(self.update.clone())
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        // The spec documents no body; the dev server sends {"success":true}. Both are fine.
        ignore_body(response)
    }
}

/// Reads a room's whole Yjs document as one binary update
/// (`GET /v2/rooms/{roomId}/ydoc-binary`), ready for `Y.applyUpdate`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetYjsDocumentAsBinaryUpdate {
    room_id: String,
    guid: Option<String>,
}

impl GetYjsDocumentAsBinaryUpdate {
    /// Reads `room_id`'s root document.
    pub fn new(room_id: impl Into<String>) -> Self {
        GetYjsDocumentAsBinaryUpdate {
            room_id: room_id.into(),
            guid: None,
        }
    }

    /// Reads this subdocument instead of the root document.
    pub fn guid(mut self, guid: impl Into<String>) -> Self {
        self.guid = Some(guid.into());
        self
    }
}

call_setters!(GetYjsDocumentAsBinaryUpdate { guid(guid: impl Into<String>) });

impl Endpoint for GetYjsDocumentAsBinaryUpdate {
    type Output = Bytes;
    const OPERATION: Operation = op(
        "get-yjs-document-as-binary-update",
        Method::GET,
        "/rooms/{roomId}/ydoc-binary",
        &["guid"],
        BodyKind::None,
        BodyKind::Binary,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("roomId", &self.room_id)
            .query_opt("guid", self.guid.as_ref())
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        body_bytes(response)
    }
}

/// Yjs.
impl<T> Client<T> {
    /// Reads a room's Yjs document as JSON.
    pub fn get_yjs_document(&self, room_id: impl Into<String>) -> Call<T, GetYjsDocument> {
        self.call(GetYjsDocument::new(room_id))
    }

    /// Applies a binary Yjs update (V1 encoding) to a room's document.
    ///
    /// ```no_run
    /// # async fn run(client: liveblocks_core::Client<impl liveblocks_core::Transport + 'static>, update: Vec<u8>) -> Result<(), liveblocks_core::Error> {
    /// client.send_yjs_binary_update("my-room", update).await?;
    /// # Ok(()) }
    /// ```
    pub fn send_yjs_binary_update(
        &self,
        room_id: impl Into<String>,
        update: impl Into<Bytes>,
    ) -> Call<T, SendYjsBinaryUpdate> {
        self.call(SendYjsBinaryUpdate::new(room_id, update))
    }

    /// Reads a room's whole Yjs document as one binary update.
    pub fn get_yjs_document_as_binary_update(
        &self,
        room_id: impl Into<String>,
    ) -> Call<T, GetYjsDocumentAsBinaryUpdate> {
        self.call(GetYjsDocumentAsBinaryUpdate::new(room_id))
    }
}
