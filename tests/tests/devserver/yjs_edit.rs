//! `edit_yjs` against the dev server, with the npm `yjs` package as another client
//! (`tests/oracles/yjs_concurrent.mjs`) editing the same document between our read and our
//! send: Yjs merges, so both edits must be in the final document as Node's yjs reads it.

use std::process::Command;

use liveblocks_core::yjs_edit::YjsEdit;
use serde_json::{json, Value};
use yrs::{Doc, Map, ReadTxn, StateVector, Text, Transact};

use crate::{new_room, Driver, Hyper, Result, Ureq};

/// What the scenario needs from an adapter.
pub(crate) trait YjsEdits: Driver {
    /// Runs `edit_yjs` the adapter's way.
    fn edit_yjs(&self, room: &str, edit: impl FnOnce(&Doc) + Send + 'static) -> Result<YjsEdit>;
}

impl YjsEdits for Hyper {
    fn edit_yjs(&self, room: &str, edit: impl FnOnce(&Doc) + Send + 'static) -> Result<YjsEdit> {
        let call = self.client.edit_yjs(room, edit);
        self.runtime
            .block_on(std::future::IntoFuture::into_future(call))
    }
}

impl YjsEdits for Ureq {
    fn edit_yjs(&self, room: &str, edit: impl FnOnce(&Doc) + Send + 'static) -> Result<YjsEdit> {
        self.client.edit_yjs(room, edit).send()
    }
}

/// Runs the Node client; returns what it printed, as JSON.
fn node(command: &str, room: &str) -> Value {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/oracles/yjs_concurrent.mjs");
    let output = Command::new("node")
        .args([script, command, room])
        .output()
        .expect("node runs (the dev server suite needs Node anyway)");
    assert!(
        output.status.success(),
        "yjs_concurrent.mjs {command}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("the script prints JSON")
}

/// The room starts with the text "hello"; Node prepends "[node] " and sets `node` in the
/// map after our read; we append " from rust" and set `rust`. The final document, read by
/// Node's yjs and by the API, has both.
pub(crate) fn concurrent_yjs_edits_merge<D: YjsEdits>(d: &D) -> Result {
    let c = d.client();
    let room = new_room(d, "yjs-edit")?;
    let seed = Doc::new();
    seed.get_or_insert_text("text")
        .push(&mut seed.transact_mut(), "hello");
    let update = seed
        .transact()
        .encode_state_as_update_v1(&StateVector::default());
    d.run(c.send_yjs_binary_update(&room, update))?;

    let other = room.clone();
    let edit = d.edit_yjs(&room, move |doc| {
        // The other client edits the server's copy now: after our read, before our send.
        assert_eq!(
            node("edit", &other)["sent"].as_u64().map(|n| n > 0),
            Some(true)
        );
        let text = doc.get_or_insert_text("text");
        let map = doc.get_or_insert_map("map");
        let mut txn = doc.transact_mut();
        text.push(&mut txn, " from rust");
        map.insert(&mut txn, "rust", "yes");
    })?;
    assert!(!edit.update.is_empty());
    // Our own copy never saw Node's edit.
    let ours = edit.doc.get_or_insert_text("text");
    assert_eq!(
        yrs::GetString::get_string(&ours, &edit.doc.transact()),
        "hello from rust"
    );

    let merged = json!({"text": "[node] hello from rust", "map": {"node": "yes", "rust": "yes"}});
    assert_eq!(node("read", &room), merged);
    let api = d.run(c.get_yjs_document(&room))?;
    assert_eq!(api["text"], merged["text"], "{api}");
    assert_eq!(api["map"], merged["map"], "{api}");

    // An edit that changes nothing sends nothing.
    let unchanged = d.edit_yjs(&room, |_| {})?;
    assert!(unchanged.update.is_empty());
    Ok(())
}
