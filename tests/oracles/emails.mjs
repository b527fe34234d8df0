// Oracle: prepareThreadNotificationEmailAsHtml of @liveblocks/emails, with the Liveblocks
// client stubbed to return canned REST data (converted by @liveblocks/core as the real
// client does).
// usage: node tests/oracles/emails.mjs in.json out.json
// in:  {users, groups, cases: [{event, thread, inboxNotification, userGroups, roomInfo}]}
// out: [result | null]
import { readFileSync, writeFileSync } from "node:fs";
import { prepareThreadNotificationEmailAsHtml } from "@liveblocks/emails";
// The converters of the @liveblocks/core copy that @liveblocks/emails itself loads (loading a
// second copy is refused by Liveblocks' duplicate check).
const { convertToThreadData, convertToInboxNotificationData } = await import(
  new URL("../../node_modules/@liveblocks/emails/node_modules/@liveblocks/core/dist/index.js", import.meta.url)
);

const pkg = JSON.parse(readFileSync(new URL("../../node_modules/@liveblocks/emails/package.json", import.meta.url), "utf8"));
if (pkg.version !== "3.13.4") throw new Error(`expected @liveblocks/emails 3.13.4, found ${pkg.version}`);

const [input, output] = process.argv.slice(2);
const { users, groups, cases } = JSON.parse(readFileSync(input, "utf8"));
const lookup = (table, ids) => ids.map((id) => table[id] ?? undefined);
const results = [];
for (const c of cases) {
  const client = {
    getThread: async ({ roomId, threadId }) => {
      if (roomId !== c.thread.roomId || threadId !== c.thread.id) throw new Error("wrong thread");
      return convertToThreadData(structuredClone(c.thread));
    },
    getInboxNotification: async ({ inboxNotificationId, userId }) => {
      if (inboxNotificationId !== c.inboxNotification.id || userId !== c.event.data.userId) throw new Error("wrong notification");
      return convertToInboxNotificationData(structuredClone(c.inboxNotification));
    },
    getUserGroups: async ({ userId }) => ({ nextCursor: null, data: c.userGroups }),
  };
  const result = await prepareThreadNotificationEmailAsHtml(client, c.event, {
    resolveUsers: async ({ userIds }) => lookup(users, userIds),
    resolveGroupsInfo: async ({ groupIds }) => lookup(groups, groupIds),
    resolveRoomInfo: c.roomInfo === null ? undefined : async () => c.roomInfo,
  });
  results.push(result);
}
writeFileSync(output, JSON.stringify(results));
