//! Threads: list, create, read, delete, resolve and unresolve; a thread's participants.

#![allow(deprecated)] // `GetThreadParticipants` is declared here.

use super::{check_attachments, check_full_metadata};
use crate::declare::operations;
use crate::endpoint::check_body_id;
use crate::models::comments::{
    CommentBody, CommentMetadata, CreateCommentRequestBody, CreateThreadRequestBody,
    GetThreadParticipantsResponse, GetThreadsResponse, MetadataValue, Thread, ThreadMetadata,
    ThreadVisibility, UserIdRequestBody,
};
use crate::models::Timestamp;

operations! {
    /// Lists a room's threads, optionally filtered with [`GetThreads::query`]. Not paginated.
    ///
    /// ```no_run
    /// # async fn run(client: liveblocks_core::Client<impl liveblocks_core::Transport + 'static>) -> Result<(), liveblocks_core::Error> {
    /// let threads = client
    ///     .get_threads("my-room")
    ///     .query(r#"metadata["status"]:"open" AND resolved:false"#)
    ///     .await?;
    /// for thread in &threads.data {
    ///     println!("{}: {} comments", thread.id, thread.comments.len());
    /// }
    /// # Ok(()) }
    /// ```
    GetThreads {
        "get-threads", GET "/rooms/{roomId}/threads", None -> Json GetThreadsResponse;
        query ["query"];
        fn get_threads(room_id: impl Into<String>);
        struct {
            room_id: String = room_id.into(),
            query: Option<String> = None,
        }
        set {
            /// A filter in the threads query language, on `metadata`, `resolved` and
            /// `visibility`, e.g. `metadata["status"]:"open" AND resolved:false`.
            fn query(self, query: impl Into<String>) {
                self.query = Some(query.into());
            }
        }
        path ["roomId" = room_id];
        request(self, req) {
            req.query_opt("query", self.query.as_ref())
        }
    }

    /// Creates a thread in `room_id` whose first comment is `body` by `user_id`.
    ///
    /// ```no_run
    /// # async fn run(client: liveblocks_core::Client<impl liveblocks_core::Transport + 'static>) -> Result<(), liveblocks_core::Error> {
    /// use liveblocks_core::models::comments::{CommentBlock, CommentBody, CommentInline, ThreadVisibility};
    ///
    /// let body = CommentBody::new([CommentBlock::paragraph([
    ///     CommentInline::text("Can you check this, "),
    ///     CommentInline::mention_user("bob"),
    ///     CommentInline::text("?"),
    /// ])]);
    /// let thread = client
    ///     .create_thread("my-room", "alice", body)
    ///     .metadata("status", "open")
    ///     .visibility(ThreadVisibility::Private)
    ///     .await?;
    /// # Ok(()) }
    /// ```
    CreateThread {
        "create-thread", POST "/rooms/{roomId}/threads", Json -> Json Thread;
        fn create_thread(
            room_id: impl Into<String>,
            user_id: impl Into<String>,
            body: impl Into<CommentBody>,
        );
        struct {
            room_id: String = room_id.into(),
            body: CreateThreadRequestBody = CreateThreadRequestBody {
                comment: CreateCommentRequestBody::new(user_id, body),
                metadata: None,
                visibility: None,
            },
        }
        set {
            /// Sets one key of the thread's metadata.
            fn metadata(self, key: impl Into<String>, value: impl Into<MetadataValue>) {
                self.body
                    .metadata
                    .get_or_insert_with(ThreadMetadata::new)
                    .insert(key.into(), value.into());
            }
            /// Who can see the thread (public when not set).
            fn visibility(self, visibility: ThreadVisibility) {
                self.body.visibility = Some(visibility);
            }
            /// When the first comment was written.
            fn created_at(self, created_at: Timestamp) {
                self.body.comment.created_at = Some(created_at);
            }
            /// Sets one key of the first comment's metadata.
            fn comment_metadata(self, key: impl Into<String>, value: impl Into<MetadataValue>) {
                self.body
                    .comment
                    .metadata
                    .get_or_insert_with(CommentMetadata::new)
                    .insert(key.into(), value.into());
            }
            /// Attaches uploaded attachments (at most 10) to the first comment.
            fn attachment_ids(self, ids: impl IntoIterator<Item = impl Into<String>>) {
                self.body.comment.attachment_ids = Some(ids.into_iter().map(Into::into).collect());
            }
            /// Replaces the whole new thread at once, its first comment's author and content
            /// included.
            fn thread(self, thread: CreateThreadRequestBody) {
                self.body = thread;
            }
        }
        path ["roomId" = room_id];
        request(self, req) {
            let id = Self::OPERATION.id;
            let comment = &self.body.comment;
            check_body_id(id, "userId", &comment.user_id)?;
            check_full_metadata(id, self.body.metadata.as_ref())?;
            check_full_metadata(id, comment.metadata.as_ref())?;
            check_attachments(id, comment.attachment_ids.as_ref())?;
            req.json(&self.body)
        }
    }

    /// Reads a thread with its comments.
    GetThread {
        "get-thread", GET "/rooms/{roomId}/threads/{threadId}", None -> Json Thread;
        fn get_thread(room_id: impl Into<String>, thread_id: impl Into<String>);
        struct {
            room_id: String = room_id.into(),
            thread_id: String = thread_id.into(),
        }
        path ["roomId" = room_id, "threadId" = thread_id];
    }

    /// Deletes a thread and its comments.
    DeleteThread {
        "delete-thread", DELETE "/rooms/{roomId}/threads/{threadId}", None -> None ();
        fn delete_thread(room_id: impl Into<String>, thread_id: impl Into<String>);
        struct {
            room_id: String = room_id.into(),
            thread_id: String = thread_id.into(),
        }
        path ["roomId" = room_id, "threadId" = thread_id];
    }

    /// Lists a thread's participants: its authors and the users mentioned in it.
    ///
    /// Deprecated by the API in favour of thread subscriptions: use
    /// [`GetThreadSubscriptions`](super::GetThreadSubscriptions) to find who follows a thread.
    #[deprecated(note = "use GetThreadSubscriptions (Client::get_thread_subscriptions) instead")]
    GetThreadParticipants {
        "get-thread-participants", GET "/rooms/{roomId}/threads/{threadId}/participants",
            None -> Json GetThreadParticipantsResponse;
        fn get_thread_participants(room_id: impl Into<String>, thread_id: impl Into<String>);
        struct {
            room_id: String = room_id.into(),
            thread_id: String = thread_id.into(),
        }
        path ["roomId" = room_id, "threadId" = thread_id];
    }

    /// Marks a thread as resolved by `user_id`.
    MarkThreadAsResolved {
        "mark-thread-as-resolved", POST "/rooms/{roomId}/threads/{threadId}/mark-as-resolved",
            Json -> Json Thread;
        fn mark_thread_as_resolved(
            room_id: impl Into<String>,
            thread_id: impl Into<String>,
            user_id: impl Into<String>,
        );
        struct {
            room_id: String = room_id.into(),
            thread_id: String = thread_id.into(),
            body: UserIdRequestBody = UserIdRequestBody { user_id: user_id.into() },
        }
        path ["roomId" = room_id, "threadId" = thread_id];
        request(self, req) {
            check_body_id(Self::OPERATION.id, "userId", &self.body.user_id)?;
            req.json(&self.body)
        }
    }

    /// Marks a thread as unresolved by `user_id`.
    MarkThreadAsUnresolved {
        "mark-thread-as-unresolved", POST
            "/rooms/{roomId}/threads/{threadId}/mark-as-unresolved",
            Json -> Json Thread;
        fn mark_thread_as_unresolved(
            room_id: impl Into<String>,
            thread_id: impl Into<String>,
            user_id: impl Into<String>,
        );
        struct {
            room_id: String = room_id.into(),
            thread_id: String = thread_id.into(),
            body: UserIdRequestBody = UserIdRequestBody { user_id: user_id.into() },
        }
        path ["roomId" = room_id, "threadId" = thread_id];
        request(self, req) {
            check_body_id(Self::OPERATION.id, "userId", &self.body.user_id)?;
            req.json(&self.body)
        }
    }
}
