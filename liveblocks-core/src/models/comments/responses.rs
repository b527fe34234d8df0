//! The responses of the comments operations that aren't a thread or a comment.

use serde::{Deserialize, Serialize};

use super::{SubscriptionKind, Thread};
use crate::models::Timestamp;

/// A room's threads (schema `GetThreadsResponse`). Not paginated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GetThreadsResponse {
    /// The threads.
    pub data: Vec<Thread>,
}

/// The authors of and users mentioned in a thread (schema `GetThreadParticipantsResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GetThreadParticipantsResponse {
    /// Unique user IDs.
    pub participant_ids: Vec<String>,
}

/// A user's subscription (schema `Subscription`), as `subscribe-to-thread` returns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Subscription {
    /// What kind of subject.
    pub kind: SubscriptionKind,
    /// The subject, e.g. the thread ID.
    pub subject_id: String,
    /// When the subscription started.
    #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
    pub created_at: Timestamp,
}

/// A subscription with its user (schema `UserSubscription`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UserSubscription {
    /// What kind of subject.
    pub kind: SubscriptionKind,
    /// The subject, e.g. the thread ID.
    pub subject_id: String,
    /// When the subscription started.
    #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
    pub created_at: Timestamp,
    /// The subscribed user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
}

/// Everyone subscribed to a thread (schema `GetThreadSubscriptionsResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GetThreadSubscriptionsResponse {
    /// The subscriptions.
    pub data: Vec<UserSubscription>,
}

/// A thread notification in some user's inbox: an item of `get-thread-inbox-notifications`
/// (schema `InboxNotificationThreadData` plus the required `userId`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ThreadInboxNotification {
    /// The notification ID (`in_...`).
    pub id: String,
    /// The notification kind, `"thread"`.
    pub kind: String,
    /// The thread.
    pub thread_id: String,
    /// The room of the thread.
    pub room_id: String,
    /// The organization of the room.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// When the user read it; `None` while unread.
    // Required but nullable.
    #[serde(deserialize_with = "crate::models::timestamp::option")]
    pub read_at: Option<Timestamp>,
    /// When the user was last notified.
    #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
    pub notified_at: Timestamp,
    /// The user whose inbox holds it.
    pub user_id: String,
}

/// A thread's notifications across all inboxes (the inline response schema of
/// `get-thread-inbox-notifications`). Not paginated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GetThreadInboxNotificationsResponse {
    /// The notifications.
    pub data: Vec<ThreadInboxNotification>,
}
