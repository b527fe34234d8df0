//! Where an upload's bytes come from: bytes in memory, a `std::io::Read` (blocking), a
//! `futures::io::AsyncRead` or a `Stream` of `Bytes` (async). Each hands out the file one
//! chunk of at most the part size at a time, so only the chunks in flight are in memory.

use std::io;

use bytes::{Bytes, BytesMut};
use futures::io::{AsyncRead, AsyncReadExt};
use futures::stream::{Stream, StreamExt};

use crate::transport::MaybeSend;

/// A source a blocking upload reads from.
pub trait BlockingSource {
    /// The next `max` bytes, fewer only at the end; empty once the source is exhausted.
    fn next_chunk(&mut self, max: usize) -> io::Result<Bytes>;
    /// The total size, when known without reading.
    fn size(&self) -> Option<u64> {
        None
    }
}

/// A source an async upload reads from.
#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
pub trait AsyncSource: MaybeSend {
    /// The next `max` bytes, fewer only at the end; empty once the source is exhausted.
    async fn next_chunk(&mut self, max: usize) -> io::Result<Bytes>;
    /// The total size, when known without reading.
    fn size(&self) -> Option<u64> {
        None
    }
}

/// Bytes already in memory: parts are slices of them (no copy).
#[derive(Debug, Clone)]
pub struct FromBytes(Bytes);

/// Uploads bytes already in memory (`Vec<u8>`, `Bytes`, `&'static [u8]`...).
pub fn from_bytes(bytes: impl Into<Bytes>) -> FromBytes {
    FromBytes(bytes.into())
}

impl FromBytes {
    fn take(&mut self, max: usize) -> Bytes {
        let n = max.min(self.0.len());
        self.0.split_to(n)
    }
}

impl BlockingSource for FromBytes {
    fn next_chunk(&mut self, max: usize) -> io::Result<Bytes> {
        Ok(self.take(max))
    }
    fn size(&self) -> Option<u64> {
        Some(self.0.len() as u64)
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl AsyncSource for FromBytes {
    async fn next_chunk(&mut self, max: usize) -> io::Result<Bytes> {
        Ok(self.take(max))
    }
    fn size(&self) -> Option<u64> {
        Some(self.0.len() as u64)
    }
}

/// A `std::io::Read` (a `File`, a socket...), for blocking uploads.
#[derive(Debug)]
pub struct FromReader<R>(R);

/// Uploads what `reader` yields, read one part at a time.
pub fn from_reader<R: io::Read>(reader: R) -> FromReader<R> {
    FromReader(reader)
}

impl<R: io::Read> BlockingSource for FromReader<R> {
    fn next_chunk(&mut self, max: usize) -> io::Result<Bytes> {
        let mut buf = Vec::with_capacity(max);
        io::Read::read_to_end(&mut io::Read::take(&mut self.0, max as u64), &mut buf)?;
        Ok(Bytes::from(buf))
    }
}

/// A `futures::io::AsyncRead`, for async uploads (wrap a tokio reader with
/// `tokio_util::compat`).
#[derive(Debug)]
pub struct FromAsyncReader<R>(R);

/// Uploads what `reader` yields, read one part at a time.
pub fn from_async_reader<R: AsyncRead + Unpin + MaybeSend>(reader: R) -> FromAsyncReader<R> {
    FromAsyncReader(reader)
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl<R: AsyncRead + Unpin + MaybeSend> AsyncSource for FromAsyncReader<R> {
    async fn next_chunk(&mut self, max: usize) -> io::Result<Bytes> {
        let mut buf = Vec::with_capacity(max);
        (&mut self.0).take(max as u64).read_to_end(&mut buf).await?;
        Ok(Bytes::from(buf))
    }
}

/// A `Stream` of byte chunks of any sizes, for async uploads; they are regrouped into parts.
#[derive(Debug)]
pub struct FromStream<S> {
    stream: S,
    buffer: BytesMut,
    ended: bool,
}

/// Uploads the chunks `stream` yields; an `Err` item fails the upload.
pub fn from_stream<S, E>(stream: S) -> FromStream<S>
where
    S: Stream<Item = Result<Bytes, E>> + Unpin + MaybeSend,
    E: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    FromStream {
        stream,
        buffer: BytesMut::new(),
        ended: false,
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl<S, E> AsyncSource for FromStream<S>
where
    S: Stream<Item = Result<Bytes, E>> + Unpin + MaybeSend,
    E: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    async fn next_chunk(&mut self, max: usize) -> io::Result<Bytes> {
        while !self.ended && self.buffer.len() < max {
            match self.stream.next().await {
                Some(Ok(chunk)) => self.buffer.extend_from_slice(&chunk),
                Some(Err(e)) => return Err(io::Error::other(e)),
                None => self.ended = true,
            }
        }
        let n = max.min(self.buffer.len());
        Ok(self.buffer.split_to(n).freeze())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_source_chunks_the_same() {
        let data: Vec<u8> = (0..=255).collect();
        let mut from_bytes = from_bytes(data.clone());
        let mut reader = from_reader(&data[..]);
        let pieces: Vec<Result<Bytes, io::Error>> = data
            .chunks(7)
            .map(|c| Ok(Bytes::copy_from_slice(c)))
            .collect();
        let mut stream = from_stream(futures::stream::iter(pieces));
        let mut async_reader = from_async_reader(&data[..]);
        assert_eq!(BlockingSource::size(&from_bytes), Some(256));
        futures::executor::block_on(async {
            for expected in data.chunks(100).chain([&[][..], &[][..]]) {
                assert_eq!(
                    BlockingSource::next_chunk(&mut from_bytes, 100).unwrap(),
                    expected
                );
                assert_eq!(reader.next_chunk(100).unwrap(), expected);
                assert_eq!(stream.next_chunk(100).await.unwrap(), expected);
                assert_eq!(async_reader.next_chunk(100).await.unwrap(), expected);
            }
        });
    }

    #[test]
    fn a_stream_error_is_an_io_error() {
        let items: Vec<Result<Bytes, io::Error>> = vec![
            Ok(Bytes::from_static(b"ab")),
            Err(io::Error::other("disk on fire")),
        ];
        let mut stream = from_stream(futures::stream::iter(items));
        let err = futures::executor::block_on(stream.next_chunk(10)).unwrap_err();
        assert!(err.to_string().contains("disk on fire"), "{err}");
    }
}
