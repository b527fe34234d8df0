//! Attachments: read, upload whole or in parts, and their input checks.

use super::*;

#[test]
fn get_attachment() {
    let attachment = check_op_with(
        Reply::value(
            200,
            json!({"type": "attachment", "id": "at_abc123", "mimeType": "image/png",
                   "name": "screenshot.png", "size": 12345,
                   "url": "https://example.com/at_abc123?X-Amz-Expires=3600&X-Amz-Signature=...",
                   "expiresAt": "2026-03-16T14:00:00.000Z"}),
        ),
        |c| c.get_attachment(ROOM, ATTACHMENT).send(),
        GetAttachment::new(ROOM, ATTACHMENT),
        &expect(Method::GET, &attachment_path(""), Body::None),
        &[("attachmentId", ATTACHMENT)],
    );
    assert_eq!(attachment.object_type, "attachment");
    assert_eq!(attachment.id, "at_abc123");
    assert_eq!(attachment.mime_type, "image/png");
    assert_eq!(attachment.name, "screenshot.png");
    assert_eq!(attachment.size, 12345);
    assert!(attachment.url.starts_with("https://example.com/at_abc123?"));
    assert_eq!(attachment.expires_at, ts("2026-03-16T14:00:00.000Z"));
}

#[test]
fn upload_attachment() {
    let attachment = check_op_with(
        Reply::value(200, attachment_example()),
        |c| {
            c.upload_attachment(ROOM, ATTACHMENT, NAME, "alice b", YJS_UPDATE.to_vec())
                .file_size(20)
                .send()
        },
        UploadAttachment::new(
            ROOM,
            ATTACHMENT,
            NAME,
            "alice b",
            Bytes::from_static(YJS_UPDATE),
        )
        .file_size(20),
        &expect(
            Method::PUT,
            &attachment_path(&format!("/upload/{NAME_ENC}?userId=alice%20b&fileSize=20")),
            Body::Binary(YJS_UPDATE.to_vec()),
        ),
        &[("attachmentId", ATTACHMENT), ("name", NAME_ENC)],
    );
    assert_eq!(attachment.id, "at_abc123");
    assert_eq!(attachment.size, 12345);
    assert_eq!(attachment.mime_type, "image/png");

    check_op_with(
        Reply::value(200, attachment_example()),
        |c| {
            c.upload_attachment(ROOM, ATTACHMENT, NAME, "alice", &b""[..])
                .send()
        },
        UploadAttachment::new(ROOM, ATTACHMENT, NAME, "alice", Bytes::new()),
        &expect(
            Method::PUT,
            &attachment_path(&format!("/upload/{NAME_ENC}?userId=alice")),
            Body::Binary(Vec::new()),
        ),
        &[("attachmentId", ATTACHMENT), ("name", NAME_ENC)],
    );
}

#[test]
fn multipart_upload() {
    let upload = check_op_with(
        Reply::value(200, json!({"attachmentId": ATTACHMENT, "uploadId": "up_1"})),
        |c| {
            c.create_attachment_multipart_upload(ROOM, ATTACHMENT, NAME)
                .file_size(10_485_760)
                .send()
        },
        CreateAttachmentMultipartUpload::new(ROOM, ATTACHMENT, NAME).file_size(10_485_760),
        &expect(
            Method::POST,
            &attachment_path(&format!("/multipart/{NAME_ENC}?fileSize=10485760")),
            Body::None,
        ),
        &[("attachmentId", ATTACHMENT), ("name", NAME_ENC)],
    );
    assert_eq!(upload.attachment_id, ATTACHMENT);
    assert_eq!(upload.upload_id, "up_1");

    check_op_with(
        Reply::value(200, json!({"attachmentId": ATTACHMENT, "uploadId": "up_1"})),
        |c| {
            c.create_attachment_multipart_upload(ROOM, ATTACHMENT, NAME)
                .send()
        },
        CreateAttachmentMultipartUpload::new(ROOM, ATTACHMENT, NAME),
        &expect(
            Method::POST,
            &attachment_path(&format!("/multipart/{NAME_ENC}")),
            Body::None,
        ),
        &[("attachmentId", ATTACHMENT), ("name", NAME_ENC)],
    );

    let part = check_op_with(
        Reply::value(200, json!({"partNumber": 3, "etag": "\"abc\""})),
        |c| {
            c.upload_attachment_multipart_part(ROOM, ATTACHMENT, UPLOAD, 3, YJS_UPDATE)
                .send()
        },
        UploadAttachmentMultipartPart::new(ROOM, ATTACHMENT, UPLOAD, 3, YJS_UPDATE),
        &expect(
            Method::PUT,
            &attachment_path(&format!("/multipart/{UPLOAD_ENC}/3")),
            Body::Binary(YJS_UPDATE.to_vec()),
        ),
        &[
            ("attachmentId", ATTACHMENT),
            ("uploadId", UPLOAD_ENC),
            ("partNumber", "3"),
        ],
    );
    assert_eq!(part, AttachmentMultipartPart::new(3, "\"abc\""));

    let attachment = check_op_with(
        Reply::value(200, attachment_example()),
        |c| {
            c.complete_attachment_multipart_upload(
                ROOM,
                ATTACHMENT,
                UPLOAD,
                "alice",
                [AttachmentMultipartPart::new(1, "e1"), part.clone()],
            )
            .send()
        },
        CompleteAttachmentMultipartUpload::new(
            ROOM,
            ATTACHMENT,
            UPLOAD,
            "alice",
            [AttachmentMultipartPart::new(1, "e1"), part.clone()],
        ),
        &expect(
            Method::POST,
            &attachment_path(&format!("/multipart/{UPLOAD_ENC}/complete?userId=alice")),
            Body::Json(json!({"parts": [
                {"partNumber": 1, "etag": "e1"},
                {"partNumber": 3, "etag": "\"abc\""}
            ]})),
        ),
        &[("attachmentId", ATTACHMENT), ("uploadId", UPLOAD_ENC)],
    );
    assert_eq!(attachment.name, "screenshot.png");

    check_op_with(
        Reply::empty(204),
        |c| {
            c.abort_attachment_multipart_upload(ROOM, ATTACHMENT, UPLOAD)
                .send()
        },
        AbortAttachmentMultipartUpload::new(ROOM, ATTACHMENT, UPLOAD),
        &expect(
            Method::DELETE,
            &attachment_path(&format!("/multipart/{UPLOAD_ENC}")),
            Body::None,
        ),
        &[("attachmentId", ATTACHMENT), ("uploadId", UPLOAD_ENC)],
    );
}

#[test]
fn attachment_input_is_checked() {
    for bad in [
        "at_short",
        "at_abc12345678901234567/",
        "fl_abc123456789012345678",
        "",
    ] {
        assert!(!is_valid_attachment_id(bad), "{bad}");
        assert_rejected(
            |c| {
                c.upload_attachment(ROOM, bad, NAME, "alice", &b"x"[..])
                    .send()
            },
            "attachment ID",
        );
        assert_rejected(
            |c| c.create_attachment_multipart_upload(ROOM, bad, NAME).send(),
            "attachment ID",
        );
        assert_rejected(
            |c| {
                c.upload_attachment_multipart_part(ROOM, bad, UPLOAD, 1, &b"x"[..])
                    .send()
            },
            "attachment ID",
        );
        assert_rejected(
            |c| {
                c.abort_attachment_multipart_upload(ROOM, bad, UPLOAD)
                    .send()
            },
            "attachment ID",
        );
    }
    assert!(is_valid_attachment_id("at_-_abcdefghijABCDEFGHI"));
    assert_rejected(
        |c| {
            c.upload_attachment_multipart_part(ROOM, ATTACHMENT, UPLOAD, 0, &b"x"[..])
                .send()
        },
        "partNumber",
    );
    assert_rejected(
        |c| {
            c.complete_attachment_multipart_upload(ROOM, ATTACHMENT, UPLOAD, "alice", [])
                .send()
        },
        "parts",
    );
    assert_rejected(
        |c| {
            c.complete_attachment_multipart_upload(
                ROOM,
                ATTACHMENT,
                UPLOAD,
                "alice",
                [AttachmentMultipartPart::new(0, "e")],
            )
            .send()
        },
        "partNumber",
    );
    assert_rejected(
        |c| {
            c.complete_attachment_multipart_upload(
                ROOM,
                ATTACHMENT,
                UPLOAD,
                "",
                [AttachmentMultipartPart::new(1, "e")],
            )
            .send()
        },
        "userId",
    );
    assert_rejected(
        |c| {
            c.upload_attachment(ROOM, ATTACHMENT, NAME, "", &b"x"[..])
                .send()
        },
        "userId",
    );
    assert_rejected(
        |c| {
            c.upload_attachment(ROOM, ATTACHMENT, "", "alice", &b"x"[..])
                .send()
        },
        "name",
    );
    assert_rejected(
        |c| {
            c.upload_attachment_multipart_part(ROOM, ATTACHMENT, "", 1, &b"x"[..])
                .send()
        },
        "uploadId",
    );
    // get-attachment takes any existing ID (the spec's own example is `at_abc123`).
    let mock = Mock::new(Reply::value(
        200,
        json!({"type": "attachment", "id": "at_abc123", "mimeType": "image/png",
               "name": "a.png", "size": 1, "url": "https://x", "expiresAt": "2026-03-16T14:00:00Z"}),
    ));
    mock.client
        .get_attachment(ROOM, "at_abc123")
        .send()
        .unwrap();
}
