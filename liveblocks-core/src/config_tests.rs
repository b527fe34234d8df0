//! Unit tests of `config.rs`.
use super::*;

#[test]
fn secret_rules() {
    assert!(Config::new("sk_localdev").is_ok());
    assert!(Config::new("sk_prod_AZaz09-_").is_ok());
    for bad in [
        "",
        "pk_localdev",
        "sk_with space",
        "sk_é",
        "Bearer sk_x",
        "sk_x\n",
    ] {
        let err = Config::new(bad).unwrap_err();
        assert!(err.is_invalid_input(), "{bad:?} gave {err:?}");
    }
}

#[test]
fn secret_is_redacted() {
    let config = Config::new("sk_supersecret").unwrap();
    let debug = format!("{config:?}");
    assert!(!debug.contains("supersecret"), "{debug}");
    assert_eq!(config.authorization(), "Bearer sk_supersecret");
}

#[test]
fn base_url_rules() {
    let config = Config::new("sk_x").unwrap();
    assert_eq!(config.base_url(), DEFAULT_BASE_URL);
    let ok = [
        ("http://localhost:1153/", "http://localhost:1153"),
        (
            "https://proxy.example.com/liveblocks",
            "https://proxy.example.com/liveblocks",
        ),
        ("http://[::1]:8080", "http://[::1]:8080"),
    ];
    for (input, expected) in ok {
        let c = config.clone().with_base_url(input).unwrap();
        assert_eq!(c.base_url(), expected);
    }
    for bad in [
        "",
        "localhost:1153",
        "api.liveblocks.io",
        "ftp://api.liveblocks.io",
        "https://",
        "https://x.io/?a=b",
        "https://x.io/#f",
        "not a url",
    ] {
        let err = config.clone().with_base_url(bad).unwrap_err();
        assert!(err.is_invalid_input(), "{bad:?} gave {err:?}");
        assert!(err.to_string().contains("base URL"), "{err}");
    }
}

#[test]
fn base_url_credentials_and_v2_are_refused_with_what_to_do() {
    let config = Config::new("sk_x").unwrap();
    for bad in [
        "http://user:hunter2@localhost:1153",
        "https://hunter2@api.liveblocks.io/",
        "https://user:hunter2@proxy.example.com/liveblocks/",
    ] {
        let err = config.clone().with_base_url(bad).unwrap_err();
        let shown = format!("{err} {err:?}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("credentials"), "{shown}");
    }
    for (bad, fix) in [
        (
            "https://api.liveblocks.io/v2",
            "\"https://api.liveblocks.io\"",
        ),
        ("http://localhost:1153/v2/", "\"http://localhost:1153\""),
        (
            "https://p.example.com/lb/v2",
            "\"https://p.example.com/lb\"",
        ),
    ] {
        let err = config.clone().with_base_url(bad).unwrap_err().to_string();
        assert!(err.contains("drop the /v2") && err.contains(fix), "{err}");
    }
    // A /v2 elsewhere in a proxy's prefix is fine.
    assert!(config
        .clone()
        .with_base_url("https://p.example.com/v2x")
        .is_ok());
}

#[test]
fn bad_characters_are_named_with_their_position() {
    let err = Config::new("sk_abc\n").unwrap_err().to_string();
    assert!(
        err.contains("a newline (U+000A) at position 6 of 7") && err.contains("trim"),
        "{err}"
    );
    let err = Config::new("sk_a b").unwrap_err().to_string();
    assert!(err.contains("a space (U+0020) at position 4"), "{err}");
    let err = Config::new(" sk_abc").unwrap_err().to_string();
    assert!(err.contains("leading whitespace"), "{err}");
    let err = Config::management("tok\t").unwrap_err().to_string();
    assert!(err.contains("a tab (U+0009) at position 3"), "{err}");
}

#[test]
fn from_lookup_errors_name_the_variable() {
    let err = Config::from_lookup(|k| match k {
        ENV_SECRET_KEY => Some("sk_abc\n".into()),
        _ => None,
    })
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("LIVEBLOCKS_SECRET_KEY:") && err.contains("newline"),
        "{err}"
    );
    let err = Config::from_lookup(|k| match k {
        ENV_SECRET_KEY => Some("sk_abc".into()),
        _ => Some("http://localhost:1153/v2".into()),
    })
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("LIVEBLOCKS_BASE_URL:") && err.contains("/v2"),
        "{err}"
    );
}

#[test]
fn from_lookup_reads_both_variables() {
    let c = Config::from_lookup(|k| match k {
        ENV_SECRET_KEY => Some("sk_localdev".into()),
        ENV_BASE_URL => Some("http://127.0.0.1:4000".into()),
        _ => None,
    })
    .unwrap();
    assert_eq!(c.base_url(), "http://127.0.0.1:4000");
    let missing = Config::from_lookup(|_| None).unwrap_err();
    assert!(missing.to_string().contains(ENV_SECRET_KEY));
    let bad_url = Config::from_lookup(|k| match k {
        ENV_SECRET_KEY => Some("sk_localdev".into()),
        _ => Some("localhost".into()),
    });
    assert!(bad_url.unwrap_err().is_invalid_input());
}

#[test]
fn management_token_rules() {
    for good in ["lb_mgmt_abc", "tok.en-with_~symbols+/=", "x"] {
        let c = Config::management(good).unwrap();
        assert_eq!(c.credential_kind(), CredentialKind::ManagementToken);
        assert_eq!(c.authorization(), format!("Bearer {good}"));
        assert_eq!(c.base_url(), DEFAULT_BASE_URL);
    }
    for bad in [
        "",
        " ",
        "tok en",
        "tok\n",
        "tok\t",
        "tok\u{7f}",
        "tökén",
        "Bearer x",
    ] {
        let err = Config::management(bad).unwrap_err();
        assert!(err.is_invalid_input(), "{bad:?} gave {err:?}");
        assert!(err.to_string().contains("management access token"), "{err}");
    }
    assert_eq!(
        Config::new("sk_x").unwrap().credential_kind(),
        CredentialKind::SecretKey
    );
}

#[test]
fn management_token_is_redacted() {
    let c = Config::management("mgmt_supersecret").unwrap();
    let debug = format!("{c:?}");
    assert!(!debug.contains("supersecret"), "{debug}");
    assert!(debug.contains("[redacted management token]"), "{debug}");
}

#[test]
fn from_lookup_management_reads_both_variables() {
    let c = Config::from_lookup_management(|k| match k {
        ENV_MANAGEMENT_TOKEN => Some("mgmt_token".into()),
        ENV_BASE_URL => Some("http://127.0.0.1:4000/".into()),
        // A project key in the environment must not be picked up instead.
        ENV_SECRET_KEY => Some("sk_localdev".into()),
        _ => None,
    })
    .unwrap();
    assert_eq!(c.credential_kind(), CredentialKind::ManagementToken);
    assert_eq!(c.authorization(), "Bearer mgmt_token");
    assert_eq!(c.base_url(), "http://127.0.0.1:4000");
    let missing = Config::from_lookup_management(|k| match k {
        ENV_SECRET_KEY => Some("sk_localdev".into()),
        _ => None,
    })
    .unwrap_err();
    assert!(
        missing.to_string().contains(ENV_MANAGEMENT_TOKEN),
        "{missing}"
    );
    let bad = Config::from_lookup_management(|k| match k {
        ENV_MANAGEMENT_TOKEN => Some("has space".into()),
        _ => None,
    });
    assert!(bad.unwrap_err().is_invalid_input());
}

#[test]
fn user_agent_default_and_override() {
    let c = Config::new("sk_x").unwrap();
    assert!(c.user_agent().starts_with("liveblocks-rs/"));
    assert!(c.clone().with_user_agent("bad\nagent").is_err());
    assert_eq!(c.with_user_agent("me/1").unwrap().user_agent(), "me/1");
}
