// The suite in Node itself: the wasm-bindgen `--target web` module instantiated in this
// process, its FetchTransport calling Node's global `fetch` (undici).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export async function nodeRuntime(outDir) {
  if (typeof globalThis.fetch !== "function") {
    throw new Error(`Node ${process.version} has no global fetch (Node 18 or newer has)`);
  }
  const glue = await import(pathToFileURL(join(outDir, "liveblocks_wasm_worker.js")).href);
  glue.initSync({ module: readFileSync(join(outDir, "liveblocks_wasm_worker_bg.wasm")) });
  return {
    name: `node ${process.version}`,
    async scenarios() {
      return glue.scenarios().split(",").filter(Boolean);
    },
    async run(name, params) {
      return glue.run(name, JSON.stringify(params));
    },
    async close() {},
  };
}
