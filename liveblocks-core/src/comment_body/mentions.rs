//! Mentions: which users and groups a body mentions, and their resolved names.

use std::collections::{HashMap, HashSet};
use std::future::Future;

use serde_json::Value;

use crate::models::comments::{
    CommentBlock, CommentBody, CommentInline, CommentMention, MentionKind,
};

/// What a resolver knows about a user or group: at least its name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct MentionInfo {
    /// The name to show; `None` shows the ID.
    pub name: Option<String>,
}

impl MentionInfo {
    /// Info with a name.
    pub fn named(name: impl Into<String>) -> Self {
        MentionInfo {
            name: Some(name.into()),
        }
    }
}

/// The IDs to resolve for a body: distinct mentioned users and groups, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct MentionIds {
    /// Mentioned users.
    pub user_ids: Vec<String>,
    /// Mentioned groups.
    pub group_ids: Vec<String>,
}

impl MentionIds {
    /// The IDs mentioned in `body` (a user and a group with the same ID count once, as the
    /// first of them, as in `@liveblocks/core`).
    pub fn of(body: &CommentBody) -> Self {
        let mut ids = MentionIds::default();
        for mention in mentions(body) {
            match mention.kind {
                MentionKind::User => ids.user_ids.push(mention.id),
                MentionKind::Group => ids.group_ids.push(mention.id),
                _ => {}
            }
        }
        ids
    }
}

/// A resolver failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ResolveError<E> {
    /// The users resolver failed.
    #[error("resolving users failed: {0}")]
    Users(#[source] E),
    /// The groups resolver failed.
    #[error("resolving groups failed: {0}")]
    Groups(#[source] E),
}

/// Resolved users and groups, by ID.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MentionNames {
    users: HashMap<String, MentionInfo>,
    groups: HashMap<String, MentionInfo>,
}

impl MentionNames {
    /// No names: mentions show IDs.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a user.
    pub fn with_user(mut self, id: impl Into<String>, info: MentionInfo) -> Self {
        self.users.insert(id.into(), info);
        self
    }

    /// Adds a group.
    pub fn with_group(mut self, id: impl Into<String>, info: MentionInfo) -> Self {
        self.groups.insert(id.into(), info);
        self
    }

    /// A resolved user.
    pub fn user(&self, id: &str) -> Option<&MentionInfo> {
        self.users.get(id)
    }

    /// A resolved group.
    pub fn group(&self, id: &str) -> Option<&MentionInfo> {
        self.groups.get(id)
    }

    /// Records what resolvers returned for `ids` (item `i` is for `ids[i]`; `None` and missing
    /// items leave the ID unresolved, extra items are ignored, as in `@liveblocks/core`).
    pub fn insert_users(&mut self, ids: &[String], infos: Vec<Option<MentionInfo>>) {
        for (id, info) in ids.iter().zip(infos) {
            if let Some(info) = info {
                self.users.insert(id.clone(), info);
            }
        }
    }

    /// Like [`insert_users`](Self::insert_users), for groups.
    pub fn insert_groups(&mut self, ids: &[String], infos: Vec<Option<MentionInfo>>) {
        for (id, info) in ids.iter().zip(infos) {
            if let Some(info) = info {
                self.groups.insert(id.clone(), info);
            }
        }
    }

    /// Resolves the mentions of `body` with synchronous resolvers, each called at most once
    /// and only with a non-empty list.
    pub fn resolve<E>(
        body: &CommentBody,
        mut users: impl FnMut(&[String]) -> Result<Vec<Option<MentionInfo>>, E>,
        mut groups: impl FnMut(&[String]) -> Result<Vec<Option<MentionInfo>>, E>,
    ) -> Result<Self, ResolveError<E>> {
        let ids = MentionIds::of(body);
        let mut names = MentionNames::new();
        if !ids.user_ids.is_empty() {
            let infos = users(&ids.user_ids).map_err(ResolveError::Users)?;
            names.insert_users(&ids.user_ids, infos);
        }
        if !ids.group_ids.is_empty() {
            let infos = groups(&ids.group_ids).map_err(ResolveError::Groups)?;
            names.insert_groups(&ids.group_ids, infos);
        }
        Ok(names)
    }

    /// Resolves the mentions of `body` with asynchronous resolvers, run concurrently.
    pub async fn resolve_async<E, U, G, UF, GF>(
        body: &CommentBody,
        users: U,
        groups: G,
    ) -> Result<Self, ResolveError<E>>
    where
        U: FnOnce(Vec<String>) -> UF,
        G: FnOnce(Vec<String>) -> GF,
        UF: Future<Output = Result<Vec<Option<MentionInfo>>, E>>,
        GF: Future<Output = Result<Vec<Option<MentionInfo>>, E>>,
    {
        Self::resolve_ids_async(MentionIds::of(body), users, groups).await
    }

    /// Resolves these IDs with asynchronous resolvers, run concurrently, each called at most
    /// once and only with a non-empty list.
    pub async fn resolve_ids_async<E, U, G, UF, GF>(
        ids: MentionIds,
        users: U,
        groups: G,
    ) -> Result<Self, ResolveError<E>>
    where
        U: FnOnce(Vec<String>) -> UF,
        G: FnOnce(Vec<String>) -> GF,
        UF: Future<Output = Result<Vec<Option<MentionInfo>>, E>>,
        GF: Future<Output = Result<Vec<Option<MentionInfo>>, E>>,
    {
        let user_ids = ids.user_ids.clone();
        let group_ids = ids.group_ids.clone();
        let users = async {
            if user_ids.is_empty() {
                Ok(Vec::new())
            } else {
                users(user_ids).await.map_err(ResolveError::Users)
            }
        };
        let groups = async {
            if group_ids.is_empty() {
                Ok(Vec::new())
            } else {
                groups(group_ids).await.map_err(ResolveError::Groups)
            }
        };
        let (users, groups) = futures::future::try_join(users, groups).await?;
        let mut names = MentionNames::new();
        names.insert_users(&ids.user_ids, users);
        names.insert_groups(&ids.group_ids, groups);
        Ok(names)
    }
}

/// `getMentionsFromCommentBody`: every block's children are visited (not only paragraphs').
pub(crate) fn mentions(body: &CommentBody) -> Vec<CommentMention> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let mut visit = |mention: &CommentMention| {
        if seen.insert(mention.id.clone()) {
            out.push(mention.clone());
        }
    };
    for block in &body.content {
        match block {
            CommentBlock::Paragraph { children } => {
                for inline in children {
                    if let CommentInline::Mention(m) = inline {
                        visit(m);
                    }
                }
            }
            CommentBlock::Other(raw) => {
                for child in raw
                    .get("children")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    if let Ok(CommentInline::Mention(m)) = serde_json::from_value(child.clone()) {
                        visit(&m);
                    }
                }
            }
        }
    }
    out
}
