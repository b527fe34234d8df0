//! Notifications: inbox notifications of every kind, a user's notification settings per
//! channel, and room subscription settings.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{open_enum, Timestamp};

/// One inbox notification, told apart by its `kind`.
///
/// The spec only describes thread and custom notifications (and gives custom ones the literal
/// kind `"custom"`), while the API also sends text mentions and names custom kinds `$<name>`.
/// So the kind is read by hand: `"thread"`, `"textMention"`, anything starting with `$` (or
/// the literal `"custom"`) is custom, and any other kind is kept as raw JSON in
/// [`InboxNotification::Unknown`], so a kind added later never fails a decode.
///
/// ```
/// use liveblocks_core::models::notifications::InboxNotification;
///
/// let json = r#"{"kind":"$fileUploaded","id":"in_1","subjectId":"file123","roomId":null,
///     "notifiedAt":"2024-01-15T10:30:00.000Z","readAt":null,
///     "activities":[{"id":"act_1","createdAt":"2024-01-15T10:30:00.000Z","data":{"url":"u"}}]}"#;
/// let notification: InboxNotification = serde_json::from_str(json).unwrap();
/// let InboxNotification::Custom(custom) = &notification else { panic!() };
/// assert_eq!(custom.kind, "$fileUploaded");
/// assert_eq!(notification.id(), Some("in_1"));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum InboxNotification {
    /// Activity on a thread the user takes part in (kind `thread`).
    Thread(InboxNotificationThreadData),
    /// The user was mentioned in a text editor (kind `textMention`).
    TextMention(InboxNotificationTextMentionData),
    /// A notification your back end triggered (kind `$<name>`).
    Custom(InboxNotificationCustomData),
    /// A kind this version of the SDK does not know, kept as sent.
    Unknown(serde_json::Value),
}

impl InboxNotification {
    /// The notification's ID (`None` only for an unknown kind without a string `id`).
    pub fn id(&self) -> Option<&str> {
        match self {
            InboxNotification::Thread(n) => Some(&n.id),
            InboxNotification::TextMention(n) => Some(&n.id),
            InboxNotification::Custom(n) => Some(&n.id),
            InboxNotification::Unknown(raw) => raw.get("id").and_then(serde_json::Value::as_str),
        }
    }

    /// The notification's kind as sent (`thread`, `textMention`, `$myKind`, ...).
    pub fn kind(&self) -> Option<&str> {
        match self {
            InboxNotification::Thread(n) => Some(&n.kind),
            InboxNotification::TextMention(n) => Some(&n.kind),
            InboxNotification::Custom(n) => Some(&n.kind),
            InboxNotification::Unknown(raw) => raw.get("kind").and_then(serde_json::Value::as_str),
        }
    }

    /// The room the notification belongs to, if any.
    pub fn room_id(&self) -> Option<&str> {
        match self {
            InboxNotification::Thread(n) => Some(&n.room_id),
            InboxNotification::TextMention(n) => Some(&n.room_id),
            InboxNotification::Custom(n) => n.room_id.as_deref(),
            InboxNotification::Unknown(raw) => {
                raw.get("roomId").and_then(serde_json::Value::as_str)
            }
        }
    }

    /// When the user read it; `None` while unread (and for unknown kinds).
    pub fn read_at(&self) -> Option<Timestamp> {
        match self {
            InboxNotification::Thread(n) => n.read_at,
            InboxNotification::TextMention(n) => n.read_at,
            InboxNotification::Custom(n) => n.read_at,
            InboxNotification::Unknown(_) => None,
        }
    }

    /// When the user was last notified (`None` for unknown kinds).
    pub fn notified_at(&self) -> Option<Timestamp> {
        match self {
            InboxNotification::Thread(n) => Some(n.notified_at),
            InboxNotification::TextMention(n) => Some(n.notified_at),
            InboxNotification::Custom(n) => Some(n.notified_at),
            InboxNotification::Unknown(_) => None,
        }
    }

    /// True for a custom kind: one starting with `$` (or the spec's literal `custom`).
    pub fn is_custom_kind(kind: &str) -> bool {
        kind.starts_with('$') || kind == "custom"
    }
}

impl Serialize for InboxNotification {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            InboxNotification::Thread(n) => n.serialize(serializer),
            InboxNotification::TextMention(n) => n.serialize(serializer),
            InboxNotification::Custom(n) => n.serialize(serializer),
            InboxNotification::Unknown(raw) => raw.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for InboxNotification {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error as _;
        let raw = serde_json::Value::deserialize(deserializer)?;
        let kind = match raw.get("kind") {
            Some(serde_json::Value::String(kind)) => kind.as_str(),
            Some(_) => {
                return Err(D::Error::custom(
                    "inbox notification `kind` is not a string",
                ))
            }
            None => return Err(D::Error::missing_field("kind")),
        };
        let decoded = match kind {
            "thread" => serde_json::from_value(raw).map(InboxNotification::Thread),
            "textMention" => serde_json::from_value(raw).map(InboxNotification::TextMention),
            kind if InboxNotification::is_custom_kind(kind) => {
                serde_json::from_value(raw).map(InboxNotification::Custom)
            }
            _ => return Ok(InboxNotification::Unknown(raw)),
        };
        decoded.map_err(D::Error::custom)
    }
}

/// A thread notification (schema `InboxNotificationThreadData`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct InboxNotificationThreadData {
    /// The notification ID (`in_...`).
    pub id: String,
    /// Always `thread`.
    pub kind: String,
    /// The thread with new activity.
    pub thread_id: String,
    /// The room of the thread.
    pub room_id: String,
    /// The room's organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// When the user read it; `None` while unread.
    // Required but nullable.
    #[serde(deserialize_with = "crate::models::timestamp::option")]
    pub read_at: Option<Timestamp>,
    /// When the user was last notified.
    #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
    pub notified_at: Timestamp,
}

/// A text mention notification (not in the spec; shaped like the official client's
/// `InboxNotificationTextMentionData`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct InboxNotificationTextMentionData {
    /// The notification ID.
    pub id: String,
    /// Always `textMention`.
    pub kind: String,
    /// The room of the mention.
    pub room_id: String,
    /// The room's organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// When the user read it; `None` while unread.
    // Required but nullable.
    #[serde(deserialize_with = "crate::models::timestamp::option")]
    pub read_at: Option<Timestamp>,
    /// When the user was last notified.
    #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
    pub notified_at: Timestamp,
    /// The user who wrote the mention.
    pub created_by: String,
    /// The mention's ID.
    pub mention_id: String,
    /// Who was mentioned.
    pub mention: MentionData,
}

open_enum! {
    /// What a mention points at.
    pub enum MentionKind {
        /// One user.
        User = "user",
        /// A group of users.
        Group = "group",
    }
}

/// Who a mention points at: a user, or a group (with the users it reached).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MentionData {
    /// `user` or `group`.
    pub kind: MentionKind,
    /// The user or group ID.
    pub id: String,
    /// For a group mention, the users it reached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_ids: Option<Vec<String>>,
}

/// A custom notification (schema `InboxNotificationCustomData`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct InboxNotificationCustomData {
    /// The notification ID.
    pub id: String,
    /// The custom kind, `$<name>` as triggered (the spec writes the literal `custom`).
    pub kind: String,
    /// What the notification is about; activities with the same kind and subject are grouped.
    pub subject_id: String,
    /// The room it belongs to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room_id: Option<String>,
    /// When the user read it; `None` while unread.
    // Required but nullable.
    #[serde(deserialize_with = "crate::models::timestamp::option")]
    pub read_at: Option<Timestamp>,
    /// When the user was last notified.
    #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
    pub notified_at: Timestamp,
    /// The grouped activities, each with the data it was triggered with.
    pub activities: Vec<InboxNotificationActivity>,
}

/// One activity of a custom notification (schema `InboxNotificationActivity`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct InboxNotificationActivity {
    /// The activity ID.
    pub id: String,
    /// When it was triggered.
    #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
    pub created_at: Timestamp,
    /// The data it was triggered with.
    pub data: ActivityData,
}

/// The data of a custom notification's activity: a map of strings, numbers and booleans.
pub type ActivityData = BTreeMap<String, ActivityValue>;

/// One value of [`ActivityData`].
///
/// ```
/// use liveblocks_core::models::notifications::ActivityValue;
///
/// assert_eq!(ActivityValue::from("x"), ActivityValue::String("x".into()));
/// assert_eq!(serde_json::to_string(&ActivityValue::from(3)).unwrap(), "3");
/// assert_eq!(ActivityValue::float(f64::NAN), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ActivityValue {
    /// A string.
    String(String),
    /// A boolean.
    Bool(bool),
    /// A number, integer or not.
    Number(serde_json::Number),
}

impl ActivityValue {
    /// A finite floating-point number (`None` for NaN and infinities, which JSON can't carry).
    pub fn float(value: f64) -> Option<Self> {
        serde_json::Number::from_f64(value).map(ActivityValue::Number)
    }
}

impl From<&str> for ActivityValue {
    fn from(value: &str) -> Self {
        ActivityValue::String(value.to_owned())
    }
}

impl From<String> for ActivityValue {
    fn from(value: String) -> Self {
        ActivityValue::String(value)
    }
}

impl From<bool> for ActivityValue {
    fn from(value: bool) -> Self {
        ActivityValue::Bool(value)
    }
}

macro_rules! activity_int {
    ($($ty:ty),*) => {$(
        impl From<$ty> for ActivityValue {
            fn from(value: $ty) -> Self {
                ActivityValue::Number(value.into())
            }
        }
    )*};
}
activity_int!(i8, i16, i32, i64, u8, u16, u32, u64);

/// The body of `trigger_inbox_notification` (schema `TriggerInboxNotificationRequestBody`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TriggerInboxNotificationRequestBody {
    /// The user to notify.
    pub user_id: String,
    /// The custom kind, `$` then 1 to 128 ASCII letters or underscores.
    pub kind: String,
    /// What the notification is about.
    pub subject_id: String,
    /// The room it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room_id: Option<String>,
    /// The activity's data.
    pub activity_data: ActivityData,
    /// The organization it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
}

/// Which notification kinds one channel delivers (schema `NotificationChannelSettings`).
///
/// ```
/// use liveblocks_core::models::notifications::NotificationChannelSettings;
///
/// let email = NotificationChannelSettings::new().thread(true).custom("$fileUploaded", false);
/// assert_eq!(
///     serde_json::to_string(&email).unwrap(),
///     r#"{"thread":true,"$fileUploaded":false}"#
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NotificationChannelSettings {
    /// Thread notifications.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thread: Option<bool>,
    /// Text mention notifications.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_mention: Option<bool>,
    /// Custom kinds (`$<name>`). Don't put `thread` or `textMention` here: they have their
    /// own fields.
    #[serde(flatten)]
    pub custom: BTreeMap<String, bool>,
}

impl NotificationChannelSettings {
    /// No kind set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Turns thread notifications on or off.
    pub fn thread(mut self, on: bool) -> Self {
        self.thread = Some(on);
        self
    }

    /// Turns text mention notifications on or off.
    pub fn text_mention(mut self, on: bool) -> Self {
        self.text_mention = Some(on);
        self
    }

    /// Turns a custom kind (`$<name>`) on or off. `thread` and `textMention` set their own
    /// fields, so no key is ever sent twice.
    pub fn custom(mut self, kind: impl Into<String>, on: bool) -> Self {
        let kind = kind.into();
        match kind.as_str() {
            "thread" => self.thread = Some(on),
            "textMention" => self.text_mention = Some(on),
            _ => {
                self.custom.insert(kind, on);
            }
        }
        self
    }

    /// Whether `kind` (`thread`, `textMention` or `$<name>`) is on, if set.
    pub fn get(&self, kind: &str) -> Option<bool> {
        match kind {
            "thread" => self.thread,
            "textMention" => self.text_mention,
            other => self.custom.get(other).copied(),
        }
    }
}

/// A user's notification settings, channel by channel (schema `NotificationSettings`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NotificationSettings {
    /// Email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<NotificationChannelSettings>,
    /// Slack.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slack: Option<NotificationChannelSettings>,
    /// Microsoft Teams.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub teams: Option<NotificationChannelSettings>,
    /// Web push.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web_push: Option<NotificationChannelSettings>,
}

/// A partial change of a user's notification settings: only the channels and kinds set are
/// changed (schema `UpdateNotificationSettingsRequestBody`).
///
/// ```
/// use liveblocks_core::models::notifications::{NotificationChannelSettings, NotificationSettingsUpdate};
///
/// let update = NotificationSettingsUpdate::new()
///     .email(NotificationChannelSettings::new().thread(true).text_mention(false));
/// assert_eq!(
///     serde_json::to_string(&update).unwrap(),
///     r#"{"email":{"thread":true,"textMention":false}}"#
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotificationSettingsUpdate {
    /// Email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<NotificationChannelSettings>,
    /// Slack.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slack: Option<NotificationChannelSettings>,
    /// Microsoft Teams.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub teams: Option<NotificationChannelSettings>,
    /// Web push.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web_push: Option<NotificationChannelSettings>,
}

impl NotificationSettingsUpdate {
    /// Changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Changes the email channel.
    pub fn email(mut self, settings: NotificationChannelSettings) -> Self {
        self.email = Some(settings);
        self
    }

    /// Changes the Slack channel.
    pub fn slack(mut self, settings: NotificationChannelSettings) -> Self {
        self.slack = Some(settings);
        self
    }

    /// Changes the Microsoft Teams channel.
    pub fn teams(mut self, settings: NotificationChannelSettings) -> Self {
        self.teams = Some(settings);
        self
    }

    /// Changes the web push channel.
    pub fn web_push(mut self, settings: NotificationChannelSettings) -> Self {
        self.web_push = Some(settings);
        self
    }
}

open_enum! {
    /// Which thread activity in a room notifies the user.
    pub enum ThreadsSubscription {
        /// Every thread.
        All = "all",
        /// Only threads the user takes part in or is mentioned in.
        RepliesAndMentions = "replies_and_mentions",
        /// None.
        None = "none",
    }
}

open_enum! {
    /// Whether text mentions in a room notify the user.
    pub enum TextMentionsSubscription {
        /// Mentions of the user.
        Mine = "mine",
        /// None.
        None = "none",
    }
}

/// A user's subscription settings in one room (schema `RoomSubscriptionSettings`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RoomSubscriptionSettings {
    /// Thread notifications.
    pub threads: ThreadsSubscription,
    /// Text mention notifications.
    pub text_mentions: TextMentionsSubscription,
}

/// A user's subscription settings in one room, with the room's ID (schema
/// `UserRoomSubscriptionSettings`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UserRoomSubscriptionSettings {
    /// The room.
    pub room_id: String,
    /// Thread notifications.
    pub threads: ThreadsSubscription,
    /// Text mention notifications.
    pub text_mentions: TextMentionsSubscription,
}

/// A partial change of a user's room subscription settings (schema
/// `UpdateRoomSubscriptionSettingsRequestBody`).
///
/// ```
/// use liveblocks_core::models::notifications::{RoomSubscriptionSettingsUpdate, ThreadsSubscription};
///
/// let update = RoomSubscriptionSettingsUpdate::new().threads(ThreadsSubscription::RepliesAndMentions);
/// assert_eq!(serde_json::to_string(&update).unwrap(), r#"{"threads":"replies_and_mentions"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoomSubscriptionSettingsUpdate {
    /// Thread notifications.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threads: Option<ThreadsSubscription>,
    /// Text mention notifications.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_mentions: Option<TextMentionsSubscription>,
}

impl RoomSubscriptionSettingsUpdate {
    /// Changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Changes thread notifications.
    pub fn threads(mut self, threads: ThreadsSubscription) -> Self {
        self.threads = Some(threads);
        self
    }

    /// Changes text mention notifications.
    pub fn text_mentions(mut self, text_mentions: TextMentionsSubscription) -> Self {
        self.text_mentions = Some(text_mentions);
        self
    }
}
