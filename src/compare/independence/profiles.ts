import { distance } from 'fastest-levenshtein';
import type { Dossier, LoadedFinding, ProfileFinding, SourceProfile, SpellingFinding } from '../../model/dossier.js';
import type { Evidence, Span } from '../../model/span.js';
import { evidence, overlaps } from '../../model/span.js';
import type { ArticleAnalysis } from '../../nlp/types.js';
import { phrasePattern, readLexicon } from './lexicon.js';
import { sentenceCandidates } from './sentence-candidates.js';
import type { SourceText } from './text.js';
import { contentWords, tokenRange } from './text.js';

/**
 * Source profiles: per source, its size, quotes and claims, the share of its claims nobody else reports,
 * and the wording a careful reader watches for, each finding with its spans: hedges, unsourced
 * generalisations, loaded words (paired with the neutral sentence another outlet used for the same
 * fact), engagement bait, and names spelled as in no other source. Words inside quotation marks are the
 * speaker's, not the outlet's, so they are left out of the wording findings.
 */

/** Content-word overlap (Dice) at which another source's sentence states the same fact. */
export const SAME_FACT_SIMILARITY = 0.3;
/** Shortest name word checked for spelling variants (short words differ by one letter all the time). */
export const MIN_NAME_LENGTH = 5;
/** Most edits between two spellings of one name, per this many letters (Jovic/Jovik: 1 in 5). */
export const LETTERS_PER_EDIT = 5;

function lexiconFindings(src: SourceText, re: RegExp, isQuoted: (i: number) => boolean, skip: (s: Span) => boolean): ProfileFinding[] {
  const byTerm = new Map<string, Evidence[]>();
  re.lastIndex = 0;
  for (const m of src.text.matchAll(re)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (isQuoted(span.start) || skip(span)) continue;
    const term = m[0].toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'");
    let l = byTerm.get(term);
    if (!l) byTerm.set(term, (l = []));
    l.push(evidence(src.id, src.text, span));
  }
  return [...byTerm.entries()].sort((a, b) => (a[1][0]?.start ?? 0) - (b[1][0]?.start ?? 0)).map(([term, ev]) => ({ term, evidence: ev }));
}

function dice(x: Set<string>, y: Set<string>): number {
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return (2 * common) / (x.size + y.size);
}

interface Sent {
  src: SourceText;
  span: Span;
  words: Set<string>;
}

/** Name words of a source: capitalised words not opening a sentence, or the language layer's mentions. */
/**
 * A test of whether an offset lies inside any of the spans, in O(log n): spans sorted by start with the
 * running maximum of their ends (testing every quoted span per token is quadratic in quote-dense texts).
 */
function insideAny(spans: readonly Span[]): (i: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  for (const [k, s] of sorted.entries()) maxEnd.push(Math.max(s.end, maxEnd[k - 1] ?? -Infinity));
  return (i) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid]?.start ?? Infinity) <= i) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && (maxEnd[lo - 1] ?? -Infinity) > i;
  };
}

function nameForms(src: SourceText, analysis: ArticleAnalysis | null, isQuoted: (i: number) => boolean): Map<string, Span[]> {
  const forms = new Map<string, Span[]>();
  const add = (w: string, span: Span): void => {
    if (w.length < MIN_NAME_LENGTH || !/^\p{Lu}\p{Ll}/u.test(w)) return;
    let l = forms.get(w);
    if (!l) forms.set(w, (l = []));
    l.push(span);
  };
  if (analysis?.mentions.length) {
    for (const m of analysis.mentions) {
      for (const w of m.text.matchAll(/[\p{L}]+/gu)) add(w[0], { start: m.start + w.index, end: m.start + w.index + w[0].length });
    }
    return forms;
  }
  const starts = new Set(src.sentences.map((s) => s.start));
  for (const t of src.tokens) {
    if (starts.has(t.start) || isQuoted(t.start)) continue;
    const w = src.text.slice(t.start, t.end);
    if (/['’]/.test(w)) continue;
    add(w, t);
  }
  return forms;
}

export interface ProfilesInput {
  dossier: Dossier;
  texts: SourceText[];
  analyses: Map<string, ArticleAnalysis | null>;
  stopWords: Set<string>;
}

export function buildProfiles(input: ProfilesInput): SourceProfile[] {
  const { dossier, texts, analyses, stopWords } = input;
  const hedges = phrasePattern(readLexicon('hedges.json', 'phrases'));
  const unsourced = phrasePattern(readLexicon('unsourced-generalisations.json', 'phrases'));
  const loaded = phrasePattern(readLexicon('loaded-language.json', 'words'));
  const bait = phrasePattern(readLexicon('engagement-bait.json', 'phrases'));
  const boiler = (id: string) => (s: Span): boolean => dossier.boilerplate.some((b) => b.source === id && overlaps(b, s));

  const quotedTest = new Map<string, (i: number) => boolean>();
  for (const t of texts) {
    const q = t.quoted;
    quotedTest.set(t.id, insideAny(q));
  }
  const sentences: Sent[] = texts.flatMap((src) =>
    src.sentences.map((span) => {
      const [a, b] = tokenRange(src.tokens, span);
      return { src, span, words: new Set(contentWords(src.tokens.slice(a, b), stopWords)) };
    }),
  );
  // Only the sentences that can reach SAME_FACT_SIMILARITY with a host, in story order (sentence-candidates.ts).
  const candidatesOf = sentenceCandidates(sentences, SAME_FACT_SIMILARITY);
  // Memoised: every loaded finding of every source scans all sentences, so testing the regex each time
  // made this quadratic in the story's size.
  const loadedIn = new Map<Sent, boolean>();
  const hasLoaded = (s: Sent): boolean => {
    let got = loadedIn.get(s);
    if (got === undefined) {
      loaded.lastIndex = 0;
      got = loaded.test(s.src.text.slice(s.span.start, s.span.end));
      loadedIn.set(s, got);
    }
    return got;
  };

  const forms = new Map(texts.map((t) => [t.id, nameForms(t, analyses.get(t.id) ?? null, quotedTest.get(t.id) ?? (() => false))]));

  // every spelling, with the sources that use it, bucketed by first letter for the variant search
  const usedBy = new Map<string, SourceText[]>();
  for (const t of texts) {
    for (const name of forms.get(t.id)?.keys() ?? []) {
      const l = usedBy.get(name);
      if (l) l.push(t);
      else usedBy.set(name, [t]);
    }
  }
  const byInitial = new Map<string, string[]>();
  for (const name of [...usedBy.keys()].sort()) {
    const l = byInitial.get(name[0] ?? '');
    if (l) l.push(name);
    else byInitial.set(name[0] ?? '', [name]);
  }

  return texts.map((src): SourceProfile => {
    const isQuoted = quotedTest.get(src.id) ?? ((): boolean => false);
    const skip = boiler(src.id);
    const analysis = analyses.get(src.id) ?? null;
    const claims = dossier.claims.filter((c) => c.evidence.some((e) => e.source === src.id));
    const single = claims.filter((c) => c.status === 'single-source').length;

    // loaded words, each paired with another source's sentence on the same fact that lacks loaded words
    const loadedFindings: LoadedFinding[] = lexiconFindings(src, loaded, isQuoted, skip).map((f) => {
      const first = f.evidence[0];
      const host = first ? sentences.find((s) => s.src === src && overlaps(s.span, first)) : undefined;
      let neutral: Evidence | null = null;
      if (host) {
        let best = SAME_FACT_SIMILARITY;
        for (const k of candidatesOf(host.words)) {
          const s = sentences[k] as Sent;
          if (s.src === src || hasLoaded(s)) continue;
          // Dice is at most 2·min/(sum) of the set sizes: a sentence that cannot reach `best` is skipped.
          const bound = (2 * Math.min(host.words.size, s.words.size)) / (host.words.size + s.words.size);
          if (!(bound >= best)) continue;
          const sim = dice(host.words, s.words);
          if (sim >= best) {
            best = sim;
            neutral = evidence(s.src.id, s.src.text, s.span);
          }
        }
      }
      return { ...f, neutral };
    });

    // spellings of names found in no other source, close to a spelling the others use
    const mine = forms.get(src.id) ?? new Map<string, Span[]>();
    const spellings: SpellingFinding[] = [];
    for (const [name, spans] of mine) {
      if ((usedBy.get(name)?.length ?? 0) > 1) continue;
      const maxEdits = Math.max(1, Math.floor(name.length / LETTERS_PER_EDIT));
      const variants = new Map<string, Evidence[]>();
      for (const other of byInitial.get(name[0] ?? '') ?? []) {
        if (mine.has(other) || Math.abs(other.length - name.length) > maxEdits) continue;
        // inflections are not spellings: "Jovic"/"Jovics", "Russia"/"Russian"
        if (other.startsWith(name) || name.startsWith(other)) continue;
        if (distance(name.toLowerCase(), other.toLowerCase()) > maxEdits) continue;
        const l: Evidence[] = [];
        for (const o of usedBy.get(other) ?? []) {
          const first = forms.get(o.id)?.get(other)?.[0];
          if (first) l.push(evidence(o.id, o.text, first));
        }
        variants.set(other, l);
      }
      const best = [...variants.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))[0];
      if (best) spellings.push({ name, others: best[0], evidence: spans.map((s) => evidence(src.id, src.text, s)), otherEvidence: best[1] });
    }

    return {
      source: src.id,
      words: src.tokens.length,
      quotes: analysis ? analysis.quotes.filter((q) => q.nestedIn === null).length : src.quoted.length,
      claims: claims.length,
      singleSourceShare: claims.length ? Math.round((single / claims.length) * 1000) / 1000 : null,
      hedges: lexiconFindings(src, hedges, isQuoted, skip),
      unsourcedGeneralisations: lexiconFindings(src, unsourced, isQuoted, skip),
      loadedLanguage: loadedFindings,
      engagementBait: lexiconFindings(src, bait, () => false, skip),
      nameSpellings: spellings.sort((a, b) => (a.evidence[0]?.start ?? 0) - (b.evidence[0]?.start ?? 0)),
    };
  });
}
