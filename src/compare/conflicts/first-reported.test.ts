import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstReportedConflicts } from './first-reported.js';
import { docsOf } from '../../testing/source-docs.js';

// Invented people and outlets (news names the list does not know are read by their last word:
// Gazette, Chronicle; addresses by .com): one source credits one outlet with the first report,
// another credits the news to another outlet in its opening sentence.
const FIRST = 'Mayor Olwen Teague will name Dara Kessel as the city engineer, officials said.\n\nThe Caddon Gazette, caddongazette.com, first reported that Kessel had been offered the post.';
const LEDE = 'Mayor Olwen Teague has asked Dara Kessel to serve as the city engineer, the Velby Chronicle reported Tuesday.\n\nKessel is 41.';

void test('first-reported: "X first reported" against a lede crediting Y, evidence in each source', () => {
  const docs = docsOf(FIRST, LEDE);
  const found = firstReportedConflicts(docs);
  assert.equal(found.length, 1);
  const c = found[0];
  assert.equal(c?.kind, 'attribution');
  assert.equal(c?.sides.length, 2);
  assert.ok(c?.sides.some((s) => /Chronicle/.test(s.value)));
  assert.ok(c?.sides.some((s) => /Gazette|caddongazette/.test(s.value)));
  for (const side of c?.sides ?? []) {
    const e = side.evidence[0];
    const doc = docs.find((d) => d.id === e?.source);
    assert.equal(doc?.text.slice(e?.start, e?.end), e?.text);
  }
});

void test('first-reported: "was first reported by" counts; the same outlet, no shared name, or a credit deep in the text does not fire', () => {
  const passive = 'The offer to Dara Kessel was first reported by the Caddon Gazette on Monday.';
  assert.equal(firstReportedConflicts(docsOf(passive, LEDE)).length, 1);
  assert.equal(firstReportedConflicts(docsOf(FIRST, LEDE.replace('Velby Chronicle', 'Caddon Gazette'))).length, 0);
  assert.equal(firstReportedConflicts(docsOf(FIRST, 'A storm closed the Orlen bridge, the Velby Chronicle reported Tuesday.')).length, 0);
  const deep = `Officials met on Monday. The council sat late. Nobody spoke to reporters. ${LEDE}`;
  assert.equal(firstReportedConflicts(docsOf(FIRST, deep)).length, 0);
});

void test('first-reported: "which first reported" and a lede ending "according to Y" count', () => {
  const which = 'Kessel spoke to the Caddon Gazette, which first reported the offer, on Monday.';
  const according = 'Mayor Olwen Teague has offered Dara Kessel the post of city engineer, according to the Velby Chronicle.';
  assert.equal(firstReportedConflicts(docsOf(which, according)).length, 1);
  // "according to" in the middle of a sentence credits a detail, not the news.
  const detail = 'According to the Velby Chronicle, Teague met Kessel in May, and the post pays well.';
  assert.equal(firstReportedConflicts(docsOf(which, detail)).length, 0);
});
