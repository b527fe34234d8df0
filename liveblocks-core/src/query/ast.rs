//! The whole grammar of the query language, as values: conditions on fields, negation, OR
//! groups and the top-level AND. Each language's builder ([`RoomsQuery`](super::RoomsQuery),
//! [`ThreadsQuery`](super::ThreadsQuery),
//! [`InboxNotificationsQuery`](super::InboxNotificationsQuery)) produces one, and takes extra
//! conditions for what it has no method for.

use serde_json::{json, Value};

use super::escape::{is_identifier, number, quote};
use super::QueryString;
use crate::error::Error;

/// What a condition looks at: a field (`resolved`) or a key of an indexable field
/// (`metadata["color"]`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Field {
    /// A plain field, by name.
    Direct(String),
    /// One key of an indexable field such as `metadata`.
    Keyed {
        /// The indexable field, e.g. `metadata`.
        base: String,
        /// The key, any non-empty string.
        key: String,
    },
}

impl Field {
    /// A plain field.
    pub fn direct(name: impl Into<String>) -> Self {
        Field::Direct(name.into())
    }

    /// `metadata[key]`.
    pub fn metadata(key: impl Into<String>) -> Self {
        Field::keyed("metadata", key)
    }

    /// `base[key]`.
    pub fn keyed(base: impl Into<String>, key: impl Into<String>) -> Self {
        Field::Keyed {
            base: base.into(),
            key: key.into(),
        }
    }

    fn write(&self, out: &mut String) -> Result<(), Error> {
        match self {
            Field::Direct(name) => {
                check_identifier(name)?;
                out.push_str(name);
            }
            Field::Keyed { base, key } => {
                check_identifier(base)?;
                if key.is_empty() {
                    return Err(Error::invalid_input(format!(
                        "a key of `{base}` can't be empty in a query: name the key to filter on"
                    )));
                }
                out.push_str(base);
                out.push('[');
                out.push_str(&quote(key, &format!("{base} key"))?);
                out.push(']');
            }
        }
        Ok(())
    }

    fn tree(&self) -> Value {
        match self {
            Field::Direct(name) => json!({
                "_kind": "DirectField",
                "ref": {"_kind": "Identifier", "name": name},
            }),
            Field::Keyed { base, key } => json!({
                "_kind": "KeyedField",
                "base": {"_kind": "Identifier", "name": base},
                "key": key,
            }),
        }
    }
}

fn check_identifier(name: &str) -> Result<(), Error> {
    if is_identifier(name) {
        Ok(())
    } else {
        Err(Error::invalid_input(format!(
            "{name:?} is not a field name of the query language: use letters, digits and `_`, \
             not starting with a digit, and not a keyword (and, or, true, false)"
        )))
    }
}

/// A value to compare a field with.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    /// A string, escaped when written.
    String(String),
    /// A finite number.
    Number(f64),
    /// `true` or `false`.
    Boolean(bool),
    /// `null`: the field or key is absent.
    Null,
}

impl From<&str> for Literal {
    fn from(value: &str) -> Self {
        Literal::String(value.to_owned())
    }
}

impl From<String> for Literal {
    fn from(value: String) -> Self {
        Literal::String(value)
    }
}

impl From<&String> for Literal {
    fn from(value: &String) -> Self {
        Literal::String(value.clone())
    }
}

impl From<bool> for Literal {
    fn from(value: bool) -> Self {
        Literal::Boolean(value)
    }
}

impl From<f64> for Literal {
    fn from(value: f64) -> Self {
        Literal::Number(value)
    }
}

macro_rules! literal_from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Literal {
            fn from(value: $t) -> Self {
                Literal::Number(f64::from(value))
            }
        }
    )*};
}
literal_from_int!(i8, i16, i32, u8, u16, u32, f32);

impl Literal {
    fn write(&self, what: &str, out: &mut String) -> Result<(), Error> {
        match self {
            Literal::String(s) => out.push_str(&quote(s, what)?),
            Literal::Number(n) => out.push_str(&number(*n, what)?),
            Literal::Boolean(b) => out.push_str(if *b { "true" } else { "false" }),
            Literal::Null => out.push_str("null"),
        }
        Ok(())
    }

    fn tree(&self) -> Value {
        match self {
            Literal::String(s) => json!({"_kind": "LiteralString", "value": s}),
            Literal::Number(n) => json!({"_kind": "LiteralNumber", "value": n}),
            Literal::Boolean(b) => json!({"_kind": "LiteralBoolean", "value": b}),
            Literal::Null => json!({"_kind": "LiteralNull", "value": null}),
        }
    }
}

/// A numeric comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Comparison {
    /// `<`
    Lt,
    /// `>`
    Gt,
    /// `<=`
    Lte,
    /// `>=`
    Gte,
}

impl Comparison {
    /// The operator as written.
    pub fn as_str(self) -> &'static str {
        match self {
            Comparison::Lt => "<",
            Comparison::Gt => ">",
            Comparison::Lte => "<=",
            Comparison::Gte => ">=",
        }
    }
}

/// What a condition checks on its field.
#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    /// `field:value`.
    Exact(Literal),
    /// `field^"prefix"`; the prefix can't be empty.
    Prefix(String),
    /// `field<n`, `field>n`, `field<=n`, `field>=n`.
    Compare(Comparison, f64),
}

/// One condition, possibly negated (`-field:value`).
///
/// ```
/// use liveblocks_core::query::{Condition, Field, Query};
///
/// let query = Query::new()
///     .and(Condition::exact(Field::metadata("status"), "open"))
///     .and(Condition::gte(Field::metadata("priority"), 2).not())
///     .any_of([
///         Condition::exact(Field::direct("resolved"), true),
///         Condition::prefix(Field::metadata("org"), "liveblocks:"),
///     ])
///     .build()?;
/// assert_eq!(
///     query.as_str(),
///     "metadata['status']:'open' -metadata['priority']>=2 \
///      (resolved:true OR metadata['org']^'liveblocks:')"
/// );
/// # Ok::<(), liveblocks_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    /// The field.
    pub field: Field,
    /// The check.
    pub test: Test,
    /// Whether the condition is negated.
    pub negated: bool,
}

impl Condition {
    /// A condition from its parts.
    pub fn new(field: Field, test: Test) -> Self {
        Condition {
            field,
            test,
            negated: false,
        }
    }

    /// `field:value`.
    pub fn exact(field: Field, value: impl Into<Literal>) -> Self {
        Self::new(field, Test::Exact(value.into()))
    }

    /// `field:null`: the field or key is absent.
    pub fn null(field: Field) -> Self {
        Self::new(field, Test::Exact(Literal::Null))
    }

    /// `field^"prefix"`.
    pub fn prefix(field: Field, prefix: impl Into<String>) -> Self {
        Self::new(field, Test::Prefix(prefix.into()))
    }

    /// `field<n`.
    pub fn lt(field: Field, n: impl Into<f64>) -> Self {
        Self::new(field, Test::Compare(Comparison::Lt, n.into()))
    }

    /// `field>n`.
    pub fn gt(field: Field, n: impl Into<f64>) -> Self {
        Self::new(field, Test::Compare(Comparison::Gt, n.into()))
    }

    /// `field<=n`.
    pub fn lte(field: Field, n: impl Into<f64>) -> Self {
        Self::new(field, Test::Compare(Comparison::Lte, n.into()))
    }

    /// `field>=n`.
    pub fn gte(field: Field, n: impl Into<f64>) -> Self {
        Self::new(field, Test::Compare(Comparison::Gte, n.into()))
    }

    /// The negation of this condition (`-field:value`); negating twice gives it back.
    #[allow(clippy::should_implement_trait)]
    pub fn not(mut self) -> Self {
        self.negated = !self.negated;
        self
    }

    fn what(&self) -> String {
        match &self.field {
            Field::Direct(name) => format!("value of `{name}`"),
            Field::Keyed { base, key } => format!("value of `{base}[{key:?}]`"),
        }
    }

    fn write(&self, out: &mut String) -> Result<(), Error> {
        if self.negated {
            out.push('-');
        }
        self.field.write(out)?;
        match &self.test {
            Test::Exact(value) => {
                out.push(':');
                value.write(&self.what(), out)?;
            }
            Test::Prefix(prefix) => {
                if prefix.is_empty() {
                    return Err(Error::invalid_input(format!(
                        "the prefix of a `^` match on the {} can't be empty (the official \
                         parser rejects it): leave the condition out to match everything",
                        self.what()
                    )));
                }
                out.push('^');
                out.push_str(&quote(prefix, &format!("prefix of the {}", self.what()))?);
            }
            Test::Compare(op, n) => {
                out.push_str(op.as_str());
                out.push_str(&number(*n, &self.what())?);
            }
        }
        Ok(())
    }

    fn tree(&self) -> Value {
        let field = self.field.tree();
        let positive = match &self.test {
            Test::Exact(value) => json!({
                "_kind": "ExactCondition", "field": field, "value": value.tree(),
            }),
            Test::Prefix(prefix) => json!({
                "_kind": "PrefixCondition", "field": field,
                "prefix": {"_kind": "LiteralString", "value": prefix},
            }),
            Test::Compare(op, n) => json!({
                "_kind": "NumericCondition", "field": field, "op": op.as_str(),
                "value": {"_kind": "LiteralNumber", "value": n},
            }),
        };
        if self.negated {
            json!({"_kind": "NotCondition", "not": positive})
        } else {
            positive
        }
    }
}

/// One member of the top-level AND: a condition, or an OR of conditions (one level only,
/// as the language allows).
#[derive(Debug, Clone, PartialEq)]
pub enum Group {
    /// A single condition.
    Condition(Condition),
    /// `(a OR b OR ...)`; a group of one condition is written as that condition.
    AnyOf(Vec<Condition>),
}

impl Group {
    fn write(&self, out: &mut String) -> Result<(), Error> {
        match self {
            Group::Condition(condition) => condition.write(out),
            Group::AnyOf(conditions) if conditions.len() == 1 => conditions[0].write(out),
            Group::AnyOf(conditions) if conditions.is_empty() => Err(Error::invalid_input(
                "an OR group (`any_of`) needs at least one condition",
            )),
            Group::AnyOf(conditions) => {
                out.push('(');
                for (i, condition) in conditions.iter().enumerate() {
                    if i > 0 {
                        out.push_str(" OR ");
                    }
                    condition.write(out)?;
                }
                out.push(')');
                Ok(())
            }
        }
    }

    fn tree(&self) -> Value {
        match self {
            Group::Condition(condition) => condition.tree(),
            Group::AnyOf(conditions) if conditions.len() == 1 => conditions[0].tree(),
            Group::AnyOf(conditions) => json!({
                "_kind": "OrCondition",
                "anyOf": conditions.iter().map(Condition::tree).collect::<Vec<_>>(),
            }),
        }
    }
}

/// A query: every group must hold (the top-level AND).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    /// The groups, all required.
    pub all_of: Vec<Group>,
}

impl Query {
    /// An empty query (building it is an error until a condition is added).
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a required condition.
    pub fn and(mut self, condition: Condition) -> Self {
        self.all_of.push(Group::Condition(condition));
        self
    }

    /// Adds a required OR group: at least one of `conditions` must hold.
    pub fn any_of(mut self, conditions: impl IntoIterator<Item = Condition>) -> Self {
        self.all_of
            .push(Group::AnyOf(conditions.into_iter().collect()));
        self
    }

    /// Checks and writes the query.
    pub fn build(&self) -> Result<QueryString, Error> {
        if self.all_of.is_empty() {
            return Err(Error::invalid_input(
                "a query needs at least one condition; to list everything, don't set a query",
            ));
        }
        let mut text = String::new();
        for (i, group) in self.all_of.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            group.write(&mut text)?;
        }
        Ok(QueryString {
            text,
            query: self.clone(),
        })
    }

    /// The syntax tree the official parser (`@liveblocks/query-parser`) produces for this
    /// query, without its source ranges: what our conformance tests compare with.
    pub fn to_tree_json(&self) -> Value {
        json!({
            "_kind": "Query",
            "allOf": self.all_of.iter().map(Group::tree).collect::<Vec<_>>(),
        })
    }
}
