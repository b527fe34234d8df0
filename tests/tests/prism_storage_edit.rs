//! Storage edits (`liveblocks_core::storage_edit`) against Prism validating the OpenAPI spec:
//! the JSON Patches our diff generates (for pseudo-random documents and edits, hostile keys
//! included) must all be valid `patch-storage-document` requests, and `edit_storage` must
//! read, edit and patch through both adapters. The dev server answers `501` to JSON Patch, so
//! Prism is the judge of the request.
//!
//! ```sh
//! PRISM_URL=http://127.0.0.1:4010 cargo test -p liveblocks-tests --test prism_storage_edit -- --nocapture
//! ```
//! (`PRISM_URL`: `prism mock --errors` on the derived spec, as `scripts/test.sh` starts it.)

use liveblocks_core::endpoint::RequestBuilder;
use liveblocks_core::storage::PatchStorageDocument;
use liveblocks_core::storage_edit::diff;
use liveblocks_core::{BlockingTransport, Config, Endpoint};
use liveblocks_tests::require_env;
use serde_json::{json, Map, Value};

const HOW: &str =
    "start Prism with `--errors` on the derived spec and set PRISM_URL (scripts/test.sh does)";

/// The number of generated patches sent.
const PATCHES: usize = 300;

fn config() -> Config {
    let url = require_env("PRISM_URL", HOW);
    Config::new("sk_test_prism")
        .unwrap()
        .with_base_url(url)
        .unwrap()
}

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
}

const KEYS: &[&str] = &[
    "title", "items", "a/b", "~x", "é", "", "0", "layers", "done",
];

fn value(rng: &mut Rng, depth: usize) -> Value {
    match rng.below(if depth > 2 { 4 } else { 6 }) {
        0 => Value::Null,
        1 => json!(rng.below(2) == 0),
        2 => json!(rng.below(100) as f64 / 4.0),
        3 => json!(KEYS[rng.below(KEYS.len())]),
        4 => Value::Array((0..rng.below(4)).map(|_| value(rng, depth + 1)).collect()),
        _ => Value::Object(object(rng, depth + 1)),
    }
}

fn object(rng: &mut Rng, depth: usize) -> Map<String, Value> {
    (0..rng.below(4))
        .map(|_| (KEYS[rng.below(KEYS.len())].to_owned(), value(rng, depth)))
        .collect()
}

/// Edits a copy of `doc` in a few random places.
fn edited(rng: &mut Rng, doc: &Value) -> Value {
    let mut new = doc.clone();
    for _ in 0..1 + rng.below(3) {
        edit_somewhere(rng, &mut new);
    }
    new
}

/// Goes down at random, then sets, removes or inserts something.
fn edit_somewhere(rng: &mut Rng, node: &mut Value) {
    let descend = rng.below(3) != 0;
    match node {
        Value::Object(m) if descend && !m.is_empty() => {
            let k = m.keys().nth(rng.below(m.len())).unwrap().clone();
            edit_somewhere(rng, m.get_mut(&k).unwrap());
        }
        Value::Array(l) if descend && !l.is_empty() => {
            let i = rng.below(l.len());
            edit_somewhere(rng, &mut l[i]);
        }
        Value::Object(m) => {
            if rng.below(2) == 0 && !m.is_empty() {
                let k = m.keys().next().unwrap().clone();
                m.remove(&k);
            } else {
                m.insert(KEYS[rng.below(KEYS.len())].to_owned(), value(rng, 2));
            }
        }
        Value::Array(l) => {
            let i = rng.below(l.len() + 1);
            if rng.below(2) == 0 && i < l.len() {
                l.remove(i);
            } else {
                l.insert(i, value(rng, 2));
            }
        }
        scalar => *scalar = value(rng, 3),
    }
}

/// The violations Prism reports about the request, from its `sl-violations` header.
fn request_violations(response: &http::Response<bytes::Bytes>) -> Vec<String> {
    let Some(header) = response.headers().get("sl-violations") else {
        return Vec::new();
    };
    let header = header.to_str().unwrap_or("<not text>");
    let array = header.find('[').map_or(header, |start| &header[start..]);
    match serde_json::from_str::<Value>(array) {
        Ok(Value::Array(items)) => items
            .into_iter()
            .filter(|item| item["location"][0] != "response")
            .map(|item| item.to_string())
            .collect(),
        _ => vec![header.to_owned()],
    }
}

#[test]
fn generated_patches_are_valid_requests() {
    let config = config();
    let client = liveblocks_ureq::Client::from_config(config.clone()).unwrap();
    // Prism does judge this request: a malformed patch is refused with violations.
    let bad = RequestBuilder::new(&config, &PatchStorageDocument::OPERATION)
        .path_param("roomId", "prism-room")
        .json(&json!([{"op": "nope", "path": 3}]))
        .build()
        .unwrap();
    let response = client.transport().send(bad).unwrap();
    assert_eq!(
        response.status(),
        422,
        "Prism must refuse a malformed patch"
    );
    assert!(!request_violations(&response).is_empty());

    let mut rng = Rng(0x09A7_C4E5);
    let (mut valid, mut sent, mut ops_total) = (0, 0, 0);
    while sent < PATCHES {
        let old = Value::Object(object(&mut rng, 0));
        let new = edited(&mut rng, &old);
        let ops = diff(&old, &new);
        if ops.is_empty() {
            continue;
        }
        ops_total += ops.len();
        let endpoint = PatchStorageDocument::new("prism-room", ops.clone());
        let response = client
            .transport()
            .send(endpoint.request(&config).unwrap())
            .unwrap();
        let violations = request_violations(&response);
        sent += 1;
        if response.status().is_success() && violations.is_empty() {
            valid += 1;
        } else {
            eprintln!(
                "patch {sent} refused ({}): {violations:?}\n  ops: {}",
                response.status(),
                serde_json::to_string(&ops).unwrap()
            );
        }
    }
    println!("prism: {valid}/{sent} generated patches valid ({ops_total} operations)");
    assert_eq!(valid, sent);
}

#[test]
fn edit_storage_reads_edits_and_patches_through_both_adapters() {
    let config = config();
    let edit = |doc: &mut Value| {
        doc["renamedByRust"] = json!("α/β ~ \"quoted\"");
        if let Some(map) = doc.as_object_mut() {
            let first = map.keys().find(|k| *k != "renamedByRust").cloned();
            if let Some(first) = first {
                map.remove(&first);
            }
        }
    };
    let blocking = liveblocks_ureq::Client::from_config(config.clone()).unwrap();
    let done = blocking.edit_storage("prism-room", edit).send().unwrap();
    assert!(!done.patch.is_empty());
    println!(
        "edit_storage (ureq): {} operations accepted",
        done.patch.len()
    );

    let runtime = tokio::runtime::Runtime::new().unwrap();
    let client = liveblocks_hyper::Client::from_config(config).unwrap();
    let done = runtime
        .block_on(async { client.edit_storage("prism-room", edit).await })
        .unwrap();
    assert!(!done.patch.is_empty());
    println!(
        "edit_storage (hyper): {} operations accepted",
        done.patch.len()
    );
}
