//! The wasm32 implementation: `http::Request` → global `fetch` → `http::Response`.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use bytes::Bytes;
use js_sys::{Array, Function, Promise, Uint8Array};
use liveblocks_core::transport::{HttpRequest, HttpResponse};
use liveblocks_core::{TransportError, TransportErrorKind};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, Request, RequestInit, Response};

// Bound on the global scope rather than through `window`, which workers don't have.
// `catch` turns a synchronous throw (some runtimes throw instead of rejecting) into an `Err`.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_name = fetch)]
    fn global_fetch(request: &Request) -> Result<Promise, JsValue>;

    #[wasm_bindgen(catch, js_name = setTimeout)]
    fn set_timeout(handler: &Function, millis: i32) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, js_name = clearTimeout)]
    fn clear_timeout(handle: &JsValue) -> Result<(), JsValue>;
}

/// Waits `duration` with the global `setTimeout`. Core races attempts against it, so when
/// the future is dropped early the timer is cleared (a Worker keeps no stray timer).
pub(crate) async fn sleep(duration: Duration) {
    let millis = crate::timer_millis(duration);
    let mut handle = None;
    let mut schedule = |resolve: Function, _reject: Function| {
        // If the runtime has no timer, resolve at once rather than never.
        match set_timeout(&resolve, millis) {
            Ok(h) => handle = Some(h),
            Err(_) => {
                let _ = resolve.call0(&JsValue::NULL);
            }
        }
    };
    let promise = Promise::new(&mut schedule);
    let _timer = ClearOnDrop(handle);
    let _ = JsFuture::from(promise).await;
}

/// Clears a `setTimeout` handle when dropped.
struct ClearOnDrop(Option<JsValue>);

impl Drop for ClearOnDrop {
    fn drop(&mut self) {
        if let Some(handle) = self.0.take() {
            let _ = clear_timeout(&handle);
        }
    }
}

/// Sends `request` and reads the whole response within `timeout`.
pub(crate) async fn send(
    request: HttpRequest,
    timeout: Duration,
) -> Result<HttpResponse, TransportError> {
    let controller = AbortController::new().map_err(|e| other("AbortController", &e))?;
    let deadline = Deadline::start(&controller, timeout)?;
    let request = to_js_request(request, &controller)?;

    // A synchronous throw means the request itself was refused (not a network failure).
    let promise = global_fetch(&request).map_err(|e| other("fetch threw", &e))?;
    let response = JsFuture::from(promise)
        .await
        .map_err(|e| deadline.error(Stage::Fetch, &e))?;
    let response: Response = response
        .dyn_into()
        .map_err(|v| other("fetch resolved to something other than a Response", &v))?;

    let mut builder = http::Response::builder().status(response.status());
    if let Some(headers) = builder.headers_mut() {
        copy_headers(&response.headers(), headers)?;
    }
    let body = response
        .array_buffer()
        .map_err(|e| deadline.error(Stage::Body, &e))?;
    let body = JsFuture::from(body)
        .await
        .map_err(|e| deadline.error(Stage::Body, &e))?;
    let body = Bytes::from(Uint8Array::new(&body).to_vec());
    drop(deadline);

    builder
        .body(body)
        .map_err(|e| TransportError::with_source(TransportErrorKind::Other, e))
}

fn to_js_request(
    request: HttpRequest,
    controller: &AbortController,
) -> Result<Request, TransportError> {
    let (parts, body) = request.into_parts();
    let headers = Headers::new().map_err(|e| other("Headers", &e))?;
    for (name, value) in &parts.headers {
        headers
            .append(name.as_str(), &byte_string(value.as_bytes()))
            .map_err(|e| other(&format!("request header {name}"), &e))?;
    }
    let init = RequestInit::new();
    init.set_method(parts.method.as_str());
    init.set_headers(&headers);
    if !body.is_empty() {
        init.set_body(&Uint8Array::from(&body[..]));
    }
    init.set_signal(Some(&controller.signal()));
    Request::new_with_str_and_init(&parts.uri.to_string(), &init)
        .map_err(|e| other("the request could not be built", &e))
}

/// Copies the JS response headers (an iterable of `[name, value]` pairs) into `target`.
fn copy_headers(source: &Headers, target: &mut http::HeaderMap) -> Result<(), TransportError> {
    let iter = js_sys::try_iter(source)
        .map_err(|e| other("response headers", &e))?
        .ok_or_else(|| {
            TransportError::new(
                TransportErrorKind::Other,
                "the response headers are not iterable",
            )
        })?;
    for entry in iter {
        let entry = entry.map_err(|e| other("response headers", &e))?;
        let pair = Array::from(&entry);
        let (Some(name), Some(value)) = (pair.get(0).as_string(), pair.get(1).as_string()) else {
            return Err(TransportError::new(
                TransportErrorKind::Other,
                "a response header is not a pair of strings",
            ));
        };
        let invalid = || {
            TransportError::new(
                TransportErrorKind::Other,
                format!("the response header {name:?} is not a valid HTTP header"),
            )
        };
        let header_name = http::HeaderName::from_bytes(name.as_bytes()).map_err(|_| invalid())?;
        let header_value =
            http::HeaderValue::from_bytes(&from_byte_string(&value)).map_err(|_| invalid())?;
        target.append(header_name, header_value);
    }
    Ok(())
}

/// Header bytes as a JS ByteString (one char per byte), so non-ASCII bytes survive as is.
fn byte_string(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// The inverse of [`byte_string`]; a string with chars above U+00FF is taken as UTF-8.
fn from_byte_string(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| u8::try_from(u32::from(c)).ok())
        .collect::<Option<Vec<u8>>>()
        .unwrap_or_else(|| s.as_bytes().to_vec())
}

/// Where a request failed, for classifying the rejection.
#[derive(Clone, Copy)]
enum Stage {
    /// Waiting for the response head: a rejection other than an abort is a network error
    /// (a `TypeError` per the Fetch standard; workerd rejects with a plain `Error` such as
    /// "Network connection lost." when nothing listens).
    Fetch,
    /// Reading the body: the connection broke mid-response.
    Body,
}

/// The timer that aborts the request. Dropping it clears the timer and aborts the request if
/// it is still running (it is then of no use to anyone: the future was dropped).
struct Deadline {
    controller: AbortController,
    handle: Option<JsValue>,
    fired: Rc<Cell<bool>>,
    millis: i32,
    // Kept alive until the timer is cleared; the timer calls into it.
    _on_timeout: Closure<dyn FnMut()>,
}

impl Deadline {
    fn start(controller: &AbortController, timeout: Duration) -> Result<Self, TransportError> {
        let millis = crate::timer_millis(timeout);
        let fired = Rc::new(Cell::new(false));
        let on_timeout = {
            let fired = Rc::clone(&fired);
            let controller = controller.clone();
            Closure::<dyn FnMut()>::new(move || {
                fired.set(true);
                controller.abort();
            })
        };
        let handle = set_timeout(on_timeout.as_ref().unchecked_ref(), millis)
            .map_err(|e| other("setTimeout", &e))?;
        Ok(Deadline {
            controller: controller.clone(),
            handle: Some(handle),
            fired,
            millis,
            _on_timeout: on_timeout,
        })
    }

    /// Classifies a rejection from `fetch` or from reading the body.
    fn error(&self, stage: Stage, error: &JsValue) -> TransportError {
        let (name, description) = describe(error);
        if self.fired.get() {
            return TransportError::new(
                TransportErrorKind::Timeout,
                format!(
                    "no complete response within {} ms ({description})",
                    self.millis
                ),
            );
        }
        let kind = match (name.as_deref(), stage) {
            (Some("AbortError"), _) => TransportErrorKind::Aborted,
            (_, Stage::Fetch) => TransportErrorKind::Connect,
            (_, Stage::Body) => TransportErrorKind::Other,
        };
        let what = match stage {
            Stage::Fetch => "fetch failed",
            Stage::Body => "reading the response body failed",
        };
        TransportError::new(kind, format!("{what}: {description}"))
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            // Nothing useful can be done if clearing fails; the closure then outlives nothing
            // that matters, as the request is already settled or aborted below.
            let _ = clear_timeout(&handle);
        }
        // A no-op once the response is complete; cancels the fetch if the future was dropped.
        self.controller.abort();
    }
}

/// An `Other` error for a JS call that threw.
fn other(what: &str, error: &JsValue) -> TransportError {
    let (_, description) = describe(error);
    TransportError::new(TransportErrorKind::Other, format!("{what}: {description}"))
}

/// The error's `name` (if it is an `Error`) and a `name: message` description.
fn describe(value: &JsValue) -> (Option<String>, String) {
    if let Some(error) = value.dyn_ref::<js_sys::Error>() {
        let name = String::from(error.name());
        let message = String::from(error.message());
        let description = if message.is_empty() {
            name.clone()
        } else {
            format!("{name}: {message}")
        };
        return (Some(name), description);
    }
    // DOMException is not always a subclass of Error (older runtimes): read `name` directly.
    let name = js_sys::Reflect::get(value, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string());
    let description = value
        .as_string()
        .or_else(|| {
            js_sys::Reflect::get(value, &JsValue::from_str("message"))
                .ok()
                .and_then(|m| m.as_string())
                .map(|m| match &name {
                    Some(name) => format!("{name}: {m}"),
                    None => m,
                })
        })
        .unwrap_or_else(|| format!("{value:?}"));
    (name, description)
}
