//! The metadata of a thread or of a comment: change some keys, get all of them back.

use super::check_metadata_update;
use crate::declare::operations;
use crate::models::comments::{CommentMetadata, MetadataUpdate, MetadataValue, ThreadMetadata};
use crate::models::Timestamp;

operations! {
    /// Changes some keys of a thread's metadata as `user_id`, and returns all of it.
    ///
    /// ```no_run
    /// # async fn run(client: liveblocks_core::Client<impl liveblocks_core::Transport + 'static>) -> Result<(), liveblocks_core::Error> {
    /// let metadata = client
    ///     .edit_thread_metadata("my-room", "th_abc123", "alice")
    ///     .metadata("priority", 2)
    ///     .remove_metadata("color")
    ///     .await?;
    /// # Ok(()) }
    /// ```
    EditThreadMetadata {
        "edit-thread-metadata", POST "/rooms/{roomId}/threads/{threadId}/metadata",
            Json -> Json ThreadMetadata;
        fn edit_thread_metadata(
            room_id: impl Into<String>,
            thread_id: impl Into<String>,
            user_id: impl Into<String>,
        );
        struct {
            room_id: String = room_id.into(),
            thread_id: String = thread_id.into(),
            update: MetadataUpdate = MetadataUpdate::new(user_id),
        }
        set {
            /// Sets one key.
            fn metadata(self, key: impl Into<String>, value: impl Into<MetadataValue>) {
                self.update = self.update.set(key, value);
            }
            /// Removes one key (sends `null`).
            fn remove_metadata(self, key: impl Into<String>) {
                self.update = self.update.remove(key);
            }
            /// When the change happened.
            fn updated_at(self, updated_at: Timestamp) {
                self.update = self.update.updated_at(updated_at);
            }
            /// Replaces all the changes at once, the acting user included.
            fn changes(self, update: MetadataUpdate) {
                self.update = update;
            }
        }
        path ["roomId" = room_id, "threadId" = thread_id];
        request(self, req) {
            check_metadata_update(Self::OPERATION.id, &self.update)?;
            req.json(&self.update)
        }
    }

    /// Changes some keys of a comment's metadata as `user_id`, and returns all of it.
    EditCommentMetadata {
        "edit-comment-metadata", POST
            "/rooms/{roomId}/threads/{threadId}/comments/{commentId}/metadata",
            Json -> Json CommentMetadata;
        fn edit_comment_metadata(
            room_id: impl Into<String>,
            thread_id: impl Into<String>,
            comment_id: impl Into<String>,
            user_id: impl Into<String>,
        );
        struct {
            room_id: String = room_id.into(),
            thread_id: String = thread_id.into(),
            comment_id: String = comment_id.into(),
            update: MetadataUpdate = MetadataUpdate::new(user_id),
        }
        set {
            /// Sets one key.
            fn metadata(self, key: impl Into<String>, value: impl Into<MetadataValue>) {
                self.update = self.update.set(key, value);
            }
            /// Removes one key (sends `null`).
            fn remove_metadata(self, key: impl Into<String>) {
                self.update = self.update.remove(key);
            }
            /// When the change happened.
            fn updated_at(self, updated_at: Timestamp) {
                self.update = self.update.updated_at(updated_at);
            }
            /// Replaces all the changes at once, the acting user included.
            fn changes(self, update: MetadataUpdate) {
                self.update = update;
            }
        }
        path ["roomId" = room_id, "threadId" = thread_id, "commentId" = comment_id];
        request(self, req) {
            check_metadata_update(Self::OPERATION.id, &self.update)?;
            req.json(&self.update)
        }
    }
}
