//! A blocking command-line tool for Liveblocks rooms: clap + `liveblocks-ureq`, no async
//! runtime.
//!
//! ```sh
//! export LIVEBLOCKS_SECRET_KEY=sk_...
//! cargo run -p liveblocks-example-cli -- list --limit 20
//! cargo run -p liveblocks-example-cli -- create my-room --metadata color=blue
//! cargo run -p liveblocks-example-cli -- get my-room
//! cargo run -p liveblocks-example-cli -- delete my-room
//! ```
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use liveblocks_ureq::models::rooms::RoomPermission;
use liveblocks_ureq::{Client, Config, Error};

/// Lists, reads, creates and deletes Liveblocks rooms.
#[derive(Parser)]
#[command(name = "rooms", version)]
struct Cli {
    /// The secret key.
    #[arg(long, env = "LIVEBLOCKS_SECRET_KEY", hide_env_values = true)]
    secret: String,
    /// The API's base URL (the local dev server sets it).
    #[arg(long, env = "LIVEBLOCKS_BASE_URL")]
    base_url: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lists rooms, walking every page.
    List {
        /// Stop after this many rooms.
        #[arg(long)]
        limit: Option<usize>,
    },
    /// Shows one room.
    Get { id: String },
    /// Creates a room that everyone may write to.
    Create {
        id: String,
        /// KEY=VALUE metadata, repeatable.
        #[arg(long, value_parser = parse_pair)]
        metadata: Vec<(String, String)>,
    },
    /// Deletes a room.
    Delete { id: String },
}

fn parse_pair(s: &str) -> Result<(String, String), String> {
    s.split_once('=')
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .ok_or_else(|| format!("expected KEY=VALUE, got {s:?}"))
}

fn run(cli: Cli) -> Result<(), Error> {
    let mut config = Config::new(cli.secret)?;
    if let Some(url) = cli.base_url {
        config = config.with_base_url(url)?;
    }
    let client = Client::from_config(config)?;
    match cli.command {
        Command::List { limit } => {
            // An Iterator over every room, fetching pages as it goes.
            let rooms = client.get_rooms().limit(100).into_items();
            for room in rooms.take(limit.unwrap_or(usize::MAX)) {
                let room = room?;
                println!("{}\t{}\t{:?}", room.id, room.created_at, room.metadata);
            }
        }
        Command::Get { id } => {
            let room = client.get_room(id).send()?;
            println!("id:        {}", room.id);
            println!("created:   {}", room.created_at);
            println!("accesses:  {:?}", room.default_accesses);
            println!("metadata:  {:?}", room.metadata);
        }
        Command::Create { id, metadata } => {
            let mut call = client.create_room(id, [RoomPermission::RoomWrite]);
            for (key, value) in metadata {
                call = call.metadata(key, value);
            }
            let room = call.send()?;
            println!("created {}", room.id);
        }
        Command::Delete { id } => {
            client.delete_room(&id).send()?;
            println!("deleted {id}");
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.is_not_found() => {
            eprintln!("not found: {e}");
            ExitCode::from(4)
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
