// The test reporter of scripts/run-tests.mjs: one line per top-level test or suite as it finishes
// (so a long run shows progress), each failure with its error, then a summary that counts skipped
// suites as well as skipped tests (Node 20's own summary says "skipped 0" beside a skipped suite).
import { relative } from 'node:path';

const mark = { pass: '✔', fail: '✖', skip: '-', todo: '…' };
const ms = (d) => (d === undefined ? '' : d < 1000 ? ` (${Math.round(d)} ms)` : ` (${(d / 1000).toFixed(1)} s)`);

/** The message and the first lines of the stack of a failure (its cause: the assertion). */
function describeError(error) {
  const cause = error?.cause ?? error;
  if (!cause) return '';
  const text = cause instanceof Error || typeof cause === 'object' ? String(cause.stack ?? cause.message ?? cause) : String(cause);
  return text.split('\n').slice(0, 12).map((l) => `      ${l}`).join('\n');
}

export default async function* reporter(source) {
  const started = Date.now();
  const count = { pass: 0, fail: 0, skippedTests: 0, skippedSuites: 0, todo: 0 };
  const skipped = [];
  const failures = [];
  for await (const event of source) {
    const { type, data } = event;
    if (type === 'test:stdout' || type === 'test:stderr') {
      yield data.message;
      continue;
    }
    if (type !== 'test:pass' && type !== 'test:fail') continue;
    const suite = data.details?.type === 'suite';
    const where = data.file ? `${relative(process.cwd(), data.file)} › ` : '';
    const name = data.file && data.name === data.file ? relative(process.cwd(), data.file) : `${where}${data.name}`;
    if (data.skip !== undefined) {
      if (suite) count.skippedSuites++;
      else count.skippedTests++;
      skipped.push(`${name}${typeof data.skip === 'string' ? `: ${data.skip}` : ''}`);
      if (data.nesting === 0) yield `${mark.skip} ${name} (skipped${typeof data.skip === 'string' ? `: ${data.skip}` : ''})\n`;
      continue;
    }
    if (data.todo !== undefined) {
      count.todo++;
      continue;
    }
    if (type === 'test:fail') {
      // A suite or file fails because a test inside it failed: that test is reported itself.
      const own = data.details?.error?.failureType !== 'subtestsFailed';
      if (!suite && own) count.fail++;
      if (own) failures.push(`${mark.fail} ${name}\n${describeError(data.details?.error)}`);
      if (data.nesting === 0) yield `${mark.fail} ${name}${ms(data.details?.duration_ms)}\n`;
      continue;
    }
    if (!suite) count.pass++;
    if (data.nesting === 0) yield `${mark.pass} ${name}${ms(data.details?.duration_ms)}\n`;
  }
  const lines = ['', '────────'];
  if (failures.length) lines.push('Failures:', ...failures, '');
  if (skipped.length) lines.push('Skipped:', ...skipped.map((s) => `  ${s}`), '');
  const skips = [count.skippedTests && `${count.skippedTests} skipped test${count.skippedTests === 1 ? '' : 's'}`, count.skippedSuites && `${count.skippedSuites} skipped suite${count.skippedSuites === 1 ? '' : 's'}`].filter(Boolean);
  lines.push(
    `${count.pass} passed, ${count.fail} failed${skips.length ? `, ${skips.join(', ')}` : ''}${count.todo ? `, ${count.todo} to do` : ''}` +
      ` in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  yield `${lines.join('\n')}\n`;
}
