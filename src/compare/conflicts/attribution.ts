import type { Conflict } from '../../model/dossier.js';
import type { Span } from '../../model/span.js';
import { lexicons } from '../lexicon.js';
import { speakerKey } from '../quotes/speaker.js';
import type { SourceDoc } from '../source-doc.js';
import { alternation, conflictFrom, newsOrgsIn, outletsIn, ownOutlet, touchesQuote, type Stance } from './common.js';

/** Words between "by"/"told" and the outlet's name ("told Russian state news agency Tass"). */
const MAX_WORDS_BEFORE_OUTLET = 5;
const NAME = String.raw`\p{Lu}[\p{L}’'.-]+(?:\s+\p{Lu}[\p{L}’'.-]+){0,3}`;

/**
 * Attribution conflicts, two questions:
 * - who published or obtained the story's recording/report: "published by X", "X aired",
 *   "recording by X", compared across sources on the same kind of item;
 * - which outlet a person spoke to: "P told X", "P said to X", "..., according to X" (P named
 *   in the sentence), compared for the same person.
 * Only names from the outlets lexicon count as values, and never the source's own outlet.
 */
export function attributionConflicts(docs: SourceDoc[]): Conflict[] {
  return [...publisherConflicts(docs), ...spokeToConflicts(docs)];
}

interface PublisherStance extends Stance {
  artifact: string;
}

function publisherConflicts(docs: SourceDoc[]): Conflict[] {
  const lex = lexicons();
  const verbs = alternation(lex.releaseVerbs);
  const artifacts = alternation(lex.artifacts);
  const gap = String.raw`(?:\s+[\p{L}’'.-]+){0,${MAX_WORDS_BEFORE_OUTLET}}?\s+`;
  // Each pattern must end where the outlet's name starts.
  const patterns = [String.raw`\b(?:${verbs})\s+by${gap}`, String.raw`\b(?:${artifacts})\s+by${gap}`].map((p) => new RegExp(`(?:${p})$`, 'iu'));
  const artifactRe = new RegExp(String.raw`\b(${artifacts})\b`, 'iu');
  const activeRe = new RegExp(String.raw`^\s+(?:has\s+|had\s+)?(${verbs})\b(?:\s+[\p{L}’'-]+){0,3}`, 'iu');
  const stances: PublisherStance[] = [];
  // Names the story itself gives outlets: the sources' own, and every full news name printed.
  const known = [...new Set(docs.flatMap((d) => [d.article.outlet ?? '', ...newsOrgsIn(d.text, { start: 0, end: d.text.length }, []).map((o) => o.canonical)]).filter(Boolean))];
  for (const doc of docs) {
    for (const s of doc.sentences) {
      const body = doc.text.slice(s.start, s.end);
      const artifact = artifactRe.exec(body)?.[1]?.toLowerCase();
      if (!artifact) continue;
      const key = lex.synonym.get(artifact) ?? artifact;
      // An outlet's own claim to have obtained something counts here: that is the dispute.
      for (const o of newsOrgsIn(doc.text, s, known)) {
        if (touchesQuote(doc, o.span)) continue;
        const before = doc.text.slice(s.start, o.span.start);
        const after = doc.text.slice(o.span.end, s.end);
        let span: Span | null = null;
        // Only the last few words before the name can hold "published by the".
        const near = before.slice(-80);
        for (const re of patterns) {
          const tail = re.exec(near);
          if (tail) span = { start: o.span.start - (near.length - tail.index), end: o.span.end };
        }
        const active = activeRe.exec(after);
        if (!span && active) span = { start: o.span.start, end: o.span.end + active[0].length };
        if (span) stances.push({ source: doc.index, value: o.canonical, span, artifact: key });
      }
    }
  }
  // Trigger on one kind of item that sources attribute differently, then take in every source's
  // attribution of the story's items so each side shows all its evidence.
  const kinds = [...new Set(stances.map((s) => s.artifact))].sort();
  for (const k of kinds) {
    const same = stances.filter((s) => s.artifact === k);
    if (!conflictFrom('attribution', '', same, docs)) continue;
    const c = conflictFrom('attribution', `who published or obtained the ${k}`, stances, docs);
    return c ? [c] : [];
  }
  return [];
}

function spokeToConflicts(docs: SourceDoc[]): Conflict[] {
  const byPerson = new Map<string, Stance[]>();
  const names = new Map<string, string>();
  for (const doc of docs) {
    const own = ownOutlet(doc);
    for (const s of doc.sentences) {
      for (const o of outletsIn(doc.text, s)) {
        if (o.canonical === own || touchesQuote(doc, o.span)) continue;
        const before = doc.text.slice(s.start, o.span.start);
        const told = new RegExp(String.raw`(${NAME})(?:,[^,]{1,60},)?\s+(?:told|said\s+to|spoke\s+to|said\s+in\s+an\s+interview\s+with)(?:\s+[\p{L}’'.-]+){0,${MAX_WORDS_BEFORE_OUTLET}}?\s+$`, 'u').exec(before);
        const according = /\baccording\s+to(?:\s+[\p{L}’'.-]+){0,4}?\s+$/iu.exec(before);
        let person: string | null = null;
        let span: Span | null = null;
        if (told) {
          person = told[1] ?? null;
          span = { start: s.start + told.index, end: o.span.end };
        } else if (according) {
          // The person whose words are reported: the first name in the sentence before "according to".
          const clause = before.slice(0, according.index);
          const m = new RegExp(String.raw`(?:[Ss]pokes(?:man|woman|person)|[Mm]inister|[Oo]fficial|[Ss]ecretary|[Pp]resident|[Cc]hief|[Dd]irector)\s+(${NAME})`, 'u').exec(clause);
          person = m?.[1] ?? null;
          span = { start: s.start + according.index, end: o.span.end };
        }
        const key = speakerKey(person);
        if (!key || !span || !person) continue;
        if (/^(?:The|A|An|It|This|He|She|They)$/.test(key)) continue;
        names.set(key, names.get(key) && (names.get(key) as string).length >= person.length ? (names.get(key) as string) : person);
        byPerson.set(key, [...(byPerson.get(key) ?? []), { source: doc.index, value: o.canonical, span }]);
      }
    }
  }
  const out: Conflict[] = [];
  for (const [key, stances] of [...byPerson.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const c = conflictFrom('attribution', `which outlet ${names.get(key) ?? key} spoke to`, stances, docs);
    if (c) out.push(c);
  }
  return out;
}
