//! Auth sessions (`liveblocks_core::session`) against the real local dev server, through both
//! adapters: the answers a web framework would return (status and body), the tokens' claims,
//! the server's 4xx passed through, and a network failure turned into the Node SDK's 503.
//!
//! ```sh
//! npx liveblocks dev --random-port --no-check --cmd "cargo test -p liveblocks-tests --test devserver_sessions"
//! ```

use liveblocks_core::models::rooms::UserInfo;
use liveblocks_core::session::{Identity, Session, FULL_ACCESS, READ_ACCESS};
use liveblocks_core::Config;
use liveblocks_tests::{decode_jwt, devserver_config, unique_room_id};
use serde_json::{json, Value};

fn payload(body: &str) -> Value {
    let body: Value = serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"));
    let token = body["token"]
        .as_str()
        .unwrap_or_else(|| panic!("no token in {body}"));
    let jwt = decode_jwt(token).expect("a JWT");
    serde_json::from_slice(&jwt.payload).unwrap()
}

fn session(room: &str) -> Session {
    Session::new("alice")
        .user_info(UserInfo::new().name("Alice").color("#f00"))
        .allow(room, FULL_ACCESS)
        .allow(format!("{room}-team-*"), READ_ACCESS)
        .allow(
            room,
            [liveblocks_core::models::rooms::RoomPermission::CommentsWrite],
        )
}

fn check_access_answer(answer: liveblocks_core::session::AuthResponse, room: &str) {
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert!(answer.error.is_none());
    let claims = payload(&answer.body);
    assert_eq!(claims["k"], "acc", "{claims}");
    assert_eq!(claims["uid"], "alice");
    assert_eq!(
        claims["perms"],
        json!({room: ["*:write", "comments:write"], format!("{room}-team-*"): ["*:read"]})
    );
    assert_eq!(claims["ui"], json!({"name": "Alice", "color": "#f00"}));
    let response = answer.into_response();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/json");
}

#[tokio::test]
async fn hyper_session_answer_carries_the_token() {
    let client = liveblocks_hyper::Client::from_config(devserver_config()).unwrap();
    let room = unique_room_id("session-hyper");
    let answer = client.authorize_session(&session(&room)).await.unwrap();
    check_access_answer(answer, &room);
}

#[test]
fn ureq_session_answer_carries_the_token() {
    let client = liveblocks_ureq::Client::from_config(devserver_config()).unwrap();
    let room = unique_room_id("session-ureq");
    let answer = client.authorize_session(&session(&room)).send().unwrap();
    check_access_answer(answer, &room);
}

#[tokio::test]
async fn identity_answer_carries_an_id_token() {
    let client = liveblocks_hyper::Client::from_config(devserver_config()).unwrap();
    let identity = Identity::new("bob")
        .group_ids(["engineering", "design"])
        .user_info(UserInfo::new().name("Bob"));
    let answer = client.identify(&identity).await.unwrap();
    assert_eq!(answer.status, 200, "{}", answer.body);
    let claims = payload(&answer.body);
    assert_eq!(claims["k"], "id", "{claims}");
    assert_eq!(claims["uid"], "bob");
    assert_eq!(claims["gids"], json!(["engineering", "design"]), "{claims}");
}

#[test]
fn server_rejection_is_passed_through() {
    // A key the dev server doesn't know: its 4xx goes back to the browser as is.
    let config = devserver_config();
    let wrong = Config::new("sk_localdev_not_the_key")
        .unwrap()
        .with_base_url(config.base_url())
        .unwrap();
    let client = liveblocks_ureq::Client::from_config(wrong).unwrap();
    let answer = client
        .authorize_session(&Session::new("alice").allow("*", READ_ACCESS))
        .send()
        .unwrap();
    assert!(
        answer.status.is_client_error(),
        "{} {}",
        answer.status,
        answer.body
    );
    assert!(!answer.body.is_empty());
    assert!(answer.error.is_none());
}

#[test]
fn network_failure_is_the_node_sdk_503() {
    // Nothing listens on port 9 (discard) of localhost.
    let config = Config::new("sk_test")
        .unwrap()
        .with_base_url("http://localhost:9")
        .unwrap();
    let client = liveblocks_ureq::Client::from_config(config).unwrap();
    let answer = client
        .authorize_session(&Session::new("alice").allow("*", READ_ACCESS))
        .send()
        .unwrap();
    assert_eq!(answer.status, 503);
    assert_eq!(
        answer.body,
        "Could not connect to your Liveblocks dev server. Is it running?"
    );
    assert!(answer.error.is_some());
    // The dev server is still there: the base URL it set is the one the other tests used.
    assert!(!devserver_config().base_url().is_empty());
}

#[test]
fn invalid_sessions_never_reach_the_server() {
    let client = liveblocks_ureq::Client::from_config(devserver_config()).unwrap();
    let err = client
        .authorize_session(&Session::new("alice"))
        .send()
        .unwrap_err();
    assert!(err.is_invalid_input(), "{err}");
    let err = client
        .authorize_session(&Session::new("alice").allow("a*b", FULL_ACCESS))
        .send()
        .unwrap_err();
    assert!(err.is_invalid_input(), "{err}");
}
