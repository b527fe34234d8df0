//! Live scenarios for `liveblocks-wasm`, compiled to wasm32 and run inside workerd.
//!
//! `tests/wasm-runtimes/run.mjs` loads this crate's `wasm-bindgen --target web` output into
//! miniflare and calls [`run`] once per name in [`scenarios`]. `scripts/test-wasm.sh` starts
//! two servers for them: the local dev server (real semantics: rooms, Storage, Yjs, storage
//! files, tokens, Feeds) and Prism mocking the official OpenAPI spec with request validation
//! (the `prism_*` scenarios: comments, attachments, notifications, groups, AI, version
//! history and the Management API, which the dev server does not implement). Every scenario
//! records named checks (each a real comparison of what the server sent back through
//! `FetchTransport`) and returns them as JSON; the runner prints them and fails the suite on
//! any failed check.
//!
//! The crate also builds natively (it is a workspace member), where it is only type-checked:
//! its scenarios need the JS `fetch` of a wasm32 host.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::fmt::Debug;
use std::time::Duration;

use liveblocks_wasm::liveblocks_core::TransportErrorKind;
use liveblocks_wasm::{Client, Config, Error};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

mod basics;
mod devserver;
mod faults;
mod options;
mod prism;
mod transport;
mod uploads;
mod webhooks;

/// The scenario names [`run`] accepts, in the order the runner should use.
const SCENARIOS: &[&str] = &[
    "rooms",
    "storage",
    "yjs",
    "not_found",
    "conflict",
    "special_room_id",
    "bad_secret",
    "transport_echo",
    "timeout",
    "retry",
    "call_options",
    "connect_error",
    "storage_files",
    "multipart",
    "uploads",
    "auth",
    "feeds",
    "prism_validation",
    "prism_comments",
    "prism_attachments",
    "prism_notifications",
    "prism_groups",
    "prism_ai",
    "prism_versions",
    "prism_management",
    "webhooks",
    "faults",
];

/// The scenario names, comma-separated, for the runner to iterate over.
#[wasm_bindgen]
pub fn scenarios() -> String {
    SCENARIOS.join(",")
}

/// What the runner passes to every scenario (as JSON, camelCase keys).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Params {
    /// The dev server's base URL.
    base_url: String,
    /// Its secret key (`sk_localdev`).
    secret: String,
    /// A prefix unique to this run, for room IDs.
    prefix: String,
    /// A Yjs V1 update made by the runner with the npm `yjs` package.
    #[serde(default)]
    yjs_update: Vec<u8>,
    /// What the document holds once that update is applied, as the dev server renders it.
    #[serde(default)]
    yjs_expected: serde_json::Value,
    /// The runner's helper server: `/hang/...` never answers, `/echo/...` describes the
    /// request it got, `/binary` sends bytes 0 to 255.
    #[serde(default)]
    helper_url: Option<String>,
    /// A URL where nothing listens.
    #[serde(default)]
    closed_url: Option<String>,
    /// The fault server's base URL (`liveblocks_tests::faults`), for the `faults` scenario.
    #[serde(default)]
    fault_url: Option<String>,
    /// Prism's base URL (serving the spec's paths under `/v2`), for the `prism_*` scenarios.
    #[serde(default)]
    prism_url: Option<String>,
    /// The JS runtime the runner loaded this module into: `workerd`, `node` or `chromium`.
    #[serde(default)]
    runtime: String,
}

/// How much of a passing check's detail is kept.
const MAX_DETAIL: usize = 160;

/// One named assertion.
#[derive(Debug, Serialize)]
struct Check {
    name: String,
    pass: bool,
    detail: String,
}

/// The outcome of one scenario.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
struct Report {
    checks: Vec<Check>,
    /// Bytes for the runner to check with the npm `yjs` package.
    #[serde(skip_serializing_if = "Option::is_none")]
    yjs_binary: Option<Vec<u8>>,
    /// Rooms to delete when the scenario ends, however it ends.
    #[serde(skip)]
    rooms: Vec<String>,
}

/// A scenario stopped early; the reason is already recorded as a failed check.
struct Abort;

type Step<T = ()> = Result<T, Abort>;

impl Report {
    fn check(&mut self, name: &str, pass: bool, detail: impl Into<String>) -> bool {
        let mut detail = detail.into();
        // Keep passing checks readable; a failure keeps its whole story.
        if pass && detail.chars().count() > MAX_DETAIL {
            detail = detail.chars().take(MAX_DETAIL).collect::<String>() + "…";
        }
        self.checks.push(Check {
            name: name.to_owned(),
            pass,
            detail,
        });
        pass
    }

    /// Passes when `actual == expected`.
    fn eq<T: PartialEq + Debug + ?Sized>(&mut self, name: &str, actual: &T, expected: &T) -> bool {
        let pass = actual == expected;
        let detail = if pass {
            format!("{actual:?}")
        } else {
            format!("got {actual:?}, expected {expected:?}")
        };
        self.check(name, pass, detail)
    }

    /// Passes when `actual` is one of the named acceptable values.
    fn one_of<T: PartialEq + Debug>(
        &mut self,
        name: &str,
        actual: &T,
        options: &[(&str, T)],
    ) -> bool {
        match options.iter().find(|(_, value)| value == actual) {
            Some((label, _)) => self.check(name, true, format!("{label}: {actual:?}")),
            None => {
                let expected: Vec<&T> = options.iter().map(|(_, value)| value).collect();
                self.check(
                    name,
                    false,
                    format!("got {actual:?}, expected one of {expected:?}"),
                )
            }
        }
    }

    /// A call that must succeed: records a pass, or a failure that stops the scenario.
    fn ok<T>(&mut self, name: &str, result: Result<T, Error>) -> Step<T> {
        match result {
            Ok(value) => {
                self.check(name, true, "succeeded");
                Ok(value)
            }
            Err(e) => {
                self.check(name, false, format!("unexpected error: {e} ({e:?})"));
                Err(Abort)
            }
        }
    }

    /// A call that must fail with this HTTP status and error code.
    fn api_error<T: Debug>(
        &mut self,
        name: &str,
        result: Result<T, Error>,
        status: u16,
        code: &str,
    ) {
        match result {
            Ok(value) => {
                self.check(
                    name,
                    false,
                    format!("expected {status} {code}, got Ok({value:?})"),
                );
            }
            Err(e) => {
                let got_status = e.status().map(|s| s.as_u16());
                let pass =
                    e.as_api().is_some() && got_status == Some(status) && e.code() == Some(code);
                self.check(
                    name,
                    pass,
                    format!("status {got_status:?}, code {:?}: {e}", e.code()),
                );
            }
        }
    }

    /// A call that must fail in the transport with this kind.
    fn transport_error<T: Debug>(
        &mut self,
        name: &str,
        result: Result<T, Error>,
        kinds: &[TransportErrorKind],
    ) -> bool {
        match result {
            Ok(value) => self.check(
                name,
                false,
                format!("expected {kinds:?}, got Ok({value:?})"),
            ),
            Err(Error::Transport(e)) => {
                let pass = kinds.contains(&e.kind());
                self.check(name, pass, format!("{:?}: {}", e.kind(), e.message()))
            }
            Err(e) => self.check(name, false, format!("expected {kinds:?}, got {e:?}")),
        }
    }
}

impl Params {
    fn config(&self, r: &mut Report) -> Step<Config> {
        let config = Config::new(self.secret.clone())
            .and_then(|c| c.with_base_url(self.base_url.clone()))
            .map(|c| c.with_timeout(Duration::from_secs(20)));
        r.ok("config from the runner's base URL and secret", config)
    }

    fn client(&self, r: &mut Report) -> Step<Client> {
        let config = self.config(r)?;
        r.ok("Client::from_config", Client::from_config(config))
    }

    fn helper_url(&self, r: &mut Report) -> Step<String> {
        match &self.helper_url {
            Some(url) => Ok(url.clone()),
            None => {
                r.check(
                    "the runner sent its helper server's URL",
                    false,
                    "helperUrl missing",
                );
                Err(Abort)
            }
        }
    }

    fn room_id(&self, name: &str) -> String {
        format!("{}-{name}", self.prefix)
    }
}

/// Runs one scenario and returns its report as JSON:
/// `{"checks":[{"name","pass","detail"}...], "yjsBinary"?: [bytes]}`.
///
/// Throws only when the scenario name or the parameters are wrong; a failing server call is
/// a failed check, not an exception.
#[wasm_bindgen]
pub async fn run(scenario: String, params: String) -> Result<String, JsError> {
    let params: Params = serde_json::from_str(&params)
        .map_err(|e| JsError::new(&format!("bad scenario parameters: {e}")))?;
    let mut report = Report::default();
    let r = &mut report;
    let _stopped_early: Step = match scenario.as_str() {
        "rooms" => basics::rooms(&params, r).await,
        "storage" => basics::storage(&params, r).await,
        "yjs" => basics::yjs(&params, r).await,
        "not_found" => basics::not_found(&params, r).await,
        "conflict" => basics::conflict(&params, r).await,
        "special_room_id" => basics::special_room_id(&params, r).await,
        "bad_secret" => basics::bad_secret(&params, r).await,
        "transport_echo" => transport::transport_echo(&params, r).await,
        "timeout" => transport::timeout(&params, r).await,
        "retry" => transport::retry(&params, r).await,
        "call_options" => options::call_options(&params, r).await,
        "connect_error" => transport::connect_error(&params, r).await,
        "storage_files" => devserver::storage_files(&params, r).await,
        "multipart" => devserver::multipart(&params, r).await,
        "uploads" => uploads::uploads(&params, r).await,
        "auth" => devserver::auth(&params, r).await,
        "feeds" => devserver::feeds(&params, r).await,
        "prism_validation" => prism::prism_validation(&params, r).await,
        "prism_comments" => prism::prism_comments(&params, r).await,
        "prism_attachments" => prism::prism_attachments(&params, r).await,
        "prism_notifications" => prism::prism_notifications(&params, r).await,
        "prism_groups" => prism::prism_groups(&params, r).await,
        "prism_ai" => prism::prism_ai(&params, r).await,
        "prism_versions" => prism::prism_versions(&params, r).await,
        "prism_management" => prism::prism_management(&params, r).await,
        "webhooks" => webhooks::webhooks(r),
        "faults" => faults::faults(&params, r).await,
        other => {
            return Err(JsError::new(&format!(
                "unknown scenario {other:?}; known: {}",
                scenarios()
            )))
        }
    };
    cleanup(&params, &mut report).await;
    if report.checks.is_empty() {
        return Err(JsError::new(&format!(
            "scenario {scenario} checked nothing"
        )));
    }
    serde_json::to_string(&report).map_err(|e| JsError::new(&e.to_string()))
}

/// Deletes the rooms a scenario left behind (best effort; a failure here is a failed check).
async fn cleanup(p: &Params, r: &mut Report) {
    let rooms = std::mem::take(&mut r.rooms);
    if rooms.is_empty() {
        return;
    }
    let Ok(client) = Config::new(p.secret.clone())
        .and_then(|c| c.with_base_url(p.base_url.clone()))
        .and_then(Client::from_config)
    else {
        return;
    };
    for id in rooms {
        if let Err(e) = client.delete_room(&id).await {
            r.check(
                &format!("cleanup: delete_room({id:?})"),
                false,
                e.to_string(),
            );
        }
    }
}
