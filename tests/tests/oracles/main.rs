//! The oracles: the real npm packages (and the Python SDK) judge the same inputs as we do.
//!
//! ```sh
//! cargo test -p liveblocks-tests --test oracles -- --nocapture
//! ```
//!
//! Needs `node` (or `$NODE`) with the repository's `node_modules` (`@liveblocks/node` 3.24.2,
//! `@liveblocks/emails` 3.13.4) and `python3` with `venv` for the Python SDK's webhook
//! handler (`tests/oracles/setup-python.sh` installs `liveblocks==3.23.0` into
//! `$ORACLE_VENV`, default `target/oracle-venv`). Nothing is skipped: a missing tool fails.

use std::path::{Path, PathBuf};
use std::process::Command;

mod comment_bodies;
mod emails;
mod rng;
mod webhook_corpus;
mod webhooks;

/// The repository root.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// A scratch directory for this test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("liveblocks-oracles-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// Runs `program script in.json out.json` and returns the parsed output.
fn run_oracle(program: &str, script: &str, input: &serde_json::Value) -> serde_json::Value {
    let name = Path::new(script)
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let input_path = scratch(&format!("{name}-{program}-in.json").replace('/', "_"));
    let output_path = scratch(&format!("{name}-{program}-out.json").replace('/', "_"));
    std::fs::write(&input_path, serde_json::to_vec(input).unwrap()).unwrap();
    let output = Command::new(program)
        .arg(root().join(script))
        .arg(&input_path)
        .arg(&output_path)
        .current_dir(root())
        .output()
        .unwrap_or_else(|e| panic!("cannot run `{program}` (set NODE / ORACLE_VENV?): {e}"));
    assert!(
        output.status.success(),
        "{program} {script} failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&std::fs::read(&output_path).unwrap()).unwrap()
}

fn node() -> String {
    std::env::var("NODE").unwrap_or_else(|_| "node".to_owned())
}

/// The Python of the venv holding `liveblocks==3.23.0`, created on first use.
fn python() -> String {
    let venv = std::env::var("ORACLE_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root().join("target/oracle-venv"));
    let status = Command::new(root().join("tests/oracles/setup-python.sh"))
        .arg(&venv)
        .status()
        .expect("cannot run tests/oracles/setup-python.sh");
    assert!(
        status.success(),
        "could not set up the Python SDK venv at {}",
        venv.display()
    );
    venv.join("bin/python").to_string_lossy().into_owned()
}

/// Compares JSON values, treating two strings that are the same RFC 3339 instant as equal
/// (we re-serialise `2024-01-01T00:00:00.000Z` as `2024-01-01T00:00:00Z`).
fn same_json(ours: &serde_json::Value, theirs: &serde_json::Value) -> bool {
    use serde_json::Value;
    match (ours, theirs) {
        (Value::String(a), Value::String(b)) => {
            a == b
                || matches!(
                    (a.parse::<jiff::Timestamp>(), b.parse::<jiff::Timestamp>()),
                    (Ok(x), Ok(y)) if x == y
                )
        }
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_json(x, y))
        }
        (Value::Object(a), Value::Object(b)) => {
            a.len() == b.len()
                && a.iter()
                    .all(|(k, v)| b.get(k).is_some_and(|w| same_json(v, w)))
        }
        (a, b) => a == b,
    }
}
