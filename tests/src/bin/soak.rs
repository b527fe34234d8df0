//! Soak benchmark (not a test): 100,000 `get_room` calls through `liveblocks-hyper`, 64 in
//! flight, against the fault server's `ok` route on loopback, printing the process's resident
//! memory (VmRSS, and its peak VmHWM, from `/proc/self/status`) after 10,000 and 100,000 calls.
//! Flat numbers between the two mean nothing grows per call.
//!
//!     cargo run --release -p liveblocks-tests --bin soak [-- CALLS IN_FLIGHT]
//!
//! The server runs in its own process (the `fault-server` binary next to this one, started and
//! stopped here) so that its threads don't count in the figures; without that binary it runs
//! in-process, and the figures say so.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Instant;

use liveblocks_hyper::{Client, Config};

fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .map(|l| l[name.len()..].trim().to_owned())
            .unwrap_or_else(|| "n/a".to_owned())
    };
    format!("VmRSS {}, VmHWM {}", field("VmRSS:"), field("VmHWM:"))
}

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let calls: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let in_flight: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(64);

    let sibling = std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.join("fault-server")))
        .filter(|path| path.exists());
    let (url, _child, _server, where_) = match sibling {
        Some(path) => {
            let mut child = Command::new(path)
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .spawn()
                .expect("fault-server starts");
            let mut line = String::new();
            BufReader::new(child.stdout.take().expect("piped"))
                .read_line(&mut line)
                .expect("fault-server prints its URL");
            let url = line.trim().trim_start_matches("listening on ").to_owned();
            (url, Some(KillOnDrop(child)), None, "its own process")
        }
        None => {
            let server = liveblocks_tests::faults::FaultServer::start().expect("server starts");
            (
                server.url(),
                None,
                Some(server.clone()),
                "this process (counted in the figures)",
            )
        }
    };
    let config = Config::new("sk_soak").unwrap().with_base_url(&url).unwrap();
    let client = Client::from_config(config).unwrap();
    println!("soak: {calls} calls, {in_flight} in flight, server at {url} in {where_}");
    println!("start: {}", memory());

    let next = Arc::new(AtomicU64::new(0));
    let failed = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..in_flight {
        let client = client.clone();
        let next = next.clone();
        let failed = failed.clone();
        workers.push(tokio::spawn(async move {
            loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                if n >= calls {
                    break;
                }
                if client.get_room("ok").await.is_err() {
                    failed.fetch_add(1, Ordering::Relaxed);
                }
                if n + 1 == 10_000 {
                    println!(
                        "after 10000 calls ({:.1} s): {}",
                        started.elapsed().as_secs_f64(),
                        memory()
                    );
                }
            }
        }));
    }
    for worker in workers {
        worker.await.unwrap();
    }
    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "after {calls} calls ({elapsed:.1} s, {:.0} calls/s): {}",
        calls as f64 / elapsed,
        memory()
    );
    let failed = failed.load(Ordering::Relaxed);
    println!("failed calls: {failed}");
    assert_eq!(failed, 0, "some calls failed");
}

struct KillOnDrop(std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
