import type { Span } from '../model/span.js';
import type { Mention, Quote, Sentence } from './types.js';
import type { ScannedQuote } from './quote-scan.js';
import { lexicons } from './lexicons.js';
import { tokenize, type Token } from './tokens.js';
import { BETWEEN_SPEAKER_AND_CUE, phraseEndingAt, phraseStartingAt, type SpeakerPhrase } from './speaker-phrase.js';
import { keepWithParents } from '../model/keep-with-parents.js';

/**
 * Who said each quote, with which cue, to whom. The nearest cue wins: right after the closing mark
 * ("...," he said / said Okafor / according to X), then before the opening mark (X said: "...",
 * X told reporters, "..."), then the sentence's cue ("He said Lindqvist "believed me""); a quote with
 * no cue that fills its paragraph continues the previous quote's speaker, and a paragraph ending
 * with a colon introduces the quotes of the next. Pronouns and descriptors are resolved to the
 * article's people; inside a quote, "I" is the quote's speaker and "he" the last other person named.
 */

/** Gap between an interrupted quote's parts that can hold an attribution ("," he said, "). */
const INTERRUPTION_MAX_CHARS = 80;
/** Words at most between two quoted phrases of one clause that are read as one statement. */
const LISTED_MAX_GAP_WORDS = 6;
/** Gap of an attribution sentence between two quotes of one utterance (`"A," said X, the ... . "B."`). */
const RESUMED_MAX_CHARS = 160;
/** How far after the closing mark an attribution is looked for. */
const AFTER_WINDOW = 140;
/**
 * Verbs whose speaker may follow them ("said Okafor", "added the spokesman"). After the others the
 * next phrase is an object or addressee ("told reporters", "called him a liar").
 */
const INVERTED_LEMMAS = new Set(['say', 'add', 'ask', 'write', 'continue', 'explain', 'note', 'recall', 'reply', 'respond', 'answer', 'declare', 'insist', 'argue', 'warn', 'quip', 'remark', 'observe', 'concede', 'acknowledge', 'admit', 'claim', 'state', 'counter', 'conclude', 'predict', 'joke', 'tweet', 'exclaim', 'go', 'read', 'begin']);

/** Words allowed after a trailing cue before its clause ends ("X said on Monday."). */
const TRAILING_REST_MAX_WORDS = 4;
/** Words after a closing mark searched for a trailing cue. */
const TRAILING_MAX_WORDS = 16;
/** Words at most between the closing mark and the speaker-and-cue of a trailing attribution. */
const AFTER_MAX_SKIP = 1;
/** After a quote ending in a comma the sentence goes on, so its attribution may come later ("...," if he can, Berg said). */
const AFTER_MAX_SKIP_COMMA = 8;
/** Up to this many words, a quoted phrase with no speech cue is a scare quote, title or nickname. */
const SCARE_MAX_WORDS = 4;
/** A sentence's subject is looked for among its first words. */
const SUBJECT_MAX_WORDS = 12;
/** Words that end a trailing attribution search: a new clause starts ("...choice." So he goes). */
const CLAUSE_OPENERS = new Set(['so', 'and', 'but', 'then', 'or', 'yet', 'because']);
/** How many sentences back a pronoun or descriptor is resolved. */
const RESOLVE_BACK_SENTENCES = 12;

export interface AttributionContext {
  text: string;
  paragraphs: Span[];
  sentences: Sentence[];
  mentions: Mention[];
}

interface Working {
  parts: Span[];
  open: Span | null;
  close: Span | null;
  parent: number | null;
  paragraph: number;
  kind: 'double' | 'single';
  /** Between the parts of an interrupted quote: a closing mark and the next opening mark. */
  gaps: { close: Span; open: Span }[];
}

const START = (q: Working): number => (q.parts[0] as Span).start;
const END = (q: Working): number => (q.parts[q.parts.length - 1] as Span).end;
const OUTER_START = (q: Working): number => q.open?.start ?? START(q);
const OUTER_END = (q: Working): number => q.close?.end ?? END(q);

function sentenceAt(sentences: Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid] as Sentence;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return mid;
  }
  return Math.max(0, Math.min(sentences.length - 1, lo - 1));
}

/** Words of a short stretch (letters, apostrophes, hyphens); spelled-out ranges are much faster than \p{L}. */
const WORDS_RE = /[A-Za-z\u00C0-\u024F'’-]+/g;

/** Text after a quote's closing mark, to the paragraph's end: does it start with an attribution of its own? */
function hasOwnTrailingCue(text: string, from: number, paraEnd: number): boolean {
  const lex = lexicons();
  const after = text.slice(from, Math.min(paraEnd, from + 60));
  if (!/^\s*[^\s"“”]/.test(after) || /^\s*["“]/.test(after)) return false;
  const words = after.toLowerCase().match(WORDS_RE) ?? [];
  return words.slice(0, 5).some((w) => lex.speechVerbs.has(w));
}

/**
 * Joins quotes that report one utterance: `"A," he said, "B."` and `"A," he said. "B."` (B with no cue
 * of its own) become one quote with two parts, the attribution between them kept in `gaps`;
 * `"A" and "B"` lists of quoted phrases become one quote too.
 */
function mergeInterrupted(text: string, quotes: Working[], paragraphs: Span[]): Working[] {
  const lex = lexicons();
  const out: Working[] = [];
  const remap = new Map<number, number>();
  quotes.forEach((q, i) => {
    // The previous top-level quote (nested quotes of the previous one may come in between).
    let prevIndex = out.length - 1;
    while (prevIndex >= 0 && out[prevIndex]?.parent !== null) prevIndex--;
    const prev = out[prevIndex];
    if (prev && q.parent === null && prev.parent === null && prev.close && q.open && prev.paragraph === q.paragraph && q.parts.length === 1) {
      const gap = text.slice(prev.close.end, q.open.start);
      const lastChar = text[prev.close.start - 1] ?? '';
      const words = gap.toLowerCase().match(WORDS_RE) ?? [];
      const speech = words.some((w) => lex.speechVerbs.has(w));
      const cleanGap = gap.replace(/\b([A-Za-z]+)\./g, (m, w: string) => (lex.abbreviations.has(w) || /^\p{Lu}$/u.test(w) ? w : m));
      const paraEnd = paragraphs[q.paragraph]?.end ?? text.length;
      const interrupted = gap.length <= INTERRUPTION_MAX_CHARS && speech && /[,\u2014\u2013-]/.test(lastChar) && !/[.!?;]/.test(cleanGap) && /[,:]\s*(?:and|but)?\s*$/.test(gap);
      const resumed = gap.length <= RESUMED_MAX_CHARS && speech && /^[^.!?;]*[.:]\s*$/.test(cleanGap) && q.close !== null && !hasOwnTrailingCue(text, q.close.end, paraEnd);
      // Quoted phrases strung through one clause (`"duped" by "a con"`, `"A" and then "B"`): one statement.
      const gapWords = gap.trim() ? gap.trim().split(/\s+/).length : 0;
      const titled = (w: Working): boolean => w.parts.some((p) => isTitleCase(text.slice(p.start, p.end)));
      const listed = gap.length > 0 && gapWords <= LISTED_MAX_GAP_WORDS && !speech && !/[.!?;:]/.test(gap) && !/[.!?]/.test(lastChar) && !titled(prev) && !titled(q);
      if (interrupted || resumed || listed) {
        prev.gaps = [...prev.gaps, { close: prev.close, open: q.open }];
        prev.parts = [...prev.parts, ...q.parts];
        prev.close = q.close;
        remap.set(i, prevIndex);
        return;
      }
    }
    remap.set(i, out.length);
    out.push({ ...q });
  });
  for (const q of out) if (q.parent !== null) q.parent = remap.get(q.parent) ?? null;
  return out;
}

/** Censoring (sh*t, s**t, f---), an insertion ([the minister]) or an elision (…, ...). */
const CENSORED = /[A-Za-z\u00C0-\u024F]\*+|\b[A-Za-z]-{2,}|\[[^\]]*\]|\u2026|\.\.\./;

/** Up to this many words, a quoted stretch in title case is a title rather than speech. */
const TITLE_MAX_WORDS = 6;
const TITLE_SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'to', 'for', 'at', 'by', 'with', 'from', 'is']);

function isTitleCase(content: string): boolean {
  const words = content.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  if (!words.length) return false;
  return words.every((w, i) => /^\p{Lu}/u.test(w) || (i > 0 && TITLE_SMALL_WORDS.has(w.toLowerCase())));
}

/** A word as counted in a quote (letters and digits, with inner apostrophes or censoring stars). */
// eslint-disable-next-line security/detect-unsafe-regex -- no failing suffix: the match ends wherever the repetition stops, so it never backtracks through the choices
const WORD_OF_QUOTE = /[0-9A-Za-z\u00C0-\u024F\u0370-\u1FFF\u2C00-\uD7FF]+(?:['’*][0-9A-Za-z\u00C0-\u024F*]+)*/g;

function wordCount(text: string, q: Working): number {
  let n = 0;
  for (const p of q.parts) n += (text.slice(p.start, p.end).match(WORD_OF_QUOTE) ?? []).length;
  return n;
}

interface Cue {
  token: Token;
  index: number;
  lemma: string;
  phrase: 'verb' | 'according';
}

/** Words before an -ing form that make it a verb ("was saying", "heard saying", "while adding"). */
const ING_VERB_CONTEXT = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'am', 'heard', 'seen', 'quoted', 'caught', 'while', 'after', 'before', 'by', 'without', 'kept', 'keeps', 'started', 'began', 'continued', 'went', 'on']);

/** An -ing form is a cue only as a verb: after a comma or colon, an auxiliary, or first ("warning" in "a similar warning" is a noun). */
function ingIsVerb(text: string, toks: Token[], i: number): boolean {
  const prev = toks[i - 1];
  const t = toks[i] as Token;
  if (!prev) return true;
  return /[,:;\u2014]/.test(text.slice(prev.end, t.start)) || ING_VERB_CONTEXT.has(prev.lower) || prev.possessive;
}

function cuesIn(toks: Token[], allowWeak: boolean, text = ''): Cue[] {
  const lex = lexicons();
  const out: Cue[] = [];
  toks.forEach((t, i) => {
    const lemma = lex.speechVerbs.get(t.lower);
    if (lemma && t.lower.endsWith('ing') && text && !ingIsVerb(text, toks, i)) return;
    if (lemma && !t.cap && (allowWeak || !lex.weakVerbs.has(lemma))) out.push({ token: t, index: i, lemma, phrase: 'verb' });
    else if (lemma && t.cap && i === 0 && (allowWeak || !lex.weakVerbs.has(lemma))) out.push({ token: t, index: i, lemma, phrase: 'verb' });
    else if (t.lower === 'according' && toks[i + 1]?.lower === 'to') out.push({ token: t, index: i, lemma: 'according to', phrase: 'according' });
  });
  return out;
}

/** Who it was said to: "told reporters", "said to Reuters", "told Russian state news agency Tass". */
const ADDRESSEE_STOP = new Set(['that', 'he', 'she', 'they', 'it', 'we', 'i', 'on', 'last', 'this', 'earlier', 'yesterday', 'today', 'during', 'at', 'after', 'before', 'in', 'when', 'while', 'as', 'about', 'of', 'following', 'according', 'referring', 'adding', 'saying', 'but', 'and', 'there', 'his', 'her', 'if', 'how', 'what', 'why', 'whether', 'not']);

const ADDRESSEE_STOP_VERBS = new Set(['said', 'says', 'told', 'added', 'was', 'is', 'were', 'are', 'had', 'has', 'would', 'will']);

function addresseeAfter(text: string, toks: Token[], cue: Cue, limit: number): Span | null {
  let k = cue.index + 1;
  if (cue.lemma === 'say' || cue.lemma === 'write' || cue.lemma === 'explain' || cue.lemma === 'add') {
    if (toks[k]?.lower !== 'to') return null;
    k++;
  } else if (cue.lemma !== 'tell') return null;
  if (toks[k]?.lower === 'the') k++;
  const first = toks[k];
  if (!first || first.start >= limit) return null;
  let end = first.end;
  let prev = first;
  if (ADDRESSEE_STOP.has(first.lower) || ADDRESSEE_STOP_VERBS.has(first.lower)) return null;
  for (let j = k + 1; j < toks.length && j < k + 6; j++) {
    const t = toks[j];
    if (!t || t.start >= limit) break;
    if (!/^\s+$/.test(text.slice(prev.end, t.start))) break;
    if (ADDRESSEE_STOP.has(t.lower) || ADDRESSEE_STOP_VERBS.has(t.lower)) break;
    end = t.end;
    prev = t;
  }
  return { start: first.start, end };
}

export function attributeQuotes(ctx: AttributionContext, scanned: ScannedQuote[]): Quote[] {
  const { text, sentences, mentions } = ctx;
  let work: Working[] = scanned.map((q) => ({ parts: q.parts, open: q.open, close: q.close, parent: q.parent, paragraph: q.paragraph, kind: q.kind, gaps: [] }));
  work = mergeInterrupted(text, work, ctx.paragraphs);
  const mentionsByEnd = new Map<number, Mention>();
  const mentionsByStart = new Map<number, Mention>();
  for (const m of mentions) {
    mentionsByEnd.set(m.end, m);
    mentionsByStart.set(m.start, m);
  }
  const topLevel = work.filter((q) => q.parent === null);
  // The quoted stretches with their marks; the attribution between an interrupted quote's parts is outside.
  const quoteExtents = topLevel.flatMap((q) => q.parts.map((p) => ({ start: Math.max(0, p.start - 2), end: p.end + 2 })));
  quoteExtents.sort((a, b) => a.start - b.start);
  const insideQuote = (pos: number): boolean => {
    // Extents do not overlap (parts of top-level quotes): binary search for the last one starting at or before pos.
    let lo = 0;
    let hi = quoteExtents.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((quoteExtents[mid] as Span).start <= pos) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 && pos < (quoteExtents[found] as Span).end;
  };

  // Sentence subjects: the first person (or pronoun) of each sentence, outside quotes.
  const subjectOf = new Map<number, SpeakerPhrase>();
  const personMentions = mentions.filter((m) => m.kind === 'person');

  const results: (Quote | null)[] = work.map(() => null);
  const speakerOf: (string | null)[] = work.map(() => null);

  /** Resolves a phrase to a canonical name, looking back from `pos`. */
  const resolve = (phrase: SpeakerPhrase, pos: number, outer: number | null, excludeName: string | null): string | null => {
    if (phrase.kind === 'mention' && phrase.mention) return phrase.mention.canonical;
    // Inside a quote, "he" is someone other than the quote's speaker.
    const exclude = excludeName ?? (outer !== null ? (speakerOf[outer] ?? null) : null);
    if (outer !== null) {
      const oq = work[outer];
      if (phrase.head === 'i' || phrase.head === 'we') return speakerOf[outer] ?? null;
      if (oq) {
        // The last person named inside the enclosing quote other than its speaker, else its addressee.
        const inside = personMentions.filter((m) => m.start >= START(oq) && m.end <= pos && m.canonical !== speakerOf[outer]);
        const last = inside[inside.length - 1];
        if (last) return last.canonical;
        const addr = results[outer]?.addressee;
        if (addr) return addr;
      }
    }
    if (phrase.head === 'i' || phrase.head === 'we') return null;
    const si = sentenceAt(sentences, pos);
    const from = Math.max(0, si - RESOLVE_BACK_SENTENCES);
    if (phrase.kind === 'descriptor') {
      // The most recent person the article described with this role word.
      for (let i = personMentions.length - 1; i >= 0; i--) {
        const m = personMentions[i] as Mention;
        if (m.start >= pos) continue;
        if (m.descriptor && m.descriptor.toLowerCase().includes(phrase.head.replace(/s$/, ''))) return m.canonical;
      }
      if (!/-year-old$/.test(phrase.head) && !['man', 'woman', 'leader', 'president'].includes(phrase.head)) return null;
    }
    if (phrase.head === 'they') return null;
    // Prefer the subject of a recent sentence; then the nearest person before.
    for (let s = si; s >= from; s--) {
      const sub = subjectOf.get(s);
      if (sub && sub.start < pos && sub.mention && sub.mention.canonical !== exclude) return sub.mention.canonical;
    }
    for (let i = personMentions.length - 1; i >= 0; i--) {
      const m = personMentions[i] as Mention;
      if (m.start < pos && !insideQuote(m.start) && m.canonical !== exclude) return m.canonical;
    }
    return null;
  };

  // Subjects: the first person named in a sentence (outside quotes) within its first words; a
  // sentence opening with "he"/"she" keeps the previous sentence's subject.
  let lastSubject: SpeakerPhrase | null = null;
  sentences.forEach((s, si) => {
    const toks = tokenize(text, s.start, Math.min(s.end, s.start + 200));
    for (let k = 0; k < Math.min(toks.length, SUBJECT_MAX_WORDS); k++) {
      const t = toks[k] as Token;
      if (insideQuote(t.start)) break;
      if ((t.lower === 'he' || t.lower === 'she') && lastSubject) {
        subjectOf.set(si, lastSubject);
        break;
      }
      const p = phraseEndingAt(toks, k, mentionsByEnd, text);
      if (p && p.kind === 'mention' && p.mention?.kind === 'person') {
        subjectOf.set(si, p);
        lastSubject = p;
        break;
      }
    }
  });

  interface Found {
    phrase: SpeakerPhrase | null;
    cue: Cue | null;
    addressee: Span | null;
  }

  const fromTokens = (toks: Token[], cue: Cue, windowStart: number): Found => {
    if (cue.phrase === 'according') return { phrase: phraseStartingAt(toks, cue.index + 2, mentionsByStart, text), cue, addressee: null };
    // "..., adding:" / ", saying": the sentence's subject speaks.
    const before = toks[cue.index - 1];
    if (before && /ing$/.test(cue.token.lower) && text.slice(before.end, cue.token.start).includes(',')) return { phrase: null, cue, addressee: null };
    // Subject before the verb, over adverbs and auxiliaries and an apposition between commas.
    let k = cue.index - 1;
    while (k >= 0) {
      const t = toks[k] as Token;
      const gapToNext = text.slice(t.end, (toks[k + 1] as Token).start);
      if (gapToNext.includes(',')) {
        // "Okafor, the ministry spokesman, said": the word before the apposition's opening comma.
        const comma = text.slice(windowStart, t.end).lastIndexOf(',');
        let jj = -1;
        if (comma >= 0) {
          const pos = windowStart + comma;
          jj = k;
          while (jj >= 0 && (toks[jj] as Token).start > pos) jj--;
        }
        const ph = jj >= 0 ? phraseEndingAt(toks, jj, mentionsByEnd, text) : null;
        return { phrase: ph, cue, addressee: null };
      }
      if (!BETWEEN_SPEAKER_AND_CUE.has(t.lower)) break;
      k--;
    }
    const phrase = k >= 0 ? phraseEndingAt(toks, k, mentionsByEnd, text) : null;
    if (phrase) return { phrase, cue, addressee: null };
    // "X outlined his plan and vowed ...": a coordinated verb shares the sentence's subject.
    if (k >= 0 && ((toks[k] as Token).lower === 'and' || (toks[k] as Token).lower === 'but') && windowStart === sentenceStartOf(windowStart)) {
      const sub = subjectOf.get(sentenceAt(sentences, windowStart));
      if (sub && sub.start < (toks[k] as Token).start) return { phrase: sub, cue, addressee: null };
      for (let j = 0; j < Math.min(k, SUBJECT_MAX_WORDS); j++) {
        const p = phraseStartingAt(toks, j, mentionsByStart, text);
        if (p) return { phrase: p, cue, addressee: null };
        if (!lexicons().functionWords.has((toks[j] as Token).lower)) break;
      }
    }
    // "said X" (inverted) or "..., adding:" with the subject at the start of the sentence.
    const after = INVERTED_LEMMAS.has(cue.lemma) ? phraseStartingAt(toks, cue.index + 1, mentionsByStart, text) : null;
    if (after && cue.token.lower.endsWith('ing') === false && (after.kind !== 'pronoun' || ['he', 'she'].includes(after.head))) return { phrase: after, cue, addressee: null };
    return { phrase: null, cue, addressee: null };
  };

  const sentenceHasVerb = (s: Sentence): boolean => {
    const lex = lexicons();
    return tokenize(text, s.start, s.end).some((t) => (lex.speechVerbs.has(t.lower) || lex.cognitiveVerbs.has(t.lower)) && !insideQuote(t.start));
  };

  /** The phrase opening a sentence (a name, pronoun or determiner phrase), before `to`. */
  const sentenceOpeningPhrase = (from: number, to: number): SpeakerPhrase | null => {
    const toks = tokenize(text, from, to);
    const first = toks[0];
    if (!first || insideQuote(first.start)) return null;
    const p = phraseStartingAt(toks, 0, mentionsByStart, text);
    if (!p || (p.kind === 'pronoun' && (p.head === 'i' || p.head === 'we'))) return null;
    // The phrase must be followed by a verb-like word, not be an introductory phrase ("In 2010, ...").
    return /^[^,;:]*$/.test(text.slice(p.end, Math.min(to, p.end + 3))) ? p : null;
  };

  /** The start of the sentence holding `pos`. */
  const sentenceStartOf = (pos: number): number => (sentences[sentenceAt(sentences, pos)] as Sentence).start;

  /** The first person or organisation named (outside quotes) in [from, to), else a he/she/they, else a capitalised phrase. */
  const firstNameIn = (from: number, to: number): SpeakerPhrase | null => {
    const toks = tokenize(text, from, to).filter((t) => !insideQuote(t.start));
    let pronoun: SpeakerPhrase | null = null;
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k] as Token;
      const m = mentionsByStart.get(t.start);
      if (m && (m.kind === 'person' || m.kind === 'org')) return { start: m.start, end: m.end, kind: 'mention', mention: m, head: m.canonical };
      if (!pronoun && ['he', 'she', 'they'].includes(t.lower)) pronoun = { start: t.start, end: t.end, kind: 'pronoun', mention: null, head: t.lower };
    }
    return pronoun;
  };

  /** `"...," he said` / `"...?" asked X` / `"..." Berg told reporters` after a closing mark at `mark`. */
  const trailing = (close: Span, hi: number, outerQ: Working | undefined | null): Found | null => {
    const mark = close.start;
    const closeEnd = close.end;
    const aEnd = Math.min(hi, closeEnd + AFTER_WINDOW);
    const toks = tokenize(text, closeEnd, aEnd).filter((t) => !(!outerQ && insideQuote(t.start) && t.start >= closeEnd));
    // The quote's last character, past the closing marks of a quote nested at its end (`...,'"`).
    let lc = mark - 1;
    while (lc > 0 && /['’"”]/.test(text[lc] ?? '')) lc--;
    const lastChar = text[lc] ?? '';
    const first = toks[0];
    if (!first) return null;
    // "..." ― Sonya Herridge: a dash and a name end the paragraph.
    const dashed = /^\s*[\u2015\u2014\u2013-]\s*/.exec(text.slice(closeEnd, closeEnd + 4));
    if (dashed && first.cap) {
      const ph = phraseStartingAt(toks, 0, mentionsByStart, text);
      if (ph) return { phrase: ph, cue: null, addressee: null };
    }
    // Not `"...choice." So he goes`; and a quote ending mid-phrase ("a “con” artist") has no trailing cue.
    if (CLAUSE_OPENERS.has(first.lower) || /[.!?;:]/.test(text.slice(closeEnd, first.start))) return null;
    if (lastChar === '.' && first.cap && insideQuote(first.start)) return null;
    const punctuated = /[,.!?\u2014\u2013\u2026-]/.test(lastChar);
    const maxSkip = lastChar === ',' ? AFTER_MAX_SKIP_COMMA : AFTER_MAX_SKIP;
    // The cue may follow a long apposition ("..." Scott Pruitt, the attorney general of Oklahoma, said);
    // the speaker phrase's position is what is checked below.
    const cues = cuesIn(toks.slice(0, TRAILING_MAX_WORDS), true, text);
    const cue = cues[0];
    if (!cue) return null;
    if (cue.index === 0 && cue.phrase === 'verb') {
      const ph = INVERTED_LEMMAS.has(cue.lemma) ? phraseStartingAt(toks, 1, mentionsByStart, text) : null;
      return ph ? { phrase: ph, cue, addressee: addresseeAfter(text, toks, cue, aEnd) } : null;
    }
    if (!punctuated) return null;
    if (cue.phrase === 'according') return cue.index <= maxSkip ? { phrase: phraseStartingAt(toks, cue.index + 2, mentionsByStart, text), cue, addressee: null } : null;
    const f = fromTokens(toks, cue, closeEnd);
    const at = f.phrase ? toks.findIndex((t) => t.start >= (f.phrase as SpeakerPhrase).start) : -1;
    if (!f.phrase || at < 0 || at > maxSkip) return null;
    // After a quote that ends its sentence, a new sentence "X insisted that ..." is its own statement,
    // not this quote's attribution: accept only "X said." or "X told reporters, "..."".
    if (/[.!?]/.test(lastChar)) {
      const addressee = addresseeAfter(text, toks, cue, aEnd);
      const from = addressee ? addressee.end : cue.token.end;
      const rest = text.slice(from, aEnd);
      const stop = rest.search(/[.,:;!?"“”]/);
      if (stop < 0 || !/[.,:]/.test(rest.charAt(stop)) || (rest.slice(0, stop).match(/\S+/g) ?? []).length > TRAILING_REST_MAX_WORDS) return null;
    }
    return { ...f, addressee: addresseeAfter(text, toks, cue, aEnd) };
  };

  work.forEach((q, qi) => {
    const start = START(q);
    const end = END(q);
    const outer = q.parent;
    const outerQ = outer !== null ? work[outer] : undefined;
    const si = sentenceAt(sentences, OUTER_START(q));
    const sentence = sentences[si] as Sentence;
    // Window limits: inside an enclosing quote the attribution must lie inside it too.
    const lo = outerQ ? Math.max(sentence.start, START(outerQ)) : sentence.start;
    const siEnd = sentenceAt(sentences, Math.max(OUTER_END(q) - 1, OUTER_START(q)));
    const hiSentence = sentences[siEnd] as Sentence;
    // A quote ending its sentence may still be attributed in the next words (`"..." Berg told reporters`).
    const paraEnd = ctx.paragraphs[q.paragraph + q.parts.length - 1]?.end ?? hiSentence.end;
    let hi = outerQ ? Math.min(END(outerQ), paraEnd) : paraEnd;
    // Stop at the next quote at the same level.
    for (let j = qi + 1; j < work.length; j++) {
      const other = work[j] as Working;
      if (other.parent === q.parent && OUTER_START(other) >= OUTER_END(q)) {
        hi = Math.min(hi, OUTER_START(other));
        break;
      }
    }
    let found: Found | null = null;
    // 1. Between the parts of an interrupted quote, then after the closing mark.
    for (const gap of q.gaps) {
      found = trailing(gap.close, gap.open.start, null);
      if (found?.phrase) break;
    }
    if (!found?.phrase && q.close) found = trailing(q.close, hi, outerQ);
    // 2. Before the opening mark, within the sentence (the last cue before the quote).
    if (!found?.phrase) {
      let bStart = lo;
      for (let j = qi - 1; j >= 0; j--) {
        const other = work[j] as Working;
        if (other.parent === q.parent && OUTER_END(other) <= OUTER_START(q) && OUTER_END(other) > bStart) {
          bStart = OUTER_END(other);
          break;
        }
      }
      const toks = tokenize(text, bStart, OUTER_START(q));
      const cues = cuesIn(toks, true, text);
      // A partial quote inside a clause ("She said she recalls being "confused"") belongs to the main
      // clause's speaker: try cues from the first; a quote introduced by "said," or ":" from the last.
      const introduced = /[,:]\s*$/.test(text.slice(bStart, OUTER_START(q)));
      const order = introduced ? [...cues].reverse() : cues;
      let f: Found | null = null;
      for (const cue of order) {
        const g = fromTokens(toks, cue, bStart);
        if (!g.phrase && cue.token.lower.endsWith('ing')) continue; // "..., adding": an earlier cue or the subject
        if (g.phrase) {
          f = { ...g, addressee: addresseeAfter(text, toks, cue, OUTER_START(q)) };
          break;
        }
        f ??= { ...g, addressee: addresseeAfter(text, toks, cue, OUTER_START(q)) };
      }
      const onlyParticiple = cues.length > 0 && cues.every((c) => c.token.lower.endsWith('ing'));
      if (cues.length && (!f?.phrase) && (onlyParticiple || introduced)) {
        // "..., adding:" / "saying": the subject of the sentence speaks.
        const ph = subjectOf.get(si) ?? firstNameIn(lo, OUTER_START(q));
        if (ph) f = { phrase: ph, cue: cues[cues.length - 1] ?? null, addressee: null };
      }
      if (f) found = f;
      else if (/:\s*$/.test(text.slice(bStart, OUTER_START(q))) && outerQ === undefined) {
        // `X scolded him: "..."`: a colon introduces the quote; the sentence's subject speaks.
        const sub = subjectOf.get(si);
        const ph = (sub && sub.start >= sentence.start ? sub : null) ?? firstNameIn(sentence.start, OUTER_START(q));
        if (ph) found = { phrase: ph, cue: null, addressee: null };
      }
    }
    // 2b. A sentence-final attribution after more words: `"..." to drive up the price, she said.`
    if (!found?.phrase && q.close) {
      const endSentence = sentences[sentenceAt(sentences, q.close.end)] as Sentence;
      const limit = Math.min(hi, endSentence.end);
      const toks = tokenize(text, q.close.end, limit);
      const cues = cuesIn(toks, false, text);
      const cue = cues[cues.length - 1];
      // eslint-disable-next-line security/detect-unsafe-regex -- applied to a slice of at most a few dozen characters
      if (cue && cue.index > 0 && /^[\s.]*$/.test(text.slice(cue.token.end, limit).replace(/^\s+\S+(?:\s+\S+){0,3}/, (m) => (/[,]/.test(m) ? m : '')))) {
        const f = fromTokens(toks, cue, q.close.end);
        const ph = f.phrase;
        if (ph && /,\s*$/.test(text.slice(Math.max(q.close.end, ph.start - 3), ph.start))) found = { ...f, addressee: addresseeAfter(text, toks, cue, limit) };
      }
    }
    // 2c. A quote inside a sentence with no cue the patterns know ("Moore thanked him for "..."",
    // "X is labeling it "..."): the sentence's subject, when the sentence opens with a name or phrase.
    // A short quoted term gets this only when the sentence has a speech or belief verb somewhere:
    // otherwise it is a scare quote, a title or a nickname, not speech.
    if (!found?.phrase && outerQ === undefined && OUTER_START(q) > sentence.start + 1 && (wordCount(text, q) > SCARE_MAX_WORDS || sentenceHasVerb(sentence))) {
      const ph = subjectOf.get(si) ?? sentenceOpeningPhrase(sentence.start, OUTER_START(q));
      if (ph) found = { phrase: ph, cue: null, addressee: null };
    }
    // 3. No cue: a quote filling its paragraph continues the previous quote's speaker; a paragraph
    // ending with a colon introduces it.
    let speaker: string | null = null;
    let speakerSpan: Span | null = null;
    if (found?.phrase) {
      speakerSpan = { start: found.phrase.start, end: found.phrase.end };
      speaker = resolve(found.phrase, found.phrase.start, outer, null);
      if (found.phrase.kind === 'descriptor' && !speaker) speaker = text.slice(found.phrase.start, found.phrase.end);
      if (found.phrase.kind === 'pronoun' && !speaker && outer === null) speaker = null;
    } else {
      const prevPara = ctx.paragraphs[q.paragraph - 1];
      // A backward scan that stops at the first hit (copying and reversing the list per quote was quadratic).
      let prevIdx = -1;
      for (let k = qi - 1; k >= 0 && prevIdx < 0; k--) if (work[k]?.parent === q.parent) prevIdx = k;
      if (prevPara && /:\s*$/.test(text.slice(prevPara.start, prevPara.end)) && outer === null) {
        const ps = sentenceAt(sentences, prevPara.end - 1);
        const sub = subjectOf.get(ps);
        const st = tokenize(text, (sentences[ps] as Sentence).start, prevPara.end);
        const cues = cuesIn(st, true, text);
        const c = cues[cues.length - 1];
        const f = c ? fromTokens(st, c, (sentences[ps] as Sentence).start) : null;
        const ph = f?.phrase ?? sub ?? null;
        if (ph) {
          speakerSpan = { start: ph.start, end: ph.end };
          speaker = resolve(ph, ph.start, null, null);
          found = { phrase: ph, cue: c ?? null, addressee: null };
        }
      } else if (prevIdx >= 0 && (results[prevIdx]?.speaker ?? null) !== null) {
        const pq = work[prevIdx] as Working;
        const samePara = pq.paragraph === q.paragraph;
        const adjacentPara = pq.paragraph + pq.parts.length >= q.paragraph - 1 || q.paragraph - pq.paragraph <= 1;
        const fillsPara = OUTER_START(q) <= (ctx.paragraphs[q.paragraph]?.start ?? 0) + 1;
        if (samePara || (adjacentPara && fillsPara)) {
          const r = results[prevIdx] as Quote;
          speaker = r.speaker;
          speakerSpan = r.speakerSpan;
        }
      }
    }
    speakerOf[qi] = speaker;
    const cue = found?.cue ?? null;
    const addressee = found?.addressee ?? null;
    const content = text.slice(start, end);
    const words = wordCount(text, q);
    const hasCue = cue !== null || /:\s*$/.test(text.slice(Math.max(lo, OUTER_START(q) - 3), OUTER_START(q)));
    // Scare quotes, titles and nicknames: a few quoted words with no speech cue anywhere near.
    if (words <= SCARE_MAX_WORDS && !hasCue && !speaker) {
      const anyVerb = tokenize(text, sentence.start, sentence.end).some((t) => lexicons().speechVerbs.has(t.lower) && !insideQuote(t.start));
      if (!anyVerb || !/[.!?,]$/.test(content)) return;
    }
    if (words === 0) return;
    // Titles of shows, books and ads ("Face the Nation", titled "Arrogant"): short, in title case, not introduced as speech.
    if (words <= TITLE_MAX_WORDS && isTitleCase(content) && !(cue && cue.index === 0) && !/[,:]\s*$/.test(text.slice(Math.max(0, OUTER_START(q) - 3), OUTER_START(q))) && !(found?.phrase && found.cue && found.cue.token.start > OUTER_END(q))) return;
    const censored = CENSORED.test(content);
    const partial = words <= SCARE_MAX_WORDS + 4 && /^\p{Ll}/u.test(content) ? true : words <= SCARE_MAX_WORDS && !/[.!?]$/.test(content);
    results[qi] = {
      start,
      end,
      text: content,
      parts: q.parts.map((p) => ({ start: p.start, end: p.end })),
      open: q.open,
      close: q.close,
      speaker,
      speakerSpan,
      cue: cue ? (cue.phrase === 'according' ? 'according to' : cue.token.text) : null,
      cueSpan: cue ? { start: cue.token.start, end: cue.phrase === 'according' ? cue.token.end + 3 : cue.token.end } : null,
      addressee: addressee ? text.slice(addressee.start, addressee.end) : null,
      addresseeSpan: addressee,
      direct: true,
      nestedIn: outer,
      censored,
      partial,
    };
  });
  // Renumber nestedIn after dropped quotes.
  return keepWithParents(
    results,
    (r): r is Quote => r !== null,
    (r) => r.nestedIn,
    (r, nestedIn) => ({ ...r, nestedIn }),
  );
}
