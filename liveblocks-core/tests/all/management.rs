//! Management API: exact requests for all 20 operations, the spec examples (including the
//! ones that contradict their own schema), the management token, validation and errors.

use bytes::Bytes;
use http::Method;
use liveblocks_core::management::*;
use liveblocks_core::models::management::*;
use liveblocks_core::models::{Cursor, Timestamp};
use liveblocks_core::{Client, Config, Endpoint, Error, TransportError};
use serde_json::{json, Value};

use crate::common::*;

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
// Projects
// ---------------------------------------------------------------------------------------

#[test]
fn get_management_projects() {
    let body = json!({"data": [project_json()], "nextCursor": null});
    let page = check_op(
        Reply::value(200, body),
        |c| {
            c.get_management_projects()
                .limit(20)
                .cursor(Cursor::new("eyJ=+/"))
                .send()
        },
        GetManagementProjects::new()
            .limit(20)
            .cursor(Cursor::new("eyJ=+/")),
        &expect(
            Method::GET,
            "/management/projects?limit=20&cursor=eyJ%3D%2B%2F",
            Body::None,
        ),
    );
    assert_eq!(page.data.len(), 1);
    assert_example_project(&page.data[0]);
    assert!(page.next_cursor.is_none());
    check_op(
        Reply::value(200, json!({"data": [], "nextCursor": null})),
        |c| c.get_management_projects().send(),
        GetManagementProjects::new(),
        &expect(Method::GET, "/management/projects", Body::None),
    );
}

#[test]
fn spec_examples_that_contradict_the_schema_are_decode_errors() {
    // get-management-projects example: items under `projects` instead of `data`.
    let mut listed = project_json();
    listed["description"] =
        json!("A lightweight, unstyled, and composable emoji picker for React.");
    let wrapped = json!({"projects": [listed.clone()], "nextCursor": "eyJpZCI6IjY4M2QifQ=="});
    let err = GetManagementProjects::new()
        .response(Reply::value(200, wrapped).to_response())
        .unwrap_err();
    let decode = decode_error(&err);
    assert!(decode.message.contains("data"), "{decode:?}");
    // The same item under `data` decodes, with its description.
    let page = GetManagementProjects::new()
        .response(
            Reply::value(
                200,
                json!({"data": [listed], "nextCursor": "eyJpZCI6IjY4M2QifQ=="}),
            )
            .to_response(),
        )
        .unwrap();
    assert_eq!(
        page.data[0].description.as_deref(),
        Some("A lightweight, unstyled, and composable emoji picker for React.")
    );
    assert_eq!(page.next_cursor.unwrap().as_str(), "eyJpZCI6IjY4M2QifQ==");

    // create-management-project example: the project wrapped in `project`.
    let err = CreateManagementProject::new(ManagementProjectType::Dev)
        .response(Reply::value(200, json!({"project": project_json()})).to_response())
        .unwrap_err();
    assert!(matches!(err, Error::Decode(_)), "{err:?}");
    assert_eq!(err.status().unwrap(), 200);
    let project = CreateManagementProject::new(ManagementProjectType::Dev)
        .response(Reply::value(200, project_json()).to_response())
        .unwrap();
    assert_example_project(&project);
}

#[test]
fn projects_paginate_with_cursor() {
    let transport =
        |request: http::Request<Bytes>| -> Result<http::Response<Bytes>, TransportError> {
            let mut second = project_json();
            second["id"] = json!("p2");
            let body = match request.uri().query() {
                None => json!({"data": [project_json()], "nextCursor": "c1"}),
                Some("cursor=c1") => json!({"data": [second], "nextCursor": null}),
                Some(other) => panic!("unexpected query {other}"),
            };
            Ok(http::Response::new(Bytes::from(body.to_string())))
        };
    let client = Client::with_transport(Config::management("mgmt_token").unwrap(), transport);
    let ids: Vec<String> = client
        .get_management_projects()
        .into_items()
        .map(|p| p.map(|p| p.id))
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(ids, ["683d49ed6b4d1cec5a597b13", "p2"]);
}

#[test]
fn create_management_project() {
    let project = check_op(
        Reply::value(200, project_json()),
        |c| {
            c.create_management_project(ManagementProjectType::Dev)
                .name("Frimousse")
                .description("An emoji picker")
                .version_creation_timeout(VersionCreationTimeout::Disabled)
                .send()
        },
        CreateManagementProject::new(ManagementProjectType::Dev)
            .name("Frimousse")
            .description("An emoji picker")
            .version_creation_timeout(VersionCreationTimeout::Disabled),
        &expect(
            Method::POST,
            "/management/projects",
            Body::Json(json!({
                "name": "Frimousse",
                "description": "An emoji picker",
                "type": "dev",
                "versionCreationTimeout": false
            })),
        ),
    );
    assert_example_project(&project);
    // Only the type is required; a timeout in seconds goes out as a number.
    check_op(
        Reply::value(200, project_json()),
        |c| {
            c.create_management_project(ManagementProjectType::Prod)
                .version_creation_timeout(VersionCreationTimeout::seconds(60)?)
                .send()
        },
        CreateManagementProject::new(ManagementProjectType::Prod)
            .version_creation_timeout(VersionCreationTimeout::Seconds(60)),
        &expect(
            Method::POST,
            "/management/projects",
            Body::Json(json!({"type": "prod", "versionCreationTimeout": 60})),
        ),
    );
}

#[test]
fn get_update_delete_management_project() {
    let project = check_op_with(
        Reply::value(200, project_json()),
        |c| c.get_management_project(PROJECT).send(),
        GetManagementProject::new(PROJECT),
        &expect(Method::GET, &project_path(""), Body::None),
        &p(),
    );
    assert_example_project(&project);

    let mut updated = project_json();
    updated["name"] = json!("Valleys");
    updated["versionCreationTimeout"] = json!(60);
    updated["secretKey"] = Value::Null;
    let project = check_op_with(
        Reply::value(200, updated),
        |c| {
            c.update_management_project(PROJECT)
                .name("Valleys")
                .version_creation_timeout(VersionCreationTimeout::Seconds(60))
                .send()
        },
        UpdateManagementProject::new(PROJECT)
            .name("Valleys")
            .version_creation_timeout(VersionCreationTimeout::Seconds(60)),
        &expect(
            Method::POST,
            &project_path(""),
            Body::Json(json!({"name": "Valleys", "versionCreationTimeout": 60})),
        ),
        &p(),
    );
    assert_eq!(project.name, "Valleys");
    assert_eq!(
        project.version_creation_timeout,
        VersionCreationTimeout::Seconds(60)
    );
    assert_eq!(project.secret_key, None);
    // An update that changes nothing sends an empty object.
    check_op_with(
        Reply::value(200, project_json()),
        |c| c.update_management_project(PROJECT).send(),
        UpdateManagementProject::new(PROJECT),
        &expect(Method::POST, &project_path(""), Body::Json(json!({}))),
        &p(),
    );

    check_op_with(
        Reply::empty(200),
        |c| c.delete_management_project(PROJECT).send(),
        DeleteManagementProject::new(PROJECT),
        &expect(Method::DELETE, &project_path(""), Body::None),
        &p(),
    );
}

#[test]
fn public_key_activation() {
    check_op_with(
        Reply::empty(200),
        |c| c.activate_project_public_api_key(PROJECT).send(),
        ActivateProjectPublicApiKey::new(PROJECT),
        &expect(
            Method::POST,
            &project_path("/api-keys/public/activate"),
            Body::None,
        ),
        &p(),
    );
    check_op_with(
        Reply::empty(200),
        |c| c.deactivate_project_public_api_key(PROJECT).send(),
        DeactivateProjectPublicApiKey::new(PROJECT),
        &expect(
            Method::POST,
            &project_path("/api-keys/public/deactivate"),
            Body::None,
        ),
        &p(),
    );
}

#[test]
fn roll_keys() {
    let public = json!({"publicKey": {"activated": true, "createdAt": "2024-09-03T12:34:56.000Z", "value": "pk_dev_456"}});
    let rolled = check_op_with(
        Reply::value(200, public.clone()),
        |c| {
            c.roll_project_public_api_key(PROJECT)
                .expiration_in(KeyExpiration::OneHour)
                .send()
        },
        RollProjectPublicApiKey::new(PROJECT).expiration_in(KeyExpiration::OneHour),
        &expect(
            Method::POST,
            &project_path("/api-keys/public/roll"),
            Body::Json(json!({"expirationIn": "1 hour"})),
        ),
        &p(),
    );
    assert_eq!(rolled.public_key.value, "pk_dev_456");
    // No option: an empty object (the body is optional in the spec).
    check_op_with(
        Reply::value(200, public),
        |c| c.roll_project_public_api_key(PROJECT).send(),
        RollProjectPublicApiKey::new(PROJECT),
        &expect(
            Method::POST,
            &project_path("/api-keys/public/roll"),
            Body::Json(json!({})),
        ),
        &p(),
    );

    let secret =
        json!({"secretKey": {"createdAt": "2024-09-03T12:34:56.000Z", "value": "sk_dev_456"}});
    let rolled = check_op_with(
        Reply::value(200, secret),
        |c| {
            c.roll_project_secret_api_key(PROJECT)
                .expiration_in(KeyExpiration::ThreeDays)
                .new_key_expiration_in(NewKeyExpiration::ThirtyDays)
                .send()
        },
        RollProjectSecretApiKey::new(PROJECT)
            .expiration_in(KeyExpiration::ThreeDays)
            .new_key_expiration_in(NewKeyExpiration::ThirtyDays),
        &expect(
            Method::POST,
            &project_path("/api-keys/secret/roll"),
            Body::Json(json!({"expirationIn": "3 days", "newKeyExpirationIn": "30 days"})),
        ),
        &p(),
    );
    assert_eq!(rolled.secret_key.value, "sk_dev_456");
    assert!(!format!("{rolled:?}").contains("sk_dev_456"));
    // Other spellings the API accepts go out unchanged.
    let body = serde_json::to_value(RollProjectPublicApiKeyRequestBody {
        expiration_in: Some(KeyExpiration::from("24hrs")),
    })
    .unwrap();
    assert_eq!(body, json!({"expirationIn": "24hrs"}));
}

// ---------------------------------------------------------------------------------------
// Webhooks
// ---------------------------------------------------------------------------------------

#[test]
fn get_management_webhooks() {
    let page = check_op_with(
        Reply::value(200, json!({"data": [webhook_json()], "nextCursor": "next"})),
        |c| {
            c.get_management_webhooks(PROJECT)
                .limit(100)
                .cursor(Cursor::new("c"))
                .send()
        },
        GetManagementWebhooks::new(PROJECT)
            .limit(100)
            .cursor(Cursor::new("c")),
        &expect(
            Method::GET,
            &project_path("/webhooks?limit=100&cursor=c"),
            Body::None,
        ),
        &p(),
    );
    assert_example_webhook(&page.data[0]);
    assert_eq!(page.next_cursor.unwrap().as_str(), "next");
}

#[test]
fn create_management_webhook() {
    let mut created = webhook_json();
    created["rateLimit"] = json!(100);
    created["additionalHeaders"] = json!({"LB-X-FOO": "bar"});
    let webhook = check_op_with(
        Reply::value(200, created),
        |c| {
            c.create_management_webhook(
                PROJECT,
                "https://example.com/webhooks",
                [
                    ManagementWebhookEvent::StorageUpdated,
                    ManagementWebhookEvent::UserEntered,
                ],
            )
            .rate_limit(100)
            .additional_header("LB-X-FOO", "bar")
            .storage_updated_throttle_seconds(10)
            .y_doc_updated_throttle_seconds(10)
            .send()
        },
        CreateManagementWebhook::new(
            PROJECT,
            "https://example.com/webhooks",
            [
                ManagementWebhookEvent::StorageUpdated,
                ManagementWebhookEvent::UserEntered,
            ],
        )
        .rate_limit(100)
        .additional_header("LB-X-FOO", "bar")
        .storage_updated_throttle_seconds(10)
        .y_doc_updated_throttle_seconds(10),
        // The spec's request example.
        &expect(
            Method::POST,
            &project_path("/webhooks"),
            Body::Json(json!({
                "url": "https://example.com/webhooks",
                "subscribedEvents": ["storageUpdated", "userEntered"],
                "rateLimit": 100,
                "additionalHeaders": {"LB-X-FOO": "bar"},
                "storageUpdatedThrottleSeconds": 10,
                "yDocUpdatedThrottleSeconds": 10
            })),
        ),
        &p(),
    );
    assert_eq!(webhook.rate_limit, Some(100));
    assert_eq!(
        webhook.additional_headers.unwrap()["LB-X-FOO"],
        "bar".to_owned()
    );
    // The minimal body.
    check_op_with(
        Reply::value(200, webhook_json()),
        |c| {
            c.create_management_webhook(
                PROJECT,
                "https://x.io",
                [ManagementWebhookEvent::Notification],
            )
            .send()
        },
        CreateManagementWebhook::new(
            PROJECT,
            "https://x.io",
            [ManagementWebhookEvent::Notification],
        ),
        &expect(
            Method::POST,
            &project_path("/webhooks"),
            Body::Json(json!({"url": "https://x.io", "subscribedEvents": ["notification"]})),
        ),
        &pw()[..1],
    );
}

#[test]
fn get_update_delete_management_webhook() {
    let webhook = check_op_with(
        Reply::value(200, webhook_json()),
        |c| c.get_management_webhook(PROJECT, WEBHOOK).send(),
        GetManagementWebhook::new(PROJECT, WEBHOOK),
        &expect(Method::GET, &webhook_path(""), Body::None),
        &pw(),
    );
    assert_example_webhook(&webhook);

    let mut updated = webhook_json();
    updated["disabled"] = json!(true);
    let webhook = check_op_with(
        Reply::value(200, updated),
        |c| {
            c.update_management_webhook(PROJECT, WEBHOOK)
                .url("https://example.com/webhooks")
                .subscribed_events([
                    ManagementWebhookEvent::StorageUpdated,
                    ManagementWebhookEvent::UserEntered,
                ])
                .rate_limit(100)
                .storage_updated_throttle_seconds(10)
                .y_doc_updated_throttle_seconds(10)
                .disabled(true)
                .send()
        },
        UpdateManagementWebhook::new(PROJECT, WEBHOOK)
            .url("https://example.com/webhooks")
            .subscribed_events([
                ManagementWebhookEvent::StorageUpdated,
                ManagementWebhookEvent::UserEntered,
            ])
            .rate_limit(100)
            .storage_updated_throttle_seconds(10)
            .y_doc_updated_throttle_seconds(10)
            .disabled(true),
        &expect(
            Method::POST,
            &webhook_path(""),
            Body::Json(json!({
                "url": "https://example.com/webhooks",
                "subscribedEvents": ["storageUpdated", "userEntered"],
                "rateLimit": 100,
                "storageUpdatedThrottleSeconds": 10,
                "yDocUpdatedThrottleSeconds": 10,
                "disabled": true
            })),
        ),
        &pw(),
    );
    assert!(webhook.disabled);
    check_op_with(
        Reply::value(200, webhook_json()),
        |c| c.update_management_webhook(PROJECT, WEBHOOK).send(),
        UpdateManagementWebhook::new(PROJECT, WEBHOOK),
        &expect(Method::POST, &webhook_path(""), Body::Json(json!({}))),
        &pw(),
    );

    check_op_with(
        Reply::empty(200),
        |c| c.delete_management_webhook(PROJECT, WEBHOOK).send(),
        DeleteManagementWebhook::new(PROJECT, WEBHOOK),
        &expect(Method::DELETE, &webhook_path(""), Body::None),
        &pw(),
    );
}

#[test]
fn roll_management_webhook_secret() {
    let rotated = check_op_with(
        Reply::value(
            200,
            json!({"secret": {"value": "whsec_new_abc123"},
                   "message": "Previous secret remains valid for 24 hours."}),
        ),
        |c| c.roll_management_webhook_secret(PROJECT, WEBHOOK).send(),
        RollManagementWebhookSecret::new(PROJECT, WEBHOOK),
        &expect(Method::POST, &webhook_path("/secret/roll"), Body::None),
        &pw(),
    );
    assert_eq!(rotated.secret.value, "whsec_new_abc123");
    assert_eq!(
        rotated.message,
        "Previous secret remains valid for 24 hours."
    );
    assert!(!format!("{rotated:?}").contains("whsec_new_abc123"));
}

#[test]
fn additional_headers() {
    let headers = check_op_with(
        Reply::value(
            200,
            json!({"headers": {"X-Custom-Header": "value", "X-Old": "1"}}),
        ),
        |c| {
            c.upsert_management_webhook_additional_headers(
                PROJECT,
                WEBHOOK,
                [("X-Custom-Header", "value")],
            )
            .send()
        },
        UpsertManagementWebhookAdditionalHeaders::new(
            PROJECT,
            WEBHOOK,
            [("X-Custom-Header", "value")],
        ),
        &expect(
            Method::POST,
            &webhook_path("/additional-headers"),
            Body::Json(json!({"headers": {"X-Custom-Header": "value"}})),
        ),
        &pw(),
    );
    assert_eq!(headers.headers.len(), 2);
    assert_eq!(headers.headers["X-Custom-Header"], "value");

    let headers = check_op_with(
        Reply::value(200, json!({"headers": {"X-Custom-Header": "value"}})),
        |c| {
            c.get_management_webhook_additional_headers(PROJECT, WEBHOOK)
                .send()
        },
        GetManagementWebhookAdditionalHeaders::new(PROJECT, WEBHOOK),
        &expect(
            Method::GET,
            &webhook_path("/additional-headers"),
            Body::None,
        ),
        &pw(),
    );
    assert_eq!(headers.headers["X-Custom-Header"], "value");

    let headers = check_op_with(
        Reply::value(200, json!({"headers": {"X-Remaining-Header": "value"}})),
        |c| {
            c.delete_management_webhook_additional_headers(
                PROJECT,
                WEBHOOK,
                ["X-Custom-Header", "X-Another-Header"],
            )
            .send()
        },
        DeleteManagementWebhookAdditionalHeaders::new(
            PROJECT,
            WEBHOOK,
            ["X-Custom-Header", "X-Another-Header"],
        ),
        &expect(
            Method::POST,
            &webhook_path("/delete-additional-headers"),
            Body::Json(json!({"headers": ["X-Custom-Header", "X-Another-Header"]})),
        ),
        &pw(),
    );
    assert_eq!(
        headers.headers.keys().collect::<Vec<_>>(),
        ["X-Remaining-Header"]
    );
}

#[test]
fn recover_failed_webhook_messages_sends_rfc3339() {
    let since: Timestamp = "2026-01-21T00:00:00.000Z".parse().unwrap();
    check_op_with(
        Reply::empty(200),
        |c| {
            c.recover_failed_webhook_messages(PROJECT, WEBHOOK, since)
                .send()
        },
        RecoverFailedWebhookMessages::new(PROJECT, WEBHOOK, since),
        &expect(
            Method::POST,
            &webhook_path("/recover-failed-messages"),
            Body::Json(json!({"since": "2026-01-21T00:00:00Z"})),
        ),
        &pw(),
    );
    // Sub-second precision survives.
    let since: Timestamp = "2026-01-21T08:15:30.250Z".parse().unwrap();
    let request = RecoverFailedWebhookMessages::new(PROJECT, WEBHOOK, since)
        .request(&config())
        .unwrap();
    let body: Value = serde_json::from_slice(request.body()).unwrap();
    assert_eq!(body, json!({"since": "2026-01-21T08:15:30.25Z"}));
}

#[test]
fn send_test_webhook() {
    let sent = check_op_with(
        Reply::value(
            200,
            json!({"message": {"id": "msg_abc123", "deliveredAt": "2024-09-03T12:34:56.000Z"}}),
        ),
        |c| {
            c.send_test_webhook(PROJECT, WEBHOOK, ManagementWebhookEvent::StorageUpdated)
                .send()
        },
        SendTestWebhook::new(PROJECT, WEBHOOK, ManagementWebhookEvent::StorageUpdated),
        &expect(
            Method::POST,
            &webhook_path("/test"),
            Body::Json(json!({"subscribedEvent": "storageUpdated"})),
        ),
        &pw(),
    );
    assert_eq!(sent.message.id, "msg_abc123");
    assert_eq!(
        sent.message.delivered_at.unwrap().to_string(),
        "2024-09-03T12:34:56Z"
    );
    // Not delivered yet: null or absent.
    for message in [json!({"id": "m"}), json!({"id": "m", "deliveredAt": null})] {
        let sent = SendTestWebhook::new(PROJECT, WEBHOOK, ManagementWebhookEvent::UserLeft)
            .response(Reply::value(200, json!({"message": message})).to_response())
            .unwrap();
        assert_eq!(sent.message.delivered_at, None);
    }
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
