//! Property tests of [`diff`](super::diff): applying the patch to the old document gives the
//! new one, checked with the independent `json-patch` crate, on related and unrelated pairs.

use std::cell::Cell;

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::{Map, Value};

use super::diff;
use crate::models::storage::JsonPatchOp;

/// Cases per property, fixed so every run checks the same amount.
const CASES: u32 = 2_000;

fn key() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["a", "b", "c", "", "~", "/", "x/y~0", "0", "1", "é"])
        .prop_map(str::to_owned)
}

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-3i64..4).prop_map(Value::from),
        prop::sample::select(vec![0.5, -1.25, 1e300]).prop_map(Value::from),
        prop::sample::select(vec!["", "x", "y", "~1", "é"]).prop_map(Value::from),
    ]
}

fn json() -> impl Strategy<Value = Value> {
    scalar().prop_recursive(4, 40, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(key(), inner, 0..5)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn root() -> impl Strategy<Value = Value> {
    prop::collection::btree_map(key(), json(), 0..6)
        .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>()))
}

/// Changes `doc` at a pseudo-random place chosen by `choices` (the path down, then what to
/// do there): set, delete, insert, push.
fn mutate(node: &mut Value, choices: &[u64], replacement: &Value) {
    let Some((&choice, rest)) = choices.split_first() else {
        return;
    };
    if !rest.is_empty() {
        if let Some(child) = child(node, choice) {
            return mutate(child, rest, replacement);
        }
    }
    match node {
        Value::Object(map) => {
            if choice % 3 == 0 && !map.is_empty() {
                let k = map
                    .keys()
                    .nth(choice as usize / 3 % map.len())
                    .cloned()
                    .unwrap();
                map.remove(&k);
            } else {
                map.insert(format!("k{}", choice % 5), replacement.clone());
            }
        }
        Value::Array(list) => {
            let i = choice as usize / 4 % (list.len() + 1);
            match choice % 4 {
                0 if !list.is_empty() => {
                    list.remove(i.min(list.len() - 1));
                }
                1 => list.insert(i, replacement.clone()),
                2 if !list.is_empty() => {
                    let j = i.min(list.len() - 1);
                    list[j] = replacement.clone();
                }
                _ => list.push(replacement.clone()),
            }
        }
        scalar => *scalar = replacement.clone(),
    }
}

/// The child of a container picked by `choice`, if it has any.
fn child(node: &mut Value, choice: u64) -> Option<&mut Value> {
    match node {
        Value::Object(map) if !map.is_empty() => {
            let k = map.keys().nth(choice as usize % map.len()).cloned()?;
            map.get_mut(&k)
        }
        Value::Array(list) if !list.is_empty() => {
            let i = choice as usize % list.len();
            list.get_mut(i)
        }
        _ => None,
    }
}

/// The value reached by following `choices` down while there are children.
fn descend<'a>(node: &'a mut Value, choices: &[u64]) -> &'a mut Value {
    match choices.split_first() {
        Some((&c, rest)) if child(node, c).is_some() => descend(child(node, c).unwrap(), rest),
        _ => node,
    }
}

fn check(old: &Value, new: &Value) -> Result<usize, TestCaseError> {
    let ops = diff(old, new);
    let patch: json_patch::Patch =
        serde_json::from_value(serde_json::to_value(&ops).unwrap()).unwrap();
    let mut applied = old.clone();
    json_patch::patch(&mut applied, &patch)
        .map_err(|e| TestCaseError::fail(format!("json-patch refused {ops:?}: {e}")))?;
    prop_assert_eq!(&applied, new, "ops: {:?}", ops);
    // Nothing for equal values, and the reverse diff restores the old document too.
    prop_assert!(diff(new, new).is_empty());
    let only_add_remove_replace = ops.iter().all(|op| {
        matches!(
            op,
            JsonPatchOp::Add { .. } | JsonPatchOp::Remove { .. } | JsonPatchOp::Replace { .. }
        )
    });
    prop_assert!(only_add_remove_replace, "ops: {:?}", ops);
    Ok(ops.len())
}

fn runner() -> TestRunner {
    let config = Config {
        cases: CASES,
        failure_persistence: None,
        ..Config::default()
    };
    TestRunner::new_with_rng(
        config.clone(),
        TestRng::deterministic_rng(RngAlgorithm::ChaCha),
    )
}

#[test]
fn diff_of_edited_documents_applies_to_the_edit() {
    let runs = Cell::new(0usize);
    let ops_total = Cell::new(0usize);
    let strategy = (
        root(),
        prop::collection::vec(prop::collection::vec(any::<u64>(), 1..6), 1..5),
        json(),
    );
    runner()
        .run(&strategy, |(old, edits, replacement)| {
            let mut new = old.clone();
            for choices in &edits {
                mutate(&mut new, choices, &replacement);
            }
            ops_total.set(ops_total.get() + check(&old, &new)? + check(&new, &old)?);
            runs.set(runs.get() + 1);
            Ok(())
        })
        .unwrap();
    let (runs, ops_total) = (runs.get(), ops_total.get());
    println!("storage diff, edited documents: {runs} cases passed, both directions ({ops_total} operations)");
    assert!(runs >= CASES as usize);
}

#[test]
fn diff_of_unrelated_documents_applies() {
    let runs = Cell::new(0usize);
    runner()
        .run(&(root(), root()), |(old, new)| {
            check(&old, &new)?;
            runs.set(runs.get() + 1);
            Ok(())
        })
        .unwrap();
    let runs = runs.get();
    println!("storage diff, unrelated documents: {runs} cases passed");
    assert!(runs >= CASES as usize);
}

#[test]
fn a_single_scalar_change_is_a_single_replace() {
    let runs = Cell::new(0usize);
    runner()
        .run(
            &(root(), prop::collection::vec(any::<u64>(), 1..6)),
            |(old, choices)| {
                // Walk down to a value; if it is a scalar, change it: exactly one `replace`.
                let mut new = old.clone();
                let node = descend(&mut new, &choices);
                if node.is_object() || node.is_array() {
                    return Ok(());
                }
                *node = Value::from("changed-ÿ");
                if new == old {
                    return Ok(());
                }
                let ops = diff(&old, &new);
                prop_assert_eq!(ops.len(), 1, "{:?}", ops);
                let is_replace = matches!(ops[0], JsonPatchOp::Replace { .. });
                prop_assert!(is_replace, "{:?}", ops);
                check(&old, &new)?;
                runs.set(runs.get() + 1);
                Ok(())
            },
        )
        .unwrap();
    let runs = runs.get();
    println!("storage diff, single scalar changes: {runs} cases checked");
    assert!(runs > 0);
}
