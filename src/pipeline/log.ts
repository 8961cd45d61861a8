import type { Logger } from 'pino';

/** Structured JSON logs (pino) on stdout, one object per line; level from $LOG_LEVEL (default info). */
export async function createLogger(): Promise<Logger> {
  const { pino } = await import('pino');
  return pino({ level: process.env['LOG_LEVEL'] ?? 'info', base: { pid: process.pid, service: 'crosscheck' } });
}
