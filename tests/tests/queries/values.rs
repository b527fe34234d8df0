//! Generators of criteria values (hostile strings, keys, numbers), what `@liveblocks/node`
//! can write of them, and the intended syntax trees, built independently of the builders.

use liveblocks_core::query::Literal;
use serde_json::{json, Value};

/// splitmix64: a fixed, dependency-free sequence, so every run checks the same cases.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub(crate) fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

pub(crate) const PIECES: &[&str] = &[
    "a",
    "blue",
    "x",
    "liveblocks:",
    "Z9",
    " ",
    "'",
    "\"",
    "\\",
    "\\\\",
    "' OR roomId^'",
    "\" OR roomId^\"",
    "') OR (roomId^'",
    "\\' OR metadata['x']:'y",
    " AND ",
    " OR ",
    "(",
    ")",
    "[",
    "]",
    "^",
    ":",
    "-",
    ">=",
    "\n",
    "\t",
    "\r",
    "\u{1}",
    "\u{8}",
    "\u{c}",
    "\u{1f}",
    "\u{7f}",
    "é",
    "漢字",
    "🎉",
    "\u{2028}",
    "\u{2029}",
    "null",
    "true",
    "0",
    "42",
    "n",
    "t",
    "r",
    "u0041",
    "%20",
    "+",
    "&query=",
    "#",
    "metadata[\"k\"]:\"v\"",
];

/// The pieces `@liveblocks/node` escapes the JSON way, which the parser misreads.
pub(crate) const CONTROL: &[&str] = &["\u{1}", "\u{8}", "\u{c}", "\u{1f}"];

pub(crate) fn string(rng: &mut Rng, min: usize) -> String {
    let len = min + rng.below(5);
    // Control characters in one string out of six, so most cases compare with Node.
    let controls = rng.chance(17);
    (0..len)
        .map(|_| loop {
            let piece = *rng.pick(PIECES);
            if controls || !CONTROL.contains(&piece) {
                break piece;
            }
        })
        .collect()
}

pub(crate) fn key(rng: &mut Rng) -> String {
    match rng.below(10) {
        0 => rng
            .pick(&["0", "1", "2", "10", "007", "4294967294", "4294967295", "-1"])
            .to_string(),
        1 => rng
            .pick(&["color", "status", "org", "priority"])
            .to_string(),
        2 => " ".to_string(),
        _ => string(rng, 1),
    }
}

pub(crate) fn number(rng: &mut Rng) -> f64 {
    match rng.below(8) {
        0 => rng.below(2001) as f64 - 1000.0,
        1 => (rng.below(1 << 20) as f64 - 524288.0) / 1024.0,
        2 => f64::from_bits(rng.next() >> 2) % 1e6 * if rng.chance(50) { 1.0 } else { -1.0 },
        3 => 10f64.powi(21 + rng.below(280) as i32) * 1.5,
        4 => 10f64.powi(-7 - rng.below(290) as i32) * 3.0,
        5 => -0.0,
        6 => *rng.pick(&[
            0.1,
            1.0 / 3.0,
            123456.789,
            1e-6,
            999999999999999999999.0,
            5e-324,
        ]),
        _ => rng.below(100) as f64,
    }
}

/// Whether `@liveblocks/node` writes this string in a way the parser reads back: it escapes
/// control characters other than \n, \r, \t as JSON does (`\u0001`, `\b`), which the parser
/// reads as `u0001`, `b`.
pub(crate) fn node_string_ok(s: &str) -> bool {
    !s.chars()
        .any(|c| c < ' ' && !matches!(c, '\n' | '\r' | '\t'))
}

pub(crate) fn node_key_ok(s: &str) -> bool {
    node_string_ok(s) && !s.chars().all(|c| c.is_whitespace() || c == '\u{feff}')
}

/// JavaScript writes these with an exponent, which the parser has not.
pub(crate) fn node_number_ok(n: f64) -> bool {
    n == 0.0 || (n.abs() >= 1e-6 && n.abs() < 1e21)
}

pub(crate) fn expressible(s: &str) -> bool {
    !(s.contains("\\n") || s.contains("\\t") || s.contains("\\r"))
}

// The intended trees, written from the criteria (not from the builders).
pub(crate) fn t_direct(name: &str) -> Value {
    json!({"_kind": "DirectField", "ref": {"_kind": "Identifier", "name": name}})
}
pub(crate) fn t_meta(key: &str) -> Value {
    json!({"_kind": "KeyedField", "base": {"_kind": "Identifier", "name": "metadata"}, "key": key})
}
pub(crate) fn t_lit(value: &Literal) -> Value {
    match value {
        Literal::String(s) => json!({"_kind": "LiteralString", "value": s}),
        Literal::Number(n) => json!({"_kind": "LiteralNumber", "value": n}),
        Literal::Boolean(b) => json!({"_kind": "LiteralBoolean", "value": b}),
        Literal::Null => json!({"_kind": "LiteralNull", "value": null}),
    }
}
pub(crate) fn t_exact(field: Value, value: &Literal) -> Value {
    json!({"_kind": "ExactCondition", "field": field, "value": t_lit(value)})
}
pub(crate) fn t_prefix(field: Value, prefix: &str) -> Value {
    json!({"_kind": "PrefixCondition", "field": field, "prefix": {"_kind": "LiteralString", "value": prefix}})
}
pub(crate) fn t_num(field: Value, op: &str, n: f64) -> Value {
    json!({"_kind": "NumericCondition", "field": field, "op": op, "value": {"_kind": "LiteralNumber", "value": n}})
}
pub(crate) fn t_query(all_of: Vec<Value>) -> Value {
    json!({"_kind": "Query", "allOf": all_of})
}
pub(crate) fn node_value(value: &Literal) -> Value {
    match value {
        Literal::String(s) => json!(s),
        Literal::Number(n) => json!(n),
        Literal::Boolean(b) => json!(b),
        _ => Value::Null,
    }
}
