//! Storage documents and Yjs: initialize, read in both formats, delete; Yjs updates in, JSON
//! and binary updates out.

use bytes::Bytes;
use http::StatusCode;
use liveblocks_core::models::storage::{
    LiveNode, Lson, StorageDocument, StorageFormat, StorageRoot,
};
use liveblocks_core::models::yjs::YjsType;
use liveblocks_core::storage::DeleteStorageDocument;
use liveblocks_core::yjs::SendYjsBinaryUpdate;
use liveblocks_core::Endpoint;
use serde_json::json;
use yrs::updates::decoder::Decode;
use yrs::{GetString, Map, ReadTxn, StateVector, Text, Transact, Update};

use crate::{api_error, expect_api, new_room, Driver, Result};

fn sample_storage() -> StorageRoot {
    StorageRoot::new([
        ("title", Lson::from(json!("Roadmap"))),
        ("tags", Lson::from(json!(["x", "y"]))),
        (
            "items",
            LiveNode::list([
                LiveNode::object([
                    ("text", Lson::from(json!("ship it"))),
                    ("done", Lson::from(json!(false))),
                ])
                .into(),
                Lson::from(json!(3)),
            ])
            .into(),
        ),
        (
            "owners",
            LiveNode::map([("alice", Lson::from(json!({"role": "admin"})))]).into(),
        ),
    ])
}

/// Read, initialize, re-read in both formats, refuse a second initialization, delete.
pub(crate) fn storage_document_lifecycle<D: Driver>(d: &D) -> Result {
    let c = d.client();
    let id = new_room(d, "storage")?;

    let empty = d.run(c.get_storage_document(&id))?;
    assert_eq!(empty, StorageDocument::Lson(StorageRoot::default()));

    let root = sample_storage();
    let echoed = d.run(c.initialize_storage_document(&id, root.clone()))?;
    assert_eq!(echoed, root, "the response echoes what was stored");

    let stored = d.run(c.get_storage_document(&id))?;
    assert_eq!(stored, StorageDocument::Lson(root.clone()));

    let simplified = d.run(c.get_storage_document(&id).format(StorageFormat::Json))?;
    let StorageDocument::Json(simplified) = simplified else {
        panic!("asked for JSON, got {simplified:?}");
    };
    assert_eq!(
        serde_json::Value::Object(simplified),
        json!({
            "title": "Roadmap",
            "tags": ["x", "y"],
            "items": [{"text": "ship it", "done": false}, 3],
            "owners": {"alice": {"role": "admin"}},
        })
    );

    let e = expect_api(
        "initialize twice",
        d.run(c.initialize_storage_document(&id, root.clone())),
        409,
        "CANNOT_UPDATE_EXISTING_STORAGE",
    );
    assert!(e.suggestion.is_some(), "{e:?}");

    d.run(c.delete_storage_document(&id))?;
    let after = d.run(c.get_storage_document(&id))?;
    assert_eq!(after, StorageDocument::Lson(StorageRoot::default()));

    // Empty again, so it can be initialized again.
    let other = StorageRoot::new([("count", Lson::from(json!(1)))]);
    assert_eq!(
        d.run(c.initialize_storage_document(&id, other.clone()))?,
        other
    );
    d.run(c.delete_room(&id))?;
    Ok(())
}

/// `delete_storage_document` answers 204 where the spec says 200; the client accepts it.
pub(crate) fn storage_delete_answers_204<D: Driver>(d: &D) -> Result {
    let id = new_room(d, "storage-204")?;
    d.run(
        d.client()
            .initialize_storage_document(&id, StorageRoot::new([("a", Lson::from(json!(1)))])),
    )?;
    let endpoint = DeleteStorageDocument::new(&id);
    let response = d.exchange_endpoint(&endpoint)?;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert!(response.body().is_empty());
    endpoint.response(response)?;
    Ok(())
}

/// A Yjs document with a map, a text and an array, as one V1 update.
pub(crate) fn sample_yjs_update() -> Vec<u8> {
    let doc = yrs::Doc::new();
    let map = doc.get_or_insert_map("mymap");
    let text = doc.get_or_insert_text("mytext");
    let array = doc.get_or_insert_array("myarray");
    let mut txn = doc.transact_mut();
    map.insert(&mut txn, "greeting", "hello");
    map.insert(&mut txn, "count", 3.0_f64);
    map.insert(&mut txn, "done", true);
    text.insert(&mut txn, 0, "hi there");
    yrs::Array::insert_range(&array, &mut txn, 0, [1.0_f64, 2.0_f64]);
    txn.encode_state_as_update_v1(&StateVector::default())
}

/// A yrs value as serde JSON.
fn yrs_json(any: &yrs::Any) -> serde_json::Value {
    let mut out = String::new();
    any.to_json(&mut out);
    serde_json::from_str(&out).expect("yrs writes JSON")
}

/// A real yrs update goes in, comes back as JSON, and as a binary update that a fresh yrs
/// document applies to the same content.
pub(crate) fn yjs_binary_round_trip<D: Driver>(d: &D) -> Result {
    let c = d.client();
    let id = new_room(d, "yjs")?;

    // The dev server answers the PUT with a JSON body the spec doesn't have.
    let update = sample_yjs_update();
    let endpoint = SendYjsBinaryUpdate::new(&id, update.clone());
    let response = d.exchange_endpoint(&endpoint)?;
    assert_eq!(response.status(), StatusCode::OK);
    let body: serde_json::Value = serde_json::from_slice(response.body()).expect("JSON");
    assert_eq!(body, json!({"success": true}));
    endpoint.response(response)?;

    // The same update again through the client: applying it twice changes nothing.
    d.run(c.send_yjs_binary_update(&id, update))?;

    let expected = json!({
        "mymap": {"greeting": "hello", "count": 3, "done": true},
        "mytext": "hi there",
        "myarray": [1, 2],
    });
    assert_eq!(d.run(c.get_yjs_document(&id))?, expected);

    // One key alone: an object with just that key.
    let only = d.run(c.get_yjs_document(&id).key("mytext"))?;
    assert_eq!(only, json!({"mytext": "hi there"}));
    // One key with its type: the bare value (a string for a Y.Text).
    let mytext = d.run(
        c.get_yjs_document(&id)
            .key("mytext")
            .yjs_type(YjsType::YText),
    )?;
    assert_eq!(mytext, json!("hi there"));
    let mymap = d.run(c.get_yjs_document(&id).key("mymap").yjs_type(YjsType::YMap))?;
    assert_eq!(mymap, expected["mymap"]);
    // With formatting, a Y.Text becomes a list of its runs (one unformatted run here).
    let formatted = d.run(c.get_yjs_document(&id).formatting(true))?;
    let mut expected_formatted = expected.clone();
    expected_formatted["mytext"] = json!(["hi there"]);
    assert_eq!(formatted, expected_formatted);

    let binary: Bytes = d.run(c.get_yjs_document_as_binary_update(&id))?;
    assert!(!binary.is_empty());
    let fresh = yrs::Doc::new();
    let map = fresh.get_or_insert_map("mymap");
    let text = fresh.get_or_insert_text("mytext");
    let array = fresh.get_or_insert_array("myarray");
    let mut txn = fresh.transact_mut();
    let update = Update::decode_v1(&binary).expect("a V1 update");
    txn.apply_update(update).expect("the update applies");
    assert_eq!(text.get_string(&txn), "hi there");
    assert_eq!(
        yrs_json(&yrs::types::ToJson::to_json(&map, &txn)),
        expected["mymap"]
    );
    assert_eq!(
        yrs_json(&yrs::types::ToJson::to_json(&array, &txn)),
        expected["myarray"]
    );
    assert_eq!(
        yrs_json(&yrs::types::ToJson::to_json(&fresh, &txn)),
        expected
    );
    Ok(())
}

/// Bytes that are no Yjs update are refused with a 422.
pub(crate) fn yjs_rejects_garbage_update<D: Driver>(d: &D) -> Result {
    let id = new_room(d, "yjs-garbage")?;
    let e = api_error(
        "garbage update",
        d.run(
            d.client()
                .send_yjs_binary_update(&id, vec![0xff, 0xfe, 0xfd]),
        ),
    );
    assert_eq!(e.status, StatusCode::UNPROCESSABLE_ENTITY, "{e:?}");
    // The document is still empty.
    assert_eq!(d.run(d.client().get_yjs_document(&id))?, json!({}));
    Ok(())
}
