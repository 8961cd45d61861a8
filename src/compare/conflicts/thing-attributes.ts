import type { Conflict } from '../../model/dossier.js';
import type { Span } from '../../model/span.js';
import { lexiconLines, lexiconSet } from '../lexicon.js';
import type { SourceDoc } from '../source-doc.js';
import { attributeConflicts, type AttributeStance } from './attribute.js';
import { alternation } from './common.js';
import { foldText, gated, gatedRegex } from './word-gate.js';

/**
 * Descriptor conflicts on what a thing is or looks like, read off the words right before it
 * (data/lexicons/compare/thing-attributes.json), three passes:
 * - colour of a thing: "a grey 2019 Ford Transit" vs "a silver Ford Transit" (the thing is the
 *   make or model named after the colour, or a noun of the list: "a silver car");
 * - kind of a named thing: "the frigate HMS Arden" vs "patrol vessel HMS Arden";
 * - what a counted group of people is: "26 Somali pirates" vs "26 Somali crewmembers" (the same
 *   count of the same nationality, called attackers by one and crew or victims by another).
 * The key ties the value to its thing, so no similarity of sentences is needed.
 */
interface ThingLexicon {
  colours: Record<string, string[]>;
  colourHeads: string[];
  types: Record<string, string[]>;
  roles: Record<string, string[]>;
}

let lex: ThingLexicon | null = null;
const thingLexicon = (): ThingLexicon => (lex ??= JSON.parse(lexiconLines('thing-attributes.json').join('\n')) as ThingLexicon);

const norm = (s: string): string => s.toLowerCase().replace(/[\s-]+/g, ' ').trim();
const valueMap = (values: Record<string, string[]>): Map<string, string> => new Map(Object.entries(values).flatMap(([v, ps]) => ps.map((p) => [norm(p), v] as const)));
const phrases = (m: Map<string, string>): string => alternation(m.keys()).replace(/ /g, '[\\s-]+');
const CAP = String.raw`\p{Lu}[\p{L}\p{N}’'-]*`;

export function thingAttributeConflicts(docs: SourceDoc[]): Conflict[] {
  const l = thingLexicon();
  // Each pass's regex is built only when some text holds a key word of one of its phrases (word-gate).
  const folded = docs.map((d) => foldText(d.text));
  const stances = [...colourStances(docs, l, folded), ...typeStances(docs, l, folded), ...roleStances(docs, l, folded)];
  return attributeConflicts(docs, stances, (key) => {
    const [attr, thing] = key.split('\u0000') as [string, string];
    if (attr === 'colour') return { question: `the colour of the ${thing}`, why: 'one vehicle or object has one colour' };
    if (attr === 'type') return { question: `what kind of vessel or craft ${thing} is`, why: 'one named craft is of one kind' };
    return { question: `who the ${thing} were`, why: 'the same people cannot be both the attackers and the crew or victims' };
  });
}

function* sentencesOf(docs: SourceDoc[]): Generator<{ doc: SourceDoc; s: Span; body: string }> {
  for (const doc of docs) for (const s of doc.sentences) yield { doc, s, body: doc.text.slice(s.start, s.end) };
}

function colourStances(docs: SourceDoc[], l: ThingLexicon, folded: string[]): AttributeStance[] {
  const colours = valueMap(l.colours);
  const heads = alternation(l.colourHeads.map(norm)).replace(/ /g, '[\\s-]+');
  // Lower-case colour; then a year or model words; then the capitalised make/model or a listed noun.
  const re = gatedRegex(gated(String.raw`(?<![\p{L}-])(${phrases(colours)})\s+(?:(?:19|20)\d\d\s+)?((?:${CAP}\s+){0,2}${CAP}|(?:${heads})(?![\p{L}]))`, 'gu', [colours.keys()]), folded);
  const out: AttributeStance[] = [];
  if (!re) return out;
  for (const { doc, s, body } of sentencesOf(docs)) {
    re.lastIndex = 0;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const value = colours.get(norm(m[1] as string));
      const thing = (m[2] as string).split(/\s+/).pop() ?? '';
      if (!value || !thing) continue;
      out.push(stance(doc, s, m, `colour\u0000${thing}`, value));
    }
  }
  return out;
}

function typeStances(docs: SourceDoc[], l: ThingLexicon, folded: string[]): AttributeStance[] {
  const types = valueMap(l.types);
  // A craft's name: a capitalised word or two, a prefix such as INS or USS included.
  const re = gatedRegex(gated(String.raw`(?<![\p{L}-])(${phrases(types)})\s+((?:${CAP}\s+)?${CAP})`, 'giu', [types.keys()]), folded);
  const out: AttributeStance[] = [];
  if (!re) return out;
  for (const { doc, s, body } of sentencesOf(docs)) {
    re.lastIndex = 0;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const value = types.get(norm(m[1] as string));
      const name = m[2] as string;
      if (!value || !/^\p{Lu}/u.test(name)) continue;
      out.push(stance(doc, s, m, `type\u0000${name}`, value));
    }
  }
  return out;
}

let nationalities: Set<string> | null = null;

function roleStances(docs: SourceDoc[], l: ThingLexicon, folded: string[]): AttributeStance[] {
  const roles = valueMap(l.roles);
  const demonyms = (nationalities ??= lexiconSet('nationalities.txt'));
  const re = gatedRegex(gated(String.raw`(?<![\p{L}\p{N},.])(\d{1,4})\s+(\p{Lu}\p{L}+)\s+(${phrases(roles)})(?![\p{L}])`, 'gu', [roles.keys()]), folded);
  const out: AttributeStance[] = [];
  if (!re) return out;
  for (const { doc, s, body } of sentencesOf(docs)) {
    re.lastIndex = 0;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const value = roles.get(norm(m[3] as string));
      const nationality = m[2] as string;
      // The same count of the same nationality is the same group; a count of one is anyone.
      if (!value || Number(m[1]) < 2 || !demonyms.has(nationality.toLowerCase())) continue;
      out.push(stance(doc, s, m, `role\u0000${m[1] as string} ${nationality}`, value));
    }
  }
  return out;
}

function stance(doc: SourceDoc, s: Span, m: RegExpExecArray, key: string, value: string): AttributeStance {
  const start = s.start + m.index;
  return { source: doc.index, key, value, span: { start, end: start + m[0].length }, sentence: s };
}
