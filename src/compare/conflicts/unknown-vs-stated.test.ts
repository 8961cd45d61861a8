import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unknownVsStatedConflicts } from './unknown-vs-stated.js';
import { docsOf } from '../../testing/source-docs.js';

// Invented people and places: one source leaves a question open, another answers it; and wordings
// where nothing is answered, which must not fire.
const LEAD = 'A storeroom caught fire at the Orlen Street depot in Velby on Sunday evening.';

void test('unknown-vs-stated: "could not say if" in one source, the answer in another, evidence in each', () => {
  const docs = docsOf(`${LEAD}\n\nChief Anka Morrow couldn't say if anyone else was in the depot at the time.`, `${LEAD}\n\nFirefighters found that nobody else was in the depot, Morrow said.`);
  const found = unknownVsStatedConflicts(docs);
  assert.equal(found.length, 1);
  const c = found[0];
  assert.equal(c?.kind, 'polarity');
  assert.match(c?.summary ?? '', /anyone else was in the depot/);
  assert.deepEqual(c?.sides.map((s) => s.value).sort(), ['answered', 'left open']);
  for (const side of c?.sides ?? []) {
    const e = side.evidence[0];
    const doc = docs.find((d) => d.id === e?.source);
    assert.equal(doc?.text.slice(e?.start, e?.end), e?.text);
  }
  assert.equal(new Set(c?.sides.map((s) => s.evidence[0]?.source)).size, 2);
});

void test('unknown-vs-stated: an answer missing a word of the question, or hedged, or in the same source, does not fire', () => {
  const open = `${LEAD}\n\nIt was unclear whether the depot had a sprinkler system.`;
  assert.equal(unknownVsStatedConflicts(docsOf(open, `${LEAD}\n\nThe depot had a new roof.`)).length, 0);
  assert.equal(unknownVsStatedConflicts(docsOf(open, `${LEAD}\n\nThe depot may have had a sprinkler system.`)).length, 0);
  assert.equal(unknownVsStatedConflicts(docsOf(`${open} The depot had a sprinkler system, a guard said.`, `${LEAD}\n\nNo one was hurt.`)).length, 0);
  assert.equal(unknownVsStatedConflicts(docsOf(open, `${LEAD}\n\nThe depot had a sprinkler system, a guard said.`)).length, 1);
});
