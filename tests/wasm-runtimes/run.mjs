// Runs the liveblocks-wasm live scenarios (tests/wasm-worker, compiled to wasm32) in every
// JS runtime we support, one after the other:
//   workerd   Cloudflare's Workers runtime, through miniflare (workerd.mjs, worker.mjs);
//   node      Node's global fetch (node.mjs);
//   chromium  headless Chromium driven by chromedriver (chromium.mjs, page.html), calling the
//             dev server and Prism through CORS-adding loopback proxies.
//
// Usage (scripts/test-wasm.sh does all of this):
//   PRISM_URL=http://127.0.0.1:PORT \
//     npx liveblocks dev --random-port --no-check --cmd "node tests/wasm-runtimes/run.mjs"
//   (add runtime names as arguments to run only those: `run.mjs node chromium`)
//
// Needs LIVEBLOCKS_BASE_URL (set by `liveblocks dev`), PRISM_URL (Prism mocking the OpenAPI
// spec with `--errors`, its paths under /v2) and the wasm-bindgen `--target web` output of
// tests/wasm-worker in target/wasm-worker (or WASM_WORKER_DIR). Prints every check, a line per
// runtime (`<runtime>: N passed, M failed`) and a last line `wasm: N passed, M failed` over all
// runtimes; exits non-zero on any failure, a runtime that cannot start included.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { chromiumRuntime } from "./chromium.mjs";
import {
  closedPortUrl,
  makeYjsUpdate,
  runScenarios,
  startFaultServer,
  startHelperServer,
} from "./helpers.mjs";
import { nodeRuntime } from "./node.mjs";
import { workerdRuntime } from "./workerd.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "..", "..");
const outDir = resolve(process.env.WASM_WORKER_DIR ?? join(repoRoot, "target", "wasm-worker"));
const ALL = ["workerd", "node", "chromium"];

function fail(message) {
  console.error(`error: ${message}`);
  console.log("wasm: 0 passed, 1 failed");
  process.exit(2);
}

const selected = process.argv.slice(2);
for (const name of selected) {
  if (!ALL.includes(name)) fail(`unknown runtime ${name} (runtimes: ${ALL.join(", ")})`);
}
const runtimes = selected.length ? selected : ALL;

const baseUrl = process.env.LIVEBLOCKS_BASE_URL;
if (!baseUrl) {
  fail(
    "LIVEBLOCKS_BASE_URL is not set: run this under the dev server, e.g. " +
      '`npx liveblocks dev --random-port --no-check --cmd "node tests/wasm-runtimes/run.mjs"` ' +
      "(or use scripts/test-wasm.sh)",
  );
}
const secret = process.env.LIVEBLOCKS_SECRET_KEY || "sk_localdev";
const prismUrl = (process.env.PRISM_URL ?? "").replace(/\/+$/, "");
if (!prismUrl) {
  fail(
    "PRISM_URL is not set: the prism_* scenarios need Prism mocking the OpenAPI spec " +
      "(scripts/test-wasm.sh starts it, or set PRISM_URL to a running one)",
  );
}
for (const file of ["liveblocks_wasm_worker.js", "liveblocks_wasm_worker_bg.wasm"]) {
  if (!existsSync(join(outDir, file))) fail(`${join(outDir, file)} is missing: build it with scripts/test-wasm.sh`);
}

const factories = {
  workerd: () => workerdRuntime(outDir, { baseUrl, secret, prismUrl }),
  node: () => nodeRuntime(outDir),
  chromium: () => chromiumRuntime(outDir, { baseUrl, prismUrl }),
};

// The fault-injection cases run where they were made for: workerd. Its raw answers (garbage,
// resets, a 1 MiB header) carry no CORS headers, so a browser refuses them before our code
// sees anything, and Node's fetch words the same failures differently.
const ONLY = {
  faults: { runtimes: ["workerd"], why: "raw-TCP faults, made for workerd's fetch (see run.mjs)" },
};
const faultServer = await startFaultServer(repoRoot);

const { update, expected } = makeYjsUpdate();
const results = [];
for (const which of runtimes) {
  console.log(`\n=== wasm in ${which}`);
  const helper = await startHelperServer();
  let runtime;
  let result;
  try {
    runtime = await factories[which]();
    const urls = runtime.urls ?? { baseUrl, prismUrl };
    const params = {
      prefix: `wasm-${which}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      yjsUpdate: Array.from(update),
      yjsExpected: expected,
      helperUrl: helper.url,
      closedUrl: await closedPortUrl(),
      faultUrl: faultServer.url,
      baseUrl: urls.baseUrl,
      prismUrl: urls.prismUrl,
      secret,
      runtime: which,
    };
    console.log(
      `${runtime.name}: dev server at ${params.baseUrl}, Prism at ${params.prismUrl}, rooms prefixed ${params.prefix}`,
    );
    result = await runScenarios(runtime, params, expected, ONLY);
    result.name = runtime.name;
  } catch (error) {
    console.log(`  FAIL [${which}] runtime: could not start (${error.stack ?? error})`);
    result = { name: which, passed: 0, failed: 1, failedScenarios: ["(start)"], scenarioCount: 0, ms: 0 };
  } finally {
    await runtime?.close().catch(() => {});
    helper.close();
  }
  results.push(result);
}

faultServer.close();
console.log("\n================ wasm runtimes ================");
let passed = 0;
let failed = 0;
for (const r of results) {
  passed += r.passed;
  failed += r.failed;
  const scenarios = `${r.scenarioCount - r.failedScenarios.length}/${r.scenarioCount} scenarios`;
  const failedList = r.failedScenarios.length ? ` (failed: ${r.failedScenarios.join(", ")})` : "";
  console.log(`${r.name}: ${r.passed} passed, ${r.failed} failed; ${scenarios}${failedList}, ${(r.ms / 1000).toFixed(1)} s`);
}
console.log(`wasm: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
