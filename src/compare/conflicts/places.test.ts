import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareClaims } from '../claims/index.js';
import { compareQuotes } from '../quotes/index.js';
import { type SourceDoc } from '../source-doc.js';
import { destinationConflicts } from './destination.js';
import { venueConflicts } from './venue.js';
import { docsOf } from '../../testing/source-docs.js';

// Invented people, teams and towns: where a journey went, where a game is played, how an officer was placed.
const claimsOf = (docs: SourceDoc[]): ReturnType<typeof compareClaims> => compareClaims(docs, compareQuotes(docs));
const sources = (docs: SourceDoc[], side: { evidence: { source: string }[] } | undefined): number[] =>
  [...new Set((side?.evidence ?? []).map((e) => docs.findIndex((d) => d.id === e.source)))].sort();

void test('destination: one journey from one town, two towns at its end', () => {
  const docs = docsOf(
    'Inmate Talo Brenn, 41, escaped on Monday during a transfer from a prison in Halvard to one in Dorrow, officials said.',
    'Talo Brenn escaped on Monday while being transported from the Oster Unit in Halvard, Westshire, to the Kell Unit in Dorrow, Westshire.',
    'Talo Brenn escaped on Monday during his transport from Halvard, Westshire, to Kesby, Westshire.',
  );
  const [c, ...rest] = destinationConflicts(docs, claimsOf(docs));
  assert.equal(rest.length, 0);
  assert.ok(c, 'Dorrow and Kesby are two ends of one journey');
  assert.match(c.summary, /Halvard/);
  assert.deepEqual(c.sides.map((s) => s.value).sort(), ['Dorrow', 'Kesby']);
  assert.deepEqual(sources(docs, c.sides.find((s) => s.value === 'Kesby')), [2]);
  for (const side of c.sides) for (const e of side.evidence) assert.equal(docs.find((d) => d.id === e.source)?.text.slice(e.start, e.end), e.text);
});

void test('destination: a facility, a container or another origin is no other destination', () => {
  const docs = docsOf(
    'Talo Brenn escaped during a transfer from a prison in Halvard to the Kell Unit.',
    'Talo Brenn escaped during a transfer from Halvard to Westshire.',
    'Talo Brenn escaped during a transfer from Halvard to Dorrow, Westshire.',
    'A week earlier another inmate was moved from Ambry to Kesby.',
  );
  assert.deepEqual(destinationConflicts(docs, claimsOf(docs)), []);
});

void test('venue: the game at the named team against the game hosted by its opponent', () => {
  const docs = docsOf(
    "Coach Ines Varga will lead the Harbour Gulls in Saturday's game at Dorrow.",
    'The Gulls host the Dorrow Rams on Saturday, hours after the coach was fired.',
    'The firing came hours before the Gulls were to play at home on Saturday against Dorrow.',
  );
  const [c, ...rest] = venueConflicts(docs);
  assert.equal(rest.length, 0);
  assert.ok(c);
  assert.match(c.summary, /Dorrow/);
  assert.deepEqual(c.sides.map((s) => sources(docs, s)).sort(), [[0], [1, 2]]);
});

void test('venue: games on different days are different games', () => {
  const docs = docsOf('The Gulls lost the game at Dorrow on Tuesday.', 'The Gulls host the Dorrow Rams on Saturday.');
  assert.deepEqual(venueConflicts(docs), []);
});
