import type { Fidelity } from '../../model/dossier.js';
import { lexicons } from '../lexicon.js';
import { sameWord, type Word } from '../text/tokens.js';
import { distance } from 'fastest-levenshtein';
import { alignWords, nearSameKey, type Hunk } from './align.js';

/**
 * How one rendering of an utterance differs from the reference rendering (docs/contract.md):
 * verbatim, bowdlerised (only censoring differs), trimmed (a contiguous part, or cut at elisions),
 * reworded (same meaning, other words), altered (a number, a negation, a name, a person or the
 * action differs).
 */
export interface Grade {
  fidelity: Fidelity;
  hunks: Hunk[];
  /** Why, in words, when not verbatim. */
  note: string | null;
}

const NEGATORS = new Set(['not', 'no', 'never', 'nothing', 'none', 'neither', 'nor', 'nobody', 'without']);
/** Share of the shorter rendering's words that must align for a word swap to count as an alteration. */
const SAME_SENTENCE_SHARE = 0.5;
/** A negation changes meaning only in a rendering this close to the reference (else it is another clause). */
const NEGATION_SAME_SHARE = 0.7;
/** A negation counts only when at least this share of the longer rendering aligns too. */
const LONGER_SAME_SHARE = 0.5;
/** A swap of who acts is read only in a short substitution ("I'm going to" / "we'll")... */
const MAX_SWAP_WORDS = 4;
/** ...inside renderings that share at least this share of the longer one's words. */
const MIN_LONGER_SHARE_FOR_SWAP = 0.3;
const PERSONAL = new Set(['i', 'we', 'you', 'he', 'she', 'they', 'me', 'us', 'him', 'her', 'them']);

export function grade(ref: Word[], variant: Word[]): Grade {
  const hunks = alignWords(ref, variant);
  const removed = hunks.filter((h) => h.kind === 'remove').flatMap((h) => h.words);
  const added = hunks.filter((h) => h.kind === 'add').flatMap((h) => h.words.filter((w) => !w.ellipsis));
  const same = hunks.filter((h) => h.kind === 'same');

  if (removed.length === 0 && added.length === 0) {
    const censorDiffers = censoringDiffers(ref, variant);
    return { fidelity: censorDiffers ? 'bowdlerised' : 'verbatim', hunks, note: censorDiffers ? 'only censoring differs' : null };
  }
  if (isContiguousPart(ref, variant)) return { fidelity: 'trimmed', hunks, note: 'a part of the fuller rendering' };
  if (added.length === 0) {
    // Words only left out: a cut, not a change of what was said.
    if (isContiguousCut(hunks)) return { fidelity: 'trimmed', hunks, note: 'a part of the fuller rendering' };
    if (cutsAtElisions(hunks)) return { fidelity: 'trimmed', hunks, note: 'words left out at elision marks' };
  }
  const altered = alteration(hunks, ref, variant);
  if (altered) return { fidelity: 'altered', hunks, note: altered };
  // One function word missing ("there another dozen" for "there were another dozen") is a slip of
  // transcription, not a rewording, also in a part of the fuller rendering ("agreed this was" for "we
  // agreed that this was"); a content word or a negator left out is (negators are read above).
  const inside = interiorRemovals(hunks);
  if (added.length === 0 && inside.length === 1 && lexicons().stopwords.has((inside[0] as Word).norm) && !NEGATORS.has((inside[0] as Word).norm)) {
    return { fidelity: 'trimmed', hunks, note: removed.length === 1 ? 'one function word missing' : 'a part of the fuller rendering, one function word missing' };
  }
  if (added.length === 0) return { fidelity: 'reworded', hunks, note: 'words left out without an elision mark' };
  void same;
  return { fidelity: 'reworded', hunks, note: 'other words, same content' };
}

function censoringDiffers(a: Word[], b: Word[]): boolean {
  return a.some((w) => w.censored) !== b.some((w) => w.censored) || a.filter((w) => w.censored).map((w) => w.norm).join() !== b.filter((w) => w.censored).map((w) => w.norm).join();
}

/** The variant's words occur, in order and together, inside the reference. */
function isContiguousPart(ref: Word[], variant: Word[]): boolean {
  const r = ref.filter((w) => !w.inserted && !w.ellipsis);
  const v = variant.filter((w) => !w.inserted && !w.ellipsis);
  if (!v.length || v.length >= r.length) return false;
  outer: for (let i = 0; i + v.length <= r.length; i++) {
    for (let j = 0; j < v.length; j++) if (!sameWord(r[i + j] as Word, v[j] as Word)) continue outer;
    return true;
  }
  return false;
}

/** Only removals, all at the start and/or the end. */
function isContiguousCut(hunks: Hunk[]): boolean {
  const kinds = hunks.map((h) => h.kind);
  const firstSame = kinds.indexOf('same');
  const lastSame = kinds.lastIndexOf('same');
  if (firstSame < 0) return false;
  return kinds.slice(firstSame, lastSame + 1).every((k) => k === 'same');
}

/** The words removed between the first and the last aligned stretch (not a cut at either end). */
function interiorRemovals(hunks: Hunk[]): Word[] {
  const kinds = hunks.map((h) => h.kind);
  if (!kinds.includes('same')) return [];
  return hunks
    .slice(kinds.indexOf('same') + 1, kinds.lastIndexOf('same'))
    .filter((h) => h.kind === 'remove')
    .flatMap((h) => h.words);
}

/**
 * Every interior removal can be accounted for by an elision mark the variant prints (the aligner may
 * place the mark a word or two away from the gap, so marks are counted rather than placed).
 */
function cutsAtElisions(hunks: Hunk[]): boolean {
  const marks = hunks.flatMap((h) => h.words).filter((w) => w.ellipsis).length;
  const kinds = hunks.map((h) => h.kind);
  const firstSame = kinds.indexOf('same');
  const lastSame = kinds.lastIndexOf('same');
  const interior = hunks.slice(firstSame + 1, lastSame).filter((h) => h.kind === 'remove').length;
  return marks > 0 && interior <= marks;
}

/**
 * The reason the variant changes meaning, or null. Only evidence a lexical reader can trust counts:
 * a number, a negation, a proper name or the person who acts, changed inside a rendering that is
 * otherwise the same sentence. Other word swaps ("destroyed" / "ruined") are rewording: telling them
 * from changes of meaning needs a semantic matcher.
 */
function alteration(hunks: Hunk[], ref: Word[], variant: Word[]): string | null {
  const sameWords = hunks.filter((h) => h.kind === 'same').reduce((n, h) => n + h.words.filter((w) => !w.ellipsis).length, 0);
  const shorter = Math.min(ref.filter((w) => !w.inserted && !w.ellipsis).length, variant.filter((w) => !w.inserted && !w.ellipsis).length);
  if (sameWords < SAME_SENTENCE_SHARE * shorter) return null;
  // Only the stretch both renderings cover: words one of them cut at either end do not count.
  const kinds = hunks.map((h) => h.kind);
  const interior = hunks.slice(kinds.indexOf('same') + 1, kinds.lastIndexOf('same'));
  const negations = (kind: 'add' | 'remove'): number => interior.filter((h) => h.kind === kind).flatMap((h) => h.words).filter((w) => NEGATORS.has(w.norm)).length;
  const longer = Math.max(ref.filter((w) => !w.inserted && !w.ellipsis).length, variant.filter((w) => !w.inserted && !w.ellipsis).length);
  // The same words scattered over a much longer rendering are another sentence, not this one changed.
  const close = sameWords >= NEGATION_SAME_SHARE * shorter && sameWords >= LONGER_SAME_SHARE * longer;
  if (negations('add') !== negations('remove') && close) return 'a negation differs';
  const refNorms = new Set(ref.map((w) => w.norm));
  const varNorms = new Set(variant.map((w) => w.norm));
  for (let i = 0; i + 1 < hunks.length; i++) {
    const a = hunks[i] as Hunk;
    const b = hunks[i + 1] as Hunk;
    if (!((a.kind === 'remove' && b.kind === 'add') || (a.kind === 'add' && b.kind === 'remove'))) continue;
    const removed = a.kind === 'remove' ? a.words : b.words;
    const added = a.kind === 'add' ? a.words : b.words;
    // A word that the other rendering has elsewhere moved; it was not replaced.
    const nr = removed.filter((w) => w.numeric && !varNorms.has(w.norm)).map((w) => w.norm);
    const na = added.filter((w) => w.numeric && !refNorms.has(w.norm)).map((w) => w.norm);
    if (nr.length && na.length) return `a number differs: ${nr.join(' ')} vs ${na.join(' ')}`;
    const pr = removed.filter((w) => PERSONAL.has(w.norm) && !varNorms.has(w.norm)).map((w) => w.norm);
    const pa = added.filter((w) => PERSONAL.has(w.norm) && !refNorms.has(w.norm)).map((w) => w.norm);
    const small = removed.length <= MAX_SWAP_WORDS && added.length <= MAX_SWAP_WORDS && sameWords >= MIN_LONGER_SHARE_FOR_SWAP * longer;
    if (small && pr.length && pa.length && !samePerson(pr, pa)) return `who acts differs: "${pr.join(' ')}" vs "${pa.join(' ')}"`;
    const names = (ws: Word[], other: Set<string>): string[] =>
      ws.filter((w) => w.capital && !w.numeric && w.norm !== 'i' && !lexicons().stopwords.has(w.norm) && !other.has(w.norm) && !isSentenceStart(ws, w)).map((w) => w.norm);
    const xr = names(removed, varNorms);
    const xa = names(added, refNorms);
    if (xr.length && xa.length && !xr.some((x) => xa.some((y) => spellingVariant(x, y)))) return `a name differs: ${xr.join(' ')} vs ${xa.join(' ')}`;
  }
  return null;
}

/** "we" and "us" are one person; so are "i" and "me". */
function samePerson(a: string[], b: string[]): boolean {
  const group = (p: string): string => ({ me: 'i', us: 'we', him: 'he', her: 'she', them: 'they' })[p] ?? p;
  return a.some((x) => b.some((y) => group(x) === group(y)));
}

/** Spellings of one name: "Moammar"/"Muammar", "Gen"/"General", "Momma"/"Mama". */
function spellingVariant(a: string, b: string): boolean {
  if (nearSameKey(a, b)) return true;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  if (l.startsWith(s) && s.length >= 3) return true;
  return distance(a, b) <= Math.max(1, Math.floor(l.length / 4));
}

function isSentenceStart(ws: Word[], w: Word): boolean {
  return ws[0] === w;
}
