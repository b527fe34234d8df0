//! Storage: the exercises of the `storage` domain.

use liveblocks_core::models::storage::{
    JsonPatchOp, LiveNode, Lson, StorageDocument, StorageFormat, StorageRoot,
};
use serde_json::json;

use super::examples::{example_file, expect_status, ROOM};
use crate::harness::{ensure_eq, Failure, Mode, Session};

/// The spec's Storage example, as a typed root.
fn example_storage() -> StorageRoot {
    StorageRoot::new([
        (
            "aLiveObject",
            LiveNode::object([("a", Lson::from(json!(1)))]).into(),
        ),
        (
            "aLiveList",
            LiveNode::list([Lson::from(json!("a")), Lson::from(json!("b"))]).into(),
        ),
        (
            "aLiveMap",
            LiveNode::map([("a", Lson::from(json!(1))), ("b", Lson::from(json!(2)))]).into(),
        ),
        ("aLiveFile", LiveNode::LiveFile(example_file()).into()),
    ])
}

/// Runs the exercise of `op`, an operation of this domain.
pub async fn exercise(s: &Session, op: &str, mode: Mode) -> Result<(), Failure> {
    let c = &s.app;
    match op {
        "get-storage-document" => {
            let json = s
                .fetch(c.get_storage_document(ROOM).format(StorageFormat::Json))
                .await?;
            let lson = s.fetch(c.get_storage_document(ROOM)).await?;
            mode.check(|| {
                let StorageDocument::Lson(root) = &lson else {
                    return Err(Failure::Check(format!("expected LSON, got {lson:?}")));
                };
                ensure_eq("LSON document", root, &example_storage())?;
                let StorageDocument::Json(map) = &json else {
                    return Err(Failure::Check(format!("expected JSON, got {json:?}")));
                };
                // The spec has one example for both formats: the LSON one, read as JSON.
                ensure_eq(
                    "JSON document",
                    serde_json::Value::Object(map.clone()),
                    serde_json::to_value(example_storage()).expect("JSON"),
                )
            })
        }
        "initialize-storage-document" => {
            let echoed = s
                .fetch(c.initialize_storage_document(ROOM, example_storage()))
                .await?;
            mode.check(|| {
                // Prism answers with the schema's example (the Storage example without
                // aLiveMap), not an echo.
                let mut expected = example_storage();
                expected.data.remove("aLiveMap");
                ensure_eq("document", &echoed, &expected)
            })
        }
        "delete-storage-document" => {
            s.fetch(c.delete_storage_document(ROOM)).await?;
            mode.check(|| expect_status(s, 200))
        }
        "patch-storage-document" => {
            let file = serde_json::to_value(LiveNode::LiveFile(example_file())).expect("JSON");
            s.fetch(c.patch_storage_document(
                ROOM,
                [
                    JsonPatchOp::add("/score", json!(42)),
                    JsonPatchOp::add("/layers/-", json!("newLayer")),
                    JsonPatchOp::add("/photo", file),
                    JsonPatchOp::replace("/title", json!("Renamed")),
                    JsonPatchOp::test("/score", json!(42)),
                    JsonPatchOp::copy("/score", "/best"),
                    JsonPatchOp::move_to("/best", "/top"),
                    JsonPatchOp::remove("/oldKey"),
                ],
            ))
            .await?;
            mode.check(|| expect_status(s, 200))
        }
        other => Err(Failure::Check(format!("no exercise for operation {other}"))),
    }
}
