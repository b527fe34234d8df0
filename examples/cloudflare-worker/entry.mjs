// The Worker's module entry for a plain `wasm-bindgen --target web` build (what
// scripts/test-examples.sh runs in workerd). `worker-build` (wrangler.toml) writes an
// equivalent shim of its own for deployment.
import { initSync, fetch as wasmFetch } from "./liveblocks_example_worker.js";
import wasmModule from "./liveblocks_example_worker_bg.wasm";

initSync({ module: wasmModule });

export default {
  fetch(request, env, ctx) {
    return wasmFetch(request, env, ctx);
  },
};
