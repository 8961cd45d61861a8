import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSummary } from './summary.js';
import { buildSourceText } from './text.js';

const STOP = new Set(['the', 'a', 'on', 'of', 'was', 'were', 'for', 'had', 'been', 'in', 'and', 'by', 'to', 'at', 'after', 'said']);

const A = 'Nine wagons of a freight train left the track on the river bridge late on Monday. The mayor ordered residents near the depot to stay indoors overnight.';
const B = 'Late on Monday nine wagons of a freight train left the track on the river bridge, officials said. A primary school in the valley was closed as a precaution after the ammonia leak.';
const C = 'A primary school in the valley was closed as a precaution after the ammonia leak, parents were told. Traffic was diverted around the town centre.';

void test('each summary line is a source sentence verbatim, backed by two independent groups', () => {
  const sources = [buildSourceText('s0', A, []), buildSourceText('s1', B, []), buildSourceText('s2', C, [])];
  const summary = buildSummary({ sources, groups: [['s0'], ['s1'], ['s2']], claims: [], conflicts: [], stopWords: STOP });
  assert.equal(summary.length, 2);
  const texts = new Map([['s0', A], ['s1', B], ['s2', C]]);
  for (const line of summary) {
    const main = line.evidence[0];
    assert.ok(main);
    assert.equal(texts.get(main.source)?.slice(main.start, main.end), line.text);
    assert.ok(new Set(line.evidence.map((e) => e.source)).size >= 2);
  }
  assert.ok(!summary.some((l) => /stay indoors|Traffic/.test(l.text)), 'single-source sentences never get in');
});

void test('sources that copy one another do not back a summary line', () => {
  const sources = [buildSourceText('s0', A, []), buildSourceText('s1', B, []), buildSourceText('s2', C, [])];
  const summary = buildSummary({ sources, groups: [['s0', 's1'], ['s2']], claims: [], conflicts: [], stopWords: STOP });
  assert.deepEqual(summary.map((l) => l.text.slice(0, 20)), ['A primary school in ']);
});

void test('a sentence that touches a conflict is left out', () => {
  const sources = [buildSourceText('s0', A, []), buildSourceText('s1', B, []), buildSourceText('s2', C, [])];
  const at = B.indexOf('A primary school');
  const conflicts = [{ id: 'c0', kind: 'other' as const, summary: 'x', sides: [{ value: 'x', evidence: [{ source: 's1', start: at, end: at + 8, text: B.slice(at, at + 8) }] }] }];
  const summary = buildSummary({ sources, groups: [['s0'], ['s1'], ['s2']], claims: [], conflicts, stopWords: STOP });
  assert.ok(!summary.some((l) => l.text.startsWith('A primary school')));
});

void test('two sources sharing a copied passage do not back a line inside it', () => {
  const sources = [buildSourceText('s0', A, []), buildSourceText('s1', B, []), buildSourceText('s2', C, [])];
  const span = (id: string, text: string, words: string) => {
    const start = text.indexOf(words);
    return { source: id, start, end: start + words.length, text: words };
  };
  const shared = 'nine wagons of a freight train left the track on the river bridge';
  const copied = [{ a: span('s0', A, shared.replace('nine', 'Nine')), b: span('s1', B, shared) }];
  const without = buildSummary({ sources, groups: [['s0'], ['s1'], ['s2']], claims: [], conflicts: [], stopWords: STOP });
  const withCopy = buildSummary({ sources, groups: [['s0'], ['s1'], ['s2']], copied, claims: [], conflicts: [], stopWords: STOP });
  assert.ok(without.some((l) => /wagons/i.test(l.text)));
  assert.ok(!withCopy.some((l) => /wagons/i.test(l.text)));
});
