// Oracle: prepareTextMentionNotificationEmailAsHtml (and ...AsReact, for the nodes) of
// @liveblocks/emails, with the Liveblocks client stubbed to return canned rooms, inbox
// notifications and Yjs documents. The documents are built here with the `yjs` package as
// the editors store them: Lexical (@lexical/yjs: the root and element nodes are Y.XmlText,
// text nodes a Y.Map followed by their text, decorators Y.XmlElement) and Tiptap
// (y-prosemirror: a Y.XmlFragment of Y.XmlElement named after the node, Y.XmlText whose
// formatting attributes are the marks).
// usage: node tests/oracles/emails-mentions.mjs in.json out.json
// in:  {users, groups, cases: [{event, room, inboxNotification, doc, roomInfo}]}
//      doc: {editor: "lexical"|"tiptap", key, gc, nodes: [spec]} | {raw: [bytes]}
// out: [{update: base64, html: result | null | {error}, nodes: [node] | null}]
import { readFileSync, writeFileSync } from "node:fs";
import * as Y from "yjs";
import {
  prepareTextMentionNotificationEmailAsHtml,
  prepareTextMentionNotificationEmailAsReact,
} from "@liveblocks/emails";
const { convertToInboxNotificationData } = await import(
  new URL("../../node_modules/@liveblocks/emails/node_modules/@liveblocks/core/dist/index.js", import.meta.url)
);

const pkg = JSON.parse(readFileSync(new URL("../../node_modules/@liveblocks/emails/package.json", import.meta.url), "utf8"));
if (pkg.version !== "3.13.4") throw new Error(`expected @liveblocks/emails 3.13.4, found ${pkg.version}`);

// Lexical: `parent` is a Y.XmlText; specs are
//   {x: "el", attrs, children}   an element node (nested Y.XmlText)
//   {x: "map", attrs, parts}     a text node or line break (Y.Map, then its text in parts)
//   {x: "dec", attrs}            a decorator node (Y.XmlElement)
//   {x: "str", text}             a stray string
// any with `deleted: true` is removed again right after being added.
function lexical(parent, spec) {
  const start = parent.length;
  if (spec.x === "el") {
    const t = new Y.XmlText();
    parent.insertEmbed(start, t);
    for (const [k, v] of Object.entries(spec.attrs)) t.setAttribute(k, v);
    for (const child of spec.children) lexical(t, child);
  } else if (spec.x === "map") {
    const m = new Y.Map();
    parent.insertEmbed(start, m);
    for (const [k, v] of Object.entries(spec.attrs)) m.set(k, v);
    for (const part of spec.parts) parent.insert(parent.length, part);
  } else if (spec.x === "dec") {
    const e = new Y.XmlElement();
    parent.insertEmbed(start, e);
    for (const [k, v] of Object.entries(spec.attrs)) e.setAttribute(k, v);
  } else if (spec.x === "str") {
    parent.insert(start, spec.text);
  }
  if (spec.deleted) parent.delete(start, parent.length - start);
}

// Tiptap: `parent` is a Y.XmlFragment or Y.XmlElement; specs are
//   {x: "el", name, attrs, children}   a node (Y.XmlElement)
//   {x: "text", chunks: [{text, marks}]} text (Y.XmlText; marks are formatting attributes)
function tiptap(parent, spec) {
  const start = parent.length;
  if (spec.x === "el") {
    const e = new Y.XmlElement(spec.name);
    parent.insert(start, [e]);
    for (const [k, v] of Object.entries(spec.attrs)) e.setAttribute(k, v);
    for (const child of spec.children) tiptap(e, child);
  } else if (spec.x === "text") {
    const t = new Y.XmlText();
    parent.insert(start, [t]);
    for (const { text, marks } of spec.chunks) t.insert(t.length, text, { ...marks });
    if (spec.cut) t.delete(spec.cut[0], spec.cut[1]);
  }
  if (spec.deleted) parent.delete(start, 1);
}

function build(spec) {
  if (spec.raw) return new Uint8Array(spec.raw);
  const doc = new Y.Doc({ gc: spec.gc });
  doc.transact(() => {
    if (spec.editor === "lexical") {
      const root = doc.get(spec.key, Y.XmlText);
      for (const node of spec.nodes) lexical(root, node);
    } else {
      const root = doc.getXmlFragment(spec.key);
      for (const node of spec.nodes) tiptap(root, node);
    }
  });
  return Y.encodeStateAsUpdate(doc);
}

const [input, output] = process.argv.slice(2);
const { users, groups, cases } = JSON.parse(readFileSync(input, "utf8"));
const lookup = (table, ids) => ids.map((id) => table[id] ?? undefined);
const results = [];
const quiet = console.warn;
console.warn = () => {}; // "Inbox notification is not of kind...", missing resolvers
for (const c of cases) {
  const update = build(c.doc);
  const client = {
    getRoom: async (roomId) => {
      if (roomId !== c.room.id) throw new Error("wrong room");
      return { ...structuredClone(c.room), createdAt: new Date(c.room.createdAt) };
    },
    getInboxNotification: async ({ inboxNotificationId, userId }) => {
      if (inboxNotificationId !== c.inboxNotification.id || userId !== c.event.data.userId) throw new Error("wrong notification");
      return convertToInboxNotificationData(structuredClone(c.inboxNotification));
    },
    getYjsDocumentAsBinaryUpdate: async (roomId) => {
      if (roomId !== c.room.id) throw new Error("wrong room");
      return update.buffer.slice(update.byteOffset, update.byteOffset + update.byteLength);
    },
  };
  const options = {
    resolveUsers: async ({ userIds }) => lookup(users, userIds),
    resolveGroupsInfo: async ({ groupIds }) => lookup(groups, groupIds),
    resolveRoomInfo: c.roomInfo === null ? undefined : async () => c.roomInfo,
  };
  let html;
  let nodes = null;
  try {
    html = await prepareTextMentionNotificationEmailAsHtml(client, c.event, options);
    const react = await prepareTextMentionNotificationEmailAsReact(client, c.event, options);
    if (react !== null) {
      const children = react.mention.content.props.children;
      nodes = children.map((child) => child.props.element);
      const { content: _a, ...a } = react.mention;
      const { content: _b, ...b } = html.mention;
      if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error("AsReact and AsHtml disagree");
    }
  } catch (e) {
    html = { error: String(e) };
  }
  results.push({ update: Buffer.from(update).toString("base64"), html, nodes });
}
console.warn = quiet;
writeFileSync(output, JSON.stringify(results));
