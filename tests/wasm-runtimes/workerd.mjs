// The suite inside workerd (Cloudflare's Workers runtime), through miniflare: worker.mjs is
// the Worker; the dev server's URL and secret and Prism's URL are its bindings.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { Log, LogLevel, Miniflare } from "miniflare";

const here = dirname(fileURLToPath(import.meta.url));

// A Miniflare running `script` (a Worker module of this folder) over the wasm-bindgen output
// of `crate` in outDir, with these bindings.
export function miniflareWorker(outDir, script, crate, bindings) {
  return new Miniflare({
    log: new Log(LogLevel.WARN),
    modulesRoot: outDir,
    modules: [
      {
        type: "ESModule",
        path: join(outDir, "worker.mjs"),
        contents: readFileSync(join(here, script), "utf8"),
      },
      { type: "ESModule", path: join(outDir, `${crate}.js`) },
      { type: "CompiledWasm", path: join(outDir, `${crate}_bg.wasm`) },
    ],
    compatibilityDate: "2025-09-01",
    cf: false, // no request.cf lookup on the network
    bindings,
  });
}

export async function workerdRuntime(outDir, { baseUrl, secret, prismUrl }) {
  const mf = miniflareWorker(outDir, "worker.mjs", "liveblocks_wasm_worker", {
    LIVEBLOCKS_BASE_URL: baseUrl,
    LIVEBLOCKS_SECRET_KEY: secret,
    PRISM_URL: prismUrl,
  });
  return {
    name: "workerd",
    // The Worker adds the URLs and secret from its bindings, as a deployed Worker would.
    urls: { baseUrl, prismUrl },
    async scenarios() {
      const list = await mf.dispatchFetch("http://worker/scenarios");
      const text = await list.text();
      if (list.status !== 200) throw new Error(`the worker answered ${list.status}: ${text}`);
      return text.split(",").filter(Boolean);
    },
    async run(name, params) {
      const { baseUrl: _b, secret: _s, prismUrl: _p, ...rest } = params;
      const response = await mf.dispatchFetch(`http://worker/run/${name}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(rest),
      });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`the worker answered ${response.status}: ${text}`);
      return text;
    },
    async close() {
      await mf.dispose();
    },
  };
}
