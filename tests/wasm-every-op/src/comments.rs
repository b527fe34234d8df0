//! Comments, attachments, notifications and groups.

#![allow(deprecated)] // The deprecated room notification settings are operations too.

use liveblocks_wasm::liveblocks_core::models::attachments::AttachmentMultipartPart;
use liveblocks_wasm::liveblocks_core::models::comments::CommentBody;
use liveblocks_wasm::Client;

use crate::{empty, json, Args, Failure, Reply};

/// The answer of `operation` if it is one of this module's.
pub(crate) async fn route(c: &Client, operation: &str, a: &Args) -> Reply {
    let room = || a.s("roomId");
    let thread = || a.s("threadId");
    let comment = || a.s("commentId");
    let user = || a.s("userId");
    let attachment = || a.s("attachmentId");
    let body = || a.get::<CommentBody>("body");
    match operation {
        // Threads.
        "get-threads" => json(c.get_threads(room()?).await),
        "create-thread" => json(c.create_thread(room()?, user()?, body()?).await),
        "get-thread" => json(c.get_thread(room()?, thread()?).await),
        "delete-thread" => empty(c.delete_thread(room()?, thread()?).await),
        "get-thread-participants" => json(c.get_thread_participants(room()?, thread()?).await),
        "mark-thread-as-resolved" => {
            json(c.mark_thread_as_resolved(room()?, thread()?, user()?).await)
        }
        "mark-thread-as-unresolved" => json(
            c.mark_thread_as_unresolved(room()?, thread()?, user()?)
                .await,
        ),
        "edit-thread-metadata" => json(c.edit_thread_metadata(room()?, thread()?, user()?).await),
        // Comments.
        "create-comment" => json(c.create_comment(room()?, thread()?, user()?, body()?).await),
        "get-comment" => json(c.get_comment(room()?, thread()?, comment()?).await),
        "edit-comment" => json(
            c.edit_comment(room()?, thread()?, comment()?, body()?)
                .await,
        ),
        "delete-comment" => empty(c.delete_comment(room()?, thread()?, comment()?).await),
        "edit-comment-metadata" => json(
            c.edit_comment_metadata(room()?, thread()?, comment()?, user()?)
                .await,
        ),
        "add-comment-reaction" => json(
            c.add_comment_reaction(room()?, thread()?, comment()?, user()?, a.s("emoji")?)
                .await,
        ),
        "remove-comment-reaction" => empty(
            c.remove_comment_reaction(room()?, thread()?, comment()?, user()?, a.s("emoji")?)
                .await,
        ),
        // Thread subscriptions.
        "subscribe-to-thread" => json(c.subscribe_to_thread(room()?, thread()?, user()?).await),
        "unsubscribe-from-thread" => {
            empty(c.unsubscribe_from_thread(room()?, thread()?, user()?).await)
        }
        "get-thread-subscriptions" => json(c.get_thread_subscriptions(room()?, thread()?).await),
        "get-thread-inbox-notifications" => {
            json(c.get_thread_inbox_notifications(room()?, thread()?).await)
        }
        // Attachments.
        "get-attachment" => json(c.get_attachment(room()?, attachment()?).await),
        "upload-attachment" => json(
            c.upload_attachment(room()?, attachment()?, a.s("name")?, user()?, a.bytes()?)
                .await,
        ),
        "create-attachment-multipart-upload" => json(
            c.create_attachment_multipart_upload(room()?, attachment()?, a.s("name")?)
                .await,
        ),
        "upload-attachment-multipart-part" => json(
            c.upload_attachment_multipart_part(
                room()?,
                attachment()?,
                a.s("uploadId")?,
                a.get("partNumber")?,
                a.bytes()?,
            )
            .await,
        ),
        "complete-attachment-multipart-upload" => json(
            c.complete_attachment_multipart_upload(
                room()?,
                attachment()?,
                a.s("uploadId")?,
                user()?,
                a.get::<Vec<AttachmentMultipartPart>>("parts")?,
            )
            .await,
        ),
        "abort-attachment-multipart-upload" => empty(
            c.abort_attachment_multipart_upload(room()?, attachment()?, a.s("uploadId")?)
                .await,
        ),
        // Notifications.
        "get-inbox-notification" => json(
            c.get_inbox_notification(user()?, a.s("inboxNotificationId")?)
                .await,
        ),
        "delete-inbox-notification" => empty(
            c.delete_inbox_notification(user()?, a.s("inboxNotificationId")?)
                .await,
        ),
        "delete-all-inbox-notifications" => empty(c.delete_all_inbox_notifications(user()?).await),
        "get-inbox-notifications" => json(c.get_inbox_notifications(user()?).await),
        "get-notification-settings" => json(c.get_notification_settings(user()?).await),
        "update-notification-settings" => json(c.update_notification_settings(user()?).await),
        "delete-notification-settings" => empty(c.delete_notification_settings(user()?).await),
        "get-room-subscription-settings" => {
            json(c.get_room_subscription_settings(room()?, user()?).await)
        }
        "update-room-subscription-settings" => {
            json(c.update_room_subscription_settings(room()?, user()?).await)
        }
        "delete-room-subscription-settings" => {
            empty(c.delete_room_subscription_settings(room()?, user()?).await)
        }
        "get-user-room-subscription-settings" => {
            json(c.get_user_room_subscription_settings(user()?).await)
        }
        "get-room-notification-settings" => {
            json(c.get_room_notification_settings(room()?, user()?).await)
        }
        "update-room-notification-settings" => {
            json(c.update_room_notification_settings(room()?, user()?).await)
        }
        "delete-room-notification-settings" => {
            empty(c.delete_room_notification_settings(room()?, user()?).await)
        }
        "trigger-inbox-notification" => empty(
            c.trigger_inbox_notification(user()?, a.s("kind")?, a.s("subjectId")?)
                .await,
        ),
        "mark-inbox-notification-as-read" => empty(
            c.mark_inbox_notification_as_read(a.s("inboxNotificationId")?)
                .await,
        ),
        // Groups.
        "create-group" => json(c.create_group(a.s("groupId")?).await),
        "get-groups" => json(c.get_groups().await),
        "get-group" => json(c.get_group(a.s("groupId")?).await),
        "delete-group" => empty(c.delete_group(a.s("groupId")?).await),
        "add-group-members" => json(
            c.add_group_members(a.s("groupId")?, a.get::<Vec<String>>("memberIds")?)
                .await,
        ),
        "remove-group-members" => json(
            c.remove_group_members(a.s("groupId")?, a.get::<Vec<String>>("memberIds")?)
                .await,
        ),
        "get-user-groups" => json(c.get_user_groups(user()?).await),
        _ => Err(Failure::Unknown),
    }
}
