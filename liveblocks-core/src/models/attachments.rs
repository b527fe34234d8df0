//! Comment attachments: uploaded files, single and multipart uploads.

use serde::{Deserialize, Serialize};

use super::Timestamp;

/// An uploaded file attached (or to be attached) to a comment (schema `CommentAttachment`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CommentAttachment {
    /// The object type, always `"attachment"`.
    #[serde(rename = "type")]
    pub object_type: String,
    /// The attachment ID (`at_...`).
    pub id: String,
    /// The MIME type.
    pub mime_type: String,
    /// The file name.
    pub name: String,
    /// The size in bytes.
    pub size: i64,
}

/// An attachment with a temporary download URL (schema `AttachmentWithUrl`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AttachmentWithUrl {
    /// The object type, always `"attachment"`.
    #[serde(rename = "type")]
    pub object_type: String,
    /// The attachment ID (`at_...`).
    pub id: String,
    /// The MIME type.
    pub mime_type: String,
    /// The file name.
    pub name: String,
    /// The size in bytes.
    pub size: i64,
    /// A presigned URL to download the file from, valid until `expires_at`.
    pub url: String,
    /// When `url` stops working.
    #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
    pub expires_at: Timestamp,
}

/// A multipart upload in progress (schema `AttachmentMultipartUpload`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AttachmentMultipartUpload {
    /// The attachment being uploaded.
    pub attachment_id: String,
    /// The upload's ID, for the part, complete and abort calls.
    pub upload_id: String,
}

/// One uploaded part of a multipart upload (schema `AttachmentMultipartPart`): what uploading
/// a part returns, and what completing the upload lists.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AttachmentMultipartPart {
    /// The one-based part number.
    pub part_number: u32,
    /// The part's ETag, as returned when it was uploaded.
    pub etag: String,
}

impl AttachmentMultipartPart {
    /// A part, for completing an upload whose parts were recorded elsewhere.
    pub fn new(part_number: u32, etag: impl Into<String>) -> Self {
        AttachmentMultipartPart {
            part_number,
            etag: etag.into(),
        }
    }
}

/// The body of `complete-attachment-multipart-upload`
/// (schema `CompleteAttachmentMultipartUploadRequestBody`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CompleteAttachmentMultipartUploadRequestBody {
    /// Every uploaded part.
    pub parts: Vec<AttachmentMultipartPart>,
}

/// Whether `id` has the form attachment uploads require: `at_` and 21 characters from
/// `A-Z a-z 0-9 _ -`.
///
/// ```
/// use liveblocks_core::models::attachments::is_valid_attachment_id;
///
/// assert!(is_valid_attachment_id("at_abc123456789012345678"));
/// assert!(!is_valid_attachment_id("at_abc123"));
/// ```
pub fn is_valid_attachment_id(id: &str) -> bool {
    id.strip_prefix("at_").is_some_and(|rest| {
        rest.len() == 21
            && rest
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    })
}
