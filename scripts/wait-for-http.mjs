// Waits until an HTTP server answers at a URL (any status counts), or gives up.
//
// Usage: node scripts/wait-for-http.mjs <url> <timeout seconds> [pid to watch]
// Exits 0 once the server answers, 1 on timeout or when the watched process has died.
const [url, timeoutArg, pidArg] = process.argv.slice(2);
const deadline = Date.now() + Number(timeoutArg ?? 60) * 1000;
const pid = pidArg ? Number(pidArg) : undefined;

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

while (Date.now() < deadline) {
  if (pid !== undefined && !alive(pid)) {
    console.error(`process ${pid} exited before ${url} answered`);
    process.exit(1);
  }
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    process.exit(0);
  } catch {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
console.error(`${url} did not answer within ${timeoutArg} s`);
process.exit(1);
