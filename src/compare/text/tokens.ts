import type { Span } from '../../model/span.js';
import { lexicons } from '../lexicon.js';
import { stem } from './stem.js';

/**
 * Words of a passage, each normalised so that renderings of the same words compare equal:
 * typography (’ vs '), case, contractions ("I'm gonna" = "i am going to"), censoring ("sh*t" matches
 * "shit"), "per cent" = "percent", "in to" = "into". One printed word can give several normalised
 * words (contractions); they share its span. Spans index the original text: nothing is rewritten.
 *
 * Not the language layer's tokenizer (src/nlp/tokens.ts) on purpose: that one keeps the printed word
 * (for names, titles and case) and folds only possessives, while alignment needs one printed word
 * to become several normalised ones ("don't" = do not), elisions and editors' [insertions] as
 * tokens of their own, and censored spellings (sh*t, f---) kept matchable by shape. What the two
 * share is knowledge, and that lives in the lexicons (src/compare/lexicon.ts reads the shared ones).
 */
export interface Word extends Span {
  /** Normalised form: lower case, straight apostrophes, contraction expanded. */
  norm: string;
  /** Printed with masking characters (sh*t, s**t, f---): matches any word of its shape. */
  censored: boolean;
  /** Inside square brackets: an editor's insertion ([the minister]), not the speaker's words. */
  inserted: boolean;
  /** An elision mark (…, ..., [...]) rather than a word. */
  ellipsis: boolean;
  /** Printed with a capital initial (a name, or a sentence start). */
  capital: boolean;
  /** A numeral. */
  numeric: boolean;
}

// eslint-disable-next-line security/detect-unsafe-regex -- no failing suffix: the match ends wherever the repetition stops, so it never backtracks through the choices
const WORD = /\[\s*(?:\.\s*){3}\]|\[…\]|…|\.{3,}|\[[^\]\n]{1,40}\]|[\p{L}\p{N}]+(?:[’'*.-][\p{L}\p{N}*]+|\*+|-{2,})*%?/gu;
// eslint-disable-next-line security/detect-unsafe-regex -- applied to a short value (a flag, a name, a date string, an address), never to article text (one token)
const ELLIPSIS = /^(?:\[\s*(?:\.\s*){3}\]|\[…\]|…|\.{3,})$/u;

/**
 * The words of each range read while `f` runs, kept for its duration: the dossier's stages read the
 * same sentences many times over (claims, quotes, each kind of conflict), and tokenising dominated.
 * Nothing outlives the call.
 */
let wordsCache: Map<string, Map<number, Word[]>> | null = null;
/**
 * The words of each distinct range text, with spans into that text alone: a word depends only on
 * the range's own characters, so the same sentence in another source (a big story's copies and wire
 * copy) is only shifted, not tokenised again (issue 15: tokenising was 7% of a 100-source story).
 */
let sliceCache: Map<string, Word[]> | null = null;

export function withWordsCache<T>(f: () => T): T {
  if (wordsCache) return f();
  wordsCache = new Map();
  sliceCache = new Map();
  lineCache = new Map();
  try {
    return f();
  } finally {
    wordsCache = null;
    sliceCache = null;
    lineCache = null;
  }
}

/**
 * The printed words of each distinct line read while `f` runs, spans into the line (see linesOf): a
 * whole article is tokenised by some passes, and copies of a page differ only in a line or two.
 */
let lineCache: Map<string, Word[]> | null = null;

/** tokenise(text, start, end), the words of an equal range read once. */
function tokeniseShared(text: string, start: number, end: number): Word[] {
  if (!sliceCache) return tokenise(text, start, end);
  const slice = text.slice(start, end);
  let ws = sliceCache.get(slice);
  if (!ws) sliceCache.set(slice, (ws = slice.length >= LINES_MIN_CHARS ? joinWords(slice, linesOf(slice)) : tokenise(slice, 0, slice.length)));
  return start === 0 ? ws : ws.map((w) => ({ ...w, start: w.start + start, end: w.end + start }));
}

/** Ranges at least this long are scanned line by line (see linesOf); a sentence is scanned whole. */
const LINES_MIN_CHARS = 1000;

/**
 * The printed words of `text` (before the passes joining neighbours), scanned a line at a time with
 * each distinct line scanned once, or null where that could differ from one scan of the whole. No
 * word matches across a line break (no alternative of WORD can hold one but a bracketed ellipsis,
 * and a text without '[' has none, nor editors' insertions, whose words are read from the whole
 * text), and WORD reads nothing after its match, so each line's matches are the whole scan's.
 */
function linesOf(text: string): Word[] | null {
  if (!lineCache || text.includes('[') || !text.includes('\n')) return null;
  const out: Word[] = [];
  let from = 0;
  while (from < text.length) {
    const nl = text.indexOf('\n', from);
    const to = nl < 0 ? text.length : nl + 1;
    const line = text.slice(from, to);
    let ws = lineCache.get(line);
    if (!ws) lineCache.set(line, (ws = printedWords(line, 0, line.length)));
    for (const w of ws) out.push(from === 0 ? w : { ...w, start: w.start + from, end: w.end + from });
    from = to;
  }
  return out;
}

/** The words of `text` from its printed words, or tokenised whole when there are none. */
function joinWords(text: string, printed: Word[] | null): Word[] {
  return printed ? joinNeighbours(text, printed) : tokenise(text, 0, text.length);
}

/** Tokenises `text.slice(start, end)`; spans are into `text`. */
export function words(text: string, start = 0, end = text.length): Word[] {
  if (!wordsCache) return tokenise(text, start, end);
  let byRange = wordsCache.get(text);
  if (!byRange) wordsCache.set(text, (byRange = new Map<number, Word[]>()));
  const key = start * (text.length + 1) + end;
  let ws = byRange.get(key);
  if (!ws) byRange.set(key, (ws = tokeniseShared(text, start, end)));
  // A copy of the list (callers filter and splice theirs); the words themselves are never edited.
  return ws.slice();
}

function tokenise(text: string, start: number, end: number): Word[] {
  return joinNeighbours(text, printedWords(text, start, end));
}

/** The passes reading neighbouring words together: "6:00 p.m.", "per cent". */
function joinNeighbours(text: string, printed: Word[]): Word[] {
  return mergePairs(clock24(text, dropZeroMinutes(text, printed)));
}

/** Each printed word's normalised words, spans into `text`. */
function printedWords(text: string, start: number, end: number): Word[] {
  const out: Word[] = [];
  const slice = text.slice(start, end);
  // One shared matcher (not a new RegExp per call, about 240 in a seed-story run): the insertion case
  // below recurses, so it puts back where this call's scan stood afterwards.
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    const raw = m[0];
    const s = start + m.index;
    if (ELLIPSIS.test(raw)) {
      out.push({ start: s, end: s + raw.length, norm: '…', censored: false, inserted: false, ellipsis: true, capital: false, numeric: false });
      continue;
    }
    if (raw.startsWith('[')) {
      // An insertion: its words are the editor's; kept so spans stay whole, flagged so alignment skips them.
      const resume = WORD.lastIndex;
      for (const w of words(text, s + 1, s + raw.length - 1)) out.push({ ...w, inserted: true });
      WORD.lastIndex = resume;
      continue;
    }
    pushNormalised(out, raw, s);
  }
  return out;
}

/** "6:00 p.m." is "6 p.m.": a ":00" after an hour adds no word (printed "6:00", "6: 00" or "6 p.m."). */
function dropZeroMinutes(text: string, ws: Word[]): Word[] {
  return ws.filter((w, i) => {
    const prev = ws[i - 1];
    return !(w.norm === '00' && prev?.numeric && /^:\s?$/.test(text.slice(prev.end, w.start)));
  });
}

/** Time-zone abbreviations a four-digit time is printed before ("0241 GMT"), lower case as words normalise. */
const TIME_ZONES: ReadonlySet<string> = new Set(['gmt', 'utc', 'bst', 'cet', 'cest', 'est', 'edt', 'cst', 'cdt', 'mst', 'mdt', 'pst', 'pdt', 'ist', 'jst', 'aest']);
const MERIDIEM = /^(?:a\.?m|p\.?m)$/;
const MINUTES_MERIDIEM = /^(\d\d)(am|pm)$/;

/**
 * "6:41pm", "6:41 p.m." and "18:41" are one time; "6 p.m." is "18": a 12-hour clock time becomes
 * its 24-hour hour and minutes, the am/pm word dropped, so quotes printed in either clock align.
 */
function clock24(text: string, ws: Word[]): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i] as Word;
    const h = Number(w.norm);
    const after = ws[i + 1];
    // "0241 GMT" is "02:41 GMT"; "02:41" is "2:41".
    if (w.numeric && /^[0-2]\d[0-5]\d$/.test(w.norm) && after && TIME_ZONES.has(after.norm)) {
      out.push({ ...w, norm: String(Number(w.norm.slice(0, 2))) }, { ...w, norm: w.norm.slice(2) });
      continue;
    }
    if (w.numeric && /^0\d$/.test(w.norm) && after && /^:\s?$/.test(text.slice(w.end, after.start))) {
      out.push({ ...w, norm: String(h) });
      continue;
    }
    if (!w.numeric || !/^\d{1,2}$/.test(w.norm) || h < 1 || h > 12) {
      out.push(w);
      continue;
    }
    const next = ws[i + 1];
    const colon = next !== undefined && /^:\s?$/.test(text.slice(w.end, next.start));
    const glued = colon ? MINUTES_MERIDIEM.exec(next.norm) : null;
    const marker = colon && /^\d\d$/.test(next.norm) ? ws[i + 2] : colon ? undefined : next;
    const pm = glued ? glued[2] === 'pm' : marker && MERIDIEM.test(marker.norm) ? marker.norm.startsWith('p') : null;
    if (pm === null) {
      out.push(w);
      continue;
    }
    out.push({ ...w, norm: String((h % 12) + (pm ? 12 : 0)) });
    if (colon && next) out.push({ ...next, norm: glued ? (glued[1] as string) : next.norm, numeric: true });
    i += colon ? (glued ? 1 : 2) : 1;
  }
  return out;
}

/**
 * British and American spellings of one word compare equal: "-our" is folded to "-or"
 * ("neighbourhood"/"neighborhood", "honoured"/"honored"). Only words of six letters or more, so
 * "your", "hour", "four" and "tour" stay as they are; a rare word folded by mistake ("contour") is
 * folded the same way in every rendering, so equality is unchanged.
 */
const OUR_SPELLING = /^([a-z]{3,})our(s|hood|hoods|ed|ing|ite|ites|able|er|ers|ful|less)?$/;
const foldSpelling = (w: string): string => (w.length >= 6 && w.includes('our') ? w.replace(OUR_SPELLING, '$1or$2') : w);

/** How one printed word normalises: the same for every occurrence, so it is worked out once. */
interface Normalised {
  capital: boolean;
  censored: boolean;
  parts: { norm: string; numeric: boolean }[];
}

/**
 * Printed words already normalised. A story repeats its vocabulary across sources and across the
 * passes that tokenise each sentence again (claims, quotes, every date and number pass), so most
 * lookups hit. Cleared when full: a hostile text of endless distinct words cannot grow it unbounded.
 */
const NORMALISED = new Map<string, Normalised>();
const NORMALISED_MAX = 100_000;

function pushNormalised(out: Word[], raw: string, s: number): void {
  let n = NORMALISED.get(raw);
  if (!n) {
    if (NORMALISED.size >= NORMALISED_MAX) NORMALISED.clear();
    n = normalise(raw);
    NORMALISED.set(raw, n);
  }
  const base = { start: s, end: s + raw.length, censored: n.censored, inserted: false, ellipsis: false, capital: n.capital };
  for (const p of n.parts) out.push({ ...base, norm: p.norm, numeric: p.numeric });
}

function normalise(raw: string): Normalised {
  // Plain string tests only: this runs for every distinct word of every source.
  const first = raw[0] ?? '';
  const capital = first !== first.toLowerCase();
  let w = raw.toLowerCase();
  if (w.includes('’')) w = w.replace(/’/g, "'");
  const censored = w.includes('*') || (w.includes('--') && w[0] !== '-');
  if (censored) return { capital, censored, parts: [{ norm: w, numeric: false }] };
  let percent = false;
  if (w.endsWith('%')) {
    percent = true;
    w = w.slice(0, -1);
  }
  // Dotted abbreviations are one word ("F.B.I." = FBI); hyphenated compounds are their parts
  // ("tax-filing" = "tax filing"), all sharing the printed word's span.
  if (w.includes('.') && !numeric(w) && DOTTED.test(w)) w = w.replace(/\./g, '');
  const pieces = numeric(w) || !w.includes('-') ? [w] : w.split('-').filter(Boolean);
  const parts: Normalised['parts'] = [];
  for (const piece of pieces.length ? pieces : [w]) for (const part of expand(piece)) parts.push({ norm: foldSpelling(part), numeric: numeric(part) });
  if (percent) parts.push({ norm: 'percent', numeric: false });
  return { capital, censored, parts };
}
const DOTTED = /^(?:[a-z]\.){2,}[a-z]?\.?$/;

function numeric(x: string): boolean {
  const c = x.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** "gonna" -> going to; "don't" -> do not; "I'm" -> i am; "Berg's" -> berg. */
export function expand(w: string): string[] {
  const { contractions } = lexicons();
  const whole = contractions.get(w);
  if (whole) return whole.split(' ');
  if (!w.includes("'")) return [w];
  if (w.endsWith("n't") && w.length > 3) {
    const stem = w.slice(0, -3);
    return [stem === 'ca' ? 'can' : stem === 'wo' ? 'will' : stem, 'not'];
  }
  for (const suffix of ["'m", "'re", "'ll", "'ve", "'d"]) {
    if (w.endsWith(suffix) && w.length > suffix.length) return [w.slice(0, -suffix.length), contractions.get(suffix) ?? suffix];
  }
  if (w.endsWith("'s")) return [w.slice(0, -2)];
  if (w.endsWith("'")) return [w.slice(0, -1)];
  return [w];
}

/** Joins split spellings that are one word elsewhere: "per cent" -> percent, "in to" -> into. */
function mergePairs(ws: Word[]): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < ws.length; i++) {
    const a = ws[i] as Word;
    const b = ws[i + 1];
    if (b && ((a.norm === 'per' && b.norm === 'cent') || (a.norm === 'in' && b.norm === 'to' && a.end !== b.end))) {
      out.push({ ...a, end: b.end, norm: a.norm === 'per' ? 'percent' : 'into' });
      i++;
    } else out.push(a);
  }
  return out;
}

/** True when two normalised words are the same word, a censored form matching by shape. */
export function sameWord(a: Word, b: Word): boolean {
  if (a.norm === b.norm) return true;
  if (!a.censored && !b.censored) return false;
  return censorMatch(a.norm, b.norm);
}

function censorMatch(a: string, b: string): boolean {
  if (a.length !== b.length || a[0] !== b[0]) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x !== y && !/[*-]/.test(x) && !/[*-]/.test(y)) return false;
  }
  return true;
}

/**
 * The key a word contributes to content comparison, or null for function words and elisions:
 * synonym sets collapse to one key, emphatic fillers to one, the rest are stemmed.
 */
export function contentKey(w: Word): string | null {
  const lex = lexicons();
  if (w.ellipsis || w.inserted) return null;
  if (w.censored) {
    for (const filler of lex.intensifiers) if (censorMatch(w.norm, filler)) return '#intens';
    return '#censored:' + w.norm.length + (w.norm[0] ?? '');
  }
  if (lex.stopwords.has(w.norm)) return null;
  if (lex.intensifiers.has(w.norm)) return '#intens';
  const syn = lex.synonym.get(w.norm);
  if (syn) return syn;
  const stemmed = stem(w.norm.replace(/\.$/, ''));
  return lex.synonym.get(stemmed) ?? stemmed;
}
