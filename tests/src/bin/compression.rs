//! Measures what gzip costs and saves per page (not a test): a `get_rooms` page of 100 rooms
//! (about 40 KB of JSON) from the fault server's `rooms` route on loopback, through
//! `liveblocks-hyper` and `liveblocks-ureq`, with `Config::with_compression` on and off.
//! Loopback is the worst case for compression: bandwidth is free, so only its CPU cost shows.
//!
//!     cargo run --release -p liveblocks-tests --bin compression [-- PAGES]
//!
//! Prints, per adapter and setting: bytes per page on the wire, wall time per page, and this
//! process's CPU time per page (utime + stime from /proc/self/stat; the server runs in its own
//! process, the `fault-server` binary next to this one).

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Instant;

fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = fields.get(11).and_then(|f| f.parse().ok()).unwrap_or(0.0)
        + fields.get(12).and_then(|f| f.parse().ok()).unwrap_or(0.0);
    ticks / 100.0
}

struct KillOnDrop(std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn main() {
    let pages: u32 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(3000);
    let server = std::env::current_exe()
        .unwrap()
        .parent()
        .unwrap()
        .join("fault-server");
    let mut child = Command::new(server)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the fault-server binary is built next to this one (cargo build --release -p liveblocks-tests --bins)");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let _child = KillOnDrop(child);
    let url = line.trim().trim_start_matches("listening on ").to_owned();

    // Bytes on the wire, straight from the server.
    let sizes: Vec<(bool, usize)> = [false, true]
        .into_iter()
        .map(|gzip| {
            let agent = ureq::Agent::new_with_defaults();
            let mut request = agent.get(format!("{url}/v2/rooms"));
            if gzip {
                request = request.header("accept-encoding", "gzip");
            }
            let response = request.call().unwrap();
            let body = response
                .into_body()
                .into_with_config()
                .limit(u64::MAX)
                .read_to_vec()
                .unwrap();
            (gzip, body.len())
        })
        .collect();
    for (gzip, size) in &sizes {
        println!(
            "page on the wire, gzip {}: {size} bytes",
            if *gzip { "on " } else { "off" }
        );
    }

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    for compression in [false, true, false, true] {
        let config = liveblocks_hyper::Config::new("sk_bench")
            .unwrap()
            .with_base_url(&url)
            .unwrap()
            .with_compression(compression);
        let hyper = liveblocks_hyper::Client::from_config(config.clone()).unwrap();
        let ureq = liveblocks_ureq::Client::from_config(config).unwrap();
        let (cpu, wall) = (cpu_seconds(), Instant::now());
        runtime.block_on(async {
            for _ in 0..pages {
                let page = hyper.get_rooms().await.unwrap();
                assert_eq!(page.data.len(), 100);
            }
        });
        report("hyper", compression, pages, cpu, wall);
        let (cpu, wall) = (cpu_seconds(), Instant::now());
        for _ in 0..pages {
            let page = ureq.get_rooms().send().unwrap();
            assert_eq!(page.data.len(), 100);
        }
        report("ureq ", compression, pages, cpu, wall);
    }
}

fn report(adapter: &str, compression: bool, pages: u32, cpu: f64, wall: Instant) {
    let wall = wall.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu;
    println!(
        "{adapter} compression {}: {:.1} µs wall, {:.1} µs CPU per page ({pages} pages)",
        if compression { "on " } else { "off" },
        wall * 1e6 / f64::from(pages),
        cpu * 1e6 / f64::from(pages)
    );
}
