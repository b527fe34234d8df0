//! hyper's errors as core's transport errors.

use liveblocks_core::{TransportError, TransportErrorKind};

/// Sorts a hyper(-util) error into the kinds core's retry table uses, from its chain of
/// causes: a rustls error is `Tls`; a failed connect `Connect`; a connection closed or reset
/// before the response was complete `Reset`; an answer that is not HTTP (a parse error,
/// oversized headers, a bad chunk) `Protocol`; a request hyper refuses `InvalidRequest`.
/// `connect` says the error is the connector's: whatever it is, no connection was made.
pub(crate) fn classify(
    error: &(dyn std::error::Error + 'static),
    mut connect: bool,
) -> TransportErrorKind {
    let mut found = None;
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(e) = cause {
        if let Some(e) = e.downcast_ref::<hyper_util::client::legacy::Error>() {
            connect |= e.is_connect();
            let debug = format!("{e:?}");
            if debug.contains("UserUnsupported") || debug.contains("UserAbsoluteUriRequired") {
                found.get_or_insert(TransportErrorKind::InvalidRequest);
            }
        }
        if e.is::<rustls::Error>() {
            return TransportErrorKind::Tls;
        }
        if let Some(e) = e.downcast_ref::<hyper::Error>() {
            let kind = if e.is_parse() || e.is_parse_status() {
                Some(TransportErrorKind::Protocol)
            } else if e.is_incomplete_message() || e.is_canceled() || e.is_closed() {
                Some(TransportErrorKind::Reset)
            } else if e.is_timeout() {
                Some(TransportErrorKind::Timeout)
            } else if e.is_user() {
                Some(TransportErrorKind::InvalidRequest)
            } else {
                None
            };
            if let Some(kind) = kind {
                found.get_or_insert(kind);
            }
        }
        if let Some(io) = e.downcast_ref::<std::io::Error>() {
            use std::io::ErrorKind as K;
            let kind = match io.kind() {
                K::ConnectionRefused
                | K::AddrNotAvailable
                | K::HostUnreachable
                | K::NetworkUnreachable
                | K::NetworkDown => Some(TransportErrorKind::Connect),
                K::ConnectionReset | K::ConnectionAborted | K::BrokenPipe | K::UnexpectedEof => {
                    Some(TransportErrorKind::Reset)
                }
                // Not HTTP: a bad chunk size line, invalid framing.
                K::InvalidData | K::InvalidInput => Some(TransportErrorKind::Protocol),
                K::TimedOut => Some(TransportErrorKind::Timeout),
                _ => None,
            };
            if let Some(kind) = kind {
                // The innermost I/O error says more than hyper's wrapper.
                found = Some(kind);
            }
        }
        cause = match e
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
        {
            // `io::Error::source` skips the error it wraps (a rustls error, another I/O
            // error...): walk into it instead.
            Some(inner) => Some(inner as &(dyn std::error::Error + 'static)),
            None => e.source(),
        };
    }
    match found {
        Some(kind) if !(connect && kind == TransportErrorKind::Reset) => kind,
        // A connection that could not be made, whatever closed it.
        _ if connect => TransportErrorKind::Connect,
        Some(kind) => kind,
        None => TransportErrorKind::Other,
    }
}

/// A hyper (or hyper-util) error as a transport error of the kind [`classify`] finds.
pub(crate) fn from_error<E: std::error::Error + Send + Sync + 'static>(error: E) -> TransportError {
    let kind = classify(&error, false);
    transport_error(kind, error)
}

/// A transport error whose message carries the whole chain of causes: hyper-util's own
/// message is only `client error (Connect)`, the useful part (`Connection refused`, a DNS or
/// certificate failure) is in its sources.
pub(crate) fn transport_error(
    kind: TransportErrorKind,
    error: impl std::error::Error + Send + Sync + 'static,
) -> TransportError {
    TransportError::with_source(kind, Detailed(Box::new(error)))
}

/// Displays an error followed by its causes; its own `source()` continues below the wrapped
/// error's message.
struct Detailed(Box<dyn std::error::Error + Send + Sync>);

impl std::fmt::Display for Detailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut message = self.0.to_string();
        let mut cause = self.0.source();
        while let Some(error) = cause {
            let text = error.to_string();
            if !message.contains(&text) {
                message.push_str(": ");
                message.push_str(&text);
            }
            cause = error.source();
        }
        f.write_str(&message)
    }
}

impl std::fmt::Debug for Detailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&self.0, f)
    }
}

impl std::error::Error for Detailed {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source()
    }
}
