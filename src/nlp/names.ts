import type { Span } from '../model/span.js';
import type { Entity, EntityKind, Mention, Sentence } from './types.js';
import { lexicons, type Lexicons } from './lexicons.js';
import { tokenize, type Token } from './tokens.js';
import { capitalGroups, CONNECTORS } from './name-groups.js';

/**
 * People, organisations and places by capitalised word sequences and general lexicons (outlets,
 * institutions, places, titles): compromise finds more but runs at ~16k words/s, a tenth of the
 * layer's budget. Titles and roles before a name ("US President", "ministry spokesman") or in an
 * apposition after it (", the ministry spokesperson,") become the mention's descriptor; the canonical
 * name is the fullest form of the name in the article ("Okafor" -> "Maria Okafor").
 */

/** How many words back a descriptor may reach before a name. */
const DESCRIPTOR_MAX_WORDS = 5;
/** How many words an appositive descriptor after a name may have (", the ministry spokesperson,"). */
const APPOSITIVE_MAX_WORDS = 7;

interface Draft {
  span: Span;
  kind: EntityKind;
  name: string;
  canonical: string | null;
  descriptor: Span | null;
  /** Needs confirmation: a single unknown capitalised word. */
  tentative: boolean;
  /** Word before and after, for the tentative test. */
  nextWord: string;
  prevWord: string;
}

export interface NameResult {
  mentions: Mention[];
  entities: Entity[];
}

/** A compound title ("Gewerkschaftssprecher"): longer than its title ending by a few letters at least. */
const COMPOUND_MIN_EXTRA = 3;

function isTitleToken(lex: Lexicons, t: Token): boolean {
  return lex.titleWords.has(t.text) || lex.honorifics.has(t.text) || lex.modifiers.has(t.lower) || (t.cap && lex.titleSuffixes.some((s) => t.lower.endsWith(s) && t.lower.length >= s.length + COMPOUND_MIN_EXTRA));
}
function isAttributive(lex: Lexicons, t: Token): boolean {
  return lex.demonyms.has(t.text) || lex.places.has(t.text) || lex.orgAliases.has(t.text) || lex.modifiers.has(t.lower) || lex.titleLeads.has(t.text) || t.text === 'Former';
}

const nameOf = (text: string, toks: Token[]): Span => {
  const first = toks[0];
  const last = toks[toks.length - 1];
  if (!first || !last) return { start: 0, end: 0 };
  return { start: first.start, end: last.possessive ? last.end - 2 : last.end };
};

/** Lexicon look-ups recur for the same strings across articles; results are kept (bounded). */
const lexiconMemo = new Map<string, { kind: EntityKind; canonical: string } | null>();
const LEXICON_MEMO_MAX = 50_000;

function lexiconMatch(lex: Lexicons, s: string): { kind: EntityKind; canonical: string } | null {
  const known = lexiconMemo.get(s);
  if (known !== undefined) return known;
  const found = lexiconLookup(lex, s);
  if (lexiconMemo.size >= LEXICON_MEMO_MAX) lexiconMemo.clear();
  lexiconMemo.set(s, found);
  return found;
}

function lexiconLookup(lex: Lexicons, s: string): { kind: EntityKind; canonical: string } | null {
  const org = lex.orgAliases.get(s) ?? (s === s.toUpperCase() ? undefined : lex.orgAliasesLower.get(s.toLowerCase()));
  if (org) return { kind: 'org', canonical: org };
  const place = lex.places.get(s);
  if (place) return { kind: 'place', canonical: place };
  return null;
}

function onlySpaceOrHyphen(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 45 && c !== 10 && c !== 160 && c !== 9) return false;
  }
  return true;
}

/** Descriptor words right before a name: roles, modifiers, demonyms, titles ("former President"). */
function descriptorBefore(text: string, lex: Lexicons, toks: Token[], at: number, kind: EntityKind, within: Span): Span | null {
  let k = at - 1;
  let start = -1;
  let count = 0;
  let nextTok = toks[at];
  while (k >= 0 && count < DESCRIPTOR_MAX_WORDS) {
    const t = toks[k];
    if (!t || !nextTok || t.start < within.start) break;
    // Words must follow each other with only spaces or a hyphen between ("state-run").
    if (!onlySpaceOrHyphen(text, t.end, nextTok.start) || t.possessive) break;
    const ok =
      kind === 'person'
        ? lex.roles.has(t.lower) || lex.modifiers.has(t.lower) || isTitleToken(lex, t) || isAttributive(lex, t)
        : kind === 'org'
          ? lex.orgDescriptors.has(t.lower) || lex.demonyms.has(t.text) || lex.places.has(t.text)
          : false;
    if (!ok) break;
    start = t.start;
    nextTok = t;
    k--;
    count++;
  }
  if (start < 0) return null;
  const first = toks[at];
  return first ? trimTo(text, start, first.start) : null;
}

function trimTo(text: string, start: number, end: number): Span | null {
  while (end > start && /[\s-]/.test(text[end - 1] ?? '')) end--;
  return end > start ? { start, end } : null;
}

/** ", the ministry spokesperson," after a name. */
// eslint-disable-next-line security/detect-unsafe-regex -- every repetition is bounded ({m,n}), so the work per position is bounded
const APPOSITIVE_RE = /^,\s+((?:the|a|an)\s+)?([^,.;:"“”()]{2,80}?)(?=[,.;]|\s+(?:said|says|told|added|asserts|asserted|continued)\b)/;

function descriptorAfter(text: string, lex: Lexicons, end: number, limit: number): Span | null {
  const m = APPOSITIVE_RE.exec(text.slice(end, Math.min(limit, end + 100)));
  if (!m || !m[2]) return null;
  const words = m[2].trim().split(/\s+/);
  if (words.length > APPOSITIVE_MAX_WORDS) return null;
  const last = (words[words.length - 1] ?? '').toLowerCase();
  if (!lex.roles.has(last) && !lex.titleWords.has(words[words.length - 1] ?? '') && !/-year-old$/.test(last)) return null;
  const start = end + m.index + (m[0].length - (m[1] ?? '').length - m[2].length);
  return { start, end: start + m[2].length };
}

export function findNames(text: string, sentences: Sentence[]): NameResult {
  const lex = lexicons();
  const drafts: Draft[] = [];
  for (const sentence of sentences) {
    const toks = tokenize(text, sentence.start, sentence.end);
    // Most sentences' tokens are searched by identity once per group: a linear scan is cheaper than a map.
    let cursor = 0;
    for (const group of capitalGroups(text, toks)) {
      let g = group;
      while (cursor < toks.length && toks[cursor] !== g[0]) cursor++;
      const gi = cursor;
      // Sentence-initial or quote-initial function words ("The", "But") are not part of a name,
      // unless the whole sequence is a known name ("The Washington Post").
      const full = g.length > 1 ? text.slice(nameOf(text, g).start, nameOf(text, g).end) : '';
      if (!(full && lexiconMatch(lex, full))) {
        while (g.length && lex.functionWords.has((g[0] as Token).lower) && !lexiconMatch(lex, (g[0] as Token).text)) g = g.slice(1);
      }
      if (!g.length) continue;
      const startIndex = gi + (group.length - g.length);
      emitGroup(text, lex, sentence, toks, startIndex, g, drafts);
    }
  }
  return resolveNames(text, lex, drafts);
}

/** Where a group sits: the sentence's tokens and the group's first index among them. */
interface GroupContext {
  text: string;
  lex: Lexicons;
  sentence: Sentence;
  toks: Token[];
  startIndex: number;
  g: Token[];
  drafts: Draft[];
}

function pushDraft(c: GroupContext, toksOfName: Token[], kind: EntityKind, canonical: string | null, tentative: boolean, descriptor: Span | null): void {
  const span = nameOf(c.text, toksOfName);
  if (span.end <= span.start) return;
  const lastIdx = c.startIndex + c.g.indexOf(toksOfName[toksOfName.length - 1] as Token);
  const firstIdx = c.startIndex + c.g.indexOf(toksOfName[0] as Token);
  c.drafts.push({
    span,
    kind,
    name: c.text.slice(span.start, span.end),
    canonical,
    descriptor,
    tentative,
    nextWord: c.toks[lastIdx + 1]?.lower ?? '',
    prevWord: c.toks[firstIdx - 1]?.lower ?? '',
  });
}

/** A run of capitalised words no lexicon knows: an organisation by its keyword or acronym, else a person. */
function pushRun(c: GroupContext, run: Token[]): void {
  const { text, lex, sentence } = c;
  const r = run.slice();
  while (r.length && CONNECTORS.has((r[r.length - 1] as Token).text)) r.pop();
  if (!r.length) return;
  const last = r[r.length - 1] as Token;
  const kind: EntityKind = lex.orgKeywords.has(last.text) || r.some((t) => t.text.length > 1 && t.text === t.text.toUpperCase() && t.text !== t.text.toLowerCase()) ? 'org' : 'person';
  const acronymOnly = r.length === 1 && (r[0] as Token).text === (r[0] as Token).text.toUpperCase();
  const tentative = sentence.headline || (kind === 'person' && r.length === 1) || acronymOnly || r.every((t) => lex.functionWords.has(t.lower));
  const firstIdx = c.startIndex + c.g.indexOf(r[0] as Token);
  const descriptor = descriptorBefore(text, lex, c.toks, firstIdx, kind, sentence) ?? (kind === 'person' ? descriptorAfter(text, lex, nameOf(text, r).end, sentence.end) : null);
  pushDraft(c, r, kind, null, tentative, descriptor);
}

/** Longest lexicon entries (outlets, institutions, places) are matched over at most this many words. */
const LEXICON_MAX_WORDS = 6;

function emitGroup(text: string, lex: Lexicons, sentence: Sentence, toks: Token[], startIndex: number, g: Token[], drafts: Draft[]): void {
  const c: GroupContext = { text, lex, sentence, toks, startIndex, g, drafts };
  // Title prefix: the last title word preceded only by attributive words, with a name after it.
  let titleAt = -1;
  for (let k = 0; k < g.length - 1; k++) {
    const t = g[k] as Token;
    if (isTitleToken(lex, t)) titleAt = k;
    else if (lex.demonyms.has(`${t.text} ${g[k + 1]?.text ?? ''}`)) k++; // "South Korean President"
    else if (!isAttributive(lex, t)) break;
  }
  if (titleAt >= 0) {
    const name = g.slice(titleAt + 1);
    const nameSpan = nameOf(text, name);
    const known = lexiconMatch(lex, text.slice(nameSpan.start, nameSpan.end));
    if (!known) {
      const before = descriptorBefore(text, lex, toks, startIndex, 'person', sentence);
      const pre = nameOf(text, g.slice(0, titleAt + 1));
      const descriptor = { start: before ? before.start : pre.start, end: (g[titleAt] as Token).end };
      pushDraft(c, name, 'person', null, false, descriptor);
      return;
    }
  }
  // Longest lexicon matches from the left; the runs between them are names of unknown kind.
  let k = 0;
  let run: Token[] = [];
  while (k < g.length) {
    let matched = 0;
    let hit: { kind: EntityKind; canonical: string } | null = null;
    // Multi-word entries are only tried from a word that starts one ("New" York, "Wall" Street Journal).
    const top = lex.lexiconStarts.has((g[k] as Token).text) ? Math.min(g.length, k + LEXICON_MAX_WORDS) : k + 1;
    for (let m = top; m > k; m--) {
      const span = nameOf(text, g.slice(k, m));
      const h = lexiconMatch(lex, text.slice(span.start, span.end));
      if (h) {
        hit = h;
        matched = m - k;
        break;
      }
    }
    if (hit) {
      if (run.length) pushRun(c, run);
      run = [];
      const these = g.slice(k, k + matched);
      // A demonym used as an adjective ("Russian") is not a mention of a place.
      if (!(matched === 1 && lex.demonyms.has((these[0] as Token).text) && !lex.places.has((these[0] as Token).text))) {
        pushDraft(c, these, hit.kind, hit.canonical, false, descriptorBefore(text, lex, toks, startIndex + k, hit.kind, sentence));
      }
      k += matched;
    } else {
      const t = g[k] as Token;
      if (!lex.demonyms.has(t.text)) run.push(t);
      else {
        if (run.length) pushRun(c, run);
        run = [];
      }
      k++;
    }
  }
  if (run.length) pushRun(c, run);
}

/** Generational suffixes: part of who is meant ("Jr." tells son from father), not the surname. */
export const GENERATIONAL_SUFFIX = /^(?:Jr|Sr|II|III|IV)\.?,?$/;
const SUFFIX = GENERATIONAL_SUFFIX;
/** The name's words without a generational suffix. */
function nameWords(name: string): string[] {
  const w = name.split(/\s+/);
  return w.length > 1 && SUFFIX.test(w[w.length - 1] ?? '') ? w.slice(0, -1) : w;
}
const suffixOf = (name: string): string => (name.split(/\s+/).length > nameWords(name).length ? (name.split(/\s+/).pop() ?? '').replace(/[.,]/g, '') : '');

/** Before a name, with a lower-case noun after it, these make the name a modifier ("the Mia Rossi handbag"). */
const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'my', 'your']);

/**
 * The fullest form of a person's name in the article. A full name stays itself (or takes a fuller
 * form with the same given name and suffix: "Anna Berg" -> "Anna K. Berg"); it never becomes another
 * person with that surname. A lone name takes the full names that have it as surname (else as given
 * name: "Tan" -> "Tan Mei Ling"), among them those used for a person (not only as a modifier), and
 * of those the one the article introduced first, before this mention (news style names a person in
 * full on first reference); then the most used; then the longer.
 */
function canonicalPerson(d: Draft, byPart: Map<string, string[]>, fullNames: Map<string, { count: number; first: number; personal: boolean }>): string | null {
  const name = d.name;
  const words = nameWords(name);
  const first = words[0] ?? '';
  const last = words[words.length - 1] ?? '';
  const suffix = suffixOf(name);
  let cands: string[];
  if (words.length > 1) {
    cands = (byPart.get(last) ?? []).filter((c) => c === name || (nameWords(c)[0] === first && suffixOf(c) === suffix));
  } else {
    const fit = (c: string): boolean => !suffix || suffixOf(c) === suffix;
    cands = (byPart.get(last) ?? []).filter((c) => nameWords(c).length > 1 && nameWords(c).at(-1) === last && fit(c));
    if (!cands.length) cands = (byPart.get(first) ?? []).filter((c) => nameWords(c)[0] === first && fit(c));
    const personal = cands.filter((c) => fullNames.get(c)?.personal);
    if (personal.length) cands = personal;
    // Only a full name already introduced: one first printed later is someone else ("his father, ...").
    const before = cands.filter((c) => (fullNames.get(c)?.first ?? Infinity) < d.span.start);
    const earliest = Math.min(...before.map((c) => fullNames.get(c)?.first ?? Infinity));
    cands = before.filter((c) => fullNames.get(c)?.first === earliest);
  }
  if (!cands.length) return null;
  const info = (c: string): [number, number] => [fullNames.get(c)?.count ?? 0, c.length];
  return [...cands].sort((a, b) => info(b)[0] - info(a)[0] || info(b)[1] - info(a)[1])[0] ?? null;
}

function resolveNames(text: string, lex: Lexicons, drafts: Draft[]): NameResult {
  // Full person names: two words or more, confirmed (not from a headline).
  const fullNames = new Map<string, { count: number; first: number; personal: boolean }>();
  for (const d of drafts) {
    if (d.kind !== 'person' || d.tentative || nameWords(d.name).length < 2) continue;
    const f = fullNames.get(d.name) ?? { count: 0, first: d.span.start, personal: false };
    f.count++;
    f.first = Math.min(f.first, d.span.start);
    const after = /^\s+(\p{L}+)/u.exec(text.slice(d.span.end, d.span.end + 40))?.[1] ?? '';
    const modifier = DETERMINERS.has(d.prevWord) && /^\p{Ll}/u.test(after) && !lex.functionWords.has(after);
    if (!modifier) f.personal = true;
    fullNames.set(d.name, f);
  }
  const byPart = new Map<string, string[]>();
  for (const name of fullNames.keys()) {
    const words = nameWords(name);
    const parts = words.length > 1 ? [words[words.length - 1] ?? '', words[0] ?? ''] : [words[0] ?? ''];
    for (const w of parts) {
      const list = byPart.get(w) ?? [];
      list.push(name);
      byPart.set(w, list);
    }
  }
  const mentions: Mention[] = [];
  for (const d of drafts) {
    let canonical = d.canonical;
    if (d.kind === 'person') {
      canonical = canonicalPerson(d, byPart, fullNames);
      if (!canonical) {
        if (d.tentative) {
          // A lone capitalised word is a person when it speaks or is addressed by an honorific.
          const speaks = lex.speechVerbs.has(d.nextWord) || ['said', 'says', 'told', 'added', 'asked'].includes(d.prevWord) || lex.honorifics.has(d.prevWord.charAt(0).toUpperCase() + d.prevWord.slice(1));
          if (!speaks || d.name.includes(' ')) continue;
        }
        canonical = d.name.replace(/['’]s$/, '');
      }
    } else if (d.tentative) {
      continue;
    }
    mentions.push({
      start: d.span.start,
      end: d.span.end,
      text: text.slice(d.span.start, d.span.end),
      kind: d.kind,
      canonical: canonical ?? d.name,
      descriptor: d.descriptor ? text.slice(d.descriptor.start, d.descriptor.end) : null,
      descriptorSpan: d.descriptor,
    });
  }
  mentions.sort((a, b) => a.start - b.start);
  const entities: Entity[] = [];
  const index = new Map<string, number>();
  mentions.forEach((m, i) => {
    const key = `${m.kind}\u0000${m.canonical}`;
    let e = index.get(key);
    if (e === undefined) {
      e = entities.length;
      index.set(key, e);
      entities.push({ canonical: m.canonical, kind: m.kind, mentions: [], descriptors: [] });
    }
    const entity = entities[e] as Entity;
    entity.mentions.push(i);
    if (m.descriptor && m.descriptorSpan) entity.descriptors.push({ text: m.descriptor, span: m.descriptorSpan });
  });
  return { mentions, entities };
}
