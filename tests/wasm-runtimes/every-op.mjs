// Proves that the every-operation Worker (tests/wasm-every-op) really links and runs all the
// operations: loads it into workerd (through miniflare), sends it one request per operation of
// the spec (liveblocks-core/tests/all/spec_coverage/facts.json) and checks, on a loopback
// server standing in for Liveblocks, that each one made exactly the request the spec names
// (method and path, its path parameters filled in). The server answers every request 404 with
// a Liveblocks error body, which the Worker must pass on as a 404.
//
//   node tests/wasm-runtimes/every-op.mjs <wasm-bindgen --target web output of tests/wasm-every-op>
//
// Prints a line per failure and ends with `every-op: N/121 operations sent their request`;
// exits non-zero unless all did.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { miniflareWorker } from "./workerd.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "..", "..");
const outDir = resolve(process.argv[2] ?? join(repoRoot, "target", "wasm-every-op"));
const facts = JSON.parse(
  readFileSync(join(repoRoot, "liveblocks-core/tests/all/spec_coverage/facts.json"), "utf8"),
);

// Every argument any operation takes, under the names the Worker reads.
const args = {
  defaultAccesses: ["room:write"],
  roomUpdate: {},
  newRoomId: "room-2",
  fromOrganizationId: "org-1",
  toOrganizationId: "org-2",
  data: { x: 1 },
  event: { type: "ping" },
  metadata: { color: "blue" },
  root: { liveblocksType: "LiveObject", data: { title: "x" } },
  ops: [{ op: "add", path: "/title", value: "y" }],
  bytes: "hello",
  name: "file.txt",
  partNumber: 1,
  parts: [{ partNumber: 1, etag: "etag-1" }],
  body: { version: 1, content: [{ type: "paragraph", children: [{ text: "hi" }] }] },
  emoji: "👍",
  kind: "$custom",
  subjectId: "subject-1",
  memberIds: ["user-2"],
  names: ["X-Custom"],
  headers: { "X-Custom": "value" },
  sinceMillis: 1735689600000,
  webhookEvent: "storageUpdated",
  subscribedEvents: ["storageUpdated"],
  url: "https://example.com/hook",
  projectType: "dev",
  sourceType: "individual_link",
  provider: { provider: "openai", providerModel: "gpt-4o" },
  systemPrompt: "Be brief.",
  providerApiKey: "key-1",
};
// IDs the SDK checks the shape of before sending.
args.attachmentId = `at_${"a".repeat(21)}`;
args.fileId = `fl_${"f".repeat(21)}`;
for (const op of facts.operations) {
  for (const { name } of op.pathParams) args[name] ??= `${name.replace(/Id$/, "")}-1`;
}

const seen = [];
const server = createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    seen.push(`${request.method} ${new URL(request.url, "http://x").pathname}`);
    response.writeHead(404, { "content-type": "application/json" });
    response.end(JSON.stringify({ error: "RECORDED", message: "recorded by every-op.mjs" }));
  });
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const baseUrl = `http://127.0.0.1:${server.address().port}`;

const mf = miniflareWorker(outDir, "every-op-worker.mjs", "liveblocks_wasm_every_op", {
  LIVEBLOCKS_BASE_URL: baseUrl,
  LIVEBLOCKS_SECRET_KEY: "sk_every_op",
  LIVEBLOCKS_MANAGEMENT_TOKEN: "lb_mgmt_every_op",
});

let passed = 0;
const failures = [];
try {
  for (const op of facts.operations) {
    const expected = `${op.method} /v2${op.path.replace(/\{(\w+)\}/g, (_, name) => args[name])}`;
    seen.length = 0;
    const answer = await mf.dispatchFetch(`http://worker/${op.id}`, {
      method: "POST",
      body: JSON.stringify(args),
    });
    const text = await answer.text();
    if (seen.length !== 1 || seen[0] !== expected) {
      failures.push(`${op.id}: expected one request ${expected}, got [${seen.join(", ")}]; the Worker answered ${answer.status} ${text}`);
    } else if (answer.status !== 404 || !text.includes("RECORDED")) {
      failures.push(`${op.id}: the Worker answered ${answer.status} ${text}, not the 404 it got`);
    } else {
      passed += 1;
    }
  }
  const unknown = await mf.dispatchFetch("http://worker/no-such-operation", { method: "POST", body: "{}" });
  await unknown.text();
  if (unknown.status !== 404) failures.push(`an unknown operation: ${unknown.status}, expected 404`);
} finally {
  await mf.dispose();
  server.close();
}
for (const failure of failures) console.log(`FAIL ${failure}`);
console.log(`every-op: ${passed}/${facts.operations.length} operations sent their request (workerd)`);
process.exit(failures.length === 0 && passed === facts.operations.length ? 0 : 1);
