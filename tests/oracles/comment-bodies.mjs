// Oracle: stringifyCommentBody and getMentionsFromCommentBody of @liveblocks/node.
// usage: node tests/oracles/comment-bodies.mjs in.json out.json
// in:  {users: {id: info|null}, groups: {id: info|null}, bodies: [body...]}
// out: [{plain, markdown, html, mentions, userCalls, groupCalls}]
import { readFileSync, writeFileSync } from "node:fs";
import { stringifyCommentBody, getMentionsFromCommentBody } from "@liveblocks/node";

const pkg = JSON.parse(readFileSync(new URL("../../node_modules/@liveblocks/node/package.json", import.meta.url), "utf8"));
if (pkg.version !== "3.24.2") throw new Error(`expected @liveblocks/node 3.24.2, found ${pkg.version}`);

const [input, output] = process.argv.slice(2);
const { users, groups, bodies } = JSON.parse(readFileSync(input, "utf8"));
const lookup = (table, ids) => ids.map((id) => table[id] ?? undefined);

const results = [];
for (const body of bodies) {
  const calls = { users: [], groups: [] };
  const options = {
    resolveUsers: async ({ userIds }) => (calls.users.push(userIds), lookup(users, userIds)),
    resolveGroupsInfo: async ({ groupIds }) => (calls.groups.push(groupIds), lookup(groups, groupIds)),
  };
  results.push({
    plain: await stringifyCommentBody(body, { ...options, format: "plain" }),
    markdown: await stringifyCommentBody(body, { ...options, format: "markdown" }),
    html: await stringifyCommentBody(body, { ...options, format: "html" }),
    custom: await stringifyCommentBody(body, { format: "html", separator: "<br>" }),
    mentions: getMentionsFromCommentBody(body),
    userCalls: calls.users.slice(0, 1),
    groupCalls: calls.groups.slice(0, 1),
  });
}
writeFileSync(output, JSON.stringify(results));
