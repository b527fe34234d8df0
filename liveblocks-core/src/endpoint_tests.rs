//! Unit tests of `endpoint.rs`.
use super::*;

#[test]
fn encodes_one_segment() {
    assert_eq!(
        encode_component("liveblocks:engineering/α #1?x"),
        "liveblocks%3Aengineering%2F%CE%B1%20%231%3Fx"
    );
    assert_eq!(encode_component("a-b.c_d~e"), "a-b.c_d~e");
    assert_eq!(encode_component("a&b=c+d%"), "a%26b%3Dc%2Bd%25");
}

#[test]
fn decode_reports_the_path() {
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Item {
        count: u32,
    }
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Page {
        data: Vec<Item>,
    }
    let response = http::Response::builder()
        .status(200)
        .body(Bytes::from_static(
            br#"{"data":[{"count":1},{"count":"x"}]}"#,
        ))
        .unwrap();
    let err = decode_json::<Page>(response).unwrap_err();
    let Error::Decode(decode) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(decode.path, "data[1].count");
    assert_eq!(
        decode.raw_body,
        Bytes::from_static(br#"{"data":[{"count":1},{"count":"x"}]}"#)
    );
    assert!(err.to_string().contains("data[1].count"), "{err}");
}

/// The scan names the same path as `serde_path_to_error` for each kind of failure, and so
/// does the scan of the text that wasm32 uses instead (`json_path`).
#[test]
fn decode_path_matches_path_tracking() {
    use std::collections::BTreeMap;
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Item {
        count: u32,
        #[serde(default)]
        at: Option<crate::models::Timestamp>,
        #[serde(default)]
        tags: BTreeMap<String, crate::models::rooms::MetadataValue>,
    }
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    #[serde(tag = "kind")]
    enum Tagged {
        A { n: u32 },
    }
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Page {
        data: Vec<Item>,
        #[serde(default)]
        tagged: Vec<Tagged>,
    }
    let cases = [
        r#"{"data":[{"count":1},{"count":"x"}]}"#,
        r#"{"data":[{"count":1},{}]}"#,
        "{\n  \"data\": [\n    {\"count\": 1},\n    {\"count\": 2, \"at\": \"nope\"}\n  ]\n}",
        r#"{"data":[{"count":1,"tags":{"a":"b","c":["d",3]}}]}"#,
        r#"{"data":[{"count":1,"tags":{"a\"q":5}}]}"#,
        r#"{"data":[],"tagged":[{"kind":"A","n":1},{"kind":"B"}]}"#,
        r#"{"data":[],"tagged":[{"kind":"A","n":"x"}]}"#,
        r#"{"data":{}}"#,
        r#"{"data":[]} x"#,
        r#"{"data":[{"count":1}"#,
        r#"[1]"#,
        "",
        r#"{"data":[{"count":1},{"count":2,"at":"20"#,
        r#"{"data":[{"count":1,"tags":{"a":["b",[]]}}]"#,
        r#"{"data":[{"count":1,"tags":{"a":"b"}},{"count":-1}]}"#,
        r#"{"data":[{"count":1,"tags":{"\u00e9\n":{}}}]}"#,
        "{\"data\": [{\"count\": 1}, {\"count\": 2}, {\"count\": true}]}",
        r#"{"tagged":[{"n":1}],"data":[]}"#,
        r#"{"data":[],"tagged":[{"kind":"A","n":1}], "#,
    ];
    for body in cases {
        let response = http::Response::builder()
            .status(200)
            .body(Bytes::from(body))
            .unwrap();
        let err = decode_json::<Page>(response).unwrap_err();
        let Error::Decode(decode) = &err else {
            panic!("{err:?}")
        };
        let mut deserializer = serde_json::Deserializer::from_str(body);
        let expected = match serde_path_to_error::deserialize::<_, Page>(&mut deserializer) {
            Err(e) => e.path().to_string(),
            Ok(_) => ".".to_owned(),
        };
        assert_eq!(decode.path, expected, "{body}: {}", decode.message);
        let plain = serde_json::from_str::<Page>(body).unwrap_err();
        let scanned = crate::json_path::at(body, plain.line(), plain.column(), plain.is_eof());
        // A value decoded from a buffer (the tagged enum) is named one level up; `?` is
        // path_to_error's own unknown segment.
        let fits = scanned == expected
            || expected.starts_with(&format!("{scanned}["))
            || expected.starts_with(&format!("{scanned}."))
            || expected.contains('?');
        assert!(
            fits,
            "json_path: {body}: {scanned} for {expected} ({plain})"
        );
        assert_eq!(decode.raw_body, body.as_bytes(), "{body}");
    }
}

#[test]
fn one_id_rule_for_every_path_parameter() {
    let config = Config::new("sk_test").unwrap();
    let get = |id: &str| crate::rooms::GetRoom::new(id).request(&config);
    let create = |id: &str| crate::rooms::CreateRoom::new(id, []).request(&config);
    for bad in [
        String::new(),
        ".".to_owned(),
        "..".to_owned(),
        "x".repeat(30_000),
        "é".repeat(10_000),
        "a\nb".to_owned(),
        "tab\there".to_owned(),
        "nul\0".to_owned(),
    ] {
        let get = get(&bad).unwrap_err();
        let create = create(&bad).unwrap_err();
        for err in [&get, &create] {
            assert!(err.is_invalid_input(), "{err:?}");
            // The message quotes at most a preview of the value.
            assert!(err.to_string().len() < 400, "{err}");
        }
        assert!(get.to_string().contains("get-room"), "{get}");
    }
    let err = get("a\nb").unwrap_err().to_string();
    assert!(err.contains("U+000A at character 1"), "{err}");
    let err = get(&"é".repeat(129)).unwrap_err().to_string();
    assert!(
        err.contains("129 characters") && err.contains("at most 128"),
        "{err}"
    );
    // Exactly the longest ID, and any Unicode, is fine both ways.
    for good in [
        "x".repeat(MAX_ID_CHARS),
        "é".repeat(MAX_ID_CHARS),
        "a/b ?#%".to_owned(),
        "...".to_owned(),
    ] {
        assert!(get(&good).is_ok() && create(&good).is_ok(), "{good}");
    }
}

#[test]
fn list_items_may_not_hold_the_separator() {
    let config = Config::new("sk_test").unwrap();
    let request = crate::rooms::GetRooms::new()
        .group_ids(["team-a", "admins"])
        .request(&config)
        .unwrap();
    assert_eq!(request.uri().query(), Some("groupIds=team-a%2Cadmins"));
    let err = crate::rooms::GetRooms::new()
        .group_ids(["team-a,admins"])
        .request(&config)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("holds a `,`") && err.contains("groupIds"),
        "{err}"
    );
    let err = crate::rooms::GetRooms::new()
        .group_ids(["a", ""])
        .request(&config)
        .unwrap_err()
        .to_string();
    assert!(err.contains("item 1 is empty"), "{err}");
    let none = crate::rooms::GetRooms::new()
        .group_ids(Vec::<String>::new())
        .request(&config)
        .unwrap();
    assert_eq!(none.uri().query(), None);
}

#[test]
fn the_credential_is_a_sensitive_header() {
    let config = Config::new("sk_very_secret_key").unwrap();
    let request = crate::rooms::GetRoom::new("r").request(&config).unwrap();
    assert!(request.headers()[AUTHORIZATION].is_sensitive());
    for shown in [
        format!("{request:?}"),
        format!("{request:#?}"),
        format!("{:?}", request.headers()),
    ] {
        assert!(!shown.contains("very_secret"), "{shown}");
    }
    // It still goes out as is.
    assert_eq!(
        request.headers()[AUTHORIZATION],
        "Bearer sk_very_secret_key"
    );
}

#[test]
fn sensitive_operations_are_in_the_registry() {
    let ids: Vec<&str> = crate::endpoints::DOMAINS
        .iter()
        .flat_map(|d| d.operations())
        .map(|op| op.id)
        .collect();
    for id in SENSITIVE_OPERATIONS {
        assert!(ids.contains(id), "{id} is no operation");
    }
    let message =
        redact_quoted("invalid type: string \"sk_live_abc\", expected struct X at line 1");
    assert!(
        !message.contains("sk_live_abc") && message.contains("[redacted]"),
        "{message}"
    );
    assert_eq!(
        redact_quoted("missing field `token` at line 1 column 2"),
        "missing field `token`"
    );
}

#[test]
fn decode_rejects_trailing_garbage_and_html() {
    for body in [&b"{} x"[..], b"<html></html>", b""] {
        let response = http::Response::builder()
            .status(200)
            .body(Bytes::copy_from_slice(body))
            .unwrap();
        let err = decode_json::<serde_json::Value>(response).unwrap_err();
        assert!(matches!(err, Error::Decode(_)), "{err:?}");
    }
}
