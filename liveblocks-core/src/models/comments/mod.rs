//! Comments: threads, comments and their rich-text bodies, reactions, metadata, thread
//! subscriptions and a thread's inbox notifications.
//!
//! Attachment types live in [`super::attachments`].

mod body;
mod metadata;
mod requests;
mod responses;
mod threads;

pub use body::*;
pub use metadata::*;
pub use requests::*;
pub use responses::*;
pub use threads::*;

use crate::models::open_enum;

open_enum! {
    /// Who can see a thread.
    pub enum ThreadVisibility {
        /// Everyone with comments access to the room (`public`, the default).
        Public = "public",
        /// Only users with private comments access (`private`).
        Private = "private",
    }
}

open_enum! {
    /// What a subscription is about.
    pub enum SubscriptionKind {
        /// A thread (`thread`).
        Thread = "thread",
    }
}

open_enum! {
    /// Whom a mention in a comment points at.
    pub enum MentionKind {
        /// One user (`user`).
        User = "user",
        /// A group (`group`).
        Group = "group",
    }
}
