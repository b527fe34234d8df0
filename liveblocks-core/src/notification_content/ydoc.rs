//! Reading a room's Yjs document with `yrs`.

use std::panic::{catch_unwind, AssertUnwindSafe};

use yrs::updates::decoder::Decode as _;
use yrs::{Any, Doc, Out, Transact as _, Update};

use super::mention_tree::TextMentionError;

/// How deep editor trees are read; deeper nodes make the tree malformed (`@liveblocks/emails`
/// runs out of stack somewhat deeper).
pub(super) const MAX_DEPTH: usize = 256;

/// Applies a v1 update (what `get_yjs_document_as_binary_update` returns) to a new document
/// and reads it with `read`. A panic of `yrs` on a hostile update is an error where unwinding
/// is available (not on `wasm32-unknown-unknown`, which aborts).
pub(super) fn read<R>(
    update: &[u8],
    read: impl FnOnce(&Doc) -> Result<R, TextMentionError>,
) -> Result<R, TextMentionError> {
    catch_unwind(AssertUnwindSafe(|| {
        let update =
            Update::decode_v1(update).map_err(|e| TextMentionError::Document(e.to_string()))?;
        let doc = Doc::new();
        doc.transact_mut()
            .apply_update(update)
            .map_err(|e| TextMentionError::Document(e.to_string()))?;
        read(&doc)
    }))
    .unwrap_or_else(|_| Err(TextMentionError::Document("yrs panicked".to_owned())))
}

/// The value if it is a string.
pub(super) fn string(value: Option<Out>) -> Option<String> {
    match value {
        Some(Out::Any(Any::String(s))) => Some(s.to_string()),
        _ => None,
    }
}

/// The strings of a list, skipping other entries.
pub(super) fn strings(values: &[Any]) -> Vec<String> {
    values
        .iter()
        .filter_map(|v| match v {
            Any::String(s) => Some(s.to_string()),
            _ => None,
        })
        .collect()
}

/// `ToInt32` of JavaScript, for the bit operations on a number.
pub(super) fn to_int32(value: f64) -> i32 {
    if !value.is_finite() {
        return 0;
    }
    let modulo = value.trunc().rem_euclid(4_294_967_296.0);
    modulo as u32 as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_int32_wraps_as_javascript() {
        assert_eq!(to_int32(3.7), 3);
        assert_eq!(to_int32(-1.0), -1);
        assert_eq!(to_int32(4_294_967_297.0), 1);
        assert_eq!(to_int32(f64::NAN), 0);
    }

    #[test]
    fn garbage_is_an_error() {
        for bytes in [&[][..], &[1, 2, 3], &[255; 40]] {
            assert!(matches!(
                read(bytes, |_| Ok(())),
                Err(TextMentionError::Document(_))
            ));
        }
    }
}
