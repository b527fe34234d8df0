// The Worker entry that tests/wasm-runtimes/workerd.mjs loads into workerd (through miniflare).
//
// It instantiates the wasm-bindgen `--target web` output of tests/wasm-worker once, then
// answers `GET /scenarios` with the scenario names and `POST /run/<name>` (body: the
// scenario's JSON parameters, without the server URLs and secret) with that scenario's report.
// The dev server's base URL and secret, and Prism's URL, come from the Worker's bindings, as
// they would in a deployed Worker.
import { initSync, run, scenarios } from "./liveblocks_wasm_worker.js";
import wasmModule from "./liveblocks_wasm_worker_bg.wasm";

initSync({ module: wasmModule });

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname === "/scenarios") {
      return new Response(scenarios());
    }
    const name = url.pathname.startsWith("/run/") ? url.pathname.slice("/run/".length) : null;
    if (name === null || request.method !== "POST") {
      return new Response(`unknown route ${request.method} ${url.pathname}`, { status: 404 });
    }
    const params = {
      ...(await request.json()),
      baseUrl: env.LIVEBLOCKS_BASE_URL,
      secret: env.LIVEBLOCKS_SECRET_KEY,
      prismUrl: env.PRISM_URL,
    };
    try {
      const report = await run(name, JSON.stringify(params));
      return new Response(report, { headers: { "content-type": "application/json" } });
    } catch (error) {
      const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return new Response(text, { status: 500 });
    }
  },
};
