//! Reading an answer's body: straight into core's collector, or through a streaming gzip
//! decoder into it, so the size cap counts decompressed bytes.

use http_body_util::BodyExt;
use hyper::body::Body;
use liveblocks_core::transport::{content_length, is_gzip, BodyCollector, HttpResponse};
use liveblocks_core::{Limits, TransportError, TransportErrorKind};

use crate::errors::from_error;

/// Reads the body of `response` under `limits` into the response core decodes.
pub(crate) async fn collect<B>(
    response: http::Response<B>,
    limits: &Limits,
) -> Result<HttpResponse, TransportError>
where
    B: Body<Data = bytes::Bytes> + Unpin,
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let (mut parts, mut body) = response.into_parts();
    let mut collector = BodyCollector::new(parts.status, limits);
    let mut sink = if is_gzip(&parts.headers) {
        parts.headers.remove(http::header::CONTENT_ENCODING);
        parts.headers.remove(http::header::CONTENT_LENGTH);
        Sink::Gzip(Box::new(flate2::write::GzDecoder::new(collector)))
    } else {
        collector.check_length(content_length(&parts.headers))?;
        Sink::Plain(collector)
    };
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(from_error)?;
        if let Ok(data) = frame.into_data() {
            sink.write(&data)?;
            if sink.full() {
                // A non-2xx body past its cap: the rest is not needed.
                break;
            }
        }
    }
    Ok(sink.finish()?.finish(parts))
}

/// Where the body goes: straight into the collector, or through a streaming gzip decoder
/// into it (so the cap counts decompressed bytes).
enum Sink {
    Plain(BodyCollector),
    Gzip(Box<flate2::write::GzDecoder<BodyCollector>>),
}

impl Sink {
    fn write(&mut self, data: &[u8]) -> Result<(), TransportError> {
        match self {
            Sink::Plain(collector) => collector.push(data),
            Sink::Gzip(decoder) => {
                use std::io::Write;
                decoder.write_all(data).map_err(|e| gzip_error(decoder, e))
            }
        }
    }

    fn full(&self) -> bool {
        match self {
            Sink::Plain(collector) => collector.full(),
            Sink::Gzip(decoder) => decoder.get_ref().full(),
        }
    }

    fn finish(self) -> Result<BodyCollector, TransportError> {
        match self {
            Sink::Plain(collector) => Ok(collector),
            Sink::Gzip(mut decoder) => {
                if decoder.get_ref().full() {
                    // Cut on purpose: the stream is unfinished, which is fine; take what was
                    // collected without finishing it.
                    let empty = BodyCollector::new(http::StatusCode::OK, &Limits::default());
                    return Ok(std::mem::replace(decoder.get_mut(), empty));
                }
                if let Err(e) = std::io::Write::flush(&mut decoder) {
                    return Err(gzip_error(&mut decoder, e));
                }
                decoder
                    .try_finish()
                    .map_err(|e| gzip_error(&mut decoder, e))?;
                decoder
                    .finish()
                    .map_err(|e| TransportError::with_source(TransportErrorKind::Protocol, e))
            }
        }
    }
}

/// A decoder failure: the collector's own error (the cap) if it had one, else a corrupt body.
fn gzip_error(
    decoder: &mut flate2::write::GzDecoder<BodyCollector>,
    error: std::io::Error,
) -> TransportError {
    decoder.get_mut().take_error().unwrap_or_else(|| {
        TransportError::new(
            TransportErrorKind::Protocol,
            format!("the gzip response body is corrupt: {error}"),
        )
    })
}
