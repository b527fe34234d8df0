//! Notifications: inbox notifications, notification settings, room subscription settings.

use liveblocks_core::models::notifications::*;
use liveblocks_core::models::Page;

use super::Registry;

pub fn register(r: &mut Registry) {
    r.schema::<InboxNotificationThreadData>("InboxNotificationThreadData");
    r.schema::<InboxNotificationCustomData>("InboxNotificationCustomData");
    r.schema::<InboxNotificationActivity>("InboxNotificationActivity");
    r.schema::<Page<InboxNotification>>("GetInboxNotificationsResponse");
    r.schema::<TriggerInboxNotificationRequestBody>("TriggerInboxNotificationRequestBody");
    r.schema::<NotificationChannelSettings>("NotificationChannelSettings");
    r.schema::<NotificationSettings>("NotificationSettings");
    r.schema::<NotificationSettingsUpdate>("UpdateNotificationSettingsRequestBody");
    r.schema::<RoomSubscriptionSettings>("RoomSubscriptionSettings");
    r.schema::<UserRoomSubscriptionSettings>("UserRoomSubscriptionSettings");
    r.schema::<RoomSubscriptionSettingsUpdate>("UpdateRoomSubscriptionSettingsRequestBody");
    r.schema::<Page<UserRoomSubscriptionSettings>>("GetRoomSubscriptionSettingsResponse");
}
