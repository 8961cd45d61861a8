import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Conflict } from '../../model/dossier.js';
import { compareClaims } from '../claims/index.js';
import { compareQuotes } from '../quotes/index.js';
import { type SourceDoc } from '../source-doc.js';
import { phraseAttributeConflicts } from './attribute-phrases.js';
import { namedDateConflicts } from './named-date.js';
import { thingAttributeConflicts } from './thing-attributes.js';
import { outletKey, toldOutletConflicts } from './told-outlet.js';
import { residenceConflicts } from './residence.js';
import { docsOf } from '../../testing/source-docs.js';

// Hand-written stories about invented people and places: each test states one disagreement, or a
// wording that must not be read as one.
const claimsOf = (docs: SourceDoc[]): ReturnType<typeof compareClaims> => compareClaims(docs, compareQuotes(docs));
const sidesOf = (c: Conflict | undefined): string[][] => (c ? c.sides.map((s) => [...new Set(s.evidence.map((e) => e.source))].sort()) : []);

function assertWellFormed(c: Conflict, docs: SourceDoc[]): void {
  assert.ok(c.sides.length >= 2);
  for (const side of c.sides)
    for (const e of side.evidence) {
      assert.equal(docs.find((d) => d.id === e.source)?.text.slice(e.start, e.end), e.text);
      assert.ok(e.end - e.start <= 300, 'evidence stays sentence-sized');
    }
}

void test('phrase attributes: the charge differs, unless some source states both charges together', () => {
  const texts = [
    'Driver Olan Vesk, 31, was charged with vehicular manslaughter after the crash on Dunmore Road killed a cyclist.',
    'Olan Vesk has been charged with murder after the crash on Dunmore Road killed a cyclist.',
  ];
  const both = docsOf(...texts, 'Olan Vesk faces charges of murder and manslaughter after the Dunmore Road crash that killed a cyclist.');
  assert.deepEqual(phraseAttributeConflicts(both, claimsOf(both)), [], 'stated together, the two charges are compatible');
  const docs = docsOf(...texts);
  const found = phraseAttributeConflicts(docs, claimsOf(docs));
  assert.equal(found.length, 1);
  const c = found[0] as Conflict;
  assertWellFormed(c, docs);
  assert.deepEqual(sidesOf(c).sort(), [['s0'], ['s1']]);
  assert.match(c.summary, /charged with.*manslaughter.*murder|murder.*manslaughter/);
  assert.match(c.summary, /not both/);
});

void test('phrase attributes: attempted murder is not murder, and the same charge is no conflict', () => {
  const docs = docsOf(
    'Ferris Lake man Ade Morrow was charged with attempted murder after the stabbing at the Lantern bar.',
    'Ade Morrow was charged with manslaughter after the stabbing at the Lantern bar.',
  );
  assert.deepEqual(phraseAttributeConflicts(docs, claimsOf(docs)), []);
});

void test('phrase attributes: cause of death and fired vs laid off, only about the same people', () => {
  const docs = docsOf(
    'Two warehouse workers were burned to death in the blaze at the Kestrel depot, the 3 fire crews said.',
    'Two warehouse workers suffocated in the blaze at the Kestrel depot.',
    'The gunman, who had recently been fired from the Kestrel depot, was arrested.',
    'The gunman, a recently laid off worker at the Kestrel depot, was arrested.',
  );
  const found = phraseAttributeConflicts(docs, claimsOf(docs));
  const death = found.find((c) => c.summary.includes('how the victims died'));
  const job = found.find((c) => c.summary.includes('lost the job'));
  assert.deepEqual(sidesOf(death).sort(), [['s0'], ['s1']]);
  assert.deepEqual(sidesOf(job).sort(), [['s2'], ['s3']]);
});

void test('phrase attributes: "shot to death" in unrelated sentences is no dispute over how someone died', () => {
  const docs = docsOf('A farmer was shot dead near Orlen in 1998, the archive shows.', 'Flood waters rose in the valley, and one hiker drowned in the Tarn river on Sunday.');
  assert.deepEqual(phraseAttributeConflicts(docs, claimsOf(docs)), []);
});

void test('thing attributes: the colour of the same car, the kind of the same ship, what a counted group was', () => {
  const docs = docsOf(
    'The cyclist was struck by a grey 2019 Halvard Sedana on Mill Street. The frigate HMS Tamsin stopped 14 Borovian pirates.',
    'The cyclist was hit by a silver Halvard Sedana on Mill Street. The patrol vessel HMS Tamsin rescued 14 Borovian fishermen.',
  );
  const found = thingAttributeConflicts(docs);
  assert.ok(!found.some((c) => c.summary.includes('Borovian')), 'Borovian is no nationality the lexicon knows');
  assert.equal(found.length, 2);
  const real = docsOf(
    'The cyclist was struck by a grey 2019 Halvard Sedana on Mill Street. The frigate HMS Tamsin stopped 14 Somali pirates.',
    'The cyclist was hit by a silver Halvard Sedana on Mill Street. The patrol vessel HMS Tamsin rescued 14 Somali fishermen.',
  );
  const got = thingAttributeConflicts(real);
  for (const c of got) assertWellFormed(c, real);
  assert.ok(got.some((c) => c.summary.includes('colour of the Sedana')));
  assert.ok(got.some((c) => c.summary.includes('HMS Tamsin')));
  assert.ok(got.some((c) => c.summary.includes('14 Somali')));
});

void test('thing attributes: a colour of different things, or of people, is no conflict', () => {
  const docs = docsOf('A white van was parked outside. A black man was seen running.', 'A red car was parked outside. A white man was seen running.');
  assert.deepEqual(thingAttributeConflicts(docs), []);
});

void test('named dates: the same happening on two weekdays; speech dates and a person alone are not enough', () => {
  const docs = docsOf(
    'Singer Mira Dalt checked into the Alder Grove Clinic on Tuesday, her manager said.',
    'Mira Dalt entered the Alder Grove Clinic on Friday after weeks of rumours.',
    'The Alder Grove Clinic said Friday it does not comment on patients.',
  );
  const found = namedDateConflicts(docs, claimsOf(docs));
  assert.equal(found.length, 1);
  const c = found[0] as Conflict;
  assertWellFormed(c, docs);
  assert.deepEqual(sidesOf(c).sort(), [['s0'], ['s1']]);
  assert.match(c.summary, /Tuesday.*Friday|Friday.*Tuesday/);
  const person = docsOf('Senator Ivo Brandt refused to quit on Monday.', 'Senator Ivo Brandt refused to quit on Tuesday.');
  assert.deepEqual(namedDateConflicts(person, claimsOf(person)), [], 'a person may refuse on two days');
});

void test('named dates: a source giving both days tells two happenings apart', () => {
  const docs = docsOf(
    'The Harlow Rovers lost at Denby Park on Wednesday. The Harlow Rovers lost at Denby Park again on Friday.',
    'The Harlow Rovers lost at Denby Park on Friday.',
    'The Harlow Rovers lost at Denby Park on Wednesday.',
  );
  const found = namedDateConflicts(docs, claimsOf(docs));
  assert.ok(found.every((c) => !c.sides.some((s) => s.evidence.some((e) => e.source === 's0'))));
});

void test('told outlet: the same words told to two outlets, read off their forms', () => {
  assert.equal(outletKey('Glimmer.com'), outletKey('Glimmer magazine'));
  const docs = docsOf(
    'Actor Tam Rees has checked into a treatment centre in Vell Bay, his rep told Glimmer.com.',
    '"Tam Rees has checked into a treatment centre in Vell Bay," his rep told Starline.com.',
    'His rep told Glimmer magazine the actor would be back on set in June.',
  );
  const found = toldOutletConflicts(docs, claimsOf(docs));
  assert.equal(found.length, 1);
  assertWellFormed(found[0] as Conflict, docs);
  assert.deepEqual(sidesOf(found[0]).sort(), [['s0'], ['s1']]);
});

void test('told outlet: different words told to different outlets are two interviews', () => {
  const docs = docsOf('The coach is fit and ready for Saturday, his agent told Glimmer.com.', 'The contract talks stalled over money, his agent told Starline.com.');
  assert.deepEqual(toldOutletConflicts(docs, claimsOf(docs)), []);
});

void test('residence: two neighbourhoods for one person; a borough printed after one takes no side', () => {
  const docs = docsOf(
    'Ama Veld, who lived in Larch Hollow, Eastmere, was crossing the road.',
    'The victim, Ama K. Veld, 61, of Pike Crossing, was crossing the road.',
    'Ama Veld, 61, of Eastmere, died at the scene.',
  );
  const found = residenceConflicts(docs);
  assert.equal(found.length, 1);
  assertWellFormed(found[0] as Conflict, docs);
  assert.deepEqual(sidesOf(found[0]).sort(), [['s0'], ['s1']]);
  assert.match((found[0] as Conflict).summary, /Veld lived: .*Larch Hollow.*Pike Crossing|Pike Crossing.*Larch Hollow/);
});

void test('named dates: clock times two hours apart differ, a minute apart agree', () => {
  const docs = docsOf(
    'A delivery van struck the Orrin Street Bridge railing at 7:01 p.m., closing the bridge.',
    'A delivery van struck the Orrin Street Bridge railing at about 9 p.m., closing the bridge.',
    'A delivery van struck the Orrin Street Bridge railing at 7 p.m., closing the bridge.',
  );
  const found = namedDateConflicts(docs, claimsOf(docs));
  assert.equal(found.length, 1);
  assert.deepEqual(sidesOf(found[0]).sort(), [['s0', 's2'], ['s1']]);
  assert.match((found[0] as Conflict).summary, /what time/);
});
