// Oracle for liveblocks_core::session: for each case, builds the same session (or identity)
// with @liveblocks/node 3.24.2 (prepareSession / identifyUser), stubs fetch to capture the
// request body and to answer with a given status (or to fail), and compares the body byte
// for byte and the {status, body} the SDK returns with ours.
//
//   node tests/oracles/auth.mjs CASES.jsonl
//
// Each line: {id, kind: "authorize"|"identify", baseUrl, userId, userInfo?, organizationId?,
// allow?: [[pattern, [perm...]]...], groupIds?, respond: {status, body} | "network-error",
// ours: {request, status, body}}. Prints `auth: N/N same as @liveblocks/node`.

import { readFileSync } from "node:fs";
import { Liveblocks } from "@liveblocks/node";

const file = process.argv[2];
if (!file) {
  console.error("usage: node tests/oracles/auth.mjs CASES.jsonl");
  process.exit(2);
}
const cases = readFileSync(file, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line));

// The Node SDK warns about sessions without permission; ours refuse them, so none reach here.
console.warn = () => {};

let sent = null;
let respond = null;
globalThis.fetch = async (url, init) => {
  sent = { url: String(url), body: init.body };
  if (respond === "network-error") throw new TypeError("fetch failed");
  return new Response(respond.body, { status: respond.status });
};

// {"$entries": [[k, v], ...]} -> an object with keys in that order.
const revive = (v) =>
  v && typeof v === "object" && "$entries" in v ? Object.fromEntries(v.$entries) : v;
for (const c of cases) if (c.userInfo !== undefined) c.userInfo = revive(c.userInfo);

let ok = 0;
const failures = [];
for (const c of cases) {
  sent = null;
  respond = c.respond;
  const liveblocks = new Liveblocks({ secret: "sk_test_oracle", baseUrl: c.baseUrl });
  let answer;
  try {
    if (c.kind === "authorize") {
      const options = {};
      if (c.userInfo !== undefined) options.userInfo = c.userInfo;
      if (c.organizationId !== undefined) options.organizationId = c.organizationId;
      const session = liveblocks.prepareSession(c.userId, options);
      for (const [pattern, perms] of c.allow) session.allow(pattern, perms);
      answer = await session.authorize();
    } else {
      const identity = c.groupIds === undefined && c.organizationId === undefined
        ? c.userId
        : { userId: c.userId, groupIds: c.groupIds, organizationId: c.organizationId };
      answer = await liveblocks.identifyUser(
        identity,
        c.userInfo === undefined ? undefined : { userInfo: c.userInfo },
      );
    }
  } catch (e) {
    failures.push(`case ${c.id}: @liveblocks/node threw ${e}`);
    continue;
  }
  const problems = [];
  if (sent === null) problems.push("@liveblocks/node sent nothing");
  else if (sent.body !== c.ours.request)
    problems.push(`body differs:\n      node: ${sent.body}\n      ours: ${c.ours.request}`);
  if (answer.status !== c.ours.status) problems.push(`status: node ${answer.status}, ours ${c.ours.status}`);
  if (answer.body !== c.ours.body) problems.push(`body: node ${JSON.stringify(answer.body)}, ours ${JSON.stringify(c.ours.body)}`);
  if (problems.length === 0) ok++;
  else failures.push(`case ${c.id} (${c.kind}):\n    ${problems.join("\n    ")}`);
}
for (const f of failures.slice(0, 20)) console.error(f);
console.log(`auth: ${ok}/${cases.length} same as @liveblocks/node`);
process.exit(failures.length === 0 && cases.length > 0 ? 0 : 1);
