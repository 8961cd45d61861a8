import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type SourceDoc } from '../source-doc.js';
import { negationConflicts } from './negation.js';
import { docsOf } from '../../testing/source-docs.js';

// Hand-written sentences about invented people and places: one source states a fact, another its
// negation in the same words; and wordings where both can hold, which must not fire.
const LEAD = 'A fire broke out at the Harrowgate community hall in Velby on Sunday evening.';
const pair = (a: string, b: string): SourceDoc[] => docsOf(`${LEAD}\n\n${a}`, `${LEAD}\n\n${b}`);

void test('negation: the same statement negated in another source is a polarity conflict, evidence the sentences', () => {
  const docs = pair('A knitting circle led by Mara Quell was in the building when the fire started.', 'A knitting circle led by Mara Quell was not in the building when the fire started.');
  const found = negationConflicts(docs);
  assert.equal(found.length, 1);
  const c = found[0];
  assert.equal(c?.kind, 'polarity');
  assert.match(c?.summary ?? '', /knitting circle/);
  assert.deepEqual(c?.sides.map((s) => s.value).sort(), ['“was in”', '“was not in”']);
  for (const side of c?.sides ?? []) {
    assert.equal(side.evidence.length, 1);
    const e = side.evidence[0];
    const doc = docs.find((d) => d.id === e?.source);
    assert.equal(doc?.text.slice(e?.start, e?.end), e?.text);
    assert.match(e?.text ?? '', /^A knitting circle .* started\.$/);
  }
});

void test('negation: a contraction and "never" negate as "not" does', () => {
  assert.equal(negationConflicts(pair('The caretaker Ivo Brandt had locked the side doors of the hall.', "The caretaker Ivo Brandt hadn't locked the side doors of the hall.")).length, 1);
  assert.equal(negationConflicts(pair('Ivo Brandt has spoken to the Velby fire brigade about the alarms.', 'Ivo Brandt has never spoken to the Velby fire brigade about the alarms.')).length, 1);
});

void test('negation: a sentence that differs in other content words is not the same statement', () => {
  assert.deepEqual(negationConflicts(pair('Mara Quell was in the building when the fire started.', 'Mara Quell was not in the kitchen when the alarm sounded.')), []);
  assert.deepEqual(negationConflicts(pair('Firefighters reached the hall within 12 minutes of the call.', 'Firefighters did not reach the hall within 20 minutes of the call.')), []);
});

void test('negation: hedged, modal, partial, "not only" and quoted wordings do not fire', () => {
  const quiet: [string, string][] = [
    ['The council may reopen the Harrowgate hall before the winter market.', 'The council may not reopen the Harrowgate hall before the winter market.'],
    ['Some residents of Velby were evacuated from the nearby flats overnight.', 'Some residents of Velby were not evacuated from the nearby flats overnight.'],
    ['The blaze damaged the roof of the Harrowgate hall and the stage.', 'The blaze damaged not only the roof of the Harrowgate hall but the stage.'],
    ['Warden Tovi Lark said: "The doors were locked when we arrived at the hall."', 'Warden Tovi Lark said: "The doors were not locked when we arrived at the hall."'],
    ['Was the Harrowgate hall alarm working when the fire started?', 'The Harrowgate hall alarm was not working when the fire started.'],
  ];
  for (const [a, b] of quiet) assert.deepEqual(negationConflicts(pair(a, b)), [], `${a} / ${b}`);
});

void test('negation: one source stating both takes no side, and two sources agreeing raise nothing', () => {
  const a = 'A knitting circle led by Mara Quell was in the building when the fire started.';
  const b = 'A knitting circle led by Mara Quell was not in the building when the fire started.';
  assert.deepEqual(negationConflicts(docsOf(`${LEAD}\n\n${a}\n\n${b}`, `${LEAD}\n\n${a}`)), []);
  assert.deepEqual(negationConflicts(pair(b, b)), []);
});

void test('negation: one negation more in the same words is a denial, a negation moved elsewhere is not', () => {
  const base = 'Ivo Brandt said the hall had been inspected in March, when it was not yet open to the public.';
  const more = 'Ivo Brandt said the hall had not been inspected in March, when it was not yet open to the public.';
  const moved = 'Ivo Brandt said the hall had not been inspected in March, when it was yet open to the public.';
  const found = negationConflicts(pair(base, more));
  assert.equal(found.length, 1);
  assert.deepEqual(found[0]?.sides.map((s) => s.value).sort(), ['“had been”', '“had not been”']);
  assert.deepEqual(negationConflicts(pair(base, moved)), [], 'one negation each, in different places: neither is the other denied');
});
