//! Unit tests of sessions, identities and answers.

use super::response::is_local_dev;
use super::*;
use crate::transport::TransportErrorKind;
use crate::transport::{HttpResponse, TransportError};

fn config(base: &str) -> Config {
    Config::new("sk_test").unwrap().with_base_url(base).unwrap()
}

fn response(status: u16, body: &'static str) -> Result<HttpResponse, TransportError> {
    Ok(http::Response::builder()
        .status(status)
        .body(Bytes::from_static(body.as_bytes()))
        .unwrap())
}

#[test]
fn statuses_are_normalized_like_the_node_sdk() {
    let c = config("https://api.liveblocks.io");
    let cases = [
        (200, 200),
        (201, 200),
        (204, 200),
        (400, 400),
        (403, 403),
        (404, 404),
        (422, 422),
        (429, 429),
        (500, 503),
        (502, 503),
        (503, 503),
        (504, 503),
        (302, 302),
    ];
    for (got, expected) in cases {
        let answer = AuthResponse::authorize(response(got, "{\"error\":\"x\"}"), &c);
        assert_eq!(answer.status.as_u16(), expected, "{got}");
        assert_eq!(answer.body, "{\"error\":\"x\"}");
        assert!(answer.error.is_none());
    }
}

#[test]
fn network_errors_become_503_with_the_node_messages() {
    let failure = || Err(TransportError::new(TransportErrorKind::Connect, "refused"));
    let hosted = config("https://api.liveblocks.io");
    let answer = AuthResponse::authorize(failure(), &hosted);
    assert_eq!(answer.status, 503);
    assert_eq!(
        answer.body,
        "Call to /v2/authorize-user failed. See \"error\" for more information."
    );
    assert_eq!(answer.error.unwrap().kind(), TransportErrorKind::Connect);
    let answer = AuthResponse::identify(failure(), &hosted);
    assert_eq!(
        answer.body,
        "Call to https://api.liveblocks.io/v2/identify-user failed. See \"error\" for more information."
    );
    for local in ["http://localhost:1153", "https://localhost/"] {
        let answer = AuthResponse::identify(failure(), &config(local));
        assert_eq!(
            answer.body,
            "Could not connect to your Liveblocks dev server. Is it running?"
        );
    }
    assert!(!is_local_dev("http://localhost.example.com"));
    assert!(!is_local_dev("http://127.0.0.1:1153"));
}

#[test]
fn into_response_carries_status_body_and_type() {
    let c = config("https://api.liveblocks.io");
    let response = AuthResponse::authorize(response(201, "{\"token\":\"t\"}"), &c).into_response();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(response.body().as_ref(), b"{\"token\":\"t\"}");
    let failure = Err(TransportError::new(TransportErrorKind::Timeout, "slow"));
    let response = AuthResponse::authorize(failure, &c).into_response();
    assert_eq!(response.status(), 503);
    assert_eq!(
        response.headers()["content-type"],
        "text/plain; charset=utf-8"
    );
}

#[test]
fn invalid_sessions_are_typed_errors() {
    let too_many = (0..=MAX_PATTERNS).fold(Session::new("u"), |s, i| {
        s.allow(format!("r{i}"), FULL_ACCESS)
    });
    let cases = [
        (
            Session::new("").allow("r", FULL_ACCESS),
            "non-empty user ID",
        ),
        (Session::new("u"), "allows no room"),
        (
            Session::new("u").allow("a*b", FULL_ACCESS),
            "invalid room ID or pattern",
        ),
        (
            Session::new("u").allow("", FULL_ACCESS),
            "invalid room ID or pattern",
        ),
        (
            Session::new("u").allow("**", FULL_ACCESS),
            "invalid room ID or pattern",
        ),
        (
            Session::new("u").allow("x".repeat(129), FULL_ACCESS),
            "invalid room ID or pattern",
        ),
        (Session::new("u").allow("r", []), "is empty"),
        (
            Session::new("u").allow("r", [RoomPermission::from("room:admin")]),
            "not a valid permission",
        ),
        (too_many, "at most 10"),
    ];
    for (session, message) in cases {
        let err = session.body_json().unwrap_err();
        assert!(
            err.is_invalid_input() && err.to_string().contains(message),
            "{err}"
        );
    }
    // Ten patterns, and more permissions for a known one, are fine.
    let ten = (0..MAX_PATTERNS).fold(Session::new("u"), |s, i| {
        s.allow(format!("r{i}"), READ_ACCESS)
    });
    assert!(ten.allow("r0", FULL_ACCESS).validate().is_ok());
    assert!(Session::new("u")
        .allow("x".repeat(128) + "*", FULL_ACCESS)
        .validate()
        .is_ok());
    assert!(Identity::new("")
        .body_json()
        .unwrap_err()
        .is_invalid_input());
}

#[test]
fn bodies_keep_the_node_order() {
    let session = Session::new("u")
        .organization_id("org")
        .allow("z", READ_ACCESS)
        .allow(
            "a*",
            [RoomPermission::CommentsWrite, RoomPermission::AllRead],
        )
        .allow("z", [RoomPermission::AllWrite, RoomPermission::AllRead]);
    assert_eq!(
        session.body_json().unwrap(),
        r#"{"userId":"u","permissions":{"z":["*:read","*:write"],"a*":["comments:write","*:read"]},"organizationId":"org"}"#
    );
    assert_eq!(session.to_body().unwrap().permissions.len(), 2);
    let identity = Identity::new("u").group_ids(["g"]).organization_id("o");
    assert_eq!(
        identity.body_json().unwrap(),
        r#"{"userId":"u","groupIds":["g"],"organizationId":"o"}"#
    );
}
