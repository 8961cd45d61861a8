import type { Conflict } from '../../model/dossier.js';
import type { Span } from '../../model/span.js';
import type { ClaimStage } from '../claims/index.js';
import { lexiconSet } from '../lexicon.js';
import type { SourceDoc } from '../source-doc.js';
import { evidenceSpan, passageOf } from './attribute.js';
import { conflictFrom, outletsIn, ownOutlet, touchesQuote, type Stance } from './common.js';

/**
 * Attribution conflicts on which outlet a speaker gave the same words to: "her rep told People"
 * against "Reid's rep told Us", "a spokesman told CNN" against "... told the AP". The speaker is
 * the role named before the verb (rep, spokesman, friend: data/lexicons/compare/speaker-roles.txt)
 * or else the surname; the addressee must read as an outlet (the outlets list, an address ending in
 * .com, a name followed by "magazine" or "station", a name in capitals, or a form another source
 * prints in one of those ways). Two sources' stances are set against each other only when their
 * sentences report the same words (SAME_REMARKS_SIMILARITY, the attribution itself left out): a
 * speaker gives many interviews, and two interviews are no dispute.
 */
const SAME_REMARKS_SIMILARITY = 0.3;
/** Words scanned back from the verb for the speaker. */
const SPEAKER_WORDS = 6;

const VERB = String.raw`(?:told|tells|telling|confirmed\s+to|said\s+to|talking\s+to|speaking\s+to|talked\s+to|spoke\s+to|in\s+an\s+interview\s+with)`;
const ADDRESSEE = String.raw`((?:[Tt]he\s+)?\p{Lu}[\p{L}\p{N}.&’'-]*(?:\s+\p{Lu}[\p{L}\p{N}.&’'-]*){0,3})(\s+(?:magazine|newspaper|radio|television|TV|station|affiliate|website|daily|weekly|news\s+agency)\b)?`;
const NEWS_NOUN = /^(?:magazine|newspaper|radio|television|tv|station|affiliate|website|daily|weekly|news agency)$/i;

interface Told extends Stance {
  speaker: string;
  sentence: Span;
  attribution: Span;
  /** The addressee reads as an outlet on its own. */
  newsy: boolean;
}

let rolesCache: Set<string> | null = null;
const roles = (): Set<string> => (rolesCache ??= lexiconSet('speaker-roles.txt'));

/** An outlet's name reduced to what tells outlets apart: "UsMagazine.com", "Us Weekly" and "Us" are one. */
export function outletKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\.com$/, '')
    .replace(/\s*(?:magazine|weekly|online|newspaper)$/, '')
    .replace(/magazine$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export function toldOutletConflicts(docs: SourceDoc[], claims: ClaimStage): Conflict[] {
  const stances = docs.flatMap((d) => toldIn(d));
  // A plain name counts as an outlet once some source prints it as one ("People.com", "People magazine").
  const outletKeys = new Set(stances.filter((s) => s.newsy).map((s) => s.value));
  const kept = stances.filter((s) => outletKeys.has(s.value));
  const out: Conflict[] = [];
  for (const speaker of [...new Set(kept.map((s) => s.speaker))].sort()) {
    const list = kept.filter((s) => s.speaker === speaker);
    const passages = list.map((s) => passageOf(docs[s.source] as SourceDoc, s.sentence, s.attribution));
    // Linked when two sources' sentences report the same words; groups are the linked components.
    const parent = list.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : find(parent[i] as number));
    const linked = new Set<number>();
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        if ((list[i] as Told).source === (list[j] as Told).source) continue;
        if (claims.matcher.similarity(passages[i] as { keys: string[] }, passages[j] as { keys: string[] }) < SAME_REMARKS_SIMILARITY) continue;
        parent[find(j)] = find(i);
        linked.add(i).add(j);
      }
    const groups = new Map<number, Told[]>();
    list.forEach((s, i) => {
      if (linked.has(i)) groups.set(find(i), [...(groups.get(find(i)) ?? []), s]);
    });
    for (const group of groups.values()) {
      const labels = new Map(group.map((s) => [s.value, (docs[s.source] as SourceDoc).text.slice(s.attribution.start, s.attribution.end)]));
      const c = conflictFrom('attribution', `which outlet the ${speaker} gave the same words to`, group, docs, (v) => labelOf(labels.get(v) ?? v), 'the same words were told to one outlet, not to each');
      if (c) out.push(c);
    }
  }
  return out;
}

/** The addressee as printed, from an attribution "her rep told People.com". */
function labelOf(attribution: string): string {
  const m = new RegExp(`${VERB}\\s+${ADDRESSEE}`, 'u').exec(attribution);
  return m ? (m[1] as string).replace(/^[Tt]he\s+/, '') : attribution;
}

/** The "told OUTLET" stances of one source (not its own outlet, not inside quotations). */
function toldIn(doc: SourceDoc): Told[] {
  const re = new RegExp(`(?<![\\p{L}])${VERB}\\s+${ADDRESSEE}`, 'gu');
  const own = ownOutlet(doc);
  const out: Told[] = [];
  for (const s of doc.sentences) {
    const body = doc.text.slice(s.start, s.end);
    re.lastIndex = 0;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const name = (m[1] as string).replace(/[.,]+$/, '');
      const start = s.start + m.index;
      const attribution = { start, end: start + m[0].replace(/[.,]+$/, '').length };
      // The language layer often reads the name after "told" as a person's ("told People"): an
      // outlet is told apart by its form instead (see `newsy` and the story-wide check).
      if (touchesQuote(doc, attribution)) continue;
      const speaker = speakerBefore(body.slice(0, m.index));
      if (!speaker) continue;
      const known = outletsIn(doc.text, { start: attribution.start, end: attribution.end })[0]?.canonical;
      if (known && known === own) continue;
      // eslint-disable-next-line security/detect-unsafe-regex -- anchored, one character class repeated: linear
      const newsy = Boolean(known) || /\.com$/i.test(name) || NEWS_NOUN.test((m[2] ?? '').trim()) || /^(?:The\s+)?\p{Lu}{2,}$/u.test(name);
      const value = outletKey(known ?? name);
      if (!value) continue;
      out.push({ source: doc.index, value, span: evidenceSpan(doc, s, attribution), speaker, sentence: s, attribution, newsy });
    }
  }
  return out;
}

/** The speaker named just before the verb: a role noun ("rep", "spokesman") or else a surname. */
function speakerBefore(before: string): string | null {
  const clause = before.split(/[;:"“”]/).pop() ?? '';
  const ws = [...clause.matchAll(/[\p{L}’'.-]+/gu)].map((m) => m[0].replace(/[’']s$/, '')).slice(-SPEAKER_WORDS);
  const role = [...ws].reverse().find((w) => roles().has(w.toLowerCase()));
  if (role) return role.toLowerCase();
  const last = ws[ws.length - 1];
  return last && /^\p{Lu}\p{Ll}+$/u.test(last) && !/^(?:The|A|An|He|She|They|It|We|I)$/.test(last) ? last : null;
}
