//! The default transport's connection pool against local servers that count connections:
//! reuse, calls in flight, connections the server closes, and calls abandoned mid-answer.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use liveblocks_hyper::{Client, Config, HyperTransport};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

const ROOM: &str = r#"{"type":"room","id":"my-room","organizationId":"default","createdAt":"2024-05-01T10:00:00.000Z","defaultAccesses":["room:write"],"usersAccesses":{},"groupsAccesses":{},"metadata":{}}"#;

/// What the server does on a connection, given how many it accepted before.
#[derive(Clone, Copy)]
enum Behaviour {
    /// Answers every request on the connection.
    KeepAlive,
    /// Answers one request (without `Connection: close`), then closes the socket, as a server
    /// that let an idle connection go.
    CloseAfterOne,
    /// The first connection's answer stalls halfway through its body; later ones keep alive.
    FirstStalls,
}

struct Server {
    url: String,
    connections: Arc<AtomicUsize>,
    requests: Arc<AtomicUsize>,
}

impl Server {
    async fn start(behaviour: Behaviour) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let connections = Arc::new(AtomicUsize::new(0));
        let requests = Arc::new(AtomicUsize::new(0));
        let (accepted, answered) = (Arc::clone(&connections), Arc::clone(&requests));
        tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let before = accepted.fetch_add(1, Ordering::SeqCst);
                let answered = Arc::clone(&answered);
                tokio::spawn(serve(stream, behaviour, before, answered));
            }
        });
        Server {
            url,
            connections,
            requests,
        }
    }

    fn config(&self) -> Config {
        Config::new("sk_test")
            .unwrap()
            .with_base_url(self.url.clone())
            .unwrap()
            .with_timeout(Duration::from_secs(5))
    }

    fn client(&self) -> Client {
        Client::from_config(self.config()).unwrap()
    }

    /// A client whose pool keeps `max_idle` connections for `timeout`.
    fn client_keeping(&self, max_idle: usize, timeout: Duration) -> Client {
        let config = self.config();
        let transport = HyperTransport::new(&config)
            .unwrap()
            .with_idle_connections(max_idle, timeout);
        Client::with_transport(config, transport)
    }

    fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }

    fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

/// A minimal HTTP/1.1 server loop: reads a request head and its `Content-Length` body, then
/// answers with the room.
async fn serve(stream: TcpStream, behaviour: Behaviour, before: usize, answered: Arc<AtomicUsize>) {
    let mut stream = BufReader::new(stream);
    loop {
        let mut length = 0usize;
        loop {
            let mut line = String::new();
            if stream.read_line(&mut line).await.unwrap_or(0) == 0 {
                return;
            }
            if line == "\r\n" {
                break;
            }
            let lower = line.to_ascii_lowercase();
            if let Some(value) = lower.strip_prefix("content-length:") {
                length = value.trim().parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        stream.read_exact(&mut body).await.unwrap();
        answered.fetch_add(1, Ordering::SeqCst);
        let head = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
            ROOM.len()
        );
        let stream = stream.get_mut();
        if matches!(behaviour, Behaviour::FirstStalls) && before == 0 {
            let _ = stream.write_all(head.as_bytes()).await;
            let _ = stream.write_all(&ROOM.as_bytes()[..20]).await;
            tokio::time::sleep(Duration::from_secs(10)).await;
            return;
        }
        stream.write_all(head.as_bytes()).await.unwrap();
        stream.write_all(ROOM.as_bytes()).await.unwrap();
        if matches!(behaviour, Behaviour::CloseAfterOne) {
            // Later than the answer, so the client has put the connection back in its pool.
            tokio::time::sleep(Duration::from_millis(20)).await;
            return;
        }
    }
}

#[tokio::test]
async fn sequential_calls_reuse_one_connection() {
    let server = Server::start(Behaviour::KeepAlive).await;
    let client = server.client();
    for _ in 0..50 {
        assert_eq!(client.get_room("my-room").await.unwrap().id, "my-room");
    }
    // A POST too, on the same connection.
    client.update_room("my-room").await.unwrap();
    assert_eq!(server.requests(), 51);
    assert_eq!(server.connections(), 1);
}

#[test]
fn calls_in_flight_on_a_multi_thread_runtime_share_the_pool() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(4)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let server = Server::start(Behaviour::KeepAlive).await;
        let client = server.client();
        let tasks: Vec<_> = (0..16)
            .map(|_| {
                let client = client.clone();
                tokio::spawn(async move {
                    for _ in 0..20 {
                        client.get_room("my-room").await.unwrap();
                    }
                })
            })
            .collect();
        for task in tasks {
            task.await.unwrap();
        }
        assert_eq!(server.requests(), 320);
        // At most one connection per call in flight, and kept: not one per call.
        let connections = server.connections();
        assert!((1..=16).contains(&connections), "{connections} connections");
        // Sequential calls afterwards take idle connections rather than opening new ones.
        for _ in 0..20 {
            client.get_room("my-room").await.unwrap();
        }
        assert_eq!(server.connections(), connections);
    });
}

#[tokio::test]
async fn a_connection_the_server_closed_is_not_reused() {
    let server = Server::start(Behaviour::CloseAfterOne).await;
    let client = server.client();
    for i in 0..20 {
        // POST is not retried by the call pipeline: the pool must not hand out the closed
        // connection in the first place.
        client.update_room("my-room").await.unwrap();
        // The server closes the connection while it is idle in the pool.
        tokio::time::sleep(Duration::from_millis(60)).await;
        assert_eq!(server.connections(), i + 1);
    }
    assert_eq!(server.requests(), 20);
}

#[tokio::test]
async fn a_call_abandoned_mid_answer_closes_its_connection() {
    let server = Server::start(Behaviour::FirstStalls).await;
    let config = Config::new("sk_test")
        .unwrap()
        .with_base_url(server.url.clone())
        .unwrap()
        .with_timeout(Duration::from_millis(200));
    let client = Client::from_config(config).unwrap();
    let err = client.get_room("my-room").await.unwrap_err();
    assert!(err.is_retryable(), "{err:?}");
    // The half-read connection is gone: the next call opens a new one and gets a whole answer.
    assert_eq!(client.get_room("my-room").await.unwrap().id, "my-room");
    assert_eq!(client.get_room("my-room").await.unwrap().id, "my-room");
    assert_eq!(server.connections(), 2);
    assert_eq!(server.requests(), 3);
}

#[tokio::test]
async fn the_host_header_and_request_line_are_http_1_1s() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let seen = tokio::spawn(async move {
        let (stream, _) = listener.accept().await.unwrap();
        let mut stream = BufReader::new(stream);
        let mut head = String::new();
        loop {
            let mut line = String::new();
            stream.read_line(&mut line).await.unwrap();
            if line == "\r\n" {
                break;
            }
            head.push_str(&line);
        }
        let answer = format!(
            "HTTP/1.1 200 OK\r\ncontent-length: {}\r\n\r\n{ROOM}",
            ROOM.len()
        );
        stream.get_mut().write_all(answer.as_bytes()).await.unwrap();
        head
    });
    let client = Client::from_config(
        Config::new("sk_test")
            .unwrap()
            .with_base_url(format!("http://{addr}"))
            .unwrap(),
    )
    .unwrap();
    client.get_room("a b").await.unwrap();
    let head = seen.await.unwrap();
    assert!(
        head.starts_with("GET /v2/rooms/a%20b HTTP/1.1\r\n"),
        "{head}"
    );
    assert!(head.contains(&format!("host: {addr}\r\n")), "{head}");
}

#[tokio::test]
async fn the_pool_keeps_as_many_idle_connections_as_it_is_told() {
    async fn four_at_once(client: &Client) {
        let (a, b, c, d) = tokio::join!(
            client.get_room("my-room"),
            client.get_room("my-room"),
            client.get_room("my-room"),
            client.get_room("my-room"),
        );
        for room in [a, b, c, d] {
            room.unwrap();
        }
    }
    // By default all four come back and serve the next four.
    let server = Server::start(Behaviour::KeepAlive).await;
    let client = server.client();
    four_at_once(&client).await;
    four_at_once(&client).await;
    assert_eq!(server.connections(), 4);

    // Keeping one: the next four find one and open three.
    let server = Server::start(Behaviour::KeepAlive).await;
    let client = server.client_keeping(1, Duration::from_secs(90));
    four_at_once(&client).await;
    four_at_once(&client).await;
    assert_eq!(server.connections(), 7);

    // Keeping none: a connection per call.
    let server = Server::start(Behaviour::KeepAlive).await;
    let client = server.client_keeping(0, Duration::from_secs(90));
    for _ in 0..3 {
        client.get_room("my-room").await.unwrap();
    }
    assert_eq!(server.connections(), 3);
}

#[tokio::test]
async fn an_idle_connection_is_not_kept_past_the_idle_timeout() {
    let server = Server::start(Behaviour::KeepAlive).await;
    let client = server.client_keeping(32, Duration::from_millis(50));
    client.get_room("my-room").await.unwrap();
    client.get_room("my-room").await.unwrap();
    assert_eq!(server.connections(), 1);
    tokio::time::sleep(Duration::from_millis(120)).await;
    client.get_room("my-room").await.unwrap();
    assert_eq!(server.connections(), 2);
}
