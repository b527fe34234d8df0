//! Scenarios against the dev server beyond rooms, Storage and Yjs: storage files (single and
//! multipart uploads, read back through the signed URL and as a `LiveFile` in Storage), the
//! two token endpoints, and Feeds (which the dev server answers with canned bodies).

use liveblocks_wasm::liveblocks_core::bytes::Bytes;
use liveblocks_wasm::liveblocks_core::http;
use liveblocks_wasm::liveblocks_core::models::auth::FULL_ACCESS;
use liveblocks_wasm::liveblocks_core::models::rooms::{RoomPermission, UserInfo};
use liveblocks_wasm::liveblocks_core::models::storage::{
    LiveFileData, LiveNode, Lson, StorageDocument, StorageRoot,
};
use liveblocks_wasm::liveblocks_core::models::storage_files::{
    StorageFileId, StorageFileMultipartPart,
};
use liveblocks_wasm::liveblocks_core::Transport;
use liveblocks_wasm::{Client, Error, FetchTransport};
use serde_json::json;

use crate::{Abort, Params, Report, Step};

/// The part size multipart uploads use (the smallest the API allows but for the last part).
const PART_SIZE: usize = 5 * 1024 * 1024;

/// The size of the multipart file: one full part and one of 1 MiB.
const MULTIPART_SIZE: usize = 6 * 1024 * 1024;

/// A fresh file ID from `crypto`-free randomness (unique enough within one room).
fn random_file_id() -> StorageFileId {
    let mut bytes = [0u8; 21];
    for b in &mut bytes {
        // 0 <= random() < 1, so the product fits in a byte.
        *b = (js_sys::Math::random() * 256.0) as u8;
    }
    StorageFileId::from_random_bytes(bytes)
}

/// `len` bytes that are neither constant nor periodic at any small period (xorshift32), so
/// a part swapped, truncated or shifted on the way would not compare equal.
fn pseudo_random_bytes(len: usize, seed: u32) -> Vec<u8> {
    let mut state = seed.max(1);
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state.to_le_bytes()[0]
        })
        .collect()
}

/// Creates a room for a scenario and registers it for cleanup.
async fn new_room(client: &Client, r: &mut Report, id: &str) -> Step {
    r.ok(
        "create_room",
        client.create_room(id, [RoomPermission::RoomWrite]).await,
    )?;
    r.rooms.push(id.to_owned());
    Ok(())
}

/// Downloads a signed URL with the bare transport; `None` (and a failed check) on error.
async fn download(r: &mut Report, name: &str, url: &str) -> Option<http::Response<Bytes>> {
    let request = match http::Request::builder().uri(url).body(Bytes::new()) {
        Ok(request) => request,
        Err(e) => {
            r.check(
                name,
                false,
                format!("the signed URL {url:?} is not a URI: {e}"),
            );
            return None;
        }
    };
    let transport = FetchTransport::new();
    match transport.send(request).await {
        Ok(response) => Some(response),
        Err(e) => {
            r.check(name, false, format!("GET {url}: {e}"));
            None
        }
    }
}

/// One file in one request, read back with `get_storage_file` and through its signed URL.
pub(crate) async fn storage_files(p: &Params, r: &mut Report) -> Step {
    let client = p.client(r)?;
    let room = p.room_id("files");
    new_room(&client, r, &room).await?;

    let id = random_file_id();
    let name = "meeting notes.txt";
    let content = "Agenda:\n1. liveblocks-wasm in workerd\n2. α, β and γ in UTF-8\n".repeat(3);
    let size = content.len() as u64;

    let bad = client
        .upload_storage_file(&room, "fl_short", name, content.clone())
        .await;
    r.check(
        "upload_storage_file: a malformed file ID is refused before sending",
        bad.as_ref().is_err_and(Error::is_invalid_input),
        format!("{bad:?}"),
    );

    let uploaded = client
        .upload_storage_file(&room, id.clone(), name, content.clone())
        .file_size(size)
        .await;
    let uploaded = r.ok("upload_storage_file", uploaded)?;
    r.eq(
        "upload_storage_file: the file as uploaded",
        &uploaded,
        &LiveFileData::new(id.as_str(), name, size, "text/plain"),
    );

    // The same ID, name and size again is accepted as the same upload.
    let again = client
        .upload_storage_file(&room, id.clone(), name, content.clone())
        .file_size(size)
        .await;
    let again = r.ok("upload_storage_file again (idempotent)", again)?;
    r.eq("the repeated upload names the same file", &again, &uploaded);

    let file = r.ok(
        "get_storage_file",
        client.get_storage_file(&room, id.clone()).await,
    )?;
    r.eq("get_storage_file: id", file.id.as_str(), id.as_str());
    r.eq("get_storage_file: name", file.name.as_str(), name);
    r.eq("get_storage_file: size", &file.size, &size);
    r.eq(
        "get_storage_file: mimeType",
        file.mime_type.as_str(),
        "text/plain",
    );
    r.check(
        "get_storage_file: a signed URL",
        file.url.starts_with("http") && file.url.contains('?'),
        file.url.clone(),
    );
    let now = js_sys::Date::now();
    let expires = file.expires_at.as_millisecond() as f64;
    r.check(
        "get_storage_file: expiresAt is in the future",
        expires > now,
        format!(
            "{} ({} s from now)",
            file.expires_at,
            (expires - now) / 1000.0
        ),
    );

    if let Some(response) = download(r, "download through the signed URL", &file.url).await {
        r.eq("signed URL: status", &response.status().as_u16(), &200);
        r.eq(
            "signed URL: the bytes uploaded",
            response.body().as_ref(),
            content.as_bytes(),
        );
    }

    let missing = client.get_storage_file(&room, random_file_id()).await;
    r.api_error(
        "get_storage_file of a file never uploaded",
        missing,
        404,
        "STORAGE_FILE_NOT_FOUND",
    );
    Ok(())
}

/// A 6 MiB file in two parts made here, completed with the parts' etags, downloaded whole,
/// then referenced from Storage as a `LiveFile`.
pub(crate) async fn multipart(p: &Params, r: &mut Report) -> Step {
    let client = p.client(r)?;
    let room = p.room_id("multipart");
    new_room(&client, r, &room).await?;

    let id = random_file_id();
    let name = "recording.bin";
    let data = pseudo_random_bytes(MULTIPART_SIZE, 0x5eed_1234);

    let upload = client
        .create_storage_file_multipart_upload(&room, id.clone(), name)
        .file_size(MULTIPART_SIZE as u64)
        .await;
    let upload = r.ok("create_storage_file_multipart_upload (6 MiB)", upload)?;
    r.eq(
        "multipart upload: fileId",
        upload.file_id.as_str(),
        id.as_str(),
    );
    r.check(
        "multipart upload: an uploadId",
        !upload.upload_id.is_empty(),
        upload.upload_id.clone(),
    );

    let mut parts = Vec::new();
    for (index, chunk) in data.chunks(PART_SIZE).enumerate() {
        let number = index as u32 + 1;
        let part = client
            .upload_storage_file_multipart_part(
                &room,
                id.clone(),
                &upload.upload_id,
                number,
                Bytes::copy_from_slice(chunk),
            )
            .await;
        let label = format!(
            "upload_storage_file_multipart_part {number} ({} bytes)",
            chunk.len()
        );
        let part = r.ok(&label, part)?;
        r.eq(
            &format!("part {number}: partNumber"),
            &part.part_number,
            &number,
        );
        // The dev server's etag is the part's SHA-256, in hex.
        r.check(
            &format!("part {number}: an etag"),
            part.etag.len() == 64 && part.etag.bytes().all(|b| b.is_ascii_hexdigit()),
            part.etag.clone(),
        );
        parts.push(part);
    }
    r.eq("two parts: 5 MiB and 1 MiB", &parts.len(), &2);
    if parts.len() == 2 {
        r.check(
            "the parts' etags differ",
            parts[0].etag != parts[1].etag,
            format!("{} / {}", parts[0].etag, parts[1].etag),
        );
    }

    let parts_sent: Vec<StorageFileMultipartPart> = parts
        .iter()
        .map(|part| StorageFileMultipartPart::new(part.part_number, part.etag.clone()))
        .collect();
    let file = client
        .complete_storage_file_multipart_upload(&room, id.clone(), &upload.upload_id, parts_sent)
        .await;
    let file = r.ok("complete_storage_file_multipart_upload", file)?;
    r.eq("completed: id", file.id.as_str(), id.as_str());
    r.eq("completed: name", file.name.as_str(), name);
    r.eq("completed: size is 6291456", &file.size, &6_291_456);

    let stored = r.ok(
        "get_storage_file",
        client.get_storage_file(&room, id.clone()).await,
    )?;
    r.eq(
        "get_storage_file: size",
        &stored.size,
        &(MULTIPART_SIZE as u64),
    );
    r.eq(
        "get_storage_file: mimeType",
        stored.mime_type.as_str(),
        file.mime_type.as_str(),
    );
    if let Some(response) = download(r, "download 6 MiB through the signed URL", &stored.url).await
    {
        r.eq("signed URL: status", &response.status().as_u16(), &200);
        r.eq(
            "signed URL: downloaded length",
            &response.body().len(),
            &MULTIPART_SIZE,
        );
        r.check(
            "signed URL: the 6 MiB come back byte for byte",
            response.body().as_ref() == data.as_slice(),
            "compared every byte",
        );
    }

    // Reference the file from Storage, next to plain values.
    let root = StorageRoot::new([
        ("title", Lson::from(json!("Recording"))),
        ("attachment", LiveNode::LiveFile(file.clone()).into()),
        (
            "files",
            LiveNode::list([LiveNode::LiveFile(file.clone()).into()]).into(),
        ),
    ]);
    let echoed = client
        .initialize_storage_document(&room, root.clone())
        .await;
    let echoed = r.ok("initialize_storage_document with a LiveFile", echoed)?;
    r.eq("initialize_storage_document: echoed root", &echoed, &root);
    let got = client.get_storage_document(&room).await;
    match r.ok("get_storage_document", got)? {
        StorageDocument::Lson(got) => {
            r.eq("Storage holds the LiveFile as uploaded", &got, &root);
            match got.data.get("attachment") {
                Some(Lson::Live(LiveNode::LiveFile(live))) => {
                    r.eq("the LiveFile's size", &live.size, &6_291_456);
                }
                other => {
                    r.check("the LiveFile's size", false, format!("{other:?}"));
                }
            }
        }
        other => {
            r.check(
                "Storage holds the LiveFile as uploaded",
                false,
                format!("{other:?}"),
            );
        }
    }

    // A LiveFile whose file was never uploaded is refused.
    let ghost = LiveFileData::new(
        random_file_id().as_str(),
        "ghost.bin",
        3,
        "application/octet-stream",
    );
    let other_room = p.room_id("multipart-ghost");
    new_room(&client, r, &other_room).await?;
    let refused = client
        .initialize_storage_document(
            &other_room,
            StorageRoot::new([("ghost", Lson::from(LiveNode::LiveFile(ghost)))]),
        )
        .await;
    match refused {
        Err(e) => {
            r.eq(
                "a LiveFile never uploaded: 422",
                &e.status().map(|s| s.as_u16()),
                &Some(422),
            );
        }
        Ok(value) => {
            r.check(
                "a LiveFile never uploaded: 422",
                false,
                format!("Ok({value:?})"),
            );
        }
    }
    Ok(())
}

/// Decodes base64url without padding (a JWT segment); `None` on a bad character.
fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut buffer = 0u32;
    let mut bits = 0;
    for c in text.trim_end_matches('=').bytes() {
        let value = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        };
        buffer = (buffer << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// Checks a token is a JWT (three dot-separated base64url parts) and returns its payload.
fn jwt_payload(r: &mut Report, what: &str, token: &str) -> Step<serde_json::Value> {
    let parts: Vec<&str> = token.split('.').collect();
    r.eq(
        &format!("{what}: a JWT, 3 dot-separated parts"),
        &parts.len(),
        &3,
    );
    if parts.len() != 3 {
        return Err(Abort);
    }
    let decode = |segment: &str| {
        base64url_decode(segment).and_then(|bytes| serde_json::from_slice(&bytes).ok())
    };
    let header: Option<serde_json::Value> = decode(parts[0]);
    r.check(
        &format!("{what}: the header is JSON naming the JWT type"),
        header.as_ref().is_some_and(|h| h["typ"] == "JWT"),
        format!("{header:?}"),
    );
    match decode(parts[1]) {
        Some(payload) => Ok(payload),
        None => {
            r.check(
                &format!("{what}: the payload is base64url JSON"),
                false,
                parts[1].to_owned(),
            );
            Err(Abort)
        }
    }
}

/// `authorize_user` and `identify_user`: tokens come back, and their payloads carry what was
/// asked for.
pub(crate) async fn auth(p: &Params, r: &mut Report) -> Step {
    let client = p.client(r)?;
    let room = p.room_id("auth");
    let pattern = format!("{}-team:*", p.prefix);

    let access = client
        .authorize_user("alice")
        .allow(&room, FULL_ACCESS.iter().cloned())
        .allow(&pattern, [RoomPermission::RoomRead])
        .user_info(UserInfo::new().name("Alice"))
        .await;
    let access = r.ok("authorize_user", access)?;
    let payload = jwt_payload(r, "access token", &access.token)?;
    r.eq("access token: uid", &payload["uid"], &json!("alice"));
    r.eq(
        "access token: permissions for the room",
        &payload["perms"][&room],
        &json!(["room:write", "comments:write"]),
    );
    r.eq(
        "access token: permissions for the prefix pattern",
        &payload["perms"][&pattern],
        &json!(["room:read"]),
    );
    r.eq(
        "access token: user info",
        &payload["ui"],
        &json!({"name": "Alice"}),
    );

    let bad_pattern = client
        .authorize_user("alice")
        .allow("a*b", [RoomPermission::RoomRead])
        .await;
    r.check(
        "authorize_user with a `*` inside a room pattern is refused before sending",
        bad_pattern.as_ref().is_err_and(Error::is_invalid_input),
        format!("{bad_pattern:?}"),
    );

    let id_token = client
        .identify_user("bob")
        .group_ids(["engineering", "design"])
        .await;
    let id_token = r.ok("identify_user", id_token)?;
    let payload = jwt_payload(r, "ID token", &id_token.token)?;
    r.eq("ID token: uid", &payload["uid"], &json!("bob"));
    r.eq(
        "ID token: group IDs",
        &payload["gids"],
        &json!(["engineering", "design"]),
    );
    r.check(
        "the two tokens differ",
        id_token.token != access.token,
        "distinct",
    );
    Ok(())
}

/// Records that `result` is a decode error of a 200 answer (the dev server's canned Feeds
/// bodies are not the spec's shapes) that names the missing `field`.
fn decode_error<T: std::fmt::Debug>(
    r: &mut Report,
    name: &str,
    result: Result<T, Error>,
    field: &str,
) {
    match result {
        Err(Error::Decode(e)) => {
            let pass =
                e.status.as_u16() == 200 && e.message.contains(&format!("missing field `{field}`"));
            r.check(name, pass, format!("at `{}`: {}", e.path, e.message));
        }
        other => {
            r.check(
                name,
                false,
                format!("expected a decode error, got {other:?}"),
            );
        }
    }
}

/// Feeds: the dev server answers canned bodies in its own shapes. Calls whose shape differs
/// from the spec must fail with a typed decode error (not a panic); those whose shape matches
/// succeed; a missing room is still a real 404.
pub(crate) async fn feeds(p: &Params, r: &mut Report) -> Step {
    let client = p.client(r)?;
    let room = p.room_id("feeds");
    new_room(&client, r, &room).await?;

    let list = client.get_feeds(&room).await;
    decode_error(
        r,
        "get_feeds: {feeds: [...]} instead of {data: [...]} is a decode error",
        list,
        "data",
    );

    let created = client
        .create_feed(&room, "general")
        .metadata(json!({"name": "General"}))
        .await;
    decode_error(
        r,
        "create_feed: no createdAt/updatedAt is a decode error",
        created,
        "createdAt",
    );

    let got = client.get_feed(&room, "general").await;
    decode_error(
        r,
        "get_feed: no createdAt/updatedAt is a decode error",
        got,
        "createdAt",
    );

    let messages = client.get_feed_messages(&room, "general").await;
    decode_error(
        r,
        "get_feed_messages: {messages: [...]} is a decode error",
        messages,
        "data",
    );

    let bad = client
        .update_feed(&room, "general", json!(["not", "an", "object"]))
        .await;
    r.check(
        "update_feed with non-object metadata is refused before sending",
        bad.as_ref().is_err_and(Error::is_invalid_input),
        format!("{bad:?}"),
    );

    r.ok(
        "delete_feed: 200 {\"ok\":true} counts as success",
        client.delete_feed(&room, "general").await,
    )?;
    r.ok(
        "delete_feed_message: 200 {\"ok\":true} counts as success",
        client.delete_feed_message(&room, "general", "m1").await,
    )?;

    let missing = client.get_feeds(p.room_id("feeds-missing")).await;
    r.api_error(
        "get_feeds in a missing room",
        missing,
        404,
        "ROOM_NOT_FOUND",
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_decodes_unpadded_segments() {
        assert_eq!(
            base64url_decode("eyJhbGciOiJub25lIn0").as_deref(),
            Some(&br#"{"alg":"none"}"#[..])
        );
        assert_eq!(base64url_decode("_-8").as_deref(), Some(&[0xff, 0xef][..]));
        assert_eq!(base64url_decode("a.b"), None);
    }

    #[test]
    fn pseudo_random_bytes_are_not_periodic() {
        let bytes = pseudo_random_bytes(4096, 7);
        assert_eq!(bytes.len(), 4096);
        assert_ne!(bytes[..2048], bytes[2048..]);
        assert!(bytes.iter().any(|&b| b != bytes[0]));
    }
}
