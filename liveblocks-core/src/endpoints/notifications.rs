//! Notifications: a user's inbox notifications (read, list, mark as read, delete, trigger
//! custom ones), their notification settings per channel, and their subscription settings
//! per room.

#![allow(deprecated)] // The deprecated room notification settings ops are defined here.

use http::Method;

use crate::call::Call;
use crate::client::{call_setters, Client};
use crate::config::Config;
use crate::endpoint::{
    check_not_empty, check_range, decode_json, ignore_body, op, path_endpoint, BodyKind, Endpoint,
    Operation, RequestBuilder,
};
use crate::error::Error;
use crate::models::notifications::{
    ActivityData, ActivityValue, InboxNotification, NotificationChannelSettings,
    NotificationSettings, NotificationSettingsUpdate, RoomSubscriptionSettings,
    RoomSubscriptionSettingsUpdate, TextMentionsSubscription, ThreadsSubscription,
    TriggerInboxNotificationRequestBody, UserRoomSubscriptionSettings,
};
use crate::models::{Cursor, Page};
use crate::pagination::Paginated;
use crate::transport::{HttpRequest, HttpResponse};

/// Every operation of this domain.
pub const OPERATIONS: &[Operation] = &[
    GetInboxNotification::OPERATION,
    DeleteInboxNotification::OPERATION,
    DeleteAllInboxNotifications::OPERATION,
    GetInboxNotifications::OPERATION,
    GetNotificationSettings::OPERATION,
    UpdateNotificationSettings::OPERATION,
    DeleteNotificationSettings::OPERATION,
    GetRoomSubscriptionSettings::OPERATION,
    UpdateRoomSubscriptionSettings::OPERATION,
    DeleteRoomSubscriptionSettings::OPERATION,
    GetUserRoomSubscriptionSettings::OPERATION,
    GetRoomNotificationSettings::OPERATION,
    UpdateRoomNotificationSettings::OPERATION,
    DeleteRoomNotificationSettings::OPERATION,
    TriggerInboxNotification::OPERATION,
    MarkInboxNotificationAsRead::OPERATION,
];

path_endpoint!(
    /// Reads one of a user's inbox notifications
    /// (`GET /v2/users/{userId}/inbox-notifications/{inboxNotificationId}`).
    GetInboxNotification, "get-inbox-notification", GET,
    "/users/{userId}/inbox-notifications/{inboxNotificationId}",
    Json, InboxNotification, decode_json,
    /// The endpoint for these IDs.
    new(user_id = "userId", inbox_notification_id = "inboxNotificationId")
);
path_endpoint!(
    /// Deletes one of a user's inbox notifications
    /// (`DELETE /v2/users/{userId}/inbox-notifications/{inboxNotificationId}`).
    DeleteInboxNotification, "delete-inbox-notification", DELETE,
    "/users/{userId}/inbox-notifications/{inboxNotificationId}",
    None, (), ignore_body,
    /// The endpoint for these IDs.
    new(user_id = "userId", inbox_notification_id = "inboxNotificationId")
);
path_endpoint!(
    /// Deletes all of a user's inbox notifications
    /// (`DELETE /v2/users/{userId}/inbox-notifications`).
    DeleteAllInboxNotifications, "delete-all-inbox-notifications", DELETE,
    "/users/{userId}/inbox-notifications",
    None, (), ignore_body,
    /// The endpoint for these IDs.
    new(user_id = "userId")
);
path_endpoint!(
    /// Reads a user's notification settings, channel by channel
    /// (`GET /v2/users/{userId}/notification-settings`).
    GetNotificationSettings, "get-notification-settings", GET,
    "/users/{userId}/notification-settings",
    Json, NotificationSettings, decode_json,
    /// The endpoint for these IDs.
    new(user_id = "userId")
);
path_endpoint!(
    /// Resets a user's notification settings to the project's defaults
    /// (`DELETE /v2/users/{userId}/notification-settings`).
    DeleteNotificationSettings, "delete-notification-settings", DELETE,
    "/users/{userId}/notification-settings",
    None, (), ignore_body,
    /// The endpoint for these IDs.
    new(user_id = "userId")
);
path_endpoint!(
    /// Reads a user's subscription settings in a room
    /// (`GET /v2/rooms/{roomId}/users/{userId}/subscription-settings`).
    GetRoomSubscriptionSettings, "get-room-subscription-settings", GET,
    "/rooms/{roomId}/users/{userId}/subscription-settings",
    Json, RoomSubscriptionSettings, decode_json,
    /// The endpoint for these IDs.
    new(room_id = "roomId", user_id = "userId")
);
path_endpoint!(
    /// Resets a user's subscription settings in a room
    /// (`DELETE /v2/rooms/{roomId}/users/{userId}/subscription-settings`).
    DeleteRoomSubscriptionSettings, "delete-room-subscription-settings", DELETE,
    "/rooms/{roomId}/users/{userId}/subscription-settings",
    None, (), ignore_body,
    /// The endpoint for these IDs.
    new(room_id = "roomId", user_id = "userId")
);
path_endpoint!(
    /// Reads a user's notification settings in a room, the old way
    /// (`GET /v2/rooms/{roomId}/users/{userId}/notification-settings`).
    #[deprecated(note = "use GetRoomSubscriptionSettings (get_room_subscription_settings) instead")]
    GetRoomNotificationSettings, "get-room-notification-settings", GET,
    "/rooms/{roomId}/users/{userId}/notification-settings",
    Json, RoomSubscriptionSettings, decode_json,
    /// The endpoint for these IDs.
    new(room_id = "roomId", user_id = "userId")
);
path_endpoint!(
    /// Resets a user's notification settings in a room, the old way
    /// (`DELETE /v2/rooms/{roomId}/users/{userId}/notification-settings`).
    #[deprecated(
        note = "use DeleteRoomSubscriptionSettings (delete_room_subscription_settings) instead"
    )]
    DeleteRoomNotificationSettings, "delete-room-notification-settings", DELETE,
    "/rooms/{roomId}/users/{userId}/notification-settings",
    None, (), ignore_body,
    /// The endpoint for these IDs.
    new(room_id = "roomId", user_id = "userId")
);
path_endpoint!(
    /// Marks an inbox notification as read
    /// (`POST /v2/inbox-notifications/{inboxNotificationId}/read`).
    MarkInboxNotificationAsRead, "mark-inbox-notification-as-read", POST,
    "/inbox-notifications/{inboxNotificationId}/read",
    None, (), ignore_body,
    /// The endpoint for these IDs.
    new(inbox_notification_id = "inboxNotificationId")
);

/// Lists a user's inbox notifications, newest first, one page at a time
/// (`GET /v2/users/{userId}/inbox-notifications`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetInboxNotifications {
    user_id: String,
    organization_id: Option<String>,
    query: Option<String>,
    limit: Option<u32>,
    starting_after: Option<Cursor>,
}

impl GetInboxNotifications {
    /// The first page of `user_id`'s inbox notifications.
    pub fn new(user_id: impl Into<String>) -> Self {
        GetInboxNotifications {
            user_id: user_id.into(),
            organization_id: None,
            query: None,
            limit: None,
            starting_after: None,
        }
    }

    /// Only notifications of this organization.
    pub fn organization_id(mut self, organization_id: impl Into<String>) -> Self {
        self.organization_id = Some(organization_id.into());
        self
    }

    /// A filter, e.g. `unread:true`.
    pub fn query(mut self, query: impl Into<String>) -> Self {
        self.query = Some(query.into());
        self
    }

    /// Page size, 1 to 50 (server default 50).
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    /// The page after this cursor (a previous page's `next_cursor`).
    pub fn starting_after(mut self, cursor: Cursor) -> Self {
        self.starting_after = Some(cursor);
        self
    }
}

call_setters!(GetInboxNotifications {
    organization_id(organization_id: impl Into<String>),
    query(query: impl Into<String>),
    limit(limit: u32),
    starting_after(cursor: Cursor),
});

impl Endpoint for GetInboxNotifications {
    type Output = Page<InboxNotification>;
    const OPERATION: Operation = op(
        "get-inbox-notifications",
        Method::GET,
        "/users/{userId}/inbox-notifications",
        &["organizationId", "query", "limit", "startingAfter"],
        BodyKind::None,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        if let Some(limit) = self.limit {
            check_range("limit", limit, 1, 50)?;
        }
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("userId", &self.user_id)
            .query_opt("organizationId", self.organization_id.as_ref())
            .query_opt("query", self.query.as_ref())
            .query_opt("limit", self.limit)
            .query_opt("startingAfter", self.starting_after.as_ref())
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

impl Paginated for GetInboxNotifications {
    type Item = InboxNotification;

    fn after(self, cursor: Cursor) -> Self {
        self.starting_after(cursor)
    }
}

/// Changes some of a user's notification settings; channels and kinds left out keep their
/// value (`POST /v2/users/{userId}/notification-settings`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateNotificationSettings {
    user_id: String,
    update: NotificationSettingsUpdate,
}

impl UpdateNotificationSettings {
    /// An update of `user_id`'s settings that changes nothing yet.
    pub fn new(user_id: impl Into<String>) -> Self {
        Self::from_update(user_id, NotificationSettingsUpdate::new())
    }

    /// An update of `user_id`'s settings with all its changes at once.
    pub fn from_update(user_id: impl Into<String>, update: NotificationSettingsUpdate) -> Self {
        UpdateNotificationSettings {
            user_id: user_id.into(),
            update,
        }
    }

    /// Changes the email channel.
    pub fn email(mut self, settings: NotificationChannelSettings) -> Self {
        self.update = self.update.email(settings);
        self
    }

    /// Changes the Slack channel.
    pub fn slack(mut self, settings: NotificationChannelSettings) -> Self {
        self.update = self.update.slack(settings);
        self
    }

    /// Changes the Microsoft Teams channel.
    pub fn teams(mut self, settings: NotificationChannelSettings) -> Self {
        self.update = self.update.teams(settings);
        self
    }

    /// Changes the web push channel.
    pub fn web_push(mut self, settings: NotificationChannelSettings) -> Self {
        self.update = self.update.web_push(settings);
        self
    }
}

call_setters!(UpdateNotificationSettings {
    email(settings: NotificationChannelSettings),
    slack(settings: NotificationChannelSettings),
    teams(settings: NotificationChannelSettings),
    web_push(settings: NotificationChannelSettings),
});

impl Endpoint for UpdateNotificationSettings {
    type Output = NotificationSettings;
    const OPERATION: Operation = op(
        "update-notification-settings",
        Method::POST,
        "/users/{userId}/notification-settings",
        &[],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("userId", &self.user_id)
            .json(&self.update)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

/// Declares an endpoint that changes a user's subscription settings in a room.
macro_rules! room_settings_update {
    ($(#[$meta:meta])* $name:ident, $id:literal, $path:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $name {
            room_id: String,
            user_id: String,
            update: RoomSubscriptionSettingsUpdate,
        }

        impl $name {
            /// An update of `user_id`'s settings in `room_id` that changes nothing yet.
            pub fn new(room_id: impl Into<String>, user_id: impl Into<String>) -> Self {
                Self::from_update(room_id, user_id, RoomSubscriptionSettingsUpdate::new())
            }

            /// An update of `user_id`'s settings in `room_id` with all its changes at once.
            pub fn from_update(
                room_id: impl Into<String>,
                user_id: impl Into<String>,
                update: RoomSubscriptionSettingsUpdate,
            ) -> Self {
                $name {
                    room_id: room_id.into(),
                    user_id: user_id.into(),
                    update,
                }
            }

            /// Changes which thread activity notifies the user.
            pub fn threads(mut self, threads: ThreadsSubscription) -> Self {
                self.update = self.update.threads(threads);
                self
            }

            /// Changes whether text mentions notify the user.
            pub fn text_mentions(mut self, text_mentions: TextMentionsSubscription) -> Self {
                self.update = self.update.text_mentions(text_mentions);
                self
            }
        }

        call_setters!($name {
            threads(threads: ThreadsSubscription),
            text_mentions(text_mentions: TextMentionsSubscription),
        });

        impl Endpoint for $name {
            type Output = RoomSubscriptionSettings;
            const OPERATION: Operation =
                op($id, Method::POST, $path, &[], BodyKind::Json, BodyKind::Json);

            fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
                RequestBuilder::new(config, &Self::OPERATION)
                    .path_param("roomId", &self.room_id)
                    .path_param("userId", &self.user_id)
                    .json(&self.update)
                    .build()
            }

            fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
                decode_json(response)
            }
        }
    };
}

room_settings_update!(
    /// Changes some of a user's subscription settings in a room
    /// (`POST /v2/rooms/{roomId}/users/{userId}/subscription-settings`).
    UpdateRoomSubscriptionSettings,
    "update-room-subscription-settings",
    "/rooms/{roomId}/users/{userId}/subscription-settings"
);
room_settings_update!(
    /// Changes some of a user's notification settings in a room, the old way
    /// (`POST /v2/rooms/{roomId}/users/{userId}/notification-settings`).
    #[deprecated(
        note = "use UpdateRoomSubscriptionSettings (update_room_subscription_settings) instead"
    )]
    UpdateRoomNotificationSettings,
    "update-room-notification-settings",
    "/rooms/{roomId}/users/{userId}/notification-settings"
);

/// Lists a user's subscription settings in every room where they were changed, one page at a
/// time (`GET /v2/users/{userId}/room-subscription-settings`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetUserRoomSubscriptionSettings {
    user_id: String,
    starting_after: Option<Cursor>,
    limit: Option<u32>,
    organization_id: Option<String>,
}

impl GetUserRoomSubscriptionSettings {
    /// The first page of `user_id`'s room subscription settings.
    pub fn new(user_id: impl Into<String>) -> Self {
        GetUserRoomSubscriptionSettings {
            user_id: user_id.into(),
            starting_after: None,
            limit: None,
            organization_id: None,
        }
    }

    /// The page after this cursor (a previous page's `next_cursor`).
    pub fn starting_after(mut self, cursor: Cursor) -> Self {
        self.starting_after = Some(cursor);
        self
    }

    /// Page size, 1 to 50 (server default 50).
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Only rooms of this organization.
    pub fn organization_id(mut self, organization_id: impl Into<String>) -> Self {
        self.organization_id = Some(organization_id.into());
        self
    }
}

call_setters!(GetUserRoomSubscriptionSettings {
    starting_after(cursor: Cursor),
    limit(limit: u32),
    organization_id(organization_id: impl Into<String>),
});

impl Endpoint for GetUserRoomSubscriptionSettings {
    type Output = Page<UserRoomSubscriptionSettings>;
    const OPERATION: Operation = op(
        "get-user-room-subscription-settings",
        Method::GET,
        "/users/{userId}/room-subscription-settings",
        &["startingAfter", "limit", "organizationId"],
        BodyKind::None,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        if let Some(limit) = self.limit {
            check_range("limit", limit, 1, 50)?;
        }
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("userId", &self.user_id)
            .query_opt("startingAfter", self.starting_after.as_ref())
            .query_opt("limit", self.limit)
            .query_opt("organizationId", self.organization_id.as_ref())
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

impl Paginated for GetUserRoomSubscriptionSettings {
    type Item = UserRoomSubscriptionSettings;

    fn after(self, cursor: Cursor) -> Self {
        self.starting_after(cursor)
    }
}

/// Sends a user a custom notification (`POST /v2/inbox-notifications/trigger`).
///
/// Activities with the same `kind` and `subject_id` are grouped into one notification.
#[derive(Debug, Clone, PartialEq)]
pub struct TriggerInboxNotification {
    body: TriggerInboxNotificationRequestBody,
}

impl TriggerInboxNotification {
    /// Notifies `user_id` of a `kind` (`$` then 1 to 128 ASCII letters or underscores, checked
    /// before sending) activity about `subject_id`, with no activity data yet.
    pub fn new(
        user_id: impl Into<String>,
        kind: impl Into<String>,
        subject_id: impl Into<String>,
    ) -> Self {
        Self::from_body(TriggerInboxNotificationRequestBody {
            user_id: user_id.into(),
            kind: kind.into(),
            subject_id: subject_id.into(),
            room_id: None,
            activity_data: ActivityData::new(),
            organization_id: None,
        })
    }

    /// The request with its whole body at once.
    pub fn from_body(body: TriggerInboxNotificationRequestBody) -> Self {
        TriggerInboxNotification { body }
    }

    /// Sets one key of the activity data.
    pub fn activity(mut self, key: impl Into<String>, value: impl Into<ActivityValue>) -> Self {
        self.body.activity_data.insert(key.into(), value.into());
        self
    }

    /// Replaces all of the activity data.
    pub fn activity_data(mut self, data: ActivityData) -> Self {
        self.body.activity_data = data;
        self
    }

    /// Ties the notification to a room.
    pub fn room_id(mut self, room_id: impl Into<String>) -> Self {
        self.body.room_id = Some(room_id.into());
        self
    }

    /// Ties the notification to an organization.
    pub fn organization_id(mut self, organization_id: impl Into<String>) -> Self {
        self.body.organization_id = Some(organization_id.into());
        self
    }
}

call_setters!(TriggerInboxNotification {
    activity(key: impl Into<String>, value: impl Into<ActivityValue>),
    activity_data(data: ActivityData),
    room_id(room_id: impl Into<String>),
    organization_id(organization_id: impl Into<String>),
});

/// True when `kind` matches `^\$[a-zA-Z_]{1,128}$`, the pattern of custom notification kinds.
pub fn is_valid_custom_kind(kind: &str) -> bool {
    kind.strip_prefix('$').is_some_and(|name| {
        (1..=128).contains(&name.len())
            && name.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_')
    })
}

impl Endpoint for TriggerInboxNotification {
    type Output = ();
    const OPERATION: Operation = op(
        "trigger-inbox-notification",
        Method::POST,
        "/inbox-notifications/trigger",
        &[],
        BodyKind::Json,
        BodyKind::None,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        if !is_valid_custom_kind(&self.body.kind) {
            return Err(Error::invalid_input(format!(
                "`kind` must be `$` then 1 to 128 ASCII letters or underscores, got {:?} \
                 (trigger-inbox-notification)",
                self.body.kind
            )));
        }
        check_not_empty(Self::OPERATION.id, "userId", &self.body.user_id)?;
        check_not_empty(Self::OPERATION.id, "subjectId", &self.body.subject_id)?;
        RequestBuilder::new(config, &Self::OPERATION)
            .json(&self.body)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        ignore_body(response)
    }
}

/// Notifications.
impl<T> Client<T> {
    /// Reads one of a user's inbox notifications.
    pub fn get_inbox_notification(
        &self,
        user_id: impl Into<String>,
        inbox_notification_id: impl Into<String>,
    ) -> Call<T, GetInboxNotification> {
        self.call(GetInboxNotification::new(user_id, inbox_notification_id))
    }

    /// Deletes one of a user's inbox notifications.
    pub fn delete_inbox_notification(
        &self,
        user_id: impl Into<String>,
        inbox_notification_id: impl Into<String>,
    ) -> Call<T, DeleteInboxNotification> {
        self.call(DeleteInboxNotification::new(user_id, inbox_notification_id))
    }

    /// Deletes all of a user's inbox notifications.
    pub fn delete_all_inbox_notifications(
        &self,
        user_id: impl Into<String>,
    ) -> Call<T, DeleteAllInboxNotifications> {
        self.call(DeleteAllInboxNotifications::new(user_id))
    }

    /// Lists a user's inbox notifications, one page at a time.
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
    pub fn get_inbox_notifications(
        &self,
        user_id: impl Into<String>,
    ) -> Call<T, GetInboxNotifications> {
        self.call(GetInboxNotifications::new(user_id))
    }

    /// Reads a user's notification settings, channel by channel.
    pub fn get_notification_settings(
        &self,
        user_id: impl Into<String>,
    ) -> Call<T, GetNotificationSettings> {
        self.call(GetNotificationSettings::new(user_id))
    }

    /// Changes some of a user's notification settings; only what you set is sent.
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
    pub fn update_notification_settings(
        &self,
        user_id: impl Into<String>,
    ) -> Call<T, UpdateNotificationSettings> {
        self.call(UpdateNotificationSettings::new(user_id))
    }

    /// Resets a user's notification settings to the project's defaults.
    pub fn delete_notification_settings(
        &self,
        user_id: impl Into<String>,
    ) -> Call<T, DeleteNotificationSettings> {
        self.call(DeleteNotificationSettings::new(user_id))
    }

    /// Reads a user's subscription settings in a room.
    pub fn get_room_subscription_settings(
        &self,
        room_id: impl Into<String>,
        user_id: impl Into<String>,
    ) -> Call<T, GetRoomSubscriptionSettings> {
        self.call(GetRoomSubscriptionSettings::new(room_id, user_id))
    }

    /// Changes some of a user's subscription settings in a room; only what you set is sent.
    pub fn update_room_subscription_settings(
        &self,
        room_id: impl Into<String>,
        user_id: impl Into<String>,
    ) -> Call<T, UpdateRoomSubscriptionSettings> {
        self.call(UpdateRoomSubscriptionSettings::new(room_id, user_id))
    }

    /// Resets a user's subscription settings in a room.
    pub fn delete_room_subscription_settings(
        &self,
        room_id: impl Into<String>,
        user_id: impl Into<String>,
    ) -> Call<T, DeleteRoomSubscriptionSettings> {
        self.call(DeleteRoomSubscriptionSettings::new(room_id, user_id))
    }

    /// Lists a user's subscription settings in every room where they were changed.
    pub fn get_user_room_subscription_settings(
        &self,
        user_id: impl Into<String>,
    ) -> Call<T, GetUserRoomSubscriptionSettings> {
        self.call(GetUserRoomSubscriptionSettings::new(user_id))
    }

    /// Reads a user's notification settings in a room, the old way.
    #[deprecated(note = "use get_room_subscription_settings instead")]
    pub fn get_room_notification_settings(
        &self,
        room_id: impl Into<String>,
        user_id: impl Into<String>,
    ) -> Call<T, GetRoomNotificationSettings> {
        self.call(GetRoomNotificationSettings::new(room_id, user_id))
    }

    /// Changes a user's notification settings in a room, the old way.
    #[deprecated(note = "use update_room_subscription_settings instead")]
    pub fn update_room_notification_settings(
        &self,
        room_id: impl Into<String>,
        user_id: impl Into<String>,
    ) -> Call<T, UpdateRoomNotificationSettings> {
        self.call(UpdateRoomNotificationSettings::new(room_id, user_id))
    }

    /// Resets a user's notification settings in a room, the old way.
    #[deprecated(note = "use delete_room_subscription_settings instead")]
    pub fn delete_room_notification_settings(
        &self,
        room_id: impl Into<String>,
        user_id: impl Into<String>,
    ) -> Call<T, DeleteRoomNotificationSettings> {
        self.call(DeleteRoomNotificationSettings::new(room_id, user_id))
    }

    /// Sends a user a custom notification of `kind` (`$` then 1 to 128 ASCII letters or
    /// underscores) about `subject_id`.
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
    pub fn trigger_inbox_notification(
        &self,
        user_id: impl Into<String>,
        kind: impl Into<String>,
        subject_id: impl Into<String>,
    ) -> Call<T, TriggerInboxNotification> {
        self.call(TriggerInboxNotification::new(user_id, kind, subject_id))
    }

    /// Marks an inbox notification as read.
    pub fn mark_inbox_notification_as_read(
        &self,
        inbox_notification_id: impl Into<String>,
    ) -> Call<T, MarkInboxNotificationAsRead> {
        self.call(MarkInboxNotificationAsRead::new(inbox_notification_id))
    }
}
