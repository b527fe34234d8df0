//! Storage files: the exercises of the `storage_files` domain.

use liveblocks_core::models::storage_files::{StorageFileId, StorageFileMultipartPart};

use super::examples::{example_file, expect_status, png_bytes, ts, FILE, ROOM, UPLOAD};
use crate::harness::{ensure_eq, Failure, Mode, Session};

/// Runs the exercise of `op`, an operation of this domain.
pub async fn exercise(s: &Session, op: &str, mode: Mode) -> Result<(), Failure> {
    let c = &s.app;
    match op {
        "get-storage-file" => {
            let file = s.fetch(c.get_storage_file(ROOM, FILE)).await?;
            // No example in the spec, and the placeholder ID breaks the schema's pattern (see
            // the spec problems): the plain mock's placeholders.
            mode.check(|| {
                ensure_eq(
                    "file",
                    (
                        file.id.as_str(),
                        file.name.as_str(),
                        file.size,
                        file.mime_type.as_str(),
                        file.url.as_str(),
                    ),
                    ("string", "string", 0, "string", "http://example.com"),
                )?;
                ensure_eq("expiresAt", file.expires_at, ts("2019-08-24T14:15:22Z"))
            })
        }
        "upload-storage-file" => {
            let id = StorageFileId::new(FILE).map_err(Failure::Call)?;
            let content = png_bytes();
            let size = content.len() as u64;
            let file = s
                .fetch(
                    c.upload_storage_file(ROOM, id, "photo.png", content)
                        .file_size(size),
                )
                .await?;
            mode.check(|| ensure_eq("file", &file, &example_file()))
        }
        "create-storage-file-multipart-upload" => {
            let upload = s
                .fetch(
                    c.create_storage_file_multipart_upload(ROOM, FILE, "video.mp4")
                        .file_size(10_485_760),
                )
                .await?;
            mode.check(|| {
                ensure_eq(
                    "upload (placeholders)",
                    (upload.file_id.as_str(), upload.upload_id.as_str()),
                    ("string", "string"),
                )
            })
        }
        "upload-storage-file-multipart-part" => {
            let part = s
                .fetch(c.upload_storage_file_multipart_part(ROOM, FILE, UPLOAD, 1, png_bytes()))
                .await?;
            mode.check(|| {
                ensure_eq(
                    "part (placeholder etag)",
                    &part,
                    &StorageFileMultipartPart::new(1, "string"),
                )
            })
        }
        "complete-storage-file-multipart-upload" => {
            let parts = [
                StorageFileMultipartPart::new(1, "\"etag-1\""),
                StorageFileMultipartPart::new(2, "\"etag-2\""),
            ];
            let file = s
                .fetch(c.complete_storage_file_multipart_upload(ROOM, FILE, UPLOAD, parts))
                .await?;
            mode.check(|| ensure_eq("file", &file, &example_file()))
        }
        "abort-storage-file-multipart-upload" => {
            s.fetch(c.abort_storage_file_multipart_upload(ROOM, FILE, UPLOAD))
                .await?;
            mode.check(|| expect_status(s, 204))
        }
        other => Err(Failure::Check(format!("no exercise for operation {other}"))),
    }
}
