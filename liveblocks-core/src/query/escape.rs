//! Writing literals of the query language so that the official parser
//! (`@liveblocks/query-parser`) reads back exactly the value that was meant.
//!
//! The parser reads a quoted string as follows: inside `'...'` or `"..."` any character but
//! the quote and a line feed stands for itself, and a backslash escapes the next character.
//! The raw text between the quotes is then unescaped by four global replacements, in this
//! order: `\n` → line feed, `\t` → tab, `\r` → carriage return, then `\X` → `X` for any `X`
//! that is not a line terminator. So:
//!
//! * a backslash is written `\\`, the enclosing quote `\'` or `\"`;
//! * a line feed must be written `\n` (a raw one ends the string), and so are carriage
//!   return (`\r`) and tab (`\t`), as `JSON.stringify` does;
//! * every other character, control characters and non-ASCII included, is written as is:
//!   `\u0001` would come back as `u0001` and `\b` as `b`;
//! * a value with a backslash directly followed by `n`, `t` or `r` cannot be written at all:
//!   whatever precedes that letter, the first replacements turn the pair into a control
//!   character. Such a value is an [`Error::InvalidInput`].
//!
//! The quotes are chosen like `@liveblocks/node` does: single quotes, unless the value holds a
//! single quote, then double quotes. For every value that both can write, the text is the
//! same as theirs.

use crate::error::Error;

/// Quotes `value` as a string literal of the query language.
///
/// `what` names the value in the error message (e.g. `metadata key`).
///
/// ```
/// use liveblocks_core::query::quote;
///
/// assert_eq!(quote("blue", "value").unwrap(), "'blue'");
/// assert_eq!(quote("it's", "value").unwrap(), r#""it's""#);
/// assert_eq!(quote(r#"a"b\c"#, "value").unwrap(), r#"'a"b\\c'"#);
/// assert_eq!(quote("line\nbreak", "value").unwrap(), r"'line\nbreak'");
/// // A backslash followed by `n` can't be expressed: the official parser reads a line feed.
/// assert!(quote(r"C:\new", "value").unwrap_err().is_invalid_input());
/// ```
pub fn quote(value: &str, what: &str) -> Result<String, Error> {
    check_expressible(value, what)?;
    let double = value.contains('\'');
    let delimiter = if double { '"' } else { '\'' };
    let mut out = String::with_capacity(value.len() + 2);
    out.push(delimiter);
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' if double => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push(delimiter);
    Ok(out)
}

/// Fails when `value` holds a backslash directly followed by `n`, `t` or `r`, which no string
/// literal can make the official parser read back.
pub(crate) fn check_expressible(value: &str, what: &str) -> Result<(), Error> {
    let mut previous_backslash = false;
    for (index, c) in value.char_indices() {
        if previous_backslash && matches!(c, 'n' | 't' | 'r') {
            return Err(Error::invalid_input(format!(
                "the {what} {value:?} can't be expressed in the query language: the official \
                 parser turns a backslash followed by `{c}` (at byte {}) into a control \
                 character whatever the escaping; filter on a part of the value without that \
                 sequence (e.g. a prefix match on what precedes it), or change the stored value",
                index - 1
            )));
        }
        previous_backslash = c == '\\';
    }
    Ok(())
}

/// Writes `value` as a number literal of the query language: digits with an optional `-` and
/// fraction, never an exponent (the parser has none). Infinite and NaN values are an
/// [`Error::InvalidInput`].
///
/// ```
/// use liveblocks_core::query::number;
///
/// assert_eq!(number(3.0, "value").unwrap(), "3");
/// assert_eq!(number(-0.25, "value").unwrap(), "-0.25");
/// assert_eq!(number(1e21, "value").unwrap(), "1000000000000000000000");
/// assert_eq!(number(-0.0, "value").unwrap(), "0");
/// assert!(number(f64::NAN, "value").is_err());
/// ```
pub fn number(value: f64, what: &str) -> Result<String, Error> {
    if !value.is_finite() {
        return Err(Error::invalid_input(format!(
            "the {what} {value} is not a finite number; the query language only has finite \
             decimal numbers"
        )));
    }
    if value == 0.0 {
        // `-0` as `0`, like JavaScript (the two compare equal anyway).
        return Ok("0".to_owned());
    }
    // `Display` for f64 writes the shortest decimal that reads back as the same value, and
    // never uses an exponent.
    Ok(value.to_string())
}

/// True when `name` can be written as a field name: an identifier (`[A-Za-z_][A-Za-z0-9_]*`)
/// that is not one of the parser's keywords (`and`, `AND`, `or`, `OR`, `true`, `false`).
pub fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    let starts_well = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    starts_well
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !matches!(name, "and" | "AND" | "or" | "OR" | "true" | "false")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The official parser's reading of a quoted literal, transcribed: the grammar
    /// (`'` ( `\` any | [^'\n] )* `'`) and its `unescape`.
    fn official_read(literal: &str) -> Option<String> {
        let mut chars = literal.chars();
        let delimiter = chars.next()?;
        let body: Vec<char> = chars.collect();
        let (&last, body) = body.split_last()?;
        if last != delimiter {
            return None;
        }
        let mut i = 0;
        while i < body.len() {
            match body[i] {
                '\\' if i + 1 < body.len() => i += 2,
                '\\' => return None,
                c if c == delimiter || c == '\n' => return None,
                _ => i += 1,
            }
        }
        let raw: String = body.iter().collect();
        let raw = raw
            .replace("\\n", "\n")
            .replace("\\t", "\t")
            .replace("\\r", "\r");
        let mut out = String::new();
        let mut it = raw.chars().peekable();
        while let Some(c) = it.next() {
            match (c, it.peek()) {
                ('\\', Some(&n)) if !matches!(n, '\n' | '\r' | '\u{2028}' | '\u{2029}') => {
                    out.push(n);
                    it.next();
                }
                _ => out.push(c),
            }
        }
        Some(out)
    }

    #[test]
    fn quoted_values_read_back() {
        let values = [
            "",
            "plain",
            "it's",
            "say \"hi\"",
            "both ' and \"",
            "back\\slash",
            "\\",
            "\\\\",
            "tab\there",
            "cr\rhere",
            "lf\nhere",
            "\\\n",
            "\\\t",
            "\u{1}\u{8}\u{c}\u{7f}",
            "é 漢字 🎉",
            "\u{2028}\u{2029}",
            "' OR roomId^'",
            "\" OR roomId^\"",
            "\\'",
            "\\\"",
        ];
        for value in values {
            let literal = quote(value, "value").unwrap();
            assert_eq!(official_read(&literal).as_deref(), Some(value), "{literal}");
        }
    }

    #[test]
    fn backslash_before_n_t_r_is_an_error() {
        for value in ["\\n", "a\\tb", "\\\\r", "C:\\new"] {
            let err = quote(value, "metadata value").unwrap_err();
            assert!(err.is_invalid_input());
            assert!(err.to_string().contains("metadata value"), "{err}");
        }
    }

    #[test]
    fn identifiers() {
        assert!(is_identifier("roomId"));
        assert!(is_identifier("_x1"));
        assert!(is_identifier("And"));
        assert!(!is_identifier(""));
        assert!(!is_identifier("1x"));
        assert!(!is_identifier("a-b"));
        assert!(!is_identifier("AND"));
        assert!(!is_identifier("true"));
    }
}
