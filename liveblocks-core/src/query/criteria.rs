//! What the three builders share: plain fields and metadata keys, kept in the order
//! `@liveblocks/node` writes them so both SDKs send the same text for the same criteria.

use super::ast::{Condition, Field, Group, Literal, Query};

/// The criteria on one metadata key: a value, or operators (`@liveblocks/node` takes
/// `{ startsWith, lt, gt, lte, gte }` on one key, and writes them in that order but with
/// `gte` before `lte`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum KeyFilter {
    Equals(Literal),
    Ops(KeyOps),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct KeyOps {
    pub(crate) starts_with: Option<String>,
    pub(crate) lt: Option<f64>,
    pub(crate) gt: Option<f64>,
    pub(crate) gte: Option<f64>,
    pub(crate) lte: Option<f64>,
}

/// The criteria of a query builder, in the order they are written.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Criteria {
    /// Plain fields compared with a value (`resolved:true`), in the order first set.
    direct: Vec<(&'static str, Literal)>,
    /// Plain fields with operators (`roomId^"..."`), in the order first set.
    direct_ops: Vec<(&'static str, KeyOps)>,
    /// `metadata[...]`, in the order first set (written in JavaScript's key order).
    metadata: Vec<(String, KeyFilter)>,
    /// Any other condition or OR group, written last, in order.
    extra: Vec<Group>,
}

impl Criteria {
    pub(crate) fn set_direct(&mut self, name: &'static str, value: Literal) {
        match self.direct.iter_mut().find(|(n, _)| *n == name) {
            Some((_, slot)) => *slot = value,
            None => self.direct.push((name, value)),
        }
    }

    pub(crate) fn direct_ops(&mut self, name: &'static str) -> &mut KeyOps {
        let index = match self.direct_ops.iter().position(|(n, _)| *n == name) {
            Some(index) => index,
            None => {
                self.direct_ops.push((name, KeyOps::default()));
                self.direct_ops.len() - 1
            }
        };
        &mut self.direct_ops[index].1
    }

    pub(crate) fn set_metadata(&mut self, key: String, value: Literal) {
        *self.metadata_slot(key) = KeyFilter::Equals(value);
    }

    pub(crate) fn metadata_ops(&mut self, key: String) -> &mut KeyOps {
        let slot = self.metadata_slot(key);
        if !matches!(slot, KeyFilter::Ops(_)) {
            *slot = KeyFilter::Ops(KeyOps::default());
        }
        match slot {
            KeyFilter::Ops(ops) => ops,
            KeyFilter::Equals(_) => unreachable!("just set to operators"),
        }
    }

    fn metadata_slot(&mut self, key: String) -> &mut KeyFilter {
        let index = match self.metadata.iter().position(|(k, _)| *k == key) {
            Some(index) => index,
            None => {
                self.metadata.push((key, KeyFilter::Ops(KeyOps::default())));
                self.metadata.len() - 1
            }
        };
        &mut self.metadata[index].1
    }

    pub(crate) fn push(&mut self, group: Group) {
        self.extra.push(group);
    }

    /// The query, in `@liveblocks/node`'s order: plain values, plain operators, metadata
    /// values, metadata operators (metadata keys in JavaScript's property order), then the
    /// extra conditions.
    pub(crate) fn to_query(&self) -> Query {
        let mut query = Query::new();
        for (name, value) in &self.direct {
            query = query.and(Condition::exact(Field::direct(*name), value.clone()));
        }
        for (name, ops) in &self.direct_ops {
            query = push_ops(query, || Field::direct(*name), ops);
        }
        let ordered = js_key_order(&self.metadata);
        for (key, filter) in &ordered {
            if let KeyFilter::Equals(value) = filter {
                query = query.and(Condition::exact(Field::metadata(*key), value.clone()));
            }
        }
        for (key, filter) in &ordered {
            if let KeyFilter::Ops(ops) = filter {
                query = push_ops(query, || Field::metadata(*key), ops);
            }
        }
        query.all_of.extend(self.extra.iter().cloned());
        query
    }
}

fn push_ops(mut query: Query, field: impl Fn() -> Field, ops: &KeyOps) -> Query {
    if let Some(prefix) = &ops.starts_with {
        query = query.and(Condition::prefix(field(), prefix.clone()));
    }
    let comparisons = [
        (ops.lt, Condition::lt as fn(Field, f64) -> Condition),
        (ops.gt, Condition::gt),
        (ops.gte, Condition::gte),
        (ops.lte, Condition::lte),
    ];
    for (value, make) in comparisons {
        if let Some(n) = value {
            query = query.and(make(field(), n));
        }
    }
    query
}

/// The entries in the order JavaScript enumerates an object's keys: array indices
/// (canonical decimal integers below 2³² − 1) ascending, then the others in insertion order.
fn js_key_order<V>(entries: &[(String, V)]) -> Vec<(&str, &V)> {
    let mut indices: Vec<(u32, &str, &V)> = Vec::new();
    let mut others = Vec::new();
    for (key, value) in entries {
        match array_index(key) {
            Some(n) => indices.push((n, key, value)),
            None => others.push((key.as_str(), value)),
        }
    }
    indices.sort_by_key(|(n, _, _)| *n);
    indices
        .into_iter()
        .map(|(_, k, v)| (k, v))
        .chain(others)
        .collect()
}

fn array_index(key: &str) -> Option<u32> {
    let canonical = key == "0"
        || (!key.starts_with('0') && !key.is_empty() && key.bytes().all(|b| b.is_ascii_digit()));
    if !canonical || key.len() > 10 {
        return None;
    }
    let n: u64 = key.parse().ok()?;
    (n < u64::from(u32::MAX)).then_some(n as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn javascript_key_order() {
        let entries: Vec<(String, ())> =
            ["b", "10", "a", "2", "01", "4294967295", "4294967294", "-1"]
                .into_iter()
                .map(|k| (k.to_owned(), ()))
                .collect();
        let keys: Vec<&str> = js_key_order(&entries).into_iter().map(|(k, _)| k).collect();
        assert_eq!(
            keys,
            ["2", "10", "4294967294", "b", "a", "01", "4294967295", "-1"]
        );
    }

    #[test]
    fn setting_a_key_again_replaces_it_in_place() {
        let mut criteria = Criteria::default();
        criteria.set_metadata("a".into(), "1".into());
        criteria.set_metadata("b".into(), "2".into());
        criteria.metadata_ops("a".into()).starts_with = Some("x".into());
        criteria.set_metadata("b".into(), "3".into());
        let text = criteria.to_query().build().unwrap();
        assert_eq!(text.as_str(), "metadata['b']:'3' metadata['a']^'x'");
    }
}
