//! What an e-mail about a `notification` webhook event needs, in the spirit of
//! `@liveblocks/emails` (`prepareThreadNotificationEmailAsHtml`).
//!
//! Sans-IO in three steps, so it runs with any transport and in a Worker:
//!
//! 1. fetch what [`ThreadNotificationEvent`](crate::webhooks::ThreadNotificationData) names
//!    (`get_thread`, `get_inbox_notification`), then [`select_thread_comments`] picks the
//!    comments to show (unread, not the user's own, or the last one mentioning the user);
//! 2. if it picked any, fetch the user's groups (`get_user_groups`, for group mentions) and
//!    resolve the names [`ThreadSelection::ids_to_resolve`] lists, with your resolvers;
//! 3. [`ThreadSelection::render`] assembles the content with HTML bodies.
//!
//! [`prepare_thread_notification`] does all three with a [`Client`](crate::Client).

mod thread;

pub use thread::{
    prepare_thread_notification, select_thread_comments, NotificationAuthor, NotificationComment,
    PrepareError, RoomInfo, ThreadNotificationContent, ThreadSelection,
};
