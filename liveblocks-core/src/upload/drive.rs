//! The two thin drivers: they read chunks, send what [`plan`](super::plan) says through
//! core's call pipeline, and abort the multipart upload on the error path.

use std::collections::VecDeque;
use std::future::{Future, IntoFuture};
use std::pin::Pin;

use bytes::Bytes;
use futures::stream::{FuturesUnordered, StreamExt};

use super::plan::{mode, Mode, Multipart, Next, Progress, UploadOptions};
use super::source::{AsyncSource, BlockingSource};
use super::{lock, AbortOutcome, Cause, Stage, Upload, UploadError, UploadTarget};
use crate::client::Client;
use crate::error::Error;
use crate::transport::{BlockingTransport, MaybeSend, Transport};

type Failed = (Stage, Cause);

fn err(stage: Stage) -> impl FnOnce(Error) -> Failed {
    move |e| (stage, Cause::Error(e))
}

fn io(e: std::io::Error) -> Failed {
    (Stage::Read, Cause::Io(e))
}

/// The first chunk, and the second when the first filled a part: enough to pick the mode.
fn first_chunks(
    options: &UploadOptions,
    first: Bytes,
    second: Option<Bytes>,
) -> (Mode, VecDeque<Bytes>) {
    let more = second.as_ref().is_some_and(|b| !b.is_empty());
    let mode = mode(options, first.len() as u64, more);
    let mut chunks = VecDeque::from([first]);
    chunks.extend(second.filter(|b| !b.is_empty()));
    (mode, chunks)
}

impl<T, G, S, P> Upload<T, G, S, P>
where
    T: BlockingTransport,
    G: UploadTarget,
    S: BlockingSource,
    P: FnMut(Progress),
{
    /// Runs the upload to the end, one part at a time.
    pub fn send(mut self) -> Result<G::Output, UploadError> {
        let part_size = self
            .options
            .validate()
            .map_err(|e| UploadError::new(Stage::Options, Cause::Error(e)))?;
        let total = self.size.or(self.source.size());
        let first = self.source.next_chunk(part_size).map_err(io);
        let first = first.map_err(|(s, c)| UploadError::new(s, c))?;
        let second = if first.len() == part_size {
            let next = self.source.next_chunk(part_size);
            Some(next.map_err(|e| UploadError::new(Stage::Read, Cause::Io(e)))?)
        } else {
            None
        };
        let (mode, mut chunks) = first_chunks(&self.options, first, second);
        let retry = self.options.get_retry();
        let client = &self.client;
        if mode == Mode::Single {
            let content = chunks.pop_front().unwrap_or_default();
            let len = content.len() as u64;
            if let Some(total) = total.filter(|t| *t != len) {
                return Err(UploadError::new(Stage::Read, size_mismatch(total, len)));
            }
            let out = Sender(client, retry, self.target.single(content)).send();
            let out = out.map_err(|e| UploadError::new(Stage::Single, Cause::Error(e)))?;
            (self.progress)(Progress {
                sent: len,
                total: Some(len),
            });
            return Ok(out);
        }
        let created = Sender(client, retry, self.target.create(total)).send();
        let created = created.map_err(|e| UploadError::new(Stage::Create, Cause::Error(e)))?;
        let mut guard = Guard {
            client: &self.client,
            target: &self.target,
            options: &self.options,
            state: &self.state,
            upload_id: Some(G::upload_id(created)),
        };
        guard.publish();
        let options = self.options.parts_in_flight(1);
        let result = (|| {
            let id = guard.upload_id.clone().unwrap_or_default();
            let mut m = Multipart::new(&options, total).map_err(err(Stage::Options))?;
            loop {
                match m.next() {
                    Next::Read => {
                        let chunk = match chunks.pop_front() {
                            Some(chunk) => chunk,
                            None => self.source.next_chunk(part_size).map_err(io)?,
                        };
                        if chunk.is_empty() {
                            m.end().map_err(err(Stage::Read))?;
                            continue;
                        }
                        let spec = m.start(chunk.len() as u64).map_err(err(Stage::Read))?;
                        let stage = Stage::Part(spec.number);
                        let done =
                            Sender(client, retry, self.target.part(&id, spec.number, chunk)).send();
                        let (_, etag) = G::etag(done.map_err(err(stage))?);
                        (self.progress)(m.part_done(spec.number, etag).map_err(err(stage))?);
                    }
                    Next::Complete(parts) => {
                        return Sender(client, retry, self.target.complete(&id, parts))
                            .send()
                            .map_err(err(Stage::Complete));
                    }
                    Next::Wait | Next::Abort => {
                        return Err(err(Stage::Read)(Error::invalid_input(
                            "internal: a blocking upload waited with nothing in flight",
                        )))
                    }
                }
            }
        })();
        match result {
            Ok(out) => {
                guard.disarm();
                Ok(out)
            }
            Err((stage, cause)) => Err(guard.abort(stage, cause)),
        }
    }
}

/// One blocking call with the upload's retry policy.
struct Sender<'a, T, E>(&'a Client<T>, crate::retry::RetryPolicy, E);

impl<T: BlockingTransport, E: crate::endpoint::Endpoint> Sender<'_, T, E> {
    fn send(self) -> Result<E::Output, Error> {
        self.0.call(self.2).with_retry(self.1).send()
    }
}

fn size_mismatch(declared: u64, got: u64) -> Cause {
    Cause::Error(Error::invalid_input(format!(
        "the source gave {got} bytes, but the declared file size is {declared}"
    )))
}

/// The multipart upload of a blocking upload: aborted on the error path, and in `Drop` if the
/// upload unwinds before it is done.
struct Guard<'a, T: BlockingTransport, G: UploadTarget> {
    client: &'a Client<T>,
    target: &'a G,
    options: &'a UploadOptions,
    state: &'a std::sync::Mutex<super::HandleState>,
    upload_id: Option<String>,
}

impl<T: BlockingTransport, G: UploadTarget> Guard<'_, T, G> {
    fn publish(&self) {
        let mut state = lock(self.state);
        state.upload_id = self.upload_id.clone();
        state.retry = Some(self.options.get_retry());
    }

    fn disarm(&mut self) {
        self.upload_id = None;
        lock(self.state).upload_id = None;
    }

    fn send_abort(&mut self) -> AbortOutcome {
        let Some(id) = self.upload_id.take() else {
            return AbortOutcome::NotNeeded;
        };
        // Whoever takes the ID aborts: the guard, or a handle.
        if lock(self.state).upload_id.take().is_none() {
            return AbortOutcome::NotNeeded;
        }
        let call = self.client.call(self.target.abort(&id));
        match call.with_retry(self.options.get_retry()).send() {
            Ok(()) => AbortOutcome::Aborted,
            Err(e) => AbortOutcome::Failed(Box::new(e)),
        }
    }

    fn abort(&mut self, stage: Stage, cause: Cause) -> UploadError {
        let upload_id = self.upload_id.clone();
        let abort = self.send_abort();
        UploadError {
            stage,
            cause,
            upload_id,
            abort,
        }
    }
}

impl<T: BlockingTransport, G: UploadTarget> Drop for Guard<'_, T, G> {
    fn drop(&mut self) {
        self.send_abort();
    }
}

/// The future of an awaited [`Upload`]: `Send` on native targets, local on wasm32.
#[cfg(not(target_arch = "wasm32"))]
pub type UploadFuture<O> = Pin<Box<dyn Future<Output = Result<O, UploadError>> + Send>>;
/// The future of an awaited [`Upload`]: `Send` on native targets, local on wasm32.
#[cfg(target_arch = "wasm32")]
pub type UploadFuture<O> = Pin<Box<dyn Future<Output = Result<O, UploadError>>>>;

impl<T, G, S, P> IntoFuture for Upload<T, G, S, P>
where
    T: Transport + 'static,
    G: UploadTarget,
    S: AsyncSource + 'static,
    P: FnMut(Progress) + MaybeSend + 'static,
{
    type Output = Result<G::Output, UploadError>;
    type IntoFuture = UploadFuture<G::Output>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.run())
    }
}

impl<T, G, S, P> Upload<T, G, S, P>
where
    T: Transport + 'static,
    G: UploadTarget,
    S: AsyncSource + 'static,
    P: FnMut(Progress) + MaybeSend + 'static,
{
    async fn run(mut self) -> Result<G::Output, UploadError> {
        let part_size = self
            .options
            .validate()
            .map_err(|e| UploadError::new(Stage::Options, Cause::Error(e)))?;
        let total = self.size.or(self.source.size());
        let first = self.source.next_chunk(part_size).await;
        let first = first.map_err(|e| UploadError::new(Stage::Read, Cause::Io(e)))?;
        let second = if first.len() == part_size {
            let next = self.source.next_chunk(part_size).await;
            Some(next.map_err(|e| UploadError::new(Stage::Read, Cause::Io(e)))?)
        } else {
            None
        };
        let (mode, chunks) = first_chunks(&self.options, first, second);
        let retry = self.options.get_retry();
        if mode == Mode::Single {
            let content = chunks.into_iter().next().unwrap_or_default();
            let len = content.len() as u64;
            if let Some(total) = total.filter(|t| *t != len) {
                return Err(UploadError::new(Stage::Read, size_mismatch(total, len)));
            }
            let call = self
                .client
                .call(self.target.single(content))
                .with_retry(retry);
            let out = call.into_future().await;
            let out = out.map_err(|e| UploadError::new(Stage::Single, Cause::Error(e)))?;
            (self.progress)(Progress {
                sent: len,
                total: Some(len),
            });
            return Ok(out);
        }
        let create = self
            .client
            .call(self.target.create(total))
            .with_retry(retry);
        let created = create.into_future().await;
        let created = created.map_err(|e| UploadError::new(Stage::Create, Cause::Error(e)))?;
        let id = G::upload_id(created);
        {
            let mut state = lock(&self.state);
            state.upload_id = Some(id.clone());
            state.retry = Some(retry);
        }
        match self.parts(&id, total, chunks).await {
            Ok(out) => {
                lock(&self.state).upload_id = None;
                Ok(out)
            }
            Err((stage, cause)) => {
                // Whoever takes the ID aborts: this error path, or a handle.
                let ours = lock(&self.state).upload_id.take().is_some();
                let abort = if ours {
                    let call = self.client.call(self.target.abort(&id)).with_retry(retry);
                    match call.into_future().await {
                        Ok(()) => AbortOutcome::Aborted,
                        Err(e) => AbortOutcome::Failed(Box::new(e)),
                    }
                } else {
                    AbortOutcome::NotNeeded
                };
                Err(UploadError {
                    stage,
                    cause,
                    upload_id: Some(id),
                    abort,
                })
            }
        }
    }

    /// Sends the parts, up to the limit at once, then completes.
    async fn parts(
        &mut self,
        id: &str,
        total: Option<u64>,
        mut chunks: VecDeque<Bytes>,
    ) -> Result<G::Output, Failed> {
        let retry = self.options.get_retry();
        let part_size = self.options.validate().map_err(err(Stage::Options))?;
        let mut m = Multipart::new(&self.options, total).map_err(err(Stage::Options))?;
        let mut in_flight = FuturesUnordered::new();
        loop {
            match m.next() {
                Next::Read => {
                    let chunk = match chunks.pop_front() {
                        Some(chunk) => chunk,
                        None => self.source.next_chunk(part_size).await.map_err(io)?,
                    };
                    if chunk.is_empty() {
                        m.end().map_err(err(Stage::Read))?;
                        continue;
                    }
                    let spec = m.start(chunk.len() as u64).map_err(err(Stage::Read))?;
                    let part = self.target.part(id, spec.number, chunk);
                    let call = self.client.call(part).with_retry(retry).into_future();
                    in_flight.push(async move { (spec.number, call.await) });
                }
                Next::Wait => {
                    let Some((number, result)) = in_flight.next().await else {
                        return Err(err(Stage::Read)(Error::invalid_input(
                            "internal: waited for a part with none in flight",
                        )));
                    };
                    let stage = Stage::Part(number);
                    // On an error, returning drops the other parts in flight (cancelling them).
                    let (_, etag) = G::etag(result.map_err(err(stage))?);
                    (self.progress)(m.part_done(number, etag).map_err(err(stage))?);
                }
                Next::Complete(parts) => {
                    let complete = self.target.complete(id, parts);
                    let call = self.client.call(complete).with_retry(retry);
                    return call.into_future().await.map_err(err(Stage::Complete));
                }
                Next::Abort => {
                    return Err(err(Stage::Read)(Error::invalid_input(
                        "internal: the upload failed",
                    )))
                }
            }
        }
    }
}
