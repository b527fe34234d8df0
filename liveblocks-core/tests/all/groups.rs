//! Groups, no network: the exact request of each operation, the decoding of the
//! spec's examples, pagination, and input rejected before any request.

use crate::common::*;
use http::Method;
use liveblocks_core::groups::*;
use liveblocks_core::models::groups::*;
use liveblocks_core::models::{Cursor, Timestamp};
use liveblocks_core::{Endpoint, Error};
use serde_json::json;

/// A group ID with characters that must stay inside one path segment.
const GROUP: &str = "eng:core/γ #3?z";
const GROUP_ENC: &str = "eng%3Acore%2F%CE%B3%20%233%3Fz";

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

/// The spec's `Group` example.
const GROUP_BODY: &str = r#"{
    "type": "group",
    "id": "engineering",
    "organizationId": "org_123456789",
    "createdAt": "2024-01-15T10:30:00.000Z",
    "updatedAt": "2024-01-15T10:30:00.000Z",
    "scopes": {"mention": true},
    "members": [
        {"id": "alice", "addedAt": "2024-01-15T10:30:00.000Z"},
        {"id": "bob", "addedAt": "2024-01-16T09:00:00.000Z"}
    ]
}"#;

/// The spec's `GetGroupsResponse` (and `GetUserGroupsResponse`) example.
const GROUPS_BODY: &str = r#"{
    "data": [{
        "type": "group",
        "id": "engineering",
        "organizationId": "org_123456789",
        "createdAt": "2024-01-15T10:30:00.000Z",
        "updatedAt": "2024-01-15T10:30:00.000Z",
        "scopes": {"mention": true},
        "members": [{"id": "alice", "addedAt": "2024-01-15T10:30:00.000Z"}]
    }],
    "nextCursor": null
}"#;

fn assert_spec_group(group: &Group) {
    assert_eq!(group.object_type, "group");
    assert_eq!(group.id, "engineering");
    assert_eq!(group.organization_id, "org_123456789");
    assert_eq!(group.created_at, ts("2024-01-15T10:30:00Z"));
    assert_eq!(group.updated_at, ts("2024-01-15T10:30:00Z"));
    assert_eq!(group.scopes.mention, Some(true));
    assert_eq!(group.members.len(), 2);
    assert_eq!(group.members[0].id, "alice");
    assert_eq!(group.members[0].added_at, ts("2024-01-15T10:30:00Z"));
    assert_eq!(group.members[1].id, "bob");
    assert_eq!(group.members[1].added_at, ts("2024-01-16T09:00:00Z"));
}

fn assert_spec_page(page: &liveblocks_core::models::Page<Group>) {
    assert_eq!(page.next_cursor, None);
    assert_eq!(page.data.len(), 1);
    let group = &page.data[0];
    assert_eq!(group.id, "engineering");
    assert_eq!(group.members.len(), 1);
    assert_eq!(group.members[0].id, "alice");
}

#[test]
fn create_group() {
    // Minimal: only the ID.
    let expected = expect(Method::POST, "/groups", Body::Json(json!({"id": GROUP})));
    let group = check_op(
        Reply::json(200, GROUP_BODY),
        |c| c.create_group(GROUP).send(),
        CreateGroup::new(GROUP),
        &expected,
    );
    assert_spec_group(&group);

    // The spec's example body.
    let expected = expect(
        Method::POST,
        "/groups",
        Body::Json(json!({
            "id": "engineering",
            "memberIds": ["alice", "bob"],
            "organizationId": "org_123456789",
            "scopes": {"mention": true}
        })),
    );
    check_op(
        Reply::json(200, GROUP_BODY),
        |c| {
            c.create_group("engineering")
                .member_ids(["alice", "bob"])
                .organization_id("org_123456789")
                .scopes(GroupScopes::new().mention())
                .send()
        },
        CreateGroup::new("engineering")
            .member_ids(vec!["alice".to_owned(), "bob".to_owned()])
            .organization_id("org_123456789")
            .scopes(GroupScopes::new().mention()),
        &expected,
    );

    // An explicit empty member list and empty scopes are sent as such.
    let expected = expect(
        Method::POST,
        "/groups",
        Body::Json(json!({"id": "g", "memberIds": [], "scopes": {}})),
    );
    check_op(
        Reply::json(200, GROUP_BODY),
        |c| {
            c.create_group("g")
                .member_ids(Vec::<String>::new())
                .scopes(GroupScopes::new())
                .send()
        },
        CreateGroup::new("g")
            .member_ids(Vec::<String>::new())
            .scopes(GroupScopes::default()),
        &expected,
    );
}

#[test]
fn get_groups() {
    let expected = expect(Method::GET, "/groups", Body::None);
    let page = check_op(
        Reply::json(200, GROUPS_BODY),
        |c| c.get_groups().send(),
        GetGroups::new(),
        &expected,
    );
    assert_spec_page(&page);

    let expected = expect(
        Method::GET,
        "/groups?limit=100&startingAfter=eyJjcmVhdGVkQXQiOjE2NjAwMDA5ODgxMzd9",
        Body::None,
    );
    check_op(
        Reply::json(200, GROUPS_BODY),
        |c| {
            c.get_groups()
                .limit(100)
                .starting_after(Cursor::new("eyJjcmVhdGVkQXQiOjE2NjAwMDA5ODgxMzd9"))
                .send()
        },
        GetGroups::new()
            .limit(100)
            .starting_after(Cursor::new("eyJjcmVhdGVkQXQiOjE2NjAwMDA5ODgxMzd9")),
        &expected,
    );
    let expected = expect(Method::GET, "/groups?limit=1", Body::None);
    check_op(
        Reply::json(200, GROUPS_BODY),
        |c| c.get_groups().limit(1).send(),
        GetGroups::new().limit(1),
        &expected,
    );
}

#[test]
fn get_group() {
    let expected = expect(Method::GET, &format!("/groups/{GROUP_ENC}"), Body::None);
    let group = check_op_with(
        Reply::json(200, GROUP_BODY),
        |c| c.get_group(GROUP).send(),
        GetGroup::new(GROUP),
        &expected,
        &[("groupId", GROUP_ENC)],
    );
    assert_spec_group(&group);

    // Extra keys (the official client types still carry `tenantId`) and no scope at all.
    let body = r#"{"type":"group","id":"g","organizationId":"o","tenantId":"o",
        "createdAt":"2024-01-15T10:30:00Z","updatedAt":"2024-01-15T10:31:00Z",
        "scopes":{},"members":[]}"#;
    let group = GetGroup::new("g").response(response(200, body)).unwrap();
    assert_eq!(group.scopes, GroupScopes::default());
    assert!(group.members.is_empty());
    assert_eq!(
        serde_json::to_value(&group.scopes).unwrap(),
        json!({}),
        "an unset scope is left out"
    );

    // Every required property is required.
    for key in [
        "type",
        "id",
        "organizationId",
        "createdAt",
        "updatedAt",
        "scopes",
        "members",
    ] {
        let mut value: serde_json::Value = serde_json::from_str(GROUP_BODY).unwrap();
        value.as_object_mut().unwrap().remove(key);
        let err = GetGroup::new("g")
            .response(response(200, &value.to_string()))
            .unwrap_err();
        assert!(decode_error(&err).message.contains(key), "{key}: {err}");
    }
}

#[test]
fn delete_group() {
    let expected = expect(Method::DELETE, &format!("/groups/{GROUP_ENC}"), Body::None);
    check_op_with(
        Reply::empty(204),
        |c| c.delete_group(GROUP).send(),
        DeleteGroup::new(GROUP),
        &expected,
        &[("groupId", GROUP_ENC)],
    );
}

#[test]
fn add_group_members() {
    // The spec's example body.
    let expected = expect(
        Method::POST,
        &format!("/groups/{GROUP_ENC}/add-members"),
        Body::Json(json!({"memberIds": ["charlie", "dave"]})),
    );
    let group = check_op_with(
        Reply::json(200, GROUP_BODY),
        |c| c.add_group_members(GROUP, ["charlie", "dave"]).send(),
        AddGroupMembers::new(GROUP, vec!["charlie".to_owned(), "dave".to_owned()]),
        &expected,
        &[("groupId", GROUP_ENC)],
    );
    assert_spec_group(&group);
}

#[test]
fn remove_group_members() {
    // The spec's example body.
    let expected = expect(
        Method::POST,
        &format!("/groups/{GROUP_ENC}/remove-members"),
        Body::Json(json!({"memberIds": ["charlie"]})),
    );
    let group = check_op_with(
        Reply::json(200, GROUP_BODY),
        |c| c.remove_group_members(GROUP, ["charlie"]).send(),
        RemoveGroupMembers::new(GROUP, ["charlie"]),
        &expected,
        &[("groupId", GROUP_ENC)],
    );
    assert_spec_group(&group);
}

#[test]
fn get_user_groups() {
    const USER: &str = "user:alice/β #2?y";
    const USER_ENC: &str = "user%3Aalice%2F%CE%B2%20%232%3Fy";
    let expected = expect(
        Method::GET,
        &format!("/users/{USER_ENC}/groups"),
        Body::None,
    );
    let page = check_op_with(
        Reply::json(200, GROUPS_BODY),
        |c| c.get_user_groups(USER).send(),
        GetUserGroups::new(USER),
        &expected,
        &[("userId", USER_ENC)],
    );
    assert_spec_page(&page);

    let expected = expect(
        Method::GET,
        &format!("/users/{USER_ENC}/groups?limit=5&startingAfter=a%2Bb"),
        Body::None,
    );
    check_op_with(
        Reply::json(200, GROUPS_BODY),
        |c| {
            c.get_user_groups(USER)
                .limit(5)
                .starting_after(Cursor::new("a+b"))
                .send()
        },
        GetUserGroups::new(USER)
            .limit(5)
            .starting_after(Cursor::new("a+b")),
        &expected,
        &[("userId", USER_ENC)],
    );
}

#[test]
fn groups_walk_every_page() {
    let group = |id: &str| {
        json!({"type": "group", "id": id, "organizationId": "o",
               "createdAt": "2024-01-01T00:00:00Z", "updatedAt": "2024-01-01T00:00:00Z",
               "scopes": {}, "members": []})
    };
    let pages = [
        json!({"data": [group("a"), group("b")], "nextCursor": "c1"}),
        json!({"data": [group("c")], "nextCursor": null}),
    ];
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let recorder = std::sync::Arc::clone(&seen);
    let transport: Transport = Box::new(move |request| {
        let mut seen = recorder.lock().unwrap();
        seen.push(request.uri().to_string());
        Ok(Reply::value(200, pages[seen.len() - 1].clone()).to_response())
    });
    let client = liveblocks_core::Client::with_transport(config(), transport);
    let ids: Vec<String> = client
        .get_user_groups("alice")
        .into_items()
        .map(|g| g.map(|g| g.id))
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(ids, ["a", "b", "c"]);
    assert_eq!(
        *seen.lock().unwrap(),
        [
            format!("{BASE}/v2/users/alice/groups"),
            format!("{BASE}/v2/users/alice/groups?startingAfter=c1"),
        ]
    );
}

#[test]
fn operations_list_every_groups_operation_once() {
    let domain = liveblocks_core::endpoints::DOMAINS
        .iter()
        .find(|d| d.name == "groups")
        .expect("groups is in endpoints::DOMAINS");
    assert_eq!(domain.files, [OPERATIONS], "the groups entry of DOMAINS");
    let mut ids: Vec<&str> = OPERATIONS.iter().map(|op| op.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(
        ids.len(),
        OPERATIONS.len(),
        "an operation is declared twice: {ids:?}"
    );
    for op in OPERATIONS {
        let registered = liveblocks_core::endpoints::all_operations().filter(|o| *o == op);
        assert_eq!(registered.count(), 1, "{} in all_operations()", op.id);
    }
}

type Op = fn(&MockClient) -> Result<(), Error>;

#[test]
fn bad_input_is_rejected_before_any_request() {
    let cases: [(&str, &str, Op); 13] = [
        ("get_groups limit 0", "limit", |c| {
            c.get_groups().limit(0).send().map(drop)
        }),
        ("get_groups limit 101", "limit", |c| {
            c.get_groups().limit(101).send().map(drop)
        }),
        ("get_user_groups limit 0", "limit", |c| {
            c.get_user_groups("alice").limit(0).send().map(drop)
        }),
        ("get_user_groups limit 101", "limit", |c| {
            c.get_user_groups("alice").limit(101).send().map(drop)
        }),
        ("create_group empty id", "id", |c| {
            c.create_group("").send().map(drop)
        }),
        ("get_group empty id", "groupId", |c| {
            c.get_group("").send().map(drop)
        }),
        ("delete_group empty id", "groupId", |c| {
            c.delete_group("").send()
        }),
        ("add_group_members empty id", "groupId", |c| {
            c.add_group_members("", ["a"]).send().map(drop)
        }),
        ("add_group_members no member", "memberIds", |c| {
            c.add_group_members("g", Vec::<String>::new())
                .send()
                .map(drop)
        }),
        ("remove_group_members empty id", "groupId", |c| {
            c.remove_group_members("", ["a"]).send().map(drop)
        }),
        ("remove_group_members no member", "memberIds", |c| {
            c.remove_group_members("g", Vec::<String>::new())
                .send()
                .map(drop)
        }),
        ("get_user_groups empty id", "userId", |c| {
            c.get_user_groups("").send().map(drop)
        }),
        ("get_user_groups limit 1000", "limit", |c| {
            c.get_user_groups("alice").limit(1000).send().map(drop)
        }),
    ];
    for (what, mentions, op) in cases {
        let mock = Mock::new(Reply::json(200, GROUP_BODY));
        let err = op(&mock.client).expect_err(what);
        assert_eq!(mock.calls(), 0, "{what}: the transport was called");
        assert!(matches!(err, Error::InvalidInput(_)), "{what}: {err:?}");
        assert!(err.to_string().contains(mentions), "{what}: {err}");
    }
}

#[test]
fn api_errors_are_typed() {
    // The spec's bare 409 "Conflict - Group already exists".
    let mock = Mock::new(Reply::json(
        409,
        r#"{"error":"GROUP_ALREADY_EXISTS","message":"Group engineering already exists"}"#,
    ));
    let err = mock.client.create_group("engineering").send().unwrap_err();
    assert!(err.is_conflict(), "{err:?}");
    assert_eq!(err.code(), Some("GROUP_ALREADY_EXISTS"));

    // A 404 with a plain-text body.
    let mock = Mock::new(Reply::with_type(
        404,
        "text/plain",
        b"Not Found - Group not found",
    ));
    let err = mock.client.get_group("nope").send().unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
    assert_eq!(api_error(&err).message, "Not Found - Group not found");

    // A 2xx body that isn't a group.
    let mock = Mock::new(Reply::json(200, r#"{"type":"group","id":"g"}"#));
    let err = mock
        .client
        .add_group_members("g", ["a"])
        .send()
        .unwrap_err();
    assert!(matches!(err, Error::Decode(_)), "{err:?}");
}
