// Oracle: @liveblocks/node's own WebhookHandler judges every case of a corpus.
// usage: node tests/oracles/webhooks.mjs in.json out.json
// in:  {secret, cases: [{headers: [[name, base64 bytes]...], body: base64, now: seconds}]}
// out: [{verdict: "ok" | "unknown" | "<error category>", message?, event?}]
import { readFileSync, writeFileSync } from "node:fs";
import { WebhookHandler } from "@liveblocks/node";

const version = JSON.parse(readFileSync(new URL("../../node_modules/@liveblocks/node/package.json", import.meta.url), "utf8")).version;
if (version !== "3.24.2") throw new Error(`expected @liveblocks/node 3.24.2, found ${version}`);

const [input, output] = process.argv.slice(2);
const { secret, cases } = JSON.parse(readFileSync(input, "utf8"));
const handler = new WebhookHandler(secret);
const realNow = Date.now;

function category(message) {
  if (message.startsWith("Invalid webhook-id header")) return "missing:webhook-id";
  if (message.startsWith("Invalid webhook-timestamp header")) return "missing:webhook-timestamp";
  if (message.startsWith("Invalid webhook-signature header")) return "missing:webhook-signature";
  if (message === "Invalid timestamp") return "invalid_timestamp";
  if (message === "Timestamp too old") return "too_old";
  if (message === "Timestamp in the future") return "too_new";
  if (message.startsWith("Invalid signature")) return "invalid_signature";
  if (message.startsWith("Unknown event type") || message.startsWith("Unknown notification kind")) return "unknown";
  return null;
}

const results = cases.map((c) => {
  // Headers as Node's http module presents them: bytes read as Latin-1, repeats joined by ", ".
  const headers = {};
  for (const [name, b64] of c.headers) {
    const key = name.toLowerCase();
    const value = Buffer.from(b64, "base64").toString("latin1");
    headers[key] = key in headers ? `${headers[key]}, ${value}` : value;
  }
  // The body as `await request.text()` gives it (WHATWG UTF-8 decode, U+FFFD for bad bytes).
  const rawBody = new TextDecoder().decode(Buffer.from(c.body, "base64"));
  Date.now = () => c.now * 1000;
  try {
    const event = handler.verifyRequest({ headers, rawBody });
    return { verdict: "ok", event };
  } catch (e) {
    if (e instanceof SyntaxError) return { verdict: "invalid_body", message: e.message };
    if (e instanceof TypeError) return { verdict: "invalid_event", message: e.message };
    return { verdict: category(e.message) ?? `other: ${e.message}`, message: e.message };
  } finally {
    Date.now = realNow;
  }
});
writeFileSync(output, JSON.stringify(results));
