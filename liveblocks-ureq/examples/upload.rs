//! Uploads a file from disk into a room with `upload_storage_file_from`, streamed one part at
//! a time (so memory stays near the part size whatever the file's size), and prints the time.
//!
//! ```sh
//! head -c 52428800 /dev/urandom > /tmp/50mib.bin
//! npx liveblocks dev --random-port --no-check --cmd \
//!   "/usr/bin/time -v cargo run --release -q -p liveblocks-ureq --example upload -- /tmp/50mib.bin"
//! ```
//!
//! Reads `LIVEBLOCKS_SECRET_KEY` and `LIVEBLOCKS_BASE_URL` (the dev server sets both).

use std::time::{Instant, SystemTime, UNIX_EPOCH};

use liveblocks_ureq::models::rooms::RoomPermission;
use liveblocks_ureq::models::storage_files::StorageFileId;
use liveblocks_ureq::upload::source;
use liveblocks_ureq::Client;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: upload <file> [room]")?;
    let room = std::env::args()
        .nth(2)
        .unwrap_or_else(|| "rust-upload-example".to_owned());
    let client = Client::from_env()?;
    if let Err(e) = client
        .create_room(&room, [RoomPermission::RoomWrite])
        .send()
    {
        if !e.is_conflict() {
            return Err(e.into());
        }
    }
    // A fresh file ID from the clock (an example; use a real random source in production).
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH)?.as_nanos();
    let mut bytes = [0u8; 21];
    for (i, b) in bytes.iter_mut().enumerate() {
        *b = (nanos >> ((i % 16) * 8)) as u8 ^ (i as u8).wrapping_mul(37);
    }
    let file_id = StorageFileId::from_random_bytes(bytes);

    let file = std::fs::File::open(&path)?;
    let size = file.metadata()?.len();
    let started = Instant::now();
    let uploaded = client
        .upload_storage_file_from(&room, file_id, "upload.bin", source::from_reader(file))
        .file_size(size)
        .on_progress(|p| eprintln!("{} / {} bytes", p.sent, p.total.unwrap_or(0)))
        .send()?;
    println!(
        "uploaded {} bytes as {} in {} ms",
        uploaded.size,
        uploaded.id,
        started.elapsed().as_millis()
    );
    let stored = client.get_storage_file(&room, &uploaded.id).send()?;
    assert_eq!(stored.size, size);
    Ok(())
}
