//! Storage files: single uploads, the 6 MiB multipart path, abort, the signed download URL,
//! validation before any request, and a `LiveFile` node in Storage.

use bytes::Bytes;
use http::StatusCode;
use liveblocks_core::models::storage::{
    LiveNode, Lson, StorageDocument, StorageFormat, StorageRoot,
};
use liveblocks_core::models::storage_files::{
    LiveFileData, StorageFileId, StorageFileMultipartPart,
};
use liveblocks_core::models::Timestamp;
use liveblocks_core::storage_files::AbortStorageFileMultipartUpload;
use liveblocks_core::transport::HttpResponse;
use liveblocks_core::{Endpoint, Error};
use liveblocks_tests::{devserver_base_url, unique_room_id};
use serde_json::json;

use crate::{
    expect_api, expect_invalid_input, json_body, new_room, room_id, unreachable_driver, Driver,
    Result,
};

const MIB: usize = 1024 * 1024;

/// A storage file ID no other test uses: 21 bytes of the SHA-256 of a unique string.
pub(crate) fn file_id(label: &str) -> StorageFileId {
    let digest = ring::digest::digest(&ring::digest::SHA256, unique_room_id(label).as_bytes());
    let mut bytes = [0u8; 21];
    bytes.copy_from_slice(&digest.as_ref()[..21]);
    StorageFileId::from_random_bytes(bytes)
}

/// The SHA-256 of `data` in lower-case hex.
pub(crate) fn sha256_hex(data: &[u8]) -> String {
    ring::digest::digest(&ring::digest::SHA256, data)
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `len` bytes that don't repeat in any short period (xorshift64), so a misplaced part or a
/// truncated download can't compare equal by accident.
pub(crate) fn pseudo_random_bytes(len: usize, mut state: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        out.extend_from_slice(&state.to_le_bytes());
    }
    out.truncate(len);
    out
}

/// Downloads a signed URL with a plain GET (no `Authorization`) through the adapter's
/// transport.
pub(crate) fn download<D: Driver>(d: &D, url: &str) -> Result<HttpResponse> {
    let request = http::Request::get(url)
        .body(Bytes::new())
        .expect("a valid GET request");
    Ok(d.exchange(request)?)
}

fn header<'a>(response: &'a HttpResponse, name: &str) -> &'a str {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

/// A short text file with a space in its name: uploaded with its size, read back with a signed
/// URL, and downloaded from that URL byte for byte.
pub(crate) fn upload_get_and_download<D: Driver>(d: &D) -> Result {
    let c = d.client();
    let room = new_room(d, "file")?;
    let id = file_id("file");
    let name = "meeting notes.txt";
    let content = Bytes::from(
        "Meeting notes\n\n- ship the Rust SDK\n- test it against the dev server\n".repeat(3),
    );
    let size = content.len() as u64;

    let uploaded = d.run(
        c.upload_storage_file(&room, id.clone(), name, content.clone())
            .file_size(size),
    )?;
    assert_eq!(
        uploaded,
        LiveFileData::new(id.as_str(), name, size, "text/plain")
    );

    let file = d.run(c.get_storage_file(&room, id.clone()))?;
    assert_eq!(file.id, id.as_str());
    assert_eq!(file.name, name);
    assert_eq!(file.size, size);
    assert_eq!(file.mime_type, "text/plain");
    let blob = format!("{}/blob?", devserver_base_url().trim_end_matches('/'));
    assert!(file.url.starts_with(&blob), "{}", file.url);
    assert!(file.expires_at > Timestamp::now(), "{file:?}");

    let response = download(d, &file.url)?;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        header(&response, "content-type").starts_with("text/plain"),
        "{response:?}"
    );
    assert_eq!(
        header(&response, "content-disposition"),
        r#"inline; filename="meeting notes.txt""#
    );
    assert_eq!(response.body(), &content);
    Ok(())
}

/// Uploading the same file ID again with the same name and size succeeds and changes nothing;
/// another name, another size, or a multipart upload for that ID is a 409.
pub(crate) fn reupload_is_idempotent_and_another_name_conflicts<D: Driver>(d: &D) -> Result {
    let c = d.client();
    let room = new_room(d, "file-again")?;
    let id = file_id("file-again");
    let content = Bytes::from_static(b"version one");
    let first = d.run(
        c.upload_storage_file(&room, id.clone(), "a file.txt", content.clone())
            .file_size(11),
    )?;
    let again = d.run(
        c.upload_storage_file(&room, id.clone(), "a file.txt", content.clone())
            .file_size(11),
    )?;
    assert_eq!(again, first);

    let conflicts = [
        (
            "another name",
            d.run(c.upload_storage_file(&room, id.clone(), "b file.txt", content.clone())),
        ),
        (
            "another size",
            d.run(
                c.upload_storage_file(&room, id.clone(), "a file.txt", "version two!")
                    .file_size(12),
            ),
        ),
    ];
    for (what, result) in conflicts {
        let e = expect_api(what, result, 409, "Conflict");
        assert_eq!(e.message, "Conflict", "{what}: the generic router body");
        assert!(Error::Api(e).is_conflict());
    }
    let e = expect_api(
        "multipart upload for an uploaded ID",
        d.run(
            c.create_storage_file_multipart_upload(&room, id.clone(), "a file.txt")
                .file_size(11),
        ),
        409,
        "Conflict",
    );
    assert!(Error::Api(e).is_conflict());
    Ok(())
}

/// 6 MiB in two parts (5 MiB + 1 MiB): each part's etag is the SHA-256 of that part, the
/// completed file is 6291456 bytes, and the signed URL gives back the same bytes.
pub(crate) fn multipart_upload_of_6_mib<D: Driver>(d: &D) -> Result {
    let c = d.client();
    let room = new_room(d, "multipart")?;
    let id = file_id("multipart");
    let name = "big upload.bin";
    let data = Bytes::from(pseudo_random_bytes(6 * MIB, 0x5eed_1234_abcd_ef01));
    let size = data.len() as u64;
    assert_eq!(size, 6_291_456);

    let upload = d.run(
        c.create_storage_file_multipart_upload(&room, id.clone(), name)
            .file_size(size),
    )?;
    assert_eq!(upload.file_id, id.as_str());
    // The upload ID is a UUID: 8-4-4-4-12 hex digits.
    let groups: Vec<usize> = upload.upload_id.split('-').map(str::len).collect();
    assert_eq!(groups, [8, 4, 4, 4, 12], "{}", upload.upload_id);

    let chunks = [data.slice(..5 * MIB), data.slice(5 * MIB..)];
    let mut parts = Vec::new();
    for (number, chunk) in (1u32..).zip(chunks) {
        let part = d.run(c.upload_storage_file_multipart_part(
            &room,
            id.clone(),
            &upload.upload_id,
            number,
            chunk.clone(),
        ))?;
        assert_eq!(part.part_number, number);
        assert_eq!(part.etag, sha256_hex(&chunk), "part {number}");
        parts.push(part);
    }
    assert_ne!(parts[0].etag, parts[1].etag);

    let file = d.run(c.complete_storage_file_multipart_upload(
        &room,
        id.clone(),
        &upload.upload_id,
        parts,
    ))?;
    assert_eq!(
        file,
        LiveFileData::new(id.as_str(), name, size, "application/octet-stream")
    );

    let stored = d.run(c.get_storage_file(&room, id.clone()))?;
    assert_eq!(
        (stored.name.as_str(), stored.size, stored.mime_type.as_str()),
        (name, size, "application/octet-stream")
    );
    let response = download(d, &stored.url)?;
    assert_eq!(response.status(), StatusCode::OK);
    let body = response.body();
    assert_eq!(body.len(), data.len(), "downloaded size");
    assert!(*body == data, "the download differs from the upload");
    Ok(())
}

/// Aborting answers 200 with no body (the spec says 204); the client takes it as success, and
/// again for a second abort. Nothing was stored. Completing the aborted upload is a 500 (a
/// server bug: an uncaught "No such multipart upload", where a 404 would be right).
pub(crate) fn multipart_abort_answers_200<D: Driver>(d: &D) -> Result {
    let c = d.client();
    let room = new_room(d, "abort")?;
    let id = file_id("abort");
    let upload = d.run(
        c.create_storage_file_multipart_upload(&room, id.clone(), "aborted.bin")
            .file_size(4),
    )?;
    let part = d.run(c.upload_storage_file_multipart_part(
        &room,
        id.clone(),
        &upload.upload_id,
        1,
        &b"part"[..],
    ))?;
    assert_eq!(part.etag, sha256_hex(b"part"));

    let endpoint = AbortStorageFileMultipartUpload::new(&room, id.clone(), &upload.upload_id);
    let response = d.exchange_endpoint(&endpoint)?;
    assert_eq!(response.status(), StatusCode::OK, "the spec says 204");
    assert!(response.body().is_empty(), "{response:?}");
    endpoint.response(response)?;
    d.run(c.abort_storage_file_multipart_upload(&room, id.clone(), &upload.upload_id))?;

    expect_api(
        "file of an aborted upload",
        d.run(c.get_storage_file(&room, id.clone())),
        404,
        "STORAGE_FILE_NOT_FOUND",
    );
    let e = expect_api(
        "complete after abort",
        d.run(c.complete_storage_file_multipart_upload(
            &room,
            id.clone(),
            &upload.upload_id,
            [part],
        )),
        500,
        "Internal Server Error",
    );
    // The SDK can't tell this 500 from a transient one.
    assert!(Error::Api(e).is_retryable());
    Ok(())
}

/// A malformed file ID, part number 0, or no parts is refused before any request.
pub(crate) fn bad_file_input_fails_before_any_request<D: Driver>(_d: &D) -> Result {
    let u: D = unreachable_driver();
    let c = u.client();
    let room = "any-room";
    let upload_id = "00000000-0000-4000-8000-000000000000";
    let bad_ids = [
        "",
        "fl_",
        "fl_short",
        "fl_abc12345678901234567",   // 20 characters
        "fl_abc1234567890123456789", // 22 characters
        "at_abc123456789012345678",
        "fl_abc12345678901234567!",
        "fl_abc1234567890123456 7",
    ];
    for bad in bad_ids {
        let results = [
            ("StorageFileId::new", StorageFileId::new(bad).map(drop)),
            ("get", u.run(c.get_storage_file(room, bad)).map(drop)),
            (
                "upload",
                u.run(
                    c.upload_storage_file(room, bad, "a.txt", "abc")
                        .file_size(3),
                )
                .map(drop),
            ),
            (
                "create multipart",
                u.run(c.create_storage_file_multipart_upload(room, bad, "a.bin"))
                    .map(drop),
            ),
            (
                "upload part",
                u.run(c.upload_storage_file_multipart_part(room, bad, upload_id, 1, "abc"))
                    .map(drop),
            ),
            (
                "complete",
                u.run(c.complete_storage_file_multipart_upload(
                    room,
                    bad,
                    upload_id,
                    [StorageFileMultipartPart::new(1, "etag")],
                ))
                .map(drop),
            ),
            (
                "abort",
                u.run(c.abort_storage_file_multipart_upload(room, bad, upload_id)),
            ),
        ];
        for (what, result) in results {
            let message = expect_invalid_input(&format!("{what} {bad:?}"), result);
            assert!(message.contains("storage file ID"), "{what}: {message}");
        }
    }

    let good = file_id("bad-input");
    let part_zero =
        u.run(c.upload_storage_file_multipart_part(room, good.clone(), upload_id, 0, "abc"));
    assert!(expect_invalid_input("part 0", part_zero).contains("partNumber"));
    let no_parts =
        u.run(c.complete_storage_file_multipart_upload(room, good.clone(), upload_id, []));
    assert!(expect_invalid_input("no parts", no_parts).contains("parts"));
    let listed_zero = u.run(c.complete_storage_file_multipart_upload(
        room,
        good,
        upload_id,
        [StorageFileMultipartPart::new(0, "etag")],
    ));
    expect_invalid_input("a part numbered 0", listed_zero);
    assert!(
        crate::sent_so_far().is_empty(),
        "{:?}",
        crate::sent_so_far()
    );
    Ok(())
}

/// An unknown file in an existing room is `404 STORAGE_FILE_NOT_FOUND` with a suggestion; in
/// a missing room it is the router's generic `404 {"error":"Not Found"}` (not
/// `ROOM_NOT_FOUND` as on the other room routes).
pub(crate) fn unknown_file_is_404<D: Driver>(d: &D) -> Result {
    let c = d.client();
    let room = new_room(d, "no-file")?;
    let e = expect_api(
        "unknown file",
        d.run(c.get_storage_file(&room, file_id("no-file"))),
        404,
        "STORAGE_FILE_NOT_FOUND",
    );
    assert_eq!(e.message, "Storage file not found");
    assert!(e.suggestion.is_some(), "{e:?}");
    assert!(Error::Api(e).is_not_found());

    let e = expect_api(
        "missing room",
        d.run(c.get_storage_file(room_id::<D>("no-room"), file_id("no-room"))),
        404,
        "Not Found",
    );
    assert_eq!(e.message, "Not Found", "no message in the router's body");
    Ok(())
}

/// A name outside Latin-1 round-trips through upload and get, but downloading it from the
/// signed URL is a 500 (a server bug: it puts the raw name in `Content-Disposition`).
pub(crate) fn non_latin1_name_breaks_the_download<D: Driver>(d: &D) -> Result {
    let c = d.client();
    let room = new_room(d, "file-alpha")?;
    let id = file_id("file-alpha");
    let name = "notes α β.txt";
    let uploaded = d.run(c.upload_storage_file(&room, id.clone(), name, "alpha"))?;
    assert_eq!(uploaded.name, name);
    assert_eq!(uploaded.size, 5);
    let file = d.run(c.get_storage_file(&room, id))?;
    assert_eq!(file.name, name);
    let response = download(d, &file.url)?;
    assert_eq!(
        response.status(),
        StatusCode::INTERNAL_SERVER_ERROR,
        "{response:?}"
    );
    Ok(())
}

/// An uploaded file referenced by `LiveFile` nodes (at the root and in a list) is stored and
/// read back as sent, and simplifies to its fields in JSON. A node's size is taken from the
/// upload (the answer echoes the request); a file that was never uploaded is a 422.
pub(crate) fn live_file_in_storage<D: Driver>(d: &D) -> Result {
    let c = d.client();
    let room = new_room(d, "live-file")?;
    let id = file_id("live-file");
    let file = d.run(c.upload_storage_file(&room, id.clone(), "report v2.pdf", "%PDF-1.7 tiny"))?;
    assert_eq!(file.mime_type, "application/pdf");

    let root = StorageRoot::new([
        ("report", Lson::from(LiveNode::LiveFile(file.clone()))),
        (
            "attachments",
            LiveNode::list([
                LiveNode::LiveFile(file.clone()).into(),
                Lson::from(json!("a note")),
            ])
            .into(),
        ),
    ]);
    assert_eq!(
        d.run(c.initialize_storage_document(&room, root.clone()))?,
        root
    );
    assert_eq!(
        d.run(c.get_storage_document(&room))?,
        StorageDocument::Lson(root)
    );
    let simplified = d.run(c.get_storage_document(&room).format(StorageFormat::Json))?;
    let StorageDocument::Json(simplified) = simplified else {
        panic!("asked for JSON, got {simplified:?}");
    };
    let file_json = json!({
        "id": id.as_str(),
        "name": "report v2.pdf",
        "size": file.size,
        "mimeType": "application/pdf",
    });
    assert_eq!(
        serde_json::Value::Object(simplified),
        json!({"report": file_json, "attachments": [file_json, "a note"]})
    );

    // A wrong size in the node: echoed, but stored with the upload's size.
    let other_room = new_room(d, "live-file-size")?;
    let other_id = file_id("live-file-size");
    let other = d.run(c.upload_storage_file(&other_room, other_id, "a.txt", "abc"))?;
    let mut wrong = other.clone();
    wrong.size = 999;
    let wrong_root = StorageRoot::new([("f", Lson::from(LiveNode::LiveFile(wrong)))]);
    assert_eq!(
        d.run(c.initialize_storage_document(&other_room, wrong_root.clone()))?,
        wrong_root
    );
    assert_eq!(
        d.run(c.get_storage_document(&other_room))?,
        StorageDocument::Lson(StorageRoot::new([(
            "f",
            Lson::from(LiveNode::LiveFile(other))
        )]))
    );

    // A file uploaded to another room counts as never uploaded here.
    let empty_room = new_room(d, "live-file-missing")?;
    let missing = StorageRoot::new([("f", Lson::from(LiveNode::LiveFile(file)))]);
    let e = expect_api(
        "LiveFile never uploaded",
        d.run(c.initialize_storage_document(&empty_room, missing)),
        422,
        "UNPROCESSABLE_ENTITY",
    );
    assert_eq!(e.message, "Storage file has not been uploaded");
    assert_eq!(
        d.run(c.get_storage_document(&empty_room))?,
        StorageDocument::Lson(StorageRoot::default())
    );
    let body = json_body("422", &e.raw_body);
    assert_eq!(body["error"], "UNPROCESSABLE_ENTITY");
    Ok(())
}
