//! A small HTTP API in front of Liveblocks rooms: tokio + axum + `liveblocks-hyper`.
//!
//! ```sh
//! LIVEBLOCKS_SECRET_KEY=sk_... cargo run -p liveblocks-example-axum -- 127.0.0.1:3000
//! curl localhost:3000/rooms                     # every room, walked page by page
//! curl -X POST localhost:3000/rooms/my-room     # creates it (public, room:write)
//! curl localhost:3000/rooms/my-room             # 404 when it does not exist
//! curl -X DELETE localhost:3000/rooms/my-room
//! ```
//!
//! `LIVEBLOCKS_BASE_URL` points it at another server, e.g. the local dev server (`npx
//! liveblocks dev` sets both variables for the command it runs). One `Client` is shared by all
//! requests: it is an `Arc` over one connection pool.
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use futures::TryStreamExt;
use liveblocks_hyper::models::rooms::{Room, RoomPermission};
use liveblocks_hyper::{Client, Error};
use serde_json::json;

/// An SDK error as an HTTP answer: the API's own status when there is one, else 502.
struct ApiError(Error);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self
            .0
            .status()
            .and_then(|s| StatusCode::from_u16(s.as_u16()).ok())
            .unwrap_or(StatusCode::BAD_GATEWAY);
        let body = json!({ "error": self.0.code(), "message": self.0.to_string() });
        (status, Json(body)).into_response()
    }
}

impl From<Error> for ApiError {
    fn from(e: Error) -> Self {
        ApiError(e)
    }
}

/// What this service shows of a room.
fn room_json(room: &Room) -> serde_json::Value {
    json!({ "id": room.id, "createdAt": room.created_at.to_string(), "metadata": room.metadata })
}

async fn list_rooms(State(client): State<Client>) -> Result<Json<serde_json::Value>, ApiError> {
    // Every page, 100 rooms at a time, as one Stream of rooms.
    let rooms: Vec<Room> = client
        .get_rooms()
        .limit(100)
        .into_items()
        .try_collect()
        .await?;
    Ok(Json(
        json!({ "rooms": rooms.iter().map(room_json).collect::<Vec<_>>() }),
    ))
}

async fn get_room(
    State(client): State<Client>,
    Path(id): Path<String>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let room = client.get_room(id).await?;
    Ok(Json(room_json(&room)))
}

async fn create_room(
    State(client): State<Client>,
    Path(id): Path<String>,
) -> Result<(StatusCode, Json<serde_json::Value>), ApiError> {
    let room = client
        .create_room(id, [RoomPermission::RoomWrite])
        .metadata("createdBy", "rooms-service")
        .await?;
    Ok((StatusCode::CREATED, Json(room_json(&room))))
}

async fn delete_room(
    State(client): State<Client>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    client.delete_room(id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The service's routes over one shared client.
fn app(client: Client) -> Router {
    Router::new()
        .route("/rooms", get(list_rooms))
        .route(
            "/rooms/{id}",
            get(get_room).post(create_room).delete(delete_room),
        )
        .with_state(client)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = Client::from_env()?; // LIVEBLOCKS_SECRET_KEY, LIVEBLOCKS_BASE_URL (optional)
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:3000".to_owned());
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    // The bound address (port 0 picks a free one), for scripts that start the service.
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app(client))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
