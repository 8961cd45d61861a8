import * as net from 'node:net';
// Load client for the API bench, in its own process, on raw keep-alive sockets (as wrk does):
//   node --import tsx scripts/bench/_socket-client.ts <url> <concurrency> <requests> <time limit ms>
// Sends rounds of <concurrency> simultaneous GET requests, one per socket, and times each from its
// write to the last byte of its response. Prints one JSON line like _load-client.ts.
//
// Why not node:http: on this 2-core machine the client shares the cores with the server, and the
// node:http client's own work was most of the latency it measured: a bare node:http server answering
// a fixed 50-byte body (0.08-0.14 ms of server CPU a request) measured p99 85-98 ms through it. Request
// bytes built once and a response read by its Content-Length (or chunks) cost the client far less,
// so the figure is the server's.
const [url, concurrency, requests, limit] = [new URL(process.argv[2]!), Number(process.argv[3]), Number(process.argv[4]), Number(process.argv[5])];
const request = Buffer.from(`GET ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nAccept-Encoding: gzip\r\nConnection: keep-alive\r\n\r\n`, 'latin1');
const HEAD_END = Buffer.from('\r\n\r\n');

/** One keep-alive connection: `get()` sends the request and resolves with the status when the response is complete. */
class Connection {
  private readonly socket: net.Socket;
  private buffered: Buffer = Buffer.alloc(0);
  private done: ((status: number) => void) | null = null;

  constructor() {
    this.socket = net.connect(Number(url.port), url.hostname);
    this.socket.setNoDelay(true);
    this.socket.on('data', (chunk: Buffer) => {
      this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
      this.parse();
    });
    this.socket.on('error', () => this.finish(0));
    this.socket.on('close', () => this.finish(0));
  }

  /** Resolves once connected: connections are opened before the clock starts, as wrk does. */
  ready(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.socket.connecting) resolve();
      else this.socket.once('connect', () => resolve()).once('error', () => resolve());
    });
  }

  get(): Promise<number> {
    return new Promise((resolve) => {
      this.done = resolve;
      this.socket.write(request);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private finish(status: number): void {
    const d = this.done;
    this.done = null;
    d?.(status);
  }

  /** Completes the response once its head and whole body are in; keeps any bytes after it. */
  private parse(): void {
    const headEnd = this.buffered.indexOf(HEAD_END);
    if (headEnd < 0) return;
    const head = this.buffered.toString('latin1', 0, headEnd);
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    const start = headEnd + 4;
    let end: number;
    if (length) end = start + Number(length[1]);
    else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) end = chunkedEnd(this.buffered, start);
    else end = status === 304 || status === 204 ? start : -1;
    if (end < 0 || end > this.buffered.length) return;
    this.buffered = this.buffered.subarray(end);
    this.finish(status);
  }
}

/** Where a chunked body that starts at `at` ends, or -1 while it is incomplete. */
function chunkedEnd(b: Buffer, at: number): number {
  let i = at;
  for (;;) {
    const line = b.indexOf('\r\n', i, 'latin1');
    if (line < 0) return -1;
    const size = parseInt(b.toString('latin1', i, line), 16);
    if (Number.isNaN(size)) return -1;
    i = line + 2 + size + 2;
    if (size === 0) return i <= b.length ? i : -1;
    if (i > b.length) return -1;
  }
}

const connections = Array.from({ length: concurrency }, () => new Connection());
await Promise.all(connections.map((c) => c.ready()));
const latencies: number[] = [];
let failures = 0;
let next = 0;
const deadline = Date.now() + limit;
const one = async (c: Connection): Promise<void> => {
  const t = performance.now();
  if ((await c.get()) !== 200) failures++;
  latencies.push(performance.now() - t);
};
const started = performance.now();
while (next < requests && Date.now() < deadline) {
  const n = Math.min(concurrency, requests - next);
  next += n;
  await Promise.all(connections.slice(0, n).map(one));
}
const secs = (performance.now() - started) / 1000;
for (const c of connections) c.close();
latencies.sort((a, b) => a - b);
const pct = (p: number): number => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? NaN;
console.log(JSON.stringify({ n: latencies.length, failures, p50: pct(50), p99: pct(99), max: latencies[latencies.length - 1] ?? NaN, rps: latencies.length / secs }));
