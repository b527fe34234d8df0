//! Notifications: the exercises of the `notifications` domain.

use liveblocks_core::models::notifications::{
    NotificationChannelSettings, NotificationSettings, RoomSubscriptionSettings,
    TextMentionsSubscription, ThreadsSubscription,
};

use super::examples::{
    cursor, ensure_example_notification, expect_status, single, NOTIFICATION, ORG, ROOM, USER,
};
use crate::harness::{ensure_eq, Failure, Mode, Session};

/// The `NotificationSettings` example, channel by channel.
fn ensure_example_settings(settings: &NotificationSettings) -> Result<(), Failure> {
    let channel = |c: &Option<NotificationChannelSettings>| {
        c.as_ref().map(|c| {
            (
                c.get("thread"),
                c.get("textMention"),
                c.get("$customNotification"),
            )
        })
    };
    let on = Some(true);
    let off = Some(false);
    ensure_eq("email", channel(&settings.email), Some((on, off, on)))?;
    ensure_eq("slack", channel(&settings.slack), Some((on, on, off)))?;
    ensure_eq("teams", channel(&settings.teams), Some((off, on, on)))?;
    ensure_eq("webPush", channel(&settings.web_push), Some((on, on, off)))
}

/// The `RoomSubscriptionSettings` example.
fn ensure_example_room_settings(settings: &RoomSubscriptionSettings) -> Result<(), Failure> {
    ensure_eq(
        "settings",
        (&settings.threads, &settings.text_mentions),
        (&ThreadsSubscription::All, &TextMentionsSubscription::Mine),
    )
}

/// Runs the exercise of `op`, an operation of this domain.
pub async fn exercise(s: &Session, op: &str, mode: Mode) -> Result<(), Failure> {
    let c = &s.app;
    match op {
        "get-inbox-notification" => {
            let n = s
                .fetch(c.get_inbox_notification(USER, NOTIFICATION))
                .await?;
            mode.check(|| ensure_example_notification(&n, Some(ORG)))
        }
        "delete-inbox-notification" => {
            s.fetch(c.delete_inbox_notification(USER, NOTIFICATION))
                .await?;
            mode.check(|| expect_status(s, 204))
        }
        "delete-all-inbox-notifications" => {
            s.fetch(c.delete_all_inbox_notifications(USER)).await?;
            mode.check(|| expect_status(s, 204))
        }
        "get-inbox-notifications" => {
            let page = s
                .fetch(
                    c.get_inbox_notifications(USER)
                        .organization_id(ORG)
                        .query("unread:true")
                        .limit(50)
                        .starting_after(cursor()),
                )
                .await?;
            mode.check(|| {
                single(&page, None)?;
                ensure_example_notification(&page.data[0], None)
            })
        }
        "get-notification-settings" => {
            let settings = s.fetch(c.get_notification_settings(USER)).await?;
            mode.check(|| ensure_example_settings(&settings))
        }
        "update-notification-settings" => {
            let settings = s
                .fetch(
                    c.update_notification_settings(USER)
                        .email(
                            NotificationChannelSettings::new()
                                .thread(true)
                                .text_mention(false),
                        )
                        .slack(NotificationChannelSettings::new().text_mention(false))
                        .teams(NotificationChannelSettings::new().custom("$fileUploaded", true))
                        .web_push(NotificationChannelSettings::new().thread(true)),
                )
                .await?;
            let empty = s.fetch(c.update_notification_settings(USER)).await?;
            mode.check(|| {
                ensure_example_settings(&settings)?;
                ensure_example_settings(&empty)
            })
        }
        "delete-notification-settings" => {
            s.fetch(c.delete_notification_settings(USER)).await?;
            mode.check(|| expect_status(s, 204))
        }
        "get-room-subscription-settings" => {
            let settings = s
                .fetch(c.get_room_subscription_settings(ROOM, USER))
                .await?;
            mode.check(|| ensure_example_room_settings(&settings))
        }
        "update-room-subscription-settings" => {
            let settings = s
                .fetch(
                    c.update_room_subscription_settings(ROOM, USER)
                        .threads(ThreadsSubscription::RepliesAndMentions)
                        .text_mentions(TextMentionsSubscription::None),
                )
                .await?;
            mode.check(|| ensure_example_room_settings(&settings))
        }
        "delete-room-subscription-settings" => {
            s.fetch(c.delete_room_subscription_settings(ROOM, USER))
                .await?;
            mode.check(|| expect_status(s, 204))
        }
        "get-user-room-subscription-settings" => {
            let page = s
                .fetch(
                    c.get_user_room_subscription_settings(USER)
                        .starting_after(cursor())
                        .limit(50)
                        .organization_id(ORG),
                )
                .await?;
            mode.check(|| {
                single(&page, None)?;
                let item = &page.data[0];
                ensure_eq(
                    "settings",
                    (item.room_id.as_str(), &item.threads, &item.text_mentions),
                    (
                        ROOM,
                        &ThreadsSubscription::All,
                        &TextMentionsSubscription::Mine,
                    ),
                )
            })
        }
        "get-room-notification-settings" => {
            let settings = s
                .fetch(c.get_room_notification_settings(ROOM, USER))
                .await?;
            mode.check(|| ensure_example_room_settings(&settings))
        }
        "update-room-notification-settings" => {
            let settings = s
                .fetch(
                    c.update_room_notification_settings(ROOM, USER)
                        .threads(ThreadsSubscription::None)
                        .text_mentions(TextMentionsSubscription::Mine),
                )
                .await?;
            mode.check(|| ensure_example_room_settings(&settings))
        }
        "delete-room-notification-settings" => {
            s.fetch(c.delete_room_notification_settings(ROOM, USER))
                .await?;
            mode.check(|| expect_status(s, 204))
        }
        "trigger-inbox-notification" => {
            s.fetch(
                c.trigger_inbox_notification(USER, "$fileUploaded", "file123")
                    .activity("file", "report.pdf")
                    .activity("size", 12345)
                    .activity("urgent", true)
                    .room_id(ROOM)
                    .organization_id(ORG),
            )
            .await?;
            s.fetch(c.trigger_inbox_notification(USER, "$a", "file123"))
                .await?;
            mode.check(|| expect_status(s, 200))
        }
        "mark-inbox-notification-as-read" => {
            s.fetch(c.mark_inbox_notification_as_read(NOTIFICATION))
                .await?;
            mode.check(|| expect_status(s, 200))
        }
        other => Err(Failure::Check(format!("no exercise for operation {other}"))),
    }
}
