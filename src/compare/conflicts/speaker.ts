import type { Conflict, QuoteCluster, QuoteVariant } from '../../model/dossier.js';
import type { Span } from '../../model/span.js';
import { lexicons } from '../lexicon.js';
import { speakerKey } from '../quotes/speaker.js';
import type { SourceDoc } from '../source-doc.js';
import { postingLists } from '../text/postings.js';
import { words } from '../text/tokens.js';
import { conflictFrom, outletsIn, touchesQuote } from './common.js';

/**
 * Speaker conflicts: two sources give the same statement (a quotation or reported speech, in
 * near-identical sentences) but name two different people as its speaker ("..., Ann Marlow said"
 * vs "..., Joe Brandt said"). Precision first: the same person named differently is not a dispute,
 * so two speakers differ only when both are names (not a title, role, pronoun or organisation)
 * whose surnames differ ("Marlow" = "Ann Marlow" = "Mr Marlow" = "A. Marlow").
 */

/** Words of a sentence, less its speaker's name, that must recur in the other: the same statement. */
const MIN_SHARED_SHARE = 0.85;
/** A short sentence ("Smith said so.") is not enough to call two statements one. */
const MIN_STATEMENT_WORDS = 6;
const NAME = String.raw`\p{Lu}[\p{L}’'.-]+(?:\s+\p{Lu}[\p{L}’'.-]+){0,3}`;
/** Capitalised words before "said" that do not name one person. */
const NOT_PEOPLE = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'the', 'police', 'officials', 'authorities', 'witnesses', 'this', 'that', 'who', 'and', 'but']);

export interface Attributed {
  source: number;
  sentence: Span;
  /** The speaker's name as written and its surname key. */
  name: string;
  key: string;
  /** Normalised words of the sentence outside the speaker's name. */
  rest: Set<string>;
}

export function speakerConflicts(docs: SourceDoc[], clusters: QuoteCluster[] = []): Conflict[] {
  const out = sentenceConflicts(docs);
  const taken = (x: Attributed): boolean => out.some((c) => c.sides.some((sd) => sd.evidence.some((e) => e.source === (docs[x.source] as SourceDoc).id && e.start < x.sentence.end && x.sentence.start < e.end)));
  // A quotation that outlets render in different words is still one utterance: its cluster says so.
  for (const q of clusters) {
    const named = q.variants.map((v) => namedVariant(docs, v)).filter((x): x is Attributed => x !== null && !taken(x));
    const pair = pairs(named).find(([a, b]) => a.source !== b.source && a.key !== b.key && !namesOther(docs, a, b));
    const c = pair ? conflictOf(docs, pair[0], pair[1]) : null;
    if (c) out.push(c);
  }
  return out;
}

function pairs<T>(xs: T[]): [T, T][] {
  return xs.flatMap((a, i) => xs.slice(i + 1).map((b): [T, T] => [a, b]));
}

/** A cluster's rendering whose speaker is named (not a pronoun resolved) in the quotation's own sentence. */
function namedVariant(docs: SourceDoc[], v: QuoteVariant): Attributed | null {
  const doc = docs.find((d) => d.id === v.source);
  if (!doc || !v.speaker) return null;
  const sentence = doc.sentences.find((x) => x.start <= v.start && v.start < x.end);
  if (!sentence || sentence.end < v.end) return null;
  // The sentence must name the same speaker in its own "NAME said" / "said NAME" reading.
  const own = speakerIn(doc, sentence);
  if (!own || own.key !== speakerKey(v.speaker)?.toLowerCase()) return null;
  const body = doc.text.slice(sentence.start, sentence.end);
  const at = body.lastIndexOf(v.speaker);
  if (at < 0) return null;
  const span = { start: sentence.start + at, end: sentence.start + at + v.speaker.length };
  const person = personName(doc, v.speaker, span);
  // Stricter than for sentences: the analysis must know the speaker as a person.
  const known = doc.analysis.mentions.some((x) => x.kind === 'person' && x.start < span.end && span.start < x.end);
  return person && known && /^\p{Lu}/u.test(person.name) ? { source: doc.index, sentence, name: person.name, key: person.key, rest: new Set() } : null;
}

/** Near-identical attributed sentences of two sources with two different speakers. */
function sentenceConflicts(docs: SourceDoc[]): Conflict[] {
  const all = docs.flatMap((d) => attributedSentences(d));
  const used = new Set<Attributed>();
  const out: Conflict[] = [];
  const candidatesOf = statementCandidates(all);
  for (let i = 0; i < all.length; i++) {
    const a = all[i] as Attributed;
    if (used.has(a)) continue;
    for (const j of candidatesOf(i)) {
      const b = all[j] as Attributed;
      if (used.has(b) || b.source === a.source || b.key === a.key || !sameStatement(a, b) || namesOther(docs, a, b)) continue;
      const c = conflictOf(docs, a, b);
      if (!c) continue;
      used.add(a).add(b);
      out.push(c);
      break;
    }
  }
  return out;
}

function conflictOf(docs: SourceDoc[], a: Attributed, b: Attributed): Conflict | null {
  const da = docs[a.source] as SourceDoc;
  const excerpt = da.text.slice(a.sentence.start, a.sentence.end).replace(/\s+/g, ' ');
  const short = excerpt.length > 60 ? `${excerpt.slice(0, 57)}…` : excerpt;
  const stances = [a, b].map((x) => ({ source: x.source, value: x.name, span: x.sentence }));
  return conflictFrom('attribution', `who made the statement “${short}”`, stances, docs, (v) => v, 'one statement has one speaker, and these are two different people');
}

/**
 * True when either sentence names the other's speaker: an organisation and its spokesperson
 * ("Harbour Trust President Ann Marlow said" vs "Harbour Trust said"), or both people in one report.
 */
function namesOther(docs: SourceDoc[], a: Attributed, b: Attributed): boolean {
  const has = (x: Attributed, name: string): boolean => (docs[x.source] as SourceDoc).text.slice(x.sentence.start, x.sentence.end).includes(name);
  return has(a, b.name) || has(b, a.name);
}

/**
 * The sentences after the i-th that can be the same statement, ascending: two sentences sharing
 * MIN_SHARED_SHARE of the larger's words share at least that share of each one's, so (ordering words
 * rarest first) each one's first words beyond that share meet the other's (prefix filtering). This
 * saves comparing every pair of a big story's attributed sentences.
 */
export function statementCandidates(all: readonly Attributed[]): (i: number) => Int32Array {
  const df = new Map<string, number>();
  for (const x of all) for (const w of x.rest) df.set(w, (df.get(w) ?? 0) + 1);
  const rarestFirst = (a: string, b: string): number => (df.get(a) ?? 0) - (df.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0);
  const prefixes = all.map((x) => {
    // shared >= MIN_SHARED_SHARE * max(sizes) >= MIN_SHARED_SHARE * x.rest.size, and shared is whole
    const least = Math.ceil(MIN_SHARED_SHARE * x.rest.size);
    return [...x.rest].sort(rarestFirst).slice(0, Math.max(0, x.rest.size - least + 1));
  });
  const index = postingLists(prefixes, (p) => p);
  return (i) => {
    const out = new Set<number>();
    for (const w of prefixes[i] ?? []) for (const j of index.get(w) ?? []) if (j > i) out.add(j);
    return Int32Array.from(out).sort();
  };
}

export function sameStatement(a: Attributed, b: Attributed): boolean {
  const shared = [...a.rest].filter((w) => b.rest.has(w)).length;
  return shared >= MIN_SHARED_SHARE * Math.max(a.rest.size, b.rest.size);
}

let pattern: RegExp | null = null;

/** Sentences of a source with a named speaker ("NAME said", "said NAME") outside quotation marks. */
function attributedSentences(doc: SourceDoc): Attributed[] {
  const out: Attributed[] = [];
  for (const s of doc.sentences) {
    const found = speakerIn(doc, s);
    if (!found) continue;
    const { span } = found;
    const rest = new Set(words(doc.text, s.start, s.end).filter((w) => w.end <= span.start || w.start >= span.end).map((w) => w.norm));
    if (rest.size < MIN_STATEMENT_WORDS) continue;
    out.push({ source: doc.index, sentence: s, name: found.name, key: found.key, rest });
  }
  return out;
}

/** The first person named as a speaker in a sentence, with the name's span. */
function speakerIn(doc: SourceDoc, s: Span): { name: string; key: string; span: Span } | null {
  const verbs = [...lexicons().speechVerbs].filter((v) => /^\p{Ll}+$/u.test(v)).join('|');
  pattern ??= new RegExp(String.raw`(${NAME})\s+(?:${verbs})\b|\b(?:${verbs})\s+(${NAME})`, 'gu');
  const body = doc.text.slice(s.start, s.end);
  pattern.lastIndex = 0;
  for (let m = pattern.exec(body); m; m = pattern.exec(body)) {
    const raw = m[1] ?? m[2] ?? '';
    const at = s.start + m.index + m[0].indexOf(raw);
    const span = { start: at, end: at + raw.length };
    const person = personName(doc, raw, span);
    if (person) return { ...person, span };
  }
  return null;
}

/** The speaker as a person's name, or null for a title, role, pronoun, organisation or place. */
function personName(doc: SourceDoc, raw: string, span: Span): { name: string; key: string } | null {
  if (touchesQuote(doc, span)) return null;
  const titles = new Set(lexicons().titles);
  const parts = raw.split(/\s+/).filter((w) => !titles.has(w.toLowerCase().replace(/\.$/, '')) && !NOT_PEOPLE.has(w.toLowerCase()));
  const name = parts.join(' ');
  // A full stop ending the sentence is not part of the surname ("Gov. Perry.").
  const key = speakerKey(name.replace(/(\p{L}{2,})\.$/u, '$1'));
  if (!key || key.length < 2 || titles.has(key.toLowerCase()) || NOT_PEOPLE.has(key.toLowerCase())) return null;
  // A news outlet ("Us said", "People.com reported") or a web address is not a person.
  if (outletsIn(doc.text, span).length > 0 || /\.(?:com|org|net|co|uk)\b/i.test(name)) return null;
  // An organisation or place the analysis knows ("Reuters said", "Lisbon says") is not a person.
  const mention = doc.analysis.mentions.find((x) => x.start < span.end && span.start < x.end);
  if (mention && mention.kind !== 'person') return null;
  // "she said Wednesday": a date after the verb is not a speaker.
  if (doc.analysis.dates.some((d) => d.start < span.end && span.start < d.end)) return null;
  return { name, key: key.toLowerCase() };
}
