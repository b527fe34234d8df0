//! Tokens: `authorize_user` (access tokens with permissions) and `identify_user` (ID tokens
//! with groups). The dev server signs nothing: its tokens are JWTs with `alg: none`, so their
//! payload is read here by hand.

use std::collections::BTreeSet;

use liveblocks_core::auth::MAX_PERMISSION_PATTERNS;
use liveblocks_core::models::auth::{TokenPermissions, FULL_ACCESS, READ_ACCESS};
use liveblocks_core::models::rooms::{RoomPermission, UserInfo};
use liveblocks_tests::decode_jwt;
use serde_json::{json, Value};

use crate::{
    expect_api, expect_invalid_input, json_body, room_id, unreachable_driver, Driver, Result,
};

/// The header and payload of an unsigned token, checking it is unsigned.
fn unsigned_jwt(token: &str) -> Value {
    let jwt = decode_jwt(token).unwrap_or_else(|| panic!("not a JWT: {token}"));
    assert_eq!(
        json_body("JWT header", &jwt.header),
        json!({"alg": "none", "typ": "JWT"})
    );
    assert_eq!(jwt.signature, "", "the dev server doesn't sign");
    json_body("JWT payload", &jwt.payload)
}

/// The payload's keys.
fn keys(payload: &Value) -> BTreeSet<&str> {
    payload
        .as_object()
        .expect("a JSON object")
        .keys()
        .map(String::as_str)
        .collect()
}

/// Checks the claims every token carries: project, issue and expiry times, a token ID.
fn check_common_claims(payload: &Value) {
    assert_eq!(payload["pid"], "localdev", "{payload}");
    let iat = payload["iat"].as_u64().expect("`iat` in seconds");
    let exp = payload["exp"].as_u64().expect("`exp` in seconds");
    assert!(exp > iat, "{payload}");
    assert!(
        payload["jti"].as_str().is_some_and(|jti| !jti.is_empty()),
        "{payload}"
    );
}

/// An access token for one room and one prefix pattern (`...-*`): its payload carries the
/// user (`uid`), the permissions exactly as sent (`perms`) and the user info (`ui`). The
/// organization ID is accepted but left out of the token.
pub(crate) fn authorize_user_token<D: Driver>(d: &D) -> Result {
    let user = format!("alice-{}", D::NAME);
    let room = room_id::<D>("token");
    let pattern = format!("{room}-team-*");
    let response = d.run(
        d.client()
            .authorize_user(&user)
            .allow(&room, FULL_ACCESS.iter().cloned())
            .allow(&pattern, READ_ACCESS.iter().cloned())
            .user_info(UserInfo::new().name("Alice").color("#f00"))
            .organization_id("org-tokens"),
    )?;

    let payload = unsigned_jwt(&response.token);
    assert_eq!(payload["k"], "acc", "an access token: {payload}");
    assert_eq!(payload["uid"], user.as_str());
    assert_eq!(
        payload["perms"],
        json!({
            room: ["room:write", "comments:write"],
            pattern: ["room:read", "room:presence:write", "comments:read"],
        })
    );
    assert_eq!(payload["ui"], json!({"name": "Alice", "color": "#f00"}));
    check_common_claims(&payload);
    assert_eq!(
        keys(&payload),
        BTreeSet::from(["k", "pid", "uid", "perms", "ui", "iat", "exp", "jti"]),
        "no organization in the token: {payload}"
    );
    Ok(())
}

/// An ID token: the user (`uid`), their groups (`gids`) and info (`ui`), no permissions.
pub(crate) fn identify_user_token<D: Driver>(d: &D) -> Result {
    let user = format!("bob-{}", D::NAME);
    let response = d.run(
        d.client()
            .identify_user(&user)
            .group_ids(["engineering", "design"])
            .user_info(
                UserInfo::new()
                    .name("Bob")
                    .avatar("https://example.com/bob.png"),
            ),
    )?;

    let payload = unsigned_jwt(&response.token);
    assert_eq!(payload["k"], "id", "an ID token: {payload}");
    assert_eq!(payload["uid"], user.as_str());
    assert_eq!(payload["gids"], json!(["engineering", "design"]));
    assert_eq!(
        payload["ui"],
        json!({"name": "Bob", "avatar": "https://example.com/bob.png"})
    );
    assert!(payload.get("perms").is_none(), "{payload}");
    check_common_claims(&payload);

    // Without groups or info, the token has neither.
    let bare = unsigned_jwt(&d.run(d.client().identify_user(&user))?.token);
    assert_eq!(bare["uid"], user.as_str());
    assert!(bare.get("ui").is_none(), "{bare}");
    assert!(
        bare.get("gids").is_none_or(|gids| gids == &json!([])),
        "{bare}"
    );
    Ok(())
}

/// A permission the server doesn't know is a 422 whose text is in `reason` (no `message`),
/// naming the failing key and the allowed values. The SDK sends unknown permissions as they
/// are (`RoomPermission::Other`), so the server is the one to refuse them.
pub(crate) fn authorize_user_rejects_unknown_permission<D: Driver>(d: &D) -> Result {
    let room = room_id::<D>("bad-permission");
    let e = expect_api(
        "unknown permission",
        d.run(d.client().authorize_user("alice").allow(
            &room,
            [
                RoomPermission::RoomRead,
                RoomPermission::Other("not:a:permission".into()),
            ],
        )),
        422,
        "Unprocessable Entity",
    );
    let body = json_body("422", &e.raw_body);
    let reason = body["reason"].as_str().expect("a `reason` field");
    assert!(body.get("message").is_none(), "{body}");
    assert_eq!(e.message, reason, "the message comes from `reason`");
    assert!(
        reason.contains(&format!("permissions.{room}.1")),
        "names the failing key: {reason}"
    );
    assert!(
        reason.contains("Must be one of") && reason.contains("'room:write'"),
        "{reason}"
    );
    Ok(())
}

/// More than 10 rooms or patterns, a malformed pattern, an empty permission list or an empty
/// user ID is refused before any request; exactly 10 patterns reach the server and work. The
/// dev server itself checks none of this (it issues tokens for 11 patterns, for `a*b` and for
/// an empty list), so here the SDK's check is the only guard.
pub(crate) fn bad_permissions_fail_before_any_request<D: Driver>(d: &D) -> Result {
    let room = room_id::<D>("patterns");
    let patterns = |n: usize| -> TokenPermissions {
        (0..n)
            .map(|i| (format!("{room}-{i}-*"), vec![RoomPermission::RoomRead]))
            .collect()
    };
    assert_eq!(MAX_PERMISSION_PATTERNS, 10);

    let u: D = unreachable_driver();
    let c = u.client();
    let message = expect_invalid_input(
        "11 patterns",
        u.run(c.authorize_user("alice").permissions(patterns(11))),
    );
    assert!(message.contains("at most 10"), "{message}");
    for bad in ["a*b", "**", ""] {
        expect_invalid_input(
            &format!("pattern {bad:?}"),
            u.run(
                c.authorize_user("alice")
                    .allow(bad, [RoomPermission::RoomRead]),
            ),
        );
    }
    expect_invalid_input(
        "empty permission list",
        u.run(c.authorize_user("alice").allow(&room, [])),
    );
    expect_invalid_input(
        "empty user ID",
        u.run(
            c.authorize_user("")
                .allow(&room, [RoomPermission::RoomRead]),
        ),
    );
    expect_invalid_input("empty user ID", u.run(c.identify_user("")));
    assert!(
        crate::sent_so_far().is_empty(),
        "{:?}",
        crate::sent_so_far()
    );

    // The limit itself is fine, on the real server.
    let ten = patterns(10);
    let token = d
        .run(d.client().authorize_user("alice").permissions(ten.clone()))?
        .token;
    let perms = &unsigned_jwt(&token)["perms"];
    assert_eq!(perms.as_object().map(|p| p.len()), Some(10), "{perms}");
    assert_eq!(*perms, serde_json::to_value(&ten).expect("serializable"));

    // No permission at all passes both the SDK's check and the server's: a token for nothing.
    let token = d.run(d.client().authorize_user("alice"))?.token;
    assert_eq!(unsigned_jwt(&token)["perms"], json!({}));
    Ok(())
}
