import type { Command } from 'commander';
import { addDbOption, openForWrite, parsePort } from './corpus-shared.js';

/** `crosscheck serve`: the JSON API and web UI over a store, on loopback unless told otherwise. */
export function registerServe(program: Command): void {
  const cmd = program
    .command('serve')
    .description('serve the stories over HTTP: JSON API (see /openapi.json) and web UI')
    .option('--host <address>', 'address to bind (loopback by default: expose it on purpose)', '127.0.0.1')
    .option('--port <n>', 'port (0 picks a free one)', parsePort, 8080)
    .option('--token <token>', 'require "Authorization: Bearer <token>" on writes (default: $CROSSCHECK_TOKEN)');
  addDbOption(cmd).action(async (flags: { db: string; host: string; port: number; token?: string }) => {
    // The server and the store load only when serve runs.
    const [{ serve }, { createApp }, { IdleRevision, SERVE_REVISE_IDLE_MS }, { Corpus }] = await Promise.all([
      import('@hono/node-server'),
      import('../../server/app.js'),
      import('../../server/idle-revision.js'),
      import('../../store/index.js'),
    ]);
    const store = await openForWrite(flags.db);
    const corpus = await Corpus.open(store);
    const token = flags.token ?? process.env['CROSSCHECK_TOKEN'] ?? undefined;
    // Stories are revised after a quiet minute of posts, besides the corpus's own cadence.
    const idle = new IdleRevision(corpus, SERVE_REVISE_IDLE_MS, (e) => {
      process.stderr.write(`crosscheck: revising the stories failed: ${e instanceof Error ? e.message : String(e)}\n`);
    });
    const app = createApp({ corpus, token: token || undefined, onStored: () => idle.poke() });
    await new Promise<void>((resolve) => {
      const server = serve({ fetch: app.fetch, hostname: flags.host, port: flags.port }, (info) => {
        process.stderr.write(`crosscheck: serving ${flags.db} on http://${info.address.includes(':') ? `[${info.address}]` : info.address}:${info.port}/${token ? ' (writes need the bearer token)' : ''}\n`);
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
