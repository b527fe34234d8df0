//! The query builders against the official parser and the official Node SDK.
//!
//! Generates more than 2,000 criteria (hostile strings included: quotes, backslashes, `OR`
//! clauses, control characters, non-ASCII, integer-like metadata keys, huge and tiny numbers),
//! builds each with `liveblocks_core::query`, and hands the text, the request URL and the
//! intended tree (built here independently of the builders) to `tests/oracles/queries.mjs`,
//! which parses it with `@liveblocks/query-parser` and compares with what `@liveblocks/node`
//! sends for the same criteria object. Needs `node` and the npm packages (`npm ci`); fails,
//! never skips, without them.
//!
//! ```sh
//! cargo test -p liveblocks-tests --test queries -- --nocapture
//! ```

use std::io::Write;
use std::path::PathBuf;
use std::process::Command;

use liveblocks_core::comments::GetThreads;
use liveblocks_core::models::comments::ThreadVisibility;
use liveblocks_core::notifications::GetInboxNotifications;
use liveblocks_core::query::{
    Condition, Field, InboxNotificationsQuery, Literal, Query, RoomsQuery, ThreadsQuery,
};
use liveblocks_core::rooms::GetRooms;
use liveblocks_core::{Config, Endpoint};
use serde_json::{json, Value};

#[path = "queries/values.rs"]
mod values;

use values::*;

/// One generated metadata key's final criteria.
enum KeyCriteria {
    Equals(Literal),
    Ops(Vec<(&'static str, Value)>),
}

struct Case {
    lang: &'static str,
    built: Result<liveblocks_core::query::QueryString, liveblocks_core::Error>,
    url: Option<String>,
    tree: Value,
    node: Option<Value>,
    node_ok: bool,
    expect_error: bool,
}

fn metadata_keys(rng: &mut Rng, max: usize, threads: bool) -> Vec<(String, KeyCriteria)> {
    let mut out: Vec<(String, KeyCriteria)> = Vec::new();
    for _ in 0..rng.below(max + 1) {
        let k = key(rng);
        if out.iter().any(|(existing, _)| *existing == k) {
            continue;
        }
        let criteria = if threads {
            match rng.below(6) {
                0 => KeyCriteria::Equals(Literal::String(string(rng, 0))),
                1 => KeyCriteria::Equals(Literal::Number(number(rng))),
                2 => KeyCriteria::Equals(Literal::Boolean(rng.chance(50))),
                3 => KeyCriteria::Equals(Literal::Null),
                _ => {
                    let mut ops = Vec::new();
                    if rng.chance(40) {
                        ops.push(("startsWith", json!(string(rng, 1))));
                    }
                    for op in ["lt", "gt", "lte", "gte"] {
                        if rng.chance(35) {
                            ops.push((op, json!(number(rng))));
                        }
                    }
                    if ops.is_empty() {
                        ops.push(("gte", json!(number(rng))));
                    }
                    KeyCriteria::Ops(ops)
                }
            }
        } else if rng.chance(60) {
            KeyCriteria::Equals(Literal::String(string(rng, 0)))
        } else {
            KeyCriteria::Ops(vec![("startsWith", json!(string(rng, 1)))])
        };
        out.push((k, criteria));
    }
    out
}

/// Adds the metadata criteria to the intended tree and Node object, checking Node can write
/// them; returns whether it can.
fn metadata_expectations(
    keys: &[(String, KeyCriteria)],
    tree: &mut Vec<Value>,
    entries: &mut Vec<Value>,
    expressible_all: &mut bool,
) -> bool {
    let mut node_ok = true;
    let mut meta_entries = Vec::new();
    let sym = |op: &str| match op {
        "lt" => "<",
        "gt" => ">",
        "lte" => "<=",
        _ => ">=",
    };
    for (k, criteria) in keys {
        node_ok &= node_key_ok(k);
        *expressible_all &= expressible(k);
        match criteria {
            KeyCriteria::Equals(value) => {
                tree.push(t_exact(t_meta(k), value));
                match value {
                    Literal::String(s) => {
                        node_ok &= node_string_ok(s);
                        *expressible_all &= expressible(s);
                    }
                    Literal::Number(n) => node_ok &= node_number_ok(*n),
                    _ => {}
                }
                meta_entries.push(json!([k, node_value(value)]));
            }
            KeyCriteria::Ops(ops) => {
                let mut object = Vec::new();
                for (op, v) in ops {
                    if *op == "startsWith" {
                        let s = v.as_str().unwrap();
                        tree.push(t_prefix(t_meta(k), s));
                        node_ok &= node_string_ok(s);
                        *expressible_all &= expressible(s);
                    } else {
                        let n = v.as_f64().unwrap();
                        tree.push(t_num(t_meta(k), sym(op), n));
                        node_ok &= node_number_ok(n);
                    }
                    object.push(json!([op, v]));
                }
                meta_entries.push(json!([k, {"$entries": object}]));
            }
        }
    }
    if !meta_entries.is_empty() {
        entries.push(json!(["metadata", {"$entries": meta_entries}]));
    }
    node_ok
}

fn apply_threads_keys(
    mut q: ThreadsQuery,
    keys: &[(String, KeyCriteria)],
    rng: &mut Rng,
) -> ThreadsQuery {
    for (k, criteria) in keys {
        if rng.chance(15) {
            // Set something else first: a later call on the same key replaces it in place.
            q = q.metadata(k.clone(), "replaced");
        }
        match criteria {
            KeyCriteria::Equals(Literal::Null) => q = q.metadata_missing(k.clone()),
            KeyCriteria::Equals(value) => q = q.metadata(k.clone(), value.clone()),
            KeyCriteria::Ops(ops) => {
                for (op, v) in ops {
                    q = match *op {
                        "startsWith" => q.metadata_starts_with(k.clone(), v.as_str().unwrap()),
                        "lt" => q.metadata_lt(k.clone(), v.as_f64().unwrap()),
                        "gt" => q.metadata_gt(k.clone(), v.as_f64().unwrap()),
                        "lte" => q.metadata_lte(k.clone(), v.as_f64().unwrap()),
                        _ => q.metadata_gte(k.clone(), v.as_f64().unwrap()),
                    };
                }
            }
        }
    }
    q
}

fn rooms_case(rng: &mut Rng, config: &Config) -> Case {
    let mut q = RoomsQuery::new();
    let (mut tree, mut entries) = (Vec::new(), Vec::new());
    let mut node_ok = true;
    let mut ok = true;
    let keys = metadata_keys(rng, 3, false);
    let prefix = (keys.is_empty() || rng.chance(50)).then(|| string(rng, 1));
    if let Some(prefix) = &prefix {
        q = q.room_id_starts_with(prefix.clone());
        tree.push(t_prefix(t_direct("roomId"), prefix));
        entries.push(json!(["roomId", {"$entries": [["startsWith", prefix]]}]));
        node_ok &= node_string_ok(prefix);
        ok &= expressible(prefix);
    }
    for (k, criteria) in &keys {
        q = match criteria {
            KeyCriteria::Equals(Literal::String(v)) => q.metadata(k.clone(), v.clone()),
            KeyCriteria::Ops(ops) => q.metadata_starts_with(k.clone(), ops[0].1.as_str().unwrap()),
            _ => unreachable!(),
        };
    }
    node_ok &= metadata_expectations(&keys, &mut tree, &mut entries, &mut ok);
    let built = q.build();
    let url = built.as_ref().ok().map(|b| {
        GetRooms::new()
            .query(b.clone())
            .request(config)
            .unwrap()
            .uri()
            .to_string()
    });
    Case {
        lang: "rooms",
        built,
        url,
        tree: t_query(tree),
        node: Some(json!({"$entries": entries})),
        node_ok,
        expect_error: !ok,
    }
}

fn threads_case(rng: &mut Rng, config: &Config) -> Case {
    let mut q = ThreadsQuery::new();
    let (mut tree, mut entries) = (Vec::new(), Vec::new());
    let mut ok = true;
    let keys = metadata_keys(rng, 4, true);
    let resolved = (keys.is_empty() || rng.chance(40)).then(|| rng.chance(50));
    let visibility = rng.chance(30).then(|| *rng.pick(&["public", "private"]));
    // Node writes plain fields in the object's order; ours is the order first set.
    let visibility_first = rng.chance(50);
    let mut plain = Vec::new();
    if let Some(r) = resolved {
        plain.push(("resolved", Literal::Boolean(r)));
    }
    if let Some(v) = visibility {
        plain.push(("visibility", Literal::String(v.into())));
    }
    if visibility_first {
        plain.reverse();
    }
    for (name, value) in &plain {
        q = match value {
            Literal::Boolean(b) => q.resolved(*b),
            Literal::String(s) => q.visibility(ThreadVisibility::from(s.as_str())),
            _ => unreachable!(),
        };
        tree.push(t_exact(t_direct(name), value));
        entries.push(json!([name, node_value(value)]));
    }
    q = apply_threads_keys(q, &keys, rng);
    let node_ok = metadata_expectations(&keys, &mut tree, &mut entries, &mut ok);
    let built = q.build();
    let url = built.as_ref().ok().map(|b| {
        GetThreads::new("r")
            .query(b.clone())
            .request(config)
            .unwrap()
            .uri()
            .to_string()
    });
    Case {
        lang: "threads",
        built,
        url,
        tree: t_query(tree),
        node: Some(json!({"$entries": entries})),
        node_ok,
        expect_error: !ok,
    }
}

fn notifications_case(rng: &mut Rng, config: &Config) -> Case {
    let unread = rng.chance(50);
    let built = InboxNotificationsQuery::new()
        .unread(!unread)
        .unread(unread)
        .build();
    let url = built.as_ref().ok().map(|b| {
        GetInboxNotifications::new("u")
            .query(b.clone())
            .request(config)
            .unwrap()
            .uri()
            .to_string()
    });
    Case {
        lang: "notifications",
        built,
        url,
        tree: t_query(vec![t_exact(t_direct("unread"), &Literal::Boolean(unread))]),
        node: Some(json!({"$entries": [["unread", unread]]})),
        node_ok: true,
        expect_error: false,
    }
}

/// Any condition of the generic grammar, with its intended tree.
fn generic_condition(rng: &mut Rng, ok: &mut bool) -> (Condition, Value) {
    let (field, field_tree, kind) = match rng.below(7) {
        0 => (Field::direct("id"), t_direct("id"), "token"),
        1 => (Field::direct("name"), t_direct("name"), "string"),
        2 => (Field::direct("age"), t_direct("age"), "numeric"),
        3 => (Field::direct("done"), t_direct("done"), "boolean"),
        _ => {
            let k = key(rng);
            *ok &= expressible(&k);
            let base = *rng.pick(&["metadata", "meta"]);
            let t = json!({"_kind": "KeyedField", "base": {"_kind": "Identifier", "name": base}, "key": k});
            (Field::keyed(base, k), t, "mixed")
        }
    };
    let string_value = |rng: &mut Rng, ok: &mut bool| {
        let s = string(rng, 1);
        *ok &= expressible(&s);
        s
    };
    let (condition, tree) = match (kind, rng.below(4)) {
        (_, 0) => (Condition::null(field), t_exact(field_tree, &Literal::Null)),
        ("token", _) => {
            let s = string_value(rng, ok);
            (
                Condition::exact(field, s.clone()),
                t_exact(field_tree, &Literal::String(s)),
            )
        }
        ("boolean", _) => {
            let b = rng.chance(50);
            (
                Condition::exact(field, b),
                t_exact(field_tree, &Literal::Boolean(b)),
            )
        }
        ("string", 1) | ("mixed", 1) => {
            let s = string_value(rng, ok);
            (
                Condition::prefix(field, s.clone()),
                t_prefix(field_tree, &s),
            )
        }
        ("string", _) | ("mixed", 2) if kind != "numeric" => {
            let s = string_value(rng, ok);
            (
                Condition::exact(field, s.clone()),
                t_exact(field_tree, &Literal::String(s)),
            )
        }
        ("numeric", 1) | ("mixed", 3) => {
            let n = number(rng);
            let (condition, op) = match rng.below(4) {
                0 => (Condition::lt(field, n), "<"),
                1 => (Condition::gt(field, n), ">"),
                2 => (Condition::lte(field, n), "<="),
                _ => (Condition::gte(field, n), ">="),
            };
            (condition, t_num(field_tree, op, n))
        }
        _ => {
            let n = number(rng);
            (
                Condition::exact(field, n),
                t_exact(field_tree, &Literal::Number(n)),
            )
        }
    };
    if rng.chance(30) {
        (
            condition.not(),
            json!({"_kind": "NotCondition", "not": tree}),
        )
    } else {
        (condition, tree)
    }
}

fn generic_case(rng: &mut Rng) -> Case {
    let mut q = Query::new();
    let mut tree = Vec::new();
    let mut ok = true;
    for _ in 0..1 + rng.below(4) {
        if rng.chance(35) {
            let (conditions, trees): (Vec<_>, Vec<_>) = (0..2 + rng.below(3))
                .map(|_| generic_condition(rng, &mut ok))
                .unzip();
            q = q.any_of(conditions);
            tree.push(json!({"_kind": "OrCondition", "anyOf": trees}));
        } else {
            let (condition, t) = generic_condition(rng, &mut ok);
            q = q.and(condition);
            tree.push(t);
        }
    }
    Case {
        lang: "generic",
        built: q.build(),
        url: None,
        tree: t_query(tree),
        node: None,
        node_ok: true,
        expect_error: !ok,
    }
}

/// Hand-written hostile values: each must stay one value.
fn hostile_cases(config: &Config) -> Vec<Case> {
    let values = [
        "x' OR roomId^'y",
        "x\" OR roomId^\"y",
        "') OR (roomId^'",
        "\\' OR roomId^'a",
        "\\\" OR roomId^\"a",
        "x'] OR metadata['y",
        "\\",
        "'\"'\"",
        "\u{0} nul",
        "tab\tand\nnewline\r",
    ];
    values
        .iter()
        .map(|v| {
            let built = RoomsQuery::new().metadata("k", *v).room_id_starts_with(*v).build();
            let url = built.as_ref().ok().map(|b| GetRooms::new().query(b.clone()).request(config).unwrap().uri().to_string());
            Case {
                lang: "rooms",
                built,
                url,
                tree: t_query(vec![t_prefix(t_direct("roomId"), v), t_exact(t_meta("k"), &Literal::String(v.to_string()))]),
                node: Some(json!({"$entries": [["roomId", {"$entries": [["startsWith", v]]}], ["metadata", {"$entries": [["k", v]]}]]})),
                node_ok: node_string_ok(v),
                expect_error: false,
            }
        })
        .collect()
}

#[test]
fn queries_parse_as_intended_by_the_official_parser_and_match_node() {
    let config = Config::new("sk_test_queries").unwrap();
    let mut rng = Rng(0x5EED_2024);
    let mut cases = hostile_cases(&config);
    for i in 0..2400 {
        cases.push(match i % 24 {
            0..=6 => rooms_case(&mut rng, &config),
            7..=15 => threads_case(&mut rng, &config),
            16 => notifications_case(&mut rng, &config),
            _ => generic_case(&mut rng),
        });
    }

    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let dir = root.join("target").join("oracles");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("queries.jsonl");
    let mut file = std::fs::File::create(&path).unwrap();
    let (mut written, mut errors) = (0, 0);
    for (id, case) in cases.iter().enumerate() {
        match (&case.built, case.expect_error) {
            (Err(e), true) => {
                assert!(
                    e.is_invalid_input() && e.to_string().contains("can't be expressed"),
                    "case {id}: {e}"
                );
                errors += 1;
            }
            (Err(e), false) => panic!("case {id} ({}): unexpected error {e}", case.lang),
            (Ok(q), true) => {
                panic!("case {id}: {q} should have been refused (backslash before n/t/r)")
            }
            (Ok(q), false) => {
                let mut line =
                    json!({"id": id, "lang": case.lang, "query": q.as_str(), "tree": case.tree});
                // The builders' own tree must be the intended one too (up to AND order, which
                // the oracle checks against the parser).
                assert_eq!(
                    q.query().all_of.len(),
                    case.tree["allOf"].as_array().unwrap().len(),
                    "case {id}"
                );
                if let Some(url) = &case.url {
                    line["url"] = json!(url);
                }
                if let Some(node) = &case.node {
                    line["node"] = node.clone();
                    line["nodeExpect"] = json!(if case.node_ok { "same" } else { "differs" });
                }
                writeln!(file, "{line}").unwrap();
                written += 1;
            }
        }
    }
    drop(file);
    assert!(written >= 2000, "only {written} cases");

    let output = Command::new("node")
        .arg(root.join("tests/oracles/queries.mjs"))
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
    println!("queries refused as inexpressible (backslash before n/t/r): {errors}");
    assert!(
        output.status.success(),
        "the query oracle failed:\n{stdout}\n{stderr}"
    );
    let expected = format!("queries: {written}/{written} parsed as intended");
    assert!(
        stdout.contains(&expected),
        "expected `{expected}` in:\n{stdout}"
    );
}
