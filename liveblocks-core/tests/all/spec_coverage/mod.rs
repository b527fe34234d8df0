//! Checks the implementation against the facts extracted from the official spec
//! (`facts.json`, made by `scripts/spec-facts.py`).
//!
//! - every operation: same method, path template, query parameter names and content types;
//! - every schema: a spec-shaped instance (every property filled in) decodes into the Rust type,
//!   re-encodes with every spec property still there (so no property is missing), and fails to
//!   decode when any required property is taken out (so required means non-optional).
//!
//! Each domain registers its operations and its schema-to-type mapping in its own module.

mod ai;
mod auth;
mod comments;
mod feeds;
mod groups;
mod management;
mod notifications;
mod rooms;
mod storage_files;

use std::collections::{BTreeMap, BTreeSet};

use liveblocks_core::endpoint::{BodyKind, Operation};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Map, Value};

fn facts() -> Value {
    serde_json::from_str(include_str!("facts.json")).expect("facts.json is valid JSON")
}

/// Collects what each domain registers, and every mismatch found.
pub struct Registry {
    facts: Value,
    operations: BTreeSet<String>,
    schemas: BTreeSet<String>,
    failures: Vec<String>,
}

impl Registry {
    fn new() -> Self {
        Registry {
            facts: facts(),
            operations: BTreeSet::new(),
            schemas: BTreeSet::new(),
            failures: Vec::new(),
        }
    }

    fn fail(&mut self, message: String) {
        self.failures.push(message);
    }

    /// Checks a domain's operations against the spec facts.
    pub fn operations(&mut self, operations: &[Operation]) {
        for op in operations {
            let Some(spec) = self.facts["operations"]
                .as_array()
                .unwrap()
                .iter()
                .find(|o| o["id"] == op.id)
                .cloned()
            else {
                self.fail(format!("operation {}: not in the spec", op.id));
                continue;
            };
            if !self.operations.insert(op.id.to_owned()) {
                self.fail(format!("operation {}: registered twice", op.id));
            }
            if spec["method"] != op.method.as_str() {
                self.fail(format!(
                    "{}: method {} != spec {}",
                    op.id, op.method, spec["method"]
                ));
            }
            if spec["path"] != op.path {
                self.fail(format!(
                    "{}: path {} != spec {}",
                    op.id, op.path, spec["path"]
                ));
            }
            let spec_query: BTreeSet<&str> = spec["queryParams"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["name"].as_str().unwrap())
                .collect();
            let ours: BTreeSet<&str> = op.query.iter().copied().collect();
            if spec_query != ours {
                self.fail(format!("{}: query {ours:?} != spec {spec_query:?}", op.id));
            }
            let content_type =
                |kind: BodyKind| kind.content_type().map_or(Value::Null, |c| json!(c));
            if spec["requestContentType"] != content_type(op.request_body) {
                self.fail(format!(
                    "{}: request body {:?} != spec {}",
                    op.id, op.request_body, spec["requestContentType"]
                ));
            }
            if spec["responseContentType"] != content_type(op.response_body) {
                self.fail(format!(
                    "{}: response body {:?} != spec {}",
                    op.id, op.response_body, spec["responseContentType"]
                ));
            }
        }
    }

    /// Checks that `T` models the spec schema `name`.
    pub fn schema<T: Serialize + DeserializeOwned>(&mut self, name: &str) {
        self.schema_lenient::<T>(name, &[], "");
    }

    /// Like [`Registry::schema`], but the listed required properties may be absent (the real
    /// server leaves them out; `why` says where that was seen).
    pub fn schema_lenient<T: Serialize + DeserializeOwned>(
        &mut self,
        name: &str,
        optional_ok: &[&str],
        why: &str,
    ) {
        assert!(optional_ok.is_empty() || !why.is_empty(), "{name}: say why");
        let Some(schema) = self.facts["schemas"].get(name).cloned() else {
            self.fail(format!("schema {name}: not in the spec"));
            return;
        };
        if !self.schemas.insert(name.to_owned()) {
            self.fail(format!("schema {name}: registered twice"));
        }
        let synth = Synth {
            schemas: &self.facts["schemas"],
        };
        let shape = &schema["shape"];
        let mut failures = Vec::new();

        // Every variant of a union, every value of an enum, must decode.
        for instance in synth.variants(shape) {
            match serde_json::from_value::<T>(instance.clone()) {
                Ok(value) => {
                    let back = serde_json::to_value(&value).unwrap();
                    if let (Some(sent), Some(got)) = (instance.as_object(), back.as_object()) {
                        for key in sent.keys() {
                            if !got.contains_key(key) {
                                failures.push(format!("property `{key}` is lost (not modelled)"));
                            }
                        }
                    } else if instance.is_string() && back != instance {
                        failures.push(format!("{instance} re-encodes as {back}"));
                    }
                }
                Err(e) => failures.push(format!("{instance} does not decode: {e}")),
            }
        }

        // Removing a required property must make the decode fail.
        let full = synth.instance(shape, 0);
        if let Value::Object(full) = &full {
            let required: Vec<String> = schema["properties"]
                .as_object()
                .unwrap()
                .iter()
                .filter(|(_, p)| p["required"] == true)
                .map(|(k, _)| k.clone())
                .collect();
            for key in required {
                if optional_ok.contains(&key.as_str()) {
                    continue;
                }
                let mut partial = full.clone();
                partial.remove(&key);
                if serde_json::from_value::<T>(Value::Object(partial)).is_ok() {
                    failures.push(format!("required property `{key}` is optional in Rust"));
                }
            }
        }
        for f in failures {
            self.fail(format!(
                "schema {name} ({}): {f}",
                std::any::type_name::<T>()
            ));
        }
    }
}

/// Makes spec-shaped JSON instances from the facts' schema shapes.
struct Synth<'a> {
    schemas: &'a Value,
}

impl Synth<'_> {
    fn resolve<'b>(&'b self, shape: &'b Value) -> &'b Value {
        match shape.get("ref").and_then(Value::as_str) {
            Some(name) => self.resolve(&self.schemas[name]["shape"]),
            None => shape,
        }
    }

    /// One instance per union branch or enum value (just one for other shapes).
    fn variants(&self, shape: &Value) -> Vec<Value> {
        let shape = self.resolve(shape);
        for key in ["oneOf", "anyOf"] {
            if let Some(branches) = shape.get(key).and_then(Value::as_array) {
                return branches
                    .iter()
                    .filter(|b| b.get("type") != Some(&json!("null")))
                    .map(|b| self.instance(b, 0))
                    .collect();
            }
        }
        if let Some(values) = shape.get("enum").and_then(Value::as_array) {
            return values.clone();
        }
        vec![self.instance(shape, 0)]
    }

    fn instance(&self, shape: &Value, depth: usize) -> Value {
        let shape = self.resolve(shape);
        if let Some(value) = shape.get("const") {
            return value.clone();
        }
        if let Some(values) = shape.get("enum").and_then(Value::as_array) {
            return values[0].clone();
        }
        if let Some(example) = shape.get("example") {
            return example.clone();
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(branches) = shape.get(key).and_then(Value::as_array) {
                let branch = branches
                    .iter()
                    .find(|b| b.get("type") != Some(&json!("null")))
                    .unwrap_or(&branches[0]);
                return self.instance(branch, depth + 1);
            }
        }
        if let Some(parts) = shape.get("allOf").and_then(Value::as_array) {
            let mut merged = Map::new();
            for part in parts {
                if let Value::Object(fields) = self.instance(part, depth + 1) {
                    merged.extend(fields);
                }
            }
            if let Value::Object(own) = self.object(shape, depth) {
                merged.extend(own);
            }
            return Value::Object(merged);
        }
        let ty = match shape.get("type") {
            Some(Value::Array(types)) => types
                .iter()
                .find(|t| *t != "null")
                .cloned()
                .unwrap_or(Value::Null),
            Some(t) => t.clone(),
            None if shape.get("properties").is_some() => json!("object"),
            None => return json!(1),
        };
        match ty.as_str().unwrap_or("null") {
            "string" => match shape.get("format").and_then(Value::as_str) {
                Some("date-time") => json!("2024-01-02T03:04:05.678Z"),
                Some("uri") => json!("https://example.com/x"),
                Some("email") => json!("someone@example.com"),
                Some("binary") => json!("x"),
                _ => json!("x"),
            },
            "integer" | "number" => {
                let min = shape.get("minimum").and_then(Value::as_i64).unwrap_or(1);
                json!(min.max(1).min(
                    shape
                        .get("maximum")
                        .and_then(Value::as_i64)
                        .unwrap_or(i64::MAX)
                ))
            }
            "boolean" => json!(true),
            "array" => match shape.get("items") {
                Some(items) if depth < 6 => json!([self.instance(items, depth + 1)]),
                _ => json!([]),
            },
            "object" => self.object(shape, depth),
            _ => Value::Null,
        }
    }

    fn object(&self, shape: &Value, depth: usize) -> Value {
        let mut out = Map::new();
        if let Some(props) = shape.get("properties").and_then(Value::as_object) {
            for (name, prop) in props {
                if depth < 6 || prop["required"] == true {
                    out.insert(name.clone(), self.instance(prop, depth + 1));
                }
            }
        } else if let Some(additional) = shape.get("additionalProperties").filter(|a| a.is_object())
        {
            out.insert("key".to_owned(), self.instance(additional, depth + 1));
        }
        Value::Object(out)
    }
}

#[test]
fn implementation_matches_the_spec() {
    let mut registry = Registry::new();
    // Every operation of the crate's registry, checked against the spec's.
    for domain in liveblocks_core::endpoints::DOMAINS {
        let operations: Vec<Operation> = domain.operations().cloned().collect();
        registry.operations(&operations);
    }
    rooms::register(&mut registry);
    comments::register(&mut registry);
    notifications::register(&mut registry);
    groups::register(&mut registry);
    auth::register(&mut registry);
    ai::register(&mut registry);
    feeds::register(&mut registry);
    storage_files::register(&mut registry);
    management::register(&mut registry);

    let facts = &registry.facts;
    let total_ops = facts["operations"].as_array().unwrap().len();
    let total_schemas = facts["schemas"].as_object().unwrap().len();
    let all_ops: BTreeMap<String, ()> = liveblocks_core::endpoints::all_operations()
        .map(|op| (op.id.to_owned(), ()))
        .collect();
    let unregistered: Vec<&String> = all_ops
        .keys()
        .filter(|id| !registry.operations.contains(*id))
        .collect();
    println!(
        "spec coverage: {}/{total_ops} operations, {}/{total_schemas} schemas",
        registry.operations.len(),
        registry.schemas.len()
    );
    assert!(
        registry.failures.is_empty(),
        "{} mismatches:\n{}",
        registry.failures.len(),
        registry.failures.join("\n")
    );
    assert!(
        unregistered.is_empty(),
        "operations not checked against the spec: {unregistered:?}"
    );
    let missing_ops: Vec<&str> = facts["operations"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|o| o["id"].as_str())
        .filter(|id| !registry.operations.contains(*id))
        .collect();
    let missing_schemas: Vec<&String> = facts["schemas"]
        .as_object()
        .unwrap()
        .keys()
        .filter(|name| !registry.schemas.contains(*name))
        .collect();
    // The whole spec: every operation and schema it has, none left out.
    assert!(
        missing_ops.is_empty(),
        "only {}/{total_ops} operations; missing: {missing_ops:?}",
        registry.operations.len()
    );
    assert!(
        missing_schemas.is_empty(),
        "only {}/{total_schemas} schemas; missing: {missing_schemas:?}",
        registry.schemas.len()
    );
}
