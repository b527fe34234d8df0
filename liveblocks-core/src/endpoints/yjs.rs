//! Yjs: read a room's Yjs document as JSON or as one binary update, and apply updates.

use bytes::Bytes;

use crate::declare::operations;
use crate::models::yjs::YjsType;

operations! {
    /// Reads a room's Yjs document as JSON.
    ///
    /// The answer is whatever JSON the document holds: an object of its root types, or, with
    /// [`GetYjsDocument::key`], that one value (a string for a `Y.Text`).
    GetYjsDocument {
        "get-yjs-document", GET "/rooms/{roomId}/ydoc", None -> Json serde_json::Value;
        query ["formatting", "key", "type"];
        fn get_yjs_document(room_id: impl Into<String>);
        struct {
            room_id: String = room_id.into(),
            formatting: bool = false,
            key: Option<String> = None,
            yjs_type: Option<YjsType> = None,
        }
        set {
            /// When true, `Y.Text` values come with their formatting (sent only when true).
            fn formatting(self, formatting: bool) {
                self.formatting = formatting;
            }
            /// Reads only this root key.
            fn key(self, key: impl Into<String>) {
                self.key = Some(key.into());
            }
            /// With [`GetYjsDocument::key`], reads the key as this type instead of the
            /// inferred one.
            fn yjs_type(self, yjs_type: YjsType) {
                self.yjs_type = Some(yjs_type);
            }
        }
        path ["roomId" = room_id];
        request(self, req) {
            req.flag("formatting", self.formatting)
                .query_opt("key", self.key.as_ref())
                .query_opt("type", self.yjs_type.map(YjsType::as_str))
        }
    }

    /// Applies a binary Yjs update (V1 encoding, as `Y.encodeStateAsUpdate` makes) to a room's
    /// document. `Vec<u8>` and `Bytes` convert without a copy.
    ///
    /// The spec documents no answer body; the dev server sends `{"success":true}`. Both are
    /// fine.
    ///
    /// ```no_run
    /// # async fn run(client: liveblocks_core::Client<impl liveblocks_core::Transport + 'static>, update: Vec<u8>) -> Result<(), liveblocks_core::Error> {
    /// client.send_yjs_binary_update("my-room", update).await?;
    /// # Ok(()) }
    /// ```
    SendYjsBinaryUpdate {
        "send-yjs-binary-update", PUT "/rooms/{roomId}/ydoc", Binary -> None ();
        query ["guid"];
        fn send_yjs_binary_update(room_id: impl Into<String>, update: impl Into<Bytes>);
        struct {
            room_id: String = room_id.into(),
            update: Bytes = update.into(),
            guid: Option<String> = None,
        }
        set {
            /// Applies the update to this subdocument instead of the root document.
            fn guid(self, guid: impl Into<String>) {
                self.guid = Some(guid.into());
            }
        }
        path ["roomId" = room_id];
        request(self, req) {
            req.query_opt("guid", self.guid.as_ref())
                .binary(self.update.clone())
        }
    }

    /// Reads a room's whole Yjs document as one binary update, ready for `Y.applyUpdate`.
    GetYjsDocumentAsBinaryUpdate {
        "get-yjs-document-as-binary-update", GET "/rooms/{roomId}/ydoc-binary",
            None -> Binary Bytes;
        query ["guid"];
        fn get_yjs_document_as_binary_update(room_id: impl Into<String>);
        struct {
            room_id: String = room_id.into(),
            guid: Option<String> = None,
        }
        set {
            /// Reads this subdocument instead of the root document.
            fn guid(self, guid: impl Into<String>) {
                self.guid = Some(guid.into());
            }
        }
        path ["roomId" = room_id];
        request(self, req) {
            req.query_opt("guid", self.guid.as_ref())
        }
    }
}
