//! Comment attachments: read one with a download URL, upload files in one request or in
//! parts.
//!
//! Uploading works in two steps: pick an attachment ID of the form `at_` + 21 characters
//! from `A-Z a-z 0-9 _ -` (see [`is_valid_attachment_id`]), upload the file under that ID,
//! then pass the ID in a comment's `attachment_ids`. Large files go in parts: create a
//! multipart upload, upload each part (numbered from 1), then complete it with every part's
//! ETag (or abort it).

use bytes::Bytes;

use crate::declare::operations;
use crate::endpoint::check_body_id;
use crate::error::Error;
use crate::models::attachments::{
    is_valid_attachment_id, AttachmentMultipartPart, AttachmentMultipartUpload, AttachmentWithUrl,
    CommentAttachment, CompleteAttachmentMultipartUploadRequestBody,
};

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

/// Rejects a part number of 0 (parts are numbered from 1).
fn check_part_number(operation: &str, part_number: u32) -> Result<(), Error> {
    if part_number == 0 {
        return Err(Error::invalid_input(format!(
            "`partNumber` starts at 1, got 0 ({operation})"
        )));
    }
    Ok(())
}

/// Rejects a completion that lists no part, or a part numbered 0.
fn check_parts(operation: &str, parts: &[AttachmentMultipartPart]) -> Result<(), Error> {
    if parts.is_empty() {
        return Err(Error::invalid_input(format!(
            "`parts` must list every uploaded part, got none ({operation})"
        )));
    }
    if let Some(part) = parts.iter().find(|p| p.part_number == 0) {
        return Err(Error::invalid_input(format!(
            "`partNumber` starts at 1, got 0 (etag {:?}) ({operation})",
            part.etag
        )));
    }
    Ok(())
}

operations! {
    /// Reads an attachment's details with a temporary download URL.
    GetAttachment {
        "get-attachment", GET "/rooms/{roomId}/attachments/{attachmentId}",
            None -> Json AttachmentWithUrl;
        fn get_attachment(room_id: impl Into<String>, attachment_id: impl Into<String>);
        struct {
            room_id: String = room_id.into(),
            attachment_id: String = attachment_id.into(),
        }
        path ["roomId" = room_id, "attachmentId" = attachment_id];
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
    UploadAttachment {
        "upload-attachment", PUT "/rooms/{roomId}/attachments/{attachmentId}/upload/{name}",
            Binary -> Json CommentAttachment;
        query ["userId", "fileSize"];
        fn upload_attachment(
            room_id: impl Into<String>,
            attachment_id: impl Into<String>,
            name: impl Into<String>,
            user_id: impl Into<String>,
            data: impl Into<Bytes>,
        );
        struct {
            room_id: String = room_id.into(),
            attachment_id: String = attachment_id.into(),
            name: String = name.into(),
            user_id: String = user_id.into(),
            file_size: Option<u64> = None,
            data: Bytes = data.into(),
        }
        set {
            /// Announces the file's size in bytes, so the server can refuse one too large
            /// before reading it. Not sent unless set.
            fn file_size(self, file_size: u64) {
                self.file_size = Some(file_size);
            }
        }
        path ["roomId" = room_id, "attachmentId" = attachment_id, "name" = name];
        request(self, req) {
            let id = Self::OPERATION.id;
            check_attachment_id(id, &self.attachment_id)?;
            check_body_id(id, "userId", &self.user_id)?;
            req.query("userId", &self.user_id)
                .query_opt("fileSize", self.file_size)
                .binary(self.data.clone())
        }
    }

    /// Starts uploading the file `name` in parts, under the new ID `attachment_id`.
    CreateAttachmentMultipartUpload {
        "create-attachment-multipart-upload", POST
            "/rooms/{roomId}/attachments/{attachmentId}/multipart/{name}",
            None -> Json AttachmentMultipartUpload;
        query ["fileSize"];
        fn create_attachment_multipart_upload(
            room_id: impl Into<String>,
            attachment_id: impl Into<String>,
            name: impl Into<String>,
        );
        struct {
            room_id: String = room_id.into(),
            attachment_id: String = attachment_id.into(),
            name: String = name.into(),
            file_size: Option<u64> = None,
        }
        set {
            /// Announces the whole file's size in bytes. Not sent unless set.
            fn file_size(self, file_size: u64) {
                self.file_size = Some(file_size);
            }
        }
        path ["roomId" = room_id, "attachmentId" = attachment_id, "name" = name];
        request(self, req) {
            check_attachment_id(Self::OPERATION.id, &self.attachment_id)?;
            req.query_opt("fileSize", self.file_size)
        }
    }

    /// Uploads `data` as part `part_number` (from 1) of a multipart upload; keep the
    /// returned part for [`Client::complete_attachment_multipart_upload`].
    ///
    /// [`Client::complete_attachment_multipart_upload`]: crate::Client::complete_attachment_multipart_upload
    UploadAttachmentMultipartPart {
        "upload-attachment-multipart-part", PUT
            "/rooms/{roomId}/attachments/{attachmentId}/multipart/{uploadId}/{partNumber}",
            Binary -> Json AttachmentMultipartPart;
        fn upload_attachment_multipart_part(
            room_id: impl Into<String>,
            attachment_id: impl Into<String>,
            upload_id: impl Into<String>,
            part_number: u32,
            data: impl Into<Bytes>,
        );
        struct {
            room_id: String = room_id.into(),
            attachment_id: String = attachment_id.into(),
            upload_id: String = upload_id.into(),
            part_number: u32 = part_number,
            data: Bytes = data.into(),
        }
        path ["roomId" = room_id, "attachmentId" = attachment_id, "uploadId" = upload_id];
        request(self, req) {
            let id = Self::OPERATION.id;
            check_attachment_id(id, &self.attachment_id)?;
            check_part_number(id, self.part_number)?;
            req.path_param("partNumber", &self.part_number.to_string())
                .binary(self.data.clone())
        }
    }

    /// Finishes a multipart upload for `user_id` with every uploaded part, and returns the
    /// attachment.
    CompleteAttachmentMultipartUpload {
        "complete-attachment-multipart-upload", POST
            "/rooms/{roomId}/attachments/{attachmentId}/multipart/{uploadId}/complete",
            Json -> Json CommentAttachment;
        query ["userId"];
        fn complete_attachment_multipart_upload(
            room_id: impl Into<String>,
            attachment_id: impl Into<String>,
            upload_id: impl Into<String>,
            user_id: impl Into<String>,
            parts: impl IntoIterator<Item = AttachmentMultipartPart>,
        );
        struct {
            room_id: String = room_id.into(),
            attachment_id: String = attachment_id.into(),
            upload_id: String = upload_id.into(),
            user_id: String = user_id.into(),
            body: CompleteAttachmentMultipartUploadRequestBody =
                CompleteAttachmentMultipartUploadRequestBody {
                    parts: parts.into_iter().collect(),
                },
        }
        path ["roomId" = room_id, "attachmentId" = attachment_id, "uploadId" = upload_id];
        request(self, req) {
            let id = Self::OPERATION.id;
            check_attachment_id(id, &self.attachment_id)?;
            check_body_id(id, "userId", &self.user_id)?;
            check_parts(id, &self.body.parts)?;
            req.query("userId", &self.user_id)
                .json(&self.body)
        }
    }

    /// Cancels a multipart upload and discards its parts.
    AbortAttachmentMultipartUpload {
        "abort-attachment-multipart-upload", DELETE
            "/rooms/{roomId}/attachments/{attachmentId}/multipart/{uploadId}",
            None -> None ();
        fn abort_attachment_multipart_upload(
            room_id: impl Into<String>,
            attachment_id: impl Into<String>,
            upload_id: impl Into<String>,
        );
        struct {
            room_id: String = room_id.into(),
            attachment_id: String = attachment_id.into(),
            upload_id: String = upload_id.into(),
        }
        path ["roomId" = room_id, "attachmentId" = attachment_id, "uploadId" = upload_id];
        request(self, req) {
            check_attachment_id(Self::OPERATION.id, &self.attachment_id)?;
            req
        }
    }
}
