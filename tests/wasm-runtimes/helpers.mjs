// What every runtime of the liveblocks-wasm suite shares: the helper servers the transport
// scenarios talk to, the Yjs reference data, and the loop that runs every scenario of
// tests/wasm-worker through one runtime and prints its checks.
import { spawn } from "node:child_process";
import { once } from "node:events";
import http from "node:http";
import { isDeepStrictEqual } from "node:util";

import * as Y from "yjs";

export const SCENARIO_TIMEOUT_MS = 60_000;

// CORS headers that let a page of any origin call this server with any method and header,
// and read every response header (browsers only; other runtimes ignore them).
function corsHeaders(req) {
  return {
    "access-control-allow-origin": req.headers.origin ?? "*",
    "access-control-allow-methods": "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
    "access-control-allow-headers": req.headers["access-control-request-headers"] ?? "*",
    "access-control-expose-headers": "*",
    "access-control-max-age": "600",
  };
}

// Answers a CORS preflight; true when `req` was one.
function answeredPreflight(req, res) {
  if (req.method === "OPTIONS" && req.headers["access-control-request-method"]) {
    res.writeHead(204, corsHeaders(req)).end();
    return true;
  }
  return false;
}

function trackSockets(server) {
  const sockets = new Set();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  return () => {
    for (const socket of sockets) socket.destroy();
    server.close();
  };
}

async function listen(server) {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `http://127.0.0.1:${server.address().port}`;
}

// A Yjs V1 update made by the reference implementation, and the content it holds.
export function makeYjsUpdate() {
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

// The helper server the transport scenarios talk to (one per runtime, so the retry counters
// start afresh):
//   /hang/...   accepts the request and never answers (timeout scenario);
//   /flaky/KEY  two 503s per key, then a room (retry scenario);
//   /echo/...   answers 201 with JSON describing the request it got, plus a few headers;
//   /binary     answers 203 with the bytes 0 to 255.
// It answers CORS preflights and adds CORS headers, for the browser.
export async function startHelperServer() {
  const flakyCounts = new Map();
  const server = http.createServer(async (req, res) => {
    if (answeredPreflight(req, res)) return;
    const cors = corsHeaders(req);
    if (req.url.startsWith("/hang")) return;
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    if (req.url.startsWith("/flaky/")) {
      const key = req.url.split("/")[2];
      const seen = (flakyCounts.get(key) ?? 0) + 1;
      flakyCounts.set(key, seen);
      if (seen <= 2) {
        res.writeHead(503, { ...cors, "content-type": "application/json" });
        res.end(JSON.stringify({ error: "UNAVAILABLE", message: `attempt ${seen}` }));
        return;
      }
      res.writeHead(200, { ...cors, "content-type": "application/json" });
      res.end(JSON.stringify({
        type: "room", id: "flaky", organizationId: "default",
        createdAt: "2024-05-01T10:00:00.000Z", defaultAccesses: ["room:write"],
        usersAccesses: {}, groupsAccesses: {}, metadata: {}, attempts: seen,
      }));
      return;
    }
    if (req.url === "/binary") {
      res.writeHead(203, { ...cors, "content-type": "application/octet-stream" });
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
        ...Object.entries(cors).flat(),
        "content-type", "application/json",
        "x-reply", "pong",
        "x-multi", "a",
        "x-multi", "b",
        "x-latin1", "caf\u00e9", // written as the single byte 0xE9
      ]);
      res.end(JSON.stringify(echo));
      return;
    }
    res.writeHead(404, cors).end();
  });
  const close = trackSockets(server);
  return { url: await listen(server), close };
}

// A reverse proxy on a loopback port that forwards everything to `target` and adds the CORS
// headers a browser page needs (the dev server and Prism send none), answering preflights
// itself. URLs of the upstream inside JSON answers (the dev server's signed storage-file URLs
// point at itself) are rewritten to the proxy, so the browser follows them through it too.
// Used for the browser runtime only.
export async function startCorsProxy(target) {
  const upstream = new URL(target);
  const upstreamOrigins = [
    `http://localhost:${upstream.port}`,
    `http://127.0.0.1:${upstream.port}`,
    `http://[::1]:${upstream.port}`,
  ];
  let self = "";
  const server = http.createServer((req, res) => {
    if (answeredPreflight(req, res)) return;
    const headers = { ...req.headers, host: upstream.host };
    delete headers.origin; // the upstream sees a plain server-to-server call
    delete headers.referer;
    delete headers["accept-encoding"]; // plain bodies, so JSON can be rewritten
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
      (answer) => {
        const out = { ...answer.headers, ...corsHeaders(req) };
        if (!String(answer.headers["content-type"] ?? "").includes("json")) {
          res.writeHead(answer.statusCode, out);
          answer.pipe(res);
          return;
        }
        const chunks = [];
        answer.on("data", (chunk) => chunks.push(chunk));
        answer.on("end", () => {
          let body = Buffer.concat(chunks).toString("utf8");
          for (const origin of upstreamOrigins) body = body.split(origin).join(self);
          const bytes = Buffer.from(body, "utf8");
          delete out["transfer-encoding"];
          out["content-length"] = String(bytes.length);
          res.writeHead(answer.statusCode, out);
          res.end(bytes);
        });
      },
    );
    forward.on("error", (error) => {
      res.writeHead(502, { ...corsHeaders(req), "content-type": "text/plain" });
      res.end(`proxy to ${target}: ${error.message}`);
    });
    req.pipe(forward);
  });
  const close = trackSockets(server);
  self = await listen(server);
  return { url: self, close };
}

// A loopback URL where nothing listens (for the connection-error scenario).
export async function closedPortUrl() {
  const server = http.createServer();
  const url = await listen(server);
  server.close();
  await once(server, "close");
  return url;
}

export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Runs every scenario through one runtime and prints each check. `runtime` is
//   { name, scenarios(): Promise<string[]>, run(name, params): Promise<string (report JSON)> }
// and `params` the scenario parameters (URLs as that runtime must use them). Returns
// { passed, failed, failedScenarios, scenarioCount, ms }.
export async function runScenarios(runtime, params, expectedYjs, only = {}) {
  const started = Date.now();
  let passed = 0;
  let failed = 0;
  const failedScenarios = [];
  const record = (scenario, name, pass, detail) => {
    if (pass) passed += 1;
    else failed += 1;
    console.log(
      `  ${pass ? "ok  " : "FAIL"} [${runtime.name}] ${scenario}: ${name}${detail ? ` (${detail})` : ""}`,
    );
  };
  let names = [];
  try {
    names = await runtime.scenarios();
    if (names.length === 0) throw new Error("the runtime listed no scenarios");
  } catch (error) {
    record("runner", "list the scenarios", false, error.stack ?? String(error));
    return { passed, failed, failedScenarios: ["(setup)"], scenarioCount: 0, ms: Date.now() - started };
  }
  for (const name of names) {
    const t0 = Date.now();
    // A scenario tied to some runtimes says so on a line of its own (never silently).
    if (only[name] && !only[name].runtimes.includes(params.runtime)) {
      console.log(`${runtime.name} ${name}: run in ${only[name].runtimes.join(", ")} only: ${only[name].why}`);
      continue;
    }
    console.log(`${runtime.name} ${name}:`);
    let report;
    try {
      const text = await withTimeout(runtime.run(name, params), SCENARIO_TIMEOUT_MS, `scenario ${name}`);
      report = JSON.parse(text);
    } catch (error) {
      record(name, "scenario ran", false, error.message ?? String(error));
      failedScenarios.push(name);
      continue;
    }
    let scenarioFailed = false;
    for (const check of report.checks) {
      record(name, check.name, check.pass, check.detail);
      scenarioFailed ||= !check.pass;
    }
    if (name === "yjs") {
      // Decode the update the wasm code fetched with the reference implementation.
      const bytes = report.yjsBinary;
      let decoded = null;
      let detail;
      try {
        if (!Array.isArray(bytes)) throw new Error("the scenario returned no binary update");
        const doc = new Y.Doc();
        Y.applyUpdate(doc, Uint8Array.from(bytes));
        decoded = yjsContent(doc);
        detail = `${bytes.length} bytes -> ${JSON.stringify(decoded)}`;
      } catch (error) {
        detail = error.message;
      }
      const ok = decoded !== null && isDeepStrictEqual(decoded, expectedYjs);
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
  return { passed, failed, failedScenarios, scenarioCount: names.length, ms: Date.now() - started };
}

// The fault server of the fault-injection suite (liveblocks_tests::faults, raw TCP), run as
// the `fault-server` binary; it prints its URL and exits when its stdin closes (with us).
export async function startFaultServer(repoRoot) {
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
