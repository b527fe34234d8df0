//! Version history: exact requests, the spec examples, binary download, pagination, errors.

use bytes::Bytes;
use http::Method;
use liveblocks_core::models::Cursor;
use liveblocks_core::versions::*;
use liveblocks_core::{Client, Config, Endpoint, TransportError};

use crate::common::*;

const VERSION: &str = "vh_abc/1 #2";
const VERSION_ENC: &str = "vh_abc%2F1%20%232";

/// The spec's `get-version-history` example.
const HISTORY_BODY: &str = r#"{
    "data": [{
        "id": "vh_abc123",
        "createdAt": "2024-10-15T10:30:00.000Z",
        "authors": [{"id": "user-123"}, {"id": "user-456"}]
    }],
    "nextCursor": "eyJjcmVhdGVkQXQiOiIyMDI0LTEwLTE1VDEwOjMwOjAwLjAwMFoifQ=="
}"#;

#[test]
fn get_version_history_with_limit_and_cursor() {
    let page = check_op_with(
        Reply::json(200, HISTORY_BODY),
        |c| {
            c.get_version_history(ROOM)
                .limit(50)
                .cursor(Cursor::new("abc=="))
                .send()
        },
        GetVersionHistory::new(ROOM)
            .limit(50)
            .cursor(Cursor::new("abc==")),
        &expect(
            Method::GET,
            &format!("/rooms/{ROOM_ENC}/versions?limit=50&cursor=abc%3D%3D"),
            Body::None,
        ),
        &[("roomId", ROOM_ENC)],
    );
    assert_eq!(page.data.len(), 1);
    let version = &page.data[0];
    assert_eq!(version.id, "vh_abc123");
    assert_eq!(version.created_at.to_string(), "2024-10-15T10:30:00Z");
    let authors: Vec<_> = version
        .authors
        .iter()
        .map(|a| a.id.as_deref().unwrap())
        .collect();
    assert_eq!(authors, ["user-123", "user-456"]);
    assert_eq!(
        page.next_cursor.unwrap().as_str(),
        "eyJjcmVhdGVkQXQiOiIyMDI0LTEwLTE1VDEwOjMwOjAwLjAwMFoifQ=="
    );

    // No parameters: no query string.
    check_op_with(
        Reply::json(200, r#"{"data":[],"nextCursor":null}"#),
        |c| c.get_version_history(ROOM).send(),
        GetVersionHistory::new(ROOM),
        &expect(
            Method::GET,
            &format!("/rooms/{ROOM_ENC}/versions"),
            Body::None,
        ),
        &[("roomId", ROOM_ENC)],
    );
}

#[test]
fn limit_is_checked() {
    let mock = Mock::new(Reply::json(200, HISTORY_BODY));
    for bad in [0, 101] {
        assert_invalid(
            mock.client.get_version_history(ROOM).limit(bad).send(),
            "limit",
        );
    }
    assert_eq!(mock.calls(), 0);
}

#[test]
fn authors_without_id_decode() {
    let page = GetVersionHistory::new(ROOM)
        .response(response(
            200,
            r#"{"data":[{"id":"v","createdAt":"2024-10-15T10:30:00Z","authors":[{}]}],"nextCursor":null}"#,
        ))
        .unwrap();
    assert_eq!(page.data[0].authors[0].id, None);
    assert!(page.next_cursor.is_none());
}

#[test]
fn version_history_paginates_with_cursor() {
    let transport =
        |request: http::Request<Bytes>| -> Result<http::Response<Bytes>, TransportError> {
            let version = |id: &str| {
                format!(r#"{{"id":"{id}","createdAt":"2024-10-15T10:30:00Z","authors":[]}}"#)
            };
            let body = match request.uri().query() {
                Some("limit=1") => format!(r#"{{"data":[{}],"nextCursor":"c1"}}"#, version("v2")),
                Some("limit=1&cursor=c1") => {
                    format!(r#"{{"data":[{}],"nextCursor":null}}"#, version("v1"))
                }
                other => panic!("unexpected query {other:?}"),
            };
            Ok(http::Response::new(Bytes::from(body)))
        };
    let client = Client::with_transport(Config::new(SECRET).unwrap(), transport);
    let ids: Vec<String> = client
        .get_version_history(ROOM)
        .limit(1)
        .into_items()
        .map(|v| v.map(|v| v.id))
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(ids, ["v2", "v1"]);
}

#[test]
fn create_version_history_snapshot() {
    let snapshot = check_op_with(
        Reply::json(200, r#"{"data":{"id":"vh_abc123"}}"#),
        |c| c.create_version_history_snapshot(ROOM).send(),
        CreateVersionHistorySnapshot::new(ROOM),
        &expect(
            Method::POST,
            &format!("/rooms/{ROOM_ENC}/versions"),
            Body::None,
        ),
        &[("roomId", ROOM_ENC)],
    );
    assert_eq!(snapshot.id(), "vh_abc123");
    assert_eq!(snapshot.data.id, "vh_abc123");
}

#[test]
fn get_yjs_version_returns_the_raw_bytes() {
    let bytes = check_op_with(
        Reply::binary(200, YJS_UPDATE),
        |c| c.get_yjs_version(ROOM, VERSION).send(),
        GetYjsVersion::new(ROOM, VERSION),
        &expect(
            Method::GET,
            &format!("/rooms/{ROOM_ENC}/versions/{VERSION_ENC}/yjs"),
            Body::None,
        ),
        &[("roomId", ROOM_ENC), ("versionId", VERSION_ENC)],
    );
    assert_eq!(bytes.as_ref(), YJS_UPDATE);
}

#[test]
fn delete_version() {
    for reply in [Reply::empty(204), Reply::empty(200)] {
        check_op_with(
            reply,
            |c| c.delete_version(ROOM, VERSION).send(),
            DeleteVersion::new(ROOM, VERSION),
            &expect(
                Method::DELETE,
                &format!("/rooms/{ROOM_ENC}/versions/{VERSION_ENC}"),
                Body::None,
            ),
            &[("roomId", ROOM_ENC), ("versionId", VERSION_ENC)],
        );
    }
}

#[test]
fn errors() {
    // What the dev server answers for every version history route.
    let mock = Mock::new(Reply::json(501, r#"{"error":"Not implemented"}"#));
    let err = mock
        .client
        .get_yjs_version(ROOM, VERSION)
        .send()
        .unwrap_err();
    assert_eq!(api_error(&err).status, 501);
    let mock = Mock::new(Reply::json(
        404,
        r#"{"error":"ROOM_NOT_FOUND","message":"Room not found"}"#,
    ));
    let err = mock
        .client
        .delete_version(ROOM, VERSION)
        .send()
        .unwrap_err();
    assert!(err.is_not_found());
    assert_eq!(err.code(), Some("ROOM_NOT_FOUND"));
    let mock = Mock::new(Reply::json(200, "{}"));
    assert_invalid(mock.client.delete_version(ROOM, "").send(), "versionId");
    let err = CreateVersionHistorySnapshot::new(ROOM)
        .response(response(200, r#"{"data":{}}"#))
        .unwrap_err();
    assert_eq!(decode_error(&err).path, "data");
}
