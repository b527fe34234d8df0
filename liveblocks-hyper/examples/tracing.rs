//! One `tracing` span per call, printed by `tracing-subscriber` when it closes.
//!
//! ```sh
//! npx liveblocks dev --random-port --no-check \
//!     --cmd "cargo run -p liveblocks-hyper --features tracing --example tracing"
//! ```
//!
//! Each call prints a line like
//! `liveblocks.call{operation="get-room" method=GET path="/rooms/{roomId}" attempts=1 status=404}: close time.busy=.. time.idle=..`:
//! the operation, method and path template, the attempts and the last status, and its
//! duration; never the secret, a token or a body.

use liveblocks_hyper::Client;
use tracing_subscriber::fmt::format::FmtSpan;

#[tokio::main]
async fn main() -> Result<(), liveblocks_hyper::Error> {
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_span_events(FmtSpan::CLOSE)
        .init();

    let client = Client::from_env()?; // LIVEBLOCKS_SECRET_KEY, LIVEBLOCKS_BASE_URL
    let page = client.get_rooms().limit(5).await?;
    println!("{} rooms on the first page", page.data.len());
    if let Err(e) = client.get_room("no-such-room-for-tracing").await {
        println!("as expected: {e}");
    }
    Ok(())
}
