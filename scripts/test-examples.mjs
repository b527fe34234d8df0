// Runs the three examples against the local dev server and checks what they answer:
//   rooms-cli        the clap CLI (liveblocks-ureq): create, get, list, delete, get -> exit 4;
//   axum-service     the axum service (liveblocks-hyper): POST, GET, GET /rooms, DELETE, 404;
//   cloudflare-worker  the Worker (worker crate, liveblocks-wasm) in workerd via miniflare:
//                    the same HTTP API.
//
// Usage (scripts/test-examples.sh builds everything and runs this under the dev server):
//   npx liveblocks dev --random-port --no-check --cmd "node scripts/test-examples.mjs"
// Env: LIVEBLOCKS_BASE_URL, LIVEBLOCKS_SECRET_KEY (set by `liveblocks dev`), EXAMPLES_BIN (the
// cargo target dir's debug/ with `rooms` and `rooms-service`), EXAMPLE_WORKER_DIR (the
// wasm-bindgen output of examples/cloudflare-worker plus entry.mjs).
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";

import { Log, LogLevel, Miniflare } from "miniflare";

const baseUrl = process.env.LIVEBLOCKS_BASE_URL;
const secret = process.env.LIVEBLOCKS_SECRET_KEY;
const bin = process.env.EXAMPLES_BIN;
const workerDir = process.env.EXAMPLE_WORKER_DIR;
if (!baseUrl || !secret || !bin || !workerDir) {
  console.error("needs LIVEBLOCKS_BASE_URL, LIVEBLOCKS_SECRET_KEY, EXAMPLES_BIN and EXAMPLE_WORKER_DIR (run scripts/test-examples.sh)");
  console.log("examples: 0 passed, 1 failed");
  process.exit(2);
}
const suffix = `${Date.now().toString(36)}-${process.pid}`;
let passed = 0;
let failed = 0;
function check(example, name, pass, detail = "") {
  if (pass) passed += 1;
  else failed += 1;
  console.log(`  ${pass ? "ok  " : "FAIL"} ${example}: ${name}${detail ? ` (${detail})` : ""}`);
  return pass;
}

// --- the CLI ------------------------------------------------------------------------------
function cli(...args) {
  const r = spawnSync(join(bin, "rooms"), args, { encoding: "utf8", timeout: 60_000 });
  return { status: r.status, out: (r.stdout ?? "") + (r.stderr ?? "") + (r.error ? String(r.error) : "") };
}
{
  const name = "rooms-cli";
  const id = `examples-cli-${suffix}`;
  let r = cli("create", id, "--metadata", "color=blue");
  check(name, `rooms create ${id} --metadata color=blue`, r.status === 0 && r.out.includes(`created ${id}`), r.out.trim());
  r = cli("get", id);
  check(name, `rooms get ${id}`, r.status === 0 && r.out.includes(id) && r.out.includes("blue"), r.out.trim().replace(/\n/g, " | "));
  r = cli("list", "--limit", "1000");
  check(name, "rooms list shows it", r.status === 0 && r.out.split("\n").some((l) => l.startsWith(`${id}\t`)), `${r.out.split("\n").length - 1} lines`);
  r = cli("delete", id);
  check(name, `rooms delete ${id}`, r.status === 0 && r.out.includes(`deleted ${id}`), r.out.trim());
  r = cli("get", id);
  check(name, "rooms get of a deleted room exits 4 (not found)", r.status === 4, `exit ${r.status}: ${r.out.trim()}`);
  r = cli("--secret", "not-a-key", "list");
  check(name, "a malformed secret is refused before any request", r.status === 1 && r.out.includes("error"), r.out.trim());
}

// --- an HTTP API, served by the axum service or the Worker --------------------------------
async function checkHttpApi(name, call, id) {
  let r = await call("POST", `/rooms/${id}`);
  check(name, `POST /rooms/${id} -> 201`, r.status === 201 && r.json?.id === id, `${r.status} ${r.text}`);
  r = await call("GET", `/rooms/${id}`);
  check(name, `GET /rooms/${id} -> the room`, r.status === 200 && r.json?.id === id && r.json?.metadata?.createdBy !== undefined, `${r.status} ${r.text}`);
  r = await call("GET", "/rooms");
  check(name, "GET /rooms lists it", r.status === 200 && (r.json?.rooms ?? []).some((room) => room.id === id), `${r.status}, ${(r.json?.rooms ?? []).length} rooms`);
  r = await call("POST", `/rooms/${id}`);
  check(name, "POST again -> the API's 409", r.status === 409, `${r.status} ${r.text}`);
  r = await call("DELETE", `/rooms/${id}`);
  check(name, `DELETE /rooms/${id} -> 204`, r.status === 204, `${r.status} ${r.text}`);
  r = await call("GET", `/rooms/${id}`);
  check(name, "GET after DELETE -> the API's 404 and code", r.status === 404 && r.json?.error === "ROOM_NOT_FOUND", `${r.status} ${r.text}`);
}

async function answer(response) {
  const text = await response.text();
  let json = null;
  try { json = JSON.parse(text); } catch {}
  return { status: response.status, text: text.length > 200 ? `${text.slice(0, 200)}…` : text, json };
}

// --- the axum service ---------------------------------------------------------------------
{
  const name = "axum-service";
  const service = spawn(join(bin, "rooms-service"), ["127.0.0.1:0"], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no 'listening on' line within 30 s")), 30_000);
      service.on("exit", (code) => reject(new Error(`exited with ${code}`)));
      createInterface({ input: service.stdout }).on("line", (line) => {
        const m = line.match(/listening on (http:\/\/\S+)/);
        if (m) { clearTimeout(timer); resolve(m[1]); }
      });
    });
    check(name, "starts and listens", true, url);
    await checkHttpApi(name, async (method, path) => answer(await fetch(url + path, { method })), `examples-axum-${suffix}`);
  } catch (error) {
    check(name, "starts and listens", false, error.message);
  } finally {
    service.kill();
  }
}

// --- the Cloudflare Worker in workerd -----------------------------------------------------
{
  const name = "cloudflare-worker";
  let mf;
  try {
    mf = new Miniflare({
      log: new Log(LogLevel.WARN),
      modules: true,
      scriptPath: join(workerDir, "entry.mjs"),
      modulesRules: [
        { type: "ESModule", include: ["**/*.js", "**/*.mjs"] },
        { type: "CompiledWasm", include: ["**/*.wasm"] },
      ],
      compatibilityDate: "2025-09-01",
      cf: false,
      // A secret and a plain variable, as `wrangler secret put` and [vars] would set them.
      bindings: { LIVEBLOCKS_SECRET_KEY: secret, LIVEBLOCKS_BASE_URL: baseUrl },
    });
    await mf.ready;
    check(name, "loads in workerd", true);
    await checkHttpApi(name, async (method, path) => answer(await mf.dispatchFetch(`http://worker${path}`, { method })), `examples-worker-${suffix}`);
  } catch (error) {
    check(name, "loads in workerd", false, error.stack ?? String(error));
  } finally {
    await mf?.dispose().catch(() => {});
  }
}

console.log(`examples: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
