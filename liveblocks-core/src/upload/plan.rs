//! The pure part of an upload: its options, single or multipart, and the multipart state
//! machine (part numbers, byte ranges, what may start, the completion body). No I/O, no
//! clock: the drivers feed it what happened and do what it says.
//!
//! ```
//! use liveblocks_core::upload::plan::{mode, Mode, Multipart, Next};
//! use liveblocks_core::upload::UploadOptions;
//!
//! let options = UploadOptions::new().part_size(4).parts_in_flight(2);
//! // 4 bytes read and more follow: multipart.
//! assert_eq!(mode(&options, 4, true), Mode::Multipart);
//! let mut m = Multipart::new(&options, Some(10))?;
//! let one = m.start(4)?;
//! let two = m.start(4)?;
//! assert_eq!((one.number, one.offset, two.number, two.offset), (1, 0, 2, 4));
//! assert_eq!(m.next(), Next::Wait); // two parts in flight: the limit
//! m.part_done(2, "etag-2")?;
//! m.part_done(1, "etag-1")?;
//! let last = m.start(2)?; // a short part is the last one
//! m.part_done(last.number, "etag-3")?;
//! let Next::Complete(parts) = m.next() else { panic!() };
//! assert_eq!(parts.iter().map(|p| p.0).collect::<Vec<_>>(), [1, 2, 3]);
//! # Ok::<(), liveblocks_core::Error>(())
//! ```

use std::collections::BTreeMap;
use std::time::Duration;

use crate::error::Error;
use crate::retry::RetryPolicy;

/// The default part size, as Node's `@liveblocks/node`: 5 MiB (the smallest part S3-style
/// multipart uploads accept, but for the last one).
pub const DEFAULT_PART_SIZE: u64 = 5 * 1024 * 1024;

/// The default number of parts uploading at once on async transports, as Node's: 5.
pub const DEFAULT_PARTS_IN_FLIGHT: usize = 5;

/// The most parts one multipart upload may have (as S3): a larger file needs larger parts.
pub const MAX_PARTS: u32 = 10_000;

/// How an upload is split and retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UploadOptions {
    part_size: u64,
    parts_in_flight: usize,
    retry: RetryPolicy,
}

impl Default for UploadOptions {
    fn default() -> Self {
        UploadOptions::new()
    }
}

impl UploadOptions {
    /// 5 MiB parts, 5 in flight, each request retried as Node does (10 retries, 2 s apart,
    /// for what core's [`RetryPolicy`] considers safe to retry).
    pub const fn new() -> Self {
        UploadOptions {
            part_size: DEFAULT_PART_SIZE,
            parts_in_flight: DEFAULT_PARTS_IN_FLIGHT,
            retry: RetryPolicy::new(10)
                .initial_delay(Duration::from_secs(2))
                .max_delay(Duration::from_secs(2)),
        }
    }

    /// The size of every part but the last, in bytes; also the threshold: a file of at most
    /// this size goes in one request. The hosted API (S3 rules) wants at least 5 MiB.
    pub const fn part_size(mut self, bytes: u64) -> Self {
        self.part_size = bytes;
        self
    }

    /// How many parts upload at once on async transports (blocking ones send one at a time).
    pub const fn parts_in_flight(mut self, parts: usize) -> Self {
        self.parts_in_flight = parts;
        self
    }

    /// The retry policy of every request the upload makes (instead of the client's).
    pub const fn retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// The part size in bytes.
    pub const fn get_part_size(&self) -> u64 {
        self.part_size
    }

    /// How many parts may be in flight.
    pub const fn get_parts_in_flight(&self) -> usize {
        self.parts_in_flight
    }

    /// The retry policy of each request.
    pub const fn get_retry(&self) -> RetryPolicy {
        self.retry
    }

    /// Checks the options: a part size of 0, one that doesn't fit in memory, or 0 parts in
    /// flight is [`Error::InvalidInput`].
    pub fn validate(&self) -> Result<usize, Error> {
        if self.part_size == 0 {
            return Err(Error::invalid_input(
                "the upload part size must be at least 1 byte",
            ));
        }
        if self.parts_in_flight == 0 {
            return Err(Error::invalid_input(
                "at least one part must be allowed in flight (parts_in_flight >= 1)",
            ));
        }
        usize::try_from(self.part_size).map_err(|_| {
            Error::invalid_input("the upload part size does not fit in this platform's memory")
        })
    }
}

/// How far an upload is: bytes the server has confirmed, out of the total when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Bytes uploaded and acknowledged so far.
    pub sent: u64,
    /// The file's size, when known up front (bytes, or a declared `file_size`).
    pub total: Option<u64>,
}

/// One request or several.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The whole file in one request.
    Single,
    /// Create, parts, complete.
    Multipart,
}

/// Decides from the first chunk read (at most the part size) and whether more bytes
/// followed it: a file of at most the part size goes in one request.
pub fn mode(options: &UploadOptions, first_len: u64, more_follows: bool) -> Mode {
    if more_follows && first_len >= options.part_size {
        Mode::Multipart
    } else {
        Mode::Single
    }
}

/// A part to upload: its number (from 1) and where its bytes sit in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartSpec {
    /// The part number, from 1.
    pub number: u32,
    /// The offset of its first byte in the file.
    pub offset: u64,
    /// Its length in bytes.
    pub len: u64,
}

/// What a multipart upload should do now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Next {
    /// Read the next chunk (at most the part size) and [`Multipart::start`] it, or call
    /// [`Multipart::end`] if the source is exhausted.
    Read,
    /// Wait for a part in flight to finish.
    Wait,
    /// Every part is uploaded: complete with these `(part number, etag)`s, in order.
    Complete(Vec<(u32, String)>),
    /// The upload failed: abort it.
    Abort,
}

/// The state of one multipart upload's parts.
#[derive(Debug, Clone)]
pub struct Multipart {
    part_size: u64,
    max_in_flight: usize,
    total: Option<u64>,
    next_number: u32,
    offset: u64,
    in_flight: BTreeMap<u32, u64>,
    done: BTreeMap<u32, String>,
    sent: u64,
    ended: bool,
    failed: bool,
}

impl Multipart {
    /// A multipart upload of `total` bytes (when known) with these options.
    pub fn new(options: &UploadOptions, total: Option<u64>) -> Result<Self, Error> {
        options.validate()?;
        if let Some(total) = total {
            if total.div_ceil(options.part_size) > u64::from(MAX_PARTS) {
                return Err(too_many_parts(options.part_size));
            }
        }
        Ok(Multipart {
            part_size: options.part_size,
            max_in_flight: options.parts_in_flight,
            total,
            next_number: 1,
            offset: 0,
            in_flight: BTreeMap::new(),
            done: BTreeMap::new(),
            sent: 0,
            ended: false,
            failed: false,
        })
    }

    /// What to do now.
    pub fn next(&self) -> Next {
        if self.failed {
            Next::Abort
        } else if !self.ended && self.in_flight.len() < self.max_in_flight {
            Next::Read
        } else if !self.in_flight.is_empty() {
            Next::Wait
        } else {
            Next::Complete(self.done.iter().map(|(n, e)| (*n, e.clone())).collect())
        }
    }

    /// A chunk of `len` bytes was read: it becomes the next part. A chunk shorter than the
    /// part size is the last one.
    pub fn start(&mut self, len: u64) -> Result<PartSpec, Error> {
        if self.next() != Next::Read {
            return Err(Error::invalid_input(
                "internal: a part was started while the upload can't take one",
            ));
        }
        if len == 0 || len > self.part_size {
            return Err(Error::invalid_input(format!(
                "internal: a part of {len} bytes (part size {})",
                self.part_size
            )));
        }
        if self.next_number > MAX_PARTS {
            return Err(too_many_parts(self.part_size));
        }
        let end = self.offset + len;
        if let Some(total) = self.total.filter(|total| end > *total) {
            return Err(Error::invalid_input(format!(
                "the source has more bytes than the declared file size of {total}"
            )));
        }
        if let Some(total) = self
            .total
            .filter(|total| len < self.part_size && end != *total)
        {
            return Err(Error::invalid_input(format!(
                "the source ended after {end} bytes, but the declared file size is {total}"
            )));
        }
        let spec = PartSpec {
            number: self.next_number,
            offset: self.offset,
            len,
        };
        self.in_flight.insert(spec.number, len);
        self.next_number += 1;
        self.offset = end;
        if len < self.part_size {
            self.ended = true;
        }
        Ok(spec)
    }

    /// The source has no more bytes. Fewer bytes than a declared size is an error.
    pub fn end(&mut self) -> Result<(), Error> {
        self.ended = true;
        match self.total {
            Some(total) if total != self.offset => Err(Error::invalid_input(format!(
                "the source ended after {} bytes, but the declared file size is {total}",
                self.offset
            ))),
            _ => Ok(()),
        }
    }

    /// Part `number` was uploaded with this `etag`; returns the progress.
    pub fn part_done(&mut self, number: u32, etag: impl Into<String>) -> Result<Progress, Error> {
        let Some(len) = self.in_flight.remove(&number) else {
            return Err(Error::invalid_input(format!(
                "internal: part {number} finished but was not in flight"
            )));
        };
        self.done.insert(number, etag.into());
        self.sent += len;
        Ok(self.progress())
    }

    /// The upload failed (a part, the source, or the completion): from now on
    /// [`Multipart::next`] says [`Next::Abort`].
    pub fn fail(&mut self) {
        self.failed = true;
    }

    /// Bytes acknowledged so far, out of the total when known.
    pub fn progress(&self) -> Progress {
        Progress {
            sent: self.sent,
            total: self.total,
        }
    }

    /// The parts uploading now.
    pub fn in_flight(&self) -> impl Iterator<Item = u32> + '_ {
        self.in_flight.keys().copied()
    }
}

fn too_many_parts(part_size: u64) -> Error {
    Error::invalid_input(format!(
        "the file needs more than {MAX_PARTS} parts of {part_size} bytes: raise the part size"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(part_size: u64, in_flight: usize) -> UploadOptions {
        UploadOptions::new()
            .part_size(part_size)
            .parts_in_flight(in_flight)
    }

    #[test]
    fn single_up_to_the_part_size_multipart_above() {
        let o = UploadOptions::new();
        let p = DEFAULT_PART_SIZE;
        assert_eq!(mode(&o, 0, false), Mode::Single);
        assert_eq!(mode(&o, 1, false), Mode::Single);
        assert_eq!(mode(&o, p, false), Mode::Single);
        assert_eq!(mode(&o, p, true), Mode::Multipart);
    }

    #[test]
    fn defaults_follow_node() {
        let o = UploadOptions::default();
        assert_eq!(o.get_part_size(), 5 * 1024 * 1024);
        assert_eq!(o.get_parts_in_flight(), 5);
        assert_eq!(o.get_retry().max_retries(), 10);
        assert_eq!(o.get_retry().backoff(1), Duration::from_secs(2));
        assert_eq!(o.get_retry().backoff(9), Duration::from_secs(2));
    }

    #[test]
    fn bad_options_are_invalid_input() {
        assert!(options(0, 1).validate().unwrap_err().is_invalid_input());
        assert!(options(1, 0).validate().unwrap_err().is_invalid_input());
        assert!(Multipart::new(&options(0, 1), None).is_err());
    }

    /// Ranges are contiguous, numbered from 1; at most `in_flight` run at once; the
    /// completion lists every part in order whatever order they finished in.
    #[test]
    fn parts_cover_the_file_in_order() {
        for (size, part, in_flight) in [(10u64, 3u64, 2usize), (9, 3, 1), (11, 5, 5), (7, 1, 3)] {
            let mut m = Multipart::new(&options(part, in_flight), Some(size)).unwrap();
            let mut specs = Vec::new();
            let mut read = 0;
            loop {
                match m.next() {
                    Next::Read if read < size => {
                        let len = part.min(size - read);
                        let spec = m.start(len).unwrap();
                        assert_eq!(spec.offset, read);
                        read += len;
                        specs.push(spec);
                        assert!(m.in_flight().count() <= in_flight);
                    }
                    Next::Read => m.end().unwrap(),
                    Next::Wait => {
                        // Finish the newest part first, to scramble the order.
                        let last = m.in_flight().last().unwrap();
                        let before = m.progress().sent;
                        let p = m.part_done(last, format!("e{last}")).unwrap();
                        assert!(p.sent > before);
                        assert_eq!(p.total, Some(size));
                    }
                    Next::Complete(parts) => {
                        let numbers: Vec<u32> = parts.iter().map(|p| p.0).collect();
                        let expected: Vec<u32> = (1..=specs.len() as u32).collect();
                        assert_eq!(numbers, expected);
                        assert!(parts.iter().all(|(n, e)| *e == format!("e{n}")));
                        break;
                    }
                    Next::Abort => unreachable!(),
                }
            }
            assert_eq!(specs.len() as u64, size.div_ceil(part), "{size}/{part}");
            assert_eq!(m.progress().sent, size);
            assert!(specs
                .windows(2)
                .all(|w| w[0].offset + w[0].len == w[1].offset));
        }
    }

    #[test]
    fn a_short_part_is_the_last() {
        let mut m = Multipart::new(&options(4, 5), None).unwrap();
        m.start(4).unwrap();
        m.start(2).unwrap();
        assert_eq!(m.next(), Next::Wait);
        assert!(m.start(1).is_err());
    }

    #[test]
    fn declared_size_must_match_the_source() {
        let mut m = Multipart::new(&options(4, 5), Some(6)).unwrap();
        m.start(4).unwrap();
        assert!(m.start(4).unwrap_err().is_invalid_input());
        let mut m = Multipart::new(&options(4, 5), Some(12)).unwrap();
        m.start(4).unwrap();
        assert!(m.end().unwrap_err().is_invalid_input());
        let mut m = Multipart::new(&options(4, 5), Some(12)).unwrap();
        m.start(4).unwrap();
        assert!(m.start(3).unwrap_err().is_invalid_input());
    }

    #[test]
    fn failure_means_abort_and_unknown_parts_are_refused() {
        let mut m = Multipart::new(&options(4, 2), None).unwrap();
        m.start(4).unwrap();
        assert!(m.part_done(7, "x").is_err());
        m.fail();
        assert_eq!(m.next(), Next::Abort);
        assert!(m.start(4).is_err());
    }

    #[test]
    fn too_many_parts_is_refused() {
        assert!(Multipart::new(&options(1, 1), Some(u64::from(MAX_PARTS) + 1)).is_err());
        let mut m = Multipart::new(&options(1, 1), None).unwrap();
        for n in 1..=MAX_PARTS {
            m.start(1).unwrap();
            m.part_done(n, "e").unwrap();
        }
        assert!(m.start(1).unwrap_err().is_invalid_input());
    }
}
