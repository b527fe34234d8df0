//! `sanitizeUrl` of `@liveblocks/core`: only `http(s)` links survive, normalised by the WHATWG
//! URL parser (the `url` crate implements the same standard as JavaScript's `URL`).

use url::Url;

const PLACEHOLDER_BASE_URL: &str = "https://localhost:9999";

/// The `href` a link gets, or `None` when it must be shown as text (not `http`/`https`, or
/// unparseable).
pub(crate) fn sanitize_url(input: &str) -> Option<String> {
    let owned;
    let url = if input.starts_with("www.") {
        owned = format!("https://{input}");
        owned.as_str()
    } else {
        input
    };
    if url == "#" {
        return Some(url.to_owned());
    }
    let is_absolute = is_absolute(url);
    let parsed = if is_absolute {
        Url::parse(url).ok()?
    } else {
        Url::parse(PLACEHOLDER_BASE_URL).ok()?.join(url).ok()?
    };
    if parsed.scheme() != "http" && parsed.scheme() != "https" {
        return None;
    }
    let has_trailing_slash = has_trailing_slash(url);
    let mut out = String::new();
    if is_absolute {
        out.push_str(&parsed.origin().ascii_serialization());
    }
    let path = parsed.path();
    if path == "/" {
        if has_trailing_slash {
            out.push('/');
        }
    } else {
        out.push_str(path);
        if has_trailing_slash && !path.ends_with('/') {
            out.push('/');
        }
    }
    if let Some(query) = parsed.query().filter(|q| !q.is_empty()) {
        out.push('?');
        out.push_str(query);
    }
    if let Some(fragment) = parsed.fragment().filter(|f| !f.is_empty()) {
        out.push('#');
        out.push_str(fragment);
    }
    (!out.is_empty()).then_some(out)
}

/// `/^[a-zA-Z][a-zA-Z\d+\-.]*?:/`
pub(crate) fn is_absolute(url: &str) -> bool {
    let mut chars = url.chars();
    if !chars.next().is_some_and(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    for c in chars {
        if c == ':' {
            return true;
        }
        if !(c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) {
            return false;
        }
    }
    false
}

/// `/\/(?:(?:\?|#).*)?$/`: a `/` at the end, or followed by `?`/`#` and then no line break.
fn has_trailing_slash(url: &str) -> bool {
    url.char_indices().any(|(i, c)| {
        if c != '/' {
            return false;
        }
        let rest = &url[i + 1..];
        match rest.chars().next() {
            None => true,
            Some('?' | '#') => !rest.contains(['\n', '\r', '\u{2028}', '\u{2029}']),
            Some(_) => false,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::sanitize_url;

    #[test]
    fn like_liveblocks_core() {
        assert_eq!(
            sanitize_url("https://liveblocks.io").as_deref(),
            Some("https://liveblocks.io")
        );
        assert_eq!(
            sanitize_url("https://liveblocks.io/").as_deref(),
            Some("https://liveblocks.io/")
        );
        assert_eq!(
            sanitize_url("www.a.com/b?c=d#e").as_deref(),
            Some("https://www.a.com/b?c=d#e")
        );
        assert_eq!(sanitize_url("/docs").as_deref(), Some("/docs"));
        assert_eq!(sanitize_url("#").as_deref(), Some("#"));
        assert_eq!(sanitize_url("javascript:alert(1)"), None);
        assert_eq!(sanitize_url("mailto:a@b.c"), None);
        assert_eq!(sanitize_url("http://[bad"), None);
    }
}
