//! Storage files: exact requests, decoding, file ID and part number checks, errors.

use http::Method;
use liveblocks_core::models::storage_files::{StorageFileId, StorageFileMultipartPart};
use liveblocks_core::storage_files::*;
use liveblocks_core::{Endpoint, Error};
use serde_json::json;

use crate::common::*;

const FILE: &str = "fl_abc123456789012345678";
const NAME: &str = "meeting notes α.txt";
const NAME_ENC: &str = "meeting%20notes%20%CE%B1.txt";
const UPLOAD: &str = "up/load #1";
const UPLOAD_ENC: &str = "up%2Fload%20%231";

const LIVE_FILE_BODY: &str = r#"{"id":"fl_abc123456789012345678","name":"meeting notes α.txt","size":20,"mimeType":"text/plain"}"#;

fn params<'a>(extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut all = vec![("roomId", ROOM_ENC), ("fileId", FILE)];
    all.extend_from_slice(extra);
    all
}

#[test]
fn get_storage_file() {
    // Shape of the dev server's answer: a signed /blob URL and an expiry.
    let body = r#"{"id":"fl_abc123456789012345678","name":"meeting notes.txt","size":210,
        "mimeType":"text/plain","url":"http://localhost:1153/blob?sig=abc&exp=1",
        "expiresAt":"2024-05-01T11:00:00.000Z"}"#;
    let file = check_op_with(
        Reply::json(200, body),
        |c| c.get_storage_file(ROOM, FILE).send(),
        GetStorageFile::new(ROOM, FILE),
        &expect(
            Method::GET,
            &format!("/rooms/{ROOM_ENC}/storage/files/{FILE}"),
            Body::None,
        ),
        &params(&[]),
    );
    assert_eq!(file.id, FILE);
    assert_eq!(file.name, "meeting notes.txt");
    assert_eq!(file.size, 210);
    assert_eq!(file.mime_type, "text/plain");
    assert_eq!(file.url, "http://localhost:1153/blob?sig=abc&exp=1");
    assert_eq!(file.expires_at.to_string(), "2024-05-01T11:00:00Z");
}

#[test]
fn upload_storage_file_sends_raw_bytes() {
    let file = check_op_with(
        Reply::json(200, LIVE_FILE_BODY),
        |c| {
            c.upload_storage_file(ROOM, StorageFileId::new(FILE)?, NAME, YJS_UPDATE.to_vec())
                .file_size(20)
                .send()
        },
        UploadStorageFile::new(ROOM, FILE, NAME, YJS_UPDATE).file_size(20),
        &expect(
            Method::PUT,
            &format!("/rooms/{ROOM_ENC}/storage/files/{FILE}/upload/{NAME_ENC}?fileSize=20"),
            Body::Binary(YJS_UPDATE.to_vec()),
        ),
        &params(&[("name", NAME_ENC)]),
    );
    assert_eq!(file.id, FILE);
    assert_eq!(file.name, NAME);
    assert_eq!(file.size, 20);
    assert_eq!(file.mime_type, "text/plain");

    // Without a size, no query string.
    check_op_with(
        Reply::json(200, LIVE_FILE_BODY),
        |c| c.upload_storage_file(ROOM, FILE, NAME, &b"hi"[..]).send(),
        UploadStorageFile::new(ROOM, FILE, NAME, &b"hi"[..]),
        &expect(
            Method::PUT,
            &format!("/rooms/{ROOM_ENC}/storage/files/{FILE}/upload/{NAME_ENC}"),
            Body::Binary(b"hi".to_vec()),
        ),
        &params(&[("name", NAME_ENC)]),
    );
}

#[test]
fn multipart_flow_requests() {
    let upload = check_op_with(
        Reply::json(
            200,
            r#"{"fileId":"fl_abc123456789012345678","uploadId":"up/load #1"}"#,
        ),
        |c| {
            c.create_storage_file_multipart_upload(ROOM, FILE, NAME)
                .file_size(6_291_456)
                .send()
        },
        CreateStorageFileMultipartUpload::new(ROOM, FILE, NAME).file_size(6_291_456),
        &expect(
            Method::POST,
            &format!(
                "/rooms/{ROOM_ENC}/storage/files/{FILE}/multipart/{NAME_ENC}?fileSize=6291456"
            ),
            Body::None,
        ),
        &params(&[("name", NAME_ENC)]),
    );
    assert_eq!(upload.file_id, FILE);
    assert_eq!(upload.upload_id, UPLOAD);

    let part = check_op_with(
        Reply::json(200, r#"{"partNumber":2,"etag":"e2"}"#),
        |c| {
            c.upload_storage_file_multipart_part(ROOM, FILE, UPLOAD, 2, YJS_UPDATE)
                .send()
        },
        UploadStorageFileMultipartPart::new(ROOM, FILE, UPLOAD, 2, YJS_UPDATE),
        &expect(
            Method::PUT,
            &format!("/rooms/{ROOM_ENC}/storage/files/{FILE}/multipart/{UPLOAD_ENC}/2"),
            Body::Binary(YJS_UPDATE.to_vec()),
        ),
        &params(&[("uploadId", UPLOAD_ENC), ("partNumber", "2")]),
    );
    assert_eq!(part, StorageFileMultipartPart::new(2, "e2"));

    let parts = vec![StorageFileMultipartPart::new(1, "e1"), part];
    let file = check_op_with(
        Reply::json(200, LIVE_FILE_BODY),
        |c| {
            c.complete_storage_file_multipart_upload(ROOM, FILE, UPLOAD, parts.clone())
                .send()
        },
        CompleteStorageFileMultipartUpload::new(ROOM, FILE, UPLOAD, parts.clone()),
        &expect(
            Method::POST,
            &format!("/rooms/{ROOM_ENC}/storage/files/{FILE}/multipart/{UPLOAD_ENC}/complete"),
            Body::Json(json!({"parts": [
                {"partNumber": 1, "etag": "e1"},
                {"partNumber": 2, "etag": "e2"}
            ]})),
        ),
        &params(&[("uploadId", UPLOAD_ENC)]),
    );
    assert_eq!(file.size, 20);
}

#[test]
fn abort_accepts_200_and_204() {
    // The spec says 204; the dev server answers 200 with no body.
    for reply in [Reply::empty(204), Reply::empty(200), Reply::json(200, "{}")] {
        check_op_with(
            reply,
            |c| {
                c.abort_storage_file_multipart_upload(ROOM, FILE, UPLOAD)
                    .send()
            },
            AbortStorageFileMultipartUpload::new(ROOM, FILE, UPLOAD),
            &expect(
                Method::DELETE,
                &format!("/rooms/{ROOM_ENC}/storage/files/{FILE}/multipart/{UPLOAD_ENC}"),
                Body::None,
            ),
            &params(&[("uploadId", UPLOAD_ENC)]),
        );
    }
}

#[test]
fn bad_file_ids_never_reach_the_transport() {
    for bad in [
        "",
        "fl_short",
        "at_abc123456789012345678",
        "fl_abc12345678901234567/",
    ] {
        let mock = Mock::new(Reply::json(200, LIVE_FILE_BODY));
        let c = &mock.client;
        assert_invalid(c.get_storage_file(ROOM, bad).send(), "storage file ID");
        assert_invalid(
            c.upload_storage_file(ROOM, bad, NAME, &b"x"[..]).send(),
            "storage file ID",
        );
        assert_invalid(
            c.create_storage_file_multipart_upload(ROOM, bad, NAME)
                .send(),
            "storage file ID",
        );
        assert_invalid(
            c.upload_storage_file_multipart_part(ROOM, bad, UPLOAD, 1, &b"x"[..])
                .send(),
            "storage file ID",
        );
        assert_invalid(
            c.complete_storage_file_multipart_upload(
                ROOM,
                bad,
                UPLOAD,
                [StorageFileMultipartPart::new(1, "e")],
            )
            .send(),
            "storage file ID",
        );
        assert_invalid(
            c.abort_storage_file_multipart_upload(ROOM, bad, UPLOAD)
                .send(),
            "storage file ID",
        );
        assert_eq!(mock.calls(), 0, "{bad:?}");
    }
}

#[test]
fn part_numbers_start_at_one() {
    let mock = Mock::new(Reply::json(200, "{}"));
    let c = &mock.client;
    assert_invalid(
        c.upload_storage_file_multipart_part(ROOM, FILE, UPLOAD, 0, &b"x"[..])
            .send(),
        "partNumber",
    );
    assert_invalid(
        c.complete_storage_file_multipart_upload(ROOM, FILE, UPLOAD, [])
            .send(),
        "parts",
    );
    assert_invalid(
        c.complete_storage_file_multipart_upload(
            ROOM,
            FILE,
            UPLOAD,
            [StorageFileMultipartPart::new(0, "e")],
        )
        .send(),
        "partNumber",
    );
    assert_invalid(
        c.upload_storage_file(ROOM, FILE, "", &b"x"[..]).send(),
        "name",
    );
    assert_invalid(
        c.abort_storage_file_multipart_upload(ROOM, FILE, "").send(),
        "uploadId",
    );
    assert_eq!(mock.calls(), 0);
}

#[test]
fn errors_and_bad_bodies() {
    // Missing room on the dev server: a generic 404.
    let mock = Mock::new(Reply::json(404, r#"{"error":"Not Found"}"#));
    let err = mock.client.get_storage_file(ROOM, FILE).send().unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
    assert_eq!(api_error(&err).status, 404);

    // 413 for a file over the limit.
    let mock = Mock::new(Reply::json(
        413,
        r#"{"error":"PAYLOAD_TOO_LARGE","message":"File too large"}"#,
    ));
    let err = mock
        .client
        .upload_storage_file(ROOM, FILE, NAME, &b"x"[..])
        .send()
        .unwrap_err();
    assert_eq!(err.code(), Some("PAYLOAD_TOO_LARGE"));

    // A 2xx with the wrong shape is a typed decode error.
    let endpoint = UploadStorageFileMultipartPart::new(ROOM, FILE, UPLOAD, 1, &b"x"[..]);
    let err = endpoint
        .response(response(200, r#"{"partNumber":"one","etag":"e"}"#))
        .unwrap_err();
    assert_eq!(decode_error(&err).path, "partNumber");
    let err = GetStorageFile::new(ROOM, FILE)
        .response(response(200, LIVE_FILE_BODY))
        .unwrap_err();
    assert!(matches!(err, Error::Decode(_)), "{err:?}");
}

#[test]
fn random_file_id_works_with_the_client() {
    let id = StorageFileId::from_random_bytes(*b"any 21 random bytes!!");
    let expected_path = format!("/rooms/{ROOM_ENC}/storage/files/{}", id.as_str());
    let body = json!({"id": id.as_str(), "name": "a", "size": 1, "mimeType": "text/plain",
        "url": "https://x.io/a", "expiresAt": "2024-05-01T11:00:00Z"});
    let mock = Mock::new(Reply::value(200, body));
    let file = mock
        .client
        .get_storage_file(ROOM, id.clone())
        .send()
        .unwrap();
    assert_eq!(file.id, id.as_str());
    assert_eq!(
        mock.only_request().uri().path(),
        format!("/v2{expected_path}")
    );
}
