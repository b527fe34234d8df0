//! Notifications: a user's inbox notifications (read, list, mark as read, delete, trigger
//! custom ones), their notification settings per channel, and their subscription settings
//! per room.

#![allow(deprecated)] // The deprecated room notification settings ops are defined here.

use crate::declare::operations;
use crate::endpoint::{check_body_id, check_range};
use crate::error::Error;
use crate::models::notifications::{
    ActivityData, ActivityValue, InboxNotification, NotificationChannelSettings,
    NotificationSettings, NotificationSettingsUpdate, RoomSubscriptionSettings,
    RoomSubscriptionSettingsUpdate, TextMentionsSubscription, ThreadsSubscription,
    TriggerInboxNotificationRequestBody, UserRoomSubscriptionSettings,
};
use crate::models::{Cursor, Page};

/// True when `kind` matches `^\$[a-zA-Z_]{1,128}$`, the pattern of custom notification kinds.
pub fn is_valid_custom_kind(kind: &str) -> bool {
    kind.strip_prefix('$').is_some_and(|name| {
        (1..=128).contains(&name.len())
            && name.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_')
    })
}

/// Rejects a custom notification kind the server would refuse.
fn check_custom_kind(kind: &str) -> Result<(), Error> {
    if is_valid_custom_kind(kind) {
        return Ok(());
    }
    Err(Error::invalid_input(format!(
        "`kind` must be `$` then 1 to 128 ASCII letters or underscores, got {kind:?} \
         (trigger-inbox-notification)"
    )))
}

operations! {
    /// Reads one of a user's inbox notifications.
    GetInboxNotification {
        "get-inbox-notification", GET "/users/{userId}/inbox-notifications/{inboxNotificationId}",
            None -> Json InboxNotification;
        fn get_inbox_notification(
            user_id: impl Into<String>,
            inbox_notification_id: impl Into<String>,
        );
        struct {
            user_id: String = user_id.into(),
            inbox_notification_id: String = inbox_notification_id.into(),
        }
        path ["userId" = user_id, "inboxNotificationId" = inbox_notification_id];
    }

    /// Deletes one of a user's inbox notifications.
    DeleteInboxNotification {
        "delete-inbox-notification", DELETE
            "/users/{userId}/inbox-notifications/{inboxNotificationId}",
            None -> None ();
        fn delete_inbox_notification(
            user_id: impl Into<String>,
            inbox_notification_id: impl Into<String>,
        );
        struct {
            user_id: String = user_id.into(),
            inbox_notification_id: String = inbox_notification_id.into(),
        }
        path ["userId" = user_id, "inboxNotificationId" = inbox_notification_id];
    }

    /// Deletes all of a user's inbox notifications.
    DeleteAllInboxNotifications {
        "delete-all-inbox-notifications", DELETE "/users/{userId}/inbox-notifications",
            None -> None ();
        fn delete_all_inbox_notifications(user_id: impl Into<String>);
        struct { user_id: String = user_id.into() }
        path ["userId" = user_id];
    }

    /// Lists a user's inbox notifications, newest first, one page at a time.
    ///
    /// ```no_run
    /// # async fn run(client: liveblocks_core::Client<impl liveblocks_core::Transport + 'static>) -> Result<(), liveblocks_core::Error> {
    /// use liveblocks_core::models::notifications::InboxNotification;
    ///
    /// let page = client.get_inbox_notifications("alice").query("unread:true").await?;
    /// for notification in &page.data {
    ///     if let InboxNotification::Thread(thread) = notification {
    ///         println!("new activity in {}", thread.thread_id);
    ///     }
    /// }
    /// # Ok(()) }
    /// ```
    GetInboxNotifications {
        "get-inbox-notifications", GET "/users/{userId}/inbox-notifications",
            None -> Json Page<InboxNotification>;
        query ["organizationId", "query", "limit", "startingAfter"];
        fn get_inbox_notifications(user_id: impl Into<String>);
        struct {
            user_id: String = user_id.into(),
            organization_id: Option<String> = None,
            query: Option<String> = None,
            limit: Option<u32> = None,
            starting_after: Option<Cursor> = None,
        }
        set {
            /// Only notifications of this organization.
            fn organization_id(self, organization_id: impl Into<String>) {
                self.organization_id = Some(organization_id.into());
            }
            /// A filter, e.g. `unread:true`.
            fn query(self, query: impl Into<String>) {
                self.query = Some(query.into());
            }
            /// Page size, 1 to 50 (server default 50).
            fn limit(self, limit: u32) {
                self.limit = Some(limit);
            }
            /// The page after this cursor (a previous page's `next_cursor`).
            fn starting_after(self, cursor: Cursor) {
                self.starting_after = Some(cursor);
            }
        }
        pages InboxNotification, starting_after;
        path ["userId" = user_id];
        request(self, req) {
            if let Some(limit) = self.limit {
                check_range("limit", limit, 1, 50)?;
            }
            req.query_opt("organizationId", self.organization_id.as_ref())
                .query_opt("query", self.query.as_ref())
                .query_opt("limit", self.limit)
                .query_opt("startingAfter", self.starting_after.as_ref())
        }
    }

    /// Reads a user's notification settings, channel by channel.
    GetNotificationSettings {
        "get-notification-settings", GET "/users/{userId}/notification-settings",
            None -> Json NotificationSettings;
        fn get_notification_settings(user_id: impl Into<String>);
        struct { user_id: String = user_id.into() }
        path ["userId" = user_id];
    }

    /// Changes some of a user's notification settings; channels and kinds left out keep
    /// their value, so only what you set is sent.
    ///
    /// ```no_run
    /// # async fn run(client: liveblocks_core::Client<impl liveblocks_core::Transport + 'static>) -> Result<(), liveblocks_core::Error> {
    /// use liveblocks_core::models::notifications::NotificationChannelSettings;
    ///
    /// let settings = client
    ///     .update_notification_settings("alice")
    ///     .email(NotificationChannelSettings::new().thread(false).custom("$fileUploaded", true))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    UpdateNotificationSettings {
        "update-notification-settings", POST "/users/{userId}/notification-settings",
            Json -> Json NotificationSettings;
        fn update_notification_settings(user_id: impl Into<String>);
        struct {
            user_id: String = user_id.into(),
            update: NotificationSettingsUpdate = NotificationSettingsUpdate::new(),
        }
        set {
            /// Changes the email channel.
            fn email(self, settings: NotificationChannelSettings) {
                self.update = self.update.email(settings);
            }
            /// Changes the Slack channel.
            fn slack(self, settings: NotificationChannelSettings) {
                self.update = self.update.slack(settings);
            }
            /// Changes the Microsoft Teams channel.
            fn teams(self, settings: NotificationChannelSettings) {
                self.update = self.update.teams(settings);
            }
            /// Changes the web push channel.
            fn web_push(self, settings: NotificationChannelSettings) {
                self.update = self.update.web_push(settings);
            }
            /// Replaces all the changes at once.
            fn changes(self, update: NotificationSettingsUpdate) {
                self.update = update;
            }
        }
        path ["userId" = user_id];
        request(self, req) {
            req.json(&self.update)
        }
    }

    /// Resets a user's notification settings to the project's defaults.
    DeleteNotificationSettings {
        "delete-notification-settings", DELETE "/users/{userId}/notification-settings",
            None -> None ();
        fn delete_notification_settings(user_id: impl Into<String>);
        struct { user_id: String = user_id.into() }
        path ["userId" = user_id];
    }

    /// Reads a user's subscription settings in a room.
    GetRoomSubscriptionSettings {
        "get-room-subscription-settings", GET
            "/rooms/{roomId}/users/{userId}/subscription-settings",
            None -> Json RoomSubscriptionSettings;
        fn get_room_subscription_settings(room_id: impl Into<String>, user_id: impl Into<String>);
        struct {
            room_id: String = room_id.into(),
            user_id: String = user_id.into(),
        }
        path ["roomId" = room_id, "userId" = user_id];
    }

    /// Changes some of a user's subscription settings in a room; only what you set is sent.
    UpdateRoomSubscriptionSettings {
        "update-room-subscription-settings", POST
            "/rooms/{roomId}/users/{userId}/subscription-settings",
            Json -> Json RoomSubscriptionSettings;
        fn update_room_subscription_settings(
            room_id: impl Into<String>,
            user_id: impl Into<String>,
        );
        struct {
            room_id: String = room_id.into(),
            user_id: String = user_id.into(),
            update: RoomSubscriptionSettingsUpdate = RoomSubscriptionSettingsUpdate::new(),
        }
        set {
            /// Changes which thread activity notifies the user.
            fn threads(self, threads: ThreadsSubscription) {
                self.update = self.update.threads(threads);
            }
            /// Changes whether text mentions notify the user.
            fn text_mentions(self, text_mentions: TextMentionsSubscription) {
                self.update = self.update.text_mentions(text_mentions);
            }
            /// Replaces all the changes at once.
            fn changes(self, update: RoomSubscriptionSettingsUpdate) {
                self.update = update;
            }
        }
        path ["roomId" = room_id, "userId" = user_id];
        request(self, req) {
            req.json(&self.update)
        }
    }

    /// Resets a user's subscription settings in a room.
    DeleteRoomSubscriptionSettings {
        "delete-room-subscription-settings", DELETE
            "/rooms/{roomId}/users/{userId}/subscription-settings",
            None -> None ();
        fn delete_room_subscription_settings(
            room_id: impl Into<String>,
            user_id: impl Into<String>,
        );
        struct {
            room_id: String = room_id.into(),
            user_id: String = user_id.into(),
        }
        path ["roomId" = room_id, "userId" = user_id];
    }

    /// Lists a user's subscription settings in every room where they were changed, one page
    /// at a time.
    GetUserRoomSubscriptionSettings {
        "get-user-room-subscription-settings", GET "/users/{userId}/room-subscription-settings",
            None -> Json Page<UserRoomSubscriptionSettings>;
        query ["startingAfter", "limit", "organizationId"];
        fn get_user_room_subscription_settings(user_id: impl Into<String>);
        struct {
            user_id: String = user_id.into(),
            starting_after: Option<Cursor> = None,
            limit: Option<u32> = None,
            organization_id: Option<String> = None,
        }
        set {
            /// The page after this cursor (a previous page's `next_cursor`).
            fn starting_after(self, cursor: Cursor) {
                self.starting_after = Some(cursor);
            }
            /// Page size, 1 to 50 (server default 50).
            fn limit(self, limit: u32) {
                self.limit = Some(limit);
            }
            /// Only rooms of this organization.
            fn organization_id(self, organization_id: impl Into<String>) {
                self.organization_id = Some(organization_id.into());
            }
        }
        pages UserRoomSubscriptionSettings, starting_after;
        path ["userId" = user_id];
        request(self, req) {
            if let Some(limit) = self.limit {
                check_range("limit", limit, 1, 50)?;
            }
            req.query_opt("startingAfter", self.starting_after.as_ref())
                .query_opt("limit", self.limit)
                .query_opt("organizationId", self.organization_id.as_ref())
        }
    }

    /// Reads a user's notification settings in a room, the old way.
    #[deprecated(note = "use GetRoomSubscriptionSettings (get_room_subscription_settings) instead")]
    GetRoomNotificationSettings {
        "get-room-notification-settings", GET
            "/rooms/{roomId}/users/{userId}/notification-settings",
            None -> Json RoomSubscriptionSettings;
        fn get_room_notification_settings(room_id: impl Into<String>, user_id: impl Into<String>);
        struct {
            room_id: String = room_id.into(),
            user_id: String = user_id.into(),
        }
        path ["roomId" = room_id, "userId" = user_id];
    }

    /// Changes some of a user's notification settings in a room, the old way; only what you
    /// set is sent.
    #[deprecated(
        note = "use UpdateRoomSubscriptionSettings (update_room_subscription_settings) instead"
    )]
    UpdateRoomNotificationSettings {
        "update-room-notification-settings", POST
            "/rooms/{roomId}/users/{userId}/notification-settings",
            Json -> Json RoomSubscriptionSettings;
        fn update_room_notification_settings(
            room_id: impl Into<String>,
            user_id: impl Into<String>,
        );
        struct {
            room_id: String = room_id.into(),
            user_id: String = user_id.into(),
            update: RoomSubscriptionSettingsUpdate = RoomSubscriptionSettingsUpdate::new(),
        }
        set {
            /// Changes which thread activity notifies the user.
            fn threads(self, threads: ThreadsSubscription) {
                self.update = self.update.threads(threads);
            }
            /// Changes whether text mentions notify the user.
            fn text_mentions(self, text_mentions: TextMentionsSubscription) {
                self.update = self.update.text_mentions(text_mentions);
            }
            /// Replaces all the changes at once.
            fn changes(self, update: RoomSubscriptionSettingsUpdate) {
                self.update = update;
            }
        }
        path ["roomId" = room_id, "userId" = user_id];
        request(self, req) {
            req.json(&self.update)
        }
    }

    /// Resets a user's notification settings in a room, the old way.
    #[deprecated(
        note = "use DeleteRoomSubscriptionSettings (delete_room_subscription_settings) instead"
    )]
    DeleteRoomNotificationSettings {
        "delete-room-notification-settings", DELETE
            "/rooms/{roomId}/users/{userId}/notification-settings",
            None -> None ();
        fn delete_room_notification_settings(
            room_id: impl Into<String>,
            user_id: impl Into<String>,
        );
        struct {
            room_id: String = room_id.into(),
            user_id: String = user_id.into(),
        }
        path ["roomId" = room_id, "userId" = user_id];
    }

    /// Sends `user_id` a custom notification of `kind` (`$` then 1 to 128 ASCII letters or
    /// underscores, checked before sending) about `subject_id`, with no activity data yet.
    ///
    /// Activities with the same `kind` and `subject_id` are grouped into one notification.
    ///
    /// ```no_run
    /// # async fn run(client: liveblocks_core::Client<impl liveblocks_core::Transport + 'static>) -> Result<(), liveblocks_core::Error> {
    /// client
    ///     .trigger_inbox_notification("alice", "$fileUploaded", "file123")
    ///     .activity("url", "https://example.com/file123")
    ///     .activity("size", 2048)
    ///     .room_id("my-room")
    ///     .await?;
    /// # Ok(()) }
    /// ```
    TriggerInboxNotification {
        "trigger-inbox-notification", POST "/inbox-notifications/trigger", Json -> None ();
        fn trigger_inbox_notification(
            user_id: impl Into<String>,
            kind: impl Into<String>,
            subject_id: impl Into<String>,
        );
        struct {
            body: TriggerInboxNotificationRequestBody = TriggerInboxNotificationRequestBody {
                user_id: user_id.into(),
                kind: kind.into(),
                subject_id: subject_id.into(),
                room_id: None,
                activity_data: ActivityData::new(),
                organization_id: None,
            },
        }
        set {
            /// Sets one key of the activity data.
            fn activity(self, key: impl Into<String>, value: impl Into<ActivityValue>) {
                self.body.activity_data.insert(key.into(), value.into());
            }
            /// Replaces all of the activity data.
            fn activity_data(self, data: ActivityData) {
                self.body.activity_data = data;
            }
            /// Ties the notification to a room.
            fn room_id(self, room_id: impl Into<String>) {
                self.body.room_id = Some(room_id.into());
            }
            /// Ties the notification to an organization.
            fn organization_id(self, organization_id: impl Into<String>) {
                self.body.organization_id = Some(organization_id.into());
            }
        }
        request(self, req) {
            check_custom_kind(&self.body.kind)?;
            check_body_id(Self::OPERATION.id, "userId", &self.body.user_id)?;
            check_body_id(Self::OPERATION.id, "subjectId", &self.body.subject_id)?;
            req.json(&self.body)
        }
    }

    /// Marks an inbox notification as read.
    MarkInboxNotificationAsRead {
        "mark-inbox-notification-as-read", POST "/inbox-notifications/{inboxNotificationId}/read",
            None -> None ();
        fn mark_inbox_notification_as_read(inbox_notification_id: impl Into<String>);
        struct { inbox_notification_id: String = inbox_notification_id.into() }
        path ["inboxNotificationId" = inbox_notification_id];
    }
}
