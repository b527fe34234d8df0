//! Webhooks: settings, signing secret, additional headers, recovery and test events.

use super::*;

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
