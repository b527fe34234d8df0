use super::*;

fn limits(max_response_bytes: u64) -> Limits {
    Limits {
        max_response_bytes,
        ..Limits::default()
    }
}

#[test]
fn an_announced_length_is_allocated_once_up_to_the_limit() {
    let mut page = BodyCollector::new(http::StatusCode::OK, &Limits::default());
    page.check_length(Some(28_000)).unwrap();
    assert!(page.body.capacity() >= 28_000);
    let before = page.body.as_ptr();
    page.push(&[b'x'; 28_000]).unwrap();
    assert_eq!(page.body.as_ptr(), before, "the body grew by reallocating");

    // A server announcing 100 MiB gets 1 MiB ahead of its bytes, not 100.
    let mut liar = BodyCollector::new(http::StatusCode::OK, &Limits::default());
    liar.check_length(Some(100 * 1024 * 1024)).unwrap();
    let reserved = liar.body.capacity() as u64;
    assert!(
        (PREALLOCATE_LIMIT..2 * PREALLOCATE_LIMIT).contains(&reserved),
        "{reserved}"
    );
}

#[test]
fn an_announced_length_over_the_cap_fails_before_reading() {
    let mut page = BodyCollector::new(http::StatusCode::OK, &limits(1000));
    let error = page.check_length(Some(1001)).unwrap_err();
    assert_eq!(error.kind(), TransportErrorKind::TooLarge);
    assert_eq!(page.body.capacity(), 0);
    // An error body is cut at its cap instead, so its length is no reason to fail.
    let mut error_body = BodyCollector::new(http::StatusCode::NOT_FOUND, &limits(1000));
    error_body.check_length(Some(5000)).unwrap();
    assert!(error_body.body.capacity() <= 1000);
}

#[test]
fn headers_say_gzip_and_length() {
    let mut headers = http::HeaderMap::new();
    assert!(!is_gzip(&headers));
    assert_eq!(content_length(&headers), None);
    headers.insert("content-encoding", " X-Gzip ".parse().unwrap());
    headers.insert("content-length", " 42 ".parse().unwrap());
    assert!(is_gzip(&headers));
    assert_eq!(content_length(&headers), Some(42));
    headers.insert("content-encoding", "br".parse().unwrap());
    headers.insert("content-length", "-1".parse().unwrap());
    assert!(!is_gzip(&headers));
    assert_eq!(content_length(&headers), None);
}
