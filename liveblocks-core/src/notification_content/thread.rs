//! Thread notifications.

use std::collections::{HashMap, HashSet};
use std::future::{Future, IntoFuture as _};

use futures::StreamExt as _;

use crate::comment_body::{self, HtmlStyles, MentionIds, MentionInfo, MentionNames};
use crate::models::comments::{Comment, CommentBody, MentionKind, Thread};
use crate::models::groups::Group;
use crate::models::notifications::InboxNotification;
use crate::models::Timestamp;
use crate::webhooks::ThreadNotificationData;

/// A room's name and URL, from your own data (`resolveRoomInfo` in `@liveblocks/emails`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RoomInfo {
    /// The name to show; the room ID when `None`.
    pub name: Option<String>,
    /// The room's URL; comment links are this URL with `#<comment ID>`.
    pub url: Option<String>,
}

impl RoomInfo {
    /// Sets the name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Sets the URL.
    pub fn url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }
}

/// Which comments an e-mail about a thread notification shows.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ThreadSelection {
    /// The last unread comment that mentions the user (directly or through a group).
    UnreadMention(Box<Comment>),
    /// The unread comments, oldest first.
    UnreadReplies(Vec<Comment>),
}

/// A comment as an e-mail shows it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct NotificationComment {
    /// The comment ID.
    pub id: String,
    /// The thread.
    pub thread_id: String,
    /// The room.
    pub room_id: String,
    /// The author.
    pub author: NotificationAuthor,
    /// When it was written.
    pub created_at: Timestamp,
    /// The room URL with `#<comment ID>`, when the room has a URL.
    pub url: Option<String>,
    /// The body as HTML with the e-mail styles (what `@liveblocks/emails` gives as `body`).
    pub html: String,
    /// The body itself, to render otherwise.
    pub body: CommentBody,
}

/// A comment's author.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct NotificationAuthor {
    /// The user ID.
    pub id: String,
    /// What the users resolver returned, or the ID as name.
    pub info: MentionInfo,
}

/// Everything an e-mail about a thread notification needs.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ThreadNotificationContent {
    /// One comment mentions the user.
    UnreadMention {
        /// The comment.
        comment: NotificationComment,
        /// The room.
        room: RoomInfo,
    },
    /// New replies.
    UnreadReplies {
        /// The comments.
        comments: Vec<NotificationComment>,
        /// The room.
        room: RoomInfo,
    },
}

/// Step 1: the comments to show, or `None` when there is nothing unread (no e-mail).
///
/// `group_members` maps the user's groups to their members (from `get_user_groups`); it is
/// only read when a comment mentions a group without listing its users, so an empty map is
/// fine when you know there are none.
pub fn select_thread_comments(
    event: &ThreadNotificationData,
    thread: &Thread,
    inbox_notification: &InboxNotification,
    group_members: &HashMap<String, Vec<String>>,
) -> Option<ThreadSelection> {
    let unread = unread_comments(event, thread, inbox_notification);
    if unread.is_empty() {
        return None;
    }
    let user = event.user_id.as_str();
    for comment in unread.iter().rev() {
        if comment.user_id == user {
            continue;
        }
        let Some(body) = &comment.body else { continue };
        for mention in body.mentions() {
            let hit = match mention.kind {
                MentionKind::User => mention.id == user,
                MentionKind::Group => match &mention.user_ids {
                    Some(ids) => ids.iter().any(|id| id == user),
                    None => group_members
                        .get(&mention.id)
                        .is_some_and(|members| members.iter().any(|m| m == user)),
                },
                _ => false,
            };
            if hit {
                return Some(ThreadSelection::UnreadMention(Box::new((*comment).clone())));
            }
        }
    }
    Some(ThreadSelection::UnreadReplies(
        unread.into_iter().cloned().collect(),
    ))
}

fn unread_comments<'t>(
    event: &ThreadNotificationData,
    thread: &'t Thread,
    inbox: &InboxNotification,
) -> Vec<&'t Comment> {
    let (Some(notified_at), read_at) = (inbox.notified_at(), inbox.read_at()) else {
        return Vec::new();
    };
    thread
        .comments
        .iter()
        .filter(|c| c.body.is_some() && c.deleted_at.is_none())
        .filter(|c| c.user_id != event.user_id)
        .filter(|c| {
            read_at.is_none_or(|r| c.created_at > r)
                && c.created_at >= event.triggered_at
                && c.created_at <= notified_at
        })
        .collect()
}

impl ThreadSelection {
    /// The comments selected.
    pub fn comments(&self) -> &[Comment] {
        match self {
            ThreadSelection::UnreadMention(c) => std::slice::from_ref(c.as_ref()),
            ThreadSelection::UnreadReplies(cs) => cs,
        }
    }

    /// Step 2: the users (authors, then mentioned users) and groups to resolve, each once,
    /// in the order `@liveblocks/emails` batches them.
    pub fn ids_to_resolve(&self) -> MentionIds {
        let mut ids = MentionIds::default();
        let mut seen_users = HashSet::new();
        let mut seen_groups = HashSet::new();
        for c in self.comments() {
            if seen_users.insert(c.user_id.clone()) {
                ids.user_ids.push(c.user_id.clone());
            }
        }
        for c in self.comments() {
            let Some(body) = &c.body else { continue };
            let mentioned = MentionIds::of(body);
            for id in mentioned.user_ids {
                if seen_users.insert(id.clone()) {
                    ids.user_ids.push(id);
                }
            }
            for id in mentioned.group_ids {
                if seen_groups.insert(id.clone()) {
                    ids.group_ids.push(id);
                }
            }
        }
        ids
    }

    /// Step 3: the content, with bodies in HTML styled as `@liveblocks/emails`' defaults
    /// ([`HtmlStyles::email`]) or your own.
    pub fn render(
        &self,
        event: &ThreadNotificationData,
        names: &MentionNames,
        room: Option<&RoomInfo>,
        styles: &HtmlStyles,
    ) -> ThreadNotificationContent {
        let resolved_room = RoomInfo {
            name: Some(
                room.and_then(|r| r.name.clone())
                    .unwrap_or_else(|| event.room_id.clone()),
            ),
            url: room.and_then(|r| r.url.clone()),
        };
        let show = |c: &Comment| NotificationComment {
            id: c.id.clone(),
            thread_id: c.thread_id.clone(),
            room_id: c.room_id.clone(),
            author: NotificationAuthor {
                id: c.user_id.clone(),
                info: names
                    .user(&c.user_id)
                    .cloned()
                    .unwrap_or_else(|| MentionInfo::named(c.user_id.clone())),
            },
            created_at: c.created_at,
            url: resolved_room
                .url
                .as_deref()
                .filter(|u| !u.is_empty())
                .and_then(|u| comment_url(u, &c.id)),
            html: c
                .body
                .as_ref()
                .map(|b| comment_body::render_email_html(b, names, styles))
                .unwrap_or_default(),
            body: c.body.clone().unwrap_or_else(|| CommentBody::new([])),
        };
        match self {
            ThreadSelection::UnreadMention(c) => ThreadNotificationContent::UnreadMention {
                comment: show(c),
                room: resolved_room.clone(),
            },
            ThreadSelection::UnreadReplies(cs) => ThreadNotificationContent::UnreadReplies {
                comments: cs.iter().map(show).collect(),
                room: resolved_room.clone(),
            },
        }
    }
}

/// `generateUrl(roomUrl, undefined, commentId)` of `@liveblocks/core`.
fn comment_url(room_url: &str, comment_id: &str) -> Option<String> {
    const PLACEHOLDER: &str = "https://localhost:9999";
    let absolute = comment_body::url::is_absolute(room_url);
    let mut url = if absolute {
        url::Url::parse(room_url).ok()?
    } else {
        url::Url::parse(PLACEHOLDER).ok()?.join(room_url).ok()?
    };
    if url.fragment().is_none_or(str::is_empty) {
        url.set_fragment(Some(comment_id));
    }
    let href = url.to_string();
    Some(if absolute {
        href
    } else {
        href.replacen(PLACEHOLDER, "", 1)
    })
}

/// Why [`prepare_thread_notification`] failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PrepareError<E> {
    /// A request to Liveblocks failed.
    #[error(transparent)]
    Api(#[from] crate::Error),
    /// A users or groups resolver failed.
    #[error(transparent)]
    Resolve(comment_body::ResolveError<E>),
}

/// Steps 1 to 3 with a client: fetches the thread and the inbox notification, then (when
/// there is something to show) the user's groups, resolves names with your async resolvers
/// and renders. `Ok(None)` means no e-mail (nothing unread).
///
/// ```no_run
/// # async fn run<T: liveblocks_core::Transport + 'static>(
/// #     client: &liveblocks_core::Client<T>,
/// #     event: &liveblocks_core::webhooks::ThreadNotificationData,
/// # ) -> Result<(), Box<dyn std::error::Error>> {
/// use liveblocks_core::comment_body::{HtmlStyles, MentionInfo};
/// use liveblocks_core::notification_content::{prepare_thread_notification, RoomInfo};
///
/// let names = |ids: Vec<String>| async move {
///     Ok::<_, std::io::Error>(ids.iter().map(|id| Some(MentionInfo::named(id.to_uppercase()))).collect())
/// };
/// let room = RoomInfo::default().url("https://example.com/rooms/1");
/// if let Some(content) = prepare_thread_notification(client, event, names, names, Some(&room), &HtmlStyles::email()).await? {
///     println!("{content:?}");
/// }
/// # Ok(()) }
/// ```
pub async fn prepare_thread_notification<T, E, U, G, UF, GF>(
    client: &crate::Client<T>,
    event: &ThreadNotificationData,
    resolve_users: U,
    resolve_groups: G,
    room: Option<&RoomInfo>,
    styles: &HtmlStyles,
) -> Result<Option<ThreadNotificationContent>, PrepareError<E>>
where
    T: crate::Transport + 'static,
    U: FnOnce(Vec<String>) -> UF,
    G: FnOnce(Vec<String>) -> GF,
    UF: Future<Output = Result<Vec<Option<MentionInfo>>, E>>,
    GF: Future<Output = Result<Vec<Option<MentionInfo>>, E>>,
{
    let (thread, inbox) = futures::future::try_join(
        client
            .get_thread(&event.room_id, &event.thread_id)
            .into_future(),
        client
            .get_inbox_notification(&event.user_id, &event.inbox_notification_id)
            .into_future(),
    )
    .await?;
    if select_thread_comments(event, &thread, &inbox, &HashMap::new()).is_none() {
        return Ok(None);
    }
    let mut group_members = HashMap::new();
    let mut groups = client.get_user_groups(&event.user_id).into_items();
    while let Some(group) = groups.next().await {
        let group: Group = group?;
        group_members.insert(group.id, group.members.into_iter().map(|m| m.id).collect());
    }
    let Some(selection) = select_thread_comments(event, &thread, &inbox, &group_members) else {
        return Ok(None);
    };
    let ids = selection.ids_to_resolve();
    let names = MentionNames::resolve_ids_async(ids, resolve_users, resolve_groups)
        .await
        .map_err(PrepareError::Resolve)?;
    Ok(Some(selection.render(event, &names, room, styles)))
}
