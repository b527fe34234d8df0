//! Large uploads in one call: storage files and comment attachments, from bytes, a reader or
//! a stream, in one request up to the part size and in parts above it.
//!
//! ```no_run
//! # async fn run(client: liveblocks_core::Client<impl liveblocks_core::Transport + 'static>) -> Result<(), liveblocks_core::upload::UploadError> {
//! use liveblocks_core::upload::source;
//!
//! let video = vec![0u8; 50 * 1024 * 1024];
//! let file = client
//!     .upload_storage_file_from("my-room", "fl_abc123456789012345678", "video.mp4", source::from_bytes(video))
//!     .on_progress(|p| println!("{} of {:?} bytes", p.sent, p.total))
//!     .await?;
//! println!("uploaded {} bytes", file.size);
//! # Ok(()) }
//! ```
//!
//! With a blocking transport, stream a file from disk: only the parts being sent are in memory.
//!
//! ```no_run
//! # fn run(client: liveblocks_core::Client<impl liveblocks_core::BlockingTransport>) -> Result<(), Box<dyn std::error::Error>> {
//! use liveblocks_core::upload::source;
//!
//! let file = std::fs::File::open("video.mp4")?;
//! let size = file.metadata()?.len();
//! let uploaded = client
//!     .upload_attachment_from("my-room", "at_abc123456789012345678", "video.mp4", "alice", source::from_reader(file))
//!     .file_size(size)
//!     .send()?;
//! # Ok(()) }
//! ```
//!
//! How it runs (the pure decisions are in [`plan`]; the drivers only send what it says):
//! - the first part size of bytes is read; if the source ends there (at most
//!   [`UploadOptions::part_size`], 5 MiB by default), the file goes in one request;
//! - otherwise a multipart upload is created and parts of the part size are sent, up to
//!   [`UploadOptions::parts_in_flight`] at once (5 by default) on async transports and one at
//!   a time on blocking ones, then it is completed with every part's etag, in order;
//! - every request goes through core's call pipeline with [`UploadOptions::retry`] (by
//!   default 10 retries 2 s apart, as Node): a failed part is retried when core's
//!   [`RetryPolicy`] says it is safe;
//! - on any failure after the create, the upload is aborted before the error is returned;
//!   [`UploadError::abort`] says whether that worked;
//! - memory: at most `part size × max(parts in flight, 2)` bytes of the file at once.
//!
//! **Dropping** an upload: core has no runtime, so it can't send anything when an async
//! upload's future is dropped mid-way. Take an [`UploadHandle`] before awaiting and call
//! [`UploadHandle::abort`] if you drop the future (after a timeout, say): it aborts the
//! multipart upload in progress, if any. A blocking upload aborts synchronously when it
//! unwinds (a panic in the progress callback or the reader).
//!
//! Deliberate differences from Node's `uploadStorageFile`/attachment helpers: retries follow
//! core's policy (`POST` create and complete are retried only when the request was surely
//! not processed: no connection, `429`), where Node retries every non-4xx; parts keep a
//! sliding window of parts in flight instead of batches of 5 waited for together; the source
//! may be a reader or stream of unknown size (the size is then not announced); there is no
//! `AbortSignal` (drop the future, then [`UploadHandle::abort`]).

mod drive;
pub mod plan;
pub mod source;
pub mod target;
#[cfg(test)]
mod tests;

use std::fmt;
use std::io;
use std::sync::{Arc, Mutex};

pub use drive::UploadFuture;
pub use plan::{Progress, UploadOptions};
pub use target::{Attachment, StorageFile, UploadTarget};

use crate::client::Client;
use crate::error::Error;
use crate::retry::RetryPolicy;

/// A pending upload: set options, then `.await` it (async transports) or [`Upload::send`]
/// it (blocking ones).
#[must_use = "an upload does nothing until it is awaited or sent"]
pub struct Upload<T, G, S, P = fn(Progress)> {
    client: Client<T>,
    target: G,
    source: S,
    size: Option<u64>,
    options: UploadOptions,
    progress: P,
    state: Arc<Mutex<HandleState>>,
}

impl<T, G: fmt::Debug, S, P> fmt::Debug for Upload<T, G, S, P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Upload")
            .field("target", &self.target)
            .field("size", &self.size)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl<T, G, S> Upload<T, G, S> {
    /// An upload of `source` to `target` through `client`, with the default options.
    pub fn new(client: Client<T>, target: G, source: S) -> Self {
        Upload {
            client,
            target,
            source,
            size: None,
            options: UploadOptions::new(),
            progress: |_| {},
            state: Arc::default(),
        }
    }
}

impl<T, G, S, P> Upload<T, G, S, P> {
    /// Declares the file's size: announced to the server, used for progress, and checked
    /// against the bytes the source gives. Bytes sources know theirs.
    pub fn file_size(mut self, bytes: u64) -> Self {
        self.size = Some(bytes);
        self
    }

    /// All the options at once.
    pub fn options(mut self, options: UploadOptions) -> Self {
        self.options = options;
        self
    }

    /// The part size and single-request threshold (see [`UploadOptions::part_size`]).
    pub fn part_size(mut self, bytes: u64) -> Self {
        self.options = self.options.part_size(bytes);
        self
    }

    /// How many parts upload at once on async transports.
    pub fn parts_in_flight(mut self, parts: usize) -> Self {
        self.options = self.options.parts_in_flight(parts);
        self
    }

    /// The retry policy of each request of the upload.
    pub fn retry(mut self, retry: RetryPolicy) -> Self {
        self.options = self.options.retry(retry);
        self
    }

    /// Calls `progress` after each acknowledged part (and once after a single upload).
    pub fn on_progress<Q: FnMut(Progress)>(self, progress: Q) -> Upload<T, G, S, Q> {
        Upload {
            client: self.client,
            target: self.target,
            source: self.source,
            size: self.size,
            options: self.options,
            progress,
            state: self.state,
        }
    }

    /// A handle that can abort the multipart upload this upload creates, even after its
    /// future was dropped (see the [module docs](self)).
    pub fn handle(&self) -> UploadHandle<T, G>
    where
        G: Clone,
    {
        UploadHandle {
            client: self.client.clone(),
            target: self.target.clone(),
            state: Arc::clone(&self.state),
        }
    }
}

/// What the handle knows of its upload's multipart upload.
#[derive(Debug, Default)]
struct HandleState {
    /// The multipart upload created and neither completed nor aborted yet.
    upload_id: Option<String>,
    retry: Option<RetryPolicy>,
}

fn lock(state: &Mutex<HandleState>) -> std::sync::MutexGuard<'_, HandleState> {
    state
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Aborts an upload's multipart upload from outside it; see [`Upload::handle`].
pub struct UploadHandle<T, G> {
    client: Client<T>,
    target: G,
    state: Arc<Mutex<HandleState>>,
}

impl<T, G: fmt::Debug> fmt::Debug for UploadHandle<T, G> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UploadHandle")
            .field("target", &self.target)
            .field("upload_id", &self.upload_id())
            .finish_non_exhaustive()
    }
}

impl<T, G> UploadHandle<T, G> {
    /// The multipart upload in progress: created, and neither completed nor aborted.
    pub fn upload_id(&self) -> Option<String> {
        lock(&self.state).upload_id.clone()
    }
}

impl<T, G: UploadTarget> UploadHandle<T, G> {
    fn take(&self) -> Option<(String, RetryPolicy)> {
        let mut state = lock(&self.state);
        let id = state.upload_id.take()?;
        Some((id, state.retry.unwrap_or_default()))
    }

    /// Aborts the multipart upload in progress, if any: `Ok(true)` if one was aborted.
    pub async fn abort(&self) -> Result<bool, Error>
    where
        T: crate::Transport + 'static,
    {
        let Some((id, retry)) = self.take() else {
            return Ok(false);
        };
        let call = self.client.call(self.target.abort(&id)).with_retry(retry);
        std::future::IntoFuture::into_future(call).await?;
        Ok(true)
    }

    /// [`UploadHandle::abort`] for blocking transports.
    pub fn abort_blocking(&self) -> Result<bool, Error>
    where
        T: crate::BlockingTransport,
    {
        let Some((id, retry)) = self.take() else {
            return Ok(false);
        };
        self.client
            .call(self.target.abort(&id))
            .with_retry(retry)
            .send()?;
        Ok(true)
    }
}

/// Which step of an upload failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Stage {
    /// The options or the declared size were refused before any request.
    Options,
    /// Reading the source (or it gave more or fewer bytes than declared).
    Read,
    /// The single request.
    Single,
    /// Creating the multipart upload.
    Create,
    /// Uploading this part (after its retries).
    Part(u32),
    /// Completing the multipart upload.
    Complete,
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stage::Options => f.write_str("checking the upload options"),
            Stage::Read => f.write_str("reading the source"),
            Stage::Single => f.write_str("the single upload request"),
            Stage::Create => f.write_str("creating the multipart upload"),
            Stage::Part(n) => write!(f, "uploading part {n}"),
            Stage::Complete => f.write_str("completing the multipart upload"),
        }
    }
}

/// Why an upload failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum Cause {
    /// A request failed, or input was refused.
    Error(Error),
    /// The source could not be read.
    Io(io::Error),
}

/// What happened to the multipart upload after a failure.
#[derive(Debug)]
#[non_exhaustive]
pub enum AbortOutcome {
    /// No multipart upload existed (a single upload, or the failure came before the create).
    NotNeeded,
    /// It was aborted: nothing is left on the server.
    Aborted,
    /// Aborting failed too; the upload ID is in [`UploadError::upload_id`].
    Failed(Box<Error>),
}

/// A failed upload: which step, why, and whether its multipart upload was aborted.
#[derive(Debug)]
#[non_exhaustive]
pub struct UploadError {
    /// The step that failed.
    pub stage: Stage,
    /// Why.
    pub cause: Cause,
    /// The multipart upload, if one was created.
    pub upload_id: Option<String>,
    /// Whether it was aborted.
    pub abort: AbortOutcome,
}

impl UploadError {
    fn new(stage: Stage, cause: Cause) -> Self {
        UploadError {
            stage,
            cause,
            upload_id: None,
            abort: AbortOutcome::NotNeeded,
        }
    }

    /// The request's error, unless the source failed.
    pub fn error(&self) -> Option<&Error> {
        match &self.cause {
            Cause::Error(e) => Some(e),
            Cause::Io(_) => None,
        }
    }

    /// Whether a multipart upload was created and then aborted.
    pub fn is_aborted(&self) -> bool {
        matches!(self.abort, AbortOutcome::Aborted)
    }
}

impl fmt::Display for UploadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "upload failed while {}: ", self.stage)?;
        match &self.cause {
            Cause::Error(e) => write!(f, "{e}")?,
            Cause::Io(e) => write!(f, "{e}")?,
        }
        match (&self.upload_id, &self.abort) {
            (Some(id), AbortOutcome::Aborted) => write!(f, " (multipart upload {id} aborted)"),
            (Some(id), AbortOutcome::Failed(e)) => {
                write!(f, " (aborting multipart upload {id} failed too: {e})")
            }
            _ => Ok(()),
        }
    }
}

impl std::error::Error for UploadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.cause {
            Cause::Error(e) => Some(e),
            Cause::Io(e) => Some(e),
        }
    }
}

impl From<UploadError> for Error {
    /// The request's error; a source that failed to read is [`Error::InvalidInput`].
    fn from(e: UploadError) -> Self {
        match e.cause {
            Cause::Error(e) => e,
            Cause::Io(io) => Error::invalid_input(format!("the upload's source failed: {io}")),
        }
    }
}

/// Uploads that pick single or multipart by size (see [`crate::upload`]).
impl<T> Client<T> {
    /// Uploads `source` as the storage file `name` under `file_id` in `room_id`: in one
    /// request up to the part size, in parts above (see the [module docs](crate::upload)).
    /// Sources: [`source::from_bytes`], [`source::from_reader`] (blocking),
    /// [`source::from_async_reader`] and [`source::from_stream`] (async).
    pub fn upload_storage_file_from<S>(
        &self,
        room_id: impl Into<String>,
        file_id: impl Into<String>,
        name: impl Into<String>,
        source: S,
    ) -> Upload<T, StorageFile, S> {
        let target = StorageFile {
            room_id: room_id.into(),
            file_id: file_id.into(),
            name: name.into(),
        };
        Upload::new(self.clone(), target, source)
    }

    /// Uploads `source` as the comment attachment `name` by `user_id` under
    /// `attachment_id` in `room_id`, in one request or in parts (see
    /// [`Client::upload_storage_file_from`]).
    pub fn upload_attachment_from<S>(
        &self,
        room_id: impl Into<String>,
        attachment_id: impl Into<String>,
        name: impl Into<String>,
        user_id: impl Into<String>,
        source: S,
    ) -> Upload<T, Attachment, S> {
        let target = Attachment {
            room_id: room_id.into(),
            attachment_id: attachment_id.into(),
            name: name.into(),
            user_id: user_id.into(),
        };
        Upload::new(self.clone(), target, source)
    }
}
