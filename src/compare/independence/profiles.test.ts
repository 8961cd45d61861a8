import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOSSIER_SCHEMA, type Dossier, type SourceProfile } from '../../model/dossier.js';
import { dossierViolations } from '../../testing/invariants.js';
import { buildProfiles } from './profiles.js';
import { buildSourceText } from './text.js';

const TEXTS = [
  'Furious council leader Mara Jovik slammed the rail operator on Tuesday. Experts say the bridge was allegedly unsafe for years. You won\'t believe what happened next.',
  'Council leader Mara Jovic criticised the rail operator on Tuesday. The bridge had reportedly been inspected in March.',
  'On Tuesday council leader Mara Jovic criticised the rail operator again. "This is a disgrace," she said.',
];

function profiles(): { list: SourceProfile[]; dossier: Dossier } {
  const sources = TEXTS.map((text, i) => ({ id: `s${i}`, origin: `s${i}`, outlet: null, title: null, published: null, text }));
  const dossier: Dossier = { schema: DOSSIER_SCHEMA, sources, quotes: [], claims: [], conflicts: [], reuse: [], boilerplate: [], summary: [] };
  const texts = sources.map((s) => buildSourceText(s.id, s.text, []));
  const stopWords = new Set(['the', 'on', 'was', 'for', 'had', 'been', 'in', 'again']);
  return { list: buildProfiles({ dossier, texts, analyses: new Map(), stopWords }), dossier };
}

void test('hedges, unsourced generalisations and engagement bait are found with their spans', () => {
  const { list, dossier } = profiles();
  const [p0, p1] = list;
  assert.deepEqual(p0?.hedges.map((h) => h.term), ['allegedly']);
  assert.deepEqual(p0?.unsourcedGeneralisations.map((h) => h.term), ['experts say']);
  assert.deepEqual(p0?.engagementBait.map((h) => h.term), ["you won't believe", 'what happened next']);
  assert.deepEqual(p1?.hedges.map((h) => h.term), ['reportedly']);
  assert.deepEqual(dossierViolations({ ...dossier, profiles: list }), []);
});

void test('loaded words are paired with the neutral sentence another source used for the same fact', () => {
  const { list } = profiles();
  const slammed = list[0]?.loadedLanguage.find((l) => l.term === 'slammed');
  assert.ok(slammed);
  assert.match(slammed.neutral?.text ?? '', /criticised the rail operator/);
  // words inside quotation marks are the speaker's, not the outlet's
  assert.equal(list[2]?.loadedLanguage.length, 0);
});

void test('a name spelled as in no other source is reported with the others\' spelling', () => {
  const { list } = profiles();
  assert.deepEqual(list[0]?.nameSpellings.map((n) => [n.name, n.others]), [['Jovik', 'Jovic']]);
  assert.equal(list[0]?.nameSpellings[0]?.otherEvidence.length, 2);
  assert.deepEqual(list[1]?.nameSpellings, []);
});
