//! Runs the fault server (`liveblocks_tests::faults`) for `tests/workerd/run.mjs`: prints
//! `listening on http://127.0.0.1:PORT` and serves until killed or until its stdin closes.

fn main() -> std::io::Result<()> {
    let server = liveblocks_tests::faults::FaultServer::start()?;
    println!("listening on {}", server.url());
    // Ends with the runner: it holds our stdin open and closes it when it exits.
    let mut sink = String::new();
    while std::io::stdin().read_line(&mut sink)? > 0 {
        sink.clear();
    }
    Ok(())
}
