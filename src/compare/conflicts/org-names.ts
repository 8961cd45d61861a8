import type { Conflict } from '../../model/dossier.js';
import type { Span } from '../../model/span.js';
import { lexicons as languageLexicons } from '../../nlp/lexicons.js';
import { lexiconLines, lexicons } from '../lexicon.js';
import type { SourceDoc } from '../source-doc.js';
import { attributeConflicts, type AttributeStance } from './attribute.js';
import { alternation } from './common.js';

/**
 * Descriptor conflicts on the name of one firm: "the Marfa Coastal Bank" in one source against "the
 * Marfa Union Bank" in another, where the story also calls it "the Marfa bank". The short form (one
 * distinctive word before the head noun: data/lexicons/compare/org-names.json) says the first word
 * alone picks the firm out; two long forms with that first word and head but different words between
 * are then one firm printed under two names. A long form whose middle words another's hold ("Marfa
 * Bank" beside "Marfa Coastal Union Bank") takes no side, and generic first words (First, National)
 * never stand for a firm. Capitals or all capitals, as headlines print names.
 */
interface OrgLexicon {
  heads: string[];
  genericFirsts: string[];
}

/** How many words may stand between the firm's first word and its head noun. */
const MAX_MIDDLE_WORDS = 2;
const CAP = String.raw`\p{Lu}[\p{L}’'&-]*`;

let cache: { run: RegExp; skip: Set<string> } | null = null;

function patterns(): NonNullable<typeof cache> {
  if (cache) return cache;
  const l = JSON.parse(lexiconLines('org-names.json').join('\n')) as OrgLexicon;
  const skip = new Set([...l.genericFirsts, ...lexicons().stopwords, ...languageLexicons().demonyms.keys()].map((w) => w.toLowerCase()));
  // A run of capitalised words, then a head noun in any case (the short form may print "the Marfa bank").
  const heads = l.heads.flatMap((h) => [h, titleCase(h), h.toUpperCase()]);
  const run = new RegExp(String.raw`(?<![\p{L}\p{N}’'&.-])((?:${CAP}\s+){1,6})(${alternation(heads)})(?![\p{L}\p{N}])`, 'gu');
  return (cache = { run, skip });
}

interface NameRun {
  /** The run's words less leading generic ones, each with its offset in the sentence. */
  words: { word: string; at: number }[];
  head: string;
  headCapital: boolean;
  end: number;
}

function runsIn(body: string): NameRun[] {
  const { run, skip } = patterns();
  const out: NameRun[] = [];
  run.lastIndex = 0;
  for (let m = run.exec(body); m; m = run.exec(body)) {
    const words: { word: string; at: number }[] = [];
    const wordRe = /\S+/gu;
    for (let w = wordRe.exec(m[1] as string); w; w = wordRe.exec(m[1] as string)) words.push({ word: w[0], at: m.index + w.index });
    while (words.length && skip.has((words[0] as { word: string }).word.toLowerCase())) words.shift();
    const head = m[2] as string;
    out.push({ words, head: head.toLowerCase(), headCapital: /^\p{Lu}/u.test(head), end: m.index + m[0].length });
  }
  return out;
}

export function orgNameConflicts(docs: SourceDoc[]): Conflict[] {
  const sentences = docs.flatMap((doc) => doc.sentences.map((s) => ({ doc, s, runs: runsIn(doc.text.slice(s.start, s.end)) })));
  // First words that alone, before the head, name a firm somewhere in the story ("the Marfa bank").
  const shortForms = new Set(sentences.flatMap(({ runs }) => runs.filter((r) => r.words.length === 1).map((r) => `${(r.words[0] as { word: string }).word.toLowerCase()}\u0000${r.head}`)));
  const stances: (AttributeStance & { middle: string[] })[] = [];
  for (const { doc, s, runs } of sentences) {
    for (const r of runs) {
      if (!r.headCapital || r.words.length < 2) continue;
      // The leftmost word that has a short form is the firm's first word; the rest is its middle.
      const i = r.words.findIndex((w) => shortForms.has(`${w.word.toLowerCase()}\u0000${r.head}`));
      const middle = r.words.slice(i + 1).map((w) => w.word.toLowerCase());
      if (i < 0 || middle.length < 1 || middle.length > MAX_MIDDLE_WORDS) continue;
      const first = (r.words[i] as { word: string; at: number });
      const span: Span = { start: s.start + first.at, end: s.start + r.end };
      const value = [first.word, ...middle, r.head].map(titleCase).join(' ');
      stances.push({ source: doc.index, key: `org\u0000${first.word.toLowerCase()}\u0000${r.head}`, value, span, sentence: s, middle });
    }
  }
  // A name whose middle words another name holds is a shorter form of it: no side.
  const kept = stances.filter((a) => !stances.some((b) => b.key === a.key && b.middle.length > a.middle.length && a.middle.every((w) => b.middle.includes(w))));
  return attributeConflicts(docs, kept, (key) => {
    const [, first, head] = key.split('\u0000') as [string, string, string];
    return { question: `the name of the ${titleCase(first)} ${head}`, why: 'one firm has one name' };
  });
}

const titleCase = (w: string): string => w.toLowerCase().replace(/(^|[\s-])(\p{Ll})/gu, (_: string, sp: string, c: string) => sp + c.toUpperCase());
