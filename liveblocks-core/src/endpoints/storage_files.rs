//! Storage files: upload a file into a room in one request or in parts, and read it back
//! through a signed URL.
//!
//! The file ID is chosen by the caller and must match `^fl_[A-Za-z0-9_-]{21}$` (see
//! [`StorageFileId`](crate::models::storage_files::StorageFileId)); any other ID fails with [`Error::InvalidInput`] before a request is
//! made. A finished upload answers with a [`LiveFileData`]; put it into Storage as a
//! [`LiveNode::LiveFile`](crate::models::storage::LiveNode::LiveFile) to reference the file.
//!
//! ```no_run
//! # async fn run(client: liveblocks_core::Client<impl liveblocks_core::Transport + 'static>, big: Vec<u8>) -> Result<(), liveblocks_core::Error> {
//! use liveblocks_core::models::storage_files::StorageFileId;
//!
//! let file_id = StorageFileId::new("fl_abc123456789012345678")?;
//! let upload = client
//!     .create_storage_file_multipart_upload("my-room", file_id.clone(), "video.mp4")
//!     .file_size(big.len() as u64)
//!     .await?;
//! let mut parts = Vec::new();
//! for (i, chunk) in big.chunks(5 * 1024 * 1024).enumerate() {
//!     let part = client
//!         .upload_storage_file_multipart_part(
//!             "my-room", file_id.clone(), &upload.upload_id, i as u32 + 1, chunk.to_vec(),
//!         )
//!         .await?;
//!     parts.push(part);
//! }
//! let file = client
//!     .complete_storage_file_multipart_upload("my-room", file_id, &upload.upload_id, parts)
//!     .await?;
//! # Ok(()) }
//! ```

use bytes::Bytes;

use crate::declare::operations;
use crate::endpoint::RequestBuilder;
use crate::error::Error;
use crate::models::storage_files::{
    validate_file_id, CompleteStorageFileMultipartUploadRequestBody, LiveFileData,
    StorageFileMultipartPart, StorageFileMultipartUpload, StorageFileWithUrl,
};

operations! {
    /// Reads a stored file's details and a signed download URL; `file_id` is an `fl_...` ID,
    /// e.g. a [`StorageFileId`](crate::models::storage_files::StorageFileId).
    GetStorageFile {
        "get-storage-file", GET "/rooms/{roomId}/storage/files/{fileId}",
            None -> Json StorageFileWithUrl;
        fn get_storage_file(room_id: impl Into<String>, file_id: impl Into<String>);
        struct {
            room_id: String = room_id.into(),
            file_id: String = file_id.into(),
        }
        request(self, req) { file(req, &self.room_id, &self.file_id) }
    }

    /// Uploads a whole file in one request: `content` as `name` under `file_id`, which is
    /// yours to pick (see [`StorageFileId`](crate::models::storage_files::StorageFileId)).
    /// `Vec<u8>` and `Bytes` convert without a copy.
    ///
    /// ```no_run
    /// # async fn run(client: liveblocks_core::Client<impl liveblocks_core::Transport + 'static>) -> Result<(), liveblocks_core::Error> {
    /// use liveblocks_core::models::storage_files::StorageFileId;
    ///
    /// let id = StorageFileId::new("fl_abc123456789012345678")?;
    /// let bytes = b"hello".to_vec();
    /// let file = client
    ///     .upload_storage_file("my-room", id, "hello.txt", bytes)
    ///     .file_size(5)
    ///     .await?;
    /// assert_eq!(file.size, 5);
    /// # Ok(()) }
    /// ```
    UploadStorageFile {
        "upload-storage-file", PUT "/rooms/{roomId}/storage/files/{fileId}/upload/{name}",
            Binary -> Json LiveFileData;
        query ["fileSize"];
        fn upload_storage_file(
            room_id: impl Into<String>,
            file_id: impl Into<String>,
            name: impl Into<String>,
            content: impl Into<Bytes>,
        );
        struct {
            room_id: String = room_id.into(),
            file_id: String = file_id.into(),
            name: String = name.into(),
            content: Bytes = content.into(),
            file_size: Option<u64> = None,
        }
        set {
            /// Announces the file's size in bytes (`fileSize`), so the server can refuse a file
            /// over the limit up front. Not sent unless set.
            fn file_size(self, bytes: u64) {
                self.file_size = Some(bytes);
            }
        }
        request(self, req) {
            file(req, &self.room_id, &self.file_id)
                .path_param("name", &self.name)
                .query_opt("fileSize", self.file_size)
                .binary(self.content.clone())
        }
    }

    /// Starts a multipart upload of `name` under `file_id`, for a large file.
    CreateStorageFileMultipartUpload {
        "create-storage-file-multipart-upload", POST
            "/rooms/{roomId}/storage/files/{fileId}/multipart/{name}",
            None -> Json StorageFileMultipartUpload;
        query ["fileSize"];
        fn create_storage_file_multipart_upload(
            room_id: impl Into<String>,
            file_id: impl Into<String>,
            name: impl Into<String>,
        );
        struct {
            room_id: String = room_id.into(),
            file_id: String = file_id.into(),
            name: String = name.into(),
            file_size: Option<u64> = None,
        }
        set {
            /// Announces the whole file's size in bytes (`fileSize`). Not sent unless set.
            fn file_size(self, bytes: u64) {
                self.file_size = Some(bytes);
            }
        }
        request(self, req) {
            file(req, &self.room_id, &self.file_id)
                .path_param("name", &self.name)
                .query_opt("fileSize", self.file_size)
        }
    }

    /// Uploads `content` as part `part_number` (from 1) of the multipart upload `upload_id`.
    UploadStorageFileMultipartPart {
        "upload-storage-file-multipart-part", PUT
            "/rooms/{roomId}/storage/files/{fileId}/multipart/{uploadId}/{partNumber}",
            Binary -> Json StorageFileMultipartPart;
        fn upload_storage_file_multipart_part(
            room_id: impl Into<String>,
            file_id: impl Into<String>,
            upload_id: impl Into<String>,
            part_number: u32,
            content: impl Into<Bytes>,
        );
        struct {
            room_id: String = room_id.into(),
            file_id: String = file_id.into(),
            upload_id: String = upload_id.into(),
            part_number: u32 = part_number,
            content: Bytes = content.into(),
        }
        request(self, req) {
            check_part_number(self.part_number)?;
            file(req, &self.room_id, &self.file_id)
                .path_param("uploadId", &self.upload_id)
                .path_param("partNumber", &self.part_number.to_string())
                .binary(self.content.clone())
        }
    }

    /// Finishes the multipart upload `upload_id` from its uploaded `parts` (the answers of
    /// the part uploads).
    CompleteStorageFileMultipartUpload {
        "complete-storage-file-multipart-upload", POST
            "/rooms/{roomId}/storage/files/{fileId}/multipart/{uploadId}/complete",
            Json -> Json LiveFileData;
        fn complete_storage_file_multipart_upload(
            room_id: impl Into<String>,
            file_id: impl Into<String>,
            upload_id: impl Into<String>,
            parts: impl IntoIterator<Item = StorageFileMultipartPart>,
        );
        struct {
            room_id: String = room_id.into(),
            file_id: String = file_id.into(),
            upload_id: String = upload_id.into(),
            body: CompleteStorageFileMultipartUploadRequestBody =
                CompleteStorageFileMultipartUploadRequestBody {
                    parts: parts.into_iter().collect(),
                },
        }
        request(self, req) {
            if self.body.parts.is_empty() {
                return Err(Error::invalid_input(
                    "`parts` must not be empty (complete-storage-file-multipart-upload)",
                ));
            }
            for part in &self.body.parts {
                check_part_number(part.part_number)?;
            }
            file(req, &self.room_id, &self.file_id)
                .path_param("uploadId", &self.upload_id)
                .json(&self.body)
        }
    }

    /// Cancels the multipart upload `upload_id` and drops its parts.
    ///
    /// The spec answers 204; the dev server answers 200. Any 2xx succeeds.
    AbortStorageFileMultipartUpload {
        "abort-storage-file-multipart-upload", DELETE
            "/rooms/{roomId}/storage/files/{fileId}/multipart/{uploadId}", None -> None ();
        fn abort_storage_file_multipart_upload(
            room_id: impl Into<String>,
            file_id: impl Into<String>,
            upload_id: impl Into<String>,
        );
        struct {
            room_id: String = room_id.into(),
            file_id: String = file_id.into(),
            upload_id: String = upload_id.into(),
        }
        request(self, req) {
            file(req, &self.room_id, &self.file_id).path_param("uploadId", &self.upload_id)
        }
    }
}

/// Addresses one file of one room, checking the file ID first.
fn file<'a>(req: RequestBuilder<'a>, room_id: &str, file_id: &str) -> RequestBuilder<'a> {
    req.check(validate_file_id(file_id))
        .path_param("roomId", room_id)
        .path_param("fileId", file_id)
}

fn check_part_number(part_number: u32) -> Result<(), Error> {
    if part_number == 0 {
        return Err(Error::invalid_input(
            "`partNumber` starts at 1, got 0 (multipart parts are numbered from 1)",
        ));
    }
    Ok(())
}
