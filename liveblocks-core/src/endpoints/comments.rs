//! Comments: threads, comments, reactions, metadata, thread subscriptions and a thread's
//! inbox notifications. Attachments are in [`super::attachments`].

use http::Method;

use crate::call::Call;
use crate::client::{call_setters, Client};
use crate::config::Config;
use crate::endpoint::{
    check_not_empty, decode_json, ignore_body, op, path_endpoint, BodyKind, Endpoint, Operation,
    RequestBuilder,
};
use crate::error::Error;
use crate::models::comments::{
    AddCommentReactionRequestBody, Comment, CommentBody, CommentMetadata, CommentReaction,
    CreateCommentRequestBody, CreateThreadRequestBody, EditCommentRequestBody,
    GetThreadInboxNotificationsResponse, GetThreadParticipantsResponse,
    GetThreadSubscriptionsResponse, GetThreadsResponse, MetadataUpdate, MetadataValue,
    RemoveCommentReactionRequestBody, Subscription, Thread, ThreadMetadata, ThreadVisibility,
    UserIdRequestBody,
};
use crate::models::Timestamp;
use crate::transport::{HttpRequest, HttpResponse};

/// Every operation of this domain (attachments excluded, see
/// [`attachments::OPERATIONS`](super::attachments::OPERATIONS)).
#[allow(deprecated)]
pub const OPERATIONS: &[Operation] = &[
    GetThreads::OPERATION,
    CreateThread::OPERATION,
    GetThread::OPERATION,
    DeleteThread::OPERATION,
    GetThreadParticipants::OPERATION,
    EditThreadMetadata::OPERATION,
    MarkThreadAsResolved::OPERATION,
    MarkThreadAsUnresolved::OPERATION,
    SubscribeToThread::OPERATION,
    UnsubscribeFromThread::OPERATION,
    GetThreadSubscriptions::OPERATION,
    CreateComment::OPERATION,
    GetComment::OPERATION,
    EditComment::OPERATION,
    DeleteComment::OPERATION,
    AddCommentReaction::OPERATION,
    RemoveCommentReaction::OPERATION,
    EditCommentMetadata::OPERATION,
    GetThreadInboxNotifications::OPERATION,
];

/// The most metadata keys a thread or comment can have.
const MAX_METADATA_KEYS: usize = 50;
/// The longest metadata key, in UTF-16 units (JavaScript string length).
const MAX_METADATA_KEY_LEN: usize = 40;
/// The longest metadata string value, in UTF-16 units.
const MAX_METADATA_STRING_LEN: usize = 4000;
/// The most attachments a comment can have.
const MAX_ATTACHMENTS: usize = 10;

/// Rejects metadata the server would refuse: too many keys (when `whole` is the full set),
/// keys or string values too long.
fn check_metadata<'a>(
    operation: &str,
    whole: bool,
    entries: impl ExactSizeIterator<Item = (&'a String, Option<&'a MetadataValue>)>,
) -> Result<(), Error> {
    if whole && entries.len() > MAX_METADATA_KEYS {
        return Err(Error::invalid_input(format!(
            "metadata has {} keys, at most {MAX_METADATA_KEYS} are allowed ({operation})",
            entries.len()
        )));
    }
    for (key, value) in entries {
        if key.encode_utf16().count() > MAX_METADATA_KEY_LEN {
            return Err(Error::invalid_input(format!(
                "metadata key {key:?} is longer than {MAX_METADATA_KEY_LEN} characters ({operation})"
            )));
        }
        if let Some(MetadataValue::String(s)) = value {
            if s.encode_utf16().count() > MAX_METADATA_STRING_LEN {
                return Err(Error::invalid_input(format!(
                    "metadata value of {key:?} is longer than {MAX_METADATA_STRING_LEN} characters ({operation})"
                )));
            }
        }
    }
    Ok(())
}

fn check_full_metadata(
    operation: &str,
    metadata: Option<&std::collections::BTreeMap<String, MetadataValue>>,
) -> Result<(), Error> {
    match metadata {
        Some(metadata) => {
            check_metadata(operation, true, metadata.iter().map(|(k, v)| (k, Some(v))))
        }
        None => Ok(()),
    }
}

fn check_attachments(operation: &str, ids: Option<&Vec<String>>) -> Result<(), Error> {
    match ids {
        Some(ids) if ids.len() > MAX_ATTACHMENTS => Err(Error::invalid_input(format!(
            "{} attachments, at most {MAX_ATTACHMENTS} are allowed ({operation})",
            ids.len()
        ))),
        Some(ids) if ids.iter().any(String::is_empty) => Err(Error::invalid_input(format!(
            "attachment IDs must not be empty ({operation})"
        ))),
        _ => Ok(()),
    }
}

/// Declares a thread endpoint whose body is just `{"userId"}`.
macro_rules! thread_user_endpoint {
    (
        $(#[$meta:meta])*
        $name:ident, $id:literal, $path:literal, $response:ident, $output:ty, $parse:expr
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $name {
            room_id: String,
            thread_id: String,
            body: UserIdRequestBody,
        }

        impl $name {
            /// The endpoint for this thread, acting as `user_id`.
            pub fn new(
                room_id: impl Into<String>,
                thread_id: impl Into<String>,
                user_id: impl Into<String>,
            ) -> Self {
                $name {
                    room_id: room_id.into(),
                    thread_id: thread_id.into(),
                    body: UserIdRequestBody { user_id: user_id.into() },
                }
            }
        }

        impl Endpoint for $name {
            type Output = $output;
            const OPERATION: Operation =
                op($id, Method::POST, $path, &[], BodyKind::Json, BodyKind::$response);

            fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
                check_not_empty(Self::OPERATION.id, "userId", &self.body.user_id)?;
                RequestBuilder::new(config, &Self::OPERATION)
                    .path_param("roomId", &self.room_id)
                    .path_param("threadId", &self.thread_id)
                    .json(&self.body)
                    .build()
            }

            fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
                $parse(response)
            }
        }
    };
}

// ---------------------------------------------------------------------------------------
// Threads
// ---------------------------------------------------------------------------------------

/// Lists a room's threads (`GET /v2/rooms/{roomId}/threads`). Not paginated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetThreads {
    room_id: String,
    query: Option<String>,
}

impl GetThreads {
    /// Every thread of `room_id`.
    pub fn new(room_id: impl Into<String>) -> Self {
        GetThreads {
            room_id: room_id.into(),
            query: None,
        }
    }

    /// A filter in the threads query language, on `metadata`, `resolved` and `visibility`,
    /// e.g. `metadata["status"]:"open" AND resolved:false`.
    pub fn query(mut self, query: impl Into<String>) -> Self {
        self.query = Some(query.into());
        self
    }
}

call_setters!(GetThreads { query(query: impl Into<String>) });

impl Endpoint for GetThreads {
    type Output = GetThreadsResponse;
    const OPERATION: Operation = op(
        "get-threads",
        Method::GET,
        "/rooms/{roomId}/threads",
        &["query"],
        BodyKind::None,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("roomId", &self.room_id)
            .query_opt("query", self.query.as_ref())
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

/// Creates a thread with its first comment (`POST /v2/rooms/{roomId}/threads`).
#[derive(Debug, Clone, PartialEq)]
pub struct CreateThread {
    room_id: String,
    body: CreateThreadRequestBody,
}

impl CreateThread {
    /// A thread in `room_id` whose first comment is `body` by `user_id`.
    pub fn new(
        room_id: impl Into<String>,
        user_id: impl Into<String>,
        body: impl Into<CommentBody>,
    ) -> Self {
        Self::from_body(
            room_id,
            CreateThreadRequestBody {
                comment: CreateCommentRequestBody::new(user_id, body),
                metadata: None,
                visibility: None,
            },
        )
    }

    /// A thread in `room_id` from a complete request body.
    pub fn from_body(room_id: impl Into<String>, body: CreateThreadRequestBody) -> Self {
        CreateThread {
            room_id: room_id.into(),
            body,
        }
    }

    /// Sets one key of the thread's metadata.
    pub fn metadata(mut self, key: impl Into<String>, value: impl Into<MetadataValue>) -> Self {
        self.body
            .metadata
            .get_or_insert_with(ThreadMetadata::new)
            .insert(key.into(), value.into());
        self
    }

    /// Who can see the thread (public when not set).
    pub fn visibility(mut self, visibility: ThreadVisibility) -> Self {
        self.body.visibility = Some(visibility);
        self
    }

    /// When the first comment was written.
    pub fn created_at(mut self, created_at: Timestamp) -> Self {
        self.body.comment.created_at = Some(created_at);
        self
    }

    /// Sets one key of the first comment's metadata.
    pub fn comment_metadata(
        mut self,
        key: impl Into<String>,
        value: impl Into<MetadataValue>,
    ) -> Self {
        self.body
            .comment
            .metadata
            .get_or_insert_with(CommentMetadata::new)
            .insert(key.into(), value.into());
        self
    }

    /// Attaches uploaded attachments (at most 10) to the first comment.
    pub fn attachment_ids(mut self, ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.body.comment.attachment_ids = Some(ids.into_iter().map(Into::into).collect());
        self
    }
}

call_setters!(CreateThread {
    metadata(key: impl Into<String>, value: impl Into<MetadataValue>),
    visibility(visibility: ThreadVisibility),
    created_at(created_at: Timestamp),
    comment_metadata(key: impl Into<String>, value: impl Into<MetadataValue>),
    attachment_ids(ids: impl IntoIterator<Item = impl Into<String>>),
});

impl Endpoint for CreateThread {
    type Output = Thread;
    const OPERATION: Operation = op(
        "create-thread",
        Method::POST,
        "/rooms/{roomId}/threads",
        &[],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        let id = Self::OPERATION.id;
        let comment = &self.body.comment;
        check_not_empty(id, "userId", &comment.user_id)?;
        check_full_metadata(id, self.body.metadata.as_ref())?;
        check_full_metadata(id, comment.metadata.as_ref())?;
        check_attachments(id, comment.attachment_ids.as_ref())?;
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("roomId", &self.room_id)
            .json(&self.body)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

path_endpoint!(
    /// Reads a thread with its comments (`GET /v2/rooms/{roomId}/threads/{threadId}`).
    GetThread, "get-thread", GET, "/rooms/{roomId}/threads/{threadId}",
    Json, Thread, decode_json,
    /// The endpoint for these IDs.
    new(room_id = "roomId", thread_id = "threadId")
);

path_endpoint!(
    /// Deletes a thread and its comments (`DELETE /v2/rooms/{roomId}/threads/{threadId}`).
    DeleteThread, "delete-thread", DELETE, "/rooms/{roomId}/threads/{threadId}",
    None, (), ignore_body,
    /// The endpoint for these IDs.
    new(room_id = "roomId", thread_id = "threadId")
);

path_endpoint!(
    /// Lists a thread's participants: its authors and the users mentioned in it
    /// (`GET /v2/rooms/{roomId}/threads/{threadId}/participants`).
    ///
    /// Deprecated by the API in favour of thread subscriptions: use
    /// [`GetThreadSubscriptions`] to find who follows a thread.
    #[deprecated(note = "use GetThreadSubscriptions (Client::get_thread_subscriptions) instead")]
    GetThreadParticipants, "get-thread-participants", GET,
    "/rooms/{roomId}/threads/{threadId}/participants",
    Json, GetThreadParticipantsResponse, decode_json,
    /// The participants of this thread.
    new(room_id = "roomId", thread_id = "threadId")
);

/// Changes some keys of a thread's metadata and returns all of it
/// (`POST /v2/rooms/{roomId}/threads/{threadId}/metadata`).
#[derive(Debug, Clone, PartialEq)]
pub struct EditThreadMetadata {
    room_id: String,
    thread_id: String,
    update: MetadataUpdate,
}

impl EditThreadMetadata {
    /// An edit by `user_id` that changes nothing yet.
    pub fn new(
        room_id: impl Into<String>,
        thread_id: impl Into<String>,
        user_id: impl Into<String>,
    ) -> Self {
        Self::from_update(room_id, thread_id, MetadataUpdate::new(user_id))
    }

    /// An edit with all its changes at once.
    pub fn from_update(
        room_id: impl Into<String>,
        thread_id: impl Into<String>,
        update: MetadataUpdate,
    ) -> Self {
        EditThreadMetadata {
            room_id: room_id.into(),
            thread_id: thread_id.into(),
            update,
        }
    }

    /// Sets one key.
    pub fn metadata(mut self, key: impl Into<String>, value: impl Into<MetadataValue>) -> Self {
        self.update = self.update.set(key, value);
        self
    }

    /// Removes one key (sends `null`).
    pub fn remove_metadata(mut self, key: impl Into<String>) -> Self {
        self.update = self.update.remove(key);
        self
    }

    /// When the change happened.
    pub fn updated_at(mut self, updated_at: Timestamp) -> Self {
        self.update = self.update.updated_at(updated_at);
        self
    }
}

call_setters!(EditThreadMetadata {
    metadata(key: impl Into<String>, value: impl Into<MetadataValue>),
    remove_metadata(key: impl Into<String>),
    updated_at(updated_at: Timestamp),
});

impl Endpoint for EditThreadMetadata {
    type Output = ThreadMetadata;
    const OPERATION: Operation = op(
        "edit-thread-metadata",
        Method::POST,
        "/rooms/{roomId}/threads/{threadId}/metadata",
        &[],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        check_metadata_update(Self::OPERATION.id, &self.update)?;
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("roomId", &self.room_id)
            .path_param("threadId", &self.thread_id)
            .json(&self.update)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

fn check_metadata_update(operation: &str, update: &MetadataUpdate) -> Result<(), Error> {
    check_not_empty(operation, "userId", &update.user_id)?;
    check_metadata(
        operation,
        false,
        update.metadata.iter().map(|(k, v)| (k, v.as_ref())),
    )
}

thread_user_endpoint!(
    /// Marks a thread as resolved
    /// (`POST /v2/rooms/{roomId}/threads/{threadId}/mark-as-resolved`).
    MarkThreadAsResolved, "mark-thread-as-resolved",
    "/rooms/{roomId}/threads/{threadId}/mark-as-resolved", Json, Thread, decode_json
);

thread_user_endpoint!(
    /// Marks a thread as unresolved
    /// (`POST /v2/rooms/{roomId}/threads/{threadId}/mark-as-unresolved`).
    MarkThreadAsUnresolved, "mark-thread-as-unresolved",
    "/rooms/{roomId}/threads/{threadId}/mark-as-unresolved", Json, Thread, decode_json
);

thread_user_endpoint!(
    /// Subscribes a user to a thread's notifications
    /// (`POST /v2/rooms/{roomId}/threads/{threadId}/subscribe`).
    SubscribeToThread, "subscribe-to-thread",
    "/rooms/{roomId}/threads/{threadId}/subscribe", Json, Subscription, decode_json
);

thread_user_endpoint!(
    /// Unsubscribes a user from a thread's notifications
    /// (`POST /v2/rooms/{roomId}/threads/{threadId}/unsubscribe`).
    UnsubscribeFromThread, "unsubscribe-from-thread",
    "/rooms/{roomId}/threads/{threadId}/unsubscribe", None, (), ignore_body
);

path_endpoint!(
    /// Lists the users subscribed to a thread
    /// (`GET /v2/rooms/{roomId}/threads/{threadId}/subscriptions`). Not paginated.
    GetThreadSubscriptions, "get-thread-subscriptions", GET,
    "/rooms/{roomId}/threads/{threadId}/subscriptions",
    Json, GetThreadSubscriptionsResponse, decode_json,
    /// The endpoint for these IDs.
    new(room_id = "roomId", thread_id = "threadId")
);

path_endpoint!(
    /// Lists the inbox notifications about a thread, across every user's inbox
    /// (`GET /v2/rooms/{roomId}/threads/{threadId}/inbox-notifications`). Not paginated.
    GetThreadInboxNotifications, "get-thread-inbox-notifications", GET,
    "/rooms/{roomId}/threads/{threadId}/inbox-notifications",
    Json, GetThreadInboxNotificationsResponse, decode_json,
    /// The endpoint for these IDs.
    new(room_id = "roomId", thread_id = "threadId")
);

// ---------------------------------------------------------------------------------------
// Comments
// ---------------------------------------------------------------------------------------

/// Adds a comment to a thread (`POST /v2/rooms/{roomId}/threads/{threadId}/comments`).
#[derive(Debug, Clone, PartialEq)]
pub struct CreateComment {
    room_id: String,
    thread_id: String,
    body: CreateCommentRequestBody,
}

impl CreateComment {
    /// A comment `body` by `user_id`.
    pub fn new(
        room_id: impl Into<String>,
        thread_id: impl Into<String>,
        user_id: impl Into<String>,
        body: impl Into<CommentBody>,
    ) -> Self {
        Self::from_body(
            room_id,
            thread_id,
            CreateCommentRequestBody::new(user_id, body),
        )
    }

    /// A comment from a complete request body.
    pub fn from_body(
        room_id: impl Into<String>,
        thread_id: impl Into<String>,
        body: CreateCommentRequestBody,
    ) -> Self {
        CreateComment {
            room_id: room_id.into(),
            thread_id: thread_id.into(),
            body,
        }
    }

    /// When the comment was written.
    pub fn created_at(mut self, created_at: Timestamp) -> Self {
        self.body.created_at = Some(created_at);
        self
    }

    /// Sets one key of the comment's metadata.
    pub fn metadata(mut self, key: impl Into<String>, value: impl Into<MetadataValue>) -> Self {
        self.body
            .metadata
            .get_or_insert_with(CommentMetadata::new)
            .insert(key.into(), value.into());
        self
    }

    /// Attaches uploaded attachments (at most 10).
    pub fn attachment_ids(mut self, ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.body.attachment_ids = Some(ids.into_iter().map(Into::into).collect());
        self
    }
}

call_setters!(CreateComment {
    created_at(created_at: Timestamp),
    metadata(key: impl Into<String>, value: impl Into<MetadataValue>),
    attachment_ids(ids: impl IntoIterator<Item = impl Into<String>>),
});

impl Endpoint for CreateComment {
    type Output = Comment;
    const OPERATION: Operation = op(
        "create-comment",
        Method::POST,
        "/rooms/{roomId}/threads/{threadId}/comments",
        &[],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        let id = Self::OPERATION.id;
        check_not_empty(id, "userId", &self.body.user_id)?;
        check_full_metadata(id, self.body.metadata.as_ref())?;
        check_attachments(id, self.body.attachment_ids.as_ref())?;
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("roomId", &self.room_id)
            .path_param("threadId", &self.thread_id)
            .json(&self.body)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

path_endpoint!(
    /// Reads a comment
    /// (`GET /v2/rooms/{roomId}/threads/{threadId}/comments/{commentId}`).
    GetComment, "get-comment", GET, "/rooms/{roomId}/threads/{threadId}/comments/{commentId}",
    Json, Comment, decode_json,
    /// The endpoint for these IDs.
    new(room_id = "roomId", thread_id = "threadId", comment_id = "commentId")
);

path_endpoint!(
    /// Deletes a comment; deleting a thread's last comment deletes the thread
    /// (`DELETE /v2/rooms/{roomId}/threads/{threadId}/comments/{commentId}`).
    DeleteComment, "delete-comment", DELETE,
    "/rooms/{roomId}/threads/{threadId}/comments/{commentId}",
    None, (), ignore_body,
    /// The endpoint for these IDs.
    new(room_id = "roomId", thread_id = "threadId", comment_id = "commentId")
);

/// Replaces a comment's content
/// (`POST /v2/rooms/{roomId}/threads/{threadId}/comments/{commentId}`).
#[derive(Debug, Clone, PartialEq)]
pub struct EditComment {
    room_id: String,
    thread_id: String,
    comment_id: String,
    body: EditCommentRequestBody,
}

impl EditComment {
    /// Replaces the comment's content with `body`.
    pub fn new(
        room_id: impl Into<String>,
        thread_id: impl Into<String>,
        comment_id: impl Into<String>,
        body: impl Into<CommentBody>,
    ) -> Self {
        Self::from_body(
            room_id,
            thread_id,
            comment_id,
            EditCommentRequestBody {
                edited_at: None,
                body: body.into(),
                metadata: None,
                attachment_ids: None,
            },
        )
    }

    /// An edit from a complete request body.
    pub fn from_body(
        room_id: impl Into<String>,
        thread_id: impl Into<String>,
        comment_id: impl Into<String>,
        body: EditCommentRequestBody,
    ) -> Self {
        EditComment {
            room_id: room_id.into(),
            thread_id: thread_id.into(),
            comment_id: comment_id.into(),
            body,
        }
    }

    /// When the edit happened.
    pub fn edited_at(mut self, edited_at: Timestamp) -> Self {
        self.body.edited_at = Some(edited_at);
        self
    }

    /// Sets one key of the comment's new metadata.
    pub fn metadata(mut self, key: impl Into<String>, value: impl Into<MetadataValue>) -> Self {
        self.body
            .metadata
            .get_or_insert_with(CommentMetadata::new)
            .insert(key.into(), value.into());
        self
    }

    /// The attachments the comment has after the edit (at most 10).
    pub fn attachment_ids(mut self, ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.body.attachment_ids = Some(ids.into_iter().map(Into::into).collect());
        self
    }
}

call_setters!(EditComment {
    edited_at(edited_at: Timestamp),
    metadata(key: impl Into<String>, value: impl Into<MetadataValue>),
    attachment_ids(ids: impl IntoIterator<Item = impl Into<String>>),
});

impl Endpoint for EditComment {
    type Output = Comment;
    const OPERATION: Operation = op(
        "edit-comment",
        Method::POST,
        "/rooms/{roomId}/threads/{threadId}/comments/{commentId}",
        &[],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        let id = Self::OPERATION.id;
        check_full_metadata(id, self.body.metadata.as_ref())?;
        check_attachments(id, self.body.attachment_ids.as_ref())?;
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("roomId", &self.room_id)
            .path_param("threadId", &self.thread_id)
            .path_param("commentId", &self.comment_id)
            .json(&self.body)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

/// Adds a user's emoji reaction to a comment
/// (`POST /v2/rooms/{roomId}/threads/{threadId}/comments/{commentId}/add-reaction`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddCommentReaction {
    room_id: String,
    thread_id: String,
    comment_id: String,
    body: AddCommentReactionRequestBody,
}

impl AddCommentReaction {
    /// `user_id` reacts with `emoji`.
    pub fn new(
        room_id: impl Into<String>,
        thread_id: impl Into<String>,
        comment_id: impl Into<String>,
        user_id: impl Into<String>,
        emoji: impl Into<String>,
    ) -> Self {
        AddCommentReaction {
            room_id: room_id.into(),
            thread_id: thread_id.into(),
            comment_id: comment_id.into(),
            body: AddCommentReactionRequestBody {
                user_id: user_id.into(),
                emoji: emoji.into(),
                created_at: None,
            },
        }
    }

    /// When the reaction was added.
    pub fn created_at(mut self, created_at: Timestamp) -> Self {
        self.body.created_at = Some(created_at);
        self
    }
}

call_setters!(AddCommentReaction { created_at(created_at: Timestamp) });

impl Endpoint for AddCommentReaction {
    type Output = CommentReaction;
    const OPERATION: Operation = op(
        "add-comment-reaction",
        Method::POST,
        "/rooms/{roomId}/threads/{threadId}/comments/{commentId}/add-reaction",
        &[],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        check_not_empty(Self::OPERATION.id, "userId", &self.body.user_id)?;
        check_not_empty(Self::OPERATION.id, "emoji", &self.body.emoji)?;
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("roomId", &self.room_id)
            .path_param("threadId", &self.thread_id)
            .path_param("commentId", &self.comment_id)
            .json(&self.body)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

/// Removes a user's emoji reaction from a comment
/// (`POST /v2/rooms/{roomId}/threads/{threadId}/comments/{commentId}/remove-reaction`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoveCommentReaction {
    room_id: String,
    thread_id: String,
    comment_id: String,
    body: RemoveCommentReactionRequestBody,
}

impl RemoveCommentReaction {
    /// Removes `user_id`'s `emoji` reaction.
    pub fn new(
        room_id: impl Into<String>,
        thread_id: impl Into<String>,
        comment_id: impl Into<String>,
        user_id: impl Into<String>,
        emoji: impl Into<String>,
    ) -> Self {
        RemoveCommentReaction {
            room_id: room_id.into(),
            thread_id: thread_id.into(),
            comment_id: comment_id.into(),
            body: RemoveCommentReactionRequestBody {
                user_id: user_id.into(),
                emoji: emoji.into(),
                removed_at: None,
            },
        }
    }

    /// When the reaction was removed.
    pub fn removed_at(mut self, removed_at: Timestamp) -> Self {
        self.body.removed_at = Some(removed_at);
        self
    }
}

call_setters!(RemoveCommentReaction { removed_at(removed_at: Timestamp) });

impl Endpoint for RemoveCommentReaction {
    type Output = ();
    const OPERATION: Operation = op(
        "remove-comment-reaction",
        Method::POST,
        "/rooms/{roomId}/threads/{threadId}/comments/{commentId}/remove-reaction",
        &[],
        BodyKind::Json,
        BodyKind::None,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        check_not_empty(Self::OPERATION.id, "userId", &self.body.user_id)?;
        check_not_empty(Self::OPERATION.id, "emoji", &self.body.emoji)?;
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("roomId", &self.room_id)
            .path_param("threadId", &self.thread_id)
            .path_param("commentId", &self.comment_id)
            .json(&self.body)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        ignore_body(response)
    }
}

/// Changes some keys of a comment's metadata and returns all of it
/// (`POST /v2/rooms/{roomId}/threads/{threadId}/comments/{commentId}/metadata`).
#[derive(Debug, Clone, PartialEq)]
pub struct EditCommentMetadata {
    room_id: String,
    thread_id: String,
    comment_id: String,
    update: MetadataUpdate,
}

impl EditCommentMetadata {
    /// An edit by `user_id` that changes nothing yet.
    pub fn new(
        room_id: impl Into<String>,
        thread_id: impl Into<String>,
        comment_id: impl Into<String>,
        user_id: impl Into<String>,
    ) -> Self {
        Self::from_update(room_id, thread_id, comment_id, MetadataUpdate::new(user_id))
    }

    /// An edit with all its changes at once.
    pub fn from_update(
        room_id: impl Into<String>,
        thread_id: impl Into<String>,
        comment_id: impl Into<String>,
        update: MetadataUpdate,
    ) -> Self {
        EditCommentMetadata {
            room_id: room_id.into(),
            thread_id: thread_id.into(),
            comment_id: comment_id.into(),
            update,
        }
    }

    /// Sets one key.
    pub fn metadata(mut self, key: impl Into<String>, value: impl Into<MetadataValue>) -> Self {
        self.update = self.update.set(key, value);
        self
    }

    /// Removes one key (sends `null`).
    pub fn remove_metadata(mut self, key: impl Into<String>) -> Self {
        self.update = self.update.remove(key);
        self
    }

    /// When the change happened.
    pub fn updated_at(mut self, updated_at: Timestamp) -> Self {
        self.update = self.update.updated_at(updated_at);
        self
    }
}

call_setters!(EditCommentMetadata {
    metadata(key: impl Into<String>, value: impl Into<MetadataValue>),
    remove_metadata(key: impl Into<String>),
    updated_at(updated_at: Timestamp),
});

impl Endpoint for EditCommentMetadata {
    type Output = CommentMetadata;
    const OPERATION: Operation = op(
        "edit-comment-metadata",
        Method::POST,
        "/rooms/{roomId}/threads/{threadId}/comments/{commentId}/metadata",
        &[],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        check_metadata_update(Self::OPERATION.id, &self.update)?;
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("roomId", &self.room_id)
            .path_param("threadId", &self.thread_id)
            .path_param("commentId", &self.comment_id)
            .json(&self.update)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

// ---------------------------------------------------------------------------------------
// Client methods
// ---------------------------------------------------------------------------------------

/// Comments.
impl<T> Client<T> {
    /// Lists a room's threads, optionally filtered with [`GetThreads::query`].
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
    pub fn get_threads(&self, room_id: impl Into<String>) -> Call<T, GetThreads> {
        self.call(GetThreads::new(room_id))
    }

    /// Creates a thread whose first comment is `body` by `user_id`.
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
    pub fn create_thread(
        &self,
        room_id: impl Into<String>,
        user_id: impl Into<String>,
        body: impl Into<CommentBody>,
    ) -> Call<T, CreateThread> {
        self.call(CreateThread::new(room_id, user_id, body))
    }

    /// Reads a thread with its comments.
    pub fn get_thread(
        &self,
        room_id: impl Into<String>,
        thread_id: impl Into<String>,
    ) -> Call<T, GetThread> {
        self.call(GetThread::new(room_id, thread_id))
    }

    /// Deletes a thread and its comments.
    pub fn delete_thread(
        &self,
        room_id: impl Into<String>,
        thread_id: impl Into<String>,
    ) -> Call<T, DeleteThread> {
        self.call(DeleteThread::new(room_id, thread_id))
    }

    /// Lists a thread's authors and mentioned users.
    #[deprecated(note = "use get_thread_subscriptions instead")]
    #[allow(deprecated)]
    pub fn get_thread_participants(
        &self,
        room_id: impl Into<String>,
        thread_id: impl Into<String>,
    ) -> Call<T, GetThreadParticipants> {
        self.call(GetThreadParticipants::new(room_id, thread_id))
    }

    /// Changes some keys of a thread's metadata as `user_id`; returns the whole metadata.
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
    pub fn edit_thread_metadata(
        &self,
        room_id: impl Into<String>,
        thread_id: impl Into<String>,
        user_id: impl Into<String>,
    ) -> Call<T, EditThreadMetadata> {
        self.call(EditThreadMetadata::new(room_id, thread_id, user_id))
    }

    /// Marks a thread as resolved by `user_id`.
    pub fn mark_thread_as_resolved(
        &self,
        room_id: impl Into<String>,
        thread_id: impl Into<String>,
        user_id: impl Into<String>,
    ) -> Call<T, MarkThreadAsResolved> {
        self.call(MarkThreadAsResolved::new(room_id, thread_id, user_id))
    }

    /// Marks a thread as unresolved by `user_id`.
    pub fn mark_thread_as_unresolved(
        &self,
        room_id: impl Into<String>,
        thread_id: impl Into<String>,
        user_id: impl Into<String>,
    ) -> Call<T, MarkThreadAsUnresolved> {
        self.call(MarkThreadAsUnresolved::new(room_id, thread_id, user_id))
    }

    /// Subscribes `user_id` to a thread's notifications.
    pub fn subscribe_to_thread(
        &self,
        room_id: impl Into<String>,
        thread_id: impl Into<String>,
        user_id: impl Into<String>,
    ) -> Call<T, SubscribeToThread> {
        self.call(SubscribeToThread::new(room_id, thread_id, user_id))
    }

    /// Unsubscribes `user_id` from a thread's notifications.
    pub fn unsubscribe_from_thread(
        &self,
        room_id: impl Into<String>,
        thread_id: impl Into<String>,
        user_id: impl Into<String>,
    ) -> Call<T, UnsubscribeFromThread> {
        self.call(UnsubscribeFromThread::new(room_id, thread_id, user_id))
    }

    /// Lists the users subscribed to a thread.
    pub fn get_thread_subscriptions(
        &self,
        room_id: impl Into<String>,
        thread_id: impl Into<String>,
    ) -> Call<T, GetThreadSubscriptions> {
        self.call(GetThreadSubscriptions::new(room_id, thread_id))
    }

    /// Lists the inbox notifications about a thread, across every user's inbox.
    pub fn get_thread_inbox_notifications(
        &self,
        room_id: impl Into<String>,
        thread_id: impl Into<String>,
    ) -> Call<T, GetThreadInboxNotifications> {
        self.call(GetThreadInboxNotifications::new(room_id, thread_id))
    }

    /// Adds a comment `body` by `user_id` to a thread.
    ///
    /// ```no_run
    /// # async fn run(client: liveblocks_core::Client<impl liveblocks_core::Transport + 'static>) -> Result<(), liveblocks_core::Error> {
    /// let comment = client
    ///     .create_comment("my-room", "th_abc123", "bob", "Looks good to me")
    ///     .metadata("reviewed", true)
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn create_comment(
        &self,
        room_id: impl Into<String>,
        thread_id: impl Into<String>,
        user_id: impl Into<String>,
        body: impl Into<CommentBody>,
    ) -> Call<T, CreateComment> {
        self.call(CreateComment::new(room_id, thread_id, user_id, body))
    }

    /// Reads a comment.
    pub fn get_comment(
        &self,
        room_id: impl Into<String>,
        thread_id: impl Into<String>,
        comment_id: impl Into<String>,
    ) -> Call<T, GetComment> {
        self.call(GetComment::new(room_id, thread_id, comment_id))
    }

    /// Replaces a comment's content with `body`.
    pub fn edit_comment(
        &self,
        room_id: impl Into<String>,
        thread_id: impl Into<String>,
        comment_id: impl Into<String>,
        body: impl Into<CommentBody>,
    ) -> Call<T, EditComment> {
        self.call(EditComment::new(room_id, thread_id, comment_id, body))
    }

    /// Deletes a comment.
    pub fn delete_comment(
        &self,
        room_id: impl Into<String>,
        thread_id: impl Into<String>,
        comment_id: impl Into<String>,
    ) -> Call<T, DeleteComment> {
        self.call(DeleteComment::new(room_id, thread_id, comment_id))
    }

    /// Adds `user_id`'s `emoji` reaction to a comment.
    pub fn add_comment_reaction(
        &self,
        room_id: impl Into<String>,
        thread_id: impl Into<String>,
        comment_id: impl Into<String>,
        user_id: impl Into<String>,
        emoji: impl Into<String>,
    ) -> Call<T, AddCommentReaction> {
        self.call(AddCommentReaction::new(
            room_id, thread_id, comment_id, user_id, emoji,
        ))
    }

    /// Removes `user_id`'s `emoji` reaction from a comment.
    pub fn remove_comment_reaction(
        &self,
        room_id: impl Into<String>,
        thread_id: impl Into<String>,
        comment_id: impl Into<String>,
        user_id: impl Into<String>,
        emoji: impl Into<String>,
    ) -> Call<T, RemoveCommentReaction> {
        self.call(RemoveCommentReaction::new(
            room_id, thread_id, comment_id, user_id, emoji,
        ))
    }

    /// Changes some keys of a comment's metadata as `user_id`; returns the whole metadata.
    pub fn edit_comment_metadata(
        &self,
        room_id: impl Into<String>,
        thread_id: impl Into<String>,
        comment_id: impl Into<String>,
        user_id: impl Into<String>,
    ) -> Call<T, EditCommentMetadata> {
        self.call(EditCommentMetadata::new(
            room_id, thread_id, comment_id, user_id,
        ))
    }
}
