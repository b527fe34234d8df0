//! The events a webhook delivers, as `@liveblocks/node` 3.24 declares them.

use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;

pub use super::data::*;
use super::WebhookError;

/// One webhook event, told apart by its `type`.
///
/// Every event `@liveblocks/node` 3.24 declares is a variant; a type this version doesn't
/// know (and a notification of a kind that is neither `thread`, `textMention` nor `$...`) is
/// kept as sent in [`WebhookEvent::Unknown`], so a new event never breaks your endpoint.
///
/// ```
/// use liveblocks_core::webhooks::WebhookEvent;
///
/// let event = WebhookEvent::from_json(r#"{"type":"notification","data":{"channel":"email",
///     "kind":"thread","projectId":"p","roomId":"r","userId":"u","threadId":"th_1",
///     "inboxNotificationId":"in_1","createdAt":"2024-01-01T00:00:00.000Z",
///     "triggeredAt":"2024-01-01T00:00:00.000Z"}}"#)?;
/// assert!(event.is_thread_notification());
/// assert_eq!(event.room_id(), Some("r"));
/// let unknown = WebhookEvent::from_json(r#"{"type":"somethingNew","data":{}}"#)?;
/// assert!(unknown.is_unknown());
/// # Ok::<(), liveblocks_core::webhooks::WebhookError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum WebhookEvent {
    /// `storageUpdated`.
    StorageUpdated(StorageUpdatedData),
    /// `userEntered`.
    UserEntered(UserEnteredData),
    /// `userLeft`.
    UserLeft(UserLeftData),
    /// `roomCreated`.
    RoomCreated(RoomCreatedData),
    /// `roomDeleted`.
    RoomDeleted(RoomDeletedData),
    /// `commentCreated`.
    CommentCreated(CommentCreatedData),
    /// `commentEdited`.
    CommentEdited(CommentEditedData),
    /// `commentDeleted`.
    CommentDeleted(CommentDeletedData),
    /// `commentReactionAdded`.
    CommentReactionAdded(CommentReactionAddedData),
    /// `commentReactionRemoved`.
    CommentReactionRemoved(CommentReactionRemovedData),
    /// `commentMetadataUpdated`.
    CommentMetadataUpdated(CommentMetadataUpdatedData),
    /// `threadMetadataUpdated`.
    ThreadMetadataUpdated(ThreadUpdatedData),
    /// `threadCreated`.
    ThreadCreated(ThreadCreatedData),
    /// `threadDeleted`.
    ThreadDeleted(ThreadDeletedData),
    /// `threadMarkedAsResolved`.
    ThreadMarkedAsResolved(ThreadUpdatedData),
    /// `threadMarkedAsUnresolved`.
    ThreadMarkedAsUnresolved(ThreadUpdatedData),
    /// `ydocUpdated`.
    YDocUpdated(YDocUpdatedData),
    /// `notification`, of kind `thread`, `textMention` or `$custom`.
    Notification(NotificationEvent),
    /// Any other event (or notification kind), as received.
    Unknown(Value),
}

/// The event types `@liveblocks/node` 3.24 knows, in its order.
pub const KNOWN_EVENT_TYPES: [&str; 18] = [
    "storageUpdated",
    "userEntered",
    "userLeft",
    "roomCreated",
    "roomDeleted",
    "commentCreated",
    "commentEdited",
    "commentDeleted",
    "commentReactionAdded",
    "commentReactionRemoved",
    "commentMetadataUpdated",
    "threadMetadataUpdated",
    "threadCreated",
    "threadDeleted",
    "ydocUpdated",
    "notification",
    "threadMarkedAsResolved",
    "threadMarkedAsUnresolved",
];

/// A `notification` event: a user should be told about something on a channel.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum NotificationEvent {
    /// Kind `thread`: new comments in a thread the user takes part in.
    Thread(ThreadNotificationData),
    /// Kind `textMention`: the user was mentioned in a text editor.
    TextMention(TextMentionNotificationData),
    /// Kind `$<name>`: a custom notification your back end triggered.
    Custom(CustomNotificationData),
}

impl NotificationEvent {
    /// The kind as sent: `thread`, `textMention` or `$<name>`.
    pub fn kind(&self) -> &str {
        match self {
            NotificationEvent::Thread(d) => &d.kind,
            NotificationEvent::TextMention(d) => &d.kind,
            NotificationEvent::Custom(d) => &d.kind,
        }
    }

    /// The user to notify.
    pub fn user_id(&self) -> &str {
        match self {
            NotificationEvent::Thread(d) => &d.user_id,
            NotificationEvent::TextMention(d) => &d.user_id,
            NotificationEvent::Custom(d) => &d.user_id,
        }
    }

    /// The channel to notify on.
    pub fn channel(&self) -> &NotificationChannel {
        match self {
            NotificationEvent::Thread(d) => &d.channel,
            NotificationEvent::TextMention(d) => &d.channel,
            NotificationEvent::Custom(d) => &d.channel,
        }
    }

    /// The inbox notification's ID.
    pub fn inbox_notification_id(&self) -> &str {
        match self {
            NotificationEvent::Thread(d) => &d.inbox_notification_id,
            NotificationEvent::TextMention(d) => &d.inbox_notification_id,
            NotificationEvent::Custom(d) => &d.inbox_notification_id,
        }
    }
}

/// Calls `$m!(Variant, "wireType")` for every known non-notification event.
macro_rules! for_each_simple_event {
    ($m:ident) => {
        $m! {
            StorageUpdated = "storageUpdated",
            UserEntered = "userEntered",
            UserLeft = "userLeft",
            RoomCreated = "roomCreated",
            RoomDeleted = "roomDeleted",
            CommentCreated = "commentCreated",
            CommentEdited = "commentEdited",
            CommentDeleted = "commentDeleted",
            CommentReactionAdded = "commentReactionAdded",
            CommentReactionRemoved = "commentReactionRemoved",
            CommentMetadataUpdated = "commentMetadataUpdated",
            ThreadMetadataUpdated = "threadMetadataUpdated",
            ThreadCreated = "threadCreated",
            ThreadDeleted = "threadDeleted",
            ThreadMarkedAsResolved = "threadMarkedAsResolved",
            ThreadMarkedAsUnresolved = "threadMarkedAsUnresolved",
            YDocUpdated = "ydocUpdated",
        }
    };
}

impl WebhookEvent {
    /// Decodes an event from its JSON text (what [`WebhookHandler::verify`] does after the
    /// checks).
    ///
    /// [`WebhookHandler::verify`]: super::WebhookHandler::verify
    pub fn from_json(json: &str) -> Result<Self, WebhookError> {
        let value: Value = serde_json::from_str(json).map_err(|e| WebhookError::InvalidBody {
            reason: e.to_string(),
        })?;
        Self::from_value(value)
    }

    /// Decodes an event from JSON already parsed.
    pub fn from_value(value: Value) -> Result<Self, WebhookError> {
        let Some(event_type) = value.get("type").and_then(Value::as_str) else {
            return Ok(WebhookEvent::Unknown(value));
        };
        let event_type = event_type.to_owned();
        let invalid = |e: serde_json::Error| WebhookError::InvalidEvent {
            event_type: event_type.clone(),
            reason: e.to_string(),
        };
        let data = || value.get("data").cloned().unwrap_or(Value::Null);
        macro_rules! decode {
            ($($variant:ident = $wire:literal,)*) => {
                match event_type.as_str() {
                    $($wire => return decode_data(data()).map(WebhookEvent::$variant).map_err(invalid),)*
                    _ => {}
                }
            };
        }
        for_each_simple_event!(decode);
        if event_type != "notification" {
            return Ok(WebhookEvent::Unknown(value));
        }
        let data = data();
        let notification = match data.get("kind") {
            Some(Value::String(kind)) if kind == "thread" => {
                decode_data(data).map(NotificationEvent::Thread)
            }
            Some(Value::String(kind)) if kind == "textMention" => {
                decode_data(data).map(NotificationEvent::TextMention)
            }
            Some(Value::String(kind)) if kind.starts_with('$') => {
                decode_data(data).map(NotificationEvent::Custom)
            }
            _ if data.is_object() => return Ok(WebhookEvent::Unknown(value)),
            _ => {
                return Err(WebhookError::InvalidEvent {
                    event_type,
                    reason: "`data` is not an object".to_owned(),
                })
            }
        };
        notification
            .map(WebhookEvent::Notification)
            .map_err(invalid)
    }

    /// The event's `type` as sent (`""` for an unknown event without a string `type`).
    pub fn event_type(&self) -> &str {
        macro_rules! wire {
            ($($variant:ident = $wire:literal,)*) => {
                match self {
                    $(WebhookEvent::$variant(_) => $wire,)*
                    WebhookEvent::Notification(_) => "notification",
                    WebhookEvent::Unknown(raw) => raw.get("type").and_then(Value::as_str).unwrap_or(""),
                }
            };
        }
        for_each_simple_event!(wire)
    }

    /// The room the event is about (`None` for a custom notification without a room).
    pub fn room_id(&self) -> Option<&str> {
        macro_rules! room {
            ($($variant:ident = $wire:literal,)*) => {
                match self {
                    $(WebhookEvent::$variant(d) => Some(&d.room_id),)*
                    WebhookEvent::Notification(NotificationEvent::Thread(d)) => Some(&d.room_id),
                    WebhookEvent::Notification(NotificationEvent::TextMention(d)) => Some(&d.room_id),
                    WebhookEvent::Notification(NotificationEvent::Custom(d)) => d.room_id.as_deref(),
                    WebhookEvent::Unknown(raw) => raw.get("data")?.get("roomId")?.as_str(),
                }
            };
        }
        for_each_simple_event!(room)
    }

    /// The project the event belongs to.
    pub fn project_id(&self) -> Option<&str> {
        macro_rules! project {
            ($($variant:ident = $wire:literal,)*) => {
                match self {
                    $(WebhookEvent::$variant(d) => Some(&d.project_id),)*
                    WebhookEvent::Notification(NotificationEvent::Thread(d)) => Some(&d.project_id),
                    WebhookEvent::Notification(NotificationEvent::TextMention(d)) => Some(&d.project_id),
                    WebhookEvent::Notification(NotificationEvent::Custom(d)) => Some(&d.project_id),
                    WebhookEvent::Unknown(raw) => raw.get("data")?.get("projectId")?.as_str(),
                }
            };
        }
        for_each_simple_event!(project)
    }

    /// The thread the event is about, if any.
    pub fn thread_id(&self) -> Option<&str> {
        match self {
            WebhookEvent::CommentCreated(d) => Some(&d.thread_id),
            WebhookEvent::CommentEdited(d) => Some(&d.thread_id),
            WebhookEvent::CommentDeleted(d) => Some(&d.thread_id),
            WebhookEvent::CommentReactionAdded(d) => Some(&d.thread_id),
            WebhookEvent::CommentReactionRemoved(d) => Some(&d.thread_id),
            WebhookEvent::CommentMetadataUpdated(d) => Some(&d.thread_id),
            WebhookEvent::ThreadMetadataUpdated(d)
            | WebhookEvent::ThreadMarkedAsResolved(d)
            | WebhookEvent::ThreadMarkedAsUnresolved(d) => Some(&d.thread_id),
            WebhookEvent::ThreadCreated(d) => Some(&d.thread_id),
            WebhookEvent::ThreadDeleted(d) => Some(&d.thread_id),
            WebhookEvent::Notification(NotificationEvent::Thread(d)) => Some(&d.thread_id),
            WebhookEvent::Unknown(raw) => raw.get("data")?.get("threadId")?.as_str(),
            _ => None,
        }
    }

    /// True for a `notification` of kind `thread`.
    pub fn is_thread_notification(&self) -> bool {
        matches!(
            self,
            WebhookEvent::Notification(NotificationEvent::Thread(_))
        )
    }

    /// True for a `notification` of kind `textMention`.
    pub fn is_text_mention_notification(&self) -> bool {
        matches!(
            self,
            WebhookEvent::Notification(NotificationEvent::TextMention(_))
        )
    }

    /// True for a `notification` of a custom kind.
    pub fn is_custom_notification(&self) -> bool {
        matches!(
            self,
            WebhookEvent::Notification(NotificationEvent::Custom(_))
        )
    }

    /// True for an event this version doesn't know.
    pub fn is_unknown(&self) -> bool {
        matches!(self, WebhookEvent::Unknown(_))
    }

    /// The notification, for a `notification` event.
    pub fn as_notification(&self) -> Option<&NotificationEvent> {
        match self {
            WebhookEvent::Notification(n) => Some(n),
            _ => None,
        }
    }
}

fn decode_data<T: serde::de::DeserializeOwned>(data: Value) -> Result<T, serde_json::Error> {
    serde_path_to_error::deserialize(data).map_err(|e| {
        let path = e.path().to_string();
        serde::de::Error::custom(format!("at data.{path}: {}", e.into_inner()))
    })
}

impl Serialize for WebhookEvent {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Tagged<'a, D> {
            #[serde(rename = "type")]
            event_type: &'a str,
            data: D,
        }
        macro_rules! ser {
            ($($variant:ident = $wire:literal,)*) => {
                match self {
                    $(WebhookEvent::$variant(d) => Tagged { event_type: $wire, data: d }.serialize(serializer),)*
                    WebhookEvent::Notification(n) => {
                        let event_type = "notification";
                        match n {
                            NotificationEvent::Thread(d) => Tagged { event_type, data: d }.serialize(serializer),
                            NotificationEvent::TextMention(d) => Tagged { event_type, data: d }.serialize(serializer),
                            NotificationEvent::Custom(d) => Tagged { event_type, data: d }.serialize(serializer),
                        }
                    }
                    WebhookEvent::Unknown(raw) => raw.serialize(serializer),
                }
            };
        }
        for_each_simple_event!(ser)
    }
}

impl<'de> Deserialize<'de> for WebhookEvent {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        WebhookEvent::from_value(value).map_err(serde::de::Error::custom)
    }
}
