// The Worker entry of tests/wasm-every-op, loaded into workerd by every-op.mjs: a gateway
// routing `POST /<operation-id>` (body: the operation's arguments as a JSON object) to that
// operation, with the credentials and base URL from the Worker's bindings.
import { handle, initSync } from "./liveblocks_wasm_every_op.js";
import wasmModule from "./liveblocks_wasm_every_op_bg.wasm";

initSync({ module: wasmModule });

export default {
  async fetch(request, env) {
    const operation = new URL(request.url).pathname.slice(1);
    try {
      const body = await handle(
        env.LIVEBLOCKS_SECRET_KEY,
        env.LIVEBLOCKS_MANAGEMENT_TOKEN,
        env.LIVEBLOCKS_BASE_URL,
        operation,
        await request.text(),
      );
      return new Response(body);
    } catch (error) {
      // The wasm side starts its messages with the HTTP status to answer.
      const message = error instanceof Error ? error.message : String(error);
      const status = Number(message.slice(0, 3));
      return new Response(message, { status: status >= 400 && status < 600 ? status : 500 });
    }
  },
};
