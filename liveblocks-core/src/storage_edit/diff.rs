//! The JSON Patch (RFC 6902) that turns one JSON document into another.

use serde_json::{Map, Value};

use crate::models::storage::JsonPatchOp;

/// The operations that turn `old` into `new`, by these rules (what "minimal" means here):
///
/// * equal values give no operation, anywhere;
/// * two objects are compared key by key: a key only in `old` is one `remove`, a key only in
///   `new` one `add`, a key in both is compared recursively;
/// * two arrays keep their common prefix and common suffix untouched; in between, the
///   elements at the same position are compared recursively, then the extra new elements
///   are `add`ed (at their index) or the extra old ones `remove`d. So one insertion or
///   removal anywhere in a list is one operation, and an edit inside an element stays
///   inside it. Moves are not detected (no `move` or `copy`): a reordered list is edited
///   position by position, which Storage applies as plain sets and inserts;
/// * anything else that differs (a changed scalar, a value whose type changed) is one
///   `replace` of that value.
///
/// Applying the operations in order to `old` gives `new` (property-tested against the
/// independent `json-patch` crate). Paths are JSON Pointers with `~` and `/` escaped.
///
/// ```
/// use liveblocks_core::models::storage::JsonPatchOp;
/// use liveblocks_core::storage_edit::diff;
/// use serde_json::json;
///
/// let old = json!({"title": "Todo", "items": ["a", "b"], "owner": {"name": "Al"}, "x/y": 1});
/// let new = json!({"title": "Done", "items": ["a", "z", "b"], "owner": {"name": "Al"}});
/// assert_eq!(
///     diff(&old, &new),
///     [
///         JsonPatchOp::add("/items/1", json!("z")),
///         JsonPatchOp::replace("/title", json!("Done")),
///         JsonPatchOp::remove("/x~1y"),
///     ]
/// );
/// ```
pub fn diff(old: &Value, new: &Value) -> Vec<JsonPatchOp> {
    let mut ops = Vec::new();
    diff_at(&mut String::new(), old, new, &mut ops);
    ops
}

fn diff_at(path: &mut String, old: &Value, new: &Value, ops: &mut Vec<JsonPatchOp>) {
    if old == new {
        return;
    }
    match (old, new) {
        (Value::Object(old), Value::Object(new)) => diff_objects(path, old, new, ops),
        (Value::Array(old), Value::Array(new)) => diff_arrays(path, old, new, ops),
        _ => ops.push(JsonPatchOp::replace(path.clone(), new.clone())),
    }
}

fn diff_objects(
    path: &mut String,
    old: &Map<String, Value>,
    new: &Map<String, Value>,
    ops: &mut Vec<JsonPatchOp>,
) {
    // One pass over the union of keys, in key order.
    let mut keys: Vec<&String> = old.keys().chain(new.keys()).collect();
    keys.sort();
    keys.dedup();
    for key in keys {
        let len = path.len();
        push_token(path, key);
        match (old.get(key), new.get(key)) {
            (Some(o), Some(n)) => diff_at(path, o, n, ops),
            (Some(_), None) => ops.push(JsonPatchOp::remove(path.clone())),
            (None, Some(n)) => ops.push(JsonPatchOp::add(path.clone(), n.clone())),
            (None, None) => {}
        }
        path.truncate(len);
    }
}

fn diff_arrays(path: &mut String, old: &[Value], new: &[Value], ops: &mut Vec<JsonPatchOp>) {
    let prefix = old.iter().zip(new).take_while(|(o, n)| o == n).count();
    let max_suffix = old.len().min(new.len()) - prefix;
    let suffix = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take(max_suffix)
        .take_while(|(o, n)| o == n)
        .count();
    let old_mid = &old[prefix..old.len() - suffix];
    let new_mid = &new[prefix..new.len() - suffix];
    let common = old_mid.len().min(new_mid.len());
    for i in 0..common {
        let len = path.len();
        push_index(path, prefix + i);
        diff_at(path, &old_mid[i], &new_mid[i], ops);
        path.truncate(len);
    }
    let at = prefix + common;
    let base = path.clone();
    for (k, value) in new_mid[common..].iter().enumerate() {
        push_index(path, at + k);
        ops.push(JsonPatchOp::add(path.clone(), value.clone()));
        path.clone_from(&base);
    }
    if old_mid.len() > common {
        push_index(path, at);
        for _ in common..old_mid.len() {
            // Each removal shifts the rest left: the next one is at the same index.
            ops.push(JsonPatchOp::remove(path.clone()));
        }
        path.clone_from(&base);
    }
}

/// Appends `/token` with `~` and `/` escaped (RFC 6901).
fn push_token(path: &mut String, token: &str) {
    path.push('/');
    for c in token.chars() {
        match c {
            '~' => path.push_str("~0"),
            '/' => path.push_str("~1"),
            c => path.push(c),
        }
    }
}

fn push_index(path: &mut String, index: usize) {
    path.push('/');
    path.push_str(&index.to_string());
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn equal_documents_need_nothing() {
        let doc = json!({"a": [1, {"b": null}], "c": "d"});
        assert!(diff(&doc, &doc).is_empty());
    }

    #[test]
    fn one_change_is_one_operation() {
        let old = json!({"list": [1, 2, 3, 4], "deep": {"x": {"y": [true]}}});
        let cases = [
            (
                json!({"list": [1, 2, 3, 4], "deep": {"x": {"y": [false]}}}),
                JsonPatchOp::replace("/deep/x/y/0", json!(false)),
            ),
            (
                json!({"list": [1, 3, 4], "deep": {"x": {"y": [true]}}}),
                JsonPatchOp::remove("/list/1"),
            ),
            (
                json!({"list": [0, 1, 2, 3, 4], "deep": {"x": {"y": [true]}}}),
                JsonPatchOp::add("/list/0", json!(0)),
            ),
            (
                json!({"list": [1, 2, 3, 4, 5], "deep": {"x": {"y": [true]}}}),
                JsonPatchOp::add("/list/4", json!(5)),
            ),
            (
                json!({"list": "gone", "deep": {"x": {"y": [true]}}}),
                JsonPatchOp::replace("/list", json!("gone")),
            ),
            (
                json!({"list": [1, 2, 3, 4], "deep": {"x": {"y": [true]}, "~/": 1}}),
                JsonPatchOp::add("/deep/~0~1", json!(1)),
            ),
        ];
        for (new, op) in cases {
            assert_eq!(diff(&old, &new), [op], "{new}");
        }
    }

    #[test]
    fn middle_edits_add_and_remove_in_order() {
        let old = json!([0, 1, 2, 3, 9]);
        let new = json!([0, 5, 6, 7, 8, 9]);
        assert_eq!(
            diff(&old, &new),
            [
                JsonPatchOp::replace("/1", json!(5)),
                JsonPatchOp::replace("/2", json!(6)),
                JsonPatchOp::replace("/3", json!(7)),
                JsonPatchOp::add("/4", json!(8)),
            ]
        );
        assert_eq!(
            diff(&new, &old),
            [
                JsonPatchOp::replace("/1", json!(1)),
                JsonPatchOp::replace("/2", json!(2)),
                JsonPatchOp::replace("/3", json!(3)),
                JsonPatchOp::remove("/4"),
            ]
        );
    }
}
