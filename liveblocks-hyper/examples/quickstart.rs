//! The quickstart: create a room, write and read its Storage, round-trip a Yjs update, list
//! rooms, delete the room. Run it against the local dev server with `./scripts/quickstart.sh`
//! (or against your project with LIVEBLOCKS_SECRET_KEY set).

use liveblocks_hyper::models::rooms::RoomPermission;
use liveblocks_hyper::models::storage::{
    LiveNode, Lson, StorageDocument, StorageFormat, StorageRoot,
};
use liveblocks_hyper::{Client, Error};
use serde_json::json;
use yrs::updates::decoder::Decode;
use yrs::{Doc, GetString, ReadTxn, Text, Transact, Update};

#[tokio::main]
async fn main() -> Result<(), Error> {
    let client = Client::from_env()?;
    println!("1. client for {}", client.config().base_url());

    let suffix = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    let room_id = format!("quickstart:{suffix}");
    let room = client
        .create_room(&room_id, [RoomPermission::RoomWrite])
        .metadata("color", "blue")
        .await?;
    let metadata = serde_json::to_string(&room.metadata).unwrap_or_default();
    println!(
        "2. created room {} at {} with metadata {metadata}",
        room.id, room.created_at
    );

    let root = StorageRoot::new([
        ("title", Lson::from(json!("Quickstart"))),
        (
            "todos",
            LiveNode::list([
                Lson::from(json!("write the SDK")),
                Lson::from(json!("ship it")),
            ])
            .into(),
        ),
    ]);
    client.initialize_storage_document(&room_id, root).await?;
    println!("3. initialized Storage with a title and a LiveList of todos");
    let document = client
        .get_storage_document(&room_id)
        .format(StorageFormat::Json)
        .await?;
    if let StorageDocument::Json(json) = document {
        println!("4. read Storage back: {}", serde_json::Value::Object(json));
    }

    let doc = Doc::new();
    let text = doc.get_or_insert_text("greeting");
    text.insert(&mut doc.transact_mut(), 0, "Hello from Rust");
    let update = doc
        .transact()
        .encode_state_as_update_v1(&yrs::StateVector::default());
    client
        .send_yjs_binary_update(&room_id, update.clone())
        .await?;
    println!("5. sent a {}-byte Yjs update", update.len());
    let as_json = client.get_yjs_document(&room_id).await?;
    println!("6. the Yjs document as JSON: {as_json}");
    let binary = client.get_yjs_document_as_binary_update(&room_id).await?;
    let copy = Doc::new();
    let copy_text = copy.get_or_insert_text("greeting");
    let decoded = Update::decode_v1(&binary).map_err(|e| Error::InvalidInput(e.to_string()))?;
    copy.transact_mut()
        .apply_update(decoded)
        .map_err(|e| Error::InvalidInput(e.to_string()))?;
    println!(
        "7. read it back as a {}-byte update; applied to a fresh doc it says {:?}",
        binary.len(),
        copy_text.get_string(&copy.transact())
    );

    let page = client.get_rooms().limit(100).await?;
    let listed = page.data.iter().any(|r| r.id == room_id);
    println!(
        "8. listed {} rooms (ours among them: {listed})",
        page.data.len()
    );

    client.delete_room(&room_id).await?;
    match client.get_room(&room_id).await {
        Err(e) if e.is_not_found() => {
            println!("9. deleted the room (now {})", e.code().unwrap_or("404"))
        }
        Err(e) => return Err(e),
        Ok(_) => println!("9. the room is still there?"),
    }
    Ok(())
}
