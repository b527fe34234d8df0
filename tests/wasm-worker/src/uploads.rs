//! Uploads in one call (`upload_storage_file_from`) through `FetchTransport` in workerd: a
//! small file in one request and an 11 MiB file in three parts (5 + 5 + 1 MiB, several in
//! flight), each downloaded back through its signed URL, with progress up to the size.

use std::sync::{Arc, Mutex};

use liveblocks_wasm::liveblocks_core::upload::{source, Progress};

use crate::devserver::{download, new_room, pseudo_random_bytes, random_file_id};
use crate::{Params, Report, Step};

const MIB: usize = 1024 * 1024;

/// A small single upload and a multipart one, read back byte for byte.
pub(crate) async fn uploads(p: &Params, r: &mut Report) -> Step {
    let client = p.client(r)?;
    let room = p.room_id("uploads");
    new_room(&client, r, &room).await?;

    for (label, size, parts) in [("small", 1000, 1), ("multipart", 11 * MIB, 3)] {
        let id = random_file_id();
        let data = pseudo_random_bytes(size, size as u32);
        // Arc and Mutex: the crate is also type-checked natively, where uploads are `Send`.
        let reports: Arc<Mutex<Vec<Progress>>> = Arc::default();
        let sink = Arc::clone(&reports);
        let upload = client
            .upload_storage_file_from(
                &room,
                id.clone(),
                "upload.bin",
                source::from_bytes(data.clone()),
            )
            .on_progress(move |p| sink.lock().map(|mut v| v.push(p)).unwrap_or(()));
        let uploaded = upload.await.map_err(Into::into);
        let uploaded = r.ok(&format!("{label}: upload_storage_file_from"), uploaded)?;
        r.eq(&format!("{label}: size"), &uploaded.size, &(size as u64));
        let reports = reports.lock().map(|v| v.clone()).unwrap_or_default();
        r.eq(
            &format!("{label}: one progress report per part"),
            &reports.len(),
            &parts,
        );
        r.eq(
            &format!("{label}: progress ends at the size"),
            &reports.last().map(|p| p.sent),
            &Some(size as u64),
        );
        let file = r.ok(
            &format!("{label}: get_storage_file"),
            client.get_storage_file(&room, id.clone()).await,
        )?;
        if let Some(response) = download(r, &format!("{label}: download"), &file.url).await {
            r.eq(
                &format!("{label}: signed URL status"),
                &response.status().as_u16(),
                &200,
            );
            r.check(
                &format!("{label}: the bytes uploaded"),
                response.body().as_ref() == data.as_slice(),
                format!("{} bytes back", response.body().len()),
            );
        }
    }
    Ok(())
}
