//! A quick end-to-end check against a real server, such as the local dev server:
//!
//! ```sh
//! npx liveblocks dev --random-port --no-check --cmd "cargo run -p liveblocks-hyper --example smoke"
//! ```
//!
//! It reads `LIVEBLOCKS_SECRET_KEY` and `LIVEBLOCKS_BASE_URL`, creates a room, reads it back
//! from several spawned tasks, writes and reads its Yjs document, deletes it, and checks that
//! it is gone.

use std::time::{SystemTime, UNIX_EPOCH};

use liveblocks_hyper::models::rooms::RoomPermission;
use liveblocks_hyper::{Client, Error};

#[tokio::main]
async fn main() -> Result<(), Error> {
    let client = Client::from_env()?;
    println!("server: {}", client.config().base_url());

    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let room_id = format!("smoke-hyper-{nanos}");

    let room = client
        .create_room(&room_id, [RoomPermission::RoomWrite])
        .metadata("color", "blue")
        .await?;
    println!("created {} at {}", room.id, room.created_at);

    let tasks: Vec<_> = (0..4)
        .map(|_| {
            let client = client.clone();
            let room_id = room_id.clone();
            tokio::spawn(async move { client.get_room(room_id).await })
        })
        .collect();
    for task in tasks {
        let fetched = task.await.expect("the task panicked")?;
        assert_eq!(fetched.id, room_id);
    }

    // An empty Yjs update (no structs, empty delete set) is valid and always applies.
    client
        .send_yjs_binary_update(&room_id, vec![0u8, 0])
        .await?;
    let doc = client.get_yjs_document_as_binary_update(&room_id).await?;
    println!("ydoc-binary: {} bytes", doc.len());

    client.delete_room(&room_id).await?;
    match client.get_room(&room_id).await {
        Err(e) if e.is_not_found() => println!("deleted (get_room: {:?})", e.code()),
        other => panic!("expected 404 after delete, got {other:?}"),
    }
    println!("smoke OK");
    Ok(())
}
