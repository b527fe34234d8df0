//! Auth sessions against the official Node SDK: for generated sessions and identities (hostile
//! user IDs and patterns included), the request body must be byte for byte what
//! `@liveblocks/node` 3.24.2 sends, and for every kind of outcome (2xx, 4xx, 5xx, network
//! failure, hosted or local dev server) the `{status, body}` answer must be the one its
//! `authorize()` / `identifyUser()` returns. Driven by `tests/oracles/auth.mjs`; needs `node`
//! and the npm packages, and fails (never skips) without them.
//!
//! ```sh
//! cargo test -p liveblocks-tests --test sessions -- --nocapture
//! ```

use std::io::Write;
use std::path::PathBuf;
use std::process::Command;

use bytes::Bytes;
use liveblocks_core::models::rooms::{RoomPermission, UserInfo};
use liveblocks_core::session::{AuthResponse, Identity, Session, FULL_ACCESS, READ_ACCESS};
use liveblocks_core::transport::TransportErrorKind;
use liveblocks_core::{Config, TransportError};
use serde_json::{json, Value};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const PIECES: &[&str] = &[
    "alice", "room", ":", "-", "_", " ", "\"", "\\", "'", "é", "漢", "🎉", "\n", "\t", "\u{1}",
    "\u{1f}", "\u{7f}", "\u{2028}", "/", "<script>", "{", "}",
];

fn text(rng: &mut Rng) -> String {
    (0..1 + rng.below(5))
        .map(|_| PIECES[rng.below(PIECES.len())])
        .collect()
}

const PERMISSIONS: &[&str] = &[
    "*:read",
    "*:write",
    "room:write",
    "room:read",
    "room:presence:write",
    "storage:read",
    "storage:write",
    "storage:none",
    "comments:read",
    "comments:write",
    "comments:none",
    "comments:public:read",
    "comments:public:write",
    "comments:public:none",
    "comments:private:read",
    "comments:private:write",
    "comments:private:none",
    "feeds:read",
    "feeds:write",
    "feeds:none",
];

fn permissions(rng: &mut Rng) -> Vec<&'static str> {
    match rng.below(4) {
        0 => vec!["*:write"],
        1 => vec!["*:read"],
        _ => (0..1 + rng.below(4))
            .map(|_| PERMISSIONS[rng.below(PERMISSIONS.len())])
            .collect(),
    }
}

fn user_info(rng: &mut Rng) -> Option<(UserInfo, Value)> {
    if !rng.chance(60) {
        return None;
    }
    // The order our `UserInfo` writes: name, avatar, color, then the other keys sorted.
    let name = text(rng);
    let mut info = UserInfo::new().name(name.clone());
    // Entries, so the oracle builds the object in this order (a JSON map here would sort).
    let mut node = vec![json!(["name", name])];
    if rng.chance(50) {
        info = info.color("#0af");
        node.push(json!(["color", "#0af"]));
    }
    if rng.chance(50) {
        info.extra.insert("role".into(), json!(text(rng)));
        info.extra
            .insert("tags".into(), json!(["a", 1, true, null, {"x": 2.5}]));
        node.push(json!(["role", info.extra["role"]]));
        node.push(json!(["tags", info.extra["tags"]]));
    }
    Some((info, json!({ "$entries": node })))
}

fn outcome(rng: &mut Rng) -> (Value, Result<http::Response<Bytes>, TransportError>) {
    let statuses = [
        200, 201, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504,
    ];
    if rng.chance(12) {
        return (
            json!("network-error"),
            Err(TransportError::new(
                TransportErrorKind::Connect,
                "connection refused",
            )),
        );
    }
    let status = statuses[rng.below(statuses.len())];
    let body = if status < 300 {
        "{\"token\":\"eyJhbGciOiJub25lIn0.e30.\"}".to_owned()
    } else {
        format!("{{\"error\":\"E{status}\",\"message\":\"{}\"}}", "nope é")
    };
    let response = http::Response::builder()
        .status(status)
        .body(Bytes::from(body.clone()))
        .unwrap();
    (json!({"status": status, "body": body}), Ok(response))
}

#[test]
fn sessions_send_what_the_node_sdk_sends_and_answer_what_it_answers() {
    let mut rng = Rng(0xA174_5E55);
    let mut lines = Vec::new();
    for id in 0..400 {
        let base_url = if rng.chance(25) {
            "http://localhost:1153"
        } else {
            "https://api.liveblocks.io"
        };
        let config = Config::new("sk_test_sessions")
            .unwrap()
            .with_base_url(base_url)
            .unwrap();
        let user_id = text(&mut rng);
        let info = user_info(&mut rng);
        let organization_id = rng.chance(40).then(|| text(&mut rng));
        let (respond, result) = outcome(&mut rng);
        let mut case =
            json!({"id": id, "baseUrl": base_url, "userId": user_id, "respond": respond});
        if let Some((_, node_info)) = &info {
            case["userInfo"] = node_info.clone();
        }
        if let Some(org) = &organization_id {
            case["organizationId"] = json!(org);
        }
        let (request, answer) = if id % 3 == 2 {
            let mut identity = Identity::new(&user_id);
            if rng.chance(60) {
                let groups: Vec<String> = (0..rng.below(3)).map(|_| text(&mut rng)).collect();
                case["groupIds"] = json!(groups);
                identity = identity.group_ids(groups);
            }
            if let Some((info, _)) = &info {
                identity = identity.user_info(info.clone());
            }
            if let Some(org) = &organization_id {
                identity = identity.organization_id(org);
            }
            case["kind"] = json!("identify");
            (
                identity.request(&config).unwrap(),
                AuthResponse::identify(result, &config),
            )
        } else {
            let mut session = Session::new(&user_id);
            if let Some((info, _)) = &info {
                session = session.user_info(info.clone());
            }
            if let Some(org) = &organization_id {
                session = session.organization_id(org);
            }
            let mut allow = Vec::new();
            for _ in 0..1 + rng.below(12) {
                // Patterns repeat sometimes (permissions merge); never more than 10 distinct.
                let pattern = match rng.below(5) {
                    0 => "*".to_owned(),
                    1 => format!("{}*", text(&mut rng)),
                    2 => format!("room-{}", rng.below(3)),
                    _ => text(&mut rng),
                };
                let distinct: std::collections::BTreeSet<&String> =
                    allow.iter().map(|(p, _)| p).collect();
                if distinct.len() >= 10 && !distinct.contains(&pattern) {
                    continue;
                }
                let perms = permissions(&mut rng);
                session = session.allow(&pattern, perms.iter().map(|p| RoomPermission::from(*p)));
                allow.push((pattern, perms));
            }
            case["allow"] = json!(allow);
            case["kind"] = json!("authorize");
            (
                session.request(&config).unwrap(),
                AuthResponse::authorize(result, &config),
            )
        };
        assert_eq!(
            request.uri().path(),
            if case["kind"] == "identify" {
                "/v2/identify-user"
            } else {
                "/v2/authorize-user"
            }
        );
        case["ours"] = json!({
            "request": String::from_utf8(request.body().to_vec()).unwrap(),
            "status": answer.status.as_u16(),
            "body": answer.body,
        });
        lines.push(case.to_string());
    }
    // The presets are the Node SDK's.
    assert_eq!(FULL_ACCESS.map(|p| p.as_str().to_owned()), ["*:write"]);
    assert_eq!(READ_ACCESS.map(|p| p.as_str().to_owned()), ["*:read"]);

    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let dir = root.join("target").join("oracles");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("auth.jsonl");
    let mut file = std::fs::File::create(&path).unwrap();
    for line in &lines {
        writeln!(file, "{line}").unwrap();
    }
    drop(file);
    let output = Command::new("node")
        .arg(root.join("tests/oracles/auth.mjs"))
        .arg(&path)
        .current_dir(&root)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "can't run `node` ({e}): install Node.js and run `npm ci` at the repository root"
            )
        });
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    println!("{stdout}{stderr}");
    assert!(
        output.status.success(),
        "the auth oracle failed:\n{stdout}\n{stderr}"
    );
    let expected = format!("auth: {n}/{n} same as @liveblocks/node", n = lines.len());
    assert!(
        stdout.contains(&expected),
        "expected `{expected}` in:\n{stdout}"
    );
}
