//! The repository's `README.md`, as this crate's documentation: `cargo test --doc -p
//! liveblocks-readme` compiles every ```` ```rust ```` block of the README and runs each one
//! not marked `no_run`, so the README cannot drift from the API. The snippets that run talk to
//! the local dev server (`LIVEBLOCKS_SECRET_KEY`, `LIVEBLOCKS_BASE_URL`): `scripts/test.sh`
//! runs them under `liveblocks dev` (step `readme`).
#![doc = include_str!("../../../README.md")]

/// The snippets of `liveblocks-core/README.md`, compiled and run.
#[doc = include_str!("../../../liveblocks-core/README.md")]
pub mod core_readme {}

/// The snippets of `liveblocks-hyper/README.md`, compiled.
#[doc = include_str!("../../../liveblocks-hyper/README.md")]
pub mod hyper_readme {}

/// The snippets of `liveblocks-ureq/README.md`, compiled.
#[doc = include_str!("../../../liveblocks-ureq/README.md")]
pub mod ureq_readme {}

/// The snippets of `liveblocks-wasm/README.md`, compiled.
#[doc = include_str!("../../../liveblocks-wasm/README.md")]
pub mod wasm_readme {}
