//! placeholder, replaced by the wasm suite
