//! Notification content: canned threads, comments and inbox notifications through
//! `prepareThreadNotificationEmailAsHtml` of `@liveblocks/emails` and through ours.

use std::collections::HashMap;

use liveblocks_core::comment_body::{HtmlStyles, MentionInfo, MentionNames};
use liveblocks_core::models::comments::Thread;
use liveblocks_core::models::notifications::InboxNotification;
use liveblocks_core::notification_content::{
    select_thread_comments, NotificationComment, RoomInfo, ThreadNotificationContent,
};
use liveblocks_core::webhooks::{NotificationEvent, WebhookEvent};
use serde_json::{json, Value};

use super::rng::Rng;

const PEOPLE: &[&str] = &["alice", "bob", "carol", "dave", "ghost"];

fn iso(minute: u64) -> String {
    format!(
        "2024-05-01T10:{:02}:{:02}.{:03}Z",
        minute / 60 % 60,
        minute % 60,
        (minute * 7) % 1000
    )
}

fn case(rng: &mut Rng, i: usize) -> Value {
    let user = *rng.pick(PEOPLE);
    let bodies = super::comment_bodies::bodies(8, 100 + i as u64);
    let n = 1 + rng.below(6);
    let mut comments = Vec::new();
    for (k, body) in bodies.iter().take(n).enumerate() {
        let author = *rng.pick(PEOPLE);
        let mut body = body.clone();
        // Sometimes mention the notified user, directly or through a group.
        let mention = match rng.below(6) {
            0 => Some(json!({"type": "mention", "kind": "user", "id": user})),
            1 => Some(
                json!({"type": "mention", "kind": "group", "id": "engineering", "userIds": [user]}),
            ),
            2 => Some(json!({"type": "mention", "kind": "group", "id": "design"})),
            _ => None,
        };
        if let Some(m) = mention {
            body["content"]
                .as_array_mut()
                .unwrap()
                .push(json!({"type": "paragraph", "children": [m]}));
        }
        let mut comment = json!({
            "type": "comment", "threadId": "th_1", "roomId": "room-1", "id": format!("cm_{k}"),
            "userId": author, "createdAt": iso(10 * k as u64 + 5), "body": body,
            "metadata": {}, "reactions": [], "attachments": [],
        });
        if rng.chance(15) {
            comment["deletedAt"] = json!(iso(10 * k as u64 + 6));
            comment.as_object_mut().unwrap().remove("body");
        }
        comments.push(comment);
    }
    let read_at = if rng.chance(50) {
        Value::Null
    } else {
        json!(iso(rng.below(40) as u64))
    };
    let triggered = iso(rng.below(20) as u64);
    let notified = iso(20 + rng.below(60) as u64);
    let room_info = match rng.below(4) {
        0 => Value::Null,
        1 => json!({"name": "Room <One> & co"}),
        2 => json!({"url": "https://example.com/rooms/1"}),
        _ => json!({"name": "R", "url": "https://example.com/rooms/1?tab=x#old"}),
    };
    json!({
        "event": {"type": "notification", "data": {
            "channel": "email", "kind": "thread", "projectId": "p", "roomId": "room-1", "userId": user,
            "threadId": "th_1", "inboxNotificationId": "in_1", "createdAt": notified, "triggeredAt": triggered}},
        "thread": {"type": "thread", "id": "th_1", "roomId": "room-1", "comments": comments,
            "createdAt": iso(0), "updatedAt": iso(59), "metadata": {}, "resolved": false, "visibility": "public"},
        "inboxNotification": {"kind": "thread", "id": "in_1", "threadId": "th_1", "roomId": "room-1",
            "readAt": read_at, "notifiedAt": notified},
        "userGroups": if rng.chance(50) { json!([{"id": "design", "members": [{"id": user}]}]) } else { json!([]) },
        "roomInfo": room_info,
    })
}

fn comment_json(c: &NotificationComment) -> Value {
    let mut info = json!({});
    if let Some(name) = &c.author.info.name {
        info["name"] = json!(name);
    }
    let mut out = json!({
        "id": c.id, "threadId": c.thread_id, "roomId": c.room_id,
        "author": {"id": c.author.id, "info": info},
        "createdAt": c.created_at.to_string(), "body": c.html,
    });
    if let Some(url) = &c.url {
        out["url"] = json!(url);
    }
    out
}

fn room_json(room: &RoomInfo) -> Value {
    let mut out = json!({"name": room.name});
    if let Some(url) = &room.url {
        out["url"] = json!(url);
    }
    out
}

fn ours_json(content: &Option<ThreadNotificationContent>) -> Value {
    match content {
        None => Value::Null,
        Some(ThreadNotificationContent::UnreadMention { comment, room }) => {
            json!({"type": "unreadMention", "comment": comment_json(comment), "roomInfo": room_json(room)})
        }
        Some(ThreadNotificationContent::UnreadReplies { comments, room }) => json!({
            "type": "unreadReplies",
            "comments": comments.iter().map(comment_json).collect::<Vec<_>>(),
            "roomInfo": room_json(room),
        }),
        Some(_) => unreachable!(),
    }
}

fn info(table: &Value, id: &str) -> Option<MentionInfo> {
    let entry = table.get(id)?;
    Some(match entry.get("name").and_then(Value::as_str) {
        Some(name) => MentionInfo::named(name),
        None => MentionInfo::default(),
    })
}

#[test]
fn notification_content_matches_liveblocks_emails() {
    let mut rng = Rng::new(7);
    let cases: Vec<Value> = (0..120).map(|i| case(&mut rng, i)).collect();
    let users = json!({"alice": {"name": "Alice <A>"}, "bob": {"name": "Bob & Co"}, "carol": {}, "dave": {"name": ""}});
    let groups = json!({"engineering": {"name": "Engineering"}, "design": {}});
    let out = super::run_oracle(
        &super::node(),
        "tests/oracles/emails.mjs",
        &json!({"users": users, "groups": groups, "cases": cases}),
    );
    let (mut same, mut emails) = (0, 0);
    let mut failures = Vec::new();
    for (i, c) in cases.iter().enumerate() {
        let event: WebhookEvent = serde_json::from_value(c["event"].clone()).unwrap();
        let Some(NotificationEvent::Thread(event)) = event.as_notification() else {
            panic!()
        };
        let thread: Thread = serde_json::from_value(c["thread"].clone()).unwrap();
        let inbox: InboxNotification =
            serde_json::from_value(c["inboxNotification"].clone()).unwrap();
        let groups_of_user: HashMap<String, Vec<String>> = c["userGroups"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| {
                (
                    g["id"].as_str().unwrap().to_owned(),
                    g["members"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|m| m["id"].as_str().unwrap().to_owned())
                        .collect(),
                )
            })
            .collect();
        let content =
            select_thread_comments(event, &thread, &inbox, &groups_of_user).map(|selection| {
                let ids = selection.ids_to_resolve();
                let mut names = MentionNames::new();
                names.insert_users(
                    &ids.user_ids,
                    ids.user_ids.iter().map(|id| info(&users, id)).collect(),
                );
                names.insert_groups(
                    &ids.group_ids,
                    ids.group_ids.iter().map(|id| info(&groups, id)).collect(),
                );
                let room: Option<RoomInfo> = c["roomInfo"].as_object().map(|r| {
                    let mut info = RoomInfo::default();
                    if let Some(n) = r.get("name").and_then(Value::as_str) {
                        info = info.name(n);
                    }
                    if let Some(u) = r.get("url").and_then(Value::as_str) {
                        info = info.url(u);
                    }
                    info
                });
                selection.render(event, &names, room.as_ref(), &HtmlStyles::email())
            });
        let ours = ours_json(&content);
        emails += usize::from(!ours.is_null());
        if super::same_json(&ours, &out[i]) {
            same += 1;
        } else {
            failures.push(format!("case {i}:\n ours {ours}\n node {}", out[i]));
        }
    }
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(emails > 30, "too few cases produce an e-mail: {emails}");
    println!("notification content: {same}/{} identical to @liveblocks/emails (data and HTML; {emails} e-mails, {} no e-mail)", cases.len(), cases.len() - emails);
}
