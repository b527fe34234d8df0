// The other Yjs client of the `edit_yjs` live tests: the npm `yjs` package, over the REST API.
//
//   node tests/oracles/yjs_concurrent.mjs edit <room>   fetch the room's document, prepend
//       "[node] " to the text "text", set "node" => "yes" in the map "map", and send only that
//       change as one update (Y.encodeStateAsUpdate against the state vector read);
//   node tests/oracles/yjs_concurrent.mjs read <room>   print the document as JSON:
//       {"text": <string>, "map": <object>}.
//
// Reads LIVEBLOCKS_BASE_URL and LIVEBLOCKS_SECRET_KEY (`liveblocks dev --cmd` sets them).
import * as Y from "yjs";

const [command, room] = process.argv.slice(2);
const base = process.env.LIVEBLOCKS_BASE_URL;
const secret = process.env.LIVEBLOCKS_SECRET_KEY;
if (!base || !secret || !room || !["edit", "read"].includes(command)) {
  console.error("usage: LIVEBLOCKS_BASE_URL=... LIVEBLOCKS_SECRET_KEY=... yjs_concurrent.mjs edit|read <room>");
  process.exit(2);
}
const url = `${base.replace(/\/$/, "")}/v2/rooms/${encodeURIComponent(room)}`;
const headers = { Authorization: `Bearer ${secret}` };

async function load() {
  const response = await fetch(`${url}/ydoc-binary`, { headers });
  if (!response.ok) throw new Error(`GET ydoc-binary: ${response.status} ${await response.text()}`);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(await response.arrayBuffer()));
  return doc;
}

const doc = await load();
if (command === "edit") {
  const before = Y.encodeStateVector(doc);
  doc.transact(() => {
    doc.getText("text").insert(0, "[node] ");
    doc.getMap("map").set("node", "yes");
  });
  const update = Y.encodeStateAsUpdate(doc, before);
  const response = await fetch(`${url}/ydoc`, {
    method: "PUT",
    headers: { ...headers, "Content-Type": "application/octet-stream" },
    body: update,
  });
  if (!response.ok) throw new Error(`PUT ydoc: ${response.status} ${await response.text()}`);
  console.log(JSON.stringify({ sent: update.length }));
} else {
  console.log(JSON.stringify({ text: doc.getText("text").toString(), map: doc.getMap("map").toJSON() }));
}
