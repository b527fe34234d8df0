//! `check_op` for operations whose path has parameters besides `{roomId}`: the expected path
//! is the operation's template with every parameter replaced by the given encoded value.

use liveblocks_core::endpoint::BodyKind;
use liveblocks_core::{Endpoint, Error};

use crate::common::{assert_request, config, Body, Expected, Mock, MockClient, Reply, BASE};

/// Like `common::check_op`, with `params` = (name, percent-encoded value) for the template.
pub fn check_op_with<E: Endpoint, O>(
    reply: Reply,
    via_client: impl FnOnce(&MockClient) -> Result<O, Error>,
    direct: E,
    expected: &Expected,
    params: &[(&str, &str)],
) -> O {
    let operation = E::OPERATION;
    assert_eq!(expected.method, operation.method, "{}", operation.id);
    let (path, query) = match expected.uri.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (expected.uri.as_str(), None),
    };
    let mut template = format!("{BASE}/v2{}", operation.path);
    for (name, value) in params {
        let placeholder = format!("{{{name}}}");
        assert!(
            template.contains(&placeholder),
            "{} has no {placeholder}",
            operation.id
        );
        template = template.replace(&placeholder, value);
    }
    assert!(
        !template.contains('{'),
        "{}: unfilled {template}",
        operation.id
    );
    assert_eq!(path, template, "{}", operation.id);
    for pair in query.into_iter().flat_map(|q| q.split('&')) {
        let name = pair.split('=').next().unwrap();
        assert!(
            operation.query.contains(&name),
            "{} sends undeclared query parameter {name}",
            operation.id
        );
    }
    let kind = match expected.body {
        Body::None => BodyKind::None,
        Body::Json(_) => BodyKind::Json,
        Body::Binary(_) => BodyKind::Binary,
    };
    assert_eq!(kind, operation.request_body, "{}", operation.id);

    let mock = Mock::new(reply);
    let output = via_client(&mock.client)
        .unwrap_or_else(|e| panic!("{} {} failed: {e:?}", expected.method, expected.uri));
    assert_request(&mock.only_request(), expected);
    let request = direct
        .request(&config())
        .unwrap_or_else(|e| panic!("{} direct request failed: {e:?}", operation.id));
    assert_request(&request, expected);
    output
}

/// Asserts that `result` is `Error::InvalidInput` mentioning `needle`.
pub fn assert_invalid<O: std::fmt::Debug>(result: Result<O, Error>, needle: &str) {
    match result {
        Err(err @ Error::InvalidInput(_)) => {
            assert!(err.to_string().contains(needle), "{err} lacks {needle:?}")
        }
        other => panic!("expected InvalidInput mentioning {needle:?}, got {other:?}"),
    }
}
