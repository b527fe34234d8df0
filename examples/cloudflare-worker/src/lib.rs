//! A Cloudflare Worker in Rust (the [`worker`](https://docs.rs/worker) crate) that serves a
//! small HTTP API over Liveblocks rooms through `liveblocks-wasm`:
//!
//! | route | what it does |
//! |---|---|
//! | `GET /rooms` | every room (`{"rooms":[{"id", "metadata"}...]}`), walked page by page |
//! | `GET /rooms/:id` | one room, or the API's 404 |
//! | `POST /rooms/:id` | creates the room (everyone may write) |
//! | `DELETE /rooms/:id` | deletes it |
//!
//! The Worker reads `LIVEBLOCKS_SECRET_KEY` (a secret: `wrangler secret put
//! LIVEBLOCKS_SECRET_KEY`) and, optionally, `LIVEBLOCKS_BASE_URL` (a plain variable) from its
//! bindings. Deploy with `npx wrangler deploy` (see `wrangler.toml`, which builds with
//! `worker-build`); `scripts/test-examples.sh` builds it with `wasm-bindgen` and runs it in
//! workerd (miniflare) against the local dev server.
#![cfg(target_arch = "wasm32")]

use futures::TryStreamExt;
use liveblocks_wasm::liveblocks_core::models::rooms::{Room, RoomPermission};
use liveblocks_wasm::{Client, Config};
use worker::{event, Context, Env, Request, Response, RouteContext, Router};

/// An SDK error as a Worker answer: the API's status when it sent one, else 502.
fn error_response(e: liveblocks_wasm::Error) -> worker::Result<Response> {
    let status = e.status().map(|s| s.as_u16()).unwrap_or(502);
    let body = serde_json::json!({ "error": e.code(), "message": e.to_string() });
    Ok(Response::from_json(&body)?.with_status(status))
}

fn room_json(room: &Room) -> serde_json::Value {
    serde_json::json!({ "id": room.id, "metadata": room.metadata })
}

/// The client, from the Worker's bindings (a Worker has no process environment).
fn client(env: &Env) -> worker::Result<Client> {
    let config = Config::from_lookup(|name| {
        env.secret(name)
            .map(|s| s.to_string())
            .or_else(|_| env.var(name).map(|v| v.to_string()))
            .ok()
    })
    .map_err(|e| worker::Error::RustError(e.to_string()))?;
    Client::from_config(config).map_err(|e| worker::Error::RustError(e.to_string()))
}

fn room_id(ctx: &RouteContext<Client>) -> String {
    ctx.param("id").cloned().unwrap_or_default()
}

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> worker::Result<Response> {
    let client = client(&env)?;
    Router::with_data(client)
        .get_async("/rooms", |_req, ctx| async move {
            let rooms: Result<Vec<Room>, _> = ctx
                .data
                .get_rooms()
                .limit(100)
                .into_items()
                .try_collect()
                .await;
            match rooms {
                Ok(rooms) => Response::from_json(&serde_json::json!({
                    "rooms": rooms.iter().map(room_json).collect::<Vec<_>>()
                })),
                Err(e) => error_response(e),
            }
        })
        .get_async("/rooms/:id", |_req, ctx| async move {
            match ctx.data.get_room(room_id(&ctx)).await {
                Ok(room) => Response::from_json(&room_json(&room)),
                Err(e) => error_response(e),
            }
        })
        .post_async("/rooms/:id", |_req, ctx| async move {
            let call = ctx
                .data
                .create_room(room_id(&ctx), [RoomPermission::RoomWrite])
                .metadata("createdBy", "cloudflare-worker");
            match call.await {
                Ok(room) => Ok(Response::from_json(&room_json(&room))?.with_status(201)),
                Err(e) => error_response(e),
            }
        })
        .delete_async("/rooms/:id", |_req, ctx| async move {
            match ctx.data.delete_room(room_id(&ctx)).await {
                Ok(()) => Ok(Response::empty()?.with_status(204)),
                Err(e) => error_response(e),
            }
        })
        .run(req, env)
        .await
}
