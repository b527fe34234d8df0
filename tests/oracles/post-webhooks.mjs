// Signs webhook requests the way Liveblocks does (Svix scheme, Node's own crypto), checks that
// @liveblocks/node's WebhookHandler accepts the valid ones, and POSTs them all to a receiver.
// usage: node tests/oracles/post-webhooks.mjs <receiver url> <secret>
// The receiver must answer 200 with the event type for valid requests, 401 otherwise.
import crypto from "node:crypto";
import { WebhookHandler } from "@liveblocks/node";

const [url, secret] = process.argv.slice(2);
const key = Buffer.from(secret.slice("whsec_".length), "base64");
const sign = (id, ts, body) => "v1," + crypto.createHmac("sha256", key).update(`${id}.${ts}.${body}`).digest("base64");
const now = Math.floor(Date.now() / 1000);
const handler = new WebhookHandler(secret);

const events = [
  { type: "commentCreated", data: { projectId: "p", roomId: "room-é", threadId: "th_1", commentId: "cm_1", createdAt: new Date().toISOString(), createdBy: "alice" } },
  { type: "notification", data: { channel: "email", kind: "thread", projectId: "p", roomId: "r", userId: "bob", threadId: "th_1", inboxNotificationId: "in_1", createdAt: new Date().toISOString(), triggeredAt: new Date().toISOString() } },
  { type: "userEntered", data: { projectId: "p", roomId: "r", connectionId: 3, userId: null, userInfo: null, enteredAt: new Date().toISOString(), numActiveUsers: 1 } },
];

const requests = [];
events.forEach((event, i) => {
  const body = JSON.stringify(event);
  const id = `msg_${i}`;
  const ts = String(now);
  const headers = { "webhook-id": id, "webhook-timestamp": ts, "webhook-signature": `v1,AAAA ${sign(id, ts, body)}` };
  handler.verifyRequest({ headers, rawBody: body }); // Node's own handler accepts it
  requests.push({ name: `valid ${event.type}`, headers, body, status: 200, reply: event.type });
  requests.push({ name: `tampered ${event.type}`, headers, body: body.replace("p", "q"), status: 401 });
  requests.push({ name: `stale ${event.type}`, headers: { ...headers, "webhook-timestamp": String(now - 600), "webhook-signature": sign(id, String(now - 600), body) }, body, status: 401 });
});

let failed = 0;
for (const r of requests) {
  const res = await fetch(url, { method: "POST", headers: { ...r.headers, "content-type": "application/json" }, body: r.body });
  const text = await res.text();
  const ok = res.status === r.status && (r.reply === undefined || text === r.reply);
  if (!ok) failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${r.name}: ${res.status} ${text}`);
}
console.log(`${requests.length - failed}/${requests.length} webhook requests handled as expected`);
process.exit(failed ? 1 : 0);
