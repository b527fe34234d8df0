//! Comment attachments: the exercises of the `attachments` domain.

use liveblocks_core::models::attachments::{AttachmentMultipartPart, CommentAttachment};

use super::examples::{expect_status, png_bytes, ts, ATTACHMENT, ROOM, UPLOAD, USER};
use crate::harness::{ensure_eq, Failure, Mode, Session};

/// The `CommentAttachment` example.
fn ensure_example_attachment(attachment: &CommentAttachment) -> Result<(), Failure> {
    ensure_eq(
        "attachment",
        (
            attachment.object_type.as_str(),
            attachment.id.as_str(),
            attachment.mime_type.as_str(),
            attachment.name.as_str(),
            attachment.size,
        ),
        (
            "attachment",
            "at_abc123",
            "image/png",
            "screenshot.png",
            12345,
        ),
    )
}

/// Runs the exercise of `op`, an operation of this domain.
pub async fn exercise(s: &Session, op: &str, mode: Mode) -> Result<(), Failure> {
    let c = &s.app;
    match op {
        "get-attachment" => {
            let attachment = s.fetch(c.get_attachment(ROOM, ATTACHMENT)).await?;
            mode.check(|| {
                ensure_eq(
                    "attachment",
                    (
                        attachment.object_type.as_str(),
                        attachment.id.as_str(),
                        attachment.mime_type.as_str(),
                        attachment.name.as_str(),
                        attachment.size,
                    ),
                    (
                        "attachment",
                        "at_abc123",
                        "image/png",
                        "screenshot.png",
                        12345,
                    ),
                )?;
                ensure_eq(
                    "url",
                    attachment.url.as_str(),
                    "https://example.com/at_abc123?X-Amz-Expires=3600&X-Amz-Signature=...",
                )?;
                ensure_eq(
                    "expiresAt",
                    attachment.expires_at,
                    ts("2026-03-16T14:00:00.000Z"),
                )
            })
        }
        "upload-attachment" => {
            let content = png_bytes();
            let size = content.len() as u64;
            let attachment = s
                .fetch(
                    c.upload_attachment(ROOM, ATTACHMENT, "screenshot.png", USER, content)
                        .file_size(size),
                )
                .await?;
            mode.check(|| ensure_example_attachment(&attachment))
        }
        "create-attachment-multipart-upload" => {
            let upload = s
                .fetch(
                    c.create_attachment_multipart_upload(ROOM, ATTACHMENT, "video.mp4")
                        .file_size(10_485_760),
                )
                .await?;
            mode.check(|| {
                ensure_eq(
                    "upload (placeholders)",
                    (upload.attachment_id.as_str(), upload.upload_id.as_str()),
                    ("string", "string"),
                )
            })
        }
        "upload-attachment-multipart-part" => {
            let part = s
                .fetch(c.upload_attachment_multipart_part(ROOM, ATTACHMENT, UPLOAD, 2, png_bytes()))
                .await?;
            // The placeholder's part number is the schema's minimum, whatever was sent.
            mode.check(|| {
                ensure_eq(
                    "part (placeholders)",
                    &part,
                    &AttachmentMultipartPart::new(1, "string"),
                )
            })
        }
        "complete-attachment-multipart-upload" => {
            let parts = [
                AttachmentMultipartPart::new(1, "\"etag-1\""),
                AttachmentMultipartPart::new(2, "\"etag-2\""),
            ];
            let attachment = s
                .fetch(
                    c.complete_attachment_multipart_upload(ROOM, ATTACHMENT, UPLOAD, USER, parts),
                )
                .await?;
            mode.check(|| ensure_example_attachment(&attachment))
        }
        "abort-attachment-multipart-upload" => {
            s.fetch(c.abort_attachment_multipart_upload(ROOM, ATTACHMENT, UPLOAD))
                .await?;
            mode.check(|| expect_status(s, 204))
        }
        other => Err(Failure::Check(format!("no exercise for operation {other}"))),
    }
}
