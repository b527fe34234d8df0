//! Yjs: the exercises of the `yjs` domain.

use bytes::Bytes;
use liveblocks_core::models::yjs::YjsType;
use serde_json::json;
use yrs::{Map, ReadTxn, StateVector, Transact};

use super::examples::{expect_status, BINARY_PLACEHOLDER, ROOM};
use crate::harness::{ensure_eq, Failure, Mode, Session};

/// A real Yjs V1 update (a map with one key).
fn yjs_update() -> Vec<u8> {
    let doc = yrs::Doc::new();
    let map = doc.get_or_insert_map("mymap");
    let mut txn = doc.transact_mut();
    map.insert(&mut txn, "greeting", "hello");
    txn.encode_state_as_update_v1(&StateVector::default())
}

/// Runs the exercise of `op`, an operation of this domain.
pub async fn exercise(s: &Session, op: &str, mode: Mode) -> Result<(), Failure> {
    let c = &s.app;
    match op {
        "get-yjs-document" => {
            let plain = s.fetch(c.get_yjs_document(ROOM)).await?;
            let keyed = s
                .fetch(
                    c.get_yjs_document(ROOM)
                        .formatting(true)
                        .key("someYText")
                        .yjs_type(YjsType::YText),
                )
                .await?;
            mode.check(|| {
                let expected = json!({"someYText": "Contents of YText"});
                ensure_eq("document", &plain, &expected)?;
                ensure_eq("keyed", &keyed, &expected)
            })
        }
        "send-yjs-binary-update" => {
            s.fetch(
                c.send_yjs_binary_update(ROOM, yjs_update())
                    .guid("subdoc-guid-123"),
            )
            .await?;
            s.fetch(c.send_yjs_binary_update(ROOM, Bytes::from(yjs_update())))
                .await?;
            mode.check(|| expect_status(s, 200))
        }
        "get-yjs-document-as-binary-update" => {
            let root = s.fetch(c.get_yjs_document_as_binary_update(ROOM)).await?;
            let sub = s
                .fetch(
                    c.get_yjs_document_as_binary_update(ROOM)
                        .guid("subdoc-guid-123"),
                )
                .await?;
            mode.check(|| {
                ensure_eq("root", root.as_ref(), BINARY_PLACEHOLDER)?;
                ensure_eq("subdocument", sub.as_ref(), BINARY_PLACEHOLDER)
            })
        }
        other => Err(Failure::Check(format!("no exercise for operation {other}"))),
    }
}
