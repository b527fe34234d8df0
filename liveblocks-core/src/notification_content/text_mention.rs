//! Text mention notifications: a mention in a room's Lexical or Tiptap document.
//!
//! Checked against `@liveblocks/emails` 3.13.4 (`tests/tests/oracles/emails_mentions.rs`).
//! Deliberate differences:
//!
//! - group mentions show the group name your groups resolver returns; the package's HTML
//!   and React entry points don't pass `resolveGroupsInfo` on and show the group ID (resolve
//!   no groups to get its output);
//! - where the package throws (a room editor other than `lexical`/`tiptap`, an update Yjs
//!   can't decode, a Tiptap mention node without attributes), [`select_text_mention`]
//!   returns a [`TextMentionError`]; the package's `console.warn`s are not reproduced;
//! - a style set to `None` in [`HtmlStyles`] leaves the `style` attribute out (the package
//!   writes `style=""`); the container `<div>` takes the `paragraph` style;
//! - documents no editor writes: a Tiptap mention whose `id` isn't a string is skipped (the
//!   package shows `undefined`), non-text embeds in Tiptap text are skipped, entries of
//!   `__userIds`/`userIds` that aren't strings are dropped (and `userIds` is parsed by
//!   `serde_json`, which refuses lone surrogate escapes), an embedded string value in a
//!   Lexical node reads as text and a bigint `__format` as a number (yrs doesn't tell them
//!   apart), trees deeper than 256 levels are malformed (Lexical: read as empty, as the
//!   package does on any error; Tiptap: an error);
//! - a panic of `yrs` on a hostile update is caught and becomes [`TextMentionError::Document`]
//!   where panics unwind (not on `wasm32-unknown-unknown`).

use std::future::{Future, IntoFuture as _};

use crate::comment_body::{
    html::escape, HtmlStyles, MentionIds, MentionInfo, MentionNames, ResolveError,
};
use crate::models::comments::MentionKind;
use crate::models::notifications::InboxNotification;
use crate::models::rooms::{Room, RoomTextEditor, TextEditorKind};
use crate::models::Timestamp;
use crate::webhooks::TextMentionNotificationData;

pub use super::mention_tree::{TextMentionError, TextMentionNode, TextMentionText};
use super::{lexical, tiptap, NotificationAuthor, RoomInfo};

/// The mention a notification is about, and the text of its paragraph around it (up to the
/// nearest paragraph boundary or line break on each side), read from the room's document.
///
/// ```
/// use liveblocks_core::comment_body::{HtmlStyles, MentionInfo, MentionNames};
/// use liveblocks_core::notification_content::{RoomInfo, TextMentionSelection};
/// use liveblocks_core::webhooks::TextMentionNotificationData;
///
/// fn email(selection: &TextMentionSelection, event: &TextMentionNotificationData) -> String {
///     let ids = selection.ids_to_resolve(); // the author first, then mentioned users
///     let mut names = MentionNames::new();
///     names.insert_users(&ids.user_ids, ids.user_ids.iter().map(|id| Some(MentionInfo::named(id.to_uppercase()))).collect());
///     let room = RoomInfo::default().name("Roadmap");
///     let content = selection.render(event, &names, Some(&room), &HtmlStyles::email());
///     format!("{} mentioned you in {:?}: {}", content.author.id, content.room.name, content.html)
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TextMentionSelection {
    /// The editor the document was read as.
    pub editor: TextEditorKind,
    /// User or group.
    pub kind: MentionKind,
    /// The mentioned user or group.
    pub id: String,
    /// For a group mention, the users it reached, when the editor stored them.
    pub user_ids: Option<Vec<String>>,
    /// The author of the mention (`createdBy` of the inbox notification).
    pub author_id: String,
    /// When the user was notified (`notifiedAt` of the inbox notification).
    pub created_at: Timestamp,
    /// The text before the mention, the mention, the text after it.
    pub nodes: Vec<TextMentionNode>,
}

/// Everything an e-mail about a text mention needs (`prepareTextMentionNotificationEmailAsHtml`).
///
/// ```
/// use liveblocks_core::notification_content::TextMentionNotificationContent;
///
/// fn subject(content: &TextMentionNotificationContent) -> String {
///     let author = content.author.info.name.as_deref().unwrap_or(&content.author.id);
///     format!("{author} mentioned you in {}", content.room.name.as_deref().unwrap_or(&content.room_id))
/// }
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct TextMentionNotificationContent {
    /// User or group.
    pub kind: MentionKind,
    /// The mentioned user or group.
    pub id: String,
    /// For a group mention, the users it reached, when the editor stored them.
    pub user_ids: Option<Vec<String>>,
    /// The mention ID, from the event.
    pub text_mention_id: String,
    /// The room.
    pub room_id: String,
    /// The author of the mention.
    pub author: NotificationAuthor,
    /// When the user was notified.
    pub created_at: Timestamp,
    /// The text around the mention as HTML with the e-mail styles (`content`).
    pub html: String,
    /// The text around the mention, to render otherwise (what the React components get).
    pub nodes: Vec<TextMentionNode>,
    /// The resolved names of the mentioned users and groups and of the author.
    pub names: MentionNames,
    /// The room.
    pub room: RoomInfo,
}

/// Step 1a: the room's text editor, when the notification may give an e-mail: `None` (no
/// e-mail, no need to fetch the document) when the inbox notification is not a text mention,
/// was read since it was last notified, or the room has no text editor.
///
/// ```
/// use liveblocks_core::models::{notifications::InboxNotification, rooms::Room};
/// use liveblocks_core::notification_content::text_mention_editor;
///
/// let room: Room = serde_json::from_value(serde_json::json!({
///     "id": "r", "type": "room", "organizationId": "o", "createdAt": "2024-01-01T00:00:00Z",
///     "defaultAccesses": [], "usersAccesses": {}, "groupsAccesses": {}, "metadata": {},
///     "experimental_textEditor": {"type": "lexical", "rootKey": "root"},
/// }))?;
/// let inbox: InboxNotification = serde_json::from_value(serde_json::json!({
///     "kind": "textMention", "id": "in_1", "roomId": "r", "readAt": null,
///     "notifiedAt": "2024-01-01T00:00:00Z", "createdBy": "bob", "mentionId": "in_m",
///     "mention": {"kind": "user", "id": "alice"},
/// }))?;
/// assert_eq!(text_mention_editor(&room, &inbox).and_then(|e| e.root_key()), Some("root"));
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn text_mention_editor<'r>(
    room: &'r Room,
    inbox_notification: &InboxNotification,
) -> Option<&'r RoomTextEditor> {
    let InboxNotification::TextMention(inbox) = inbox_notification else {
        return None;
    };
    let unread = inbox.read_at.is_none_or(|read| inbox.notified_at > read);
    if !unread {
        return None;
    }
    room.experimental_text_editor.as_ref()
}

/// Step 1b: finds the mention (`mentionId` of the inbox notification) in the room's Yjs
/// document (`get_yjs_document_as_binary_update`) and the text around it. `Ok(None)` means
/// no e-mail: see [`text_mention_editor`], or the mention is not in the document (deleted,
/// or not in a paragraph).
///
/// ```
/// # use liveblocks_core::models::{notifications::InboxNotification, rooms::Room};
/// use liveblocks_core::notification_content::select_text_mention;
///
/// # fn run(room: &Room, inbox: &InboxNotification, update: &[u8]) -> Result<(), Box<dyn std::error::Error>> {
/// if let Some(selection) = select_text_mention(room, inbox, update)? {
///     println!("{} mentioned {} ({:?})", selection.author_id, selection.id, selection.nodes);
/// }
/// # Ok(()) }
/// ```
pub fn select_text_mention(
    room: &Room,
    inbox_notification: &InboxNotification,
    update: &[u8],
) -> Result<Option<TextMentionSelection>, TextMentionError> {
    let (Some(editor), InboxNotification::TextMention(inbox)) = (
        text_mention_editor(room, inbox_notification),
        inbox_notification,
    ) else {
        return Ok(None);
    };
    let found = match &editor.kind {
        TextEditorKind::Lexical => {
            lexical::find_mention(update, editor.root_key(), &inbox.mention_id)?
        }
        TextEditorKind::Tiptap => {
            tiptap::find_mention(update, editor.root_key(), &inbox.mention_id)?
        }
        other => {
            return Err(TextMentionError::UnsupportedEditor(
                other.as_str().to_owned(),
            ))
        }
    };
    Ok(found.map(|found| TextMentionSelection {
        editor: editor.kind.clone(),
        kind: found.kind,
        id: found.id,
        user_ids: found.user_ids,
        author_id: inbox.created_by.clone(),
        created_at: inbox.notified_at,
        nodes: found.nodes,
    }))
}

impl TextMentionSelection {
    /// Step 2: the users (the author, then the mentioned users) and groups to resolve, each
    /// once, in the order `@liveblocks/emails` batches them (see the example of
    /// [`TextMentionSelection`]).
    pub fn ids_to_resolve(&self) -> MentionIds {
        let mut ids = MentionIds::default();
        ids.user_ids.push(self.author_id.clone());
        for node in &self.nodes {
            if let TextMentionNode::Mention { kind, id } = node {
                let list = match kind {
                    MentionKind::User => &mut ids.user_ids,
                    MentionKind::Group => &mut ids.group_ids,
                    _ => continue,
                };
                if !list.contains(id) {
                    list.push(id.clone());
                }
            }
        }
        ids
    }

    /// Step 3: the content, the text as HTML styled as `@liveblocks/emails`' defaults
    /// ([`HtmlStyles::email`]) or your own (`paragraph` styles the container `<div>`; `strong`,
    /// `code` and `mention` their elements; `link` is unused).
    ///
    /// Unlike `@liveblocks/emails`, whose HTML and React entry points do not pass
    /// `resolveGroupsInfo` on (so group mentions show the group ID), resolved group names are
    /// shown; leave groups unresolved to get the package's output. See the example of
    /// [`TextMentionSelection`].
    pub fn render(
        &self,
        event: &TextMentionNotificationData,
        names: &MentionNames,
        room: Option<&RoomInfo>,
        styles: &HtmlStyles,
    ) -> TextMentionNotificationContent {
        let room = RoomInfo {
            name: Some(
                room.and_then(|r| r.name.clone())
                    .unwrap_or_else(|| event.room_id.clone()),
            ),
            url: room.and_then(|r| r.url.clone()),
        };
        TextMentionNotificationContent {
            kind: self.kind.clone(),
            id: self.id.clone(),
            user_ids: self.user_ids.clone(),
            text_mention_id: event.mention_id.clone(),
            room_id: event.room_id.clone(),
            author: NotificationAuthor {
                id: self.author_id.clone(),
                info: names
                    .user(&self.author_id)
                    .cloned()
                    .unwrap_or_else(|| MentionInfo::named(self.author_id.clone())),
            },
            created_at: self.created_at,
            html: render_html(&self.nodes, names, styles),
            nodes: self.nodes.clone(),
            names: names.clone(),
            room,
        }
    }
}

fn style(value: &Option<String>) -> String {
    value
        .as_deref()
        .map(|s| format!(" style=\"{}\"", escape(s)))
        .unwrap_or_default()
}

/// The `container`, `mention` and `text` elements of `prepareTextMentionNotificationEmailAsHtml`.
fn render_html(nodes: &[TextMentionNode], names: &MentionNames, styles: &HtmlStyles) -> String {
    let mut children = String::new();
    for node in nodes {
        match node {
            TextMentionNode::Mention { kind, id } => {
                let info = match kind {
                    MentionKind::User => names.user(id),
                    MentionKind::Group => names.group(id),
                    _ => None,
                };
                let name = info
                    .and_then(|i| i.name.as_deref())
                    .filter(|n| !n.is_empty())
                    .unwrap_or(id);
                children.push_str(&format!(
                    "<span data-mention{}>@{}</span>",
                    style(&styles.mention),
                    escape(name)
                ));
            }
            TextMentionNode::Text(text) => {
                if text.text.is_empty() {
                    continue;
                }
                let mut out = escape(&text.text);
                if text.bold {
                    out = format!("<strong{}>{out}</strong>", style(&styles.strong));
                }
                if text.italic {
                    out = format!("<em>{out}</em>");
                }
                if text.strikethrough {
                    out = format!("<s>{out}</s>");
                }
                if text.code {
                    out = format!("<code{}>{out}</code>", style(&styles.code));
                }
                children.push_str(&out);
            }
        }
    }
    format!("<div{}>{children}</div>", style(&styles.paragraph))
}

/// Why [`prepare_text_mention_notification`] failed.
///
/// ```
/// use liveblocks_core::notification_content::PrepareTextMentionError;
///
/// fn retryable(error: &PrepareTextMentionError<std::io::Error>) -> bool {
///     matches!(error, PrepareTextMentionError::Api(_))
/// }
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PrepareTextMentionError<E> {
    /// A request to Liveblocks failed.
    #[error(transparent)]
    Api(#[from] crate::Error),
    /// The room's document could not be read.
    #[error(transparent)]
    Document(TextMentionError),
    /// A users or groups resolver failed.
    #[error(transparent)]
    Resolve(ResolveError<E>),
}

/// Steps 1 to 3 with a client: fetches the room and the inbox notification, then (when they
/// may give an e-mail) the room's Yjs document, resolves names with your async resolvers and
/// renders. `Ok(None)` means no e-mail.
///
/// ```no_run
/// # async fn run<T: liveblocks_core::Transport + 'static>(
/// #     client: &liveblocks_core::Client<T>,
/// #     event: &liveblocks_core::webhooks::TextMentionNotificationData,
/// # ) -> Result<(), Box<dyn std::error::Error>> {
/// use liveblocks_core::comment_body::{HtmlStyles, MentionInfo};
/// use liveblocks_core::notification_content::{prepare_text_mention_notification, RoomInfo};
///
/// let names = |ids: Vec<String>| async move {
///     Ok::<_, std::io::Error>(ids.iter().map(|id| Some(MentionInfo::named(id.to_uppercase()))).collect())
/// };
/// let room = RoomInfo::default().name("Design doc");
/// if let Some(content) = prepare_text_mention_notification(client, event, names, names, Some(&room), &HtmlStyles::email()).await? {
///     println!("{} mentioned you: {}", content.author.id, content.html);
/// }
/// # Ok(()) }
/// ```
pub async fn prepare_text_mention_notification<T, E, U, G, UF, GF>(
    client: &crate::Client<T>,
    event: &TextMentionNotificationData,
    resolve_users: U,
    resolve_groups: G,
    room: Option<&RoomInfo>,
    styles: &HtmlStyles,
) -> Result<Option<TextMentionNotificationContent>, PrepareTextMentionError<E>>
where
    T: crate::Transport + 'static,
    U: FnOnce(Vec<String>) -> UF,
    G: FnOnce(Vec<String>) -> GF,
    UF: Future<Output = Result<Vec<Option<MentionInfo>>, E>>,
    GF: Future<Output = Result<Vec<Option<MentionInfo>>, E>>,
{
    let (room_data, inbox) = futures::future::try_join(
        client.get_room(&event.room_id).into_future(),
        client
            .get_inbox_notification(&event.user_id, &event.inbox_notification_id)
            .into_future(),
    )
    .await?;
    if text_mention_editor(&room_data, &inbox).is_none() {
        return Ok(None);
    }
    let update = client
        .get_yjs_document_as_binary_update(&event.room_id)
        .await?;
    let Some(selection) = select_text_mention(&room_data, &inbox, &update)
        .map_err(PrepareTextMentionError::Document)?
    else {
        return Ok(None);
    };
    let names =
        MentionNames::resolve_ids_async(selection.ids_to_resolve(), resolve_users, resolve_groups)
            .await
            .map_err(PrepareTextMentionError::Resolve)?;
    Ok(Some(selection.render(event, &names, room, styles)))
}
