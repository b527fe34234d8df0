//! The JSON path at a position of a JSON text, written as `serde_path_to_error` writes it
//! (`data[1].count`, `.` for the root).
//!
//! On wasm32 a body is decoded once, without tracking the path, and a failure is named from
//! serde_json's line and column by scanning the text up to there: one small function instead
//! of a path-tracking copy of every type's decoder (see `endpoint::decode_json`).

/// Where the scan is inside one container.
enum Frame {
    /// In an object: the last key read, and whether its value has begun.
    Object { key: Option<String>, in_value: bool },
    /// In an array: the current element, and whether it has begun.
    Array { index: usize, in_value: bool },
}

/// The path of the value being read at `line` and `column` (serde_json's 1-based line and
/// byte column) of `text`; `eof` says the error is an unexpected end of the input.
///
/// serde_json places an error after the last byte it consumed: after a value that fails
/// once read, before one that fails at its first byte (just after the `,`, `:` or `[`), after
/// the end of an object a field is missing from, and, for a value decoded from a buffer
/// (internally tagged and untagged enums, flattened fields), after the end of the container
/// around it: there the path names that container, one level above the value.
pub(crate) fn at(text: &str, line: usize, column: usize, eof: bool) -> String {
    if line == 0 {
        return ".".to_owned();
    }
    let line_start = match line {
        1 => 0,
        _ => text
            .match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1),
    };
    let end = (line_start + column).min(text.len());
    let (frames, in_string) = scan(&text.as_bytes()[..end]);
    // At the end of the input outside a string, the innermost container lacks its end: the
    // value before is not the culprit.
    render(&frames, eof && !in_string)
}

/// The containers open at the end of `bytes`, and whether it ends inside a string.
fn scan(bytes: &[u8]) -> (Vec<Frame>, bool) {
    let mut frames: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' | b'[' => {
                begin_value(&mut frames);
                frames.push(if bytes[i] == b'{' {
                    Frame::Object {
                        key: None,
                        in_value: false,
                    }
                } else {
                    Frame::Array {
                        index: 0,
                        in_value: false,
                    }
                });
                i += 1;
            }
            b'}' | b']' => {
                frames.pop();
                i += 1;
            }
            b',' => {
                match frames.last_mut() {
                    Some(Frame::Object { key, in_value }) => (*key, *in_value) = (None, false),
                    Some(Frame::Array { index, in_value }) => {
                        (*index, *in_value) = (*index + 1, false)
                    }
                    None => {}
                }
                i += 1;
            }
            b':' => {
                if let Some(Frame::Object { in_value, .. }) = frames.last_mut() {
                    *in_value = true;
                }
                i += 1;
            }
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if i >= bytes.len() {
                    begin_value(&mut frames);
                    return (frames, true);
                }
                i += 1;
                match frames.last_mut() {
                    Some(Frame::Object {
                        key,
                        in_value: false,
                    }) => *key = Some(unescape(&bytes[start..i])),
                    _ => begin_value(&mut frames),
                }
            }
            b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            _ => {
                // A number, `true`, `false`, `null` or garbage: up to the next delimiter.
                begin_value(&mut frames);
                while i < bytes.len() && !b",:]}\"{[ \t\n\r".contains(&bytes[i]) {
                    i += 1;
                }
            }
        }
    }
    (frames, false)
}

/// A value begins in the innermost container.
fn begin_value(frames: &mut [Frame]) {
    if let Some(Frame::Array { in_value, .. }) = frames.last_mut() {
        *in_value = true;
    }
}

/// A key as decoded (escapes resolved); its raw text if it does not decode.
fn unescape(quoted: &[u8]) -> String {
    let raw = String::from_utf8_lossy(quoted);
    serde_json::from_str(&raw).unwrap_or_else(|_| raw.trim_matches('"').to_owned())
}

fn render(frames: &[Frame], unfinished: bool) -> String {
    let mut path = String::new();
    let last = frames.len().saturating_sub(1);
    for (depth, frame) in frames.iter().enumerate() {
        let innermost = depth == last;
        if innermost && unfinished {
            break;
        }
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            // An element not begun yet is the one that failed at its first byte.
            Frame::Array { index, in_value } if *in_value || innermost => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
            _ => {}
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    path
}
