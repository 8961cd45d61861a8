import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareQuotes } from '../quotes/index.js';
import fc from 'fast-check';
import { sameStatement, speakerConflicts, statementCandidates, type Attributed } from './speaker.js';
import { docsOf } from '../../testing/source-docs.js';

// Hand-written sentences about invented people and places.
const LEAD = 'The ferry Morrow ran aground near the harbour of Esterby on Tuesday night.\n\n';
const story = (sentence: string): string => `${LEAD}${sentence}\n`;

void test('speaker: one quotation given to two different people is an attribution conflict', () => {
  const docs = docsOf(
    story('"We will not leave the ship until every passenger is safe," Captain Ann Marlow said.'),
    story('"We will not leave the ship until every passenger is safe," Captain Joe Brandt said.'),
  );
  const [c, ...more] = speakerConflicts(docs);
  assert.equal(more.length, 0);
  assert.equal(c?.kind, 'attribution');
  assert.deepEqual(c?.sides.map((s) => s.value).sort(), ['Ann Marlow', 'Joe Brandt']);
  assert.match(c?.summary ?? '', /different people/);
  for (const side of c?.sides ?? [])
    for (const e of side.evidence) assert.equal(docs.find((d) => d.id === e.source)?.text.slice(e.start, e.end), e.text);
});

void test('speaker: one reported statement given to two different people is an attribution conflict', () => {
  const docs = docsOf(
    story('Harbour master Lena Sorvik said the channel had not been dredged for three years.'),
    story('Harbour master Piet Arendsen said the channel had not been dredged for three years.'),
  );
  assert.equal(speakerConflicts(docs).length, 1);
});

void test('speaker: the same person named differently is not a conflict', () => {
  const base = '"We will not leave the ship until every passenger is safe,"';
  for (const other of ['Marlow said.', 'Ms Marlow said.', 'A. Marlow said.', 'the captain said.', 'she said.', 'the ferry company said.']) {
    const docs = docsOf(story(`${base} Captain Ann Marlow said.`), story(`${base} ${other}`));
    assert.equal(speakerConflicts(docs).length, 0, other);
  }
});

void test('speaker: two different statements by two people are not one quote', () => {
  const docs = docsOf(
    story('Captain Ann Marlow said the crew had followed every safety rule on the night.'),
    story('Joe Brandt said the passengers had been told to stay calm in the lounge.'),
  );
  assert.equal(speakerConflicts(docs).length, 0);
});

void test('speaker: an organisation and its spokesperson, or a date after the verb, are not two speakers', () => {
  const a = docsOf(
    story('Harbour Trust chair Ann Marlow said the channel had not been dredged for three years.'),
    story('Harbour Trust said the channel had not been dredged for three years.'),
  );
  assert.equal(speakerConflicts(a).length, 0);
  const b = docsOf(story('"The channel has not been dredged for three years," she said Wednesday.'), story('"The channel has not been dredged for three years," Ms. Marlow said.'));
  assert.equal(speakerConflicts(b).length, 0);
});

void test('speaker: a quotation rendered in different words, given to two people, is one conflict from its cluster', () => {
  const docs = docsOf(
    story('After the crew had gathered on deck, Captain Ann Marlow told reporters: "Nobody leaves the ship until every one of the passengers is safe on shore." The crew agreed.'),
    story('Speaking at the quay, Joe Brandt said: "Nobody leaves this ship until every one of the passengers is safe on the shore." The crew agreed.'),
  );
  const clusters = compareQuotes(docs).clusters;
  assert.ok(clusters.length > 0, 'the two renderings cluster');
  assert.equal(speakerConflicts(docs).length, 0, 'the sentences alone differ too much');
  const found = speakerConflicts(docs, clusters);
  assert.equal(found.length, 1);
  assert.deepEqual(found[0]?.sides.map((s) => s.value).sort(), ['Ann Marlow', 'Joe Brandt']);
  const same = docsOf(story('Captain Ann Marlow told reporters: "Nobody leaves the ship until every one of the passengers is safe on shore."'), story('Marlow said: "Nobody leaves this ship until every one of the passengers is safe on the shore."'));
  assert.equal(speakerConflicts(same, compareQuotes(same).clusters).length, 0);
});

void test('speaker: a news outlet or a web address named as the source is not a person', () => {
  const docs = docsOf(
    story('"The crew is safe and the ship will be towed off," Reuters said.'),
    story('"The crew is safe and the ship will be towed off," HarbourNews.com said.'),
  );
  assert.equal(speakerConflicts(docs).length, 0);
  // The same pair with two people's names is a conflict: the guard, not the statement, decides.
  const people = docsOf(story('"The crew is safe and the ship will be towed off," Ann Marlow said.'), story('"The crew is safe and the ship will be towed off," Joe Brandt said.'));
  assert.equal(speakerConflicts(people).length, 1);
});

// The candidate filter must keep every pair sameStatement accepts (prefix filtering is exact), on
// random sentences over a small vocabulary so that many pairs nearly share their words.
void test('speaker: statementCandidates proposes every later sentence that is the same statement', () => {
  const word = fc.constantFrom(...Array.from({ length: 14 }, (_, i) => `w${i}`));
  const sentence = fc.array(word, { minLength: 6, maxLength: 12 }).map((ws) => new Set(ws));
  fc.assert(
    fc.property(fc.array(sentence, { minLength: 1, maxLength: 30 }), (rests) => {
      const all: Attributed[] = rests.filter((r) => r.size >= 6).map((rest, i) => ({ source: i, sentence: { start: 0, end: 1 }, name: 'Varga', key: 'varga', rest }));
      const candidatesOf = statementCandidates(all);
      all.forEach((a, i) => {
        const proposed = new Set(candidatesOf(i));
        for (let j = i + 1; j < all.length; j++) if (sameStatement(a, all[j] as Attributed)) assert.ok(proposed.has(j), `pair ${i}, ${j}`);
      });
    }),
    { numRuns: 300, seed: 20261207 },
  );
});
