import { test } from 'node:test';
import assert from 'node:assert/strict';
import { undisclosedReasonConflicts } from './undisclosed-reason.js';
import { docsOf } from '../../testing/source-docs.js';

// Invented people: one source says the reason for an act was withheld, another gives it; and
// wordings that give no reason (a time, a span), or acts of another kind, which must not fire.
const LEAD = 'Singer Mara Lune entered the Oakfield clinic on Monday, her manager said.';

void test('undisclosed-reason: "would not say what she is being treated for" against "treated for exhaustion"', () => {
  const docs = docsOf(`${LEAD}\n\nHer manager would not say what Lune is being treated for.`, `${LEAD}\n\nLune is being treated for exhaustion, a friend said.`);
  const found = undisclosedReasonConflicts(docs);
  assert.equal(found.length, 1);
  const c = found[0];
  assert.equal(c?.kind, 'polarity');
  assert.match(c?.summary ?? '', /treatment/);
  assert.ok(c?.sides.some((s) => /exhaustion/.test(s.value)));
  assert.ok(c?.sides.some((s) => s.value === 'reason not given'));
  for (const side of c?.sides ?? []) {
    const e = side.evidence[0];
    const doc = docs.find((d) => d.id === e?.source);
    assert.equal(doc?.text.slice(e?.start, e?.end), e?.text);
  }
});

void test('undisclosed-reason: "no reason was given" and "for undisclosed reasons" withhold; a giver takes the stated side', () => {
  const given = `${LEAD}\n\nLune was hospitalized, according to the Velby Echo, for a throat infection.`;
  assert.equal(undisclosedReasonConflicts(docsOf(`${LEAD}\n\nNo official reason was given for her treatment.`, given)).length, 1);
  assert.equal(undisclosedReasonConflicts(docsOf(`${LEAD}\n\nLune checked into rehab for undisclosed reasons.`, given)).length, 1);
  // The giver also reports the manager's silence: still one conflict, the giver on the stated side.
  const both = `${given} Her manager would not say why she was admitted.`;
  const c = undisclosedReasonConflicts(docsOf(`${LEAD}\n\nNo official reason was given for her treatment.`, both))[0];
  assert.ok(c);
  assert.equal(c.sides.find((s) => s.value === 'reason not given')?.evidence.length, 1);
});

void test('undisclosed-reason: a time or span after "for", another kind of act, or no withholding does not fire', () => {
  const withheld = `${LEAD}\n\nHer manager would not say why Lune was hospitalized.`;
  assert.equal(undisclosedReasonConflicts(docsOf(withheld, `${LEAD}\n\nLune was hospitalized for two days.`)).length, 0);
  assert.equal(undisclosedReasonConflicts(docsOf(withheld, `${LEAD}\n\nLune was treated for the third time.`)).length, 0);
  assert.equal(undisclosedReasonConflicts(docsOf(withheld, `${LEAD}\n\nHer driver was arrested for speeding.`)).length, 0);
  assert.equal(undisclosedReasonConflicts(docsOf(LEAD, `${LEAD}\n\nLune is being treated for exhaustion.`)).length, 0);
});
