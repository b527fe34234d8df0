//! Notification settings: read, update, reset.

use super::*;

/// The spec's `NotificationSettings` example.
const SETTINGS_BODY: &str = r#"{
    "email": {"thread": true, "textMention": false, "$customNotification": true},
    "slack": {"thread": true, "textMention": true, "$customNotification": false},
    "teams": {"thread": false, "textMention": true, "$customNotification": true},
    "webPush": {"thread": true, "textMention": true, "$customNotification": false}
}"#;

fn assert_spec_settings(settings: &NotificationSettings) {
    let email = settings.email.as_ref().unwrap();
    assert_eq!(email.thread, Some(true));
    assert_eq!(email.text_mention, Some(false));
    assert!(email.custom["$customNotification"]);
    assert_eq!(email.custom.len(), 1);
    let slack = settings.slack.as_ref().unwrap();
    assert_eq!(slack.get("thread"), Some(true));
    assert_eq!(slack.get("textMention"), Some(true));
    assert_eq!(slack.get("$customNotification"), Some(false));
    assert_eq!(slack.get("$other"), None);
    let teams = settings.teams.as_ref().unwrap();
    assert_eq!(
        (teams.thread, teams.text_mention),
        (Some(false), Some(true))
    );
    let web_push = settings.web_push.as_ref().unwrap();
    assert!(!web_push.custom["$customNotification"]);
}

#[test]
fn get_notification_settings() {
    let expected = expect(
        Method::GET,
        &user_path("/notification-settings"),
        Body::None,
    );
    let settings = check_op_with(
        Reply::json(200, SETTINGS_BODY),
        |c| c.get_notification_settings(USER).send(),
        GetNotificationSettings::new(USER),
        &expected,
        &[("userId", USER_ENC)],
    );
    assert_spec_settings(&settings);
    // Round trip: the same JSON back.
    let back = serde_json::to_value(&settings).unwrap();
    assert_eq!(back, serde_json::from_str::<Value>(SETTINGS_BODY).unwrap());

    // A project with only some channels: the others are absent (or null).
    let settings = GetNotificationSettings::new(USER)
        .response(response(
            200,
            r#"{"email": {"thread": false}, "slack": null}"#,
        ))
        .unwrap();
    assert_eq!(settings.email.as_ref().unwrap().thread, Some(false));
    assert_eq!(settings.email.as_ref().unwrap().text_mention, None);
    assert_eq!(settings.slack, None);
    assert_eq!(settings.teams, None);
    assert_eq!(settings.web_push, None);
}

#[test]
fn update_notification_settings() {
    // The spec's example body.
    let expected = expect(
        Method::POST,
        &user_path("/notification-settings"),
        Body::Json(json!({
            "email": {"thread": true, "textMention": false},
            "slack": {"textMention": false},
            "webPush": {"thread": true}
        })),
    );
    let settings = check_op_with(
        Reply::json(200, SETTINGS_BODY),
        |c| {
            c.update_notification_settings(USER)
                .email(
                    NotificationChannelSettings::new()
                        .thread(true)
                        .text_mention(false),
                )
                .slack(NotificationChannelSettings::new().text_mention(false))
                .web_push(NotificationChannelSettings::new().thread(true))
                .send()
        },
        UpdateNotificationSettings::new(USER).changes(
            NotificationSettingsUpdate::new()
                .email(
                    NotificationChannelSettings::new()
                        .thread(true)
                        .text_mention(false),
                )
                .slack(NotificationChannelSettings::new().text_mention(false))
                .web_push(NotificationChannelSettings::new().thread(true)),
        ),
        &expected,
        &[("userId", USER_ENC)],
    );
    assert_spec_settings(&settings);

    // Custom kinds and Teams; `custom("thread")` sets the thread field, never a second key.
    let expected = expect(
        Method::POST,
        &user_path("/notification-settings"),
        Body::Json(json!({
            "teams": {"thread": false, "$fileUploaded": true, "$invite": false}
        })),
    );
    let channel = || {
        NotificationChannelSettings::new()
            .thread(true)
            .custom("$fileUploaded", true)
            .custom("$invite", false)
            .custom("thread", false)
    };
    check_op_with(
        Reply::json(200, "{}"),
        |c| c.update_notification_settings(USER).teams(channel()).send(),
        UpdateNotificationSettings::new(USER).teams(channel()),
        &expected,
        &[("userId", USER_ENC)],
    );
    let body = serde_json::to_string(&channel()).unwrap();
    assert_eq!(body.matches("\"thread\"").count(), 1, "{body}");
    assert_eq!(
        channel().custom("textMention", true).text_mention,
        Some(true)
    );

    // Nothing set: an empty object.
    let expected = expect(
        Method::POST,
        &user_path("/notification-settings"),
        Body::Json(json!({})),
    );
    check_op_with(
        Reply::json(200, "{}"),
        |c| c.update_notification_settings(USER).send(),
        UpdateNotificationSettings::new(USER),
        &expected,
        &[("userId", USER_ENC)],
    );
}

#[test]
fn delete_notification_settings() {
    let expected = expect(
        Method::DELETE,
        &user_path("/notification-settings"),
        Body::None,
    );
    check_op_with(
        Reply::empty(204),
        |c| c.delete_notification_settings(USER).send(),
        DeleteNotificationSettings::new(USER),
        &expected,
        &[("userId", USER_ENC)],
    );
}
