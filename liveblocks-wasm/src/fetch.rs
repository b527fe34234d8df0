//! The wasm32 implementation: `http::Request` → global `fetch` → `http::Response`.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use js_sys::{Array, Function, Promise, Reflect, Uint8Array};
use liveblocks_core::transport::{BodyCollector, HttpRequest, HttpResponse, Limits};
use liveblocks_core::{TransportError, TransportErrorKind};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, Headers, Request, RequestInit, RequestRedirect, Response, ResponseType,
};

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

/// Sends `request` and reads the whole response within the attempt's time, keeping at most
/// the body cap of its [`Limits`].
pub(crate) async fn send(
    request: HttpRequest,
    limits: Limits,
) -> Result<HttpResponse, TransportError> {
    let controller = AbortController::new().map_err(|e| other("AbortController", &e))?;
    let deadline = Deadline::start(&controller, limits.timeout)?;
    let request = to_js_request(request, &controller)?;

    // A synchronous throw means the request itself was refused (not a network failure).
    let promise = global_fetch(&request).map_err(|e| other("fetch threw", &e))?;
    let response = JsFuture::from(promise)
        .await
        .map_err(|e| deadline.error(Stage::Fetch, &e))?;
    let response: Response = response
        .dyn_into()
        .map_err(|v| other("fetch resolved to something other than a Response", &v))?;

    // `redirect: "manual"`: browsers hide the redirect (an "opaqueredirect" response with
    // status 0); workerd and Deno hand back the 3xx itself, which becomes an API error.
    if response.type_() == ResponseType::Opaqueredirect || response.status() == 0 {
        return Err(TransportError::new(
            TransportErrorKind::Protocol,
            "the server answered with a redirect, which is not followed (the runtime hides \
             its status and Location); check the base URL",
        ));
    }
    let status = http::StatusCode::from_u16(response.status())
        .map_err(|e| TransportError::with_source(TransportErrorKind::Protocol, e))?;
    let mut builder = http::Response::builder().status(status);
    if let Some(headers) = builder.headers_mut() {
        copy_headers(&response.headers(), headers)?;
    }
    let (parts, ()) = builder
        .body(())
        .map_err(|e| TransportError::with_source(TransportErrorKind::Protocol, e))?
        .into_parts();
    let mut collector = BodyCollector::new(status, &limits);
    // fetch decompresses by itself; a `Content-Length` then counts the compressed bytes and
    // says nothing about the cap, so it is only trusted for an uncompressed body.
    if !parts.headers.contains_key(http::header::CONTENT_ENCODING) {
        collector.check_length(liveblocks_core::transport::content_length(&parts.headers))?;
    }
    read_body(&response, &mut collector, &deadline).await?;
    drop(deadline);
    Ok(collector.finish(parts))
}

/// Reads the body stream chunk by chunk into `collector`, which counts the (decompressed)
/// bytes: past the cap of a 2xx body the stream is cancelled and the call fails with
/// `TooLarge`; past the cap of an error body the stream is cancelled and the body kept cut.
async fn read_body(
    response: &Response,
    collector: &mut BodyCollector,
    deadline: &Deadline,
) -> Result<(), TransportError> {
    let key = |name: &str| JsValue::from_str(name);
    let body = Reflect::get(response, &key("body")).map_err(|e| other("response.body", &e))?;
    if body.is_null() || body.is_undefined() {
        return Ok(());
    }
    let reader = Reflect::get(&body, &key("getReader"))
        .and_then(|f| f.dyn_into::<Function>())
        .and_then(|f| f.call0(&body))
        .map_err(|e| other("response.body.getReader()", &e))?;
    let read = Reflect::get(&reader, &key("read"))
        .and_then(|f| f.dyn_into::<Function>())
        .map_err(|e| other("reader.read", &e))?;
    let cancel = || {
        if let Ok(cancel) = Reflect::get(&reader, &key("cancel")) {
            if let Ok(cancel) = cancel.dyn_into::<Function>() {
                // Nothing waits for the cancellation (the request is aborted right after).
                let _ = cancel.call0(&reader);
            }
        }
    };
    loop {
        let promise = read
            .call0(&reader)
            .and_then(|p| p.dyn_into::<Promise>())
            .map_err(|e| deadline.error(Stage::Body, &e))?;
        let result = JsFuture::from(promise)
            .await
            .map_err(|e| deadline.error(Stage::Body, &e))?;
        let done = Reflect::get(&result, &key("done"))
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            return Ok(());
        }
        let value = Reflect::get(&result, &key("value")).map_err(|e| other("chunk", &e))?;
        let chunk = Uint8Array::new(&value);
        if let Err(error) = collector.push(&chunk.to_vec()) {
            cancel();
            return Err(error);
        }
        if collector.full() {
            cancel();
            return Ok(());
        }
    }
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
    // Never follow redirects, like the other adapters: a 3xx is reported, not chased.
    init.set_redirect(RequestRedirect::Manual);
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
            // The connection broke mid-response.
            (_, Stage::Body) => TransportErrorKind::Reset,
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
