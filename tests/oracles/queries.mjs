// Oracle for liveblocks_core::query: parses every query our builders wrote with the official
// parser (@liveblocks/query-parser) and checks the tree is the intended one; where
// @liveblocks/node can express the same criteria as an object, calls its getRooms /
// getThreads / getInboxNotifications with a stubbed fetch and compares the `query` it sends.
//
//   node tests/oracles/queries.mjs CASES.jsonl
//
// Each line of CASES.jsonl: {id, lang, query, url?, tree, node?: {criteria}, nodeExpect?}.
// `tree` is the intended AST without source ranges; the top-level AND is compared as a
// multiset (its order is free), everything below it exactly. `url`, when present, is the
// request our endpoint built: the query read back from it must be `query`. `nodeExpect` is
// "same" (Node must send exactly `query`) or "differs" (a documented difference: Node must
// then throw, or send a query the parser rejects or reads as another tree).
// Prints `queries: N/N parsed as intended`; exits non-zero on any failure.

import { readFileSync } from "node:fs";
import { QueryParser } from "@liveblocks/query-parser";
import { Liveblocks } from "@liveblocks/node";

const CONFIGS = {
  rooms: { fields: { roomId: "string" }, indexableFields: { metadata: "string" } },
  threads: {
    fields: { resolved: "boolean", visibility: "token" },
    indexableFields: { metadata: "mixed" },
    allowNull: true,
  },
  notifications: { fields: { unread: "boolean" } },
  generic: {
    fields: { id: "token", name: "string", age: "numeric", done: "boolean", roomId: "string" },
    indexableFields: { metadata: "mixed", meta: "mixed" },
    allowOr: true,
    allowNot: true,
    allowNull: true,
  },
};
const parsers = Object.fromEntries(
  Object.entries(CONFIGS).map(([name, config]) => [name, new QueryParser(config)]),
);

function stripRanges(node) {
  if (Array.isArray(node)) return node.map(stripRanges);
  if (node !== null && typeof node === "object") {
    const out = {};
    for (const [k, v] of Object.entries(node)) if (k !== "range") out[k] = stripRanges(v);
    return out;
  }
  return node;
}

function equal(a, b) {
  if (typeof a === "number" && typeof b === "number") return a === b; // -0 === 0
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (a && b && typeof a === "object" && typeof b === "object") {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return equal(ka, kb) && ka.every((k) => equal(a[k], b[k]));
  }
  return a === b;
}

function sameQueryTree(parsed, intended) {
  if (parsed._kind !== "Query" || intended._kind !== "Query") return equal(parsed, intended);
  if (parsed.allOf.length !== intended.allOf.length) return false;
  const left = [...intended.allOf];
  for (const group of parsed.allOf) {
    const i = left.findIndex((g) => equal(g, group));
    if (i < 0) return false;
    left.splice(i, 1);
  }
  return true;
}

function parse(lang, text) {
  try {
    return { tree: stripRanges(parsers[lang].parse(text).query) };
  } catch (e) {
    return { error: String(e && e.message ? e.message : e).split("\n")[0] };
  }
}

// {"$entries": [[k, v], ...]} -> an object built in that insertion order, recursively.
function revive(value) {
  if (value && typeof value === "object" && !Array.isArray(value) && "$entries" in value)
    return Object.fromEntries(value.$entries.map(([k, v]) => [k, revive(v)]));
  return value;
}

let captured = null;
globalThis.fetch = async (url) => {
  captured = new URL(String(url)).searchParams.get("query");
  return new Response(JSON.stringify({ data: [], nextCursor: null }), {
    status: 200,
    headers: { "content-type": "application/json" },
  });
};
const liveblocks = new Liveblocks({ secret: "sk_test_oracle" });

async function nodeQuery(lang, criteria) {
  captured = null;
  const query = revive(criteria);
  try {
    if (lang === "rooms") await liveblocks.getRooms({ query });
    else if (lang === "threads") await liveblocks.getThreads({ roomId: "r", query });
    else if (lang === "notifications")
      await liveblocks.getInboxNotifications({ userId: "u", query });
    else throw new Error(`no Node call for ${lang}`);
  } catch (e) {
    if (captured === null) return { threw: String(e && e.message ? e.message : e) };
    throw e;
  }
  return { query: captured };
}

const file = process.argv[2];
if (!file) {
  console.error("usage: node tests/oracles/queries.mjs CASES.jsonl");
  process.exit(2);
}
const cases = readFileSync(file, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line));

let ok = 0;
let nodeSame = 0;
let nodeDiffers = 0;
const failures = [];
for (const c of cases) {
  const problems = [];
  if (c.url !== undefined) {
    const sent = new URL(c.url).searchParams.get("query");
    if (sent !== c.query) problems.push(`URL carries ${JSON.stringify(sent)}`);
  }
  const parsed = parse(c.lang, c.query);
  if (parsed.error) problems.push(`parser rejects it: ${parsed.error}`);
  else if (!sameQueryTree(parsed.tree, c.tree))
    problems.push(`parsed as ${JSON.stringify(parsed.tree)}, intended ${JSON.stringify(c.tree)}`);
  if (c.node !== undefined) {
    const node = await nodeQuery(c.lang, c.node);
    if (c.nodeExpect === "same") {
      if (node.query !== c.query)
        problems.push(`@liveblocks/node sends ${JSON.stringify(node.query ?? node.threw)}`);
      else nodeSame++;
    } else {
      const nodeParsed = node.query === undefined ? null : parse(c.lang, node.query);
      const nodeRight = nodeParsed && !nodeParsed.error && sameQueryTree(nodeParsed.tree, c.tree);
      if (nodeRight)
        problems.push(`expected @liveblocks/node to differ, but it sends a right query: ${JSON.stringify(node.query)}`);
      else nodeDiffers++;
    }
  }
  if (problems.length === 0) ok++;
  else failures.push(`case ${c.id} (${c.lang}) ${JSON.stringify(c.query)}:\n    ${problems.join("\n    ")}`);
}

for (const f of failures.slice(0, 20)) console.error(f);
if (failures.length > 20) console.error(`... and ${failures.length - 20} more failures`);
console.log(
  `node: ${nodeSame} cases sent the same query, ${nodeDiffers} differ as documented (Node throws or sends a wrong query)`,
);
console.log(`queries: ${ok}/${cases.length} parsed as intended`);
process.exit(failures.length === 0 && cases.length > 0 ? 0 : 1);
