//! Retrying failed requests: the decision is a pure function here; the call pipeline
//! ([`crate::call`]) applies it for every transport and waits with the transport's `sleep`.
//!
//! Retries are off unless you opt in with [`Config::with_retry`](crate::Config::with_retry)
//! (or per call with [`Call::with_retry`](crate::Call::with_retry)). Then what is safe to
//! retry is retried:
//!
//! - a connection that could not be made, and `429 Too Many Requests`: any method, since the
//!   server did not process the request;
//! - a timeout or broken connection, `408`, and `5xx` except `501`: only idempotent methods
//!   (`GET`, `HEAD`, `PUT`, `DELETE`, `OPTIONS`), so a `POST` is never applied twice.
//!
//! The wait doubles from [`RetryPolicy::initial_delay`] up to [`RetryPolicy::max_delay`], or
//! follows the server's `Retry-After` (in seconds) when it sends one. There is no random jitter:
//! core has no source of randomness, and the result stays reproducible.
//!
//! ```
//! use std::time::Duration;
//! use liveblocks_core::retry::RetryPolicy;
//!
//! let policy = RetryPolicy::new(3).initial_delay(Duration::from_millis(200));
//! assert_eq!(policy.backoff(1), Duration::from_millis(200));
//! assert_eq!(policy.backoff(3), Duration::from_millis(800));
//! ```

use std::time::Duration;

use http::{HeaderMap, Method, StatusCode};

use crate::error::retry_after;
use crate::transport::{HttpResponse, TransportError, TransportErrorKind};

/// How many times, and how long apart, failed requests are retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    max_retries: u32,
    initial_delay: Duration,
    max_delay: Duration,
}

impl Default for RetryPolicy {
    /// No retries.
    fn default() -> Self {
        RetryPolicy::none()
    }
}

impl RetryPolicy {
    /// Never retry (the default).
    pub const fn none() -> Self {
        RetryPolicy {
            max_retries: 0,
            initial_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(10),
        }
    }

    /// Retry up to `max_retries` times, first after 500 ms, doubling up to 10 s.
    pub const fn new(max_retries: u32) -> Self {
        RetryPolicy {
            max_retries,
            ..RetryPolicy::none()
        }
    }

    /// The wait before the first retry.
    pub const fn initial_delay(mut self, delay: Duration) -> Self {
        self.initial_delay = delay;
        self
    }

    /// The longest wait, whatever the backoff or `Retry-After` says.
    pub const fn max_delay(mut self, delay: Duration) -> Self {
        self.max_delay = delay;
        self
    }

    /// The most retries after the first attempt.
    pub const fn max_retries(&self) -> u32 {
        self.max_retries
    }

    /// The backoff before retry number `retry` (1 for the first): the initial delay doubled
    /// `retry - 1` times, at most the maximum delay.
    pub fn backoff(&self, retry: u32) -> Duration {
        let factor = 2u32.saturating_pow(retry.saturating_sub(1));
        self.initial_delay
            .saturating_mul(factor)
            .min(self.max_delay)
    }

    /// Whether to retry a `method` request that failed with `failure` as retry number
    /// `retry`, and after how long. Pure: the caller waits and sends again.
    pub fn decide(&self, retry: u32, method: &Method, failure: &Failure<'_>) -> Option<Duration> {
        if retry == 0 || retry > self.max_retries {
            return None;
        }
        let idempotent = matches!(
            *method,
            Method::GET | Method::HEAD | Method::PUT | Method::DELETE | Method::OPTIONS
        );
        let retryable = match failure {
            Failure::Transport(kind) => match kind {
                TransportErrorKind::Connect => true,
                TransportErrorKind::Timeout | TransportErrorKind::Other => idempotent,
                _ => false,
            },
            Failure::Status(status, _) => {
                *status == StatusCode::TOO_MANY_REQUESTS
                    || (idempotent
                        && (*status == StatusCode::REQUEST_TIMEOUT
                            || (status.is_server_error()
                                && *status != StatusCode::NOT_IMPLEMENTED)))
            }
        };
        if !retryable {
            return None;
        }
        let server_says = match failure {
            Failure::Status(_, headers) => retry_after(headers),
            Failure::Transport(_) => None,
        };
        Some(
            server_says
                .unwrap_or_else(|| self.backoff(retry))
                .min(self.max_delay),
        )
    }
}

/// What went wrong with one attempt, as [`RetryPolicy::decide`] sees it.
#[derive(Debug, Clone, Copy)]
pub enum Failure<'a> {
    /// The transport failed.
    Transport(TransportErrorKind),
    /// The server answered with a non-2xx status and these headers.
    Status(StatusCode, &'a HeaderMap),
}

impl<'a> Failure<'a> {
    /// The failure of an attempt's result, or `None` for a success.
    pub fn of(result: &'a Result<HttpResponse, TransportError>) -> Option<Self> {
        match result {
            Ok(response) if response.status().is_success() => None,
            Ok(response) => Some(Failure::Status(response.status(), response.headers())),
            Err(error) => Some(Failure::Transport(error.kind())),
        }
    }
}

#[cfg(test)]
mod tests {
    use bytes::Bytes;

    use super::*;

    fn status(code: u16, retry_after: Option<&str>) -> Result<HttpResponse, TransportError> {
        let mut builder = http::Response::builder().status(code);
        if let Some(value) = retry_after {
            builder = builder.header("retry-after", value);
        }
        Ok(builder.body(Bytes::new()).unwrap())
    }

    fn decide(
        policy: &RetryPolicy,
        retry: u32,
        method: Method,
        result: &Result<HttpResponse, TransportError>,
    ) -> Option<Duration> {
        Failure::of(result).and_then(|f| policy.decide(retry, &method, &f))
    }

    #[test]
    fn off_by_default() {
        assert_eq!(
            decide(&RetryPolicy::default(), 1, Method::GET, &status(503, None)),
            None
        );
    }

    #[test]
    fn what_is_retried() {
        let p = RetryPolicy::new(3);
        let ms = Duration::from_millis;
        // Not processed by the server: any method.
        assert_eq!(
            decide(&p, 1, Method::POST, &status(429, None)),
            Some(ms(500))
        );
        let refused = Err(TransportError::new(TransportErrorKind::Connect, "refused"));
        assert_eq!(decide(&p, 1, Method::POST, &refused), Some(ms(500)));
        // Maybe processed: idempotent methods only.
        for code in [408, 500, 502, 503, 504] {
            assert_eq!(
                decide(&p, 2, Method::GET, &status(code, None)),
                Some(ms(1000)),
                "{code}"
            );
            assert_eq!(
                decide(&p, 2, Method::DELETE, &status(code, None)),
                Some(ms(1000)),
                "{code}"
            );
            assert_eq!(
                decide(&p, 2, Method::POST, &status(code, None)),
                None,
                "{code}"
            );
        }
        let timeout = Err(TransportError::new(TransportErrorKind::Timeout, "slow"));
        assert_eq!(decide(&p, 1, Method::PUT, &timeout), Some(ms(500)));
        assert_eq!(decide(&p, 1, Method::PATCH, &timeout), None);
        // Never: success, client errors, 501, aborts, past the budget.
        for code in [200, 204, 400, 401, 404, 409, 422, 501] {
            assert_eq!(
                decide(&p, 1, Method::GET, &status(code, None)),
                None,
                "{code}"
            );
        }
        let aborted = Err(TransportError::new(TransportErrorKind::Aborted, "stop"));
        assert_eq!(decide(&p, 1, Method::GET, &aborted), None);
        assert_eq!(decide(&p, 4, Method::GET, &status(503, None)), None);
    }

    #[test]
    fn backoff_doubles_and_retry_after_wins_within_the_cap() {
        let p = RetryPolicy::new(10).max_delay(Duration::from_secs(3));
        assert_eq!(p.backoff(1), Duration::from_millis(500));
        assert_eq!(p.backoff(2), Duration::from_secs(1));
        assert_eq!(p.backoff(3), Duration::from_secs(2));
        assert_eq!(p.backoff(4), Duration::from_secs(3));
        assert_eq!(p.backoff(40), Duration::from_secs(3));
        assert_eq!(
            decide(&p, 1, Method::GET, &status(503, Some("2"))),
            Some(Duration::from_secs(2))
        );
        assert_eq!(
            decide(&p, 1, Method::GET, &status(429, Some("60"))),
            Some(Duration::from_secs(3))
        );
        // An HTTP date is not understood: the backoff applies.
        let dated = status(503, Some("Wed, 21 Oct 2015 07:28:00 GMT"));
        assert_eq!(
            decide(&p, 1, Method::GET, &dated),
            Some(Duration::from_millis(500))
        );
    }
}
