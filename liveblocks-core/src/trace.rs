//! The `tracing` feature: one span per call, `liveblocks.call`, with the operation's id,
//! method and path template, then the number of attempts and the last status. Never the
//! secret, a token, a header value or a body. Without the feature these are no-ops.
//!
//! The span's duration is the call's (subscribers time spans themselves, e.g.
//! `tracing_subscriber::fmt().with_span_events(FmtSpan::CLOSE)`); each retry is a `DEBUG`
//! event inside it with the attempt that failed and the wait.

use std::future::Future;
use std::time::Duration;

use crate::endpoint::Operation;
use crate::transport::{HttpResponse, TransportError};

/// The span of one call.
#[derive(Clone)]
pub(crate) struct CallSpan {
    #[cfg(feature = "tracing")]
    span: tracing::Span,
}

impl CallSpan {
    pub(crate) fn new(operation: &Operation) -> Self {
        #[cfg(feature = "tracing")]
        {
            let span = tracing::info_span!(
                "liveblocks.call",
                operation = operation.id,
                method = %operation.method,
                path = operation.path,
                attempts = tracing::field::Empty,
                status = tracing::field::Empty,
            );
            CallSpan { span }
        }
        #[cfg(not(feature = "tracing"))]
        {
            let _ = operation;
            CallSpan {}
        }
    }

    /// Records how attempt `attempt` ended.
    pub(crate) fn attempt(&self, attempt: u32, result: &Result<HttpResponse, TransportError>) {
        #[cfg(feature = "tracing")]
        {
            self.span.record("attempts", attempt);
            match result {
                Ok(response) => self.span.record("status", response.status().as_u16()),
                Err(error) => self
                    .span
                    .record("status", tracing::field::debug(error.kind())),
            };
        }
        #[cfg(not(feature = "tracing"))]
        let _ = (attempt, result);
    }

    /// Records a retry after `wait`.
    pub(crate) fn retry(&self, attempt: u32, wait: Duration) {
        #[cfg(feature = "tracing")]
        self.span.in_scope(|| {
            tracing::debug!(attempt, wait_ms = wait.as_millis() as u64, "retrying");
        });
        #[cfg(not(feature = "tracing"))]
        let _ = (attempt, wait);
    }

    /// Runs a blocking call inside the span.
    pub(crate) fn in_scope<R>(&self, f: impl FnOnce() -> R) -> R {
        #[cfg(feature = "tracing")]
        return self.span.in_scope(f);
        #[cfg(not(feature = "tracing"))]
        f()
    }

    /// Runs an async call inside the span.
    pub(crate) fn instrument<F: Future>(&self, future: F) -> impl Future<Output = F::Output> {
        #[cfg(feature = "tracing")]
        return tracing::Instrument::instrument(future, self.span.clone());
        #[cfg(not(feature = "tracing"))]
        future
    }
}
