//! A webhook endpoint: verifies what Liveblocks POSTs, then renders the new comment.
//!
//! ```sh
//! LIVEBLOCKS_WEBHOOK_SECRET=whsec_... LIVEBLOCKS_SECRET_KEY=sk_... \
//!     cargo run -p liveblocks-hyper --example webhook_server
//! # then point a Liveblocks webhook (or `tests/oracles/post-webhooks.mjs`) at
//! # http://127.0.0.1:3000/webhooks
//! ```
//!
//! It answers `401` to requests that don't verify, `200` to the others; for `commentCreated`
//! it fetches the comment and prints it as plain text and HTML, and for a thread notification
//! it prints what an e-mail would show.

use std::convert::Infallible;
use std::sync::Arc;

use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::{Request, Response, StatusCode};
use liveblocks_core::comment_body::{stringify, Format, HtmlStyles, MentionInfo, StringifyOptions};
use liveblocks_core::notification_content::{prepare_thread_notification, RoomInfo};
use liveblocks_core::webhooks::{NotificationEvent, WebhookEvent, WebhookHandler};
use liveblocks_hyper::Client;

struct App {
    webhooks: WebhookHandler,
    client: Client,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let secret = std::env::var("LIVEBLOCKS_WEBHOOK_SECRET").map_err(|_| {
        "set LIVEBLOCKS_WEBHOOK_SECRET to the endpoint's signing secret (whsec_...)"
    })?;
    let app = Arc::new(App {
        webhooks: WebhookHandler::new(&secret)?,
        client: Client::from_env()?,
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
    println!("listening on http://127.0.0.1:3000/webhooks");
    loop {
        let (stream, _) = listener.accept().await?;
        let app = app.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |req| handle(app.clone(), req));
            let io = hyper_util::rt::TokioIo::new(stream);
            if let Err(e) = hyper::server::conn::http1::Builder::new()
                .serve_connection(io, service)
                .await
            {
                eprintln!("connection error: {e}");
            }
        });
    }
}

async fn handle(
    app: Arc<App>,
    req: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let (parts, body) = req.into_parts();
    // Verify the raw bytes, before any parsing.
    let body = match body.collect().await {
        Ok(body) => body.to_bytes(),
        Err(_) => return Ok(reply(StatusCode::BAD_REQUEST, "unreadable body")),
    };
    let event = match app.webhooks.verify_now(&parts.headers, &body) {
        Ok(event) => event,
        Err(e) if e.is_unauthenticated() => {
            return Ok(reply(StatusCode::UNAUTHORIZED, &e.to_string()))
        }
        Err(e) => return Ok(reply(StatusCode::UNPROCESSABLE_ENTITY, &e.to_string())),
    };
    match &event {
        WebhookEvent::CommentCreated(data) => {
            match app
                .client
                .get_comment(&data.room_id, &data.thread_id, &data.comment_id)
                .await
            {
                Ok(comment) => {
                    if let Some(body) = comment.body {
                        println!(
                            "{} wrote: {}",
                            data.created_by,
                            stringify(&body, &StringifyOptions::new(Format::Plain))
                        );
                        println!(
                            "as HTML: {}",
                            stringify(&body, &StringifyOptions::new(Format::Html))
                        );
                    }
                }
                Err(e) => eprintln!("could not fetch the comment: {e}"),
            }
        }
        WebhookEvent::Notification(NotificationEvent::Thread(data)) => {
            let names = |ids: Vec<String>| async move {
                // Look the users up in your own database here.
                Ok::<_, Infallible>(
                    ids.into_iter()
                        .map(|id| Some(MentionInfo::named(id)))
                        .collect(),
                )
            };
            let room =
                RoomInfo::default().url(format!("https://example.com/rooms/{}", data.room_id));
            match prepare_thread_notification(
                &app.client,
                data,
                names,
                names,
                Some(&room),
                &HtmlStyles::email(),
            )
            .await
            {
                Ok(Some(content)) => println!("e-mail {} about: {content:?}", data.user_id),
                Ok(None) => println!("nothing unread for {}", data.user_id),
                Err(e) => eprintln!("could not prepare the notification: {e}"),
            }
        }
        other => println!("{} event", other.event_type()),
    }
    Ok(reply(StatusCode::OK, event.event_type()))
}

fn reply(status: StatusCode, text: &str) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(text.to_owned())));
    *response.status_mut() = status;
    response
}
