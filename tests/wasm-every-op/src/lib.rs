//! A Worker that routes requests to every Liveblocks operation: the artefact whose size
//! `scripts/test-wasm.sh` holds to the budget (1 MiB raw, 350 KiB gzipped after wasm-bindgen
//! and `wasm-opt -Oz`).
//!
//! It is what a gateway Worker would be: [`handle`] takes an operation ID (the spec's, e.g.
//! `get-room`) and the operation's arguments as one JSON object, calls that operation through
//! `liveblocks-wasm`, and answers with the output (JSON, or the bytes of a binary answer).
//! Each of the 121 operations has its arm in one of the routing modules, so none can be
//! stripped by LTO; `tests/wasm-runtimes/every-op.mjs` proves it at run time by calling every
//! operation of the spec in workerd and checking the request each one sent.
//!
//! Arguments are read by name from the JSON object: path parameters under the spec's names
//! (`roomId`, `threadId`...), other required arguments in camelCase (`userId`, `body`,
//! `defaultAccesses`...), binary payloads as a string under `bytes`, and the one timestamp
//! argument as Unix milliseconds (`sinceMillis`): parsing date text in the Worker would link
//! jiff's general parser, about 118 KiB, which the SDK itself no longer needs on wasm32.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use liveblocks_wasm::{Client, Config, Error};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};
use wasm_bindgen::prelude::*;

mod ai;
mod comments;
mod management;
mod rooms;

/// The arguments of one call, by name.
struct Args(Map<String, Value>);

impl Args {
    /// A string argument.
    fn s(&self, name: &str) -> Result<String, Failure> {
        self.get(name)
    }

    /// Any argument, decoded as `T`.
    fn get<T: DeserializeOwned>(&self, name: &str) -> Result<T, Failure> {
        let value = self
            .0
            .get(name)
            .ok_or_else(|| Failure::Args(format!("missing argument `{name}`")))?;
        // From text, as the SDK decodes answers: the argument shares the decoder of its type.
        serde_json::from_str(&value.to_string())
            .map_err(|e| Failure::Args(format!("argument `{name}`: {e}")))
    }

    /// A binary payload: the UTF-8 bytes of the string `bytes`.
    fn bytes(&self) -> Result<Vec<u8>, Failure> {
        Ok(self.s("bytes")?.into_bytes())
    }
}

/// Why a request got no output.
enum Failure {
    /// The arguments do not fit the operation.
    Args(String),
    /// The call failed.
    Call(Error),
    /// No operation of this routing module has that ID.
    Unknown,
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Failure::Call(error)
    }
}

/// The body of a successful answer, or why there is none.
type Reply = Result<Vec<u8>, Failure>;

/// A JSON answer.
fn json<T: Serialize>(output: Result<T, Error>) -> Reply {
    serde_json::to_vec(&output?).map_err(|e| Failure::Args(e.to_string()))
}

/// An empty answer, for operations without output.
fn empty(output: Result<(), Error>) -> Reply {
    output?;
    Ok(Vec::new())
}

/// A binary answer.
fn binary(output: Result<liveblocks_wasm::liveblocks_core::bytes::Bytes, Error>) -> Reply {
    Ok(output?.to_vec())
}

/// The clients a Worker holds: one with the project's secret key, one with a Management API
/// token for the `management` operations.
struct Clients {
    secret: Client,
    management: Client,
}

/// Calls `operation` with the JSON object `args` and answers with its output: JSON, or the
/// bytes of a binary answer (empty for operations without output).
///
/// `secret` is a secret key (`sk_...`) and `management_token` a Management API token; both
/// clients use `base_url`. Throws with the HTTP status and the error when the call fails, the
/// arguments do not fit, or no operation has that ID.
#[wasm_bindgen]
pub async fn handle(
    secret: String,
    management_token: String,
    base_url: String,
    operation: String,
    args: String,
) -> Result<Vec<u8>, JsError> {
    let clients = clients(secret, management_token, base_url).map_err(call_error)?;
    let args = match serde_json::from_str(&args) {
        Ok(Value::Object(map)) => Args(map),
        _ => return Err(JsError::new("the arguments are not a JSON object")),
    };
    route(&clients, &operation, &args)
        .await
        .map_err(|failure| match failure {
            Failure::Args(message) => JsError::new(&format!("400 {message}")),
            Failure::Call(error) => call_error(error),
            Failure::Unknown => JsError::new(&format!("404 no operation {operation:?}")),
        })
}

fn clients(secret: String, token: String, base_url: String) -> Result<Clients, Error> {
    let secret = Config::new(secret)?.with_base_url(base_url.clone())?;
    let management = Config::management(token)?.with_base_url(base_url)?;
    Ok(Clients {
        secret: Client::from_config(secret)?,
        management: Client::from_config(management)?,
    })
}

/// The error as a gateway would answer it: the upstream status (400 for arguments the SDK
/// refused, 502 for any other failure without one) and why.
fn call_error(error: Error) -> JsError {
    let status = match error.status() {
        Some(status) => status.as_u16(),
        None if error.is_invalid_input() => 400,
        None => 502,
    };
    JsError::new(&format!("{status} {error}"))
}

/// The answer of `operation`, asking each routing module in turn.
async fn route(clients: &Clients, operation: &str, args: &Args) -> Reply {
    match rooms::route(&clients.secret, operation, args).await {
        Err(Failure::Unknown) => {}
        reply => return reply,
    }
    match comments::route(&clients.secret, operation, args).await {
        Err(Failure::Unknown) => {}
        reply => return reply,
    }
    match ai::route(&clients.secret, operation, args).await {
        Err(Failure::Unknown) => {}
        reply => return reply,
    }
    management::route(&clients.management, operation, args).await
}
