import type { Dossier, Provenance, ProvenanceRole, ProvenanceStep } from '../../model/dossier.js';
import type { Evidence, Span } from '../../model/span.js';
import { evidence, overlaps } from '../../model/span.js';
import type { ArticleAnalysis } from '../../nlp/types.js';
import { escapeRegExp, phrasePattern, readAliases, readLexicon } from './lexicon.js';
import { splitParagraphs } from '../../nlp/paragraphs.js';
import { byId, makeCoverTest, scanQuoted, splitSentences } from './text.js';

/**
 * Provenance: for each quote and each claim reported by several sources, the chain the sources describe:
 * who said it (speaker), to whom or through what it was said (channel: "told X", "in an interview with X",
 * "on social media"), who obtained a document or recording ("obtained by X"), who first published it
 * ("reported by X"), and the outlets that carry it. Each step keeps the spans where a source names it.
 * The chain is `disputed` when two sources name different actors for the same role and neither names
 * the other's (one says the speaker told agency A, the other agency B).
 */

const LEXICON = 'provenance-cues.json';
const ROLES_IN_TEXT: ProvenanceRole[] = ['channel', 'obtained-by', 'published-by'];
/** Most words an actor's name may run to after its cue ("the national state news agency Nordwire" is five). */
export const MAX_ACTOR_WORDS = 7;
/** Chain order: where the words came from first, then how they travelled, then who carries them. */
const ROLE_ORDER: Record<ProvenanceRole, number> = { speaker: 0, channel: 1, 'obtained-by': 2, 'published-by': 3, outlet: 4 };

interface Found {
  role: ProvenanceRole;
  actor: string;
  span: Span;
}

interface Cues {
  patterns: { role: ProvenanceRole; re: RegExp }[];
  platform: RegExp;
  nouns: Set<string>;
  connectors: Set<string>;
}

let cues: Cues | null = null;
function loadCues(): Cues {
  if (cues) return cues;
  cues = {
    patterns: ROLES_IN_TEXT.map((role) => ({ role, re: phrasePattern(readLexicon(LEXICON, role)) })),
    platform: new RegExp(`\\bon\\s+(${readLexicon(LEXICON, 'platforms').map((p) => p.replace(/\s+/g, '\\s+')).join('|')})(?![\\p{L}])`, 'gu'),
    nouns: new Set(readLexicon(LEXICON, 'actorNouns')),
    connectors: new Set(readLexicon(LEXICON, 'actorConnectors')),
  };
  return cues;
}

/**
 * The actor named right after a cue: an optional article, then capitalised words and the few nouns that
 * make up names of outlets and audiences ("state news agency", "reporters"), ending on one of those.
 */
export function actorAfter(text: string, from: number, c: Cues = loadCues()): Span | null {
  const re = /[\p{L}\p{N}][\p{L}\p{N}.’'&-]*/gu;
  re.lastIndex = from;
  let start = -1;
  let end = -1;
  let words = 0;
  let last = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const gap = text.slice(last, m.index);
    if (words > 0 && !/^[ \t]+$/.test(gap)) break;
    if (words === 0 && !/^[ \t]*$/.test(gap)) break;
    const w = m[0].replace(/[.’']+$/, '');
    const lower = w.toLowerCase();
    const isName = /^\p{Lu}/u.test(w);
    const isNoun = c.nouns.has(lower);
    const isLead = words === 0 && (lower === 'the' || lower === 'a' || lower === 'an');
    const isConnector = c.connectors.has(lower) && words > 0;
    if (!isName && !isNoun && !isLead && !isConnector) break;
    if (++words > MAX_ACTOR_WORDS + 1) break;
    if (isName || isNoun) {
      if (start < 0) start = m.index;
      end = m.index + w.length;
    }
    last = m.index + m[0].length;
    // a full stop after a word of three letters or more ends the sentence, not an abbreviation
    if (/\.$/.test(m[0]) && w.length >= 3 && !/\./.test(w)) break;
  }
  return start >= 0 && end > start ? { start, end } : null;
}

/** Every provenance phrase in a stretch of text, with the actor it names. */
export function findChannels(text: string, within: Span): Found[] {
  const c = loadCues();
  const slice = text.slice(within.start, within.end);
  const out: Found[] = [];
  for (const { role, re } of c.patterns) {
    re.lastIndex = 0;
    for (const m of slice.matchAll(re)) {
      const cueEnd = within.start + m.index + m[0].length;
      const actor = actorAfter(text, cueEnd, c);
      if (!actor || actor.end > within.end) continue;
      out.push({ role, actor: text.slice(actor.start, actor.end), span: actor });
    }
  }
  c.platform.lastIndex = 0;
  for (const m of slice.matchAll(c.platform)) {
    const name = m[1] ?? '';
    const start = within.start + m.index + m[0].length - name.length;
    if (!out.some((f) => overlaps(f.span, { start, end: start + name.length }))) out.push({ role: 'channel', actor: name, span: { start, end: start + name.length } });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** Key used to decide that two actor names are the same: their capitalised words, else all words. */
export function actorKey(actor: string): string[] {
  const words = actor.replace(/['’]s\b/g, '').split(/\s+/).filter(Boolean);
  const caps = words.filter((w) => /^\p{Lu}/u.test(w) && !/^(?:The|A|An)$/.test(w));
  return (caps.length ? caps : words).map((w) => w.toLowerCase());
}

/** Same actor when one name's key words are all in the other's ("Nordwire" and "state news agency Nordwire"). */
export function sameActor(a: string, b: string): boolean {
  const ka = actorKey(a);
  const kb = actorKey(b);
  const [small, big] = ka.length <= kb.length ? [ka, new Set(kb)] : [kb, new Set(ka)];
  return small.length > 0 && small.every((w) => big.has(w));
}

interface StepDraft {
  actor: string;
  role: ProvenanceRole;
  evidence: Evidence[];
  sources: Set<string>;
}

function addStep(steps: StepDraft[], role: ProvenanceRole, actor: string, source: string, ev: Evidence | null): void {
  // outlets are named by the input's metadata, exactly; actors named in text vary in length
  let step = steps.find((s) => s.role === role && (role === 'outlet' ? s.actor === actor : sameActor(s.actor, actor)));
  if (!step) steps.push((step = { actor, role, evidence: [], sources: new Set() }));
  // keep the fuller name ("state news agency Nordwire" over "Nordwire")
  else if (actor.length > step.actor.length && role !== 'outlet') step.actor = actor;
  step.sources.add(source);
  if (ev && !step.evidence.some((e) => e.source === ev.source && e.start === ev.start && e.end === ev.end)) step.evidence.push(ev);
}

/** Could two names be one actor? Lenient on purpose (any shared key word), so that only names with
 *  nothing in common (two different agencies) make a dispute; merging steps uses the stricter sameActor. */
function mayBeSame(a: string, b: string): boolean {
  const kb = new Set(actorKey(b));
  return actorKey(a).some((w) => kb.has(w));
}

let outletAliases: Set<string> | null = null;
/** A news outlet or agency by name (data/lexicons/organisations.json): "according to" it reports, not says. */
export function isOutlet(actor: string): boolean {
  outletAliases ??= new Set(Object.values(readAliases('organisations.json', 'outlets')).flat().map((a) => a.toLowerCase()));
  const words = actor.toLowerCase().replace(/['’]s\b/g, '').split(/\s+/);
  for (let i = 0; i < words.length; i++) for (let j = i + 1; j <= Math.min(words.length, i + 4); j++) if (outletAliases.has(words.slice(i, j).join(' '))) return true;
  return false;
}

/** Two sources name different actors for one role (each naming none of the other's). */
function disagreement(steps: StepDraft[]): string | null {
  for (const role of ROLES_IN_TEXT) {
    const bySource = new Map<string, StepDraft[]>();
    // only named actors can contradict each other: "reporters" or "donors" may include any named outlet
    for (const s of steps.filter((x) => x.role === role && /\p{Lu}/u.test(x.actor))) {
      for (const src of s.sources) {
        let l = bySource.get(src);
        if (!l) bySource.set(src, (l = []));
        l.push(s);
      }
    }
    const entries = [...bySource.entries()].sort((x, y) => byId(x[0], y[0]));
    for (let i = 0; i < entries.length; i++) {
      for (let j = i + 1; j < entries.length; j++) {
        const [sa, la] = entries[i] ?? ['', []];
        const [sb, lb] = entries[j] ?? ['', []];
        if (!la.some((x) => lb.some((y) => x === y || mayBeSame(x.actor, y.actor)))) return `${role}: ${sa} names ${la.map((x) => x.actor).join(', ')}; ${sb} names ${lb.map((x) => x.actor).join(', ')}`;
      }
    }
  }
  return null;
}

function paragraphAround(text: string, analysis: ArticleAnalysis | null, at: Span): Span {
  const paras = analysis?.paragraphs.length ? analysis.paragraphs : splitParagraphs({ text, boilerplate: [] });
  return paras.find((p) => p.start <= at.start && at.start < p.end) ?? at;
}

function finish(steps: StepDraft[], id: string, subject: Provenance['subject']): Provenance {
  const chain: ProvenanceStep[] = steps
    .map((s) => ({ actor: s.actor, role: s.role, evidence: s.evidence.sort((a, b) => byId(a.source, b.source) || a.start - b.start), sources: [...s.sources].sort(byId) }))
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || byId(a.sources[0] ?? '', b.sources[0] ?? ''));
  const note = disagreement(steps);
  return { id, subject, chain, disputed: note !== null, ...(note ? { note } : {}) };
}

export interface ProvenanceInput {
  dossier: Dossier;
  /** The language layer's analysis of each source, by source id (null when unknown). */
  analyses: Map<string, ArticleAnalysis | null>;
}

/** findChannels, once per stretch of a source: a paragraph holds many quotes, a sentence evidence for many claims. */
function channelCache(): (source: string, text: string, span: Span) => Found[] {
  const cache = new Map<string, Found[]>();
  return (source, text, span) => {
    const key = `${source}\u0000${span.start}:${span.end}`;
    let got = cache.get(key);
    if (!got) cache.set(key, (got = findChannels(text, span)));
    return got;
  };
}

/** Where `word` is printed in `text`, ascending. */
function occurrences(text: string, word: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) out.push(at);
  return out;
}

/** Whether an ascending list holds a value in [from, to]. */
function within(sorted: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && (sorted[lo] as number) <= to;
}

export function buildProvenance(input: ProvenanceInput): Provenance[] {
  const { dossier, analyses } = input;
  const texts = new Map(dossier.sources.map((s) => [s.id, s.text]));
  const outletOf = new Map(dossier.sources.map((s) => [s.id, s.outlet ?? s.id]));
  const out: Provenance[] = [];
  let n = 0;
  const sentenceCache = new Map<string, Span[]>();
  const sentencesOf = (source: string, text: string): Span[] => {
    let l = sentenceCache.get(source);
    if (!l) {
      const a = analyses.get(source);
      l = a?.sentences.length ? a.sentences : splitSentences(text, scanQuoted(text));
      sentenceCache.set(source, l);
    }
    return l;
  };
  // words inside quotation marks are the speaker's ("I told him ..."), never a step of the chain
  const quoted = new Map<string, (i: number) => boolean>();
  const inQuote = (source: string, i: number): boolean => {
    let test = quoted.get(source);
    if (!test) quoted.set(source, (test = makeCoverTest(scanQuoted(texts.get(source) ?? ''))));
    return test(i);
  };

  /**
   * Channels a source names for a speaker anywhere: a sentence naming the speaker (outside quotation
   * marks) followed by a cue ("Berg told X", "Berg said, according to Y"). A speaker usually reaches an
   * outlet through one channel per article, so this applies to each of the speaker's quotes there.
   */
  const channelsIn = channelCache();
  const speakerCache = new Map<string, Found[]>();
  const speakerChannels = (text: string, speaker: string, source: string): Found[] => {
    const key = `${source}\u0000${speaker}`;
    const hit = speakerCache.get(key);
    if (hit) return hit;
    const surname = speaker.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).pop() ?? '';
    const found: Found[] = [];
    if (surname.length > 2) {
      const re = new RegExp(`(?<![\\p{L}])${escapeRegExp(surname)}(?![\\p{L}])`, 'gu');
      const named = occurrences(text, surname);
      for (const sentence of sentencesOf(source, text)) {
        // the pattern matches only where the surname is printed: most sentences are passed over unread
        if (!within(named, sentence.start, sentence.end - surname.length)) continue;
        const slice = text.slice(sentence.start, sentence.end);
        for (const m of slice.matchAll(re)) {
          const at = sentence.start + m.index;
          if (inQuote(source, at)) continue;
          for (const f of findChannels(text, { start: at, end: sentence.end })) if (!found.some((g) => g.span.start === f.span.start)) found.push(f);
        }
      }
    }
    speakerCache.set(key, found);
    return found;
  };

  for (const cluster of dossier.quotes) {
    const steps: StepDraft[] = [];
    for (const v of cluster.variants) {
      const text = texts.get(v.source);
      if (text === undefined) continue;
      const analysis = analyses.get(v.source) ?? null;
      const q = analysis?.quotes.find((x) => overlaps(x, v));
      // the cluster's speaker is the one resolved across sources; a variant's own is a fallback
      const speaker = cluster.speaker ?? v.speaker ?? q?.speaker ?? null;
      if (speaker) addStep(steps, 'speaker', speaker, v.source, q?.speakerSpan ? evidence(v.source, text, q.speakerSpan) : null);
      if (q?.addressee && q.addresseeSpan) addStep(steps, 'channel', q.addressee, v.source, evidence(v.source, text, q.addresseeSpan));
      const found = [...channelsIn(v.source, text, paragraphAround(text, analysis, v)), ...(speaker ? speakerChannels(text, speaker, v.source) : [])];
      for (const f of found) {
        if (overlaps(f.span, v) || inQuote(v.source, f.span.start)) continue;
        addStep(steps, f.role, f.actor, v.source, evidence(v.source, text, f.span));
      }
      addStep(steps, 'outlet', outletOf.get(v.source) ?? v.source, v.source, null);
    }
    if (steps.length) out.push(finish(steps, `p${n++}`, { kind: 'quote', id: cluster.id }));
  }

  // Key claims: those several sources report; a chain only when some source says where it came from.
  for (const claim of dossier.claims) {
    const sources = new Set(claim.evidence.map((e) => e.source));
    if (sources.size < 2) continue;
    const steps: StepDraft[] = [];
    let named = false;
    for (const e of claim.evidence) {
      const text = texts.get(e.source);
      if (text === undefined) continue;
      for (const f of channelsIn(e.source, text, e)) {
        if (inQuote(e.source, f.span.start)) continue;
        // "according to X" before a claim names where it comes from: its speaker, or an outlet reporting it
        const cueBefore = text.slice(Math.max(0, f.span.start - 14), f.span.start).toLowerCase();
        const role: ProvenanceRole = cueBefore.includes('according to') ? (isOutlet(f.actor) ? 'published-by' : 'speaker') : f.role;
        addStep(steps, role, f.actor, e.source, evidence(e.source, text, f.span));
        named = true;
      }
      addStep(steps, 'outlet', outletOf.get(e.source) ?? e.source, e.source, null);
    }
    if (named) out.push(finish(steps, `p${n++}`, { kind: 'claim', id: claim.id }));
  }
  return out;
}
