//! Management API: the exact request of every operation, the spec examples (including the
//! ones that contradict their own schema), the management token, validation and errors; the
//! projects and their keys in `projects`, the webhooks in `webhooks`.

use bytes::Bytes;
use http::Method;
use liveblocks_core::management::*;
use liveblocks_core::models::management::*;
use liveblocks_core::models::{Cursor, Timestamp};
use liveblocks_core::{Client, Config, Endpoint, Error, TransportError};
use serde_json::{json, Value};

use crate::common::*;

mod projects;
mod webhooks;

const PROJECT: &str = "proj/α #1?x";
const PROJECT_ENC: &str = "proj%2F%CE%B1%20%231%3Fx";
const WEBHOOK: &str = "wh_abc 123";
const WEBHOOK_ENC: &str = "wh_abc%20123";

fn p() -> Vec<(&'static str, &'static str)> {
    vec![("projectId", PROJECT_ENC)]
}

fn pw() -> Vec<(&'static str, &'static str)> {
    vec![("projectId", PROJECT_ENC), ("webhookId", WEBHOOK_ENC)]
}

fn project_path(rest: &str) -> String {
    format!("/management/projects/{PROJECT_ENC}{rest}")
}

fn webhook_path(rest: &str) -> String {
    format!("/management/projects/{PROJECT_ENC}/webhooks/{WEBHOOK_ENC}{rest}")
}

/// The `ManagementProject` schema's own example (no `description`).
fn project_json() -> Value {
    json!({
        "id": "683d49ed6b4d1cec5a597b13",
        "teamId": "team_123",
        "type": "dev",
        "name": "My Project",
        "createdAt": "2024-09-03T12:34:56.000Z",
        "updatedAt": "2024-09-03T12:34:56.000Z",
        "publicKey": {"activated": true, "createdAt": "2024-09-03T12:34:56.000Z", "value": "pk_dev_123"},
        "secretKey": {"createdAt": "2024-09-03T12:34:56.000Z", "value": "sk_dev_123"},
        "region": "earth",
        "versionCreationTimeout": false
    })
}

/// The `ManagementWebhook` schema's example.
fn webhook_json() -> Value {
    json!({
        "id": "wh_abc123",
        "createdAt": "2024-09-03T12:34:56.000Z",
        "updatedAt": "2024-09-03T12:34:56.000Z",
        "url": "https://example.com/webhooks",
        "disabled": false,
        "subscribedEvents": ["storageUpdated", "userEntered"],
        "secret": {"value": "whsec_abc123"},
        "storageUpdatedThrottleSeconds": 10,
        "yDocUpdatedThrottleSeconds": 10
    })
}

fn assert_example_project(project: &ManagementProject) {
    assert_eq!(project.id, "683d49ed6b4d1cec5a597b13");
    assert_eq!(project.team_id, "team_123");
    assert_eq!(project.project_type, ManagementProjectType::Dev);
    assert_eq!(project.name, "My Project");
    assert_eq!(project.description, None);
    assert_eq!(project.created_at.to_string(), "2024-09-03T12:34:56Z");
    assert!(project.public_key.activated);
    assert_eq!(project.public_key.value, "pk_dev_123");
    assert_eq!(project.secret_key.as_ref().unwrap().value, "sk_dev_123");
    assert_eq!(project.region, ManagementProjectRegion::Earth);
    assert_eq!(
        project.version_creation_timeout,
        VersionCreationTimeout::Disabled
    );
}

fn assert_example_webhook(webhook: &ManagementWebhook) {
    assert_eq!(webhook.id, "wh_abc123");
    assert_eq!(webhook.url, "https://example.com/webhooks");
    assert!(!webhook.disabled);
    assert_eq!(
        webhook.subscribed_events,
        [
            ManagementWebhookEvent::StorageUpdated,
            ManagementWebhookEvent::UserEntered
        ]
    );
    assert_eq!(webhook.secret.as_ref().unwrap().value, "whsec_abc123");
    assert_eq!(webhook.rate_limit, None);
    assert_eq!(webhook.additional_headers, None);
    assert_eq!(webhook.storage_updated_throttle_seconds, 10);
    assert_eq!(webhook.y_doc_updated_throttle_seconds, 10);
}

// ---------------------------------------------------------------------------------------
// Auth, unions, validation, errors
// ---------------------------------------------------------------------------------------

#[test]
fn management_config_sends_the_access_token() {
    let token = "lb_mgmt_0123456789";
    let config = Config::management(token).unwrap();
    let mock = Mock::with_config(config.clone(), Reply::value(200, project_json()));
    mock.client.get_management_project(PROJECT).send().unwrap();
    let request = mock.only_request();
    assert_eq!(
        request.headers()[http::header::AUTHORIZATION],
        format!("Bearer {token}")
    );
    assert_eq!(
        request.uri().to_string(),
        format!("{BASE}/v2{}", project_path(""))
    );
    // Same request through the endpoint directly.
    let request = GetManagementProject::new(PROJECT).request(&config).unwrap();
    assert_eq!(
        request.headers()[http::header::AUTHORIZATION],
        format!("Bearer {token}")
    );
    assert!(!format!("{:?}", mock.client).contains("0123456789"));
}

#[test]
fn version_creation_timeout_in_responses() {
    for (wire, expected) in [
        (json!(false), VersionCreationTimeout::Disabled),
        (json!(30), VersionCreationTimeout::Seconds(30)),
        (json!(300), VersionCreationTimeout::Seconds(300)),
    ] {
        let mut body = project_json();
        body["versionCreationTimeout"] = wire.clone();
        let project: ManagementProject = serde_json::from_value(body).unwrap();
        assert_eq!(project.version_creation_timeout, expected);
        assert_eq!(
            serde_json::to_value(&project).unwrap()["versionCreationTimeout"],
            wire
        );
    }
    for bad in [json!(true), json!("60"), json!(null), json!(-5)] {
        let mut body = project_json();
        body["versionCreationTimeout"] = bad.clone();
        let err = GetManagementProject::new(PROJECT)
            .response(Reply::value(200, body).to_response())
            .unwrap_err();
        assert_eq!(
            decode_error(&err).path,
            "versionCreationTimeout",
            "{bad}: {err:?}"
        );
    }
}

#[test]
fn unknown_enum_values_are_kept() {
    let mut body = project_json();
    body["type"] = json!("staging");
    body["region"] = json!("mars");
    let project: ManagementProject = serde_json::from_value(body).unwrap();
    assert_eq!(
        project.project_type,
        ManagementProjectType::Other("staging".into())
    );
    assert_eq!(
        project.region,
        ManagementProjectRegion::Other("mars".into())
    );
    let mut body = webhook_json();
    body["subscribedEvents"] = json!(["threadCreated", "somethingNew"]);
    let webhook: ManagementWebhook = serde_json::from_value(body).unwrap();
    assert_eq!(
        webhook.subscribed_events,
        [
            ManagementWebhookEvent::ThreadCreated,
            ManagementWebhookEvent::Other("somethingNew".into())
        ]
    );
    assert_eq!(
        serde_json::to_value(&webhook).unwrap()["subscribedEvents"],
        json!(["threadCreated", "somethingNew"])
    );
}

#[test]
fn required_nullable_fields() {
    // `secretKey` and `secret` are required but may be null.
    let mut body = project_json();
    body.as_object_mut().unwrap().remove("secretKey");
    let err = GetManagementProject::new(PROJECT)
        .response(Reply::value(200, body).to_response())
        .unwrap_err();
    assert!(decode_error(&err).message.contains("secretKey"), "{err:?}");
    let mut body = webhook_json();
    body["secret"] = Value::Null;
    let webhook: ManagementWebhook = serde_json::from_value(body).unwrap();
    assert_eq!(webhook.secret, None);
    let mut body = webhook_json();
    body.as_object_mut().unwrap().remove("secret");
    assert!(serde_json::from_value::<ManagementWebhook>(body).is_err());
    // `description`: null, a string, or (as in the spec's examples) absent.
    let mut body = project_json();
    body["description"] = Value::Null;
    let project: ManagementProject = serde_json::from_value(body).unwrap();
    assert_eq!(project.description, None);
    assert_eq!(
        serde_json::to_value(&project).unwrap()["description"],
        Value::Null
    );
}

#[test]
fn invalid_input_is_rejected_before_sending() {
    let mock = Mock::new(Reply::value(200, project_json()));
    let c = &mock.client;
    for bad in [0, 101] {
        assert_invalid(c.get_management_projects().limit(bad).send(), "limit");
        assert_invalid(
            c.get_management_webhooks(PROJECT).limit(bad).send(),
            "limit",
        );
    }
    for bad in [0, 29, 301] {
        assert_invalid(
            c.create_management_project(ManagementProjectType::Dev)
                .version_creation_timeout(VersionCreationTimeout::Seconds(bad))
                .send(),
            "versionCreationTimeout",
        );
        assert_invalid(
            c.update_management_project(PROJECT)
                .version_creation_timeout(VersionCreationTimeout::Seconds(bad))
                .send(),
            "versionCreationTimeout",
        );
    }
    let events = [ManagementWebhookEvent::StorageUpdated];
    for bad in [0, 65535] {
        assert_invalid(
            c.create_management_webhook(PROJECT, "https://x.io", events.clone())
                .rate_limit(bad)
                .send(),
            "rateLimit",
        );
        assert_invalid(
            c.update_management_webhook(PROJECT, WEBHOOK)
                .rate_limit(bad)
                .send(),
            "rateLimit",
        );
    }
    assert_invalid(
        c.create_management_webhook(PROJECT, " ", events.clone())
            .send(),
        "url",
    );
    assert_invalid(
        c.update_management_webhook(PROJECT, WEBHOOK).url("").send(),
        "url",
    );
    assert_invalid(
        c.create_management_webhook(PROJECT, "https://x.io", events.clone())
            .additional_header("Bad Name", "v")
            .send(),
        "header name",
    );
    assert_invalid(
        c.upsert_management_webhook_additional_headers(PROJECT, WEBHOOK, [("X-Ok", "line\nbreak")])
            .send(),
        "header value",
    );
    assert_invalid(
        c.delete_management_webhook_additional_headers(PROJECT, WEBHOOK, Vec::<String>::new())
            .send(),
        "at least one header",
    );
    assert_invalid(c.get_management_project("").send(), "projectId");
    assert_invalid(c.get_management_webhook(PROJECT, "").send(), "webhookId");
    assert_eq!(mock.calls(), 0);
}

#[test]
fn api_errors() {
    let mock = Mock::new(Reply::json(
        403,
        r#"{"error":"INVALID_MANAGEMENT_API_ACCESS_TOKEN_SCOPE","message":"Invalid management api access token scope","suggestion":"Please provide a management api access token with required scope: 'read:all'.","docs":"https://liveblocks.io/docs/api-reference/rest-api-endpoints"}"#,
    ));
    let err = mock.client.get_management_projects().send().unwrap_err();
    assert_eq!(
        err.code(),
        Some("INVALID_MANAGEMENT_API_ACCESS_TOKEN_SCOPE")
    );
    assert_eq!(api_error(&err).status, 403);

    let mock = Mock::new(Reply::json(
        404,
        r#"{"error":"WEBHOOK_NOT_FOUND","message":"Webhook not found"}"#,
    ));
    let err = mock
        .client
        .delete_management_webhook(PROJECT, WEBHOOK)
        .send()
        .unwrap_err();
    assert!(err.is_not_found());
    assert_eq!(err.code(), Some("WEBHOOK_NOT_FOUND"));

    // What the dev server answers: 501 for every management route.
    let mock = Mock::new(Reply::json(501, r#"{"error":"Not implemented"}"#));
    let err = mock
        .client
        .send_test_webhook(PROJECT, WEBHOOK, ManagementWebhookEvent::StorageUpdated)
        .send()
        .unwrap_err();
    assert_eq!(api_error(&err).status, 501);
}

#[test]
fn whole_bodies_at_once() {
    // `settings` and `changes` replace a whole body, what the setters build piece by piece.
    let project = CreateManagementProjectRequestBody {
        project_type: ManagementProjectType::Prod,
        name: Some("Frimousse".into()),
        description: None,
        version_creation_timeout: Some(VersionCreationTimeout::Seconds(60)),
    };
    check_op(
        Reply::value(200, project_json()),
        |c| {
            c.create_management_project(ManagementProjectType::Dev)
                .name("dropped")
                .settings(project.clone())
                .send()
        },
        CreateManagementProject::new(ManagementProjectType::Dev).settings(project.clone()),
        &expect(
            Method::POST,
            "/management/projects",
            Body::Json(json!({"type": "prod", "name": "Frimousse", "versionCreationTimeout": 60})),
        ),
    );
    let changes = UpdateManagementProjectRequestBody {
        description: Some("An emoji picker".into()),
        ..Default::default()
    };
    check_op_with(
        Reply::value(200, project_json()),
        |c| {
            c.update_management_project(PROJECT)
                .name("dropped")
                .changes(changes.clone())
                .send()
        },
        UpdateManagementProject::new(PROJECT).changes(changes.clone()),
        &expect(
            Method::POST,
            &project_path(""),
            Body::Json(json!({"description": "An emoji picker"})),
        ),
        &p(),
    );
    let webhook = CreateManagementWebhookRequestBody {
        url: "https://x.io".into(),
        subscribed_events: vec![ManagementWebhookEvent::Notification],
        rate_limit: Some(5),
        additional_headers: None,
        storage_updated_throttle_seconds: None,
        y_doc_updated_throttle_seconds: None,
    };
    check_op_with(
        Reply::value(200, webhook_json()),
        |c| {
            c.create_management_webhook(PROJECT, "https://dropped.io", [])
                .settings(webhook.clone())
                .send()
        },
        CreateManagementWebhook::new(PROJECT, "https://dropped.io", []).settings(webhook.clone()),
        &expect(
            Method::POST,
            &project_path("/webhooks"),
            Body::Json(
                json!({"url": "https://x.io", "subscribedEvents": ["notification"], "rateLimit": 5}),
            ),
        ),
        &pw()[..1],
    );
    let changes = UpdateManagementWebhookRequestBody {
        disabled: Some(false),
        ..Default::default()
    };
    check_op_with(
        Reply::value(200, webhook_json()),
        |c| {
            c.update_management_webhook(PROJECT, WEBHOOK)
                .url("https://dropped.io")
                .changes(changes.clone())
                .send()
        },
        UpdateManagementWebhook::new(PROJECT, WEBHOOK).changes(changes.clone()),
        &expect(
            Method::POST,
            &webhook_path(""),
            Body::Json(json!({"disabled": false})),
        ),
        &pw(),
    );
}
