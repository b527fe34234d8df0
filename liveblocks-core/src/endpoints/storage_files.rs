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
use http::Method;

use crate::call::Call;
use crate::client::{call_setters, Client};
use crate::config::Config;
use crate::endpoint::{
    decode_json, ignore_body, op, BodyKind, Endpoint, Operation, RequestBuilder,
};
use crate::error::Error;
use crate::models::storage_files::{
    validate_file_id, CompleteStorageFileMultipartUploadRequestBody, LiveFileData,
    StorageFileMultipartPart, StorageFileMultipartUpload, StorageFileWithUrl,
};
use crate::transport::{HttpRequest, HttpResponse};

/// Every operation of this domain.
pub const OPERATIONS: &[Operation] = &[
    GetStorageFile::OPERATION,
    UploadStorageFile::OPERATION,
    CreateStorageFileMultipartUpload::OPERATION,
    UploadStorageFileMultipartPart::OPERATION,
    CompleteStorageFileMultipartUpload::OPERATION,
    AbortStorageFileMultipartUpload::OPERATION,
];

/// Starts a request addressing one file of one room, checking the file ID.
fn file_request<'a>(
    config: &'a Config,
    operation: &'a Operation,
    room_id: &str,
    file_id: &str,
) -> Result<RequestBuilder<'a>, Error> {
    validate_file_id(file_id)?;
    Ok(RequestBuilder::new(config, operation)
        .path_param("roomId", room_id)
        .path_param("fileId", file_id))
}

/// Reads a stored file's details and a signed download URL
/// (`GET /v2/rooms/{roomId}/storage/files/{fileId}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetStorageFile {
    room_id: String,
    file_id: String,
}

impl GetStorageFile {
    /// Reads `file_id` (an `fl_...` ID, e.g. a [`StorageFileId`](crate::models::storage_files::StorageFileId)) of `room_id`.
    pub fn new(room_id: impl Into<String>, file_id: impl Into<String>) -> Self {
        GetStorageFile {
            room_id: room_id.into(),
            file_id: file_id.into(),
        }
    }
}

impl Endpoint for GetStorageFile {
    type Output = StorageFileWithUrl;
    const OPERATION: Operation = op(
        "get-storage-file",
        Method::GET,
        "/rooms/{roomId}/storage/files/{fileId}",
        &[],
        BodyKind::None,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        file_request(config, &Self::OPERATION, &self.room_id, &self.file_id)?.build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

/// Uploads a whole file in one request
/// (`PUT /v2/rooms/{roomId}/storage/files/{fileId}/upload/{name}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadStorageFile {
    room_id: String,
    file_id: String,
    name: String,
    content: Bytes,
    file_size: Option<u64>,
}

impl UploadStorageFile {
    /// Uploads `content` as `name` under `file_id`. `Vec<u8>` and `Bytes` convert without a
    /// copy.
    pub fn new(
        room_id: impl Into<String>,
        file_id: impl Into<String>,
        name: impl Into<String>,
        content: impl Into<Bytes>,
    ) -> Self {
        UploadStorageFile {
            room_id: room_id.into(),
            file_id: file_id.into(),
            name: name.into(),
            content: content.into(),
            file_size: None,
        }
    }

    /// Announces the file's size in bytes (`fileSize`), so the server can refuse a file over
    /// the limit up front. Not sent unless set.
    pub fn file_size(mut self, bytes: u64) -> Self {
        self.file_size = Some(bytes);
        self
    }
}

call_setters!(UploadStorageFile { file_size(bytes: u64) });

impl Endpoint for UploadStorageFile {
    type Output = LiveFileData;
    const OPERATION: Operation = op(
        "upload-storage-file",
        Method::PUT,
        "/rooms/{roomId}/storage/files/{fileId}/upload/{name}",
        &["fileSize"],
        BodyKind::Binary,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        file_request(config, &Self::OPERATION, &self.room_id, &self.file_id)?
            .path_param("name", &self.name)
            .query_opt("fileSize", self.file_size)
            .binary(self.content.clone())
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

/// Starts a multipart upload for a large file
/// (`POST /v2/rooms/{roomId}/storage/files/{fileId}/multipart/{name}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateStorageFileMultipartUpload {
    room_id: String,
    file_id: String,
    name: String,
    file_size: Option<u64>,
}

impl CreateStorageFileMultipartUpload {
    /// Starts uploading `name` under `file_id`.
    pub fn new(
        room_id: impl Into<String>,
        file_id: impl Into<String>,
        name: impl Into<String>,
    ) -> Self {
        CreateStorageFileMultipartUpload {
            room_id: room_id.into(),
            file_id: file_id.into(),
            name: name.into(),
            file_size: None,
        }
    }

    /// Announces the whole file's size in bytes (`fileSize`). Not sent unless set.
    pub fn file_size(mut self, bytes: u64) -> Self {
        self.file_size = Some(bytes);
        self
    }
}

call_setters!(CreateStorageFileMultipartUpload { file_size(bytes: u64) });

impl Endpoint for CreateStorageFileMultipartUpload {
    type Output = StorageFileMultipartUpload;
    const OPERATION: Operation = op(
        "create-storage-file-multipart-upload",
        Method::POST,
        "/rooms/{roomId}/storage/files/{fileId}/multipart/{name}",
        &["fileSize"],
        BodyKind::None,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        file_request(config, &Self::OPERATION, &self.room_id, &self.file_id)?
            .path_param("name", &self.name)
            .query_opt("fileSize", self.file_size)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

/// Uploads one part of a multipart upload
/// (`PUT /v2/rooms/{roomId}/storage/files/{fileId}/multipart/{uploadId}/{partNumber}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadStorageFileMultipartPart {
    room_id: String,
    file_id: String,
    upload_id: String,
    part_number: u32,
    content: Bytes,
}

impl UploadStorageFileMultipartPart {
    /// Uploads `content` as part `part_number` (from 1) of `upload_id`.
    pub fn new(
        room_id: impl Into<String>,
        file_id: impl Into<String>,
        upload_id: impl Into<String>,
        part_number: u32,
        content: impl Into<Bytes>,
    ) -> Self {
        UploadStorageFileMultipartPart {
            room_id: room_id.into(),
            file_id: file_id.into(),
            upload_id: upload_id.into(),
            part_number,
            content: content.into(),
        }
    }
}

impl Endpoint for UploadStorageFileMultipartPart {
    type Output = StorageFileMultipartPart;
    const OPERATION: Operation = op(
        "upload-storage-file-multipart-part",
        Method::PUT,
        "/rooms/{roomId}/storage/files/{fileId}/multipart/{uploadId}/{partNumber}",
        &[],
        BodyKind::Binary,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        check_part_number(self.part_number)?;
        file_request(config, &Self::OPERATION, &self.room_id, &self.file_id)?
            .path_param("uploadId", &self.upload_id)
            .path_param("partNumber", &self.part_number.to_string())
            .binary(self.content.clone())
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

fn check_part_number(part_number: u32) -> Result<(), Error> {
    if part_number == 0 {
        return Err(Error::invalid_input(
            "`partNumber` starts at 1, got 0 (multipart parts are numbered from 1)",
        ));
    }
    Ok(())
}

/// Finishes a multipart upload from its uploaded parts
/// (`POST /v2/rooms/{roomId}/storage/files/{fileId}/multipart/{uploadId}/complete`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompleteStorageFileMultipartUpload {
    room_id: String,
    file_id: String,
    upload_id: String,
    body: CompleteStorageFileMultipartUploadRequestBody,
}

impl CompleteStorageFileMultipartUpload {
    /// Completes `upload_id` with `parts` (the answers of the part uploads).
    pub fn new(
        room_id: impl Into<String>,
        file_id: impl Into<String>,
        upload_id: impl Into<String>,
        parts: impl IntoIterator<Item = StorageFileMultipartPart>,
    ) -> Self {
        CompleteStorageFileMultipartUpload {
            room_id: room_id.into(),
            file_id: file_id.into(),
            upload_id: upload_id.into(),
            body: CompleteStorageFileMultipartUploadRequestBody {
                parts: parts.into_iter().collect(),
            },
        }
    }
}

impl Endpoint for CompleteStorageFileMultipartUpload {
    type Output = LiveFileData;
    const OPERATION: Operation = op(
        "complete-storage-file-multipart-upload",
        Method::POST,
        "/rooms/{roomId}/storage/files/{fileId}/multipart/{uploadId}/complete",
        &[],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        if self.body.parts.is_empty() {
            return Err(Error::invalid_input(
                "`parts` must not be empty (complete-storage-file-multipart-upload)",
            ));
        }
        for part in &self.body.parts {
            check_part_number(part.part_number)?;
        }
        file_request(config, &Self::OPERATION, &self.room_id, &self.file_id)?
            .path_param("uploadId", &self.upload_id)
            .json(&self.body)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

/// Cancels a multipart upload and drops its parts
/// (`DELETE /v2/rooms/{roomId}/storage/files/{fileId}/multipart/{uploadId}`).
///
/// The spec answers 204; the dev server answers 200. Any 2xx succeeds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AbortStorageFileMultipartUpload {
    room_id: String,
    file_id: String,
    upload_id: String,
}

impl AbortStorageFileMultipartUpload {
    /// Aborts `upload_id`.
    pub fn new(
        room_id: impl Into<String>,
        file_id: impl Into<String>,
        upload_id: impl Into<String>,
    ) -> Self {
        AbortStorageFileMultipartUpload {
            room_id: room_id.into(),
            file_id: file_id.into(),
            upload_id: upload_id.into(),
        }
    }
}

impl Endpoint for AbortStorageFileMultipartUpload {
    type Output = ();
    const OPERATION: Operation = op(
        "abort-storage-file-multipart-upload",
        Method::DELETE,
        "/rooms/{roomId}/storage/files/{fileId}/multipart/{uploadId}",
        &[],
        BodyKind::None,
        BodyKind::None,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        file_request(config, &Self::OPERATION, &self.room_id, &self.file_id)?
            .path_param("uploadId", &self.upload_id)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        ignore_body(response)
    }
}

/// Storage files.
impl<T> Client<T> {
    /// Reads a stored file's details and a signed download URL.
    pub fn get_storage_file(
        &self,
        room_id: impl Into<String>,
        file_id: impl Into<String>,
    ) -> Call<T, GetStorageFile> {
        self.call(GetStorageFile::new(room_id, file_id))
    }

    /// Uploads a whole file in one request; `file_id` is yours to pick (see
    /// [`StorageFileId`](crate::models::storage_files::StorageFileId)).
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
    pub fn upload_storage_file(
        &self,
        room_id: impl Into<String>,
        file_id: impl Into<String>,
        name: impl Into<String>,
        content: impl Into<Bytes>,
    ) -> Call<T, UploadStorageFile> {
        self.call(UploadStorageFile::new(room_id, file_id, name, content))
    }

    /// Starts a multipart upload for a large file.
    pub fn create_storage_file_multipart_upload(
        &self,
        room_id: impl Into<String>,
        file_id: impl Into<String>,
        name: impl Into<String>,
    ) -> Call<T, CreateStorageFileMultipartUpload> {
        self.call(CreateStorageFileMultipartUpload::new(
            room_id, file_id, name,
        ))
    }

    /// Uploads part `part_number` (from 1) of a multipart upload.
    pub fn upload_storage_file_multipart_part(
        &self,
        room_id: impl Into<String>,
        file_id: impl Into<String>,
        upload_id: impl Into<String>,
        part_number: u32,
        content: impl Into<Bytes>,
    ) -> Call<T, UploadStorageFileMultipartPart> {
        self.call(UploadStorageFileMultipartPart::new(
            room_id,
            file_id,
            upload_id,
            part_number,
            content,
        ))
    }

    /// Finishes a multipart upload from its uploaded parts.
    pub fn complete_storage_file_multipart_upload(
        &self,
        room_id: impl Into<String>,
        file_id: impl Into<String>,
        upload_id: impl Into<String>,
        parts: impl IntoIterator<Item = StorageFileMultipartPart>,
    ) -> Call<T, CompleteStorageFileMultipartUpload> {
        self.call(CompleteStorageFileMultipartUpload::new(
            room_id, file_id, upload_id, parts,
        ))
    }

    /// Cancels a multipart upload.
    pub fn abort_storage_file_multipart_upload(
        &self,
        room_id: impl Into<String>,
        file_id: impl Into<String>,
        upload_id: impl Into<String>,
    ) -> Call<T, AbortStorageFileMultipartUpload> {
        self.call(AbortStorageFileMultipartUpload::new(
            room_id, file_id, upload_id,
        ))
    }
}
