import { test } from 'node:test';
import assert from 'node:assert/strict';
import { docsOf } from '../../testing/source-docs.js';
import type { SourceDoc } from '../source-doc.js';
import { motiveConflicts } from './motive.js';

// Invented people and places: two reasons given for one act.
const sourcesOf = (docs: SourceDoc[], side: { evidence: { source: string }[] } | undefined): number[] =>
  [...new Set((side?.evidence ?? []).map((e) => docs.findIndex((d) => d.id === e.source)))].sort();

void test('motive: one act, two reasons that share no word', () => {
  const docs = docsOf(
    'A ferry captain was found dead in his cabin in Ostrava Bay. His suicide appeared to be linked to gambling debts.',
    'The captain of the Ostrava Bay ferry died on Sunday. He may have been driven to suicide by the loss of his licence after a safety inspection.',
    'Colleagues said the captain killed himself because inspectors had taken away his licence.',
  );
  const [c, ...rest] = motiveConflicts(docs);
  assert.equal(rest.length, 0);
  assert.ok(c, 'gambling debts and the lost licence are two reasons for one suicide');
  assert.equal(c.kind, 'descriptor');
  assert.match(c.summary, /suicide/);
  assert.deepEqual(c.sides.map((s) => sourcesOf(docs, s)).sort(), [[0], [1, 2]]);
  assert.ok(c.sides.some((s) => /gambling debts/.test(s.value)));
  for (const side of c.sides) for (const e of side.evidence) assert.equal(docs.find((d) => d.id === e.source)?.text.slice(e.start, e.end), e.text);
});

void test('motive: a doubted link, a reason told two ways, a source knowing both', () => {
  // "whether ... was linked to" states no motive.
  assert.deepEqual(
    motiveConflicts(docsOf('Police said it was unclear whether the attack was linked to the land dispute.', 'The attack was motivated by a family feud, police said.')),
    [],
  );
  // Both reasons name the debts: one reason, worded twice.
  assert.deepEqual(motiveConflicts(docsOf('The killing was related to unpaid debts.', 'The killing was prompted by debts owed to a cousin.')), []);
  // The first source names the second reason too, elsewhere: it knows both.
  assert.deepEqual(
    motiveConflicts(docsOf('The attack was linked to a land dispute. Neighbours also spoke of a family feud.', 'The attack was motivated by a family feud.')),
    [],
  );
});

void test('motive: an act dated, not explained, and two different acts', () => {
  // "after" dates the suicide; it gives no reason.
  assert.deepEqual(motiveConflicts(docsOf('He killed himself after his arrest.', 'He killed himself because of gambling debts.')), []);
  // The shooting and the bombing are two acts, each with its own reason.
  assert.deepEqual(motiveConflicts(docsOf('The shooting was linked to a land dispute.', 'The bombing was motivated by revenge for the arrests.')), []);
});

void test('motive: "the motive for the act was", and a reason cut short ends on a content word', () => {
  const docs = docsOf(
    'Detectives said the motive for the stabbing appeared to be a quarrel over a parking space.',
    'The stabbing was sparked by an old grudge between two families from the same small hill village of Tarn on Friday night.',
  );
  const [c, ...rest] = motiveConflicts(docs);
  assert.equal(rest.length, 0);
  assert.ok(c);
  assert.deepEqual(c.sides.map((s) => s.value).sort(), ['a quarrel over a parking space', 'an old grudge between two families from the same small hill village of Tarn']);
});

void test('motive: an act "carried out in retaliation for" a reason', () => {
  const docs = docsOf('The bombing was carried out in retaliation for the arrest of a local leader.', 'The bombing appeared to be linked to a row over water rights.');
  const [c, ...rest] = motiveConflicts(docs);
  assert.equal(rest.length, 0);
  assert.deepEqual(c?.sides.map((s) => s.value).sort(), ['a row over water rights', 'the arrest of a local leader']);
});
