import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { QuoteCluster } from '../../model/dossier.js';
import { spanViolations } from '../../testing/invariants.js';
import { type SourceDoc } from '../source-doc.js';
import { MAX_VARIANTS_PER_SOURCE } from './cluster.js';
import { compareQuotes } from './index.js';
import { docsOf } from '../../testing/source-docs.js';

// Hand-written reports about invented people and places: each test states how outlets split or
// reword one utterance of several sentences.

function clustersOf(docs: SourceDoc[]): QuoteCluster[] {
  const { clusters } = compareQuotes(docs);
  const texts = new Map(docs.map((d) => [d.id, d.text]));
  for (const c of clusters) {
    assert.deepEqual(spanViolations(texts, c.variants, c.id), []);
    assert.equal(c.variants.filter((v) => v.reference).length, 1, 'exactly one reference');
    const perSource = new Map<string, number>();
    for (const v of c.variants) perSource.set(v.source, (perSource.get(v.source) ?? 0) + 1);
    assert.ok(Math.max(...perSource.values()) <= MAX_VARIANTS_PER_SOURCE, 'no oversized cluster');
  }
  return clusters;
}

const clusterWith = (clusters: QuoteCluster[], words: string): QuoteCluster | undefined => clusters.find((c) => c.variants.some((v) => v.text.includes(words)));

const A = 'The storm pushed the floodwater north, across the empty car parks and away from the school';
const B = 'That alone is why every pupil got home safely yesterday';

void test('an utterance of two sentences: outlets quoting only the first or only the second meet the whole', () => {
  const docs = docsOf(
    `Harbour master Ilse Varro said the tide had turned early. “${A}. ${B},” she said.`,
    `Ilse Varro, the harbour master, spoke on Monday. “${A}. ${B},” Varro said.`,
    `The harbour master praised the timing. “${A},” said Ilse Varro.`,
    `Ilse Varro admitted the town was lucky. “${B.replace(' yesterday', '')},” Varro said of the storm.`,
  );
  const clusters = clustersOf(docs);
  const c = clusterWith(clusters, 'floodwater');
  assert.ok(c, 'a cluster for the utterance');
  assert.deepEqual([...new Set(c.variants.map((v) => v.source))].sort(), ['s0', 's1', 's2', 's3'], 'every outlet in one cluster');
  assert.equal(clusterWith(clusters, 'every pupil'), c, 'the second sentence is not a cluster of its own');
  // The two outlets that quote both sentences in one quotation give one rendering each, over both.
  const whole = c.variants.filter((v) => v.text.includes('floodwater') && v.text.includes('every pupil'));
  assert.deepEqual(whole.map((v) => v.source).sort(), ['s0', 's1']);
  for (const v of c.variants.filter((x) => x.source === 's2' || x.source === 's3')) assert.equal(v.fidelity, 'trimmed', v.text);
});

void test('a quotation split by an attribution ("A," she said. "B.") is one rendering in two parts', () => {
  const docs = docsOf(
    `Harbour master Ilse Varro spoke on Monday. “${A}. ${B},” she said.`,
    `Ilse Varro gave a statement. “${A}. ${B},” Varro said.`,
    `The harbour master was relieved. “${A},” Ilse Varro said. “${B}.”`,
  );
  const clusters = clustersOf(docs);
  const c = clusterWith(clusters, 'floodwater');
  assert.ok(c);
  const parts = c.variants.filter((v) => v.source === 's2');
  assert.equal(parts.length, 2, 'the split outlet gives one variant per part');
  assert.ok(parts.every((v) => !v.text.includes('said')), 'no part spans the attribution');
  assert.ok(parts.every((v) => v.fidelity === 'trimmed' || v.reference), 'each part is a faithful part of the whole');
  assert.equal(clusters.filter((x) => x.variants.some((v) => v.text.includes('every pupil'))).length, 1);
});

void test('one outlet putting two remarks side by side does not make them one utterance', () => {
  const C = 'We will rebuild the sea wall before the winter storms arrive';
  const docs = docsOf(
    `Harbour master Ilse Varro said: “${A}. ${C}.”`,
    `“${A},” Ilse Varro said on Monday. Later, at a council meeting in another town, she promised more. “${C},” Varro said.`,
    `“${C},” the harbour master Ilse Varro told the council, after a long debate about the budget for next year.`,
    `Ilse Varro said the harbour was spared: “${A}.”`,
  );
  const clusters = clustersOf(docs);
  const first = clusterWith(clusters, 'floodwater');
  const second = clusterWith(clusters, 'sea wall');
  assert.ok(first && second);
  assert.notEqual(first, second, 'only s0 quotes the two together');
});

void test('a reworded sentence in the same place of a rendering joins it; an extra sentence with no counterpart does not', () => {
  const original = '“Whether the gauge was broken or not, we simply cannot say. The readings were taken every hour. Most readings showed the river was falling.”';
  const reworded = '“We cannot tell if the gauge worked properly. Fresh readings arrived hourly. Most readings showed the river was falling.”';
  const docs = docsOf(
    `Engineer Pavel Odrin said: ${original}`,
    `Pavel Odrin told the inquiry: ${original}`,
    `Odrin added: ${reworded}`,
    `Odrin said: “Our crews worked through the night without a break. Most readings showed the river was falling.”`,
  );
  const clusters = clustersOf(docs);
  const c = clusterWith(clusters, 'river was falling');
  assert.ok(c);
  const s2 = c.variants.filter((v) => v.source === 's2');
  assert.equal(s2.length, 1);
  assert.ok(s2[0]?.text.startsWith('We cannot tell'), 'the reworded opening joins the rendering');
  assert.equal(s2[0]?.fidelity, 'reworded');
  const s3 = c.variants.find((v) => v.source === 's3');
  assert.ok(s3 && !s3.text.includes('crews'), 'a sentence no other outlet has in that place stays out');
});

void test('renderings of different extent: a negation in a sentence only one outlet quotes is no alteration', () => {
  const X = 'I think the plan is reckless. I think the plan is wasteful. I think it is cruel';
  const docs = docsOf(
    `Councillor Rena Dovik said: “But I do not think this is fine. ${X}.”`,
    `“But I do not think this is fine. ${X},” Dovik said.`,
    `Rena Dovik was blunt. “${X}, and I will vote against it,” she said.`,
    `Dovik said: “${X.replace('wasteful', 'costly and wasteful')}.”`,
  );
  const clusters = clustersOf(docs);
  const c = clusterWith(clusters, 'reckless');
  assert.ok(c);
  assert.ok(c.variants.every((v) => v.fidelity !== 'altered'), c.variants.map((v) => `${v.source} ${v.fidelity} ${v.note ?? ''}`).join('; '));
});

void test('a number changed inside one sentence of a longer rendering is still an alteration', () => {
  const one = 'We were promised the bridge was sound, and that was false';
  const two = 'No traffic crosses until all 30 girders have been tested';
  const docs = docsOf(
    `Mayor Lio Brandt said: “${one}. ${two}.”`,
    `“${one}. ${two},” Brandt said.`,
    `Brandt said: “${one}. ${two.replace('30', '13')}.”`,
  );
  const c = clusterWith(clustersOf(docs), 'girders');
  assert.ok(c);
  const changed = c.variants.find((v) => v.text.includes('13'));
  assert.equal(changed?.fidelity, 'altered');
  assert.match(changed?.note ?? '', /number/);
});

void test('outlets that all split the utterance: each part is graded against the same part, not against the other one', () => {
  const docs = docsOf(
    `The harbour master was relieved. “${A},” Ilse Varro said. “${B}.”`,
    `“${A},” Varro said on Monday. “${B}.”`,
    `“${A},” said the harbour master, Ilse Varro. “${B}.”`,
  );
  const c = clusterWith(clustersOf(docs), 'floodwater');
  assert.ok(c);
  assert.equal(c.variants.length, 6, 'two parts from each outlet');
  for (const v of c.variants) assert.ok(v.reference || v.fidelity === 'verbatim', `${v.source} ${v.fidelity} ${v.note ?? ''}: ${v.text}`);
});

void test('a two-word phrase several outlets quote is a shared quote; a two-word title in quotation marks is not', () => {
  const docs = docsOf(
    'Ilse Varro called herself a “cautious optimist” on Monday, before the premiere of “Harbour Lights” in Tarnow.',
    'The harbour master, Ilse Varro, said she was a “cautious optimist” as “Harbour Lights” opened in Tarnow.',
  );
  const clusters = clustersOf(docs);
  assert.ok(clusterWith(clusters, 'cautious optimist'), 'the phrase both outlets quote');
  assert.equal(clusterWith(clusters, 'Harbour Lights'), undefined, 'a title is no utterance');
});
