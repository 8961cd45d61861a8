import { lexiconLines, lexicons } from '../lexicon.js';
import { stem } from '../text/stem.js';

/**
 * An open question of two alternatives ("whether the dead were customers or staff"): its subject
 * and the two options, each as content-word keys (an answer's word meets a question's word when
 * both stem alike or fall in one set of data/lexicons/compare/answer-equivalents.txt).
 */
export interface Choice {
  subject: string[];
  options: [string[], string[]];
}

/** Words between a subject word and an option word of the answer: one clause ("three staff died"). */
const MAX_DISTANCE = 8;

let equivalents: { byStem: Map<string, string>; exact: Map<string, string> } | null = null;

function equivalenceSets(): NonNullable<typeof equivalents> {
  if (!equivalents) {
    const byStem = new Map<string, string>();
    const exact = new Map<string, string>();
    for (const line of lexiconLines('answer-equivalents.txt')) {
      const set = line.split(',').map((w) => w.trim().toLowerCase()).filter(Boolean);
      for (const w of set) {
        if (!byStem.has(stem(w))) byStem.set(stem(w), set[0] as string);
        if (!exact.has(w)) exact.set(w, set[0] as string);
      }
    }
    equivalents = { byStem, exact };
  }
  return equivalents;
}

/** A word's key: its equivalence set's first word, or its stem. */
export function answerKey(word: string): string {
  const s = stem(word.toLowerCase());
  return equivalenceSets().byStem.get(s) ?? s;
}

/** A word's key by its exact form ("rioters" meets "protesters", "riot" stays "riot"): stricter than `answerKey`. */
export function exactKey(word: string): string {
  const w = word.toLowerCase();
  return equivalenceSets().exact.get(w) ?? w;
}

const keysOf = (text: string): string[] => {
  const { stopwords } = lexicons();
  return [...text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]).filter((w) => !stopwords.has(w)).map(answerKey);
};

/** "the dead were customers or bank employees" -> subject [dead], options [customer], [bank, employee]. */
export function choiceOf(clause: string): Choice | null {
  // eslint-disable-next-line security/detect-unsafe-regex -- applied to one short "if/whether" clause (at most 120 characters)
  const m = /^(.+?)\s+(?:was|were|is|are)\s+(?:either\s+)?(.+?)\s+or\s+(.+)$/iu.exec(clause.trim());
  if (!m) return null;
  const subject = keysOf(m[1] as string);
  const a = keysOf(m[2] as string);
  const b = keysOf(m[3] as string);
  // Options that share their words ("bank staff or bank customers") are told apart by the rest.
  const onlyA = a.filter((w) => !b.includes(w));
  const onlyB = b.filter((w) => !a.includes(w));
  if (!subject.length || !onlyA.length || !onlyB.length) return null;
  return { subject, options: [a, b] };
}

/**
 * True when a sentence's words pick one option: every subject word and every word of one option,
 * none of the other's own words, a subject word within MAX_DISTANCE words of an option word.
 */
export function picksOne(text: string, choice: Choice): boolean {
  const keys = keysOf(text);
  const at = (w: string): number[] => keys.flatMap((k, i) => (k === w ? [i] : []));
  if (!choice.subject.every((w) => keys.includes(w))) return false;
  const [a, b] = choice.options;
  const has = (opt: string[], other: string[]): boolean => opt.every((w) => keys.includes(w)) && !other.filter((w) => !opt.includes(w)).some((w) => keys.includes(w));
  const picked = has(a, b) ? a : has(b, a) ? b : null;
  if (!picked) return false;
  const near = choice.subject.some((s) => at(s).some((i) => picked.some((w) => at(w).some((j) => Math.abs(i - j) <= MAX_DISTANCE))));
  return near;
}
