//! Every operation of the registry (`liveblocks_core::endpoints::DOMAINS`, which the spec
//! check in `liveblocks-core` holds to the whole spec) through `liveblocks-hyper` against
//! Prism in static mode.
//!
//! Prism mocks the official OpenAPI spec (a copy whose paths carry the `/v2` prefix, see
//! `scripts/derive-prism-spec.mjs`) with `--errors`: it validates every request against the
//! spec, and a request that breaks it gets a `422` plus an `sl-violations` header listing the
//! violations. A valid request gets the spec's example response. So for each operation:
//!
//! - **valid**: every request it sent passed Prism's validation (no `sl-violations` entry about
//!   the request);
//! - **decoded**: every answer decoded into the typed output, holding the example's values.
//!
//! With `--errors`, Prism also validates its own answers and refuses (500) to serve one that
//! breaks the spec. Where the spec contradicts itself like that (an example that breaks its own
//! schema, a schema no value can satisfy, a placeholder that breaks a pattern), the request is
//! still validated by the `--errors` server and the answer is taken from a second Prism on the
//! same spec without `--errors` (`PRISM_PLAIN_URL`). Those operations are listed in
//! [`SPEC_PROBLEMS`], printed in the summary, and the list must match what happens.
//!
//! `scripts/test.sh` (step `prism`) starts both servers and runs this with `PRISM_URL` and
//! `PRISM_PLAIN_URL` set:
//!
//! ```sh
//! PRISM_URL=http://127.0.0.1:4010 PRISM_PLAIN_URL=http://127.0.0.1:4011 \
//!     cargo test -p liveblocks-tests --test prism -- --nocapture
//! ```

// Shared with prism_dynamic.rs, which uses parts this suite doesn't.
#[allow(dead_code)]
#[path = "prism/harness.rs"]
mod harness;
#[path = "prism/ops/mod.rs"]
mod ops;

use std::collections::BTreeSet;
use std::future::IntoFuture;
use std::time::Instant;

use liveblocks_core::endpoint::{Endpoint, RequestBuilder};
use liveblocks_core::endpoints::all_operations;
use liveblocks_core::rooms::CreateRoom;
use liveblocks_core::transport::{HttpRequest, HttpResponse};
use liveblocks_core::{Config, Error};
use serde_json::json;

use harness::{Backend, Failure, Mode};

/// `AiCopilot` and its `AiCopilot<Provider>` variants put `additionalProperties: false` beside
/// `oneOf`/`allOf` with no properties of their own (and `AiCopilotBase` forbids `provider`):
/// no object satisfies them, the example included.
const AI_COPILOT: &str = "`additionalProperties: false` beside `oneOf`/`allOf` in AiCopilot*: \
    no object satisfies it, the example included";
/// The same for `KnowledgeSource` and its `KnowledgeSource<Kind>Source` variants.
const KNOWLEDGE_SOURCE: &str = "`additionalProperties: false` beside `oneOf`/`allOf` in \
    KnowledgeSource*: no object satisfies it, the example included";

/// The operations whose answer the validating Prism refuses to serve, and why (from the spec).
/// Their requests are still validated; their answers come from the plain server.
const SPEC_PROBLEMS: &[(&str, &str)] = &[
    (
        "get-storage-file",
        "no example; the placeholder `id: \"string\"` breaks the schema's `^fl_...` pattern",
    ),
    (
        "create-storage-file-multipart-upload",
        "no example; the placeholder `fileId: \"string\"` breaks the schema's `^fl_...` pattern",
    ),
    (
        "create-attachment-multipart-upload",
        "no example; the placeholder `attachmentId: \"string\"` breaks the schema's `^at_...` pattern",
    ),
    (
        "create-comment",
        "the `Comment` example's `body: {}` lacks CommentBody's required `version` and `content`",
    ),
    (
        "get-comment",
        "the `Comment` example's `body: {}` lacks CommentBody's required `version` and `content`",
    ),
    (
        "edit-comment",
        "the `Comment` example's `body: {}` lacks CommentBody's required `version` and `content`",
    ),
    (
        "get-ai-copilots",
        AI_COPILOT,
    ),
    (
        "create-ai-copilot",
        AI_COPILOT,
    ),
    (
        "get-ai-copilot",
        AI_COPILOT,
    ),
    (
        "update-ai-copilot",
        AI_COPILOT,
    ),
    (
        "get-knowledge-sources",
        KNOWLEDGE_SOURCE,
    ),
    (
        "get-management-projects",
        "the `ManagementProject` example lacks `description`, which the schema requires",
    ),
    (
        "create-management-project",
        "the `ManagementProject` example lacks `description`, which the schema requires",
    ),
    (
        "get-management-project",
        "the `ManagementProject` example lacks `description`, which the schema requires",
    ),
    (
        "update-management-project",
        "the `ManagementProject` example lacks `description`, which the schema requires",
    ),
    (
        "get-knowledge-source",
        KNOWLEDGE_SOURCE,
    ),
];

/// The verdict on one operation.
struct Verdict {
    operation: &'static str,
    valid: bool,
    decoded: bool,
    requests: usize,
    problems: Vec<String>,
    notes: Vec<String>,
}

/// Runs the exercise of `operation` in a fresh session and judges its requests.
async fn judge(backend: &Backend, operation: &'static str) -> Verdict {
    let session = backend.session();
    let outcome = ops::exercise(&session, operation, Mode::Static).await;
    let exchanges = session.exchanges();
    let mut problems = Vec::new();
    if exchanges.is_empty() {
        problems.push("no request was sent".to_owned());
    }
    let mut valid = !exchanges.is_empty();
    for exchange in &exchanges {
        for violation in &exchange.request_violations {
            valid = false;
            problems.push(format!(
                "{} -> {}: sl-violations: {violation}",
                exchange.request, exchange.status
            ));
        }
        if exchange.request_violations.is_empty()
            && !(200..300).contains(&exchange.status)
            && !exchange.self_rejected()
        {
            valid = false;
            problems.push(format!("{} -> {}", exchange.request, exchange.status));
        }
    }
    let decoded = match outcome {
        Ok(()) => true,
        Err(failure) => {
            problems.push(failure.to_string());
            if let Failure::Call(e) = &failure {
                if let Some(body) = e.raw_body() {
                    problems.push(format!("body: {}", String::from_utf8_lossy(body)));
                }
            }
            false
        }
    };
    Verdict {
        operation,
        valid,
        decoded,
        requests: exchanges.len(),
        problems,
        notes: session.notes(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_operation_is_valid_and_decodes() {
    let started = Instant::now();
    let backend = Backend::from_env("PRISM_URL", Some("PRISM_PLAIN_URL"));
    let operations: Vec<&'static str> = all_operations().map(|op| op.id).collect();
    let expected = all_operations().count();
    let unique: BTreeSet<&str> = operations.iter().copied().collect();
    assert_eq!(
        unique.len(),
        expected,
        "the registry should list each operation once"
    );

    let mut verdicts = Vec::new();
    for operation in operations {
        verdicts.push(judge(&backend, operation).await);
    }

    let mut failures = Vec::new();
    let mut noted = BTreeSet::new();
    for v in &verdicts {
        let mark = |ok: bool| if ok { "ok" } else { "FAIL" };
        println!(
            "prism: {:<46} valid {:<4} decoded {:<4} ({} requests)",
            v.operation,
            mark(v.valid),
            mark(v.decoded),
            v.requests
        );
        for problem in &v.problems {
            println!("    {problem}");
            failures.push(format!("{}: {problem}", v.operation));
        }
        if !v.notes.is_empty() {
            noted.insert(v.operation);
        }
    }

    let known: BTreeSet<&str> = SPEC_PROBLEMS.iter().map(|(op, _)| *op).collect();
    println!(
        "prism: {} spec problems (request validated by --errors, answer from the plain mock):",
        noted.len()
    );
    for v in verdicts.iter().filter(|v| !v.notes.is_empty()) {
        let why = SPEC_PROBLEMS
            .iter()
            .find(|(op, _)| *op == v.operation)
            .map_or("NOT IN SPEC_PROBLEMS", |(_, why)| why);
        println!("    {}: {why}", v.operation);
        for note in &v.notes {
            println!("        {note}");
        }
    }
    for op in known.difference(&noted) {
        failures.push(format!(
            "{op}: listed in SPEC_PROBLEMS, but Prism --errors served its answer"
        ));
    }
    for op in noted.difference(&known) {
        failures.push(format!(
            "{op}: Prism --errors refused its own answer, and SPEC_PROBLEMS doesn't say why"
        ));
    }

    let total = verdicts.len();
    let valid = verdicts.iter().filter(|v| v.valid).count();
    let decoded = verdicts.iter().filter(|v| v.decoded).count();
    let requests: usize = verdicts.iter().map(|v| v.requests).sum();
    println!(
        "prism: {requests} requests in {:.1}s",
        started.elapsed().as_secs_f64()
    );
    println!("prism: {valid}/{total} valid, {decoded}/{total} decoded");
    assert!(
        failures.is_empty() && valid == expected && decoded == expected,
        "prism: {valid}/{total} valid, {decoded}/{total} decoded\n{}",
        failures.join("\n")
    );
}

/// The harness itself: Prism really validates (a request that breaks the spec gets a 422 and
/// `sl-violations` about the request, and the recorder sees it), so a 2xx elsewhere means
/// something.
#[tokio::test]
async fn a_request_that_breaks_the_spec_is_caught() {
    /// create-room without `defaultAccesses`, which the spec requires.
    #[derive(Clone)]
    struct CreateRoomWithoutAccesses;
    impl Endpoint for CreateRoomWithoutAccesses {
        type Output = ();
        const OPERATION: liveblocks_core::Operation = <CreateRoom as Endpoint>::OPERATION;
        fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
            RequestBuilder::new(config, &Self::OPERATION)
                .json(&json!({"id": "my-room-id"}))
                .build()
        }
        fn parse(&self, _response: HttpResponse) -> Result<(), Error> {
            Ok(())
        }
    }

    let backend = Backend::from_env("PRISM_URL", Some("PRISM_PLAIN_URL"));
    let session = backend.session();
    let outcome = session
        .fetch(session.app.call(CreateRoomWithoutAccesses))
        .await;
    assert!(
        matches!(&outcome, Err(Error::Api(api)) if api.status == 422),
        "{outcome:?}"
    );
    let exchanges = session.exchanges();
    assert_eq!(exchanges.len(), 1, "{exchanges:?}");
    assert_eq!(exchanges[0].status, 422);
    let violations = exchanges[0].request_violations.join("\n");
    assert!(violations.contains("defaultAccesses"), "{violations}");
    assert!(exchanges[0].response_violations.is_empty(), "{exchanges:?}");
    assert!(session.notes().is_empty(), "a 422 is not a spec problem");
}

/// Boolean query flags: Prism accepts `name=true` (what the SDK sends) and a bare `name`, and
/// rejects a value that isn't a boolean. Recorded to back the choice of flag encoding.
#[tokio::test]
async fn boolean_flags_bare_and_true_pass_validation() {
    let backend = Backend::from_env("PRISM_URL", Some("PRISM_PLAIN_URL"));
    let session = backend.session();
    let config = session.app.config().clone();
    let base = CreateRoom::new(
        "my-room-id",
        [liveblocks_core::models::rooms::RoomPermission::AllWrite],
    )
    .request(&config)
    .expect("a request");
    let path = base.uri().path().to_owned();

    let mut outcomes = Vec::new();
    for query in ["idempotent=true", "idempotent", "idempotent=yes"] {
        let mut request = base.clone();
        *request.uri_mut() = format!("{}{path}?{query}", config.base_url())
            .parse()
            .expect("a URI");
        let response = liveblocks_core::Transport::send(session.app.transport(), request)
            .await
            .expect("Prism answers");
        outcomes.push((query, response.status().as_u16()));
    }
    let flagged: Vec<bool> = session
        .exchanges()
        .iter()
        .map(|e| !e.request_violations.is_empty())
        .collect();
    assert_eq!(
        outcomes,
        [
            ("idempotent=true", 200),
            ("idempotent", 200),
            ("idempotent=yes", 422),
        ]
    );
    assert_eq!(flagged, [false, false, true]);

    // The same for get-yjs-document's `formatting`, in whichever of the two forms the SDK
    // sends.
    let session = backend.session();
    session
        .app
        .get_yjs_document("my-room-id")
        .formatting(true)
        .into_future()
        .await
        .expect("formatting=true is valid");
    let exchanges = session.exchanges();
    let request = &exchanges[0].request;
    assert!(
        request.ends_with("?formatting") || request.ends_with("?formatting=true"),
        "{exchanges:?}"
    );
    assert_eq!(exchanges[0].status, 200, "{exchanges:?}");
    assert!(exchanges[0].request_violations.is_empty(), "{exchanges:?}");
}
