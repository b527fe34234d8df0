//! Comment attachments: read one with a download URL, upload files in one request or in
//! parts.
//!
//! Uploading works in two steps: pick an attachment ID of the form `at_` + 21 characters
//! from `A-Z a-z 0-9 _ -` (see [`is_valid_attachment_id`]), upload the file under that ID,
//! then pass the ID in a comment's `attachment_ids`. Large files go in parts: create a
//! multipart upload, upload each part (numbered from 1), then complete it with every part's
//! ETag (or abort it).

use bytes::Bytes;
use http::Method;

use crate::call::Call;
use crate::client::{call_setters, Client};
use crate::config::Config;
use crate::endpoint::{
    check_not_empty, decode_json, ignore_body, op, path_endpoint, BodyKind, Endpoint, Operation,
    RequestBuilder,
};
use crate::error::Error;
use crate::models::attachments::{
    is_valid_attachment_id, AttachmentMultipartPart, AttachmentMultipartUpload, AttachmentWithUrl,
    CommentAttachment, CompleteAttachmentMultipartUploadRequestBody,
};
use crate::transport::{HttpRequest, HttpResponse};

/// Every attachment operation.
pub const OPERATIONS: &[Operation] = &[
    GetAttachment::OPERATION,
    UploadAttachment::OPERATION,
    CreateAttachmentMultipartUpload::OPERATION,
    UploadAttachmentMultipartPart::OPERATION,
    CompleteAttachmentMultipartUpload::OPERATION,
    AbortAttachmentMultipartUpload::OPERATION,
];

/// Rejects an attachment ID the upload endpoints would refuse.
fn check_attachment_id(operation: &str, id: &str) -> Result<(), Error> {
    if is_valid_attachment_id(id) {
        Ok(())
    } else {
        Err(Error::invalid_input(format!(
            "attachment ID {id:?} must be `at_` followed by 21 characters from A-Z a-z 0-9 _ - ({operation})"
        )))
    }
}

path_endpoint!(
    /// Reads an attachment's details with a temporary download URL
    /// (`GET /v2/rooms/{roomId}/attachments/{attachmentId}`).
    GetAttachment, "get-attachment", GET, "/rooms/{roomId}/attachments/{attachmentId}",
    Json, AttachmentWithUrl, decode_json,
    /// Reads `attachment_id` of `room_id`.
    new(room_id = "roomId", attachment_id = "attachmentId")
);

/// Uploads a whole file as an attachment
/// (`PUT /v2/rooms/{roomId}/attachments/{attachmentId}/upload/{name}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadAttachment {
    room_id: String,
    attachment_id: String,
    name: String,
    user_id: String,
    file_size: Option<u64>,
    data: Bytes,
}

impl UploadAttachment {
    /// Uploads `data` as the file `name`, by `user_id`, under the new ID `attachment_id`.
    pub fn new(
        room_id: impl Into<String>,
        attachment_id: impl Into<String>,
        name: impl Into<String>,
        user_id: impl Into<String>,
        data: impl Into<Bytes>,
    ) -> Self {
        UploadAttachment {
            room_id: room_id.into(),
            attachment_id: attachment_id.into(),
            name: name.into(),
            user_id: user_id.into(),
            file_size: None,
            data: data.into(),
        }
    }

    /// Announces the file's size in bytes, so the server can refuse one too large before
    /// reading it. Not sent unless set.
    pub fn file_size(mut self, file_size: u64) -> Self {
        self.file_size = Some(file_size);
        self
    }
}

call_setters!(UploadAttachment { file_size(file_size: u64) });

impl Endpoint for UploadAttachment {
    type Output = CommentAttachment;
    const OPERATION: Operation = op(
        "upload-attachment",
        Method::PUT,
        "/rooms/{roomId}/attachments/{attachmentId}/upload/{name}",
        &["userId", "fileSize"],
        BodyKind::Binary,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        let id = Self::OPERATION.id;
        check_attachment_id(id, &self.attachment_id)?;
        check_not_empty(id, "userId", &self.user_id)?;
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("roomId", &self.room_id)
            .path_param("attachmentId", &self.attachment_id)
            .path_param("name", &self.name)
            .query("userId", &self.user_id)
            .query_opt("fileSize", self.file_size)
            .binary(self.data.clone())
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

/// Starts uploading a file in parts
/// (`POST /v2/rooms/{roomId}/attachments/{attachmentId}/multipart/{name}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateAttachmentMultipartUpload {
    room_id: String,
    attachment_id: String,
    name: String,
    file_size: Option<u64>,
}

impl CreateAttachmentMultipartUpload {
    /// Starts uploading the file `name` under the new ID `attachment_id`.
    pub fn new(
        room_id: impl Into<String>,
        attachment_id: impl Into<String>,
        name: impl Into<String>,
    ) -> Self {
        CreateAttachmentMultipartUpload {
            room_id: room_id.into(),
            attachment_id: attachment_id.into(),
            name: name.into(),
            file_size: None,
        }
    }

    /// Announces the whole file's size in bytes. Not sent unless set.
    pub fn file_size(mut self, file_size: u64) -> Self {
        self.file_size = Some(file_size);
        self
    }
}

call_setters!(CreateAttachmentMultipartUpload { file_size(file_size: u64) });

impl Endpoint for CreateAttachmentMultipartUpload {
    type Output = AttachmentMultipartUpload;
    const OPERATION: Operation = op(
        "create-attachment-multipart-upload",
        Method::POST,
        "/rooms/{roomId}/attachments/{attachmentId}/multipart/{name}",
        &["fileSize"],
        BodyKind::None,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        check_attachment_id(Self::OPERATION.id, &self.attachment_id)?;
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("roomId", &self.room_id)
            .path_param("attachmentId", &self.attachment_id)
            .path_param("name", &self.name)
            .query_opt("fileSize", self.file_size)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

/// Uploads one part of a multipart upload
/// (`PUT /v2/rooms/{roomId}/attachments/{attachmentId}/multipart/{uploadId}/{partNumber}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadAttachmentMultipartPart {
    room_id: String,
    attachment_id: String,
    upload_id: String,
    part_number: u32,
    data: Bytes,
}

impl UploadAttachmentMultipartPart {
    /// Uploads `data` as part `part_number` (from 1).
    pub fn new(
        room_id: impl Into<String>,
        attachment_id: impl Into<String>,
        upload_id: impl Into<String>,
        part_number: u32,
        data: impl Into<Bytes>,
    ) -> Self {
        UploadAttachmentMultipartPart {
            room_id: room_id.into(),
            attachment_id: attachment_id.into(),
            upload_id: upload_id.into(),
            part_number,
            data: data.into(),
        }
    }
}

impl Endpoint for UploadAttachmentMultipartPart {
    type Output = AttachmentMultipartPart;
    const OPERATION: Operation = op(
        "upload-attachment-multipart-part",
        Method::PUT,
        "/rooms/{roomId}/attachments/{attachmentId}/multipart/{uploadId}/{partNumber}",
        &[],
        BodyKind::Binary,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        let id = Self::OPERATION.id;
        check_attachment_id(id, &self.attachment_id)?;
        if self.part_number == 0 {
            return Err(Error::invalid_input(format!(
                "`partNumber` starts at 1, got 0 ({id})"
            )));
        }
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("roomId", &self.room_id)
            .path_param("attachmentId", &self.attachment_id)
            .path_param("uploadId", &self.upload_id)
            .path_param("partNumber", &self.part_number.to_string())
            .binary(self.data.clone())
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

/// Finishes a multipart upload and returns the attachment
/// (`POST /v2/rooms/{roomId}/attachments/{attachmentId}/multipart/{uploadId}/complete`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompleteAttachmentMultipartUpload {
    room_id: String,
    attachment_id: String,
    upload_id: String,
    user_id: String,
    body: CompleteAttachmentMultipartUploadRequestBody,
}

impl CompleteAttachmentMultipartUpload {
    /// Completes the upload for `user_id` with every uploaded part.
    pub fn new(
        room_id: impl Into<String>,
        attachment_id: impl Into<String>,
        upload_id: impl Into<String>,
        user_id: impl Into<String>,
        parts: impl IntoIterator<Item = AttachmentMultipartPart>,
    ) -> Self {
        CompleteAttachmentMultipartUpload {
            room_id: room_id.into(),
            attachment_id: attachment_id.into(),
            upload_id: upload_id.into(),
            user_id: user_id.into(),
            body: CompleteAttachmentMultipartUploadRequestBody {
                parts: parts.into_iter().collect(),
            },
        }
    }
}

impl Endpoint for CompleteAttachmentMultipartUpload {
    type Output = CommentAttachment;
    const OPERATION: Operation = op(
        "complete-attachment-multipart-upload",
        Method::POST,
        "/rooms/{roomId}/attachments/{attachmentId}/multipart/{uploadId}/complete",
        &["userId"],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        let id = Self::OPERATION.id;
        check_attachment_id(id, &self.attachment_id)?;
        check_not_empty(id, "userId", &self.user_id)?;
        if self.body.parts.is_empty() {
            return Err(Error::invalid_input(format!(
                "`parts` must list every uploaded part, got none ({id})"
            )));
        }
        if let Some(part) = self.body.parts.iter().find(|p| p.part_number == 0) {
            return Err(Error::invalid_input(format!(
                "`partNumber` starts at 1, got 0 (etag {:?}) ({id})",
                part.etag
            )));
        }
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("roomId", &self.room_id)
            .path_param("attachmentId", &self.attachment_id)
            .path_param("uploadId", &self.upload_id)
            .query("userId", &self.user_id)
            .json(&self.body)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

/// Cancels a multipart upload and discards its parts
/// (`DELETE /v2/rooms/{roomId}/attachments/{attachmentId}/multipart/{uploadId}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AbortAttachmentMultipartUpload {
    room_id: String,
    attachment_id: String,
    upload_id: String,
}

impl AbortAttachmentMultipartUpload {
    /// Cancels `upload_id`.
    pub fn new(
        room_id: impl Into<String>,
        attachment_id: impl Into<String>,
        upload_id: impl Into<String>,
    ) -> Self {
        AbortAttachmentMultipartUpload {
            room_id: room_id.into(),
            attachment_id: attachment_id.into(),
            upload_id: upload_id.into(),
        }
    }
}

impl Endpoint for AbortAttachmentMultipartUpload {
    type Output = ();
    const OPERATION: Operation = op(
        "abort-attachment-multipart-upload",
        Method::DELETE,
        "/rooms/{roomId}/attachments/{attachmentId}/multipart/{uploadId}",
        &[],
        BodyKind::None,
        BodyKind::None,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        check_attachment_id(Self::OPERATION.id, &self.attachment_id)?;
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("roomId", &self.room_id)
            .path_param("attachmentId", &self.attachment_id)
            .path_param("uploadId", &self.upload_id)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        ignore_body(response)
    }
}

/// Attachments.
impl<T> Client<T> {
    /// Reads an attachment's details with a temporary download URL.
    pub fn get_attachment(
        &self,
        room_id: impl Into<String>,
        attachment_id: impl Into<String>,
    ) -> Call<T, GetAttachment> {
        self.call(GetAttachment::new(room_id, attachment_id))
    }

    /// Uploads `data` as the file `name` by `user_id`, under the new ID `attachment_id`;
    /// then attach it to a comment with its ID.
    ///
    /// ```no_run
    /// # async fn run(client: liveblocks_core::Client<impl liveblocks_core::Transport + 'static>) -> Result<(), liveblocks_core::Error> {
    /// let png = std::fs::read("screenshot.png").unwrap();
    /// let size = png.len() as u64;
    /// let attachment = client
    ///     .upload_attachment("my-room", "at_abc123456789012345678", "screenshot.png", "alice", png)
    ///     .file_size(size)
    ///     .await?;
    /// client
    ///     .create_comment("my-room", "th_abc123", "alice", "See the screenshot")
    ///     .attachment_ids([attachment.id])
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn upload_attachment(
        &self,
        room_id: impl Into<String>,
        attachment_id: impl Into<String>,
        name: impl Into<String>,
        user_id: impl Into<String>,
        data: impl Into<Bytes>,
    ) -> Call<T, UploadAttachment> {
        self.call(UploadAttachment::new(
            room_id,
            attachment_id,
            name,
            user_id,
            data,
        ))
    }

    /// Starts uploading the file `name` in parts, under the new ID `attachment_id`.
    pub fn create_attachment_multipart_upload(
        &self,
        room_id: impl Into<String>,
        attachment_id: impl Into<String>,
        name: impl Into<String>,
    ) -> Call<T, CreateAttachmentMultipartUpload> {
        self.call(CreateAttachmentMultipartUpload::new(
            room_id,
            attachment_id,
            name,
        ))
    }

    /// Uploads part `part_number` (from 1) of a multipart upload; keep the returned part for
    /// [`Client::complete_attachment_multipart_upload`].
    pub fn upload_attachment_multipart_part(
        &self,
        room_id: impl Into<String>,
        attachment_id: impl Into<String>,
        upload_id: impl Into<String>,
        part_number: u32,
        data: impl Into<Bytes>,
    ) -> Call<T, UploadAttachmentMultipartPart> {
        self.call(UploadAttachmentMultipartPart::new(
            room_id,
            attachment_id,
            upload_id,
            part_number,
            data,
        ))
    }

    /// Finishes a multipart upload for `user_id` with every uploaded part.
    pub fn complete_attachment_multipart_upload(
        &self,
        room_id: impl Into<String>,
        attachment_id: impl Into<String>,
        upload_id: impl Into<String>,
        user_id: impl Into<String>,
        parts: impl IntoIterator<Item = AttachmentMultipartPart>,
    ) -> Call<T, CompleteAttachmentMultipartUpload> {
        self.call(CompleteAttachmentMultipartUpload::new(
            room_id,
            attachment_id,
            upload_id,
            user_id,
            parts,
        ))
    }

    /// Cancels a multipart upload.
    pub fn abort_attachment_multipart_upload(
        &self,
        room_id: impl Into<String>,
        attachment_id: impl Into<String>,
        upload_id: impl Into<String>,
    ) -> Call<T, AbortAttachmentMultipartUpload> {
        self.call(AbortAttachmentMultipartUpload::new(
            room_id,
            attachment_id,
            upload_id,
        ))
    }
}
