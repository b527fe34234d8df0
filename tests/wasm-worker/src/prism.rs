//! Scenarios against Prism mocking the official OpenAPI spec with `--errors`: one or more
//! operations of every domain the dev server leaves unimplemented.
//!
//! Prism validates each request against the spec and answers a violation with `422`, so a 2xx
//! here means the request the SDK built (path, query, headers, body) is valid; the answer is
//! the spec's own example, and the checks compare the decoded values with it. With `--errors`
//! Prism also validates its examples against their schemas: where the spec contradicts itself
//! it answers `500` naming a *response* violation, which is checked as such (the request
//! passed).

use liveblocks_wasm::liveblocks_core::bytes::Bytes;
use liveblocks_wasm::liveblocks_core::http;
use liveblocks_wasm::liveblocks_core::models::ai::KnowledgeSourceStatus;
use liveblocks_wasm::liveblocks_core::models::comments::{
    CommentBlock, CommentBody, CommentInline, MetadataValue, ThreadMetadata, ThreadVisibility,
};
use liveblocks_wasm::liveblocks_core::models::management::ManagementWebhookEvent;
use liveblocks_wasm::liveblocks_core::models::notifications::InboxNotification;
use liveblocks_wasm::liveblocks_core::models::{Cursor, Timestamp};
use liveblocks_wasm::liveblocks_core::Transport;
use liveblocks_wasm::{Client, Config, Error, FetchTransport};

use crate::{Abort, Params, Report, Step};

/// The room, user and project IDs the spec's examples use.
const ROOM: &str = "my-room-id";
const USER: &str = "user-123";
const PROJECT: &str = "683d49ed6b4d1cec5a597b13";

/// A timestamp as jiff prints it (RFC 3339, no fraction when whole), to compare with the
/// spec's examples: parsing the examples instead would link jiff's general parser, about
/// 118 KiB, into a module whose size scripts/test-wasm.sh reports.
fn ts(timestamp: Timestamp) -> String {
    timestamp.to_string()
}

fn cursor(page_cursor: &Option<Cursor>) -> Option<&str> {
    page_cursor.as_ref().map(Cursor::as_str)
}

impl Params {
    fn prism_url(&self, r: &mut Report) -> Step<String> {
        match &self.prism_url {
            Some(url) if !url.is_empty() => Ok(url.clone()),
            _ => {
                r.check(
                    "the runner sent Prism's URL",
                    false,
                    "prismUrl missing: run scripts/test-wasm.sh, which starts Prism",
                );
                Err(Abort)
            }
        }
    }

    /// A client with a secret key, pointed at Prism.
    fn prism_client(&self, r: &mut Report) -> Step<Client> {
        let url = self.prism_url(r)?;
        let config = Config::new("sk_prism_wasm_test").and_then(|c| c.with_base_url(url));
        r.ok(
            "Client for Prism (secret key)",
            config.and_then(Client::from_config),
        )
    }

    /// A client with a Management API token, pointed at Prism.
    fn management_client(&self, r: &mut Report) -> Step<Client> {
        let url = self.prism_url(r)?;
        let config = Config::management("lb_mgmt_wasm_test").and_then(|c| c.with_base_url(url));
        r.ok(
            "Client for Prism (Config::management)",
            config.and_then(Client::from_config),
        )
    }
}

impl Report {
    /// A call Prism must accept: a 2xx, so the request is valid for the spec.
    fn prism_ok<T>(&mut self, name: &str, result: Result<T, Error>) -> Step<T> {
        if let Err(Error::Api(e)) = &result {
            if e.status.as_u16() == 422 {
                // With `--errors`, the violations are in the problem+json body.
                self.check(
                    name,
                    false,
                    format!(
                        "Prism found the request invalid for the spec: {}",
                        e.body_text()
                    ),
                );
                return Err(Abort);
            }
        }
        self.ok(name, result)
    }

    /// A call whose request Prism accepts but whose spec example breaks its own schema:
    /// Prism answers 500 and every violation it lists is in the response, none in the
    /// request. Decoding that answer must give a typed API error.
    fn prism_response_violation<T: std::fmt::Debug>(
        &mut self,
        name: &str,
        result: Result<T, Error>,
    ) {
        let e = match result {
            Err(Error::Api(e)) => e,
            other => {
                self.check(
                    name,
                    false,
                    format!("expected Prism's 500 for its own example, got {other:?}"),
                );
                return;
            }
        };
        let body: serde_json::Value = serde_json::from_slice(&e.raw_body).unwrap_or_default();
        let locations: Vec<String> = body["validation"]
            .as_array()
            .map(|list| {
                list.iter()
                    .map(|v| {
                        v["location"]
                            .as_array()
                            .map(|path| {
                                path.iter()
                                    .filter_map(|p| p.as_str())
                                    .collect::<Vec<_>>()
                                    .join(".")
                            })
                            .unwrap_or_default()
                    })
                    .collect()
            })
            .unwrap_or_default();
        let pass = e.status.as_u16() == 500
            && !locations.is_empty()
            && locations.iter().all(|l| l.starts_with("response"));
        let first = body["validation"][0]["message"].as_str().unwrap_or("");
        self.check(
            name,
            pass,
            format!(
                "status {}, {} violation(s) at {:?}; first: {first}",
                e.status.as_u16(),
                locations.len(),
                locations.iter().take(2).collect::<Vec<_>>()
            ),
        );
    }
}

/// Comments: `get_threads` with a query filter and `create_thread` with a rich body.
pub(crate) async fn prism_comments(p: &Params, r: &mut Report) -> Step {
    let client = p.prism_client(r)?;
    let threads = client
        .get_threads(ROOM)
        .query(r#"metadata["color"]:"blue" AND resolved:false"#)
        .await;
    let threads = r.prism_ok("get_threads (with a query)", threads)?;
    r.eq("get_threads: one thread", &threads.data.len(), &1);
    let Some(thread) = threads.data.first() else {
        return Err(Abort);
    };
    r.eq("thread: type", thread.object_type.as_str(), "thread");
    r.eq("thread: id", thread.id.as_str(), "th_abc123");
    r.eq("thread: roomId", thread.room_id.as_str(), ROOM);
    r.eq("thread: resolved", &thread.resolved, &false);
    r.eq(
        "thread: visibility",
        &thread.visibility,
        &ThreadVisibility::Public,
    );
    r.eq(
        "thread: createdAt",
        &Some(ts(thread.created_at)),
        &Some("2022-07-13T14:32:50.697Z".to_owned()),
    );
    r.eq("thread: one comment", &thread.comments.len(), &1);
    if let Some(comment) = thread.comments.first() {
        r.eq("comment: id", comment.id.as_str(), "cm_abc123");
        r.eq("comment: threadId", comment.thread_id.as_str(), "th_abc123");
        r.eq("comment: userId", comment.user_id.as_str(), "alice");
        r.eq(
            "comment: body (version 1, no blocks)",
            &comment.body,
            &Some(CommentBody::new([])),
        );
        r.eq("comment: no reactions", &comment.reactions.len(), &0);
    }

    let body = CommentBody::new([CommentBlock::paragraph([
        CommentInline::text("Ship the wasm adapter, "),
        CommentInline::mention_user("bob"),
        CommentInline::text("?"),
    ])]);
    let created = client
        .create_thread(ROOM, "alice", body)
        .metadata("color", "blue")
        .comment_metadata("tag", "important")
        .visibility(ThreadVisibility::Public)
        .await;
    let created = r.prism_ok("create_thread", created)?;
    r.eq("create_thread: id", created.id.as_str(), "th_abc123");
    r.eq(
        "create_thread: metadata",
        &created.metadata,
        &ThreadMetadata::from([("color".to_owned(), MetadataValue::from("blue"))]),
    );
    r.eq(
        "create_thread: first comment by alice",
        &created.comments.first().map(|c| c.user_id.as_str()),
        &Some("alice"),
    );
    Ok(())
}

/// Attachments: `get_attachment`.
pub(crate) async fn prism_attachments(p: &Params, r: &mut Report) -> Step {
    let client = p.prism_client(r)?;
    let attachment = client.get_attachment(ROOM, "at_abc123").await;
    let attachment = r.prism_ok("get_attachment", attachment)?;
    r.eq(
        "attachment: type",
        attachment.object_type.as_str(),
        "attachment",
    );
    r.eq("attachment: id", attachment.id.as_str(), "at_abc123");
    r.eq(
        "attachment: name",
        attachment.name.as_str(),
        "screenshot.png",
    );
    r.eq(
        "attachment: mimeType",
        attachment.mime_type.as_str(),
        "image/png",
    );
    r.eq("attachment: size", &attachment.size, &12345);
    r.eq(
        "attachment: url",
        attachment.url.as_str(),
        "https://example.com/at_abc123?X-Amz-Expires=3600&X-Amz-Signature=...",
    );
    r.eq(
        "attachment: expiresAt",
        &Some(ts(attachment.expires_at)),
        &Some("2026-03-16T14:00:00Z".to_owned()),
    );
    Ok(())
}

/// Notifications: `get_inbox_notifications` with every query parameter.
pub(crate) async fn prism_notifications(p: &Params, r: &mut Report) -> Step {
    let client = p.prism_client(r)?;
    let page = client
        .get_inbox_notifications(USER)
        .organization_id("org_123456789")
        .query("unread:true")
        .limit(20)
        .await;
    let page = r.prism_ok(
        "get_inbox_notifications (organizationId, query, limit)",
        page,
    )?;
    r.eq("no next page", &cursor(&page.next_cursor), &None);
    r.eq("one notification", &page.data.len(), &1);
    match page.data.first() {
        Some(InboxNotification::Thread(n)) => {
            r.eq("notification: id", n.id.as_str(), "in_abc123");
            r.eq("notification: kind", n.kind.as_str(), "thread");
            r.eq("notification: threadId", n.thread_id.as_str(), "th_abc123");
            r.eq("notification: roomId", n.room_id.as_str(), ROOM);
            r.eq("notification: unread (readAt null)", &n.read_at, &None);
            r.eq(
                "notification: notifiedAt",
                &Some(ts(n.notified_at)),
                &Some("2024-01-15T10:30:00Z".to_owned()),
            );
        }
        other => {
            r.check(
                "notification: a thread notification",
                false,
                format!("{other:?}"),
            );
        }
    }
    Ok(())
}

/// Groups: `get_groups` and `get_group`.
pub(crate) async fn prism_groups(p: &Params, r: &mut Report) -> Step {
    let client = p.prism_client(r)?;
    let page = r.prism_ok("get_groups (limit)", client.get_groups().limit(20).await)?;
    r.eq(
        "get_groups: no next page",
        &cursor(&page.next_cursor),
        &None,
    );
    r.eq("get_groups: one group", &page.data.len(), &1);
    if let Some(group) = page.data.first() {
        r.eq("group: type", group.object_type.as_str(), "group");
        r.eq("group: id", group.id.as_str(), "engineering");
        r.eq(
            "group: organizationId",
            group.organization_id.as_str(),
            "org_123456789",
        );
        r.eq("group: scopes.mention", &group.scopes.mention, &Some(true));
        r.eq(
            "group: members",
            &group
                .members
                .iter()
                .map(|m| m.id.as_str())
                .collect::<Vec<_>>(),
            &vec!["alice"],
        );
    }

    let group = r.prism_ok("get_group", client.get_group("engineering").await)?;
    r.eq(
        "get_group: members alice and bob",
        &group
            .members
            .iter()
            .map(|m| m.id.as_str())
            .collect::<Vec<_>>(),
        &vec!["alice", "bob"],
    );
    r.eq(
        "get_group: bob's addedAt",
        &group.members.get(1).map(|m| ts(m.added_at)),
        &Some("2024-01-16T09:00:00Z".to_owned()),
    );
    Ok(())
}

/// AI: knowledge source calls whose examples fit their schemas, and `get_ai_copilots`, whose
/// example the spec's own schema rejects.
pub(crate) async fn prism_ai(p: &Params, r: &mut Report) -> Step {
    let client = p.prism_client(r)?;
    let links = client
        .get_web_knowledge_source_links("co_abc123", "ks_abc123")
        .await;
    let links = r.prism_ok("get_web_knowledge_source_links", links)?;
    r.eq("links: no next page", &cursor(&links.next_cursor), &None);
    r.eq("links: one link", &links.data.len(), &1);
    if let Some(link) = links.data.first() {
        r.eq("link: id", link.id.as_str(), "ksl_abc123");
        r.eq(
            "link: url",
            link.url.as_str(),
            "https://docs.example.com/getting-started",
        );
        r.eq("link: status", &link.status, &KnowledgeSourceStatus::Ready);
        r.eq(
            "link: lastIndexedAt",
            &Some(ts(link.last_indexed_at)),
            &Some("2024-06-01T12:00:00Z".to_owned()),
        );
    }

    let markdown = client
        .get_file_knowledge_source_markdown("co_abc123", "ks_abc123")
        .await;
    let markdown = r.prism_ok("get_file_knowledge_source_markdown", markdown)?;
    r.eq("markdown: id", markdown.id.as_str(), "ks_abc123");
    r.eq(
        "markdown: content",
        markdown.content.as_str(),
        "# Document Title\n\nThis is the content of the uploaded file.",
    );

    let copilots = client.get_ai_copilots().limit(20).await;
    r.prism_response_violation(
        "get_ai_copilots: request valid; Prism rejects the spec's own example (typed 500)",
        copilots,
    );
    Ok(())
}

/// Version history: the JSON list and one version as binary bytes.
pub(crate) async fn prism_versions(p: &Params, r: &mut Report) -> Step {
    let client = p.prism_client(r)?;
    let page = client.get_version_history(ROOM).limit(20).await;
    let page = r.prism_ok("get_version_history (limit)", page)?;
    r.eq(
        "versions: next cursor",
        &cursor(&page.next_cursor),
        &Some("eyJjcmVhdGVkQXQiOiIyMDI0LTEwLTE1VDEwOjMwOjAwLjAwMFoifQ=="),
    );
    r.eq("versions: one version", &page.data.len(), &1);
    if let Some(version) = page.data.first() {
        r.eq("version: id", version.id.as_str(), "vh_abc123");
        r.eq(
            "version: createdAt",
            &Some(ts(version.created_at)),
            &Some("2024-10-15T10:30:00Z".to_owned()),
        );
        r.eq(
            "version: authors",
            &version
                .authors
                .iter()
                .map(|a| a.id.as_deref())
                .collect::<Vec<_>>(),
            &vec![Some("user-123")],
        );
    }

    let bytes = client.get_yjs_version(ROOM, "vh_abc123").await;
    let bytes = r.prism_ok("get_yjs_version (application/octet-stream)", bytes)?;
    // The spec gives the binary body no example, so Prism sends the placeholder it makes for
    // `type: string, format: binary`: the six bytes of "string".
    r.eq(
        "get_yjs_version: the raw body bytes",
        bytes.as_ref(),
        b"string".as_slice(),
    );
    Ok(())
}

/// Management, with a `Config::management` token: webhooks (examples that fit the schema)
/// and the project list (an example the schema rejects).
pub(crate) async fn prism_management(p: &Params, r: &mut Report) -> Step {
    let client = p.management_client(r)?;
    let page = client.get_management_webhooks(PROJECT).limit(20).await;
    let page = r.prism_ok("get_management_webhooks (limit)", page)?;
    r.eq("webhooks: no next page", &cursor(&page.next_cursor), &None);
    r.eq("webhooks: one webhook", &page.data.len(), &1);
    if let Some(hook) = page.data.first() {
        r.eq("webhook: id", hook.id.as_str(), "wh_abc123");
        r.eq(
            "webhook: url",
            hook.url.as_str(),
            "https://example.com/webhooks",
        );
        r.eq("webhook: disabled", &hook.disabled, &false);
        r.eq(
            "webhook: subscribedEvents",
            &hook.subscribed_events,
            &vec![
                ManagementWebhookEvent::StorageUpdated,
                ManagementWebhookEvent::UserEntered,
            ],
        );
        r.eq(
            "webhook: secret",
            &hook.secret.as_ref().map(|s| s.value.as_str()),
            &Some("whsec_abc123"),
        );
        r.eq(
            "webhook: throttles",
            &(
                hook.storage_updated_throttle_seconds,
                hook.y_doc_updated_throttle_seconds,
            ),
            &(10, 10),
        );
        r.eq(
            "webhook: createdAt",
            &Some(ts(hook.created_at)),
            &Some("2024-09-03T12:34:56Z".to_owned()),
        );
    }

    let hook = client.get_management_webhook(PROJECT, "wh_abc123").await;
    let hook = r.prism_ok("get_management_webhook", hook)?;
    r.eq("get_management_webhook: id", hook.id.as_str(), "wh_abc123");

    let projects = client.get_management_projects().limit(20).await;
    r.prism_response_violation(
        "get_management_projects: request valid; Prism rejects the spec's own example (typed 500)",
        projects,
    );
    Ok(())
}

/// Proof that Prism really validates requests here: a thread with no comment, sent with the
/// bare transport, gets a 422 whose problem body lists the violation. Without this, the 2xx
/// answers of the other `prism_*` scenarios would prove nothing about the requests.
pub(crate) async fn prism_validation(p: &Params, r: &mut Report) -> Step {
    let url = p.prism_url(r)?;
    let request = http::Request::builder()
        .method(http::Method::POST)
        .uri(format!("{url}/v2/rooms/{ROOM}/threads"))
        .header("authorization", "Bearer sk_prism_wasm_test")
        .header("content-type", "application/json")
        .body(Bytes::from_static(b"{\"metadata\":{}}"));
    let Ok(request) = request else {
        r.check("build the invalid request", false, "invalid request");
        return Err(Abort);
    };
    let response = match FetchTransport::new().send(request).await {
        Ok(response) => response,
        Err(e) => {
            r.check("POST an invalid thread to Prism", false, e.to_string());
            return Err(Abort);
        }
    };
    r.eq(
        "a thread without its comment: 422",
        &response.status().as_u16(),
        &422,
    );
    let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap_or_default();
    let messages: Vec<&str> = body["validation"]
        .as_array()
        .map(|list| list.iter().filter_map(|v| v["message"].as_str()).collect())
        .unwrap_or_default();
    r.eq(
        "the violation Prism lists",
        &messages,
        &vec!["Request body must have required property 'comment'"],
    );

    // The same request through the client is valid, and succeeds.
    let client = p.prism_client(r)?;
    let created = client.create_thread(ROOM, "alice", "hello").await;
    r.prism_ok("the same call through the SDK passes validation", created)?;
    Ok(())
}
