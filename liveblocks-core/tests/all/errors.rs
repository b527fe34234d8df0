//! Failures: every error-body shape the API, the dev server and proxies send becomes
//! `Error::Api` for every operation; a 2xx body that doesn't fit becomes `Error::Decode`
//! with the JSON path; a transport failure becomes `Error::Transport`.

use crate::common::*;
use liveblocks_core::models::rooms::{RoomPermission, RoomUpdate};
use liveblocks_core::models::storage::{JsonPatchOp, StorageFormat, StorageRoot};
use liveblocks_core::{Client, Error, TransportError, TransportErrorKind};
use serde_json::json;

type Op = fn(&MockClient) -> Result<(), Error>;

/// All 19 operations, each with valid input, output dropped.
const OPERATIONS: [(&str, Op); 19] = [
    ("get_rooms", |c| c.get_rooms().send().map(drop)),
    ("create_room", |c| {
        c.create_room(ROOM, [RoomPermission::RoomWrite])
            .send()
            .map(drop)
    }),
    ("get_room", |c| c.get_room(ROOM).send().map(drop)),
    ("update_room", |c| {
        c.update_room(ROOM).metadata("k", "v").send().map(drop)
    }),
    ("delete_room", |c| c.delete_room(ROOM).send()),
    ("prewarm_room", |c| c.prewarm_room(ROOM).send()),
    ("upsert_room", |c| {
        c.upsert_room(ROOM, RoomUpdate::new()).send().map(drop)
    }),
    ("update_room_id", |c| {
        c.update_room_id(ROOM, "renamed").send().map(drop)
    }),
    ("update_room_organization_id", |c| {
        c.update_room_organization_id(ROOM, "org_a", "org_b")
            .send()
            .map(drop)
    }),
    ("get_active_users", |c| {
        c.get_active_users(ROOM).send().map(drop)
    }),
    ("set_presence", |c| {
        c.set_presence(ROOM, "alice", json!({"x": 1})).send()
    }),
    ("broadcast_event", |c| {
        c.broadcast_event(ROOM, json!({"type": "ping"})).send()
    }),
    ("get_storage_document", |c| {
        c.get_storage_document(ROOM).send().map(drop)
    }),
    ("initialize_storage_document", |c| {
        c.initialize_storage_document(ROOM, StorageRoot::default())
            .send()
            .map(drop)
    }),
    ("delete_storage_document", |c| {
        c.delete_storage_document(ROOM).send()
    }),
    ("patch_storage_document", |c| {
        c.patch_storage_document(ROOM, [JsonPatchOp::remove("/a")])
            .send()
    }),
    ("get_yjs_document", |c| {
        c.get_yjs_document(ROOM).send().map(drop)
    }),
    ("send_yjs_binary_update", |c| {
        c.send_yjs_binary_update(ROOM, vec![0, 0]).send()
    }),
    ("get_yjs_document_as_binary_update", |c| {
        c.get_yjs_document_as_binary_update(ROOM).send().map(drop)
    }),
];

/// One non-2xx answer and what `Error::Api` must say about it.
struct Case {
    name: &'static str,
    reply: Reply,
    code: Option<&'static str>,
    message: &'static str,
    suggestion: Option<&'static str>,
    docs: Option<&'static str>,
    header: Option<(&'static str, &'static str)>,
    not_found: bool,
    conflict: bool,
    unauthorized: bool,
    retryable: bool,
}

/// A case with no suggestion, docs or header, and every helper false.
fn case(
    name: &'static str,
    reply: Reply,
    code: Option<&'static str>,
    message: &'static str,
) -> Case {
    Case {
        name,
        reply,
        code,
        message,
        suggestion: None,
        docs: None,
        header: None,
        not_found: false,
        conflict: false,
        unauthorized: false,
        retryable: false,
    }
}

const STUB_MESSAGE: &str = "This endpoint isn't implemented in the Liveblocks dev server.";

fn cases() -> Vec<Case> {
    vec![
        // Liveblocks style, every field set.
        Case {
            suggestion: Some("Please check the room ID."),
            docs: Some("https://liveblocks.io/docs/api-reference/rest-api-endpoints"),
            not_found: true,
            ..case(
                "liveblocks-style 404",
                Reply::value(404, json!({
                    "error": "ROOM_NOT_FOUND",
                    "message": "Room with id \"liveblocks:engineering/α #1?x\" not found.",
                    "suggestion": "Please check the room ID.",
                    "docs": "https://liveblocks.io/docs/api-reference/rest-api-endpoints"
                })),
                Some("ROOM_NOT_FOUND"),
                "Room with id \"liveblocks:engineering/α #1?x\" not found.",
            )
        },
        // The spec's 409: `docs` is an empty string, which counts as absent.
        Case {
            suggestion: Some("Create another room or clear this room storage first."),
            conflict: true,
            ..case(
                "spec 409 with empty docs",
                Reply::with_type(409, "application/json", json!({
                    "error": "CANNOT_UPDATE_EXISTING_STORAGE",
                    "message": "The room already has storage data. It's only possible to initialize the storage for an empty room.",
                    "suggestion": "Create another room or clear this room storage first.",
                    "docs": ""
                }).to_string().as_bytes()),
                Some("CANNOT_UPDATE_EXISTING_STORAGE"),
                "The room already has storage data. It's only possible to initialize the storage for an empty room.",
            )
        },
        Case {
            conflict: true,
            ..case(
                "dev-server 409",
                Reply::json(409, r#"{"error":"ROOM_ALREADY_EXISTS","message":"Room with id \"r\" already exists."}"#),
                Some("ROOM_ALREADY_EXISTS"),
                "Room with id \"r\" already exists.",
            )
        },
        Case {
            suggestion: Some("Please use a secret key, the secret key is available in the dashboard: https://liveblocks.io/dashboard/apikeys"),
            unauthorized: true,
            ..case(
                "spec 401",
                Reply::value(401, json!({
                    "error": "MISSING_SECRET_KEY",
                    "message": "Missing secret key in authentication header",
                    "suggestion": "Please use a secret key, the secret key is available in the dashboard: https://liveblocks.io/dashboard/apikeys",
                    "docs": ""
                })),
                Some("MISSING_SECRET_KEY"),
                "Missing secret key in authentication header",
            )
        },
        // Dev-server auth errors: `error` is a plain word.
        Case {
            unauthorized: true,
            ..case(
                "dev-server 401",
                Reply::json(401, r#"{"error":"Unauthorized","message":"Missing secret key"}"#),
                Some("Unauthorized"),
                "Missing secret key",
            )
        },
        Case {
            unauthorized: true,
            header: Some(("x-lb-warn", "You can only use 'sk_localdev' as the secret key")),
            ..case(
                "dev-server 403",
                Reply::json(
                    403,
                    r#"{"error":"Forbidden","message":"Invalid secret key. You can only use 'sk_localdev' as a secret key"}"#,
                )
                .header("x-lb-warn", "You can only use 'sk_localdev' as the secret key"),
                Some("Forbidden"),
                "Invalid secret key. You can only use 'sk_localdev' as a secret key",
            )
        },
        Case {
            unauthorized: true,
            ..case(
                "403 without message",
                Reply::json(403, r#"{"error":"Forbidden"}"#),
                Some("Forbidden"),
                "Forbidden",
            )
        },
        // Router errors: no message, the reason phrase is the code.
        Case {
            not_found: true,
            ..case(
                "router 404",
                Reply::json(404, r#"{"error":"Not Found"}"#),
                Some("Not Found"),
                "Not Found",
            )
        },
        Case {
            header: Some(("allow", "GET, POST, OPTIONS")),
            ..case(
                "router 405",
                Reply::json(405, r#"{"error":"Method Not Allowed"}"#)
                    .header("allow", "GET, POST, OPTIONS"),
                Some("Method Not Allowed"),
                "Method Not Allowed",
            )
        },
        // Validation: `reason` instead of `message`.
        case(
            "validation 422",
            Reply::json(422, r#"{"error":"Unprocessable Entity","reason":"Missing key: 'id'"}"#),
            Some("Unprocessable Entity"),
            "Missing key: 'id'",
        ),
        case(
            "query syntax 422",
            Reply::json(
                422,
                r#"{"error":"INVALID_QUERY","message":"Expected a string but \"\\\"\" found (at 1:8)"}"#,
            ),
            Some("INVALID_QUERY"),
            r#"Expected a string but "\"" found (at 1:8)"#,
        ),
        case(
            "400 content type",
            Reply::with_type(
                400,
                "application/json",
                br#"{"error":"BAD_REQUEST","message":"Expected \"Content-Type\" header to be \"application/octet-stream\""}"#,
            ),
            Some("BAD_REQUEST"),
            r#"Expected "Content-Type" header to be "application/octet-stream""#,
        ),
        // The dev server's stub: a 5xx that is not worth retrying.
        Case {
            header: Some(("x-lb-warn", STUB_MESSAGE)),
            ..case(
                "501 stub",
                Reply::value(501, json!({"error": "Not implemented", "message": STUB_MESSAGE}))
                    .header("x-lb-warn", STUB_MESSAGE),
                Some("Not implemented"),
                STUB_MESSAGE,
            )
        },
        Case {
            retryable: true,
            ..case(
                "uncaught 500",
                Reply::json(500, r#"{"error":"Internal Server Error"}"#),
                Some("Internal Server Error"),
                "Internal Server Error",
            )
        },
        Case {
            retryable: true,
            header: Some(("retry-after", "10")),
            ..case(
                "rate limited 429",
                Reply::json(429, r#"{"error":"TOO_MANY_REQUESTS","message":"Rate limit exceeded"}"#)
                    .header("retry-after", "10"),
                Some("TOO_MANY_REQUESTS"),
                "Rate limit exceeded",
            )
        },
        // Non-JSON bodies from proxies and load balancers.
        Case {
            retryable: true,
            ..case("empty 502", Reply::empty(502), None, "Bad Gateway")
        },
        Case {
            retryable: true,
            ..case(
                "HTML 503",
                Reply::with_type(
                    503,
                    "text/html; charset=utf-8",
                    b"<!DOCTYPE html>\n<html><head><title>503</title></head><body><h1>Service Unavailable</h1></body></html>\n",
                ),
                None,
                "Service Unavailable",
            )
        },
        Case {
            retryable: true,
            ..case(
                "plain-text 500",
                Reply::with_type(
                    500,
                    "text/plain",
                    b"  upstream connect error or disconnect/reset before headers\n",
                ),
                None,
                "upstream connect error or disconnect/reset before headers",
            )
        },
        Case {
            not_found: true,
            ..case(
                "plain-text 404",
                Reply::with_type(404, "text/plain; charset=utf-8", b"404 page not found"),
                None,
                "404 page not found",
            )
        },
    ]
}

#[test]
fn every_error_shape_becomes_an_api_error_for_every_operation() {
    for case in cases() {
        for (op, call) in OPERATIONS {
            let what = format!("{op} / {}", case.name);
            let mock = Mock::new(case.reply.clone());
            let err = call(&mock.client).expect_err(&what);
            assert_eq!(mock.calls(), 1, "{what}");

            let api = api_error(&err);
            assert_eq!(api.status.as_u16(), case.reply.status, "{what}");
            assert_eq!(api.code.as_deref(), case.code, "{what}");
            assert_eq!(api.message, case.message, "{what}");
            assert_eq!(api.suggestion.as_deref(), case.suggestion, "{what}");
            assert_eq!(api.docs.as_deref(), case.docs, "{what}");
            assert_eq!(api.raw_body, case.reply.body, "{what}");
            assert_eq!(api.body_text(), String::from_utf8_lossy(&case.reply.body));
            if let Some((name, value)) = case.header {
                assert_eq!(api.headers[name], value, "{what}");
            }

            assert_eq!(err.status(), Some(api.status), "{what}");
            assert_eq!(err.code(), case.code, "{what}");
            assert_eq!(err.raw_body(), Some(&case.reply.body), "{what}");
            assert!(err.as_api().is_some(), "{what}");
            assert_eq!(err.is_not_found(), case.not_found, "{what}");
            assert_eq!(err.is_conflict(), case.conflict, "{what}");
            assert_eq!(err.is_unauthorized(), case.unauthorized, "{what}");
            assert_eq!(err.is_retryable(), case.retryable, "{what}");
            assert!(!err.is_invalid_input(), "{what}");

            let shown = err.to_string();
            assert!(
                shown.contains(&case.reply.status.to_string()),
                "{what}: {shown}"
            );
            assert!(shown.contains(case.message), "{what}: {shown}");
        }
    }
}

#[test]
fn display_names_the_code_suggestion_and_docs() {
    let mock = Mock::new(Reply::value(
        404,
        json!({
            "error": "ROOM_NOT_FOUND",
            "message": "Room not found.",
            "suggestion": "Check the ID.",
            "docs": "https://liveblocks.io/docs"
        }),
    ));
    let err = mock.client.get_room(ROOM).send().unwrap_err();
    assert_eq!(
        err.to_string(),
        "Liveblocks API error 404 ROOM_NOT_FOUND: Room not found. \
         (suggestion: Check the ID.) (see https://liveblocks.io/docs)"
    );
}

/// One 2xx body that does not fit the operation's output type.
struct BadBody {
    op: &'static str,
    call: Op,
    body: String,
    path: &'static str,
}

fn bad_room(from: &str, to: &str) -> String {
    assert!(ROOM_BODY.contains(from), "{from}");
    ROOM_BODY.replace(from, to)
}

fn bad_bodies() -> Vec<BadBody> {
    let by_name = |name: &str| -> Op {
        OPERATIONS
            .iter()
            .find(|(op, _)| *op == name)
            .map(|(_, call)| *call)
            .unwrap()
    };
    let bad = |op: &'static str, body: String, path: &'static str| BadBody {
        op,
        call: by_name(op),
        body,
        path,
    };
    vec![
        bad(
            "get_rooms",
            format!(
                r#"{{"nextCursor": null, "data": [{}]}}"#,
                bad_room("2022-07-13T14:32:50.697Z", "yesterday")
            ),
            "data[0].createdAt",
        ),
        bad(
            "create_room",
            bad_room(r#""defaultAccesses": ["*:write"]"#, r#""defaultAccesses": "*:write""#),
            "defaultAccesses",
        ),
        bad(
            "get_room",
            bad_room(r#""color": "blue""#, r#""color": 3"#),
            "metadata.color",
        ),
        bad(
            "update_room",
            bad_room(r#""alice": ["*:write"]"#, r#""alice": "*:write""#),
            "usersAccesses.alice",
        ),
        bad(
            "upsert_room",
            bad_room(r#""createdAt": "2022-07-13T14:32:50.697Z""#, r#""createdAt": null"#),
            "createdAt",
        ),
        bad(
            "update_room_id",
            bad_room("2022-08-04T21:07:09.380Z", "last tuesday"),
            "lastConnectionAt",
        ),
        bad(
            "update_room_organization_id",
            bad_room(r#""org_123456789""#, "42"),
            "organizationId",
        ),
        bad(
            "get_active_users",
            r#"{"data": [{"type": "user", "connectionId": 0}, {"type": "user", "connectionId": "one"}]}"#.to_owned(),
            "data[1].connectionId",
        ),
        bad(
            "get_storage_document",
            r#"{"liveblocksType": "LiveObject", "data": [1, 2]}"#.to_owned(),
            "data",
        ),
        bad(
            "initialize_storage_document",
            r#"{"liveblocksType": "LiveObject", "data": {"a": 1}, "extra": }"#.to_owned(),
            "extra",
        ),
        bad(
            "get_yjs_document",
            r#"{"mymap": {"greeting": tru}}"#.to_owned(),
            "mymap.greeting",
        ),
        // Not JSON at all, at the root.
        bad(
            "get_room",
            "<html><body>Welcome to nginx!</body></html>".to_owned(),
            ".",
        ),
        bad("get_rooms", String::new(), "."),
        bad(
            "get_active_users",
            r#"{"data": []} trailing"#.to_owned(),
            ".",
        ),
    ]
}

#[test]
fn a_2xx_body_that_does_not_fit_is_a_decode_error_with_its_path() {
    for BadBody {
        op,
        call,
        body,
        path,
    } in bad_bodies()
    {
        let mock = Mock::new(Reply::json(200, &body));
        let err = call(&mock.client).expect_err(op);
        let decode = decode_error(&err);
        assert_eq!(decode.path, path, "{op}: {err}");
        assert_eq!(decode.status, 200, "{op}");
        assert_eq!(decode.raw_body, body.as_bytes(), "{op}");
        assert!(!decode.message.is_empty(), "{op}");
        assert_eq!(decode.body_text(), body, "{op}");

        assert_eq!(err.status(), Some(http::StatusCode::OK), "{op}");
        assert_eq!(err.raw_body().map(|b| b.as_ref()), Some(body.as_bytes()));
        assert_eq!(err.code(), None, "{op}");
        assert!(err.as_api().is_none(), "{op}");
        assert!(!err.is_retryable(), "{op}");
        assert!(!err.is_not_found(), "{op}");
        let shown = err.to_string();
        assert!(shown.contains(&format!("`{path}`")), "{op}: {shown}");
        assert!(shown.contains("200"), "{op}: {shown}");
    }
}

#[test]
fn storage_root_and_format_mismatches_are_decode_errors() {
    // A root that is not a LiveObject.
    let mock = Mock::new(Reply::json(
        200,
        r#"{"liveblocksType": "LiveList", "data": {}}"#,
    ));
    let err = mock.client.get_storage_document(ROOM).send().unwrap_err();
    let decode = decode_error(&err);
    assert!(decode.message.contains("LiveObject"), "{decode:?}");

    // Asking for JSON and getting something else than an object.
    let mock = Mock::new(Reply::json(200, r#"["not", "an", "object"]"#));
    let err = mock
        .client
        .get_storage_document(ROOM)
        .format(StorageFormat::Json)
        .send()
        .unwrap_err();
    assert_eq!(decode_error(&err).path, ".");
}

#[test]
fn a_204_where_json_is_expected_is_a_decode_error() {
    let mock = Mock::new(Reply::empty(204));
    let err = mock.client.get_room(ROOM).send().unwrap_err();
    let decode = decode_error(&err);
    assert_eq!(decode.status, 204);
    assert!(decode.raw_body.is_empty());
}

#[test]
fn operations_without_output_ignore_any_2xx_body() {
    let ignored = [
        "delete_room",
        "prewarm_room",
        "set_presence",
        "broadcast_event",
        "delete_storage_document",
        "patch_storage_document",
        "send_yjs_binary_update",
    ];
    for (op, call) in OPERATIONS.iter().filter(|(op, _)| ignored.contains(op)) {
        for reply in [
            Reply::with_type(200, "text/html", b"<html>ok</html>"),
            Reply::json(200, "{not json"),
            Reply::binary(200, &[0xff, 0x00]),
        ] {
            let mock = Mock::new(reply.clone());
            call(&mock.client).unwrap_or_else(|e| panic!("{op} with {reply:?}: {e:?}"));
        }
    }
}

#[test]
fn transport_failures_surface_as_transport_errors() {
    let kinds = [
        (TransportErrorKind::Connect, true),
        (TransportErrorKind::Timeout, true),
        (TransportErrorKind::Aborted, false),
        (TransportErrorKind::Other, false),
    ];
    for (kind, retryable) in kinds {
        let transport: Transport = Box::new(move |_| {
            Err(TransportError::with_source(
                kind,
                std::io::Error::new(std::io::ErrorKind::ConnectionRefused, "refused"),
            ))
        });
        let client = Client::with_transport(config(), transport);
        for (op, call) in OPERATIONS {
            let err = call(&client).expect_err(op);
            let Error::Transport(transport_error) = &err else {
                panic!("{op}: expected a transport error, got {err:?}");
            };
            assert_eq!(transport_error.kind(), kind, "{op}");
            assert_eq!(transport_error.message(), "refused", "{op}");
            assert!(
                std::error::Error::source(transport_error).is_some(),
                "{op}: the cause is kept"
            );
            assert_eq!(err.is_retryable(), retryable, "{op} {kind:?}");
            assert_eq!(err.status(), None, "{op}");
            assert_eq!(err.raw_body(), None, "{op}");
            assert!(err.as_api().is_none(), "{op}");
        }
    }
}
