//! The out-of-line parts of [`decode_json`](crate::endpoint::decode_json): only the decode
//! itself is compiled once per type.

use serde::de::DeserializeOwned;

use crate::error::{DecodeError, Error};
use crate::transport::HttpResponse;

/// Natively: the fast decode, then, only if it fails, [`locate`].
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn decode_text<T: DeserializeOwned>(text: &str) -> Result<T, (String, String)> {
    serde_json::from_str(text).or_else(|_| locate::<T>(text))
}

/// On wasm32 the size of the module matters more: one decode, without a path-tracking copy of
/// each type's decoder; a failure is named by scanning the text up to where serde_json
/// stopped.
#[cfg(target_arch = "wasm32")]
pub(crate) fn decode_text<T: DeserializeOwned>(text: &str) -> Result<T, (String, String)> {
    serde_json::from_str(text).map_err(|e| located(text, &e))
}

#[cfg(target_arch = "wasm32")]
#[inline(never)]
fn located(text: &str, error: &serde_json::Error) -> (String, String) {
    let path = crate::json_path::at(text, error.line(), error.column(), error.is_eof());
    (path, error.to_string())
}

#[cold]
#[inline(never)]
pub(crate) fn not_utf8(error: std::str::Utf8Error) -> (String, String) {
    (
        ".".to_owned(),
        format!("the body is not UTF-8 JSON: {error}"),
    )
}

#[cold]
#[inline(never)]
pub(crate) fn decode_error(response: HttpResponse, path: String, message: String) -> Error {
    let (parts, body) = response.into_parts();
    Error::Decode(Box::new(DecodeError {
        status: parts.status,
        path,
        message,
        raw_body: body,
        sensitive: false,
    }))
}

/// Decodes `text` as `T` tracking the path, to name the failing field if it fails. It runs
/// only after the fast decode failed: kept out of line.
#[cfg(not(target_arch = "wasm32"))]
#[cold]
#[inline(never)]
fn locate<T: DeserializeOwned>(text: &str) -> Result<T, (String, String)> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize::<_, T>(&mut deserializer)
        .map_err(|e| (e.path().to_string(), e.inner().to_string()))?;
    // Trailing data after the value.
    deserializer
        .end()
        .map_err(|e| (".".to_owned(), e.to_string()))?;
    Ok(value)
}
