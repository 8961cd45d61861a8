import * as http from 'node:http';
// Load client for the corpus bench, in its own process so it does not share the server's event loop:
//   node --import tsx scripts/bench/_load-client.ts <url> <concurrency> <requests> <time limit ms>
// Sends rounds of <concurrency> simultaneous requests. Prints one JSON line: sorted latency percentiles (ms), request count, failures, requests/s.
const [url, concurrency, requests, limit] = [process.argv[2]!, Number(process.argv[3]), Number(process.argv[4]), Number(process.argv[5])];
const latencies: number[] = [];
let failures = 0;
let next = 0;
const deadline = Date.now() + limit;
// node:http with keep-alive: lighter than fetch, so the client's own cost weighs less in the figures.
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const get = (): Promise<number> =>
  new Promise((resolve) => {
    const req = http.get(url, { agent, headers: { 'accept-encoding': 'gzip' } }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('error', () => resolve(0));
  });
const one = async (): Promise<void> => {
  const t = performance.now();
  if ((await get()) !== 200) failures++;
  latencies.push(performance.now() - t);
};
const started = performance.now();
// Rounds of `concurrency` requests sent at once, each round after the previous one completed.
while (next < requests && Date.now() < deadline) {
  const n = Math.min(concurrency, requests - next);
  next += n;
  await Promise.all(Array.from({ length: n }, one));
}
const secs = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p: number): number => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? NaN;
agent.destroy();
console.log(JSON.stringify({ n: latencies.length, failures, p50: pct(50), p99: pct(99), max: latencies[latencies.length - 1] ?? NaN, rps: latencies.length / secs }));
