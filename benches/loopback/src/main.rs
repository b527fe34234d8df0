//! Loopback benchmark: liveblocks-hyper and liveblocks-ureq against a canned local server,
//! beside bare hyper and bare ureq clients and a raw keep-alive HTTP/1.1 loop ("wrk"), in
//! interleaved rounds, printed as ratios to the raw loop of the same round.
//!
//! ```sh
//! cargo run --release -p liveblocks-bench-loopback -- [--rounds 5] [--secs 1.0] [--soak 100000]
//! ```
//!
//! The server (hyper, HTTP/1.1, one thread) answers `GET /v2/rooms/{id}` with one room and
//! `GET /v2/rooms` with a page of 100 rooms (the fixtures of `liveblocks-core/benches`).
//! Every client runs in its own process (this binary, `client ...`) so its CPU time and peak
//! RSS are its own. Ratios are requests per second over the raw loop's: `wrk-1` for the
//! sequential clients, `wrk-16` (16 raw loops on one event-loop thread, as `wrk -t1 -c16`)
//! for the 16-in-flight ones.
//!
//! The server's thread and the sequential clients share one CPU, so a ratio compares the
//! whole CPU cost of a request (client and server) and other load on the machine weighs on
//! both sides alike; the 16-in-flight clients run on a second CPU (`--cpus A,B`, default
//! the first two this process may use; with only one, everything runs on it).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::Command;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};

const ROOM: &[u8] = include_bytes!("../../../liveblocks-core/benches/fixtures/room.json");
const ROOMS_100: &[u8] = include_bytes!("../../../liveblocks-core/benches/fixtures/rooms-100.json");
const SECRET: &str = "sk_test_bench_0123456789";

/// The clients, in the order of the table.
const CLIENTS: &[(&str, &str)] = &[
    ("wrk-1", "raw keep-alive loop, 1 connection"),
    ("hyper-ct", "liveblocks-hyper, current-thread runtime"),
    ("hyper-mt", "liveblocks-hyper, multi-thread runtime"),
    ("bare-hyper-ct", "hyper-util client, current-thread runtime"),
    ("bare-hyper-mt", "hyper-util client, multi-thread runtime"),
    ("ureq", "liveblocks-ureq (60 s timeout, the default)"),
    ("bare-ureq", "ureq agent, no timeout"),
    (
        "typed-1",
        "wrk-1, then the typed decode of each answer: the ceiling of a typed client",
    ),
    (
        "wrk-16",
        "16 raw keep-alive loops, one event-loop thread (wrk -t1 -c16)",
    ),
    (
        "typed-16",
        "wrk-16, then the typed decode of each answer: the same ceiling",
    ),
    ("hyper-16", "liveblocks-hyper, multi-thread, 16 tasks"),
    ("bare-hyper-16", "hyper-util client, multi-thread, 16 tasks"),
    ("ureq-16", "liveblocks-ureq, 16 threads, one client"),
];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        // One client process (the rounds below start these).
        Some("client") => return client_main(&args[2..]),
        // Only the server, for profiling a client by hand:
        // `loopback serve` then `loopback client hyper-ct get_room URL SECS 0`.
        Some("serve") => {
            println!("http://{}", start_server(None));
            loop {
                std::thread::park();
            }
        }
        _ => {}
    }
    let mut rounds = 3usize;
    let mut secs = 1.0f64;
    let mut soak = 0u64;
    let mut only: Option<Vec<String>> = None;
    // The first two CPUs this process may use (a container's may not start at 0).
    let allowed = allowed_cpus();
    let mut cpus = (allowed[0], *allowed.get(1).unwrap_or(&allowed[0]));
    // Other builds of this binary whose liveblocks clients run beside these: `LABEL=PATH`.
    let mut compare: Vec<(String, String)> = Vec::new();
    let mut it = args[1..].iter();
    while let Some(arg) = it.next() {
        let mut value = || it.next().expect("a value after the flag").clone();
        match arg.as_str() {
            "--rounds" => rounds = value().parse().expect("--rounds N"),
            "--secs" => secs = value().parse().expect("--secs S"),
            "--soak" => soak = value().parse().expect("--soak CALLS"),
            "--only" => only = Some(value().split(',').map(str::to_owned).collect()),
            "--cpus" => {
                let v = value();
                let (a, b) = v.split_once(',').expect("--cpus A,B");
                cpus = (
                    a.parse().expect("--cpus A,B"),
                    b.parse().expect("--cpus A,B"),
                );
            }
            "--compare" => {
                let v = value();
                let (label, path) = v.split_once('=').expect("--compare LABEL=PATH");
                compare.push((label.to_owned(), path.to_owned()));
            }
            other => panic!(
                "unknown argument {other} \
                 (--rounds N --secs S --soak CALLS --only a,b --cpus A,B --compare LABEL=PATH)"
            ),
        }
    }
    let addr = start_server(Some(cpus.0));
    let url = format!("http://{addr}");
    println!(
        "canned server on {url} (CPU {}); {rounds} rounds of {secs} s per client and operation; \
         sequential clients on CPU {}, 16 in flight on CPU {}",
        cpus.0, cpus.0, cpus.1
    );

    let mut clients: Vec<String> = CLIENTS
        .iter()
        .map(|(name, _)| (*name).to_owned())
        .filter(|name| {
            name.starts_with("wrk") || only.as_ref().is_none_or(|o| o.iter().any(|x| x == name))
        })
        .collect();
    for (label, _) in &compare {
        let theirs: Vec<String> = clients
            .iter()
            .filter(|c| (c.starts_with("hyper") || c.starts_with("ureq")) && !c.contains('@'))
            .map(|c| format!("{c}@{label}"))
            .collect();
        clients.extend(theirs);
    }
    let binary = |client: &str| -> String {
        match client.split_once('@') {
            Some((_, label)) => compare.iter().find(|(l, _)| l == label).unwrap().1.clone(),
            None => std::env::current_exe().unwrap().display().to_string(),
        }
    };
    let ops = ["get_room", "get_rooms"];
    // results[op][client] = one Sample per round
    let mut results = vec![vec![Vec::<Sample>::new(); clients.len()]; ops.len()];
    for round in 0..rounds {
        for (o, op) in ops.iter().enumerate() {
            // Interleaved: each round visits every client, in an order that rotates.
            for k in 0..clients.len() {
                let c = (k + round) % clients.len();
                let cpu = if clients[c].contains("-16") {
                    cpus.1
                } else {
                    cpus.0
                };
                // The client process inherits this thread's CPU (builds given with --compare
                // too, which know nothing of pinning).
                pin_to(cpu);
                let sample = run_client(&binary(&clients[c]), &clients[c], op, &url, secs);
                results[o][c].push(sample);
            }
        }
        eprintln!("round {} of {rounds} done", round + 1);
    }

    println!();
    println!("| client | op | ratio (median) | req/s (median) | client CPU µs/req | peak RSS MB |");
    println!("|---|---|---:|---:|---:|---:|");
    for (o, op) in ops.iter().enumerate() {
        for (c, client) in clients.iter().enumerate() {
            let base = if client.contains("-16") {
                "wrk-16"
            } else {
                "wrk-1"
            };
            let Some(b) = clients.iter().position(|x| x == base) else {
                continue;
            };
            let ratios: Vec<f64> = results[o][c]
                .iter()
                .zip(&results[o][b])
                .map(|(s, w)| s.rate() / w.rate())
                .collect();
            let samples = &results[o][c];
            println!(
                "| {client} | {op} | {:.2} x {base} | {:.0} | {:.1} | {:.1} |",
                median(ratios),
                median(samples.iter().map(Sample::rate).collect()),
                median(samples.iter().map(Sample::cpu_per_req).collect()),
                samples.iter().map(|s| s.max_rss_kb).max().unwrap_or(0) as f64 / 1024.0,
            );
        }
    }
    println!();
    for (name, what) in CLIENTS {
        println!("  {name:14} {what}");
    }

    if soak > 0 {
        for client in ["hyper-ct", "ureq"] {
            println!();
            println!("soak: {soak} get_room calls with {client}; RSS every 10%:");
            let output = Command::new(std::env::current_exe().unwrap())
                .args(["client", client, "get_room", &url, "0", &soak.to_string()])
                .output()
                .expect("run the soak client");
            print!("{}", String::from_utf8_lossy(&output.stdout));
        }
    }
}

#[derive(Clone, Debug)]
struct Sample {
    requests: u64,
    secs: f64,
    cpu_us: f64,
    max_rss_kb: u64,
}

impl Sample {
    fn rate(&self) -> f64 {
        self.requests as f64 / self.secs
    }
    fn cpu_per_req(&self) -> f64 {
        self.cpu_us / self.requests as f64
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(|a, b| a.total_cmp(b));
    if values.is_empty() {
        return f64::NAN;
    }
    values[values.len() / 2]
}

fn run_client(binary: &str, client: &str, op: &str, url: &str, secs: f64) -> Sample {
    let name = client.split('@').next().unwrap_or(client);
    let output = Command::new(binary)
        .args(["client", name, op, url, &secs.to_string(), "0"])
        .output()
        .expect("run a client process");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout.lines().last().unwrap_or_default();
    let fields: Vec<&str> = line.split_whitespace().collect();
    assert!(
        output.status.success() && fields.len() == 4,
        "client {client} {op} failed: {stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    Sample {
        requests: fields[0].parse().unwrap(),
        secs: fields[1].parse().unwrap(),
        cpu_us: fields[2].parse().unwrap(),
        max_rss_kb: fields[3].parse().unwrap(),
    }
}

// --- the canned server -------------------------------------------------------------------

fn start_server(cpu: Option<usize>) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    listener.set_nonblocking(true).unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        if let Some(cpu) = cpu {
            pin_to(cpu);
        }
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let _ = stream.set_nodelay(true);
                tokio::spawn(async move {
                    let service = hyper::service::service_fn(
                        |request: http::Request<hyper::body::Incoming>| async move {
                            let body = if request.uri().path() == "/v2/rooms" {
                                ROOMS_100
                            } else {
                                ROOM
                            };
                            Ok::<_, std::convert::Infallible>(
                                http::Response::builder()
                                    .header("content-type", "application/json")
                                    .body(Full::new(Bytes::from_static(body)))
                                    .unwrap(),
                            )
                        },
                    );
                    let io = hyper_util::rt::TokioIo::new(stream);
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(io, service)
                        .await;
                });
            }
        });
    });
    addr
}

// --- the clients ---------------------------------------------------------------------------

fn client_main(args: &[String]) {
    let [client, op, url, secs, soak] = args else {
        panic!("client NAME OP URL SECS SOAK")
    };
    let secs: f64 = secs.parse().unwrap();
    let soak: u64 = soak.parse().unwrap();
    let path = if op == "get_rooms" {
        "/v2/rooms?limit=100"
    } else {
        "/v2/rooms/liveblocks%3Aengineering-0000"
    };
    let plan = Plan {
        url: url.clone(),
        op: op.clone(),
        path: path.to_owned(),
        secs,
        soak,
    };
    let requests = match client.as_str() {
        "wrk-1" => raw(&plan, 1, false),
        "wrk-16" => raw_event_loop(&plan, 16, false),
        "typed-1" => raw(&plan, 1, true),
        "typed-16" => raw_event_loop(&plan, 16, true),
        "hyper-ct" => hyper_client(&plan, false, 1),
        "hyper-mt" => hyper_client(&plan, true, 1),
        "hyper-16" => hyper_client(&plan, true, 16),
        "bare-hyper-ct" => bare_hyper(&plan, false, 1),
        "bare-hyper-mt" => bare_hyper(&plan, true, 1),
        "bare-hyper-16" => bare_hyper(&plan, true, 16),
        "ureq" => ureq_client(&plan, 1),
        "ureq-16" => ureq_client(&plan, 16),
        "bare-ureq" => bare_ureq(&plan),
        other => panic!("unknown client {other}"),
    };
    let (cpu_us, max_rss_kb) = usage();
    println!("{} {} {cpu_us} {max_rss_kb}", requests.0, requests.1);
}

struct Plan {
    url: String,
    op: String,
    path: String,
    secs: f64,
    soak: u64,
}

impl Plan {
    /// Runs `one` until the time is up (after a warm-up), or `soak` times; returns the count
    /// and the seconds measured.
    fn run(&self, mut one: impl FnMut()) -> (u64, f64) {
        if self.soak > 0 {
            return self.soak_run(one);
        }
        for _ in 0..50 {
            one();
        }
        let started = Instant::now();
        let until = Duration::from_secs_f64(self.secs);
        let mut n = 0u64;
        while started.elapsed() < until {
            for _ in 0..16 {
                one();
            }
            n += 16;
        }
        (n, started.elapsed().as_secs_f64())
    }

    fn soak_run(&self, mut one: impl FnMut()) -> (u64, f64) {
        let started = Instant::now();
        let step = (self.soak / 10).max(1);
        for i in 1..=self.soak {
            one();
            if i % step == 0 {
                println!("  {i:>8} calls: RSS {:.1} MB", rss_kb() as f64 / 1024.0);
            }
        }
        (self.soak, started.elapsed().as_secs_f64())
    }
}

/// Runs `threads` copies of a blocking loop for the plan's time; total count and seconds.
fn threaded(
    plan: &Plan,
    threads: usize,
    make: impl Fn() -> Box<dyn FnMut() + Send> + Sync,
) -> (u64, f64) {
    if threads == 1 {
        let mut one = make();
        return plan.run(&mut *one);
    }
    let stop = AtomicBool::new(false);
    let total = AtomicU64::new(0);
    let started = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let mut one = make();
            let (stop, total) = (&stop, &total);
            scope.spawn(move || {
                for _ in 0..20 {
                    one();
                }
                let mut n = 0;
                while !stop.load(Ordering::Relaxed) {
                    one();
                    n += 1;
                }
                total.fetch_add(n, Ordering::Relaxed);
            });
        }
        std::thread::sleep(Duration::from_secs_f64(plan.secs));
        stop.store(true, Ordering::Relaxed);
    });
    (
        total.load(Ordering::Relaxed),
        started.elapsed().as_secs_f64(),
    )
}

/// The "wrk" baseline: a raw keep-alive HTTP/1.1 loop over a TcpStream, reading the
/// headers and `Content-Length` bytes of body, parsing nothing else.
fn raw(plan: &Plan, threads: usize, typed: bool) -> (u64, f64) {
    let host = plan.url.trim_start_matches("http://").to_owned();
    let request = format!(
        "GET {} HTTP/1.1\r\nhost: {host}\r\nauthorization: Bearer {SECRET}\r\nuser-agent: wrk\r\n\r\n",
        plan.path
    );
    threaded(plan, threads, || {
        let stream = TcpStream::connect(&host).expect("connect");
        stream.set_nodelay(true).unwrap();
        let mut reader = BufReader::with_capacity(64 * 1024, stream.try_clone().unwrap());
        let mut writer = stream;
        let request = request.clone().into_bytes();
        let mut line = String::new();
        let mut body = Vec::new();
        let op = plan.op.clone();
        Box::new(move || {
            writer.write_all(&request).unwrap();
            let mut length = 0usize;
            loop {
                line.clear();
                reader.read_line(&mut line).unwrap();
                if line == "\r\n" {
                    break;
                }
                if let Some(value) = line.strip_prefix("content-length: ") {
                    length = value.trim().parse().unwrap();
                }
            }
            body.resize(length, 0);
            reader.read_exact(&mut body).unwrap();
            if typed {
                decode(&op, &body);
            }
        })
    })
}

/// The typed decode a liveblocks client makes of the answer to `op`, from the body's bytes.
fn decode(op: &str, body: &[u8]) {
    use liveblocks_hyper::endpoint::Endpoint;
    let response = http::Response::new(Bytes::copy_from_slice(body));
    if op == "get_rooms" {
        let page = liveblocks_hyper::rooms::GetRooms::new()
            .limit(100)
            .response(response)
            .unwrap();
        assert_eq!(page.data.len(), 100);
    } else {
        liveblocks_hyper::rooms::GetRoom::new("liveblocks:engineering-0000")
            .response(response)
            .unwrap();
    }
}

/// The "wrk" baseline for calls in flight: like [`raw`], `connections` loops at once on one
/// thread's event loop (as `wrk -t1 -c16` runs), not a thread each.
fn raw_event_loop(plan: &Plan, connections: usize, typed: bool) -> (u64, f64) {
    use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt};
    let host = plan.url.trim_start_matches("http://").to_owned();
    let request = format!(
        "GET {} HTTP/1.1\r\nhost: {host}\r\nauthorization: Bearer {SECRET}\r\nuser-agent: wrk\r\n\r\n",
        plan.path
    );
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    in_flight_for(&runtime, plan.secs, connections, |stop| {
        let (host, request) = (host.clone(), request.clone().into_bytes());
        let op = plan.op.clone();
        async move {
            let stream = tokio::net::TcpStream::connect(&host)
                .await
                .expect("connect");
            stream.set_nodelay(true).unwrap();
            let mut stream = tokio::io::BufReader::with_capacity(64 * 1024, stream);
            let (mut line, mut body) = (String::new(), Vec::new());
            let mut n = 0u64;
            while !stop.load(Ordering::Relaxed) {
                stream.get_mut().write_all(&request).await.unwrap();
                let mut length = 0usize;
                loop {
                    line.clear();
                    stream.read_line(&mut line).await.unwrap();
                    if line == "\r\n" {
                        break;
                    }
                    if let Some(value) = line.strip_prefix("content-length: ") {
                        length = value.trim().parse().unwrap();
                    }
                }
                body.resize(length, 0);
                stream.read_exact(&mut body).await.unwrap();
                if typed {
                    decode(&op, &body);
                }
                n += 1;
            }
            n
        }
    })
}

fn config(plan: &Plan) -> liveblocks_hyper::Config {
    liveblocks_hyper::Config::new(SECRET)
        .unwrap()
        .with_base_url(plan.url.clone())
        .unwrap()
}

fn hyper_client(plan: &Plan, multi_thread: bool, in_flight: usize) -> (u64, f64) {
    let runtime = if multi_thread {
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
    } else {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
    }
    .unwrap();
    let client =
        runtime.block_on(async { liveblocks_hyper::Client::from_config(config(plan)).unwrap() });
    let one = {
        let op = plan.op.clone();
        move |client: liveblocks_hyper::Client| {
            let op = op.clone();
            async move {
                if op == "get_rooms" {
                    let page = client.get_rooms().limit(100).await.unwrap();
                    assert_eq!(page.data.len(), 100);
                } else {
                    client
                        .get_room("liveblocks:engineering-0000")
                        .await
                        .unwrap();
                }
            }
        }
    };
    if in_flight == 1 {
        return plan.run(|| runtime.block_on(one(client.clone())));
    }
    in_flight_for(&runtime, plan.secs, in_flight, move |stop| {
        let (client, one) = (client.clone(), one.clone());
        async move {
            for _ in 0..20 {
                one(client.clone()).await;
            }
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                one(client.clone()).await;
                n += 1;
            }
            n
        }
    })
}

/// Runs `tasks` tasks made by `task` on `runtime` for `secs` seconds: each loops until the
/// flag it is given is set, and returns its count. The total count and the seconds taken.
fn in_flight_for<F, Fut>(
    runtime: &tokio::runtime::Runtime,
    secs: f64,
    tasks: usize,
    task: F,
) -> (u64, f64)
where
    F: Fn(Arc<AtomicBool>) -> Fut,
    Fut: std::future::Future<Output = u64> + Send + 'static,
{
    runtime.block_on(async {
        let stop = Arc::new(AtomicBool::new(false));
        let started = Instant::now();
        let handles: Vec<_> = (0..tasks)
            .map(|_| tokio::spawn(task(stop.clone())))
            .collect();
        tokio::time::sleep(Duration::from_secs_f64(secs)).await;
        stop.store(true, Ordering::Relaxed);
        let mut total = 0;
        for handle in handles {
            total += handle.await.unwrap();
        }
        (total, started.elapsed().as_secs_f64())
    })
}

fn bare_hyper(plan: &Plan, multi_thread: bool, in_flight: usize) -> (u64, f64) {
    let runtime = if multi_thread {
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
    } else {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
    }
    .unwrap();
    let client = runtime.block_on(async {
        hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
            .build_http::<Full<Bytes>>()
    });
    let uri: http::Uri = format!("{}{}", plan.url, plan.path).parse().unwrap();
    let one = move |client: hyper_util::client::legacy::Client<_, Full<Bytes>>, uri: http::Uri| async move {
        let request = http::Request::get(uri)
            .header("authorization", format!("Bearer {SECRET}"))
            .body(Full::new(Bytes::new()))
            .unwrap();
        let response = client.request(request).await.unwrap();
        let body = response.into_body().collect().await.unwrap().to_bytes();
        assert!(!body.is_empty());
    };
    if in_flight == 1 {
        return plan.run(|| runtime.block_on(one(client.clone(), uri.clone())));
    }
    in_flight_for(&runtime, plan.secs, in_flight, move |stop| {
        let (client, uri) = (client.clone(), uri.clone());
        async move {
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                one(client.clone(), uri.clone()).await;
                n += 1;
            }
            n
        }
    })
}

fn ureq_client(plan: &Plan, threads: usize) -> (u64, f64) {
    let client = liveblocks_ureq::Client::from_config(config(plan)).unwrap();
    let get_rooms = plan.op == "get_rooms";
    threaded(plan, threads, || {
        let client = client.clone();
        Box::new(move || {
            if get_rooms {
                let page = client.get_rooms().limit(100).send().unwrap();
                assert_eq!(page.data.len(), 100);
            } else {
                client
                    .get_room("liveblocks:engineering-0000")
                    .send()
                    .unwrap();
            }
        })
    })
}

fn bare_ureq(plan: &Plan) -> (u64, f64) {
    let agent: ureq::Agent = ureq::Agent::config_builder().build().new_agent();
    let url = format!("{}{}", plan.url, plan.path);
    let auth = format!("Bearer {SECRET}");
    plan.run(|| {
        let body = agent
            .get(&url)
            .header("authorization", &auth)
            .call()
            .unwrap()
            .into_body()
            .read_to_vec()
            .unwrap();
        assert!(!body.is_empty());
    })
}

/// The CPUs this process may run on, in order (at least one).
fn allowed_cpus() -> Vec<usize> {
    // SAFETY: sched_getaffinity fills the set it is given; CPU_ISSET reads it.
    let cpus: Vec<usize> = unsafe {
        let mut set: libc::cpu_set_t = std::mem::zeroed();
        if libc::sched_getaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &mut set) != 0 {
            return vec![0];
        }
        (0..libc::CPU_SETSIZE as usize)
            .filter(|&cpu| libc::CPU_ISSET(cpu, &set))
            .collect()
    };
    if cpus.is_empty() {
        vec![0]
    } else {
        cpus
    }
}

/// Runs the calling thread (and the threads it starts afterwards) on `cpu` only.
fn pin_to(cpu: usize) {
    // SAFETY: a zeroed cpu_set_t is an empty set; CPU_SET and sched_setaffinity read and
    // write only the set they are given.
    let result = unsafe {
        let mut set: libc::cpu_set_t = std::mem::zeroed();
        libc::CPU_SET(cpu, &mut set);
        libc::sched_setaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &set)
    };
    assert_eq!(
        result,
        0,
        "could not pin to CPU {cpu}: {}",
        std::io::Error::last_os_error()
    );
}

/// This process's CPU time (user + system, µs) and peak RSS (KB).
fn usage() -> (f64, u64) {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage fills the struct it is given.
    let usage = unsafe {
        libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr());
        usage.assume_init()
    };
    let us = |t: libc::timeval| t.tv_sec as f64 * 1e6 + t.tv_usec as f64;
    (
        us(usage.ru_utime) + us(usage.ru_stime),
        usage.ru_maxrss as u64,
    )
}

/// The current RSS in KB, from /proc/self/status.
fn rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1).map(|v| v.parse().unwrap_or(0)))
        })
        .unwrap_or(0)
}
