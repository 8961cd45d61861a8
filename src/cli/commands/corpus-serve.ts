import type { Command } from 'commander';
import { addDbOption, displayDb, openForWrite, parsePort } from './corpus-shared.js';
import { isPostgresUrl } from '../../store/default-db.js';

/** `crosscheck serve`: the JSON API and web UI over a store, on loopback unless told otherwise. */
export function registerServe(program: Command): void {
  const cmd = program
    .command('serve')
    .description('serve the stories over HTTP: JSON API (see /openapi.json) and web UI')
    .option('--host <address>', 'address to bind (loopback by default: expose it on purpose)', '127.0.0.1')
    .option('--port <n>', 'port (0 picks a free one)', parsePort, 8080)
    .option('--token <token>', 'require "Authorization: Bearer <token>" on writes (default: $CROSSCHECK_TOKEN)')
    .option('--open-writes', 'accept writes without a token (by default, with no token, writes are refused)')
    .option('--allow-host <names...>', 'host names accepted besides loopback (e.g. the name a reverse proxy forwards)')
    .option('--allow-private-network', 'let the web UI read feeds on private, loopback and link-local addresses');
  addDbOption(cmd).action(async (flags: { db: string; host: string; port: number; token?: string; openWrites?: boolean; allowHost?: string[]; allowPrivateNetwork?: boolean }) => {
    // The server and the store load only when serve runs.
    const [{ serve }, { createApp }, { HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS }, { IdleRevision, SERVE_REVISE_IDLE_MS }, { Corpus }, { withOps }, { FastReads, fastReadsServer }] = await Promise.all([
      import('@hono/node-server'),
      import('../../server/app.js'),
      import('../../server/guards.js'),
      import('../../server/idle-revision.js'),
      import('../../store/index.js'),
      import('./serve-ops.js'),
      import('../../server/fast-reads.js'),
    ]);
    const store = await openForWrite(flags.db);
    // Reads need only the store: the clustering state loads with the first write (or revision), so
    // the server answers in a fraction of a second on a big store instead of after its load.
    const corpus = Corpus.deferred(store);
    const token = flags.token ?? process.env['CROSSCHECK_TOKEN'] ?? undefined;
    // Stories are revised after a quiet minute of posts, besides the corpus's own cadence.
    const idle = new IdleRevision(corpus, SERVE_REVISE_IDLE_MS, (e) => {
      process.stderr.write(`crosscheck: revising the stories failed: ${e instanceof Error ? e.message : String(e)}\n`);
    });
    // Repeated reads are answered before Hono (the same bytes and headers, at a third of the CPU).
    const fast = new FastReads();
    const app = await withOps(createApp, { corpus, fast, token: token || undefined, openWrites: flags.openWrites === true, allowedHosts: flags.allowHost, onStored: () => idle.poke(), allowPrivateNetwork: flags.allowPrivateNetwork }, isPostgresUrl(flags.db));
    const writes = token ? ' (writes need the bearer token)' : flags.openWrites ? ' (writes open to anyone who can reach it)' : ' (read-only: pass --token or --open-writes to accept posts)';
    await new Promise<void>((resolve) => {
      // Timeouts shorter than Node's defaults (60 s, 300 s): a slow client cannot hold a socket for minutes.
      const serverOptions = { headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS };
      const server = serve({ fetch: app.fetch, hostname: flags.host, port: flags.port, serverOptions, createServer: fastReadsServer(fast) }, (info) => {
        process.stderr.write(`crosscheck: serving ${displayDb(flags.db)} on http://${info.address.includes(':') ? `[${info.address}]` : info.address}:${info.port}/${writes}\n`);
      });
      const stop = (): void => {
        server.close(() => {
          void idle
            .stop()
            .then(() => store.close())
            .then(resolve);
        });
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  });
}
