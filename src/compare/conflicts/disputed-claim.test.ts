import { test } from 'node:test';
import assert from 'node:assert/strict';
import { disputedClaimConflicts } from './disputed-claim.js';
import { docsOf } from '../../testing/source-docs.js';

// Invented town: one source reports a claim naming a doer and calls it unproven, another states it.
const LEAD = 'A warehouse burned down in Velby on Friday night during a march against the new port tax.';
const DISPUTE = `${LEAD}\n\nLocal radio stations claim that the blaze at the Orlen Street warehouse was started by marchers. However, this remains an unconfirmed claim.`;

void test('disputed-claim: "claim that X was started by Y ... this remains unconfirmed" against a statement of it', () => {
  const docs = docsOf(DISPUTE, `${LEAD}\n\nThe warehouse went up in flames after a protester threw a flare through a window.`);
  const found = disputedClaimConflicts(docs);
  assert.equal(found.length, 1);
  const c = found[0];
  assert.equal(c?.kind, 'polarity');
  assert.match(c?.summary ?? '', /blaze at the Orlen Street warehouse/);
  assert.deepEqual(c?.sides.map((s) => s.value).sort(), ['called unproven', 'stated as fact']);
  const disputed = c?.sides.find((s) => s.value === 'called unproven')?.evidence[0];
  assert.match(disputed?.text ?? '', /unconfirmed claim/);
  for (const side of c?.sides ?? []) {
    const e = side.evidence[0];
    const doc = docs.find((d) => d.id === e?.source);
    assert.equal(doc?.text.slice(e?.start, e?.end), e?.text);
  }
});

void test('disputed-claim: a hedged statement, a doer far from the thing, or a claim naming no doer does not fire', () => {
  assert.equal(disputedClaimConflicts(docsOf(DISPUTE, `${LEAD}\n\nThe fire may have been started by marchers.`)).length, 0);
  assert.equal(disputedClaimConflicts(docsOf(DISPUTE, `${LEAD}\n\nMarchers gathered at noon, and hours later, across town, a fire broke out.`)).length, 0);
  const noDoer = `${LEAD}\n\nRadio stations claim that the blaze began in the loading bay. This remains unconfirmed.`;
  assert.equal(disputedClaimConflicts(docsOf(noDoer, `${LEAD}\n\nThe blaze began in the loading bay, firefighters said.`)).length, 0);
});
