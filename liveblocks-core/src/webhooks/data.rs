//! The data of each webhook event, field for field as `@liveblocks/node` 3.24 declares it.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::models::{open_enum, Timestamp};

open_enum! {
    /// The channel a notification event is for.
    pub enum NotificationChannel {
        /// `email`.
        Email = "email",
        /// `slack`.
        Slack = "slack",
        /// `teams`.
        Teams = "teams",
        /// `webPush`.
        WebPush = "webPush",
    }
}

macro_rules! data_struct {
    ($(#[$meta:meta])* $name:ident { $($(#[$fmeta:meta])* $field:ident : $ty:ty,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(rename_all = "camelCase")]
        #[non_exhaustive]
        pub struct $name {
            $($(#[$fmeta])* pub $field: $ty,)*
        }
    };
}

data_struct!(
    /// The data of `storageUpdated`.
    StorageUpdatedData {
        /// The room.
        room_id: String,
        /// The project.
        project_id: String,
        /// When the storage changed.
        #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
        updated_at: Timestamp,
    }
);
data_struct!(
    /// The data of `userEntered`.
    UserEnteredData {
        /// The project.
        project_id: String,
        /// The room.
        room_id: String,
        /// The connection's ID in the room.
        connection_id: i64,
        /// The user, `None` for anonymous users.
        #[serde(deserialize_with = "crate::models::required_nullable")]
        user_id: Option<String>,
        /// The user's info from the auth endpoint, if any.
        #[serde(deserialize_with = "crate::models::required_nullable")]
        user_info: Option<Map<String, Value>>,
        /// When the user entered.
        #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
        entered_at: Timestamp,
        /// How many users are in the room now.
        num_active_users: i64,
    }
);
data_struct!(
    /// The data of `userLeft`.
    UserLeftData {
        /// The project.
        project_id: String,
        /// The room.
        room_id: String,
        /// The connection's ID in the room.
        connection_id: i64,
        /// The user, `None` for anonymous users.
        #[serde(deserialize_with = "crate::models::required_nullable")]
        user_id: Option<String>,
        /// The user's info from the auth endpoint, if any.
        #[serde(deserialize_with = "crate::models::required_nullable")]
        user_info: Option<Map<String, Value>>,
        /// When the user left.
        #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
        left_at: Timestamp,
        /// How many users are in the room now.
        num_active_users: i64,
    }
);
data_struct!(
    /// The data of `roomCreated`.
    RoomCreatedData {
        /// The project.
        project_id: String,
        /// The room.
        room_id: String,
        /// When.
        #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
        created_at: Timestamp,
    }
);
data_struct!(
    /// The data of `roomDeleted`.
    RoomDeletedData {
        /// The project.
        project_id: String,
        /// The room.
        room_id: String,
        /// When.
        #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
        deleted_at: Timestamp,
    }
);
data_struct!(
    /// The data of `commentCreated`.
    CommentCreatedData {
        /// The project.
        project_id: String,
        /// The room.
        room_id: String,
        /// The thread.
        thread_id: String,
        /// The comment.
        comment_id: String,
        /// When.
        #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
        created_at: Timestamp,
        /// The author.
        created_by: String,
    }
);
data_struct!(
    /// The data of `commentEdited`.
    CommentEditedData {
        /// The project.
        project_id: String,
        /// The room.
        room_id: String,
        /// The thread.
        thread_id: String,
        /// The comment.
        comment_id: String,
        /// When.
        #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
        edited_at: Timestamp,
    }
);
data_struct!(
    /// The data of `commentDeleted`.
    CommentDeletedData {
        /// The project.
        project_id: String,
        /// The room.
        room_id: String,
        /// The thread.
        thread_id: String,
        /// The comment.
        comment_id: String,
        /// When.
        #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
        deleted_at: Timestamp,
    }
);
data_struct!(
    /// The data of `commentReactionAdded`.
    CommentReactionAddedData {
        /// The project.
        project_id: String,
        /// The room.
        room_id: String,
        /// The thread.
        thread_id: String,
        /// The comment.
        comment_id: String,
        /// The emoji.
        emoji: String,
        /// When.
        #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
        added_at: Timestamp,
        /// Who reacted.
        added_by: String,
    }
);
data_struct!(
    /// The data of `commentReactionRemoved`.
    CommentReactionRemovedData {
        /// The project.
        project_id: String,
        /// The room.
        room_id: String,
        /// The thread.
        thread_id: String,
        /// The comment.
        comment_id: String,
        /// The emoji.
        emoji: String,
        /// When.
        #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
        removed_at: Timestamp,
        /// Whose reaction it was.
        removed_by: String,
    }
);
data_struct!(
    /// The data of `commentMetadataUpdated`.
    CommentMetadataUpdatedData {
        /// The project.
        project_id: String,
        /// The room.
        room_id: String,
        /// The thread.
        thread_id: String,
        /// The comment.
        comment_id: String,
        /// When.
        #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
        updated_at: Timestamp,
        /// Who changed it.
        updated_by: String,
    }
);
data_struct!(
    /// The data of `threadMetadataUpdated`, `threadMarkedAsResolved` and
    /// `threadMarkedAsUnresolved`.
    ThreadUpdatedData {
        /// The project.
        project_id: String,
        /// The room.
        room_id: String,
        /// The thread.
        thread_id: String,
        /// When.
        #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
        updated_at: Timestamp,
        /// Who changed it.
        updated_by: String,
    }
);
data_struct!(
    /// The data of `threadCreated`.
    ThreadCreatedData {
        /// The project.
        project_id: String,
        /// The room.
        room_id: String,
        /// The thread.
        thread_id: String,
        /// When.
        #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
        created_at: Timestamp,
        /// Who created it.
        created_by: String,
    }
);
data_struct!(
    /// The data of `threadDeleted`.
    ThreadDeletedData {
        /// The project.
        project_id: String,
        /// The room.
        room_id: String,
        /// The thread.
        thread_id: String,
        /// When.
        #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
        deleted_at: Timestamp,
    }
);
data_struct!(
    /// The data of `ydocUpdated`.
    YDocUpdatedData {
        /// The project.
        project_id: String,
        /// The room.
        room_id: String,
        /// When.
        #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
        updated_at: Timestamp,
    }
);
data_struct!(
    /// The data of a `notification` of kind `thread`.
    ThreadNotificationData {
        /// The channel to notify on.
        channel: NotificationChannel,
        /// Always `thread`.
        kind: String,
        /// The project.
        project_id: String,
        /// The room.
        room_id: String,
        /// The user to notify.
        user_id: String,
        /// The thread.
        thread_id: String,
        /// The inbox notification, to fetch with `get_inbox_notification`.
        inbox_notification_id: String,
        /// When the webhook event was created.
        #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
        created_at: Timestamp,
        /// When the notification was created.
        #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
        triggered_at: Timestamp,
    }
);
data_struct!(
    /// The data of a `notification` of kind `textMention`.
    TextMentionNotificationData {
        /// The channel to notify on.
        channel: NotificationChannel,
        /// Always `textMention`.
        kind: String,
        /// The project.
        project_id: String,
        /// The room.
        room_id: String,
        /// The user to notify.
        user_id: String,
        /// The mention.
        mention_id: String,
        /// The inbox notification, to fetch with `get_inbox_notification`.
        inbox_notification_id: String,
        /// When the webhook event was created.
        #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
        created_at: Timestamp,
        /// When the notification was created.
        #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
        triggered_at: Timestamp,
    }
);
data_struct!(
    /// The data of a `notification` of a custom kind (`$<name>`).
    CustomNotificationData {
        /// The channel to notify on.
        channel: NotificationChannel,
        /// The custom kind, `$<name>`.
        kind: String,
        /// The project.
        project_id: String,
        /// The room, if the notification belongs to one.
        #[serde(deserialize_with = "crate::models::required_nullable")]
        room_id: Option<String>,
        /// The user to notify.
        user_id: String,
        /// What the notification is about.
        subject_id: String,
        /// The inbox notification, to fetch with `get_inbox_notification`.
        inbox_notification_id: String,
        /// When the webhook event was created.
        #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
        created_at: Timestamp,
        /// When the notification was created.
        #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
        triggered_at: Timestamp,
    }
);
