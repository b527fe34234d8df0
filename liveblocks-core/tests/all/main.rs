//! The tests of `liveblocks-core`, one module per API domain (plus the cross-cutting ones), in
//! one test binary so that `common` is compiled once.

mod common;

mod ai;
mod auth;
mod comments;
mod errors;
mod feeds;
mod groups;
mod invalid_input;
mod management;
mod notifications;
mod pipeline;
mod readme;
mod regressions;
mod requests;
mod responses;
mod spec_coverage;
mod storage_files;
mod tracing_spans;
mod versions;
mod webhooks_proptest;
