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
//!
//! Text mentions (`prepareTextMentionNotificationEmailAsHtml`, with the `yrs` feature) go the
//! same way: [`select_text_mention`] reads the mention and the text around it from the room's
//! Yjs document (Lexical or Tiptap), [`TextMentionSelection::ids_to_resolve`] and
//! [`TextMentionSelection::render`] follow; [`prepare_text_mention_notification`] does it all.

#[cfg(feature = "yrs")]
mod lexical;
#[cfg(feature = "yrs")]
mod mention_tree;
#[cfg(feature = "yrs")]
mod text_mention;
mod thread;
#[cfg(feature = "yrs")]
mod tiptap;
#[cfg(feature = "yrs")]
mod ydoc;

#[cfg(feature = "yrs")]
pub use text_mention::{
    prepare_text_mention_notification, select_text_mention, text_mention_editor,
    PrepareTextMentionError, TextMentionError, TextMentionNode, TextMentionNotificationContent,
    TextMentionSelection, TextMentionText,
};

pub use thread::{
    prepare_thread_notification, select_thread_comments, NotificationAuthor, NotificationComment,
    PrepareError, RoomInfo, ThreadNotificationContent, ThreadSelection,
};
