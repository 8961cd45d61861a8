import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOSSIER_SCHEMA, type Dossier } from '../../model/dossier.js';
import { evidence } from '../../model/span.js';
import { dossierViolations } from '../../testing/invariants.js';
import { buildProvenance, findChannels, isOutlet, sameActor } from './provenance.js';

void test('findChannels reads the actor after each cue, up to the end of its name', () => {
  const text = 'The spokesman told Russian state news agency Tass on Friday that the files, first obtained by The Harbour Times, were fake.';
  const found = findChannels(text, { start: 0, end: text.length });
  assert.deepEqual(found.map((f) => [f.role, f.actor]), [
    ['channel', 'Russian state news agency Tass'],
    ['obtained-by', 'The Harbour Times'],
  ]);
  for (const f of found) assert.equal(text.slice(f.span.start, f.span.end), f.actor);
});

void test('a platform after "on" is a channel; a lower-case object after "told" is not an actor', () => {
  const text = 'She wrote on Facebook that she had told him nothing.';
  const found = findChannels(text, { start: 0, end: text.length });
  assert.deepEqual(found.map((f) => f.actor), ['Facebook']);
});

void test('sameActor matches a short and a full name of one outlet, not two outlets', () => {
  assert.ok(sameActor('Tass', 'Russian state news agency TASS'));
  assert.ok(!sameActor('Reuters', 'TASS'));
});

function dossierOf(texts: string[], quoteWords: string): Dossier {
  const sources = texts.map((text, i) => ({ id: `s${i}`, origin: `s${i}.txt`, outlet: `Outlet ${i}`, title: null, published: null, text }));
  return {
    schema: DOSSIER_SCHEMA,
    sources,
    quotes: [
      {
        id: 'q0',
        speaker: 'Anna Berg',
        variants: sources.map((s, i) => {
          const start = s.text.indexOf(quoteWords);
          return { ...evidence(s.id, s.text, { start, end: start + quoteWords.length }), fidelity: 'verbatim' as const, reference: i === 0, speaker: 'Anna Berg' };
        }),
      },
    ],
    claims: [],
    conflicts: [],
    reuse: [],
    boilerplate: [],
    summary: [],
  };
}

void test('sources naming different agencies for one quote make the chain disputed, with evidence in each', () => {
  const words = 'We have nothing to hide';
  const d = dossierOf([`Anna Berg told Reuters: "${words}," on Monday.`, `"${words}," Anna Berg told the Nordic Wire agency.`], words);
  const [p] = buildProvenance({ dossier: d, analyses: new Map() });
  assert.ok(p);
  assert.equal(p.subject.kind, 'quote');
  assert.equal(p.disputed, true);
  const channels = p.chain.filter((s) => s.role === 'channel');
  assert.deepEqual(channels.map((c) => [c.actor, c.sources]), [['Reuters', ['s0']], ['Nordic Wire agency', ['s1']]]);
  assert.deepEqual(p.chain.map((c) => c.role), ['speaker', 'channel', 'channel', 'outlet', 'outlet']);
  assert.deepEqual(dossierViolations({ ...d, provenance: [p] }), []);
});

void test('sources agreeing on the channel are not disputed', () => {
  const words = 'We have nothing to hide';
  const d = dossierOf([`Anna Berg told Reuters: "${words}."`, `"${words}," Berg told Reuters news agency.`], words);
  const [p] = buildProvenance({ dossier: d, analyses: new Map() });
  assert.equal(p?.disputed, false);
  assert.deepEqual(p?.chain.find((c) => c.role === 'channel')?.sources, ['s0', 's1']);
});

void test('a channel named for the speaker elsewhere in the article applies to the quote', () => {
  const words = 'We have nothing to hide';
  const d = dossierOf(
    [`Anna Berg told Reuters on Monday that the plan was final.\n\nIn a later remark she said: "${words}."`, `Berg told the Nordic Wire agency about the plan.\n\n"${words}," she said.`],
    words,
  );
  const [p] = buildProvenance({ dossier: d, analyses: new Map() });
  assert.equal(p?.disputed, true);
  assert.deepEqual(p?.chain.filter((c) => c.role === 'channel').map((c) => c.actor), ['Reuters', 'Nordic Wire agency']);
});

void test('"according to" an outlet in a claim is who published it, otherwise who said it', () => {
  assert.ok(isOutlet('Reuters'));
  assert.ok(isOutlet('the news agency Reuters'));
  assert.ok(!isOutlet('Wendle Valley Fire Service'));
});
