//! Unit tests of `error.rs`.
use super::*;

fn api(status: u16, content_type: &str, body: &str) -> ApiError {
    let mut headers = HeaderMap::new();
    if !content_type.is_empty() {
        headers.insert(http::header::CONTENT_TYPE, content_type.parse().unwrap());
    }
    ApiError::from_response(
        StatusCode::from_u16(status).unwrap(),
        headers,
        Bytes::from(body.to_owned()),
    )
}

#[test]
fn liveblocks_shape() {
    let e = api(
        409,
        "application/json",
        r#"{"error":"CANNOT_UPDATE_EXISTING_STORAGE","message":"Storage exists","suggestion":"Delete it first","docs":"https://liveblocks.io/docs"}"#,
    );
    assert_eq!(e.code.as_deref(), Some("CANNOT_UPDATE_EXISTING_STORAGE"));
    assert_eq!(e.message, "Storage exists");
    assert_eq!(e.suggestion.as_deref(), Some("Delete it first"));
    assert_eq!(e.docs.as_deref(), Some("https://liveblocks.io/docs"));
    let shown = e.to_string();
    assert!(
        shown.contains("409") && shown.contains("Delete it first"),
        "{shown}"
    );
}

#[test]
fn auth_shape_and_empty_docs() {
    let e = api(
        403,
        "application/json",
        r#"{"error":"Forbidden","message":"Invalid secret key","docs":""}"#,
    );
    assert_eq!(e.code.as_deref(), Some("Forbidden"));
    assert_eq!(e.message, "Invalid secret key");
    assert_eq!(e.docs, None);
}

#[test]
fn router_shape_without_message() {
    let e = api(404, "application/json", r#"{"error":"Not Found"}"#);
    assert_eq!(e.code.as_deref(), Some("Not Found"));
    assert_eq!(e.message, "Not Found");
}

#[test]
fn validation_shape_with_reason() {
    let e = api(
        422,
        "application/json",
        r#"{"error":"Unprocessable Entity","reason":"Missing key: 'id'"}"#,
    );
    assert_eq!(e.code.as_deref(), Some("Unprocessable Entity"));
    assert_eq!(e.message, "Missing key: 'id'");
}

#[test]
fn stub_shape() {
    let e = api(
        501,
        "application/json",
        r#"{"error":"Not implemented","message":"This endpoint isn't implemented in the Liveblocks dev server."}"#,
    );
    assert_eq!(e.code.as_deref(), Some("Not implemented"));
    assert!(e.message.contains("isn't implemented"));
    assert!(!Error::Api(Box::new(e)).is_retryable());
}

#[test]
fn empty_html_and_text_bodies() {
    let empty = api(502, "", "");
    assert_eq!(empty.code, None);
    assert_eq!(empty.message, "Bad Gateway");
    let html = api(503, "text/html", "<html><body>down</body></html>");
    assert_eq!(html.message, "Service Unavailable");
    assert_eq!(html.body_text(), "<html><body>down</body></html>");
    let text = api(500, "text/plain", "  upstream exploded \n");
    assert_eq!(text.message, "upstream exploded");
    let long = api(500, "text/plain", &"x".repeat(2000));
    assert!(long.message.chars().count() <= 501);
    let bare = api(429, "application/json", r#""slow down""#);
    assert_eq!(bare.message, "slow down");
    let custom = api(599, "", "");
    assert_eq!(custom.message, "the server sent no error message");
}

#[test]
fn huge_bodies_print_bounded() {
    let huge = "x".repeat(50 * 1024 * 1024);
    let body = format!(r#"{{"error":"E","message":"{huge}","suggestion":"{huge}"}}"#);
    let e = api(500, "application/json", &body);
    let error = Error::Api(Box::new(e.clone()));
    for shown in [
        e.to_string(),
        format!("{e:?}"),
        format!("{error:#?}"),
        error.to_string(),
    ] {
        assert!(shown.len() < 8 * 1024, "{} bytes", shown.len());
    }
    assert!(format!("{e:?}").contains(&format!("({} bytes)", body.len())));
    let decode = DecodeError {
        status: StatusCode::OK,
        path: ".".into(),
        message: huge.clone(),
        raw_body: Bytes::from(huge),
        sensitive: false,
    };
    for shown in [
        decode.to_string(),
        format!("{decode:?}"),
        format!("{decode:#?}"),
    ] {
        assert!(shown.len() < 8 * 1024, "{} bytes", shown.len());
    }
    let secret = DecodeError {
        raw_body: Bytes::from_static(br#"{"secretKey":"sk_live_x"}"#),
        sensitive: true,
        ..decode
    };
    let shown = format!("{secret:?} {secret}");
    assert!(
        !shown.contains("sk_live_x") && shown.contains("hidden: 25 bytes"),
        "{shown}"
    );
}

#[test]
fn helpers() {
    let not_found = Error::Api(Box::new(api(
        404,
        "application/json",
        r#"{"error":"ROOM_NOT_FOUND","message":"m"}"#,
    )));
    assert!(not_found.is_not_found());
    assert_eq!(not_found.code(), Some("ROOM_NOT_FOUND"));
    assert_eq!(not_found.status(), Some(StatusCode::NOT_FOUND));
    assert!(!not_found.is_retryable());
    let conflict = Error::Api(Box::new(api(409, "", "")));
    assert!(conflict.is_conflict());
    let unauthorized = Error::Api(Box::new(api(401, "", "")));
    assert!(unauthorized.is_unauthorized());
    let limited = Error::Api(Box::new(api(429, "", "")));
    assert!(limited.is_retryable());
    let timeout = Error::Transport(TransportError::new(
        TransportErrorKind::Timeout,
        "timed out",
    ));
    assert!(timeout.is_retryable());
    assert_eq!(timeout.status(), None);
}
