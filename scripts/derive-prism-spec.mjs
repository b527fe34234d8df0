// Writes a copy of the OpenAPI spec that Prism can serve at the URLs the SDK calls.
//
// The official spec's server URL ends in `/v2` and its path keys don't carry that prefix, but
// Prism serves path keys as they are. The copy moves the prefix into every path key and
// points `servers` at the bare origin, so `GET /v2/rooms/{roomId}` is a mocked route.
//
// Usage: node scripts/derive-prism-spec.mjs <input spec> <output file>
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: node scripts/derive-prism-spec.mjs <input spec> <output file>");
  process.exit(2);
}

const spec = JSON.parse(readFileSync(input, "utf8"));
const prefix = "/v2";
const paths = {};
for (const [path, item] of Object.entries(spec.paths ?? {})) {
  if (path.startsWith(prefix + "/")) {
    console.error(`path ${path} already carries the ${prefix} prefix`);
    process.exit(1);
  }
  paths[prefix + path] = item;
}
spec.paths = paths;
spec.servers = [{ url: "http://127.0.0.1" }];

mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, JSON.stringify(spec, null, 2));
console.log(`${output}: ${Object.keys(paths).length} paths under ${prefix}`);
