//! Auth, no network: the exact request of `authorize_user` and `identify_user`, their
//! responses, and the permission checks made before any request.

use crate::common::*;
use http::Method;
use liveblocks_core::auth::*;
use liveblocks_core::models::auth::*;
use liveblocks_core::models::rooms::{RoomPermission as P, UserInfo};
use liveblocks_core::{Endpoint, Error};
use serde_json::json;

/// The spec's token example.
const TOKEN_BODY: &str = r#"{"token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIi..."}"#;
const TOKEN: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIi...";

/// What the dev server returns: an unsigned JWT (`alg: none`, empty signature).
const DEV_TOKEN: &str = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJrIjoiYWNjIiwidWlkIjoiYWxpY2UifQ.";

#[test]
fn authorize_user() {
    // The spec's example body.
    let expected = expect(
        Method::POST,
        "/authorize-user",
        Body::Json(json!({
            "userId": "user-123",
            "userInfo": {"name": "bob", "avatar": "https://example.org/images/user123.jpg"},
            "organizationId": "acme-corp",
            "permissions": {
                "my-room-1": ["*:write"],
                "my-room-2": ["*:write"],
                "my-room-*": ["*:read"]
            }
        })),
    );
    let info = || {
        UserInfo::new()
            .name("bob")
            .avatar("https://example.org/images/user123.jpg")
    };
    let out = check_op(
        Reply::json(200, TOKEN_BODY),
        |c| {
            c.authorize_user("user-123")
                .user_info(info())
                .organization_id("acme-corp")
                .allow("my-room-1", [P::AllWrite])
                .allow("my-room-2", [P::AllWrite])
                .allow("my-room-*", [P::AllRead])
                .send()
        },
        AuthorizeUser::new("user-123")
            .user_info(info())
            .organization_id("acme-corp")
            .allow("my-room-1", [P::AllWrite])
            .allow("my-room-2", [P::AllWrite])
            .allow("my-room-*", [P::AllRead]),
        &expected,
    );
    assert_eq!(out.token, TOKEN);

    // The ready-made access levels; `allow` twice on one key adds without duplicates; a
    // room ID is sent as is in the body.
    let expected = expect(
        Method::POST,
        "/authorize-user",
        Body::Json(json!({
            "userId": "alice",
            "permissions": {
                ROOM: ["room:write", "comments:write", "room:read"],
                "*": ["room:read", "room:presence:write", "comments:read"]
            }
        })),
    );
    let out = check_op(
        Reply::json(200, &format!(r#"{{"token":"{DEV_TOKEN}"}}"#)),
        |c| {
            c.authorize_user("alice")
                .allow(ROOM, FULL_ACCESS.iter().cloned())
                .allow(ROOM, [P::RoomRead, P::RoomWrite])
                .allow("*", READ_ACCESS.iter().cloned())
                .send()
        },
        AuthorizeUser::new("alice")
            .allow(ROOM, FULL_ACCESS.iter().cloned())
            .allow(ROOM, [P::RoomRead, P::RoomWrite])
            .allow("*", READ_ACCESS.iter().cloned()),
        &expected,
    );
    assert_eq!(out.token.split('.').count(), 3);
    assert!(out.token.ends_with('.'), "the dev server does not sign");

    // `permissions` replaces the map; no permission at all is allowed (an empty object).
    let mut map = TokenPermissions::new();
    map.insert("r".into(), vec![P::Other("feeds:custom".into())]);
    let expected = expect(
        Method::POST,
        "/authorize-user",
        Body::Json(json!({"userId": "alice", "permissions": {"r": ["feeds:custom"]}})),
    );
    check_op(
        Reply::json(200, TOKEN_BODY),
        |c| {
            c.authorize_user("alice")
                .allow("old", [P::RoomRead])
                .permissions(map.clone())
                .send()
        },
        AuthorizeUser::new("alice").permissions(map.clone()),
        &expected,
    );
    let expected = expect(
        Method::POST,
        "/authorize-user",
        Body::Json(json!({"userId": "alice", "permissions": {}})),
    );
    check_op(
        Reply::json(200, TOKEN_BODY),
        |c| c.authorize_user("alice").send(),
        AuthorizeUser::new("alice").permissions(TokenPermissions::new()),
        &expected,
    );
}

#[test]
fn identify_user() {
    // The spec's example body.
    let expected = expect(
        Method::POST,
        "/identify-user",
        Body::Json(json!({
            "userId": "user-123",
            "organizationId": "acme-corp",
            "groupIds": ["marketing", "engineering"],
            "userInfo": {"name": "bob", "avatar": "https://example.org/images/user123.jpg"}
        })),
    );
    let info = || {
        UserInfo::new()
            .name("bob")
            .avatar("https://example.org/images/user123.jpg")
    };
    let out = check_op(
        Reply::json(200, TOKEN_BODY),
        |c| {
            c.identify_user("user-123")
                .organization_id("acme-corp")
                .group_ids(["marketing", "engineering"])
                .user_info(info())
                .send()
        },
        IdentifyUser::new("user-123")
            .organization_id("acme-corp")
            .group_ids(vec!["marketing".to_owned(), "engineering".to_owned()])
            .user_info(info()),
        &expected,
    );
    assert_eq!(out.token, TOKEN);

    // Minimal, with extra user info fields.
    let expected = expect(
        Method::POST,
        "/identify-user",
        Body::Json(json!({"userId": ROOM, "userInfo": {"color": "#f00", "team": "design"}})),
    );
    check_op(
        Reply::json(200, &format!(r#"{{"token":"{DEV_TOKEN}","extra":1}}"#)),
        |c| {
            c.identify_user(ROOM)
                .user_info(UserInfo::new().color("#f00").extra("team", "design"))
                .send()
        },
        IdentifyUser::new(ROOM).user_info(UserInfo::new().color("#f00").extra("team", "design")),
        &expected,
    );

    // A response without a token is a decode error.
    let err = IdentifyUser::new("a")
        .response(response(200, "{}"))
        .unwrap_err();
    assert!(decode_error(&err).message.contains("token"), "{err}");
}

#[test]
fn room_patterns() {
    let max = "a".repeat(128);
    let max_star = format!("{max}*");
    let max_multibyte = "é".repeat(128);
    for pattern in [
        "*",
        "a",
        "a*",
        "my-room-*",
        ROOM,
        "liveblocks:engineering:*",
        " ",
        max.as_str(),
        max_star.as_str(),
        max_multibyte.as_str(),
    ] {
        assert!(is_valid_room_pattern(pattern), "{pattern:?}");
    }
    let too_long = "a".repeat(129);
    let too_long_star = format!("{too_long}*");
    for pattern in [
        "",
        "**",
        "*a",
        "a*b",
        "a**",
        "*a*",
        too_long.as_str(),
        too_long_star.as_str(),
    ] {
        assert!(!is_valid_room_pattern(pattern), "{pattern:?}");
    }
}

type Op = fn(&MockClient) -> Result<(), Error>;

fn assert_rejected(what: &str, mentions: &str, op: Op) {
    let mock = Mock::new(Reply::json(200, TOKEN_BODY));
    let err = op(&mock.client).expect_err(what);
    assert_eq!(mock.calls(), 0, "{what}: the transport was called");
    assert!(matches!(err, Error::InvalidInput(_)), "{what}: {err:?}");
    assert!(
        err.to_string().contains(mentions),
        "{what}: {err} does not mention {mentions:?}"
    );
}

#[test]
fn invalid_permissions_are_rejected_before_any_request() {
    let cases: [(&str, &str, Op); 8] = [
        ("11 patterns", "at most 10", |c| {
            let mut call = c.authorize_user("alice");
            for i in 0..11 {
                call = call.allow(format!("room-{i}"), [P::RoomRead]);
            }
            call.send().map(drop)
        }),
        ("empty pattern", "pattern", |c| {
            c.authorize_user("alice")
                .allow("", [P::RoomRead])
                .send()
                .map(drop)
        }),
        ("star inside", "\"a*b\"", |c| {
            c.authorize_user("alice")
                .allow("a*b", [P::RoomRead])
                .send()
                .map(drop)
        }),
        ("double star", "\"**\"", |c| {
            c.authorize_user("alice")
                .allow("**", [P::RoomRead])
                .send()
                .map(drop)
        }),
        ("129 characters", "pattern", |c| {
            c.authorize_user("alice")
                .allow("r".repeat(129), [P::RoomRead])
                .send()
                .map(drop)
        }),
        ("no permission", "empty", |c| {
            c.authorize_user("alice")
                .allow("my-room", [])
                .send()
                .map(drop)
        }),
        ("empty user", "userId", |c| {
            c.authorize_user("")
                .allow("my-room", [P::RoomRead])
                .send()
                .map(drop)
        }),
        ("identify empty user", "userId", |c| {
            c.identify_user("").send().map(drop)
        }),
    ];
    for (what, mentions, op) in cases {
        assert_rejected(what, mentions, op);
    }

    // Exactly 10 patterns is fine.
    let mock = Mock::new(Reply::json(200, TOKEN_BODY));
    let mut call = mock.client.authorize_user("alice");
    for i in 0..10 {
        call = call.allow(format!("room-{i}*"), [P::RoomRead]);
    }
    call.send().unwrap();
    assert_eq!(mock.calls(), 1);

    // The same checks through the Endpoint trait and the public validator.
    let built = AuthorizeUser::new("alice")
        .allow("a*b", [P::RoomRead])
        .request(&config());
    assert!(built.is_err_and(|e| e.is_invalid_input()));
    let mut map = TokenPermissions::new();
    map.insert("*".into(), vec![P::RoomRead]);
    assert!(validate_permissions(&map).is_ok());
    map.insert("x".into(), vec![]);
    assert!(validate_permissions(&map).is_err());
}

#[test]
fn api_errors_are_typed() {
    // The dev server's 422 for a permission it does not know: `reason`, not `message`.
    let mock = Mock::new(Reply::json(
        422,
        r#"{"error":"Unprocessable Entity","reason":"Invalid permission: not:real"}"#,
    ));
    let err = mock
        .client
        .authorize_user("alice")
        .allow("r", [P::Other("not:real".into())])
        .send()
        .unwrap_err();
    assert_eq!(err.status(), Some(http::StatusCode::UNPROCESSABLE_ENTITY));
    assert!(api_error(&err).body_text().contains("not:real"), "{err:?}");

    // The spec's 403.
    let mock = Mock::new(Reply::value(
        403,
        json!({"error": "INVALID_SECRET_KEY", "message": "Invalid secret key", "docs": ""}),
    ));
    let err = mock.client.identify_user("alice").send().unwrap_err();
    assert!(err.is_unauthorized(), "{err:?}");
    assert_eq!(err.code(), Some("INVALID_SECRET_KEY"));
}

#[test]
fn operations_are_registered() {
    let domain = liveblocks_core::endpoints::DOMAINS
        .iter()
        .find(|d| d.name == "auth")
        .expect("auth is in endpoints::DOMAINS");
    assert_eq!(domain.files, [OPERATIONS], "the auth entry of DOMAINS");
    for op in OPERATIONS {
        let registered = liveblocks_core::endpoints::all_operations().filter(|o| *o == op);
        assert_eq!(registered.count(), 1, "{} in all_operations()", op.id);
    }
}
