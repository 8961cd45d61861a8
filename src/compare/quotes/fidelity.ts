import type { Fidelity } from '../../model/dossier.js';
import { lexicons } from '../lexicon.js';
import { contentKey, type Word } from '../text/tokens.js';
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
  const altered = alteration(hunks, ref, variant);
  if (altered) return { fidelity: 'altered', hunks, note: altered };
  if (added.length === 0) {
    if (isContiguousCut(hunks)) return { fidelity: 'trimmed', hunks, note: 'a part of the fuller rendering' };
    if (cutsAtElisions(hunks)) return { fidelity: 'trimmed', hunks, note: 'words left out at elision marks' };
    return { fidelity: 'reworded', hunks, note: 'words left out without an elision mark' };
  }
  void same;
  return { fidelity: 'reworded', hunks, note: 'other words, same content' };
}

function censoringDiffers(a: Word[], b: Word[]): boolean {
  return a.some((w) => w.censored) !== b.some((w) => w.censored) || a.filter((w) => w.censored).map((w) => w.norm).join() !== b.filter((w) => w.censored).map((w) => w.norm).join();
}

/** Only removals, all at the start and/or the end. */
function isContiguousCut(hunks: Hunk[]): boolean {
  const kinds = hunks.map((h) => h.kind);
  const firstSame = kinds.indexOf('same');
  const lastSame = kinds.lastIndexOf('same');
  if (firstSame < 0) return false;
  return kinds.slice(firstSame, lastSame + 1).every((k) => k === 'same');
}

/** Every interior removal sits where the variant prints an elision mark. */
function cutsAtElisions(hunks: Hunk[]): boolean {
  for (let i = 1; i < hunks.length - 1; i++) {
    const h = hunks[i] as Hunk;
    if (h.kind !== 'remove') continue;
    const prev = hunks[i - 1] as Hunk;
    const next = hunks[i + 1] as Hunk;
    const markBefore = prev.words[prev.words.length - 1]?.ellipsis === true;
    const markAfter = next.words[0]?.ellipsis === true;
    if (!markBefore && !markAfter) return false;
  }
  return true;
}

/** The reason the variant changes meaning, or null. */
function alteration(hunks: Hunk[], ref: Word[], variant: Word[]): string | null {
  const count = (ws: Word[]): number => ws.filter((w) => NEGATORS.has(w.norm)).length;
  if (count(ref.filter((w) => !w.inserted)) !== count(variant.filter((w) => !w.inserted))) return 'a negation differs';
  const nums = (ws: Word[]): string => ws.filter((w) => w.numeric).map((w) => w.norm).sort().join(' ');
  const refNums = nums(ref);
  const varNums = nums(variant);
  if (refNums && varNums && refNums !== varNums) return `a number differs: ${refNums} vs ${varNums}`;
  // Substitutions (a removal next to an addition) change meaning only inside a rendering that is
  // otherwise the same sentence; a loose paraphrase swaps words without changing what is said.
  const sameWords = hunks.filter((h) => h.kind === 'same').reduce((n, h) => n + h.words.filter((w) => !w.ellipsis).length, 0);
  const shorter = Math.min(ref.filter((w) => !w.inserted && !w.ellipsis).length, variant.filter((w) => !w.inserted && !w.ellipsis).length);
  if (sameWords < SAME_SENTENCE_SHARE * shorter) return null;
  for (let i = 0; i + 1 < hunks.length; i++) {
    const a = hunks[i] as Hunk;
    const b = hunks[i + 1] as Hunk;
    if (!((a.kind === 'remove' && b.kind === 'add') || (a.kind === 'add' && b.kind === 'remove'))) continue;
    const removed = a.kind === 'remove' ? a.words : b.words;
    const added = a.kind === 'add' ? a.words : b.words;
    const pr = removed.filter((w) => PERSONAL.has(w.norm)).map((w) => w.norm);
    const pa = added.filter((w) => PERSONAL.has(w.norm)).map((w) => w.norm);
    if (pr.length && pa.length && !pr.some((p) => pa.includes(p))) return `who acts differs: "${pr.join(' ')}" vs "${pa.join(' ')}"`;
    const kr = removed.map(contentKey).filter((k): k is string => k !== null && !k.startsWith('#'));
    const ka = added.map(contentKey).filter((k): k is string => k !== null && !k.startsWith('#'));
    const names = (ws: Word[]): string[] => ws.filter((w) => w.capital && w.norm !== 'i' && !lexicons().stopwords.has(w.norm)).map((w) => w.norm);
    const nr = names(removed);
    const na = names(added);
    if (nr.length && na.length && !nr.some((n) => na.includes(n))) return `a name differs: ${nr.join(' ')} vs ${na.join(' ')}`;
    if (kr.length && ka.length && kr.length <= 2 && ka.length <= 2 && !kr.some((x) => ka.some((y) => nearSameKey(x, y)))) {
      return `words differ: "${kr.join(' ')}" vs "${ka.join(' ')}"`;
    }
  }
  return null;
}
