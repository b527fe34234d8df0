//! Comments: threads, comments, reactions, metadata, thread subscriptions and a thread's
//! inbox notifications. Attachments are in [`super::attachments`].
//!
//! Each file declares its own operations; [`DOMAINS`](super::DOMAINS) lists every file's
//! `OPERATIONS`.

pub(crate) mod comment;
pub(crate) mod metadata;
pub(crate) mod reactions;
pub(crate) mod subscriptions;
pub(crate) mod threads;

pub use comment::*;
pub use metadata::*;
pub use reactions::*;
pub use subscriptions::*;
pub use threads::*;

use std::collections::BTreeMap;

use crate::endpoint::check_not_empty;
use crate::error::Error;
use crate::models::comments::{MetadataUpdate, MetadataValue};

// Each file above has its own `OPERATIONS`, which `endpoints::DOMAINS` lists. This private
// name hides them from the glob re-exports, which would otherwise clash on it
// (`ambiguous_glob_reexports`): the domain's operations are in the registry, not here.
#[allow(dead_code, hidden_glob_reexports)]
const OPERATIONS: () = ();

/// The most metadata keys a thread or comment can have.
const MAX_METADATA_KEYS: usize = 50;
/// The longest metadata key, in UTF-16 units (JavaScript string length).
const MAX_METADATA_KEY_LEN: usize = 40;
/// The longest metadata string value, in UTF-16 units.
const MAX_METADATA_STRING_LEN: usize = 4000;
/// The most attachments a comment can have.
const MAX_ATTACHMENTS: usize = 10;

/// Rejects metadata the server would refuse: too many keys (when `whole` is the full set),
/// keys or string values too long.
fn check_metadata<'a>(
    operation: &str,
    whole: bool,
    entries: impl ExactSizeIterator<Item = (&'a String, Option<&'a MetadataValue>)>,
) -> Result<(), Error> {
    if whole && entries.len() > MAX_METADATA_KEYS {
        return Err(Error::invalid_input(format!(
            "metadata has {} keys, at most {MAX_METADATA_KEYS} are allowed ({operation})",
            entries.len()
        )));
    }
    for (key, value) in entries {
        if key.encode_utf16().count() > MAX_METADATA_KEY_LEN {
            return Err(Error::invalid_input(format!(
                "metadata key {key:?} is longer than {MAX_METADATA_KEY_LEN} characters ({operation})"
            )));
        }
        if let Some(MetadataValue::String(s)) = value {
            if s.encode_utf16().count() > MAX_METADATA_STRING_LEN {
                return Err(Error::invalid_input(format!(
                    "metadata value of {key:?} is longer than {MAX_METADATA_STRING_LEN} characters ({operation})"
                )));
            }
        }
    }
    Ok(())
}

/// Rejects a whole metadata set the server would refuse.
fn check_full_metadata(
    operation: &str,
    metadata: Option<&BTreeMap<String, MetadataValue>>,
) -> Result<(), Error> {
    match metadata {
        Some(metadata) => {
            check_metadata(operation, true, metadata.iter().map(|(k, v)| (k, Some(v))))
        }
        None => Ok(()),
    }
}

/// Rejects metadata changes the server would refuse.
fn check_metadata_update(operation: &str, update: &MetadataUpdate) -> Result<(), Error> {
    check_not_empty(operation, "userId", &update.user_id)?;
    check_metadata(
        operation,
        false,
        update.metadata.iter().map(|(k, v)| (k, v.as_ref())),
    )
}

/// Rejects too many attachments, or an empty attachment ID.
fn check_attachments(operation: &str, ids: Option<&Vec<String>>) -> Result<(), Error> {
    match ids {
        Some(ids) if ids.len() > MAX_ATTACHMENTS => Err(Error::invalid_input(format!(
            "{} attachments, at most {MAX_ATTACHMENTS} are allowed ({operation})",
            ids.len()
        ))),
        Some(ids) if ids.iter().any(String::is_empty) => Err(Error::invalid_input(format!(
            "attachment IDs must not be empty ({operation})"
        ))),
        _ => Ok(()),
    }
}
