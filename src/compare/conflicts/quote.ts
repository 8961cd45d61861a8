import type { Conflict, QuoteCluster, QuoteVariant } from '../../model/dossier.js';
import type { Evidence } from '../../model/span.js';
import { overlaps } from '../../model/span.js';
import { alignWords } from '../quotes/align.js';
import { grade } from '../quotes/fidelity.js';
import { words, type Word } from '../text/tokens.js';

/** The fidelity grader's note on a rendering whose only change of meaning is a negation. */
const NEGATION_NOTE = 'a negation differs';
/** Longest quoted text shown in a side's value. */
const MAX_VALUE_CHARS = 120;
/**
 * Where a clipped value starts, as a share of MAX_VALUE_CHARS before the first changed word: a
 * little lead-in so the reader sees the change in context ("…about 40 wagons…" vs "…about 14…").
 */
const LEAD_IN_SHARE = 0.3;

/**
 * Quote conflicts: an utterance some outlet renders with different meaning-bearing words (an
 * `altered` variant). One side is the reference with the renderings faithful to it; each distinct
 * altered wording is another side.
 *
 * The finding must not hang on which rendering was taken as the reference: an altered rendering
 * that another source's rendering backs (it has the changed words too, is not itself altered
 * against the reference, and the two do not alter each other) is one of two wordings the sources
 * give, which the fidelity grader already found compatible (reworded: two utterances or two
 * transcriptions, as "money that should have been spent on the fund" and "money I shouldn't have
 * spent on my house"), so no outlet is shown changing the words.
 */
export function quoteConflicts(clusters: QuoteCluster[]): Conflict[] {
  const out: Conflict[] = [];
  for (const q of clusters) {
    const ref = q.variants.find((v) => v.reference);
    if (!ref) continue;
    if (q.variants.every((v) => isTitleOfWork(v.text))) continue;
    const altered = q.variants.filter((v) => v.fidelity === 'altered' && !backedByAnotherWording(v, ref, q.variants));
    if (!altered.length) continue;
    const faithful = q.variants.filter((v) => v.reference || v.fidelity === 'verbatim' || v.fidelity === 'bowdlerised');
    const byWording = new Map<string, Evidence[]>();
    for (const v of altered) byWording.set(v.text.toLowerCase(), [...(byWording.get(v.text.toLowerCase()) ?? []), plain(v)]);
    const firstAltered = altered[0]?.text ?? '';
    const sides = [{ value: clipAround(ref.text, firstDifference(ref.text, firstAltered)[0]), evidence: faithful.map(plain) }];
    for (const [, evidence] of byWording) {
      const clean = evidence.filter((e) => !sides.some((s) => s.evidence.some((x) => x.source === e.source && overlaps(x, e))));
      const text = clean[0]?.text ?? '';
      if (clean.length) sides.push({ value: clipAround(text, firstDifference(ref.text, text)[1]), evidence: clean });
    }
    if (sides.length < 2) continue;
    const who = q.speaker ? `${q.speaker}'s words` : 'a quotation';
    const reasons = [...new Set(altered.map((v) => v.note).filter(Boolean))].join('; ');
    // Words quoted with and without a "not" are a dispute over whether the speaker affirmed or denied
    // it: a polarity conflict (one quote cannot say both), shown with the quoted words as evidence.
    const notes = altered.map((v) => v.note);
    const kind = notes.every((n) => n === NEGATION_NOTE) ? 'polarity' : 'quote';
    out.push({ id: '', kind, summary: `Outlets quote ${who} with different meaning${reasons ? ` (${reasons})` : ''}: ${sides.map((s) => `“${s.value}”`).join(' vs ')}.`, sides });
  }
  return out;
}

/** Longest quoted title of a work, in words: a film, a book, an article ("In Search of Ann Lee"). */
const MAX_TITLE_WORDS = 10;

/**
 * Quoted words that are the title of a work, not speech: a few words, each capitalised but short
 * function words ("The Notorious Ann Lee", "In Search of Ann Lee"). Two titles are two works, not one
 * utterance changed.
 */
export function isTitleOfWork(text: string): boolean {
  const ws = text.replace(/[.,!?;:]+$/, '').split(/\s+/).filter(Boolean);
  if (ws.length < 2 || ws.length > MAX_TITLE_WORDS) return false;
  return ws.every((w) => /^[\p{Lu}\d]/u.test(w) || (w.length <= 4 && /^\p{Ll}+$/u.test(w))) && /^[\p{Lu}\d]/u.test(ws[0] ?? '');
}

const plain = (v: Evidence): Evidence => ({ source: v.source, start: v.start, end: v.end, text: v.text });

/**
 * Character offsets, in `a` and in `b`, of the first word where the two wordings part (0 when one
 * side only adds or only drops words there).
 */
export function firstDifference(a: string, b: string): [number, number] {
  const hunks = alignWords(words(a), words(b));
  const first = (kind: 'add' | 'remove'): number => hunks.find((h) => h.kind === kind && h.words.length > 0)?.words[0]?.start ?? 0;
  return [first('remove'), first('add')];
}

/**
 * A quotation cut to MAX_VALUE_CHARS on word boundaries around `at`, with an ellipsis where words
 * were left out; short quotations are returned whole.
 */
export function clipAround(t: string, at: number): string {
  if (t.length <= MAX_VALUE_CHARS) return t;
  const budget = MAX_VALUE_CHARS - 2;
  let start = Math.max(0, Math.min(at - Math.round(budget * LEAD_IN_SHARE), t.length - budget));
  if (start > 0) {
    const space = t.indexOf(' ', start);
    start = space >= 0 && space < at ? space + 1 : start;
  }
  let end = Math.min(t.length, start + budget);
  if (end < t.length) {
    const space = t.lastIndexOf(' ', end);
    if (space > Math.max(start, at)) end = space;
  }
  return `${start > 0 ? '…' : ''}${t.slice(start, end).trim()}${end < t.length ? '…' : ''}`;
}

/**
 * True when another source's rendering, itself not altered against the reference, agrees with the
 * altered rendering `v` on every word where `v` departs from the reference inside the stretch both
 * cover (the words it adds, and not the words it drops), and does not alter `v` either.
 */
function backedByAnotherWording(v: QuoteVariant, ref: QuoteVariant, variants: QuoteVariant[]): boolean {
  const vw = wordsOf(v);
  const hunks = alignWords(wordsOf(ref), vw);
  const kinds = hunks.map((h) => h.kind);
  const interior = hunks.slice(kinds.indexOf('same') + 1, kinds.lastIndexOf('same'));
  const norms = (kind: 'add' | 'remove'): string[] => interior.filter((h) => h.kind === kind).flatMap((h) => h.words.filter((w) => !w.ellipsis).map((w) => w.norm));
  const added = norms('add');
  const dropped = norms('remove');
  if (!added.length && !dropped.length) return false;
  for (const w of variants) {
    if (w === v || w.reference || w.source === v.source || w.fidelity === 'altered') continue;
    const ww = wordsOf(w);
    const has = new Set(ww.map((x) => x.norm));
    if (!added.every((n) => has.has(n)) || dropped.some((n) => has.has(n))) continue;
    if (grade(ww, vw).fidelity !== 'altered') return true;
  }
  return false;
}

const wordsOf = (v: Evidence): Word[] => words(v.text);
