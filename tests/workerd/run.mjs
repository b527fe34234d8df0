// Runs the liveblocks-wasm live scenarios (tests/wasm-worker) inside workerd, via miniflare.
//
// Usage (scripts/test-wasm.sh does all of this):
//   PRISM_URL=http://127.0.0.1:PORT \
//     npx liveblocks dev --random-port --no-check --cmd "node tests/workerd/run.mjs"
//
// Needs LIVEBLOCKS_BASE_URL (set by `liveblocks dev`), PRISM_URL (Prism mocking the OpenAPI
// spec with `--errors`, its paths under /v2, as scripts/test-wasm.sh starts it) and the
// wasm-bindgen `--target web` output of tests/wasm-worker in target/wasm-worker (or
// WASM_WORKER_DIR). Prints every check, then a last line `wasm: N passed, M failed` (N and M
// count checks), and exits non-zero on any failure.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";

import { Log, LogLevel, Miniflare } from "miniflare";
import * as Y from "yjs";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "..", "..");
const outDir = resolve(process.env.WASM_WORKER_DIR ?? join(repoRoot, "target", "wasm-worker"));
const SCENARIO_TIMEOUT_MS = 60_000;

function fail(message) {
  console.error(`error: ${message}`);
  console.log("wasm: 0 passed, 1 failed");
  process.exit(2);
}

const baseUrl = process.env.LIVEBLOCKS_BASE_URL;
if (!baseUrl) {
  fail(
    "LIVEBLOCKS_BASE_URL is not set: run this under the dev server, e.g. " +
      '`npx liveblocks dev --random-port --no-check --cmd "node tests/workerd/run.mjs"` ' +
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

const jsModule = join(outDir, "liveblocks_wasm_worker.js");
const wasmModule = join(outDir, "liveblocks_wasm_worker_bg.wasm");
for (const file of [jsModule, wasmModule]) {
  if (!existsSync(file)) {
    fail(`${file} is missing: build it with scripts/test-wasm.sh`);
  }
}

// A Yjs V1 update made by the reference implementation, and the content it holds.
function makeYjsUpdate() {
  const doc = new Y.Doc();
  const map = doc.getMap("mymap");
  map.set("greeting", "hello α");
  map.set("count", 3);
  map.set("tags", ["a", "b"]);
  doc.getText("mytext").insert(0, "hi there");
  return { update: Y.encodeStateAsUpdate(doc), expected: yjsContent(doc) };
}

function yjsContent(doc) {
  return { mymap: doc.getMap("mymap").toJSON(), mytext: doc.getText("mytext").toString() };
}

// The helper server the transport scenarios talk to:
//   /hang/...  accepts the request and never answers (timeout scenario);
//   /echo/...  answers 201 with JSON describing the request it got, plus a few headers;
//   /binary    answers 203 with the bytes 0 to 255.
async function startHelperServer() {
  const sockets = new Set();
  const flakyCounts = new Map();
  const server = http.createServer(async (req, res) => {
    if (req.url.startsWith("/hang")) return;
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    if (req.url.startsWith("/flaky/")) {
      // Two 503s per key, then a room: for the retry scenario.
      const key = req.url.split("/")[2];
      const seen = (flakyCounts.get(key) ?? 0) + 1;
      flakyCounts.set(key, seen);
      if (seen <= 2) {
        res.writeHead(503, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: "UNAVAILABLE", message: `attempt ${seen}` }));
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({
        type: "room", id: "flaky", organizationId: "default",
        createdAt: "2024-05-01T10:00:00.000Z", defaultAccesses: ["room:write"],
        usersAccesses: {}, groupsAccesses: {}, metadata: {}, attempts: seen,
      }));
      return;
    }
    if (req.url === "/binary") {
      res.writeHead(203, { "content-type": "application/octet-stream" });
      res.end(Buffer.from(Array.from({ length: 256 }, (_, i) => i)));
      return;
    }
    if (req.url.startsWith("/echo")) {
      const echo = {
        method: req.method,
        url: req.url,
        headers: req.headers, // Node reads header bytes as Latin-1
        body: Array.from(Buffer.concat(chunks)),
      };
      // A flat [name, value, name, value...] list, so x-multi is sent twice.
      res.writeHead(201, [
        "content-type", "application/json",
        "x-reply", "pong",
        "x-multi", "a",
        "x-multi", "b",
        "x-latin1", "caf\u00e9", // written as the single byte 0xE9
      ]);
      res.end(JSON.stringify(echo));
      return;
    }
    res.writeHead(404).end();
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close() {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

// A loopback URL where nothing listens (for the connection-error scenario).
async function closedPortUrl() {
  const server = http.createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address();
  server.close();
  await once(server, "close");
  return `http://127.0.0.1:${port}`;
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// The fault server of the fault-injection suite (liveblocks_tests::faults, raw TCP), run as
// the `fault-server` binary; it prints its URL and exits when its stdin closes (with us).
async function startFaultServer() {
  const child = spawn(
    "cargo",
    ["run", "--quiet", "-p", "liveblocks-tests", "--bin", "fault-server"],
    { cwd: repoRoot, stdio: ["pipe", "pipe", "inherit"] },
  );
  let buffered = "";
  const url = await new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`fault-server exited with ${code}`)));
    child.stdout.on("data", (data) => {
      buffered += data;
      const match = buffered.match(/listening on (\S+)/);
      if (match) resolve(match[1]);
    });
  });
  return { url, close: () => child.kill() };
}

const started = Date.now();
const helper = await startHelperServer();
const faultServer = await startFaultServer();
const { update, expected } = makeYjsUpdate();
const params = {
  prefix: `wasm-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
  yjsUpdate: Array.from(update),
  yjsExpected: expected,
  helperUrl: helper.url,
  closedUrl: await closedPortUrl(),
  faultUrl: faultServer.url,
};

const mf = new Miniflare({
  log: new Log(LogLevel.WARN),
  modulesRoot: outDir,
  modules: [
    {
      type: "ESModule",
      path: join(outDir, "worker.mjs"),
      contents: readFileSync(join(here, "worker.mjs"), "utf8"),
    },
    { type: "ESModule", path: jsModule },
    { type: "CompiledWasm", path: wasmModule },
  ],
  compatibilityDate: "2025-09-01",
  cf: false, // no request.cf lookup on the network
  bindings: { LIVEBLOCKS_BASE_URL: baseUrl, LIVEBLOCKS_SECRET_KEY: secret, PRISM_URL: prismUrl },
});

let passed = 0;
let failed = 0;
const failedScenarios = [];

function record(scenario, name, pass, detail) {
  if (pass) passed += 1;
  else failed += 1;
  console.log(`  ${pass ? "ok  " : "FAIL"} ${scenario}: ${name}${detail ? ` (${detail})` : ""}`);
}

try {
  console.log(
    `wasm: workerd via miniflare, dev server at ${baseUrl}, Prism at ${prismUrl}, ` +
      `rooms prefixed ${params.prefix}`,
  );
  const list = await mf.dispatchFetch("http://worker/scenarios");
  const names = (await list.text()).split(",").filter(Boolean);
  if (list.status !== 200 || names.length === 0) {
    throw new Error(`the worker listed no scenarios (status ${list.status})`);
  }

  for (const name of names) {
    const t0 = Date.now();
    console.log(`${name}:`);
    let report;
    try {
      const response = await withTimeout(
        mf.dispatchFetch(`http://worker/run/${name}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(params),
        }),
        SCENARIO_TIMEOUT_MS,
        `scenario ${name}`,
      );
      const text = await response.text();
      if (response.status !== 200) {
        throw new Error(`the worker answered ${response.status}: ${text}`);
      }
      report = JSON.parse(text);
    } catch (error) {
      record(name, "scenario ran", false, error.message);
      failedScenarios.push(name);
      continue;
    }

    let scenarioFailed = false;
    for (const check of report.checks) {
      record(name, check.name, check.pass, check.detail);
      scenarioFailed ||= !check.pass;
    }

    if (name === "yjs") {
      // Decode the update the worker fetched with the reference implementation.
      const bytes = report.yjsBinary;
      let decoded = null;
      let detail;
      try {
        if (!Array.isArray(bytes)) throw new Error("the worker returned no binary update");
        const doc = new Y.Doc();
        Y.applyUpdate(doc, Uint8Array.from(bytes));
        decoded = yjsContent(doc);
        detail = `${bytes.length} bytes -> ${JSON.stringify(decoded)}`;
      } catch (error) {
        detail = error.message;
      }
      const ok = decoded !== null && isDeepStrictEqual(decoded, expected);
      record(name, "npm yjs decodes the fetched binary update to the same content", ok, detail);
      scenarioFailed ||= !ok;
    }

    if (name === "faults") {
      const summary = report.checks.find((check) => check.name.startsWith("faults: "));
      if (summary) console.log(summary.name);
    }
    if (scenarioFailed) failedScenarios.push(name);
    console.log(`  (${Date.now() - t0} ms)`);
  }
  const scenarioCount = names.length;
  console.log(
    `wasm scenarios: ${scenarioCount - failedScenarios.length} of ${scenarioCount} passed` +
      (failedScenarios.length ? ` (failed: ${failedScenarios.join(", ")})` : "") +
      `, ${Date.now() - started} ms`,
  );
} catch (error) {
  record("runner", "setup", false, error.stack ?? String(error));
} finally {
  await mf.dispose().catch(() => {});
  helper.close();
  faultServer.close();
}

console.log(`wasm: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
