// The suite in a real headless browser: Debian's chromium, driven by chromedriver through the
// W3C WebDriver HTTP API. A page served from a loopback port loads the wasm-bindgen
// `--target web` output; each scenario is one `execute/async` call of window.runScenario.
//
// The page's origin differs from the servers it calls, so every call is a CORS request. The
// local dev server and Prism send no CORS headers: a browser refuses their answers (the
// transport reports a Connect error). So the browser calls them through loopback proxies
// that add the headers (helpers.mjs startCorsProxy); the helper server adds its own.
import { spawn, execFileSync } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { startCorsProxy, withTimeout } from "./helpers.mjs";

const here = dirname(fileURLToPath(import.meta.url));

// The flags the closed network of CI needs: nothing may reach out on its own.
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

function which(names) {
  for (const name of names) {
    try {
      return execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim();
    } catch {}
  }
  return null;
}

async function freePort() {
  const server = http.createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address();
  server.close();
  await once(server, "close");
  return port;
}

// Serves the page and the wasm-bindgen output.
async function startPageServer(outDir) {
  const files = {
    "/": [join(here, "page.html"), "text/html; charset=utf-8"],
    "/liveblocks_wasm_worker.js": [join(outDir, "liveblocks_wasm_worker.js"), "text/javascript"],
    "/liveblocks_wasm_worker_bg.wasm": [join(outDir, "liveblocks_wasm_worker_bg.wasm"), "application/wasm"],
  };
  const server = http.createServer((req, res) => {
    const file = files[new URL(req.url, "http://x").pathname];
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": file[1], "cache-control": "no-store" });
    res.end(readFileSync(file[0]));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

async function webdriver(base, method, path, body) {
  const response = await fetch(base + path, {
    method,
    headers: body ? { "content-type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) {
    const v = json.value ?? {};
    throw new Error(`WebDriver ${method} ${path}: ${response.status} ${v.error ?? ""} ${v.message ?? ""}`);
  }
  return json.value;
}

export async function chromiumRuntime(outDir, { baseUrl, prismUrl }) {
  const binary = which(["chromium", "chromium-browser", "google-chrome"]);
  const driverPath = which(["chromedriver"]);
  if (!binary || !driverPath) {
    throw new Error("chromium or chromedriver is not installed (scripts/install.sh installs Debian's chromium and chromium-driver)");
  }
  const version = execFileSync(binary, ["--version"], { encoding: "utf8" }).trim();
  const cleanups = [];
  const cleanup = async () => {
    for (const f of cleanups.reverse()) await Promise.resolve().then(f).catch(() => {});
  };
  try {
    const devProxy = await startCorsProxy(baseUrl);
    cleanups.push(devProxy.close);
    const prismProxy = await startCorsProxy(prismUrl);
    cleanups.push(prismProxy.close);
    const page = await startPageServer(outDir);
    cleanups.push(page.close);

    const port = await freePort();
    const driver = spawn(driverPath, [`--port=${port}`, "--allowed-ips=127.0.0.1"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let driverLog = "";
    driver.stdout.on("data", (d) => (driverLog += d));
    driver.stderr.on("data", (d) => (driverLog += d));
    cleanups.push(() => driver.kill());
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (driver.exitCode !== null) throw new Error(`chromedriver exited (${driver.exitCode}): ${driverLog}`);
      try {
        const status = await webdriver(base, "GET", "/status");
        if (status.ready) break;
      } catch {}
      if (Date.now() > deadline) throw new Error(`chromedriver did not start within 30 s: ${driverLog}`);
      await new Promise((r) => setTimeout(r, 200));
    }

    const profile = mkdtempSync(join(tmpdir(), "liveblocks-wasm-chromium-"));
    cleanups.push(() => rmSync(profile, { recursive: true, force: true }));
    const session = await webdriver(base, "POST", "/session", {
      capabilities: {
        alwaysMatch: {
          browserName: "chrome",
          "goog:chromeOptions": { binary, args: [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`] },
        },
      },
    });
    const sid = session.sessionId;
    cleanups.push(() => webdriver(base, "DELETE", `/session/${sid}`));
    await webdriver(base, "POST", `/session/${sid}/timeouts`, { script: 90_000, pageLoad: 30_000 });
    await webdriver(base, "POST", `/session/${sid}/url`, { url: page.url });
    const readyBy = Date.now() + 30_000;
    for (;;) {
      const state = await webdriver(base, "POST", `/session/${sid}/execute/sync`, {
        script: "return window.suiteReady ?? null;",
        args: [],
      });
      if (state === "ready") break;
      if (state || Date.now() > readyBy) throw new Error(`the page did not load the wasm module: ${state ?? "timeout"}`);
      await new Promise((r) => setTimeout(r, 100));
    }

    return {
      name: `chromium ${version.replace(/^Chromium\s*/, "").split(" ")[0]}`,
      // What the page must call: the CORS proxies in front of the dev server and Prism.
      urls: { baseUrl: devProxy.url, prismUrl: prismProxy.url },
      async scenarios() {
        const list = await webdriver(base, "POST", `/session/${sid}/execute/sync`, {
          script: "return window.listScenarios();",
          args: [],
        });
        return list.split(",").filter(Boolean);
      },
      async run(name, params) {
        const result = await withTimeout(
          webdriver(base, "POST", `/session/${sid}/execute/async`, {
            script: `const [name, params, done] = arguments;
              window.runScenario(name, params).then(
                (report) => done({ ok: true, report }),
                (error) => done({ ok: false, error: String((error && error.message) || error) }));`,
            args: [name, JSON.stringify(params)],
          }),
          95_000,
          `chromium scenario ${name}`,
        );
        if (!result.ok) throw new Error(result.error);
        return result.report;
      },
      close: cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
